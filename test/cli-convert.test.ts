// carbonbridge convert through the CLI entry point, on real files in a temporary directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { runCli } from './helpers/cli';
import { ALUMINIUM } from './helpers/pinned';
import { hasTool, SHARED, sharedFile } from './helpers/tools';
import { SAMPLES_DIR, sampleJson } from './helpers/samples';
import { parseSharedStrings, readCells } from '../src/core/cbam/docs/ooxml';

const TEMPLATE = sharedFile('cbam/official/CBAM Communication template for installations_en_20241213.xlsx');
const XSD = sharedFile('cbam/official/QReport_17.03.xsd');
const haveTemplate = TEMPLATE !== undefined;
const hasSoffice = hasTool('soffice');
const hasXmllint = hasTool('xmllint');
const AL = join(SAMPLES_DIR, 'aluminium-ingot-ningxia.json');
const CE = join(SAMPLES_DIR, 'cement-grey-portland.json');
const LFP = join(SAMPLES_DIR, 'lfp-battery-pack.json');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cb-convert-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

describe('carbonbridge convert --to eu-cbam', () => {
  it('aluminium 2026 --json: SEE direct only (AR5 PFCs), every dropped line with its reason text', async () => {
    const r = await run('convert', AL, '--to', 'eu-cbam', '--period', '2026', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ ok: true, status: 'converted', complete: true, pack: { id: 'eu-cbam-definitive' } });
    expect(j.see.counted).toBe('direct');
    expect(j.see.countedValue.value).toBe(ALUMINIUM.cbamSeeDirectT);
    expect(j.direct.byGas.pfc.value).toBe(12 * 6630 + 1.2 * 11100);
    expect(j.dropped.map((d: { id: string }) => d.id)).toEqual(['AL-01', 'AL-02', 'AL-03', 'AL-04', 'AL-10']);
    for (const d of j.dropped) {
      expect(d.reason.text).toContain(d.id);
      expect(d.legalRef.act).toMatch(/Regulation/);
    }
    expect(j.findings.every((f: { text: string }) => f.text.length > 0)).toBe(true);
  });

  it('text output in Chinese and Arabic', async () => {
    const zh = await run('convert', AL, '--to', 'eu-cbam', '--period', '2026', '--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('剔除的行（5）');
    expect(zh.out).toContain(String(ALUMINIUM.cbamSeeDirectT));
    const ar = await run('convert', AL, '--to', 'eu-cbam', '--period', '2026', '--lang', 'ar');
    expect(ar.out).toContain('الأسطر المستبعَدة (5)');
  });

  it('cement 2026: indirect counts — without an EU default factor exit 1 with the reason; with --ef exit 0', async () => {
    const r = await run('convert', CE, '--to', 'eu-cbam', '--period', '2026', '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.complete).toBe(false);
    expect(j.findings.find((f: { message: { key: string } }) => f.message.key === 'cbamconvert:errors.efMissing').text).toContain('--ef');
    const ok = await run('convert', CE, '--to', 'eu-cbam', '--period', '2026', '--ef', '0.6', '--json');
    expect(ok.code).toBe(0);
    const k = JSON.parse(ok.out);
    expect(k.see.counted).toBe('total');
    expect(k.see.indirect.value).toBe(0.054);
    expect(k.electricity.ef.source).toEqual({ kind: 'user', field: 'electricity.euDefaultEf' });
  });

  it('LFP battery pack: not a CBAM good (exit 1), reason in the chosen language', async () => {
    const r = await run('convert', LFP, '--to', 'eu-cbam', '--period', '2026', '--json', '--lang', 'zh');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ ok: false, status: 'not-cbam', isCbamGood: false, reason: { key: 'cbam:reasons.notListed' } });
    expect(j.reason.text).toContain('8507 60 00');
  });

  it('a precursor with no country: exit 1 and a translated error naming the line', async () => {
    const ds = sampleJson('aluminium-ingot-ningxia.json');
    ds.inventory.push({
      id: 'AL-11',
      description: 'Purchased ingots',
      stage: 'raw-material-acquisition',
      category: 'precursor-material',
      location: 'upstream',
      activity: { amount: 1000, unit: 't' },
      emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 14000 }, source: { name: 'x' } },
      dataType: 'secondary',
      precursor: { cnCode: '7601 10 00' },
    });
    const f = join(dir, 'al-precursor.json');
    writeFileSync(f, JSON.stringify(ds));
    const r = await run('convert', f, '--to', 'eu-cbam', '--period', '2026', '--lang', 'ar');
    expect(r.code).toBe(1);
    expect(r.out).toContain('«AL-11»');
    expect(r.out).toContain('precursor.countryOfProduction');
  });

  it('unusable arguments exit 2 with translated messages', async () => {
    expect((await run('convert', AL, '--period', '2026')).err).toContain('--to');
    const bad = await run('convert', AL, '--to', 'us-cbam', '--period', '2026');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--to eu-cbam');
    const noPeriod = await run('convert', AL, '--to', 'eu-cbam', '--lang', 'zh');
    expect(noPeriod.code).toBe(2);
    expect(noPeriod.err).toContain('缺少选项 --period');
    const ch = await run('convert', AL, '--to', 'eu-cbam', '--period', '2026', '--electricity', 'coal');
    expect(ch.code).toBe(2);
    expect(ch.err).toContain('cn-mee-ningxia');
    const cn = await run('convert', AL, '--to', 'eu-cbam', '--period', '2026', '--cn', '76O1');
    expect(cn.code).toBe(2);
    expect(cn.err).toContain('76O1');
    const unknown = await run('convert', AL, '--to', 'eu-cbam', '--period', '2026', '--cn', '9999 99 99');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('9999 99 99');
    const missing = await run('convert', join(dir, 'nope.json'), '--to', 'eu-cbam', '--period', '2026');
    expect(missing.code).toBe(2);
  });

  it('--out workbook.xlsx writes our own workbook; --out result.json the result', async () => {
    const out = join(dir, 'own.xlsx');
    const r = await run('convert', CE, '--to', 'eu-cbam', '--period', '2026', '--ef', '0.6', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('own.xlsx');
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(files['xl/workbook.xml']).toBeDefined();
    const jf = join(dir, 'result.json');
    expect((await run('convert', CE, '--to', 'eu-cbam', '--period', '2026', '--ef', '0.6', '--out', jf)).code).toBe(0);
    expect(JSON.parse(readFileSync(jf, 'utf8')).see.total.value).toBe(0.640824);
    const wrong = await run('convert', CE, '--to', 'eu-cbam', '--period', '2026', '--ef', '0.6', '--out', join(dir, 'x.pdf'));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('x.pdf');
  });

  it('--corrections file: waste gas and heat corrections are applied', async () => {
    const f = join(dir, 'corr.json');
    writeFileSync(f, JSON.stringify({ wasteGas: { importedTJ: 100, exportedTJ: 100 } }));
    const r = await run('convert', CE, '--to', 'eu-cbam', '--period', '2026', '--ef', '0.6', '--corrections', f, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.corrections.items.map((c: { effect: { value: number } }) => c.effect.value)).toEqual([5610, -3741.87]);
    expect(j.attributedDirect.value).toBe(j.direct.total.value + 5610 - 3741.87);
  });

  it('--out statement.xlsx --ledger: quarterly statement for 2026-Q1', async () => {
    const out = join(dir, 'statement.xlsx');
    const r = await run(
      'convert',
      CE,
      '--to',
      'eu-cbam',
      '--period',
      '2026-Q1',
      '--ef',
      '0.6',
      '--ledger',
      'test/fixtures/cbam-docs/imports-2026.csv',
      '--out',
      out,
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).written).toMatchObject({ what: 'quarterly' });
    expect(unzipSync(new Uint8Array(readFileSync(out)))['xl/workbook.xml']).toBeDefined();
  });

  it(`--out report.xml: QReport XML for a transitional quarter, valid against the XSD ${SHARED}; refused for 2026`, async () => {
    const info = join(dir, 'info.json');
    writeFileSync(
      info,
      JSON.stringify({
        declarant: { id: 'DE123456789012345', name: 'Example Importer GmbH', address: { country: 'DE', city: 'Hamburg' } },
        nationalCompetentAuthority: 'DE',
        signature: { date: '2025-10-20', place: 'Hamburg', name: 'A. Person', position: 'Manager' },
        netMass: 1000,
      }),
    );
    const out = join(dir, 'report.xml');
    const r = await run('convert', CE, '--to', 'eu-cbam', '--period', '2025-Q3', '--electricity', 'cn-mee-northwest', '--out', out, '--report-info', info);
    expect(r.code).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('25232900');
    if (hasXmllint && XSD) {
      const v = spawnSync('xmllint', ['--noout', '--schema', XSD, out], { encoding: 'utf8' });
      expect(v.stderr).toContain('validates');
      expect(v.status).toBe(0);
    }
    const d = await run('convert', CE, '--to', 'eu-cbam', '--period', '2026', '--ef', '0.6', '--out', join(dir, 'r2.xml'), '--report-info', info);
    expect(d.code).toBe(2);
    expect(d.err).toContain('2023-Q4');
    const noInfo = await run('convert', CE, '--to', 'eu-cbam', '--period', '2025-Q3', '--electricity', 'cn-mee-northwest', '--out', join(dir, 'r3.xml'));
    expect(noInfo.code).toBe(2);
    expect(noInfo.err).toContain('--report-info');
  });
});

describe.skipIf(!haveTemplate)(`carbonbridge convert --template (official template v2.1.1) ${SHARED}`, () => {
  let tpl: string;
  beforeAll(() => {
    tpl = join(dir, 'official.xlsx');
    copyFileSync(TEMPLATE!, tpl);
  });

  it('fills a copy; the template is unchanged; the written file is re-read and checked', async () => {
    const before = sha(tpl);
    const out = join(dir, 'filled-cement.xlsx');
    const r = await run('convert', CE, '--to', 'eu-cbam', '--period', '2026', '--ef', '0.6', '--template', tpl, '--out', out, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.written).toMatchObject({
      what: 'template',
      checks: { templateVersion: '2.1.1', mismatches: 0, formulasUnchanged: true, protectionUnchanged: true, fullCalcOnLoad: true },
    });
    expect(j.written.checks.verified).toBe(j.written.checks.written);
    expect(sha(tpl)).toBe(before);
    expect(j.written.sha256).toBe(sha(out));
  });

  it('refuses to write over the template, a workbook that is not the template, and a corrupt zip', async () => {
    const same = await run('convert', CE, '--to', 'eu-cbam', '--period', '2026', '--ef', '0.6', '--template', tpl, '--out', tpl);
    expect(same.code).toBe(2);
    expect(same.err).toContain('never changed in place');
    const other = join(dir, 'other.xlsx');
    writeFileSync(
      other,
      zipSync({
        'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="Sheet1" r:id="rId1"/></sheets></workbook>'),
        'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      }),
    );
    const o = await run('convert', CE, '--to', 'eu-cbam', '--period', '2026', '--ef', '0.6', '--template', other, '--out', join(dir, 'o.xlsx'));
    expect(o.code).toBe(2);
    expect(o.err).toMatch(/template/i);
    const corrupt = join(dir, 'corrupt.xlsx');
    writeFileSync(corrupt, 'PK\u0003\u0004 this is not a zip');
    const c = await run(
      'convert',
      CE,
      '--to',
      'eu-cbam',
      '--period',
      '2026',
      '--ef',
      '0.6',
      '--template',
      corrupt,
      '--out',
      join(dir, 'c.xlsx'),
      '--lang',
      'zh',
    );
    expect(c.code).toBe(2);
    expect(existsSync(join(dir, 'c.xlsx'))).toBe(false);
  });

  it('aluminium: asks for the exact 8-digit code, then fills with --cn 7601 10 10', async () => {
    const out = join(dir, 'filled-al.xlsx');
    const a = await run('convert', AL, '--to', 'eu-cbam', '--period', '2026', '--template', tpl, '--out', out);
    expect(a.code).toBe(1);
    expect(a.err).toContain('7601 10 10, 7601 10 90');
    const b = await run('convert', AL, '--to', 'eu-cbam', '--period', '2026', '--cn', '7601 10 10', '--template', tpl, '--out', out, '--json');
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out).written.checks.see[0].seeDirect).toBe(ALUMINIUM.cbamSeeDirectT);
  });

  it.skipIf(!hasSoffice)('LibreOffice recalculates the filled template to our SEE (4 decimals)', { timeout: 180_000 }, async () => {
    const out = join(dir, 'lo-cement.xlsx');
    const r = await run('convert', CE, '--to', 'eu-cbam', '--period', '2026', '--ef', '0.6', '--template', tpl, '--out', out, '--json');
    expect(r.code).toBe(0);
    const ours = JSON.parse(r.out).see;
    const lo = join(dir, 'lo');
    mkdirSync(join(lo, 'profile', 'user'), { recursive: true });
    writeFileSync(
      join(lo, 'profile', 'user', 'registrymodifications.xcu'),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
    );
    mkdirSync(join(lo, 'out'));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(lo, 'profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', join(lo, 'out'), out],
      { stdio: 'pipe', timeout: 170_000 },
    );
    const files = unzipSync(new Uint8Array(readFileSync(join(lo, 'out', 'lo-cement.xlsx'))));
    const wb = strFromU8(files['xl/workbook.xml']!);
    const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
    const pathOf = (name: string): string => {
      const rid = new RegExp(`<sheet name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1]!;
      return `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!.slice(1).find(Boolean)!}`;
    };
    const sst = parseSharedStrings(files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : undefined);
    const sp = readCells(strFromU8(files[pathOf('Summary_Processes')]!), ['H102', 'J102'], sst);
    const pr = readCells(strFromU8(files[pathOf('Summary_Products')]!), ['I10', 'J10', 'K10'], sst);
    const r4 = (x: unknown) => Math.round((x as number) * 1e4) / 1e4;
    expect(r4(sp.get('H102'))).toBe(r4(ours.direct.value));
    expect(r4(sp.get('J102'))).toBe(r4(ours.indirect.value));
    expect(r4(pr.get('I10'))).toBe(r4(ours.direct.value));
    expect(r4(pr.get('J10'))).toBe(r4(ours.indirect.value));
    expect(r4(pr.get('K10'))).toBe(r4(ours.total.value));
  });
});

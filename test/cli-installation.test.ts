// carbonbridge convert on a dataset with production processes (format version 2): per process and per product SEE,
// the figures not known listed, the whole template filled, --json the installation result.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { runCli } from './helpers/cli';
import { SAMPLES_DIR, sampleJson } from './helpers/samples';
import { SHARED, sharedFile } from './helpers/tools';
import { Dataset } from '../src/core/model/dataset';
import { convertInstallation, type InstallationConversion } from '../src/core/cbam/installation';

const FILE = join(SAMPLES_DIR, 'cement-plant-kiln-grinding.json');
const TEMPLATE = sharedFile('cbam/official/CBAM Communication template for installations_en_20241213.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'cb-installation-'));
const core = (ef?: number) =>
  convertInstallation(Dataset.parse(sampleJson('cement-plant-kiln-grinding.json')), {
    period: '2026',
    ...(ef ? { electricity: { euDefaultEf: ef } } : {}),
  }) as InstallationConversion;
const seven = (x: number) => x.toFixed(7).replace(/0+$/, '');

describe('carbonbridge convert <installation> --to eu-cbam --period 2026', () => {
  it('prints every process and product with SEE direct / indirect / total, units and sources; lists what is missing; exit 1', async () => {
    const r = await runCli('convert', FILE, '--to', 'eu-cbam', '--period', '2026', '--lang', 'en');
    expect(r.code, r.err).toBe(1);
    const c = core();
    for (const p of c.processes) expect(r.out).toContain(`Process ${p.id} (${p.templateId}): ${p.name}`);
    for (const pr of c.products) expect(r.out).toContain(`${pr.id} CN ${pr.printed} ${pr.name} (process ${pr.processId})`);
    const kiln = c.processes[0]!.see.direct!.value;
    expect(r.out).toMatch(new RegExp(`SEE direct\\s+${seven(kiln).replace('.', '\\.')} tCO2e/t\\s+\\(AttrEm_dir \\+ Σ M_i × SEE_dir,i\\) / AL`));
    expect(r.out).toContain('From process KILN: 1,100,000 t');
    expect(r.out).toContain('Figures not known (left empty in every document):');
    expect(r.out).toContain('Process KILN: the emission factor of its 71500 MWh of electricity is not known');
    expect(r.out).toContain('Process GRIND: the emission factor of its 57000 MWh of electricity is not known');
  });

  it('with the EU default factor every figure is known: exit 0; in Chinese and Arabic the same figures', async () => {
    const c = core(0.6);
    for (const lang of ['en', 'zh', 'ar']) {
      const r = await runCli('convert', FILE, '--to', 'eu-cbam', '--period', '2026', '--ef', '0.6', '--lang', lang);
      expect(r.code, r.err).toBe(0);
      for (const p of c.products) for (const f of [p.see.direct!, p.see.indirect!, p.see.total!]) expect(r.out).toContain(seven(f.value));
      expect(r.out).not.toMatch(/cbamconvert:|\{\{|\$t:/);
    }
  });

  it('--json gives the installation result, every message with its text', async () => {
    const r = await runCli('convert', FILE, '--to', 'eu-cbam', '--period', '2026', '--json', '--lang', 'zh');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.status).toBe('installation');
    expect(j.complete).toBe(false);
    expect(j.processes.map((p: { id: string; see: { direct: { value: number }; indirect: unknown } }) => [p.id, p.see.direct.value, p.see.indirect])).toEqual(
      core().processes.map((p) => [p.id, p.see.direct!.value, null]),
    );
    expect(j.missing.map((m: { reason: { text: string } }) => m.reason.text)).toEqual([
      expect.stringContaining('生产过程 KILN'),
      expect.stringContaining('生产过程 GRIND'),
    ]);
    expect(j.docs.processes.map((p: { id: string }) => p.id)).toEqual(['P1', 'P2']);
    expect(j.findings.every((f: { text: string }) => typeof f.text === 'string' && f.text.length > 0)).toBe(true);
  });

  it('--out result.json writes the same result; --out report.xml is refused with the reason (exit 2)', async () => {
    const out = join(dir, 'result.json');
    const r = await runCli('convert', FILE, '--to', 'eu-cbam', '--period', '2026', '--ef', '0.6', '--out', out);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.products.map((p: { id: string; see: { total: { value: number } } }) => [p.id, p.see.total.value])).toEqual(
      core(0.6).products.map((p) => [p.id, p.see.total!.value]),
    );
    const x = await runCli('convert', FILE, '--to', 'eu-cbam', '--period', '2026', '--out', join(dir, 'r.xml'));
    expect(x.code).toBe(2);
    expect(x.err).toContain('for a dataset with production processes');
    expect(existsSync(join(dir, 'r.xml'))).toBe(false);
  });

  it('--cn and --route name one product: for an installation they are ignored with a note', async () => {
    const r = await runCli('convert', FILE, '--to', 'eu-cbam', '--period', '2026', '--ef', '0.6', '--cn', '2523 29 00');
    expect(r.code).toBe(0);
    expect(r.err).toContain('--cn applies to a single product');
  });

  it(`--template fills the whole workbook: both processes, the purchased clinker, both products ${SHARED}`, async (ctx) => {
    if (!TEMPLATE) return ctx.skip();
    const out = join(dir, 'filled.xlsx');
    const r = await runCli('convert', FILE, '--to', 'eu-cbam', '--period', '2026', '--ef', '0.6', '--template', TEMPLATE, '--out', out, '--json');
    expect(r.code, r.out).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.written.what).toBe('template');
    expect(j.written.checks.mismatches).toBe(0);
    // the template's own formulas (as the filler recomputes them) give our SEE for each product
    const c = core(0.6);
    expect(j.written.checks.see.map((s: { seeDirect: number; seeIndirect: number }) => [s.seeDirect, s.seeIndirect])).toEqual(
      c.products.map((p) => [p.see.direct!.value, p.see.indirect!.value]),
    );
    expect(Object.keys(unzipSync(readFileSync(out)))).toContain('xl/workbook.xml');
  });

  it(`--template with a figure missing still writes the known part ${SHARED}`, async (ctx) => {
    if (!TEMPLATE) return ctx.skip();
    const out = join(dir, 'filled-missing.xlsx');
    const r = await runCli('convert', FILE, '--to', 'eu-cbam', '--period', '2026', '--template', TEMPLATE, '--out', out, '--json');
    expect(r.code, r.out).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.written.what).toBe('template');
    expect(
      j.docs.processes.map((p: { electricity?: { consumptionMWh: { value: number }; ef?: unknown } }) => [
        p.electricity?.consumptionMWh.value,
        p.electricity?.ef,
      ]),
    ).toEqual([
      [71500, undefined],
      [57000, undefined],
    ]);
    expect(j.written.checks.see.map((s: { seeDirect: number }) => s.seeDirect)).toEqual(core().products.map((p) => p.see.direct!.value));
  });
});

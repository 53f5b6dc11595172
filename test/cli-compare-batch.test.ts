import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { runCli } from './helpers/cli';
import { generatedDatasets } from './helpers/batch-gen';
import { hasSoffice } from './helpers/office';
import { execFileSync } from 'node:child_process';

const PACKS = 'cn-gbt24067-2024,iso14067-2018,ghg-protocol-product-2011';
const dir = mkdtempSync(join(tmpdir(), 'cb-batch-'));
const outDir = mkdtempSync(join(tmpdir(), 'cb-batch-out-'));
const gen = generatedDatasets(1000);

beforeAll(() => {
  for (const g of gen) writeFileSync(join(dir, g.file), g.content);
  writeFileSync(join(dir, 'zz-broken.json'), '{"format": "carbonbridge.dataset", ');
  // a hostile product name: must stay text, never become a formula
  const hostile = JSON.parse(gen[0]!.content);
  hostile.id = 'hostile';
  hostile.product.name = { en: '=HYPERLINK("http://x","y")', zh: '=1+1', ar: '@SUM(A1)' };
  writeFileSync(join(dir, 'hostile.json'), JSON.stringify(hostile));
});

const parseCsv = (s: string) =>
  s
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) =>
      l
        .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
        .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'))
        .slice(0, -1),
    );

describe('carbonbridge compare-batch', () => {
  it('1,000 datasets × 3 packs: one row each, totals equal to single compare runs, broken file named, the rest compared', async () => {
    const csv = join(outDir, 'table.csv');
    const r = await runCli('compare-batch', dir, '--packs', PACKS, '--out', csv, '--lang', 'en');
    expect(r.code).toBe(1); // a broken file is a finding
    expect(r.err).toContain('zz-broken.json');
    const rows = parseCsv(readFileSync(csv, 'utf8'));
    expect(rows[0]![0]).toBe('File');
    const body = rows.slice(1);
    expect(body).toHaveLength((1000 + 1) * 3);
    expect(body.some((x) => x[0] === 'zz-broken.json')).toBe(false);
    const errs = readFileSync(join(outDir, 'table.errors.csv'), 'utf8');
    expect(errs).toContain('zz-broken.json');
    for (const i of [0, 1, 2, 3, 417, 999]) {
      const g = gen[i]!;
      const c = await runCli('compare', join(dir, g.file), '--packs', PACKS, '--json');
      const cmp = JSON.parse(c.out);
      const mine = body.filter((x) => x[0] === g.file);
      expect(mine.map((x) => x[7])).toEqual(PACKS.split(','));
      expect(mine.map((x) => Number(x[10]))).toEqual(cmp.results.map((x: any) => x.total));
      expect(mine.slice(1).map((x) => Number(x[12]))).toEqual(cmp.pairs.map((p: any) => p.differenceKg));
      expect(mine.slice(1).map((x) => Number(x[15]))).toEqual(cmp.pairs.map((p: any) => p.causes.find((k: any) => k.cause === 'gwp').deltaKg));
    }
    const hostile = body.filter((x) => x[0] === 'hostile.json');
    expect(hostile[0]![2]).toBe('\'=HYPERLINK("http://x","y")');
  }, 120_000);

  it('XLSX: no formula anywhere, hostile text kept as quote-prefixed inline text, errors on their own sheet', async () => {
    const xlsx = join(outDir, 'table.xlsx');
    const r = await runCli('compare-batch', dir, '--packs', PACKS, '--out', xlsx, '--lang', 'zh');
    expect(r.code).toBe(1);
    const files = unzipSync(new Uint8Array(readFileSync(xlsx)));
    const s1 = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(s1).not.toMatch(/<f[ >]/);
    // the zh name of the hostile product: an inline string with a quote-prefix style, never a formula
    expect(s1).toMatch(/<c r="C\d+" s="\d+" t="inlineStr"><is><t xml:space="preserve">=1\+1<\/t>/);
    expect(s1.match(/<row /g)!.length).toBe(1 + 1001 * 3);
    const s2 = strFromU8(files['xl/worksheets/sheet2.xml']!);
    expect(s2).toContain('zz-broken.json');
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('未比较的文件');
  }, 120_000);

  it.runIf(hasSoffice)(
    'the XLSX opens in LibreOffice and reads back the same figures',
    () => {
      const xlsx = join(outDir, 'table.xlsx');
      execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, xlsx], {
        stdio: 'pipe',
        timeout: 120_000,
      });
      const back = readFileSync(join(outDir, 'table.csv'), 'utf8');
      expect(back).toContain('gen-00417.json');
      expect(back).toContain('=1+1'); // still text after LibreOffice opened it, not 2
      expect(back).toContain('gen-00999.json');
    },
    150_000,
  );

  it('exit 2 for an unknown pack, a missing folder or a bad output name', async () => {
    expect((await runCli('compare-batch', dir, '--packs', 'nope', '--out', join(outDir, 'x.csv'))).code).toBe(2);
    expect((await runCli('compare-batch', join(dir, 'missing'), '--out', join(outDir, 'x.csv'))).code).toBe(2);
    expect((await runCli('compare-batch', dir, '--out', join(outDir, 'x.txt'))).code).toBe(2);
  });
});

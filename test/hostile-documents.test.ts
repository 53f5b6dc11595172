/**
 * Hostile input on the document side: a zip bomb passed as the official template (4 GB in the CLI before) is
 * refused by the import's zip guard before anything is unpacked; text that a spreadsheet could take for a formula
 * is neutralised after invalid characters are removed ("\u0001=HYPERLINK(…)"); `_xHHHH_` text is escaped in the
 * template filler as in the shared writer, so LibreOffice does not decode it into NUL or ESC.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { looksLikeFormula } from '../src/core/xlsx/xml';
import { writeWorkbook } from '../src/core/xlsx/write';
import { fillOfficialTemplate } from '../src/core/cbam/docs/template';
import { CbamDocError } from '../src/core/cbam/docs/errors';
import { sharedFile } from './helpers/tools';
import { runCli } from './helpers/cli';
import { templateBomb } from './fixtures/hostile-sheets/build';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sample = () => JSON.parse(readFileSync('test/fixtures/cbam-docs/aluminium-installation.json', 'utf8'));

describe('the official-template path has the zip guard', () => {
  it('a template-shaped zip bomb: translated error, bounded memory, no output', { timeout: 60_000 }, async () => {
    const bomb = templateBomb();
    const before = process.memoryUsage().rss;
    let key = '';
    try {
      fillOfficialTemplate(bomb, sample());
    } catch (e) {
      expect(e).toBeInstanceOf(CbamDocError);
      key = (e as CbamDocError).messages[0]!.key;
    }
    expect(key).toBe('import:error.zipBomb');
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
    const dir = mkdtempSync(join(tmpdir(), 'cb-bomb-'));
    writeFileSync(join(dir, 'bomb.xlsx'), bomb);
    const r = await runCli(
      'convert',
      'public/samples/aluminium-ingot-ningxia.json',
      '--to',
      'eu-cbam',
      '--period',
      '2026',
      '--cn',
      '7601 10 10',
      '--template',
      join(dir, 'bomb.xlsx'),
      '--out',
      join(dir, 'filled.xlsx'),
      '--lang',
      'ar',
    );
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/\n\s+at |import:|\{\{/);
    expect(existsSync(join(dir, 'filled.xlsx'))).toBe(false);
  });
});

describe('formula injection: the test runs on the cleaned text', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '\u0001=HYPERLINK("http://x","y")', '\u0000\u001b+cmd', ' =1+1', '\u00a0@x', '\n=1'])(
    '%j looks like a formula',
    (s) => {
      expect(looksLikeFormula(s)).toBe(true);
    },
  );
  it.each(['Aluminium', '1-2', 'a=b', '', '\u0001plain'])('%j does not', (s) => {
    expect(looksLikeFormula(s)).toBe(false);
  });
  it('the shared writer quote-prefixes "\\u0001=HYPERLINK(…)" and escapes _xHHHH_', () => {
    const bytes = writeWorkbook([{ name: 'S', rows: [['\u0001=HYPERLINK("http://x","y")', '_x0000__x001B_']] }] as never);
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(xml).not.toContain('\u0001');
    expect(xml).toMatch(/<c r="A1" s="\d+" t="inlineStr"><is><t[^>]*>=HYPERLINK/);
    expect(xml).toContain('_x005F_x0000__x005F_x001B_');
  });
});

const TEMPLATE = sharedFile('cbam/official/CBAM Communication template for installations_en_20241213.xlsx');
describe.skipIf(!TEMPLATE)('template filler (reads ../shared)', () => {
  it('escapes _xHHHH_ and neutralises "\\u0001=…" in text it writes', () => {
    const d = sample();
    d.installation.name = '\u0001=HYPERLINK("http://x","y")_x0000__x001B_';
    const out = fillOfficialTemplate(new Uint8Array(readFileSync(TEMPLATE!)), d);
    const files = unzipSync(out.bytes);
    const all = Object.entries(files)
      .filter(([n]) => n.startsWith('xl/worksheets/'))
      .map(([, b]) => strFromU8(b))
      .join('');
    expect(all).toContain('_x005F_x0000__x005F_x001B_');
    expect(all).not.toMatch(/[^F]_x0000_/);
    expect(all).not.toContain('\u0001');
    expect(out.report.ok).toBe(true);
  });
});

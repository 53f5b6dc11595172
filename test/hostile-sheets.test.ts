/**
 * Tiny spreadsheets that made SheetJS allocate gigabytes (a cell at ZZZZZ1, rows reaching column XFD, a row far
 * beyond the grid, a dimension of the whole grid) and a 20,000-column CSV: refused before the spreadsheet library
 * runs, with a translated error and its fix, in every language. The well-handled files of the hostile corpus
 * (test/fixtures/hostile) keep their results (src/core/io/hostile.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importBytes } from '../src/core/io/import';
import { guardSheetSize } from '../src/core/io/sheetguard';
import { ImportError } from '../src/core/io/problems';
import { translateMessage, type TFunction } from '../src/core/i18n/translate';
import { allT, LANGS } from './helpers/i18n';
import { hostileSheets, xlsxWithSheet } from './fixtures/hostile-sheets/build';

let T: Record<(typeof LANGS)[number], TFunction>;
beforeAll(async () => {
  T = await allT();
});

describe('absurd sheet sizes are refused before SheetJS allocates', () => {
  it.each(hostileSheets().map((f) => [f.name, f] as const))('%s', { timeout: 30_000 }, (_n, f) => {
    const before = process.memoryUsage().rss;
    const r = importBytes(f.bytes, f.name, { acceptValid: true });
    expect(r.kind).toBe('error');
    expect(r.problems[0]!.message.key).toBe(f.key);
    expect(r.problems[0]!.fix?.key).toMatch(/^import:fix\./);
    for (const lng of LANGS) {
      const s = translateMessage(T[lng], r.problems[0]!.message) + translateMessage(T[lng], r.problems[0]!.fix!);
      expect(s, lng).not.toMatch(/\{\{|\$t:|import:/);
    }
    // nothing near the gigabytes SheetJS took before (the renderer reached 8.8 GB)
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  });

  it('ordinary sheets pass: up to the column limit, references without letters, a cut tag across chunks', () => {
    const wide = xlsxWithSheet(
      `<dimension ref="A1:XFD5"/><sheetData><row r="1">${Array.from({ length: 1024 }, (_, i) => `<c><v>${i}</v></c>`).join('')}</row><row r="2"><c r="AMJ2"><v>1</v></c></row></sheetData>`,
      0,
    );
    expect(() => guardSheetSize(wide)).not.toThrow();
    const over = xlsxWithSheet(`<sheetData><row r="1">${'<c><v>1</v></c>'.repeat(1025)}</row></sheetData>`, 0);
    expect(() => guardSheetSize(over)).toThrow(ImportError);
    // deflated, so the scanner sees the XML in chunks: a reference far right at the very end is still found
    const padded = xlsxWithSheet(
      `<sheetData><row r="1">${'<c r="A1" t="inlineStr"><is><t>padding text</t></is></c>'.repeat(5000)}<c r="AMK1"><v>1</v></c></row></sheetData>`,
    );
    expect(() => guardSheetSize(padded)).toThrow(ImportError);
  });
});

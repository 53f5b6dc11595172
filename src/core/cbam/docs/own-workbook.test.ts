import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { buildOwnWorkbook, communicationRows, COMMUNICATION_COLUMNS } from './own-workbook';
import { writeXlsx } from './xlsx-writer';
import { englishT } from './i18n';
import XLSX from '@e965/xlsx';

const sample = () => JSON.parse(readFileSync('test/fixtures/cbam-docs/aluminium-installation.json', 'utf8'));

describe('own workbook (no template)', () => {
  it('has the Summary_Communication columns and our SEE', () => {
    const rows = communicationRows(sample());
    expect(rows[0]!.seeDirect).toBe(1.6562525);
    expect(rows[1]!.cpEffective).toBe(2);
    const wb = XLSX.read(buildOwnWorkbook(sample()), { type: 'array' });
    expect(wb.SheetNames).toEqual(['Summary_Communication', 'Installation', 'Sources']);
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Summary_Communication!, { header: 1 });
    expect(aoa[0]).toHaveLength(COMMUNICATION_COLUMNS.length);
    expect(aoa[0]![5]).toBe(englishT('cbamdocs:columns.seeDirect'));
    expect(aoa[1]![2]).toBe('76011010');
    expect(aoa[2]![5]).toBe(2.3323026);
    const src = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Sources!, { header: 1 });
    expect(src.some((r) => String(r[2]).includes('MEE 2023 Northwest grid factor'))).toBe(true);
  });
  it('writes formula-like text as quote-prefixed inline strings, never as formulas', () => {
    const bytes = writeXlsx([{ name: 'S', rows: [['h'], ['=1+1'], ['@SUM(A1)'], ['ok & <b>']] }]);
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(xml).not.toContain('<f>');
    expect(xml).toContain('<c r="A2" s="1" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c>');
    expect(xml).toContain('ok &amp; &lt;b&gt;');
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.Sheets.S!.A2!.v).toBe('=1+1');
    expect(wb.Sheets.S!.A2!.f).toBeUndefined();
  });
  it('writes the first row as a frozen header in plain bold (no fill), numbers as numbers, booleans as booleans', () => {
    const bytes = writeXlsx([
      {
        name: 'S',
        rows: [
          ['Field', 2026, true, '-note'],
          ['x', 1.5, false, '+1'],
        ],
        widths: [20, 12],
      },
    ]);
    const files = unzipSync(bytes);
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<col min="1" max="1" width="20" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/>');
    expect(xml).not.toMatch(/<sheetFormatPr|<pageMargins/); // row height and print margins left to the opening program
    const xfs = [
      ...strFromU8(files['xl/styles.xml']!)
        .split('<cellXfs')[1]!
        .matchAll(/<xf\b[^>]*>/g),
    ].map((m) => m[0]);
    const fonts = [...strFromU8(files['xl/styles.xml']!).matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1]!);
    const styleOf = (ref: string): string | undefined => {
      const s = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(xml)![1];
      return s === undefined ? undefined : xfs[Number(s)];
    };
    for (const ref of ['A1', 'B1', 'D1']) {
      const xf = styleOf(ref)!;
      expect(fonts[Number(/fontId="(\d+)"/.exec(xf)![1])]).toContain('<b/>');
      expect(xf).toContain('fillId="0"');
      expect(xf).toContain('numFmtId="0"');
    }
    expect(styleOf('D1')).toContain('quotePrefix="1"'); // bold header that looks like a formula is still neutralised
    expect(styleOf('A1')).not.toContain('quotePrefix');
    expect(styleOf('C1')).toBeUndefined();
    for (const ref of ['A2', 'B2', 'C2']) expect(styleOf(ref)).toBeUndefined();
    expect(styleOf('D2')).toContain('quotePrefix="1"');
    expect(styleOf('D2')).toContain('fontId="0"');
    const wb = XLSX.read(bytes, { type: 'array' });
    expect([wb.Sheets.S!.B1!.v, wb.Sheets.S!.C1!.v, wb.Sheets.S!.B2!.v, wb.Sheets.S!.C2!.v, wb.Sheets.S!.D1!.v]).toEqual([2026, true, 1.5, false, '-note']);
    expect([wb.Sheets.S!.B1!.t, wb.Sheets.S!.C1!.t]).toEqual(['n', 'b']);
  });
  it('gives text that looks like an OOXML escape (_x0041_) back unchanged', () => {
    const wb = XLSX.read(writeXlsx([{ name: 'S', rows: [['h'], ['_x0041_ and _x000D_']] }]), { type: 'array' });
    expect(wb.Sheets.S!.A2!.v).toBe('_x0041_ and _x000D_');
  });
});

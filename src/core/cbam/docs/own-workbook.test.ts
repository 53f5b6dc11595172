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
});

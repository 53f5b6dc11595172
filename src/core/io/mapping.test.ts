import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBytes } from './import';
import { parseFactorUnit, suggestColumns, parseMapping, type HeaderInfo } from './mapping';
import { writeWorkbook } from '../xlsx/write';
import { validateDataset } from '../model/validate';
import { sampleText } from '../../../test/helpers/samples';

const H = (texts: string[]): HeaderInfo[] => texts.map((t, i) => ({ column: String.fromCharCode(65 + i), text: t }));
const csv = (rows: (string | number)[][]): Uint8Array => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'));

describe('column mapping', () => {
  it('suggests fields from Chinese and English header text', () => {
    const m = suggestColumns(
      H(['序号', '排放源名称', '生命周期阶段', '排放类别', '活动数据', '活动数据单位', '排放因子', '排放因子单位', '温室气体', '数据来源', '备注']),
    );
    expect(Object.fromEntries(m.map((c) => [c.column, c.field]))).toEqual({
      A: 'id',
      B: 'description',
      C: 'stage',
      D: 'category',
      E: 'activity.amount',
      F: 'activity.unit',
      G: 'factor.value',
      H: 'factor.unit',
      I: 'factor.gas',
      J: 'source.name',
      K: 'notes',
    });
    const e = suggestColumns(H(['Item', 'Life cycle stage', 'Category', 'Activity data', 'Unit', 'Emission factor', 'EF unit', 'Source', 'Data type']));
    expect(Object.fromEntries(e.map((c) => [c.column, c.field]))).toMatchObject({
      A: 'description',
      B: 'stage',
      D: 'activity.amount',
      E: 'activity.unit',
      F: 'factor.value',
      G: 'factor.unit',
      H: 'source.name',
      I: 'dataType',
    });
  });

  it('reads factor units', () => {
    expect(parseFactorUnit('kgCO2e/kWh')).toEqual({ massUnit: 'kg', gas: 'CO2e', perUnit: 'kWh' });
    expect(parseFactorUnit('t CO2 / MWh')).toEqual({ massUnit: 't', gas: 'CO2_fossil', perUnit: 'MWh' });
    expect(parseFactorUnit('吨CO2/吨')).toEqual({ massUnit: 't', gas: 'CO2_fossil', perUnit: 't' });
    expect(parseFactorUnit('kg CH4 per GJ')).toEqual({ massUnit: 'kg', gas: 'CH4_fossil', perUnit: 'GJ' });
    expect(parseFactorUnit('tCO2e')).toEqual({ massUnit: 't', gas: 'CO2e' });
    expect(parseFactorUnit('bananas/kWh')).toBeUndefined();
  });

  it('takes the unit from a bracketed title, previews rows, reports row problems with column and fix', () => {
    const bytes = csv([
      ['名称', '阶段', '类别', '用电量（kWh）', '排放因子（kgCO2/kWh）', '来源'],
      ['电力', '生产', '电力', 1000, 0.5703, 'MEE 2022'],
      ['电力2', '生产', '电力', 'abc', 0.5703, 'MEE 2022'],
      ['电力3', '未知阶段', '电力', 5, 0.5703, 'MEE 2022'],
    ]);
    const r = importBytes(bytes, 'f.csv', { previewRows: 2 });
    expect(r.kind).toBe('generic');
    if (r.kind !== 'generic') return;
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]!.activity).toEqual({ amount: 1000, unit: 'kWh' });
    expect(r.lines[0]!.emissions).toMatchObject({ kind: 'factors', massUnit: 'kg', perUnit: 'kWh', gases: { CO2_fossil: 0.5703 } });
    expect(r.preview.map((p) => [p.row, p.ok])).toEqual([
      [2, true],
      [3, false],
    ]);
    expect(r.problems.find((p) => p.message.key === 'import:problem.notANumber')).toMatchObject({ row: 3, column: 'D', fix: { key: 'import:fix.typeNumber' } });
    expect(r.problems.find((p) => p.message.key === 'import:problem.notInList')).toMatchObject({ row: 4, column: 'B', fix: { key: 'import:fix.useList' } });
    expect(r.rejectedRows).toEqual([3, 4]);
    expect(r.dataset).toBeUndefined();
  });

  it('is not ready without the required columns, and says which', () => {
    const r = importBytes(
      csv([
        ['名称', '备注'],
        ['a', 'b'],
      ]),
      'f.csv',
    );
    expect(r.kind === 'generic' && r.ready).toBe(false);
    const p = r.problems.find((q) => q.message.key === 'import:error.mappingIncomplete')!;
    expect(String(p.message.params?.fields)).toContain('import:mapField.stage');
    expect(p.fix?.key).toBe('import:fix.mapColumns');
  });

  it('saves a mapping as JSON, remembers it for a file of the same shape and not for another', () => {
    const shape = [
      ['Flow', 'Menge', 'Einheit', 'Faktor', 'Quelle'],
      ['Strom', 100, 'kWh', 0.5, 'MEE'],
    ];
    const first = importBytes(csv(shape), 'a.csv');
    expect(first.kind === 'generic' && first.ready).toBe(false); // German headers: nothing suggested for amounts
    if (first.kind !== 'generic') return;
    const mapping = {
      ...first.mapping,
      columns: [
        { field: 'description', column: 'A' },
        { field: 'activity.amount', column: 'B' },
        { field: 'activity.unit', column: 'C' },
        { field: 'factor.value', column: 'D' },
        { field: 'source.name', column: 'E' },
      ],
      defaults: { stage: 'production', category: 'electricity', gas: 'CO2_fossil', massUnit: 'kg' },
    };
    const saved = JSON.stringify(mapping);
    const parsed = parseMapping(saved);
    expect(parsed.ok).toBe(true);
    const again = importBytes(csv([...shape, ['Strom 2', 50, 'MWh', 500, 'MEE']]), 'b.csv', { knownMappings: [JSON.parse(saved)] });
    expect(again.kind === 'generic' && again.ready).toBe(true);
    expect(again.problems.some((p) => p.message.key === 'import:info.mappingRemembered')).toBe(true);
    expect(again.kind === 'generic' && again.lines.map((l) => l.activity)).toEqual([
      { amount: 100, unit: 'kWh' },
      { amount: 50, unit: 'MWh' },
    ]);
    const other = importBytes(
      csv([
        ['Flow', 'Menge', 'Einheit', 'Faktor', 'Herkunft'],
        ['x', 1, 'kWh', 1, 'y'],
      ]),
      'c.csv',
      { knownMappings: [JSON.parse(saved)] },
    );
    expect(other.problems.some((p) => p.message.key === 'import:info.mappingRemembered')).toBe(false);
    expect(parseMapping('{"format":"carbonbridge.import-mapping","version":1,"headerRow":1,"columns":[{"field":"__proto__","column":"A"}]}').ok).toBe(false);
    expect(parseMapping('not json').ok).toBe(false);
  });

  it('appends to a base dataset and validates the whole (duplicate ids reported on their sheet rows)', () => {
    const base = validateDataset(sampleText('cement-grey-portland.json')).dataset!;
    const rows = [
      ['编号', '名称', '阶段', '类别', '活动数据', '单位', '排放因子', '因子单位', '来源'],
      ['N-1', 'Diesel', '生产', '燃料燃烧', 10, 't', 3.1, 'tCO2/t', 'IPCC'],
      ['N-1', 'Diesel 2', '生产', '燃料燃烧', 5, 't', 3.1, 'tCO2/t', 'IPCC'],
    ];
    const bad = importBytes(csv(rows), 'f.csv', { base });
    expect(bad.kind === 'generic' && bad.dataset).toBeUndefined();
    expect(bad.problems.find((p) => p.message.key === 'core:validation.duplicateId')).toMatchObject({
      row: 3,
      column: 'A',
      message: { params: { firstRow: 2 } },
    });
    const ok = importBytes(csv(rows), 'f.csv', { base, acceptValid: true });
    expect(ok.kind === 'generic' && ok.dataset?.inventory.length).toBe(base.inventory.length + 1);
    const xlsx = writeWorkbook([{ name: 'Sheet1', rows }]);
    const viaXlsx = importBytes(xlsx, 'f.xlsx', { base, replace: true, acceptValid: true });
    expect(viaXlsx.kind === 'generic' && viaXlsx.dataset?.inventory.map((l) => l.id)).toEqual(['N-1']);
  });

  it('chooses the sheet and header row', () => {
    const bytes = writeWorkbook([
      { name: 'Cover', rows: [['Report']] },
      {
        name: '数据',
        rows: [
          ['产品碳足迹清单'],
          [],
          ['名称', '阶段', '类别', '活动数据', '单位', '排放因子', '因子单位', '来源'],
          ['电', '生产', '电力', 1, 'MWh', 0.5, 'tCO2/MWh', 'MEE'],
        ],
      },
    ]);
    const r = importBytes(bytes, 'f.xlsx', { sheet: '数据' });
    expect(r.kind === 'generic' && [r.sheet, r.headerRow, r.lines.length]).toEqual(['数据', 3, 1]);
    const missing = importBytes(bytes, 'f.xlsx', { sheet: 'Nope' });
    expect(missing.kind === 'error' && missing.problems[0]!.message).toMatchObject({ key: 'import:error.sheetNotFound', params: { available: 'Cover, 数据' } });
    expect(readFileSync(join(import.meta.dirname, 'mapping.ts'), 'utf8')).not.toMatch(/\[header\]\s*=/); // headers are never used as object keys
  });
});

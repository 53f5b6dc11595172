import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import XLSX from '@e965/xlsx';
import { buildFillSourcesWorkbook } from './fill-sources';
import { fillOfficialTemplate, type VerificationReport } from './template';
import { SHARED, sharedFile } from '../../../../test/helpers/tools';
import { allT } from '../../../../test/helpers/i18n';
import { sampleJson } from '../../../../test/helpers/samples';
import { leaks, ownWords } from '../../../../test/helpers/leak-check';
import type { TFunction } from '../../i18n/translate';
import { Dataset } from '../../model/dataset';
import { convertToCbam } from '../convert';
import { toDocsModelPartial } from '../docs-model';

const TEMPLATE = sharedFile('cbam/official/CBAM Communication template for installations_en_20241213.xlsx');

/** Rows of the one sheet, by sheet name. */
const read = (bytes: Uint8Array): [string, unknown[][]] => {
  const wb = XLSX.read(bytes, { type: 'array' });
  const n = wb.SheetNames[0]!;
  return [n, XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[n]!, { header: 1, defval: null })];
};
/**
 * What a reader reads as our words: the sheet name, the headers, the field and source columns. The sheet and cell
 * columns name the place in the Commission's template and the value column is what the template holds (its own
 * English lists and the user's texts): the template stays the Commission's document.
 */
const ourText = (bytes: Uint8Array): string => {
  const [name, rows] = read(bytes);
  return [name, ...(rows[0] as string[]), ...rows.slice(1).flatMap((r) => [r[2], r[4]].filter((c): c is string => typeof c === 'string'))].join('\n');
};

describe.skipIf(!TEMPLATE)(`fill sources workbook in the reader’s language (issue 10) ${SHARED}`, () => {
  let T: Record<'en' | 'zh' | 'ar', TFunction>;
  let template: Uint8Array;
  beforeAll(async () => {
    T = await allT();
    template = new Uint8Array(readFileSync(TEMPLATE!));
  });
  const report = (sample: string, cn?: string): VerificationReport => {
    const ds = Dataset.parse(sampleJson(sample));
    const r = convertToCbam(ds, { period: '2026' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return fillOfficialTemplate(template, toDocsModelPartial(r, ds, cn ? { productCn: cn } : {}).model).report;
  };
  const fixture = (): VerificationReport =>
    fillOfficialTemplate(template, JSON.parse(readFileSync('test/fixtures/cbam-docs/aluminium-installation.json', 'utf8'))).report;
  const fixtureWords = new Set(
    [...readFileSync('test/fixtures/cbam-docs/aluminium-installation.json', 'utf8').matchAll(/"[^"]*"/g)].flatMap((m) => [
      ...(m[0].match(/[A-Za-z][A-Za-z0-9_'’-]*[A-Za-z0-9]/g) ?? []),
      ...(m[0].match(/[A-Za-z][A-Za-z0-9'’-]*[A-Za-z0-9]/g) ?? []),
    ]),
  );
  const CASES: [string, () => VerificationReport, () => Set<string>][] = [
    ['aluminium-ingot-ningxia.json', () => report('aluminium-ingot-ningxia.json', '7601 10 10'), ownWords],
    ['cement-grey-portland.json', () => report('cement-grey-portland.json'), ownWords],
    ['the fixture (carbon price, supplier precursors, PFC)', fixture, () => fixtureWords],
  ];
  for (const lng of ['zh', 'ar'] as const)
    for (const [name, rep, own] of CASES)
      it(`${name} (${lng}): sheet name, headers, fields and sources without English or identifiers; the template's cells and values as written`, () => {
        const t = (k: string, p?: Record<string, string | number>) => T[lng](k, p);
        const r = rep();
        const bytes = buildFillSourcesWorkbook(r, { t });
        expect(leaks(ourText(bytes), lng, own())).toEqual([]);
        const [, rows] = read(bytes);
        const [, en] = read(buildFillSourcesWorkbook(r, { t: (k, p) => T.en(k, p) }));
        expect(rows).toHaveLength(r.cells.length + 1);
        // the template's sheet, cell and value as in English (the template stays the Commission's document)
        expect(rows.map((x) => [x[0], x[1], x[3]]).slice(1)).toEqual(en.map((x) => [x[0], x[1], x[3]]).slice(1));
      });
  it('Chinese: the field as field names, the formula and the dataset line in words', () => {
    const t = (k: string, p?: Record<string, string | number>) => T.zh(k, p);
    const [name, rows] = read(buildFillSourcesWorkbook(report('aluminium-ingot-ningxia.json', '7601 10 10'), { t }));
    expect(name).toBe(T.zh('cbamdocs:sheets.fillSources'));
    expect(rows[0]).toEqual(['工作表', '单元格', '字段', '数值', '来源']);
    const el = rows.find((r) => r[0] === 'D_Processes' && r[1] === 'L65')!;
    expect([el[2], el[3], el[4]]).toEqual(['生产过程 1 › 电力 › 耗电量（MWh）', 5320000, '数据集第 AL-07 行']);
    const dir = rows.find((r) => r[1] === 'L54')!;
    expect(dir[4]).toBe(T.zh('cbamdocs:own.formula.directByGas'));
  });
  it('English: a single dataset line is "line", several "lines"', () => {
    const t = (k: string, p?: Record<string, string | number>) => T.en(k, p);
    const [, rows] = read(buildFillSourcesWorkbook(report('aluminium-ingot-ningxia.json', '7601 10 10'), { t }));
    expect(rows.find((r) => r[1] === 'L65')![4]).toBe('dataset, line AL-07');
    expect(rows[0]).toEqual(['Sheet', 'Cell', 'Field', 'Value', 'Sources']);
  });
});

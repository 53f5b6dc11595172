import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { buildOwnWorkbook, communicationRows, COMMUNICATION_COLUMNS } from './own-workbook';
import { writeXlsx } from './xlsx-writer';
import { englishT } from './i18n';
import XLSX from '@e965/xlsx';
import { beforeAll } from 'vitest';
import { allT } from '../../../../test/helpers/i18n';
import { sampleJson } from '../../../../test/helpers/samples';
import { leaks, ownWords } from '../../../../test/helpers/leak-check';
import type { TFunction } from '../../i18n/translate';
import { Dataset } from '../../model/dataset';
import { convertToCbam } from '../convert';
import { toDocsModelPartial } from '../docs-model';
import { printedCnName, printedFieldPath, printedSourceRef } from './own-workbook-words';

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

/** Every sheet as rows of cells (first row the header), by sheet name. */
const sheets = (bytes: Uint8Array): Record<string, unknown[][]> => {
  const wb = XLSX.read(bytes, { type: 'array' });
  return Object.fromEntries(wb.SheetNames.map((n) => [n, XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[n]!, { header: 1, defval: null })]));
};
/** Sheet names and every text cell, one per line. */
const texts = (bytes: Uint8Array): string =>
  Object.entries(sheets(bytes))
    .flatMap(([n, rows]) => [n, ...rows.flat().filter((v): v is string => typeof v === 'string')])
    .join('\n');
const numbers = (bytes: Uint8Array): unknown[] => Object.values(sheets(bytes)).flatMap((rows) => rows.flat().filter((v) => typeof v === 'number'));

describe('own workbook in the reader’s language (issue 10, document leaks)', () => {
  let T: Record<'en' | 'zh' | 'ar', TFunction>;
  beforeAll(async () => {
    T = await allT();
  });
  const CBAM: [string, string | undefined][] = [
    ['aluminium-ingot-ningxia.json', '7601 10 10'],
    ['cement-grey-portland.json', undefined],
    ['cement-plant-kiln-grinding.json', undefined],
  ];
  const model = (sample: string, cn: string | undefined) => {
    const ds = Dataset.parse(sampleJson(sample));
    const r = convertToCbam(ds, { period: '2026' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return toDocsModelPartial(r, ds, cn ? { productCn: cn } : {}).model;
  };
  /** The fixture's own words (names, sources typed by the user) stay as typed. */
  const fixtureWords = new Set(
    [...readFileSync('test/fixtures/cbam-docs/aluminium-installation.json', 'utf8').matchAll(/"[^"]*"/g)].flatMap((m) => [
      ...(m[0].match(/[A-Za-z][A-Za-z0-9_'’-]*[A-Za-z0-9]/g) ?? []),
      ...(m[0].match(/[A-Za-z][A-Za-z0-9'’-]*[A-Za-z0-9]/g) ?? []),
    ]),
  );
  for (const lng of ['zh', 'ar'] as const) {
    for (const [sample, cn] of CBAM)
      it(`${sample} (${lng}): sheet names, headers, field names, sources, category, method without English or identifiers; numbers as in English`, () => {
        const t = (k: string, p?: Record<string, string | number>) => T[lng](k, p);
        const bytes = buildOwnWorkbook(model(sample, cn), { t });
        expect(leaks(texts(bytes), lng, ownWords())).toEqual([]);
        expect(numbers(bytes)).toEqual(numbers(buildOwnWorkbook(model(sample, cn), { t: (k, p) => T.en(k, p) })));
      });
    it(`the fixture with a carbon price, supplier precursors and PFC (${lng})`, () => {
      const t = (k: string, p?: Record<string, string | number>) => T[lng](k, p);
      expect(leaks(texts(buildOwnWorkbook(sample(), { t })), lng, fixtureWords)).toEqual([]);
    });
  }
  it('aluminium in Chinese: the cells the leak report named', () => {
    const t = (k: string, p?: Record<string, string | number>) => T.zh(k, p);
    const s = sheets(buildOwnWorkbook(model('aluminium-ingot-ningxia.json', '7601 10 10'), { t }));
    expect(Object.keys(s)).toEqual(['通报汇总', '设施', '来源']);
    const row = s['通报汇总']![1]!;
    expect(row.slice(0, 5)).toEqual([
      '未锻轧铝（Primary aluminium ingot — Ningxia smelter (illustrative)）',
      '未锻轧铝',
      '76011010',
      '7601 10 10',
      'Primary aluminium ingot',
    ]);
    expect(row[COMMUNICATION_COLUMNS.indexOf('dataSource')]).toBe('实际值');
    expect(row[COMMUNICATION_COLUMNS.indexOf('sources')]).toBe(
      '（归属直接排放 + Σ 各前体质量 × 其特定直接隐含排放）÷ 活动水平；直接排放 = Σ 各温室气体质量 × 其全球增温潜势（IPCC AR5）',
    );
    const src = s['来源']!;
    expect(src[1]!.slice(0, 3)).toEqual(['生产过程 1 › 生产路线 1 › 数量（t）', src[1]![1], '数据集：报告期产量']);
    expect(src[3]![0]).toBe('生产过程 1 › 电力 › 耗电量（MWh）');
    expect(src[3]![2]).toBe('数据集第 AL-07 行');
  });
  it('cement with a purchased clinker at the China default (Chinese): the rule text with its act, annex, country and variant translated', () => {
    const t = (k: string, p?: Record<string, string | number>) => T.zh(k, p);
    const src = sheets(buildOwnWorkbook(model('cement-plant-kiln-grinding.json', undefined), { t }))['来源']!;
    const row = src.find((r) => String(r[0]).startsWith('外购前体 1 › 特定隐含排放（直接）'))!;
    expect(row[2]).toContain(`CN 2523 10 00 (${T.zh('cbam:variants.grey')})`);
    expect(row[2]).toContain('×（1 + 2026 年加成 0.1）');
    expect(String(row[2])).not.toMatch(/grey|other|mark-up|as replaced/);
  });
  it('field paths and sources in words, the user’s source names as typed (Arabic)', () => {
    const t = (k: string, p?: Record<string, string | number>) => T.ar(k, p);
    expect(printedFieldPath(t, 'sourceStreams[1].activityData')).toBe('تيار المصدر 2 › بيانات النشاط');
    expect(printedCnName(t, '76011010', undefined)).toBe('7601 10 10');
    expect(printedCnName(t, '76011010', 'ألومنيوم خام Al99.70')).toBe('ألومنيوم خام Al99.70'); // the user's own description as typed
    expect(printedCnName((k, p) => T.en(k, p), '76011010', undefined)).toBe('Unwrought aluminium');
    expect(printedSourceRef(t, 'Dataset line AL-05 (Mass balance (lab))')).toBe('مجموعة البيانات، السطر AL-05 (Mass balance (lab))');
    expect(printedSourceRef(t, 'Dataset line K-02 (IPCC 2006): activity in GJ, so NCV = 1 GJ/GJ')).toBe(
      'مجموعة البيانات، السطر K-02 (IPCC 2006): بيانات النشاط بوحدة GJ، لذا القيمة الحرارية الصافية 1 GJ/GJ',
    );
  });
});

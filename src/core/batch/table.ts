/**
 * The batch as a tidy table (one row per dataset × pack) in the reader's language, written as CSV (UTF-8 with BOM,
 * text that could start a formula prefixed with an apostrophe) or XLSX (the shared writer: inline strings, never a
 * formula). Broken files go to a second table / sheet with their file name and problems.
 */
import { translateMessage, translateProblem, type TFunction } from '../i18n/translate';
import { looksLikeFormula } from '../xlsx/xml';
import { writeWorkbook, type WCell } from '../xlsx/write';
import type { BatchResult } from './compare-batch';

export type TableCell = string | number | null;
export interface Table {
  header: string[];
  rows: TableCell[][];
}

export const BATCH_COLUMNS = [
  'file',
  'datasetId',
  'product',
  'cnCode',
  'producer',
  'region',
  'functionalUnit',
  'pack',
  'packVersion',
  'gwpSet',
  'resultKg',
  'baseline',
  'differenceKg',
  'boundaryKg',
  'electricityKg',
  'gwpKg',
  'errorFindings',
] as const;

const pickName = (n: Record<string, string | undefined>, lang: string) => n[lang] || n.en || n.zh || n.ar || '';

export function batchTable(r: BatchResult, t: TFunction, lang: string): Table {
  return {
    header: BATCH_COLUMNS.map((c) => t(`partners:batch.col.${c}`)),
    rows: r.rows.map((x) => [
      x.file,
      x.datasetId,
      pickName(x.product, lang),
      x.cnCode,
      x.producer,
      x.region,
      x.functionalUnit,
      x.pack,
      x.packVersion,
      x.gwpSet,
      x.resultKg,
      x.baseline,
      x.differenceKg,
      x.causes.boundary,
      x.causes.electricity,
      x.causes.gwp,
      x.errorFindings,
    ]),
  };
}

export function errorTable(r: BatchResult, t: TFunction): Table {
  return {
    header: [t('partners:batch.col.file'), t('partners:batch.col.problem')],
    rows: r.errors.flatMap((e) => e.problems.map((p) => [e.file, 'path' in p ? translateProblem(t, p) : translateMessage(t, p.message)])),
  };
}

const csvCell = (c: TableCell): string => {
  if (c === null) return '';
  if (typeof c === 'number') return String(c);
  const s = looksLikeFormula(c) ? `'${c}` : c;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const toCsv = (tb: Table): string => `\uFEFF${[tb.header, ...tb.rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

export function toXlsx(main: Table, errors: Table, names: { rows: string; errors: string }, rtl = false): Uint8Array {
  const widths = [28, 22, 30, 12, 30, 12, 10, 24, 9, 8, 16, 20, 14, 14, 14, 14, 8];
  const sheets = [
    {
      name: names.rows,
      rows: [main.header.map((h) => ({ v: h, s: 'header' as const })), ...main.rows] as WCell[][],
      widths,
      freezeRows: 1,
      textColumns: [0, 1, 3],
      rtl,
    },
  ];
  if (errors.rows.length)
    sheets.push({
      name: names.errors,
      rows: [errors.header.map((h) => ({ v: h, s: 'header' as const })), ...errors.rows] as WCell[][],
      widths: [30, 100],
      freezeRows: 1,
      textColumns: [0],
      rtl,
    });
  return writeWorkbook(sheets);
}

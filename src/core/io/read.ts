/**
 * Any spreadsheet file → a neutral grid of cell values per sheet. xlsx/xlsm/ods go through the zip guard, then
 * SheetJS (`@e965/xlsx` 0.20.3) with formulas read as text only — the cached value is used, nothing is ever
 * evaluated; legacy .xls through SheetJS too; anything else is read as CSV (UTF-8 or GB18030). The size limit
 * is checked before any parsing; rows beyond the limit are not read.
 */
import * as XLSX from '@e965/xlsx';
import { msg } from '../i18n/message';
import { decodeCsv, detectDelimiter, parseCsvRows, type CsvEncoding } from './csv';
import { LIMITS } from './limits';
import { ImportError, fileError, type ImportProblem } from './problems';
import { colLetter } from '../xlsx/columns';
import { guardZip, isZip } from './zipguard';
import { guardSheetSize } from './sheetguard';

export type CellValue = string | number | boolean | null;

export interface Grid {
  name: string;
  /** rows[r][c], 0-based; missing cells are undefined or null. */
  rows: CellValue[][];
  /** Cells that must not be used (too long, error values): key r * 16384 + c. */
  bad: Map<number, ImportProblem>;
  /** Formula cells (their cached value is in `rows`). */
  formulas: { r: number; c: number; f: string; cached: boolean }[];
  merges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  /** Rows the sheet declares (may exceed rows read). */
  declaredRows: number;
  truncated: boolean;
  hidden: boolean;
}

export type BookKind = 'xlsx' | 'xls' | 'ods' | 'csv';

export interface Book {
  kind: BookKind;
  sheets: Grid[];
  date1904: boolean;
  encoding?: CsvEncoding;
  delimiter?: string;
  problems: ImportProblem[];
}

export interface ReadOptions {
  encoding?: 'auto' | CsvEncoding;
  /** Only these sheets are parsed (all when absent). */
  sheets?: string[];
  maxRows?: number;
  maxFileBytes?: number;
  /** The zip guard already ran on these bytes. */
  guarded?: boolean;
}

export const cellKey = (r: number, c: number): number => r * 16384 + c;

const isCfb = (b: Uint8Array): boolean => b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) zeros++;
  // UTF-16 text has many zeros but starts with a BOM
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return false;
  return zeros > 0;
}

/** Entry names from the central directory (bytes already guarded). */
export function zipNames(bytes: Uint8Array): string[] {
  const out: string[] = [];
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const count = bytes[eocd + 10]! | (bytes[eocd + 11]! << 8);
  let p = (bytes[eocd + 16]! | (bytes[eocd + 17]! << 8) | (bytes[eocd + 18]! << 16)) + bytes[eocd + 19]! * 0x1000000;
  for (let k = 0; k < count && p + 46 <= bytes.length; k++) {
    const n = bytes[p + 28]! | (bytes[p + 29]! << 8);
    const e = bytes[p + 30]! | (bytes[p + 31]! << 8);
    const c = bytes[p + 32]! | (bytes[p + 33]! << 8);
    out.push(new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + n)));
    p += 46 + n + e + c;
  }
  return out;
}

export function checkSize(size: number, max: number = LIMITS.maxFileBytes): void {
  if (size > max) throw fileError('tooLarge', { size: Math.round((size / 1048576) * 10) / 10, limit: Math.round(max / 1048576) }, 'smallerFile');
  if (size === 0) throw fileError('empty', undefined, 'chooseFile');
}

/** Read a file's bytes into grids. Throws ImportError for unusable files. */
export function readBook(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): Book {
  checkSize(bytes.length, opts.maxFileBytes);
  const maxRows = opts.maxRows ?? LIMITS.maxRows;
  if (isZip(bytes)) {
    const entries = opts.guarded ? undefined : guardZip(bytes);
    const names = new Set(entries ? entries.map((e) => e.name) : zipNames(bytes));
    const kind: BookKind = names.has('content.xml') && !names.has('xl/workbook.xml') ? 'ods' : 'xlsx';
    if (kind === 'xlsx' && !names.has('xl/workbook.xml')) throw fileError('notSpreadsheet', { file: fileName }, 'chooseSpreadsheet');
    // cell references and the declared dimension, before SheetJS allocates rows for them
    if (kind === 'xlsx') guardSheetSize(bytes);
    return readWithSheetJS(bytes, kind, maxRows, opts.sheets);
  }
  if (isCfb(bytes)) return readWithSheetJS(bytes, 'xls', maxRows, opts.sheets);
  if (looksBinary(bytes)) throw fileError('notSpreadsheet', { file: fileName }, 'chooseSpreadsheet');
  return readCsv(bytes, fileName, opts.encoding ?? 'auto', maxRows);
}

function readCsv(bytes: Uint8Array, fileName: string, encoding: 'auto' | CsvEncoding, maxRows: number): Book {
  const { text, encoding: enc } = decodeCsv(bytes, encoding);
  const delimiter = detectDelimiter(text);
  const { rows, truncated } = parseCsvRows(text, maxRows + 1, delimiter, LIMITS.maxColumns);
  // one fixed sheet name, so that the shape signature of a CSV does not depend on its file name
  const name = 'CSV';
  const grid: Grid = { name, rows, bad: new Map(), formulas: [], merges: [], declaredRows: rows.length, truncated, hidden: false };
  markLongCells(grid);
  const problems: ImportProblem[] = [];
  if (truncated)
    problems.push({
      severity: 'warning',
      sheet: name,
      message: msg('import:warn.truncatedRows', { limit: maxRows, declared: `${maxRows}+` }),
      fix: msg('import:fix.splitFile', { limit: maxRows }),
    });
  return { kind: 'csv', sheets: [grid], date1904: false, encoding: enc, delimiter, problems };
}

function markLongCells(g: Grid): void {
  g.rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && v.length > LIMITS.maxCellChars) {
        row[c] = null;
        g.bad.set(cellKey(r, c), {
          severity: 'error',
          sheet: g.name,
          row: r + 1,
          column: colLetter(c),
          message: msg('import:problem.cellTooLong', { length: v.length, limit: LIMITS.maxCellChars }),
          fix: msg('import:fix.shortenCell'),
        });
      }
    }
  });
}

interface SheetJSCell {
  t: string;
  v?: unknown;
  f?: string;
  w?: string;
}

function readWithSheetJS(bytes: Uint8Array, kind: BookKind, maxRows: number, only?: string[]): Book {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellFormula: true,
      cellHTML: false,
      cellText: false,
      cellNF: false,
      cellStyles: false,
      cellDates: false,
      bookVBA: false,
      WTF: false,
      sheetRows: maxRows + 1,
      ...(only ? { sheets: only } : {}),
    });
  } catch (e) {
    const m = String((e as Error)?.message ?? e);
    if (/password|encrypt/i.test(m)) throw fileError('encrypted', undefined, 'removePassword');
    throw fileError('unreadable', { detail: m.slice(0, 120) }, 'resave');
  }
  const problems: ImportProblem[] = [];
  const sheets: Grid[] = [];
  const meta = wb.Workbook?.Sheets ?? [];
  const date1904 = Boolean((wb.Workbook as { WBProps?: { date1904?: boolean } } | undefined)?.WBProps?.date1904);
  wb.SheetNames.forEach((name, i) => {
    if (only && !only.includes(name)) return;
    if (!Object.prototype.hasOwnProperty.call(wb.Sheets, name)) {
      problems.push({ severity: 'warning', sheet: name, message: msg('import:warn.sheetUnreadable', { sheet: name }), fix: msg('import:fix.renameSheet') });
      return;
    }
    const ws = wb.Sheets[name]!;
    const data = ((ws as unknown as { '!data'?: (SheetJSCell | undefined)[][] })['!data'] ?? []) as (SheetJSCell | undefined)[][];
    const rows: CellValue[][] = new Array(data.length);
    const g: Grid = { name, rows, bad: new Map(), formulas: [], merges: [], declaredRows: 0, truncated: false, hidden: Boolean(meta[i]?.Hidden) };
    for (let r = 0; r < data.length; r++) {
      const src = data[r];
      if (!src) {
        rows[r] = [];
        continue;
      }
      const out: CellValue[] = new Array(src.length);
      for (let c = 0; c < src.length; c++) {
        const cell = src[c];
        if (!cell) continue;
        let v: CellValue = null;
        switch (cell.t) {
          case 'n':
            v = typeof cell.v === 'number' && Number.isFinite(cell.v) ? cell.v : null;
            break;
          case 's':
          case 'str':
            v = typeof cell.v === 'string' ? cell.v : cell.v == null ? null : String(cell.v);
            break;
          case 'b':
            v = Boolean(cell.v);
            break;
          case 'd':
            v = cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : null;
            break;
          case 'e':
            g.bad.set(cellKey(r, c), {
              severity: 'error',
              sheet: name,
              row: r + 1,
              column: colLetter(c),
              message: msg('import:problem.cellError', { value: String(cell.w ?? errorText(cell.v)) }),
              fix: msg('import:fix.cellError'),
            });
            break;
          default:
            v = null;
        }
        if (typeof cell.f === 'string' && cell.f !== '') g.formulas.push({ r, c, f: cell.f, cached: v !== null && v !== '' });
        if (typeof v === 'string' && v.length > LIMITS.maxCellChars) {
          g.bad.set(cellKey(r, c), {
            severity: 'error',
            sheet: name,
            row: r + 1,
            column: colLetter(c),
            message: msg('import:problem.cellTooLong', { length: v.length, limit: LIMITS.maxCellChars }),
            fix: msg('import:fix.shortenCell'),
          });
          v = null;
        }
        out[c] = v;
      }
      rows[r] = out;
    }
    const merges = (ws['!merges'] ?? []) as Grid['merges'];
    g.merges = merges.slice(0, 10_000).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
    const full = (ws as { '!fullref'?: string })['!fullref'] ?? ws['!ref'];
    let declared = rows.length;
    if (typeof full === 'string') {
      try {
        declared = Math.max(declared, XLSX.utils.decode_range(full).e.r + 1);
      } catch {
        /* keep rows read */
      }
    }
    g.declaredRows = declared;
    g.truncated = rows.length > maxRows || declared > rows.length;
    if (rows.length > maxRows + 1) rows.length = maxRows + 1;
    if (g.truncated && declared > maxRows + 1)
      problems.push({
        severity: 'warning',
        sheet: name,
        message: msg('import:warn.truncatedRows', { limit: maxRows, declared }),
        fix: msg('import:fix.splitFile', { limit: maxRows }),
      });
    sheets.push(g);
  });
  if (sheets.length === 0 && !only) throw fileError('noSheet', undefined, 'chooseSpreadsheet');
  return { kind, sheets, date1904, problems };
}

const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};
const errorText = (v: unknown): string => (typeof v === 'number' ? (ERRORS[v] ?? '#ERROR') : '#ERROR');

export { ImportError };

/**
 * The CBAM documents' tables (own workbook, quarterly statement, annual declaration, sources workbook) written
 * with the shared xlsx writer (src/core/xlsx/write.ts): the first row of each sheet is a bold header row, frozen
 * at the top; numbers are written as numbers (General format), booleans as booleans; text is an inline string,
 * never a formula, with a quote-prefix style when it starts like a formula (= + - @, tab, CR).
 */
import { writeWorkbook, type WCell } from '../../xlsx/write';

export type Cell = string | number | boolean | null | undefined;
export interface SheetData {
  name: string;
  rows: Cell[][];
  /** column widths in characters */ widths?: number[];
}

/** Header cells: text and numbers bold; booleans and empty cells as they are. */
const headerCell = (v: Cell): WCell => (typeof v === 'string' || typeof v === 'number' ? { v, s: 'bold' } : v);

/** Build an .xlsx file (bytes). The first row of each sheet is a bold, frozen header row. */
export function writeXlsx(sheets: SheetData[]): Uint8Array {
  return writeWorkbook(
    sheets.map((sh) => ({
      name: sh.name,
      rows: sh.rows.map((r, i) => (i === 0 ? r.map(headerCell) : r)),
      ...(sh.widths ? { widths: sh.widths } : {}),
      freezeRows: 1,
      explicitDefaults: false, // row height and page margins as the opening program has them (as these documents always had)
    })),
  );
}

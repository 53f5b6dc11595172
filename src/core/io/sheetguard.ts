/**
 * Sheet-size guard for .xlsx, run after the zip guard and before SheetJS allocates anything: each worksheet part
 * is inflated in small steps and its tags scanned as they stream by (nothing is kept): the declared <dimension>,
 * the row numbers and every cell's column (from its reference, or counted along the row when a cell has none).
 * A cell beyond LIMITS.maxColumns, a row beyond Excel's 1,048,576 rows, or a dimension beyond Excel's grid is
 * refused with a translated error before the spreadsheet library would build rows millions of cells wide.
 */
import { Inflate } from 'fflate';
import { LIMITS } from './limits';
import { fileError } from './problems';

/** Excel's grid: columns A…XFD, rows 1…1,048,576. */
export const EXCEL_GRID = { columns: 16_384, rows: 1_048_576 } as const;

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;

class Stop extends Error {
  constructor(
    readonly kind: 'columns' | 'rows',
    readonly value: number,
    readonly sheet: string,
  ) {
    super(kind);
  }
}

/** Column number (1-based) of letters A…, or Infinity for more than 7 letters. */
function colNumber(letters: string): number {
  if (letters.length > 7) return Infinity;
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const TAG = /<(?:\w+:)?(row|c|dimension)\b([^>]*)>/g;
const ATTR_R = /\br="([A-Z]*)(\d*)"/;
const ATTR_REF = /\bref="[A-Z]*\d*:?([A-Z]*)(\d*)"/;

/** Scanner state of one worksheet part, fed with text chunks. */
class SheetScan {
  private pending = '';
  private col = 0;
  constructor(
    private readonly sheet: string,
    private readonly maxCols: number,
  ) {}

  feed(text: string, final: boolean): void {
    const all = this.pending + text;
    // a tag may be cut at the end of the chunk: keep everything from the last '<' for the next one
    const cut = final ? all.length : all.lastIndexOf('<');
    if (cut <= 0 && !final) {
      this.pending = all.length > 65_536 ? '' : all;
      return;
    }
    this.scan(all.slice(0, cut));
    this.pending = all.slice(cut);
  }

  private scan(s: string): void {
    TAG.lastIndex = 0;
    for (let m = TAG.exec(s); m; m = TAG.exec(s)) {
      const tag = m[1]!;
      const attrs = m[2]!;
      if (tag === 'c') {
        const r = ATTR_R.exec(attrs);
        this.col = r && r[1] ? colNumber(r[1]) : this.col + 1;
        if (this.col > this.maxCols) throw new Stop('columns', this.col, this.sheet);
        if (r && r[2] && Number(r[2]) > EXCEL_GRID.rows) throw new Stop('rows', Number(r[2]), this.sheet);
      } else if (tag === 'row') {
        this.col = 0;
        const r = /\br="(\d+)"/.exec(attrs);
        if (r && Number(r[1]) > EXCEL_GRID.rows) throw new Stop('rows', Number(r[1]), this.sheet);
      } else {
        const r = ATTR_REF.exec(attrs);
        if (r && r[1] && colNumber(r[1]) > EXCEL_GRID.columns) throw new Stop('columns', colNumber(r[1]), this.sheet);
        if (r && r[2] && Number(r[2]) > EXCEL_GRID.rows) throw new Stop('rows', Number(r[2]), this.sheet);
      }
    }
  }
}

/** Throws ImportError (tooManyColumns, tooManyRows) when a worksheet reaches beyond the limits. Bytes must be guarded. */
export function guardSheetSize(bytes: Uint8Array, maxCols: number = LIMITS.maxColumns): void {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return;
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  try {
    for (let k = 0; k < count && p + 46 <= bytes.length; k++) {
      const nameLen = u16(bytes, p + 28);
      const next = p + 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
      let name = '';
      for (let i = 0; i < nameLen; i++) name += String.fromCharCode(bytes[p + 46 + i]!);
      const csz = u32(bytes, p + 20);
      const local = u32(bytes, p + 42);
      p = next;
      if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name) || local + 30 > bytes.length) continue;
      const method = u16(bytes, local + 8);
      const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
      const end = Math.min(bytes.length, start + csz);
      const sheet = name.replace(/^.*\//, '').replace(/\.xml$/i, '');
      const scan = new SheetScan(sheet, maxCols);
      const dec = new TextDecoder('utf-8');
      if (method === 0) {
        scan.feed(dec.decode(bytes.subarray(start, end)), true);
        continue;
      }
      const inf = new Inflate((chunk, final) => scan.feed(dec.decode(chunk, { stream: !final }), final));
      const STEP = 1 << 14;
      for (let o = start; o < end; o += STEP) inf.push(bytes.subarray(o, Math.min(end, o + STEP)), o + STEP >= end);
    }
  } catch (e) {
    if (e instanceof Stop) {
      if (e.kind === 'columns')
        throw fileError('tooManyColumns', { sheet: e.sheet, columns: Number.isFinite(e.value) ? e.value : '∞', limit: maxCols }, 'fewerColumns');
      throw fileError('tooManyRows', { sheet: e.sheet, rows: e.value, limit: EXCEL_GRID.rows }, 'resave');
    }
    // anything unreadable is left to the spreadsheet library, which reports it in its own words
  }
}

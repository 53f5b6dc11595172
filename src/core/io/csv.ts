/**
 * CSV text: encoding detection (BOM, then strict UTF-8, else GB18030 — what Chinese Excel writes) or a chosen
 * encoding, delimiter detection (comma, semicolon, tab) and an RFC 4180 parser (quoted fields, doubled quotes,
 * line breaks inside quotes). Cells stay text; numbers are read later with parseNumberText.
 */
import { fileError } from './problems';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Decode CSV bytes. `encoding` 'auto' (default) detects; a wrong explicit choice gives a clear error. */
export function decodeCsv(bytes: Uint8Array, encoding: 'auto' | CsvEncoding = 'auto'): { text: string; encoding: CsvEncoding } {
  const enc = encoding === 'auto' ? detectEncoding(bytes) : encoding;
  let text: string;
  try {
    text = new TextDecoder(enc, { fatal: true }).decode(bytes);
  } catch {
    throw fileError('encoding', { encoding: enc }, 'encoding');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding: enc };
}

export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, 8192).split(/\r?\n/, 1)[0] ?? '';
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    let n = 0;
    let q = false;
    for (const ch of firstLine) {
      if (ch === '"') q = !q;
      else if (ch === d && !q) n++;
    }
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** Parse CSV text into rows of cells. Stops after `maxRows` rows (returns `truncated`); a row wider than `maxCols` is refused. */
export function parseCsvRows(text: string, maxRows: number, delimiter = detectDelimiter(text), maxCols = Infinity): { rows: string[][]; truncated: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  while (i < n) {
    let cell: string;
    if (text.charCodeAt(i) === 34) {
      // quoted
      let s = '';
      i++;
      for (;;) {
        const j = text.indexOf('"', i);
        if (j < 0) {
          s += text.slice(i);
          i = n;
          break;
        }
        s += text.slice(i, j);
        if (text.charCodeAt(j + 1) === 34) {
          s += '"';
          i = j + 2;
          continue;
        }
        i = j + 1;
        break;
      }
      // anything after the closing quote up to the delimiter is kept (lenient)
      let k = i;
      while (k < n && text.charCodeAt(k) !== d && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
      s += text.slice(i, k);
      i = k;
      cell = s;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === d || c === 10 || c === 13) break;
        k++;
      }
      cell = text.slice(i, k);
      i = k;
    }
    row.push(cell);
    if (row.length > maxCols) throw fileError('tooManyColumns', { sheet: 'CSV', columns: `${maxCols}+`, limit: maxCols }, 'fewerColumns');
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i === n) row.push('');
      continue;
    }
    if (c === 13) i++;
    if (text.charCodeAt(i) === 10) i++;
    rows.push(row);
    row = [];
    if (rows.length >= maxRows) return { rows, truncated: i < n };
  }
  if (row.length) rows.push(row);
  return { rows, truncated: false };
}

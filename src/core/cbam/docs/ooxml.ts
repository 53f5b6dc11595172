/**
 * Small OOXML helpers on raw XML strings (no DOM, runs in node and browser): XML escaping, cell references,
 * reading and writing single cells of a worksheet part, zip access through fflate.
 */
import { unzipSync, strFromU8, strToU8, type Unzipped } from 'fflate';
import { CbamDocError, docError } from './errors';
import { guardZip } from '../../io/zipguard';
import { ImportError } from '../../io/problems';
import { finiteNumberToXml, unescapeOoxmlText, xmlUnescape } from '../../xlsx/xml';

export { xmlEscape, xmlUnescape, looksLikeFormula } from '../../xlsx/xml';

export const ref = (col: string, row: number): string => `${col}${row}`;

/** Unzip, turning any failure into a translated "corrupt file" error. */
export function unzipOrThrow(bytes: Uint8Array, filter?: (name: string) => boolean): Unzipped {
  if (!(bytes instanceof Uint8Array) || bytes.length < 22) throw docError('errors.corruptZip');
  // a zip starts with a local file header "PK\3\4"
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw docError('errors.corruptZip');
  // the same zip-bomb guard as imports (sizes measured while inflating in small steps) before anything is unpacked
  try {
    guardZip(bytes);
  } catch (e) {
    if (e instanceof ImportError && e.problems[0] && e.problems[0].message.key !== 'import:error.corruptZip')
      throw new CbamDocError(e.problems[0].message, e.problems[0].fix ? [e.problems[0].fix] : []);
    throw docError('errors.corruptZip');
  }
  try {
    return filter ? unzipSync(bytes, { filter: (f) => filter(f.name) }) : unzipSync(bytes);
  } catch {
    throw docError('errors.corruptZip');
  }
}

export const u8ToStr = (u: Uint8Array): string => strFromU8(u);
export const strToU8Utf8 = (s: string): Uint8Array => strToU8(s);

/** Value of a cell as read back from a sheet: number, string, boolean, or null for empty. */
export type CellValue = number | string | boolean | null;

/** Parse the shared strings table into plain strings (rich-text runs concatenated). */
export function parseSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    let s = '';
    for (const t of m[1]!.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) s += t[1];
    out.push(unescapeOoxmlText(xmlUnescape(s)));
  }
  return out;
}

/** Decode the value of one `<c>` element. */
export function decodeCell(attrs: string, inner: string, sst: string[]): CellValue {
  const t = /\st="(\w+)"/.exec(attrs)?.[1] ?? 'n';
  if (t === 'inlineStr') {
    let s = '';
    for (const m of inner.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) s += m[1];
    return unescapeOoxmlText(xmlUnescape(s));
  }
  const v = /<v(?:\s[^>]*)?>([^<]*)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return null;
  if (t === 's') return sst[Number(v)] ?? null;
  if (t === 'b') return v === '1' || v === 'true';
  if (t === 'str' || t === 'e') return xmlUnescape(v);
  const n = Number(v);
  return Number.isFinite(n) ? n : xmlUnescape(v);
}

/** Read a set of cells (by reference) from a worksheet XML. Missing cells read as null. */
export function readCells(xml: string, refs: Iterable<string>, sst: string[]): Map<string, CellValue> {
  const want = new Set(refs);
  const out = new Map<string, CellValue>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    if (!want.has(m[1]!)) continue;
    out.set(m[1]!, decodeCell(m[2]!, m[3] ?? '', sst));
  }
  for (const r of want) if (!out.has(r)) out.set(r, null);
  return out;
}

/** Excel serial date (1900 date system) of an ISO date YYYY-MM-DD. */
export function excelSerial(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

/** A number as written in `<v>`: shortest round-trip decimal. */
export function numberToXml(n: number): string {
  if (!Number.isFinite(n)) throw docError('errors.notFinite');
  return finiteNumberToXml(n);
}

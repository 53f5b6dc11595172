/**
 * Zip-bomb and corruption guard for .xlsx containers, run before SheetJS sees the bytes. Walks the central
 * directory, then inflates every entry exactly as the reader would (from its local header, until the deflate
 * stream ends) while counting output bytes, and stops as soon as a limit is passed: total uncompressed size,
 * compression ratio of one entry, number of entries. Nothing is kept; only sizes are measured.
 */
import { Inflate } from 'fflate';
import { LIMITS } from './limits';
import { fileError } from './problems';

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
}

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;

class Stop extends Error {}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Throws ImportError (corruptZip, zipBomb, encrypted) or returns the entries with their real sizes. */
export function guardZip(bytes: Uint8Array, limits: { maxUncompressedBytes?: number; maxEntryRatio?: number } = {}): ZipEntryInfo[] {
  const maxTotal = limits.maxUncompressedBytes ?? LIMITS.maxUncompressedBytes;
  const maxRatio = limits.maxEntryRatio ?? LIMITS.maxEntryRatio;
  if (!isZip(bytes) || bytes.length < 22) throw fileError('corruptZip', undefined, 'resave');
  // end of central directory record: last occurrence of PK\5\6 within the final 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fileError('corruptZip', undefined, 'resave');
  const count = u16(bytes, eocd + 10);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw fileError('zipBomb', { limit: mb(maxTotal) }, 'smallerFile');
  if (count > LIMITS.maxZipEntries) throw fileError('zipBomb', { limit: mb(maxTotal) }, 'smallerFile');
  if (cdOffset >= bytes.length) throw fileError('corruptZip', undefined, 'resave');
  const out: ZipEntryInfo[] = [];
  let total = 0;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw fileError('corruptZip', undefined, 'resave');
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const cdCsz = u32(bytes, p + 20);
    const local = u32(bytes, p + 42);
    let name = '';
    for (let i = 0; i < nameLen && p + 46 + i < bytes.length; i++) name += String.fromCharCode(bytes[p + 46 + i]!);
    p += 46 + nameLen + extraLen + commentLen;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw fileError('corruptZip', undefined, 'resave');
    // the reader trusts the local header: flags, method and sizes are taken from there
    const flags = u16(bytes, local + 6);
    const method = u16(bytes, local + 8);
    const lCsz = u32(bytes, local + 18);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (flags & 0x41) throw fileError('encrypted', undefined, 'removePassword');
    if (start > bytes.length) throw fileError('corruptZip', undefined, 'resave');
    let size = 0;
    let consumed = 0;
    if (method === 0) {
      size = lCsz;
      consumed = lCsz;
      if (start + lCsz > bytes.length) throw fileError('corruptZip', undefined, 'resave');
    } else if (method === 8) {
      let ended = false;
      const inf = new Inflate((chunk, final) => {
        size += chunk.length;
        if (total + size > maxTotal) throw new Stop('total');
        if (size > 8 * 1_048_576 && size / Math.max(1, consumed) > maxRatio) throw new Stop('ratio');
        if (final) ended = true;
      });
      // the compressed size from the central directory: a stream longer than declared ends in a "corrupt"
      // error here, so the reader never inflates more than was measured
      const stop = Math.min(bytes.length, start + cdCsz);
      const STEP = 1 << 14; // small input steps bound the output of one push (deflate expands at most ~1032×)
      try {
        for (let o = start; o < stop && !ended; o += STEP) {
          const end = Math.min(stop, o + STEP);
          consumed = end - start;
          inf.push(bytes.subarray(o, end), end === stop);
        }
      } catch (e) {
        if (e instanceof Stop) throw fileError('zipBomb', { limit: mb(maxTotal) }, 'smallerFile');
        throw fileError('corruptZip', undefined, 'resave');
      }
      if (!ended) throw fileError('corruptZip', undefined, 'resave');
    } else {
      throw fileError('corruptZip', undefined, 'resave');
    }
    total += size;
    if (total > maxTotal) throw fileError('zipBomb', { limit: mb(maxTotal) }, 'smallerFile');
    out.push({ name, compressed: consumed, uncompressed: size });
  }
  return out;
}

const mb = (n: number): number => Math.round(n / 1048576);

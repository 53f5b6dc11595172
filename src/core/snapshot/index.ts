/**
 * Verification snapshots: a case's content as canonical JSON (object keys sorted, no whitespace, numbers in
 * JavaScript's shortest round-trip form, `undefined` dropped), its SHA-256 through WebCrypto (`crypto.subtle`,
 * present in browsers and Node 20), and a field-level difference between two contents. Pure: no DOM, no storage.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Canonical JSON text of a value: same content gives the same text whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value, '$'));
}

function canonicalValue(v: unknown, path: string): Json | undefined {
  if (v === null) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`not a finite number at ${path}`);
    return Object.is(v, -0) ? 0 : v;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  if (Array.isArray(v)) return v.map((x, i) => canonicalValue(x, `${path}[${i}]`) ?? null);
  if (typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(v as object).sort()) {
      const c = canonicalValue((v as Record<string, unknown>)[k], `${path}.${k}`);
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  throw new TypeError(`cannot serialise ${typeof v} at ${path}`);
}

/** SHA-256 of bytes or of a text's UTF-8, as 64 lowercase hex digits. */
export async function sha256Hex(data: string | Uint8Array | ArrayBuffer): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data instanceof Uint8Array ? data : new Uint8Array(data);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Hash of a value's canonical JSON, with the text that was hashed. */
export async function hashContent(value: unknown): Promise<{ canonical: string; hash: string }> {
  const canonical = canonicalJson(value);
  return { canonical, hash: await sha256Hex(canonical) };
}

/** Does the stored canonical text still give the stored hash (the snapshot was not altered)? */
export async function verifySnapshot(s: { canonical: string; hash: string }): Promise<boolean> {
  return (await sha256Hex(s.canonical)) === s.hash;
}

export interface FieldChange {
  /** JSON path, e.g. `dataset.lines[2].amount` */
  path: string;
  kind: 'changed' | 'added' | 'removed';
  before?: Json;
  after?: Json;
}

/** Field-level difference of two JSON values (leaves compared; arrays by index; objects by key). */
export function diffJson(before: unknown, after: unknown, limit = 500): FieldChange[] {
  const out: FieldChange[] = [];
  walk(canonicalValue(before, '$') ?? null, canonicalValue(after, '$') ?? null, '', out, limit);
  return out;
}

const isObj = (v: Json): v is { [k: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);
const join = (base: string, k: string | number) =>
  typeof k === 'number' ? `${base}[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? (base ? `${base}.${k}` : k) : `${base}[${JSON.stringify(k)}]`;

function walk(a: Json, b: Json, path: string, out: FieldChange[], limit: number): void {
  if (out.length >= limit) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length) out.push({ path: join(path, i), kind: 'added', after: b[i]! });
      else if (i >= b.length) out.push({ path: join(path, i), kind: 'removed', before: a[i]! });
      else walk(a[i]!, b[i]!, join(path, i), out, limit);
    }
    return;
  }
  if (isObj(a) && isObj(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (!(k in b)) out.push({ path: join(path, k), kind: 'removed', before: a[k]! });
      else if (!(k in a)) out.push({ path: join(path, k), kind: 'added', after: b[k]! });
      else walk(a[k]!, b[k]!, join(path, k), out, limit);
    }
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: path || '$', kind: 'changed', before: a, after: b });
}

/**
 * Pack files: a pack is one JSON object, stored either as one file (what the app's Library accepts) or as a folder
 * whose pack.json names the files merged into it (`parts`: field → "file.json" or "file.json#key"). Pure: the caller
 * reads the files. `parseUserPack` validates a user-supplied pack and returns it, or a translatable error naming the field.
 */
import type { Message } from '../i18n/message';
import { CbamPackError, parseCbamPack, type CbamPack } from './pack-schema';

/** Merges the parts named in pack.json into one object (parts already present in pack.json are kept). */
export function assembleCbamPack(meta: Record<string, unknown>, readPart: (file: string) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...meta };
  const parts = (meta.parts ?? {}) as Record<string, string>;
  for (const [field, ref] of Object.entries(parts)) {
    if (out[field] !== undefined) continue;
    const [file, key] = ref.split('#') as [string, string | undefined];
    const data = readPart(file);
    if (data === undefined)
      throw new CbamPackError({ key: 'cbampacks:errors.packPartMissing', params: { pack: String(meta.id ?? 'unknown'), field: `parts.${field}`, file } });
    out[field] = key ? (data as Record<string, unknown>)[key] : data;
  }
  return out;
}

export type UserPackResult = { ok: true; pack: CbamPack } | { ok: false; error: Message };

/** Validates a user-supplied pack (JSON text or parsed object) with the same schema as the built-in packs. */
export function parseUserPack(input: string | unknown, label = 'file'): UserPackResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (e) {
      return { ok: false, error: { key: 'cbampacks:errors.packNotJson', params: { file: label, detail: (e as Error).message } } };
    }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, error: { key: 'cbampacks:errors.userPackInvalid', params: { pack: label, field: '(root)', problem: 'not an object' } } };
  const missing = Object.keys(((raw as Record<string, unknown>).parts ?? {}) as Record<string, string>).find(
    (f) => (raw as Record<string, unknown>)[f] === undefined,
  );
  if (missing)
    return {
      ok: false,
      error: {
        key: 'cbampacks:errors.packPartMissing',
        params: {
          pack: String((raw as { id?: unknown }).id ?? label),
          field: missing,
          file: String((raw as { parts: Record<string, string> }).parts[missing]),
        },
      },
    };
  try {
    return { ok: true, pack: parseCbamPack(raw, String((raw as { id?: unknown }).id ?? label)) };
  } catch (e) {
    if (e instanceof CbamPackError)
      return { ok: false, error: e.detail.key === 'cbam:errors.packInvalid' ? { ...e.detail, key: 'cbampacks:errors.userPackInvalid' } : e.detail };
    throw e;
  }
}

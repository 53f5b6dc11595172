/**
 * The backup file of the web app: every client, case, dataset, result, saved mapping, user-supplied rule pack,
 * evidence file, snapshot and setting, in one JSON document with a format version and SHA-256 checksums
 * (one over all tables, one per dataset and per evidence file) so a damaged or edited file is refused with the
 * reason, naming the row. Binary evidence files travel as base64. Pure: the UI reads and writes the database.
 */
import { z } from 'zod';
import type { Message } from '../i18n/message';
import { canonicalJson, sha256Hex } from '../snapshot';

export const BACKUP_FORMAT = 'carbonbridge-backup';
/** Version of this file format; a file with a higher number was made by a newer CarbonBridge and is refused. */
export const BACKUP_FORMAT_VERSION = 1;

export const BACKUP_TABLES = ['clients', 'cases', 'datasets', 'results', 'mappings', 'settings', 'userPacks', 'evidence', 'snapshots'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

const id = z.string().min(1);
const time = z.number().finite();
const names = z.object({ zh: z.string().optional(), en: z.string().optional(), ar: z.string().optional() });

/** Row schemas: the fields the app relies on are checked, anything else is kept as it is (loose objects). */
export const rowSchemas = {
  clients: z.looseObject({ id, names, archived: z.union([z.literal(0), z.literal(1)]), createdAt: time, updatedAt: time }),
  cases: z.looseObject({ id, clientId: id, title: z.string(), status: z.enum(['open', 'waiting', 'ready', 'closed']), createdAt: time, updatedAt: time }),
  datasets: z.looseObject({
    id,
    name: z.string(),
    createdAt: time,
    updatedAt: time,
    cn: z.string(),
    origin: z.string(),
    data: z.unknown(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  results: z.looseObject({ id, datasetId: z.string(), kind: z.string(), updatedAt: time }),
  mappings: z.looseObject({ signature: id, updatedAt: time }),
  settings: z.looseObject({ key: id }),
  userPacks: z.looseObject({ id, version: z.string(), status: z.string(), loadedAt: time, json: z.string() }),
  evidence: z.looseObject({
    id,
    caseId: id,
    item: z.string(),
    state: z.enum(['present', 'missing', 'na']),
    updatedAt: time,
    fileBase64: z.string().optional(),
    sha256: z.string().optional(),
  }),
  snapshots: z.looseObject({ id, caseId: id, createdAt: time, hash: z.string().regex(/^[0-9a-f]{64}$/), canonical: z.string() }),
} satisfies Record<BackupTable, z.ZodType>;

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  exportedAt: z.string(),
  app: z.string().optional(),
  /** SHA-256 of the canonical JSON of `tables` */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  tables: z.object(Object.fromEntries(BACKUP_TABLES.map((t) => [t, z.array(rowSchemas[t])])) as { [K in BackupTable]: z.ZodArray<(typeof rowSchemas)[K]> }),
});
export type BackupFile = z.infer<typeof backupSchema>;
export type BackupTables = { [K in BackupTable]: Record<string, unknown>[] };

export type BackupParse = { ok: true; backup: BackupFile } | { ok: false; reasons: Message[] };

/** Builds the file from the rows of each table (datasets get their checksum here). */
export async function buildBackup(tables: BackupTables, exportedAt: string, app?: string): Promise<BackupFile> {
  const t = {
    ...tables,
    datasets: await Promise.all(tables.datasets.map(async (r) => ({ ...withoutSha(r), sha256: await sha256Hex(canonicalJson(r.data ?? null)) }))),
  };
  const sorted = Object.fromEntries(BACKUP_TABLES.map((k) => [k, [...t[k]].sort((a, b) => rowKey(k, a).localeCompare(rowKey(k, b)))])) as BackupTables;
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt,
    ...(app ? { app } : {}),
    sha256: await sha256Hex(canonicalJson(sorted)),
    tables: sorted as BackupFile['tables'],
  };
}

const withoutSha = (r: Record<string, unknown>) => {
  const { sha256: _drop, ...rest } = r;
  void _drop;
  return rest;
};
export const rowKey = (table: BackupTable, r: Record<string, unknown>): string =>
  String(table === 'mappings' ? r.signature : table === 'settings' ? r.key : r.id);

const refuse = (key: string, params?: Record<string, string | number>): BackupParse => ({
  ok: false,
  reasons: [{ key: `advisory:backup.refused.${key}`, ...(params ? { params } : {}) }],
});

/** Reads a backup file's text: the parsed file, or the reasons it is refused (nothing is restored then). */
export async function parseBackup(text: string): Promise<BackupParse> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const m = String((e as Error).message);
    const pos = /position (\d+)/.exec(m);
    // a file cut short fails where the text ends
    const truncated =
      text.trim().length > 0 && (/end of (JSON )?input|Unterminated|Unexpected end/i.test(m) || (pos !== null && Number(pos[1]) >= text.trimEnd().length));
    return refuse(truncated ? 'truncated' : 'notJson', { detail: m.slice(0, 120) });
  }
  const head = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== BACKUP_FORMAT) return refuse('notBackup');
  if (typeof head.formatVersion === 'number' && head.formatVersion > BACKUP_FORMAT_VERSION)
    return refuse('newerVersion', { version: head.formatVersion, supported: BACKUP_FORMAT_VERSION });
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      reasons: parsed.error.issues
        .slice(0, 5)
        .map((i) => ({ key: 'advisory:backup.refused.invalidField', params: { field: i.path.join('.') || '-', detail: i.code } })),
    };
  }
  const b = parsed.data;
  const reasons: Message[] = [];
  for (const d of b.tables.datasets) {
    if ((await sha256Hex(canonicalJson(d.data ?? null))) !== d.sha256)
      reasons.push({ key: 'advisory:backup.refused.datasetTampered', params: { name: d.name, id: d.id } });
  }
  for (const e of b.tables.evidence) {
    if (e.fileBase64 !== undefined && e.sha256 && (await sha256Hex(base64ToBytes(e.fileBase64))) !== e.sha256)
      reasons.push({ key: 'advisory:backup.refused.evidenceTampered', params: { name: String(e.fileName ?? e.id) } });
  }
  for (const k of BACKUP_TABLES) {
    const seen = new Set<string>();
    for (const r of b.tables[k]) {
      const key = rowKey(k, r);
      if (seen.has(key)) reasons.push({ key: 'advisory:backup.refused.duplicate', params: { table: k, id: key } });
      seen.add(key);
    }
  }
  if (!reasons.length && (await sha256Hex(canonicalJson(b.tables))) !== b.sha256) reasons.push({ key: 'advisory:backup.refused.checksum' });
  return reasons.length ? { ok: false, reasons } : { ok: true, backup: b };
}

/** Rows as they go back into the database (the checksum field of datasets removed). */
export function restoredRows(b: BackupFile): BackupTables {
  return { ...(b.tables as BackupTables), datasets: b.tables.datasets.map((r) => withoutSha(r)) };
}

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
export function base64ToBytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

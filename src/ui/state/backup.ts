/**
 * Backup and restore of everything in the browser database through the core's backup format. A file is read
 * and checked completely before anything is written; restore into a non-empty database needs an explicit
 * choice (merge: rows of the file added, rows already here kept; replace: the database becomes the file) and
 * runs in one transaction, so a failure changes nothing.
 */
import type { CarbonBridgeDb, EvidenceRow } from '../db/db';
import {
  BACKUP_TABLES,
  buildBackup,
  parseBackup,
  restoredRows,
  rowKey,
  bytesToBase64,
  base64ToBytes,
  type BackupFile,
  type BackupParse,
  type BackupTable,
  type BackupTables,
} from '../core';
import type { Message } from '../core';

/** Settings that describe the backups themselves are not part of a backup. */
export const BACKUP_SETTING_PREFIX = 'backup.';
export const LAST_BACKUP_KEY = 'backup.lastAt';
/** Changes to any table after this moment count toward the reminder. */
export const REMINDER_AFTER_MS = 7 * 24 * 3600 * 1000;

const tableOf = (d: CarbonBridgeDb, t: BackupTable) => d.table(t);

export async function exportBackup(d: CarbonBridgeDb, now = new Date()): Promise<BackupFile> {
  const rows = await d.transaction(
    'r',
    BACKUP_TABLES.map((t) => tableOf(d, t)),
    async () => {
      const out = {} as BackupTables;
      for (const t of BACKUP_TABLES) out[t] = (await tableOf(d, t).toArray()) as Record<string, unknown>[];
      return out;
    },
  );
  rows.settings = rows.settings.filter((s) => !String(s.key).startsWith(BACKUP_SETTING_PREFIX));
  rows.evidence = rows.evidence.map((e) => {
    const { file, ...rest } = e as unknown as EvidenceRow;
    return file ? { ...rest, fileBase64: bytesToBase64(new Uint8Array(file)) } : rest;
  });
  return buildBackup(rows, now.toISOString());
}

/** Marks the moment of the last backup (for the reminder). */
export async function markBackedUp(d: CarbonBridgeDb, at = Date.now()): Promise<void> {
  await d.settings.put({ key: LAST_BACKUP_KEY, value: at });
}

export async function isEmpty(d: CarbonBridgeDb): Promise<boolean> {
  for (const t of ['clients', 'cases', 'datasets', 'evidence', 'snapshots', 'userPacks', 'mappings'] as const) if ((await d.table(t).count()) > 0) return false;
  return true;
}

export type RestoreMode = 'merge' | 'replace';
export type RestoreOutcome = { ok: true; counts: Record<BackupTable, number>; skipped: number } | { ok: false; reasons: Message[] };

export async function readBackup(text: string): Promise<BackupParse> {
  return parseBackup(text);
}

/** Writes a checked backup. `mode` is required when the database is not empty. */
export async function restoreBackup(d: CarbonBridgeDb, b: BackupFile, mode: RestoreMode | null): Promise<RestoreOutcome> {
  if (!mode && !(await isEmpty(d))) return { ok: false, reasons: [{ key: 'advisory:backup.needsChoice' }] };
  const rows = restoredRows(b);
  rows.evidence = rows.evidence.map((e) => {
    const { fileBase64, ...rest } = e as Record<string, unknown> & { fileBase64?: string };
    return fileBase64 !== undefined ? { ...rest, file: base64ToBytes(fileBase64).buffer } : rest;
  });
  const counts = {} as Record<BackupTable, number>;
  let skipped = 0;
  try {
    await d.transaction(
      'rw',
      BACKUP_TABLES.map((t) => tableOf(d, t)),
      async () => {
        for (const t of BACKUP_TABLES) {
          const table = tableOf(d, t);
          let list = rows[t];
          if (mode === 'replace' || !mode) {
            if (t === 'settings') {
              const keep = (await table.toArray()).filter((s) => String((s as { key: string }).key).startsWith(BACKUP_SETTING_PREFIX));
              await table.clear();
              await table.bulkAdd(keep);
            } else await table.clear();
          } else {
            const have = new Set((await table.toCollection().primaryKeys()).map(String));
            const fresh = list.filter((r) => !have.has(rowKey(t, r)));
            skipped += list.length - fresh.length;
            list = fresh;
          }
          await table.bulkAdd(list);
          counts[t] = list.length;
        }
      },
    );
  } catch (e) {
    return { ok: false, reasons: [{ key: 'advisory:backup.writeFailed', params: { detail: String((e as Error)?.message ?? e) } }] };
  }
  return { ok: true, counts, skipped };
}

/** Latest change time across the tables the adviser edits. */
export async function lastChangeAt(d: CarbonBridgeDb): Promise<number> {
  const last = async (t: 'clients' | 'cases' | 'datasets') =>
    ((await d.table(t).orderBy('updatedAt').last()) as { updatedAt?: number } | undefined)?.updatedAt ?? 0;
  return Math.max(await last('clients'), await last('cases'), await last('datasets'));
}

/** Remind when something changed since the last backup and that backup is more than a week old (or there is none). */
export async function backupReminder(d: CarbonBridgeDb, now = Date.now()): Promise<{ due: boolean; lastBackupAt: number | null; lastChangeAt: number }> {
  const lastBackupAt = ((await d.settings.get(LAST_BACKUP_KEY))?.value as number | undefined) ?? null;
  const changed = await lastChangeAt(d);
  const due = changed > (lastBackupAt ?? 0) && (lastBackupAt === null || now - lastBackupAt > REMINDER_AFTER_MS);
  return { due, lastBackupAt, lastChangeAt: changed };
}

/**
 * Rule packs the user loaded in the Library (a pack updated without a release): validated by the core with the same
 * schema as the built-in packs (a broken pack is refused with the field named and nothing changes), stored in the
 * browser database (table userPacks: id, version, status, loadedAt, json), installed into the core so every view uses
 * them, removable. The built-in packs are always there: removing a user pack of the same id brings the built-in back.
 */
import { db, type CarbonBridgeDb, type UserPackRow } from '../db/db';
import { installCbamPacks, parseUserPack, uninstallCbamPacks, type CbamPack, type Message } from '../core';

export type LoadOutcome = { ok: true; pack: CbamPack; replaced: boolean } | { ok: false; error: Message };

/** Validates a pack file's text and, when valid, stores and installs it. Nothing is stored when it is refused. */
export async function loadUserPackFile(text: string, fileName: string, d: CarbonBridgeDb = db(), now = Date.now()): Promise<LoadOutcome> {
  const r = parseUserPack(text, fileName);
  if (!r.ok) return r;
  const replaced = (await d.userPacks.get(r.pack.id)) !== undefined;
  const row: UserPackRow = { id: r.pack.id, version: r.pack.version, status: r.pack.status, loadedAt: now, json: text };
  await d.userPacks.put(row);
  installCbamPacks([r.pack]);
  return { ok: true, pack: r.pack, replaced };
}

/** Installs every stored pack (at start); rows that no longer validate are returned with their error, not deleted. */
export async function restoreUserPacks(d: CarbonBridgeDb = db()): Promise<{ installed: string[]; refused: Array<{ id: string; error: Message }> }> {
  const rows = await d.userPacks.toArray();
  const packs: CbamPack[] = [];
  const refused: Array<{ id: string; error: Message }> = [];
  for (const row of rows) {
    const r = parseUserPack(row.json, row.id);
    if (r.ok) packs.push(r.pack);
    else refused.push({ id: row.id, error: r.error });
  }
  uninstallCbamPacks();
  return { installed: installCbamPacks(packs), refused };
}

export const listUserPacks = (d: CarbonBridgeDb = db()): Promise<UserPackRow[]> => d.userPacks.orderBy('id').toArray();

/** Removes a user pack: deleted from the database and from the core (the built-in pack of that id is used again). */
export async function removeUserPack(id: string, d: CarbonBridgeDb = db()): Promise<void> {
  await d.userPacks.delete(id);
  uninstallCbamPacks([id]);
}

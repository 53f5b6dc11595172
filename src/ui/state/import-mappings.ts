/**
 * Column mappings remembered per sheet shape (the core's shape signature) in the browser database, so the next
 * file of the same shape is mapped the same way. The mapping documents are the core's own (`MappingSchema`);
 * they are handed back to the core as `knownMappings`, which validates them and picks the one whose signature
 * matches the file (nothing is matched or interpreted here).
 */
import type { CarbonBridgeDb, MappingRow } from '../db/db';
import type { Mapping } from '../core';

/** Most mappings kept (the oldest are dropped beyond this). */
export const MAX_MAPPINGS = 500;

/** Remember a mapping under its signature (replacing an older one of the same shape). */
export async function rememberMapping(d: CarbonBridgeDb, mapping: Mapping, file?: string): Promise<MappingRow | undefined> {
  if (!mapping.signature) return undefined;
  const row: MappingRow = { signature: mapping.signature, updatedAt: Date.now(), mapping: structuredClone(mapping), ...(file ? { file } : {}) };
  await d.mappings.put(row);
  const n = await d.mappings.count();
  if (n > MAX_MAPPINGS) {
    const old = await d.mappings
      .orderBy('updatedAt')
      .limit(n - MAX_MAPPINGS)
      .primaryKeys();
    await d.mappings.bulkDelete(old);
  }
  return row;
}

/** Every remembered mapping, newest first (for `knownMappings`). */
export async function knownMappings(d: CarbonBridgeDb): Promise<Mapping[]> {
  const rows = await d.mappings.orderBy('updatedAt').reverse().toArray();
  return rows.map((r) => r.mapping as Mapping);
}

export async function rememberedMapping(d: CarbonBridgeDb, signature: string): Promise<Mapping | undefined> {
  return (await d.mappings.get(signature))?.mapping as Mapping | undefined;
}

export async function forgetMapping(d: CarbonBridgeDb, signature: string): Promise<void> {
  await d.mappings.delete(signature);
}

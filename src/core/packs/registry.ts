/**
 * Installed footprint packs and reference tables. JSON is imported statically so the same code runs in
 * Node (CLI, tests) and in the browser bundle; every pack is validated on load.
 */
import type { z } from 'zod';
import { msg, type Message } from '../i18n/message';
import gbt from '../../../rules/cn-gbt24067-2024/pack.json';
import iso from '../../../rules/iso14067-2018/pack.json';
import { REFERENCE_PACKS } from '../partners/reference-packs';
import gwp from '../../../rules/ipcc-gwp/gwp-sets.json';
import cnElec from '../../../rules/cn-electricity-factors/factors.json';
import { ElectricityFactorTable, FootprintPack, GwpSets } from './schema';

export class PackError extends Error {
  constructor(
    public readonly packId: string,
    public readonly problems: Message[],
  ) {
    super(`rule pack ${packId} is invalid: ${problems.map((p) => JSON.stringify(p)).join('; ')}`);
  }
}

function describe(issues: z.core.$ZodIssue[]): Message[] {
  return issues.map((i) => msg('core:pack.invalidField', { field: i.path.map(String).join('.') || '(root)', detail: i.message }));
}

export function loadFootprintPack(raw: unknown): FootprintPack {
  const r = FootprintPack.safeParse(raw);
  if (!r.success) throw new PackError(String((raw as { id?: unknown })?.id ?? '?'), describe(r.error.issues));
  return r.data;
}

export function loadGwpSets(raw: unknown): GwpSets {
  const r = GwpSets.safeParse(raw);
  if (!r.success) throw new PackError('ipcc-gwp', describe(r.error.issues));
  return r.data;
}

export function loadElectricityFactors(raw: unknown): ElectricityFactorTable {
  const r = ElectricityFactorTable.safeParse(raw);
  if (!r.success) throw new PackError(String((raw as { id?: unknown })?.id ?? '?'), describe(r.error.issues));
  return r.data;
}

export interface Library {
  gwp: GwpSets;
  electricity: ElectricityFactorTable;
}

let lib: Library | undefined;
export function library(): Library {
  lib ??= { gwp: loadGwpSets(gwp), electricity: loadElectricityFactors(cnElec) };
  return lib;
}

let packs: Map<string, FootprintPack> | undefined;
export function footprintPacks(): Map<string, FootprintPack> {
  if (!packs) {
    packs = new Map();
    for (const raw of [gbt, iso, ...REFERENCE_PACKS]) {
      const p = loadFootprintPack(raw);
      packs.set(p.id, p);
    }
  }
  return packs;
}

export function getFootprintPack(id: string): FootprintPack | undefined {
  return footprintPacks().get(id);
}

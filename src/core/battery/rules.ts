/**
 * Battery declaration rules (rules/<pack>/battery.json) next to each battery footprint pack
 * (rules/<pack>/pack.json): scope, functional unit over the service life with default cycles per year,
 * the due-date rule, the declaration items, the performance-class status. Data, validated on load.
 */
import { z } from 'zod';
import euPack from '../../../rules/eu-battery-cf/pack.json';
import euRules from '../../../rules/eu-battery-cf/battery.json';
import cnPack from '../../../rules/cn-miit-battery/pack.json';
import cnRules from '../../../rules/cn-miit-battery/battery.json';
import { loadFootprintPack, PackError } from '../packs/registry';
import { SourceRef, type FootprintPack } from '../packs/schema';
import { msg } from '../i18n/message';
import { BATTERY_CATEGORIES, VEHICLE_CLASSES } from './details';

const LocalTextAll = z.object({ en: z.string().min(1), zh: z.string().min(1), ar: z.string().min(1) }).strict();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const DUE_KEYS = ['ev', 'industrial', 'lmt', 'industrial-external'] as const;
export type DueKey = (typeof DUE_KEYS)[number];

const Due = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('later-of-statutory-and-acts'),
      statutory: z.partialRecord(z.enum(DUE_KEYS), isoDate),
      lagMonths: z.partialRecord(z.enum(DUE_KEYS), z.number().int().nonnegative()),
      acts: z.array(
        z
          .object({
            id: z.string(),
            title: LocalTextAll,
            status: z.enum(['draft', 'adopted', 'in-force']),
            entryIntoForce: isoDate.nullable(),
            source: SourceRef,
          })
          .strict(),
      ),
      source: SourceRef,
    })
    .strict(),
  z.object({ kind: z.literal('trial-then-routine'), trialFrom: isoDate, trialUntil: isoDate, routineFrom: isoDate, source: SourceRef }).strict(),
]);

export const BatteryRules = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    kind: z.literal('battery-declaration'),
    scope: z.object({ minEnergyKWh: z.number().nonnegative(), categories: z.array(z.enum(BATTERY_CATEGORIES)).min(1), source: SourceRef }).strict(),
    functionalUnit: z
      .object({
        formula: z.string(),
        source: SourceRef,
        cyclesPerYear: z
          .object({ defaults: z.partialRecord(z.enum(VEHICLE_CLASSES), z.number().positive()), source: SourceRef, otherwise: SourceRef })
          .strict(),
      })
      .strict(),
    due: Due,
    declarationItems: z.array(z.object({ id: z.string(), field: z.string(), source: SourceRef }).strict()),
    performanceClass: z
      .object({
        status: z.enum(['not-adopted', 'adopted']),
        source: SourceRef,
        /** Adopted thresholds (kg CO2e per kWh, upper bound of each class, best first), when a later pack version has them. */
        thresholds: z.array(z.object({ class: z.string().regex(/^[A-Z]$/), maxKgPerKWh: z.number().positive() }).strict()).optional(),
      })
      .strict(),
    missingStageAdvice: z.record(z.string(), LocalTextAll),
  })
  .strict();
export type BatteryRules = z.infer<typeof BatteryRules>;

export interface BatteryPack {
  pack: FootprintPack;
  rules: BatteryRules;
}

export function loadBatteryPack(rawPack: unknown, rawRules: unknown): BatteryPack {
  const pack = loadFootprintPack(rawPack);
  const r = BatteryRules.safeParse(rawRules);
  if (!r.success)
    throw new PackError(
      pack.id,
      r.error.issues.map((i) => msg('core:pack.invalidField', { field: i.path.map(String).join('.') || '(root)', detail: i.message })),
    );
  if (r.data.id !== pack.id) throw new PackError(pack.id, [msg('core:pack.invalidField', { field: 'id', detail: `battery rules for ${r.data.id}` })]);
  if (!pack.reportingStages) throw new PackError(pack.id, [msg('core:pack.invalidField', { field: 'reportingStages', detail: 'required for a battery pack' })]);
  return { pack, rules: r.data };
}

export const BATTERY_PACK_IDS = ['eu-battery-cf', 'cn-miit-battery'] as const;
let packs: Map<string, BatteryPack> | undefined;

/** The installed battery packs (EU Art. 7 and China MIIT), by id. */
export function batteryPacks(): Map<string, BatteryPack> {
  if (!packs) {
    packs = new Map();
    for (const [p, r] of [
      [euPack, euRules],
      [cnPack, cnRules],
    ] as const) {
      const b = loadBatteryPack(p, r);
      packs.set(b.pack.id, b);
    }
  }
  return packs;
}

export const getBatteryPack = (id: string): BatteryPack | undefined => batteryPacks().get(id);

/**
 * The same dataset under two battery packs (EU Art. 7 and China MIIT), side by side, the difference in kg
 * CO2e per kWh of lifetime energy split by cause. The engine's pairwise comparison gives the boundary,
 * electricity and GWP causes per battery; they are divided by the first pack's lifetime energy; the change
 * of functional unit (lifetime energy) is the last cause. The causes add up exactly to the difference.
 */
import { comparePair, type Cause } from '../engine/compare';
import { applyPackOptions } from '../engine/options';
import { msg, type Message } from '../i18n/message';
import type { Dataset } from '../model/dataset';
import { round } from '../num';
import type { Library } from '../packs/registry';
import type { BatteryDetails } from './details';
import { declare, PER_KWH_DP, type BatteryDeclaration, type DeclareOptions } from './declaration';
import { batteryPacks, type BatteryPack } from './rules';

export type BatteryCause = Cause | 'functional-unit';

export interface BatteryComparison {
  kind: 'carbonbridge.battery-comparison';
  from: BatteryDeclaration;
  to: BatteryDeclaration;
  /** kg CO2e per kWh: to − from (null when either figure is missing). */
  differencePerKWh: number | null;
  causes: { cause: BatteryCause; deltaPerKWh: number; explanation: Message; lines: { id: string; deltaPerKWh: number }[] }[];
}

export function compareBatteryPacks(
  ds: Dataset,
  b: BatteryDetails,
  from: BatteryPack,
  to: BatteryPack,
  opts: DeclareOptions & { toOptions?: Record<string, string> } = {},
): BatteryComparison {
  const a = declare(ds, b, from, opts);
  const c = declare(ds, b, to, { ...opts, options: opts.toOptions ?? {} });
  const base = { kind: 'carbonbridge.battery-comparison' as const, from: a, to: c };
  const ea = a.functionalUnit?.eTotalKWh;
  const eb = c.functionalUnit?.eTotalKWh;
  if (a.total.kgPerKWh === null || c.total.kgPerKWh === null || !ea || !eb || !a.perBattery) return { ...base, differencePerKWh: null, causes: [] };
  const scale = a.perBattery.scale;
  const pa = applyPackOptions(from.pack, opts.options).pack;
  const pb = applyPackOptions(to.pack, opts.toOptions).pack;
  const pair = comparePair(ds, pa, pb, opts.lib as Library | undefined);
  const per = (kg: number) => round((kg * scale) / ea, PER_KWH_DP);
  const causes: BatteryComparison['causes'] = pair.causes.map((k) => ({
    cause: k.cause,
    deltaPerKWh: per(k.deltaKg),
    explanation: k.explanation,
    lines: k.lines.map((l) => ({ id: l.id, deltaPerKWh: per(l.deltaKg) })),
  }));
  const difference = round(c.total.kgPerKWh - a.total.kgPerKWh, PER_KWH_DP);
  const others = causes.reduce((s, k) => s + Math.round(k.deltaPerKWh * 10 ** PER_KWH_DP), 0);
  let fuDelta = round((Math.round(difference * 10 ** PER_KWH_DP) - others) / 10 ** PER_KWH_DP, PER_KWH_DP);
  if (ea === eb && fuDelta !== 0) {
    // same lifetime energy: the residual is rounding of the per-kWh figures; give it to the largest cause
    const big = causes.reduce((m, k) => (Math.abs(k.deltaPerKWh) > Math.abs(m.deltaPerKWh) ? k : m), causes[0]!);
    big.deltaPerKWh = round(big.deltaPerKWh + fuDelta, PER_KWH_DP);
    fuDelta = 0;
  }
  causes.push({
    cause: 'functional-unit',
    deltaPerKWh: fuDelta,
    explanation: ea === eb ? msg('battery:compare.fuSame', { kWh: ea }) : msg('battery:compare.fuDiffers', { from: ea, to: eb }),
    lines: [],
  });
  return { ...base, differencePerKWh: difference, causes };
}

/**
 * For the Compare view and `carbonbridge compare`: each battery pack among `packIds` as a column figure in kg CO2e per
 * kWh of lifetime energy (null with the reason when the dataset's battery details cannot give it). Other ids are skipped.
 */
export function batteryColumns(
  ds: Dataset,
  packIds: readonly string[],
  opts: DeclareOptions = {},
): Record<string, { kgPerKWh: number | null; eTotalKWh: number | null; complete: boolean; missing: Message[] }> {
  const out: Record<string, { kgPerKWh: number | null; eTotalKWh: number | null; complete: boolean; missing: Message[] }> = {};
  for (const id of packIds) {
    const bp = batteryPacks().get(id);
    if (!bp) continue;
    if (!ds.battery) {
      out[id] = { kgPerKWh: null, eTotalKWh: null, complete: false, missing: [msg('battery:cli.noDetails')] };
      continue;
    }
    const d = declare(ds, ds.battery, bp, opts);
    out[id] = { kgPerKWh: d.total.kgPerKWh, eTotalKWh: d.functionalUnit?.eTotalKWh ?? null, complete: d.total.complete, missing: d.missing };
  }
  return out;
}

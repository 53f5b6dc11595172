/**
 * One dataset under several packs, side by side, with each pairwise difference split by cause.
 * The split is a chain of hybrid packs from A towards B, changing one kind of rule at a time:
 * boundary (stages, categories, declared boundaries), then electricity rules, then characterisation
 * (GWP set and gases counted). Each step's effect is the exact difference of two computed totals,
 * so the causes add up exactly to the total difference.
 */
import { msg, type Message } from '../i18n/message';
import type { Dataset, Stage } from '../model/dataset';
import type { Gas } from '../model/gases';
import { round } from '../num';
import type { FootprintPack } from '../packs/schema';
import type { Library } from '../packs/registry';
import { compute } from './compute';
import { applyPackOptions } from './options';
import { CO2E_DP, type FootprintResult } from './types';

export type Cause = 'boundary' | 'electricity' | 'gwp';

export interface CauseEffect {
  cause: Cause;
  /** kg CO2e per functional unit added by switching this kind of rule from A to B. */
  deltaKg: number;
  explanation: Message;
  /** Lines whose contribution changed in this step, largest first (at most 20). */
  lines: { id: string; row: number; fromKg: number; toKg: number; deltaKg: number }[];
  /** For the GWP step: per gas, the GWPs and the change. */
  gases?: { gas: Gas; gwpFrom: number | null; gwpTo: number | null; deltaKg: number }[];
}

export interface PairComparison {
  from: string;
  to: string;
  fromTotal: number;
  toTotal: number;
  differenceKg: number;
  differencePct: number | null;
  causes: CauseEffect[];
}

export interface Comparison {
  kind: 'carbonbridge.comparison';
  unit: 'kgCO2e';
  functionalUnit: { amount: number; unit: string };
  results: FootprintResult[];
  /** Each pack compared with the first one. */
  pairs: PairComparison[];
}

function hybrid(a: FootprintPack, b: FootprintPack, upTo: Cause): FootprintPack {
  const h: FootprintPack = { ...a, id: `${a.id}→${b.id}:${upTo}` };
  h.stages = b.stages;
  h.categories = b.categories;
  h.boundaries = b.boundaries;
  if (upTo === 'boundary') return h;
  h.electricity = b.electricity;
  if (upTo === 'electricity') return h;
  h.gwpSet = b.gwpSet;
  h.gases = b.gases;
  return h;
}

function lineDeltas(x: FootprintResult, y: FootprintResult): CauseEffect['lines'] {
  const out: CauseEffect['lines'] = [];
  for (let i = 0; i < x.lines.length; i++) {
    const a = x.lines[i]!;
    const b = y.lines[i]!;
    if (a.co2e !== b.co2e) out.push({ id: a.id, row: a.row, fromKg: a.co2e, toKg: b.co2e, deltaKg: round(b.co2e - a.co2e, CO2E_DP) });
  }
  out.sort((p, q) => Math.abs(q.deltaKg) - Math.abs(p.deltaKg));
  return out.slice(0, 20);
}

export function comparePair(ds: Dataset, a: FootprintPack, b: FootprintPack, lib?: Library, ra?: FootprintResult, rb?: FootprintResult): PairComparison {
  // packs with open rules are compared with their default choices (hybrids must not mix one pack's options into the other)
  if (a.options?.length) a = applyPackOptions(a).pack;
  if (b.options?.length) b = applyPackOptions(b).pack;
  const opts = { lib, skipChecks: true, skipReconciliation: true };
  const r0 = ra ?? compute(ds, a, opts);
  const r1 = compute(ds, hybrid(a, b, 'boundary'), opts);
  const r2 = compute(ds, hybrid(a, b, 'electricity'), opts);
  const r3 = rb ?? compute(ds, b, opts);
  const d = (x: FootprintResult, y: FootprintResult) => round(y.total - x.total, CO2E_DP);

  const stagesDiff = (s: readonly Stage[], t: readonly Stage[]) => s.filter((x) => !t.includes(x));
  const boundary: CauseEffect = {
    cause: 'boundary',
    deltaKg: d(r0, r1),
    explanation:
      d(r0, r1) === 0
        ? msg('core:compare.boundarySame')
        : msg('core:compare.boundaryDiffers', {
            onlyFrom:
              stagesDiff(a.stages.counted, b.stages.counted)
                .map((s) => `$t:core:stage.${s}`)
                .join(', ') || '—',
            onlyTo:
              stagesDiff(b.stages.counted, a.stages.counted)
                .map((s) => `$t:core:stage.${s}`)
                .join(', ') || '—',
          }),
    lines: lineDeltas(r0, r1),
  };
  const electricity: CauseEffect = {
    cause: 'electricity',
    deltaKg: d(r1, r2),
    explanation: d(r1, r2) === 0 ? msg('core:compare.electricitySame') : msg('core:compare.electricityDiffers'),
    lines: lineDeltas(r1, r2),
  };
  const gasesSeen = new Set<Gas>([...Object.keys(r2.byGas), ...Object.keys(r3.byGas)] as Gas[]);
  const gwp: CauseEffect = {
    cause: 'gwp',
    deltaKg: d(r2, r3),
    explanation:
      a.gwpSet.id === b.gwpSet.id ? msg('core:compare.gwpSame', { set: a.gwpSet.id }) : msg('core:compare.gwpDiffers', { from: a.gwpSet.id, to: b.gwpSet.id }),
    lines: lineDeltas(r2, r3),
    gases: [...gasesSeen].map((g) => ({
      gas: g,
      gwpFrom: r2.byGas[g]?.gwp ?? null,
      gwpTo: r3.byGas[g]?.gwp ?? null,
      deltaKg: round((r3.byGas[g]?.co2e ?? 0) - (r2.byGas[g]?.co2e ?? 0), CO2E_DP),
    })),
  };
  const differenceKg = d(r0, r3);
  return {
    from: a.id,
    to: b.id,
    fromTotal: r0.total,
    toTotal: r3.total,
    differenceKg,
    differencePct: r0.total === 0 ? null : round((differenceKg / r0.total) * 100, 3),
    causes: [boundary, electricity, gwp],
  };
}

export function compare(ds: Dataset, packs: FootprintPack[], lib?: Library): Comparison {
  if (packs.length < 2) throw new RangeError('compare needs at least two packs');
  const results = packs.map((p) => compute(ds, p, { lib }));
  const pairs = packs.slice(1).map((p, i) => comparePair(ds, packs[0]!, p, lib, results[0], results[i + 1]));
  return {
    kind: 'carbonbridge.comparison',
    unit: 'kgCO2e',
    functionalUnit: { amount: ds.product.functionalUnit.amount, unit: ds.product.functionalUnit.unit },
    results,
    pairs,
  };
}

/**
 * Plumbing of the comparison view (#/compare): which packs can be chosen, and one call that runs the core's
 * comparisons (compare() between footprint packs, compareWithCbam() against the CBAM conversion of the same
 * dataset). No figure is computed here: every number comes from the core.
 */
import { compare, type Comparison } from '../../core/engine/compare';
import { compareWithCbam, type CbamComparison } from '../../core/engine/compare-cbam';
import { compute } from '../../core/engine/compute';
import { convertToCbam, type CbamConversion } from '../../core/cbam/convert';
import type { Message } from '../../core/i18n/message';
import type { Dataset } from '../../core/model/dataset';
import type { FootprintPack } from '../../core/packs/schema';
import type { FootprintResult } from '../../core/engine/types';

/** The footprint packs offered, in display order (the first chosen one is the reference of every pair). */
export const FOOTPRINT_PACKS = ['cn-gbt24067-2024', 'iso14067-2018'] as const;
/** CBAM periods offered: the definitive period and the last transitional quarter. */
export const CBAM_PERIODS = ['2026', '2025-Q4'] as const;

export interface CompareOptions {
  packs: string[];
  cbam: boolean;
  period: string;
  /** EU default electricity factor for the country of production (tCO2/MWh), when the user typed one. */
  euDefaultEf?: number;
}

export type CbamOutcome =
  | { ok: true; comparison: CbamComparison; conversion: CbamConversion }
  | { ok: false; errors: Message[] };

export interface CompareOutcome {
  /** Footprint results side by side, and each pair (first pack → other) split by cause. */
  comparison: Comparison;
  cbam: CbamOutcome | null;
}

/** Runs the chosen comparisons. Needs at least one footprint pack; with one pack and no CBAM there is nothing to compare (null). */
export function runComparison(dataset: Dataset, packsById: Map<string, FootprintPack>, opts: CompareOptions): CompareOutcome | null {
  const packs = opts.packs.map((id) => packsById.get(id)).filter((p): p is FootprintPack => !!p);
  if (packs.length === 0 || (packs.length < 2 && !opts.cbam)) return null;
  const comparison: Comparison =
    packs.length >= 2
      ? compare(dataset, packs)
      : {
          kind: 'carbonbridge.comparison',
          unit: 'kgCO2e',
          functionalUnit: { amount: dataset.product.functionalUnit.amount, unit: dataset.product.functionalUnit.unit },
          results: [compute(dataset, packs[0]!)],
          pairs: [],
        };
  let cbam: CbamOutcome | null = null;
  if (opts.cbam) {
    const conv = convertToCbam(dataset, {
      period: opts.period,
      ...(opts.euDefaultEf !== undefined && Number.isFinite(opts.euDefaultEf) ? { electricity: { euDefaultEf: opts.euDefaultEf } } : {}),
    });
    if (!conv.ok) {
      const errors = [...conv.errors];
      if (conv.reason && !errors.some((e) => e.key === conv.reason!.key)) errors.push(conv.reason);
      cbam = { ok: false, errors };
    } else {
      const conversion = conv as CbamConversion;
      cbam = { ok: true, conversion, comparison: compareWithCbam(dataset, comparison.results[0] as FootprintResult, conversion) };
    }
  }
  return { comparison, cbam };
}

/** Does the CBAM figure wait for the EU default electricity factor (indirect emissions counted, no value yet)? */
export function needsEuDefaultEf(out: CompareOutcome | null): boolean {
  return !!out?.cbam?.ok && out.cbam.comparison.toTotal === null && out.cbam.conversion.electricity.counted;
}

/** One cause of a pair as the view shows it (both compare() and compareWithCbam() causes have this shape). */
export interface PairCause {
  cause: string;
  deltaKg: number;
  explanation: Message;
  lines: { id: string; fromKg: number; toKg: number; deltaKg: number }[];
  gases?: { gas: string; gwpFrom: number | null; gwpTo: number | null; deltaKg: number }[];
}

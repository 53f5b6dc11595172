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
import { cbamSchemes } from '../../core/cbam/packs';
import { defaultPeriodOf } from '../../core/cbam/screen';
import { compareConversions, type SchemeComparison } from '../../core/cbam/compare-schemes';

/** The footprint packs offered, in display order (the first chosen one is the reference of every pair). */
export const FOOTPRINT_PACKS = ['cn-gbt24067-2024', 'iso14067-2018'] as const;
/**
 * Periods offered, from the packs: the first year of each scheme's current pack (2027 where the UK CBAM starts, 2026
 * for the EU definitive period), newest first, and the last quarter of the EU transitional period.
 */
export const CBAM_PERIODS: readonly string[] = (() => {
  const years = [...new Set(cbamSchemes().map((s) => defaultPeriodOf(s.id)).filter(Boolean))].sort().reverse();
  const tr = cbamSchemes().find((s) => s.id === 'eu-cbam')?.packs.find((p) => p.kind === 'transitional');
  const lastQ = tr?.effectiveTo ? `${tr.effectiveTo.slice(0, 4)}-Q4` : undefined;
  return [...years, ...(lastQ ? [lastQ] : [])];
})();

/** Border-adjustment schemes other than the EU CBAM that can be put beside it (UK CBAM, packs the user loaded). */
export const otherSchemes = () => cbamSchemes().filter((s) => s.id !== 'eu-cbam');

/** Another scheme for the same dataset and year: its conversion and every difference from the EU result, or why not. */
export type SchemeOutcome =
  | { scheme: string; ok: true; conversion: CbamConversion; vsEu: SchemeComparison | null }
  | { scheme: string; ok: false; errors: Message[] };

export interface CompareOptions {
  packs: string[];
  cbam: boolean;
  period: string;
  /** EU default electricity factor for the country of production (tCO2/MWh), when the user typed one. */
  euDefaultEf?: number;
  /** other schemes to convert for the same period (e.g. ['uk-cbam']) */
  schemes?: string[];
}

export type CbamOutcome =
  | { ok: true; comparison: CbamComparison; conversion: CbamConversion }
  | { ok: false; errors: Message[] };

export interface CompareOutcome {
  /** Footprint results side by side, and each pair (first pack → other) split by cause. */
  comparison: Comparison;
  cbam: CbamOutcome | null;
  schemes: SchemeOutcome[];
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
  const eu = cbam?.ok ? cbam.conversion : null;
  const schemes: SchemeOutcome[] = (opts.cbam ? (opts.schemes ?? []) : []).map((scheme) => {
    const conv = convertToCbam(dataset, { period: opts.period, scheme });
    if (!conv.ok) return { scheme, ok: false, errors: [...conv.errors, ...(conv.reason && !conv.errors.some((e) => e.key === conv.reason!.key) ? [conv.reason] : [])] };
    return { scheme, ok: true, conversion: conv, vsEu: eu && eu.period.year === conv.period.year ? compareConversions(eu, conv) : null };
  });
  return { comparison, cbam, schemes };
}

/** Does the CBAM figure wait for the EU default electricity factor (indirect emissions counted, no value yet)? */
export function needsEuDefaultEf(out: CompareOutcome | null): boolean {
  return !!out?.cbam?.ok && out.cbam.comparison.toTotal === null && out.cbam.conversion.electricity.counted;
}

/** One cause of a pair as the view shows it (both compare() and compareWithCbam() causes have this shape). */
export interface PairCause {
  cause: string;
  /** null when a figure behind the cause is not known (shown as missing, never 0) */
  deltaKg: number | null;
  explanation: Message;
  lines: { id: string; fromKg: number; toKg: number | null; deltaKg: number | null }[];
  gases?: { gas: string; gwpFrom: number | null; gwpTo: number | null; deltaKg: number }[];
}

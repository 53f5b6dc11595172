/**
 * Plumbing of the comparison view (#/compare): which packs can be chosen, and the view's options turned into one
 * call of the core's comparison use case (runComparison in src/core/cbam/comparison.ts, shared with
 * `carbonbridge compare`). No figure is computed here: every number comes from the core.
 */
import {
  cbamSchemes,
  defaultPeriodOf,
  runBorderComparison,
  borderErrors,
  REFERENCE_SCHEME,
  type CbamComparison,
  type CbamConversion,
  type Comparison,
  type Dataset,
  type FootprintPack,
  type Message,
  type SchemeComparison,
} from '../core';

/** The footprint packs offered, in display order (the first chosen one is the reference of every pair). */
export const FOOTPRINT_PACKS = ['cn-gbt24067-2024', 'iso14067-2018'] as const;
/**
 * Periods offered, from the packs: the first year of each scheme's current pack (2027 where the UK CBAM starts, 2026
 * for the EU definitive period), newest first, and the last quarter of the EU transitional period.
 */
export const CBAM_PERIODS: readonly string[] = (() => {
  const years = [
    ...new Set(
      cbamSchemes()
        .map((s) => defaultPeriodOf(s.id))
        .filter(Boolean),
    ),
  ]
    .sort()
    .reverse();
  const tr = cbamSchemes()
    .find((s) => s.id === 'eu-cbam')
    ?.packs.find((p) => p.kind === 'transitional');
  const lastQ = tr?.effectiveTo ? `${tr.effectiveTo.slice(0, 4)}-Q4` : undefined;
  return [...years, ...(lastQ ? [lastQ] : [])];
})();

/** Border-adjustment schemes other than the EU CBAM that can be put beside it (UK CBAM, packs the user loaded). */
export const otherSchemes = () => cbamSchemes().filter((s) => s.id !== 'eu-cbam');

/** Another scheme for the same dataset and year: its conversion and every difference from the EU result, or why not. */
export type SchemeOutcome =
  { scheme: string; ok: true; conversion: CbamConversion; vsEu: SchemeComparison | null } | { scheme: string; ok: false; errors: Message[] };

export interface CompareOptions {
  packs: string[];
  cbam: boolean;
  period: string;
  /** EU default electricity factor for the country of production (tCO2/MWh), when the user typed one. */
  euDefaultEf?: number;
  /** other schemes to convert for the same period (e.g. ['uk-cbam']) */
  schemes?: string[];
}

export type CbamOutcome = { ok: true; comparison: CbamComparison; conversion: CbamConversion } | { ok: false; errors: Message[] };

export interface CompareOutcome {
  /** Footprint results side by side, and each pair (first pack → other) split by cause. */
  comparison: Comparison;
  cbam: CbamOutcome | null;
  schemes: SchemeOutcome[];
}

/** Runs the chosen comparisons. Needs at least one footprint pack; with one pack and no CBAM there is nothing to compare (null). */
export function runComparison(dataset: Dataset, packsById: Map<string, FootprintPack>, opts: CompareOptions): CompareOutcome | null {
  const packs = opts.packs.map((id) => packsById.get(id)).filter((p): p is FootprintPack => !!p);
  const others = opts.cbam ? (opts.schemes ?? []) : [];
  const border = opts.cbam
    ? [
        { id: REFERENCE_SCHEME, period: opts.period, ...(opts.euDefaultEf !== undefined ? { euDefaultEf: opts.euDefaultEf } : {}) },
        ...others.map((id) => ({ id, period: opts.period })),
      ]
    : [];
  const out = runBorderComparison(dataset, packs, border);
  if (!out) return null;
  const [eu, ...rest] = opts.cbam ? out.border : [];
  const cbam: CbamOutcome | null = !eu
    ? null
    : eu.ok
      ? { ok: true, conversion: eu.conversion, comparison: eu.bridge }
      : { ok: false, errors: borderErrors(eu) };
  const schemes: SchemeOutcome[] = rest.map((c) =>
    c.ok ? { scheme: c.id, ok: true, conversion: c.conversion, vsEu: cbam?.ok ? c.vsEu : null } : { scheme: c.id, ok: false, errors: borderErrors(c) },
  );
  return { comparison: out.comparison, cbam, schemes };
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

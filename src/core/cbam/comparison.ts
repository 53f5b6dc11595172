/**
 * The comparison use case, shared by `carbonbridge compare` and the app's Compare view: one dataset under footprint
 * packs side by side (each pack against the first, by cause), under border-adjustment schemes (each CBAM column
 * converted for its period and bridged from the first footprint result by cause), and each other scheme against the
 * EU CBAM of the same year (every difference of the SEE by cause). No figure is computed here: it orchestrates the
 * engine's compare(), compareWithCbam() and compareConversions(); the CLI and the app only present the outcome.
 */
import { compare, type Comparison } from '../engine/compare';
import { compareWithCbam, type CbamComparison } from '../engine/compare-cbam';
import { compute } from '../engine/compute';
import type { Message } from '../i18n/message';
import type { Dataset } from '../model/dataset';
import type { FootprintPack } from '../packs/schema';
import { compareConversions, type SchemeComparison } from './compare-schemes';
import { convertToCbam, type CbamConversion } from './convert';
import { allCbamPacks, schemeOf } from './packs';
import { defaultPeriodOf } from './screen';

/** The scheme every other border-adjustment scheme is compared with. */
export const REFERENCE_SCHEME = 'eu-cbam';

/** One border-adjustment column: a scheme (eu-cbam, uk-cbam …) or one of its packs, for a period. */
export interface BorderRequest {
  id: string;
  period: string;
  /** EU default electricity factor for the country of production (tCO2/MWh), when the user gave one */
  euDefaultEf?: number;
}

export type BorderColumn =
  | { id: string; scheme: string; ok: true; conversion: CbamConversion; bridge: CbamComparison; vsEu: SchemeComparison | null }
  /** not converted: the reasons; or converted under another pack than the one asked for (`packMismatch`: the pack the period chose) */
  | { id: string; scheme: string; ok: false; errors: Message[]; reason?: Message; conversion?: CbamConversion; packMismatch?: string };

export interface ComparisonOutcome {
  /** footprint results side by side, and each pair (first pack → other) split by cause */
  comparison: Comparison;
  /** the border-adjustment columns in the order asked */
  border: BorderColumn[];
  /** each other scheme against the EU CBAM of the same year, in column order */
  schemes: SchemeComparison[];
}

/** Footprint results under each pack; with two packs or more, each pack against the first by cause. */
export function footprintComparison(dataset: Dataset, packs: FootprintPack[]): Comparison {
  if (packs.length >= 2) return compare(dataset, packs);
  return {
    kind: 'carbonbridge.comparison',
    unit: 'kgCO2e',
    functionalUnit: { amount: dataset.product.functionalUnit.amount, unit: dataset.product.functionalUnit.unit },
    results: packs.map((p) => compute(dataset, p)),
    pairs: [],
  };
}

/**
 * The period of each border-adjustment column when the user gave none: one year for every scheme (EU vs UK for the
 * same dataset and year: the latest first year among them), the EU transitional pack its last quarter.
 */
export function borderPeriods(ids: string[], period?: string): string[] {
  const shared = ids
    .map((id) => defaultPeriodOf(schemeOf(id)))
    .sort()
    .at(-1);
  // a pack that has ended (the EU transitional pack): its last quarter, from its effective dates
  const ended = (id: string) => {
    const to = allCbamPacks().find((p) => p.id === id)?.effectiveTo;
    return to ? `${to.slice(0, 4)}-Q4` : undefined;
  };
  return ids.map((id) => period ?? ended(id) ?? shared ?? defaultPeriodOf(schemeOf(id)));
}

function borderColumn(dataset: Dataset, base: Comparison, r: BorderRequest): BorderColumn {
  const scheme = schemeOf(r.id) ?? r.id;
  const ef = r.euDefaultEf !== undefined && Number.isFinite(r.euDefaultEf) ? { electricity: { euDefaultEf: r.euDefaultEf } } : {};
  // the electricity texts are in the words of the column's scheme (written so by the conversion)
  const conv = convertToCbam(dataset, { period: r.period, scheme, ...ef });
  if (!conv.ok) return { id: r.id, scheme, ok: false, errors: conv.errors, ...(conv.reason ? { reason: conv.reason } : {}) };
  if (r.id !== scheme && conv.pack.id !== r.id) return { id: r.id, scheme, ok: false, errors: [], conversion: conv, packMismatch: conv.pack.id };
  return { id: r.id, scheme, ok: true, conversion: conv, bridge: compareWithCbam(dataset, base.results[0]!, conv), vsEu: null };
}

/**
 * Runs the comparison. Needs at least one footprint pack; with one pack and no border-adjustment column there is
 * nothing to compare (null).
 */
export function runComparison(dataset: Dataset, packs: FootprintPack[], border: BorderRequest[] = []): ComparisonOutcome | null {
  if (packs.length === 0 || (packs.length < 2 && border.length === 0)) return null;
  const comparison = footprintComparison(dataset, packs);
  const columns = border.map((r) => borderColumn(dataset, comparison, r));
  // each other scheme against the first EU CBAM conversion, when both are for the same year
  const eu = columns.find((c) => c.conversion?.pack.scheme === REFERENCE_SCHEME)?.conversion;
  const schemes: SchemeComparison[] = [];
  for (const c of columns) {
    if (!eu || !c.conversion || c.conversion.pack.scheme === REFERENCE_SCHEME || c.conversion.period.year !== eu.period.year) continue;
    const vs = compareConversions(eu, c.conversion);
    schemes.push(vs);
    if (c.ok) c.vsEu = vs;
  }
  return { comparison, border: columns, schemes };
}

/** A column's reasons in one list: the conversion's errors, then its reason when it is not already among them. */
export const borderErrors = (c: Extract<BorderColumn, { ok: false }>): Message[] =>
  c.reason && !c.errors.some((e) => e.key === c.reason!.key) ? [...c.errors, c.reason] : [...c.errors];

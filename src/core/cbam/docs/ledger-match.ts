/**
 * An imports ledger matched with a CBAM conversion (one use case for `carbonbridge convert --ledger` and the app's
 * statement downloads): which ledger lines take the conversion's specific embedded emissions — same country of
 * origin as the dataset's good, same CN code (one code the prefix of the other) — and the benchmark route letter of
 * the good; lines that do not match keep the default value. The app's form builds its one ledger line here too.
 */
import type { CbamConversion } from '../convert';
import { originCountry, type OriginSource } from '../origin';
import type { ImportLine, ImportLineInput } from './ledger';
import type { StatementOptions } from './statements';

/** What the matching reads of the dataset: its origin and the study's standard (named in the source text). */
export type LedgerDataset = OriginSource & { study: { standard: string } };

/**
 * Benchmark route letter of the converted good where the conversion decides it: aluminium — K primary (electrolytic)
 * smelting, L secondary melting; aluminium products take K unless the route is secondary (IR (EU) 2025/2620 annex
 * routes, as in the pack's benchmark table). Other goods: none (the user or the pack's default path chooses).
 */
export function conversionRouteLetter(r: Pick<CbamConversion, 'good' | 'process'>): string | undefined {
  const cat = r.good.category.id;
  if (cat !== 'unwrought-aluminium' && cat !== 'aluminium-products') return undefined;
  if (r.process.route.id === 'secondary') return 'L';
  return r.process.route.id === 'primary' || cat === 'aluminium-products' ? 'K' : undefined;
}

/** The default text naming where a matched line's SEE comes from. */
export const conversionSeeSource = (r: CbamConversion, ds: LedgerDataset): string =>
  `CarbonBridge conversion of ${ds.study.standard} footprint, ${r.pack.id} ${r.period.label}`;

/** Does a ledger line concern the converted good (same origin, CN codes one the prefix of the other)? */
export function ledgerLineMatches(r: Pick<CbamConversion, 'good'>, ds: OriginSource, l: Pick<ImportLine, 'cnCode' | 'origin'>): boolean {
  return l.origin === originCountry(ds) && (l.cnCode.startsWith(r.good.cn) || r.good.cn.startsWith(l.cnCode));
}

/**
 * SEE lookup for the statements (quarterly statement, annual declaration): a matching line takes the conversion's SEE
 * that counts, with its source and the route letter; no SEE (a figure missing) matches nothing.
 */
export function seeFromConversion(r: CbamConversion, ds: LedgerDataset, source = conversionSeeSource(r, ds)): NonNullable<StatementOptions['seeFor']> {
  const see = r.see.countedValue;
  const route = conversionRouteLetter(r);
  return (l) => (see && ledgerLineMatches(r, ds, l) ? { see: see.value, source, ...(route ? { route } : {}) } : undefined);
}

/** What the app's form gives for its one ledger line. */
export interface ConversionLedgerForm {
  netMass: number;
  quarter: string;
  /** where the SEE comes from, in the user's language */
  seeSource?: string;
  /** benchmark route letter chosen by the user */
  route?: string;
}

/** One ledger line for the converted good: its CN code, the dataset's origin, the conversion's SEE (when known). */
export function ledgerLineFromConversion(r: CbamConversion, ds: OriginSource, f: ConversionLedgerForm): ImportLineInput {
  const see = r.see.countedValue?.value;
  return {
    cnCode: r.good.cn,
    origin: originCountry(ds),
    netMass: f.netMass,
    quarter: f.quarter,
    ...(see !== undefined ? { see, seeSource: f.seeSource } : {}),
    ...(f.route ? { route: f.route } : {}),
  };
}

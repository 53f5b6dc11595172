/**
 * One dataset converted under two border-adjustment schemes for the same year (e.g. EU CBAM and UK CBAM): every
 * difference of the specific embedded emissions, each with its cause (gas rules, lines kept or dropped, electricity
 * counted or not, precursors, corrections) and the rule of each side. Used by `carbonbridge convert --to uk-cbam`,
 * `carbonbridge compare` and the app's Compare view.
 */
import { msg, type Message } from '../i18n/message';
import { round } from '../num';
import type { CbamConversion, ConvertOptions, ConvertResult, LegalRef } from './convert';
import { convertToCbam } from './convert';
import { EM_DP, SEE_DP } from './kernel';
import type { Dataset } from '../model/dataset';

export type SchemeCause = 'gases' | 'boundary' | 'electricity' | 'precursors' | 'corrections' | 'counted' | 'charge';

export interface SchemeDifference {
  cause: SchemeCause;
  /**
   * difference of the SEE that counts, to − from (tCO2e/t); 0 where the cause changes no figure; null where a figure
   * behind the cause is not known (e.g. the electricity factor is missing): shown as missing, never as 0
   */
  deltaSee: number | null;
  explanation: Message;
  from?: LegalRef | string;
  to?: LegalRef | string;
  /** the lines or gases concerned */
  items: string[];
}

export interface SchemeComparison {
  kind: 'carbonbridge.scheme-comparison';
  year: number;
  from: {
    scheme: string;
    pack: string;
    version: string;
    period: string;
    seeDirect: number | null;
    seeIndirect: number | null;
    counted: 'direct' | 'total';
    seeCounted: number | null;
    complete: boolean;
  };
  to: SchemeComparison['from'];
  /** to − from of the SEE that counts, tCO2e/t (null when one side is missing) */
  deltaSee: number | null;
  differences: SchemeDifference[];
}

const side = (r: CbamConversion): SchemeComparison['from'] => ({
  scheme: r.pack.scheme,
  pack: r.pack.id,
  version: r.pack.version,
  period: r.period.label,
  seeDirect: r.see.direct?.value ?? null,
  seeIndirect: r.see.indirect?.value ?? null,
  counted: r.see.counted,
  seeCounted: r.see.countedValue?.value ?? null,
  complete: r.complete,
});

const perT = (tco2e: number, r: CbamConversion): number => round(tco2e / (r.production.value || 1), SEE_DP);

function gasDifferences(a: CbamConversion, b: CbamConversion): SchemeDifference[] {
  const key = (r: CbamConversion) => new Map(r.direct.lines.flatMap((l) => l.gases.map((g) => [`${l.id}/${g.gas}`, g] as const)));
  const ga = key(a);
  const gb = key(b);
  const items: string[] = [];
  let delta = 0;
  for (const [k, x] of ga) {
    const y = gb.get(k);
    if (!y) continue;
    if (x.outcome !== y.outcome || x.gwp?.value !== y.gwp?.value || !!x.gwp?.uncertain !== !!y.gwp?.uncertain) {
      items.push(`${k}: ${x.outcome}${x.gwp ? ` × ${x.gwp.value}` : ''} → ${y.outcome}${y.gwp ? ` × ${y.gwp.value}${y.gwp.uncertain ? ' (?)' : ''}` : ''}`);
      delta += y.co2eT - x.co2eT;
    }
  }
  if (!items.length) return [];
  return [{ cause: 'gases', deltaSee: perT(round(delta, EM_DP), a), explanation: msg('cbampacks:compare.gases', { count: items.length }), items }];
}

function boundaryDifferences(a: CbamConversion, b: CbamConversion): SchemeDifference[] {
  const da = new Set(a.dropped.map((d) => d.id));
  const db = new Set(b.dropped.map((d) => d.id));
  const onlyA = [...da].filter((x) => !db.has(x));
  const onlyB = [...db].filter((x) => !da.has(x));
  if (!onlyA.length && !onlyB.length) return [];
  return [
    {
      cause: 'boundary',
      deltaSee: 0,
      explanation: msg('cbampacks:compare.boundary', { keptOnlyTo: onlyA.join(', ') || '-', keptOnlyFrom: onlyB.join(', ') || '-' }),
      items: [...onlyA, ...onlyB],
    },
  ];
}

function electricityDifference(a: CbamConversion, b: CbamConversion): SchemeDifference[] {
  if (a.electricity.counted === b.electricity.counted) return [];
  // indirect emissions that count but whose figure is not known (no electricity factor) are missing, not 0
  const counted = (r: CbamConversion) => (r.see.counted === 'total' ? (r.see.indirect?.value ?? null) : 0);
  const ia = counted(a);
  const ib = counted(b);
  return [
    {
      cause: 'electricity',
      deltaSee: ia === null || ib === null ? null : round(ib - ia, SEE_DP),
      explanation: msg(b.electricity.counted ? 'cbampacks:compare.indirectCountedTo' : 'cbampacks:compare.indirectNotCountedTo', {
        mwh: a.electricity.mwh.value,
      }),
      from: a.good.indirectCounted.source,
      to: b.good.indirectCounted.source,
      items: a.electricity.lines.map((l) => l.id),
    },
  ];
}

function precursorDifferences(a: CbamConversion, b: CbamConversion): SchemeDifference[] {
  const out: SchemeDifference[] = [];
  const pb = new Map(b.precursors.lines.map((p) => [p.id, p]));
  const items: string[] = [];
  for (const p of a.precursors.lines) {
    const q = pb.get(p.id);
    const x = p.seeDirect?.value ?? null;
    const y = q?.seeDirect?.value ?? null;
    if (x !== y) items.push(`${p.id}: ${x ?? '—'} → ${y ?? '—'} tCO2e/t`);
  }
  if (items.length) {
    const dx = a.precursors.embeddedDirect?.value;
    const dy = b.precursors.embeddedDirect?.value;
    out.push({
      cause: 'precursors',
      deltaSee: dx === undefined || dy === undefined ? null : perT(dy - dx, a),
      explanation: msg('cbampacks:compare.precursors', { count: items.length }),
      items,
    });
  }
  return out;
}

/** The differences between two conversions of the same dataset and year, by cause. */
export function compareConversions(a: CbamConversion, b: CbamConversion): SchemeComparison {
  const differences = [...gasDifferences(a, b), ...boundaryDifferences(a, b), ...electricityDifference(a, b), ...precursorDifferences(a, b)];
  if (a.see.counted !== b.see.counted)
    differences.push({
      cause: 'counted',
      deltaSee: 0,
      explanation: msg('cbampacks:compare.counted', { from: `$t:cbampacks:counted.${a.see.counted}`, to: `$t:cbampacks:counted.${b.see.counted}` }),
      items: [],
    });
  if (a.pack.kind !== b.pack.kind) differences.push({ cause: 'charge', deltaSee: 0, explanation: msg(`cbampacks:compare.charge.${b.pack.kind}`), items: [] });
  const fa = a.see.countedValue?.value ?? null;
  const fb = b.see.countedValue?.value ?? null;
  return {
    kind: 'carbonbridge.scheme-comparison',
    year: a.period.year,
    from: side(a),
    to: side(b),
    deltaSee: fa === null || fb === null ? null : round(fb - fa, SEE_DP),
    differences,
  };
}

/** Converts the dataset under both schemes for the same year and compares them; failures are returned as such. */
export function compareSchemes(
  dataset: Dataset,
  options: Omit<ConvertOptions, 'scheme'>,
  from: string,
  to: string,
): { ok: true; comparison: SchemeComparison; from: CbamConversion; to: CbamConversion } | { ok: false; side: 'from' | 'to'; result: ConvertResult } {
  const a = convertToCbam(dataset, { ...options, scheme: from });
  if (!a.ok) return { ok: false, side: 'from', result: a };
  const b = convertToCbam(dataset, { ...options, scheme: to });
  if (!b.ok) return { ok: false, side: 'to', result: b };
  return { ok: true, comparison: compareConversions(a, b), from: a, to: b };
}

/**
 * A footprint pack compared with EU CBAM: the GB/T (or ISO) result per functional unit next to the CBAM
 * specific embedded emissions of the same dataset, with the difference split by cause — what CBAM leaves
 * out (boundary), how precursors are valued, electricity (indirect emissions counted or not, other factor),
 * the gases and GWPs of the direct emissions, attribution corrections, and rounding. Causes add up exactly.
 */
import type { CbamConversion } from '../cbam/convert';
import { msg, type Message } from '../i18n/message';
import type { Dataset } from '../model/dataset';
import { convert, type Unit } from '../model/units';
import { ExactSum, round } from '../num';
import type { FootprintResult } from './types';
import { CO2E_DP } from './types';

export type CbamCause = 'boundary' | 'precursors' | 'electricity' | 'gwp' | 'corrections' | 'rounding';

export interface CbamCauseEffect {
  cause: CbamCause;
  /** kg CO2e per functional unit; null when a figure behind the cause is not known (shown as missing, never 0) */
  deltaKg: number | null;
  explanation: Message;
  /** each line's figure on both sides; `toKg` (and so `deltaKg`) null when CBAM's figure for the line is not known */
  lines: { id: string; fromKg: number; toKg: number | null; deltaKg: number | null }[];
}

export interface CbamComparison {
  from: string;
  to: string;
  period: string;
  fromTotal: number;
  /** kg CO2e per functional unit that CBAM counts for the good in the period (null when a figure is missing). */
  toTotal: number | null;
  counted: 'direct' | 'total';
  differenceKg: number | null;
  causes: CbamCauseEffect[];
}

export function compareWithCbam(ds: Dataset, base: FootprintResult, cbam: CbamConversion): CbamComparison {
  const fuT = convert(ds.product.functionalUnit.amount, ds.product.functionalUnit.unit as Unit, 't');
  const production = cbam.production.value;
  const perFu = (tonnes: number) => round((tonnes * fuT * 1000) / production, CO2E_DP);
  const seeToKg = (see: number | undefined | null) => (see === null || see === undefined ? null : round(see * fuT * 1000, CO2E_DP));
  const toTotal = seeToKg(cbam.see.countedValue?.value);
  const baseLine = new Map(base.lines.map((l) => [l.id, l.co2e]));
  const carried = new Set<string>();
  const lineDelta = (id: string, toKg: number | null) => {
    carried.add(id);
    const fromKg = baseLine.get(id) ?? 0;
    return { id, fromKg, toKg, deltaKg: toKg === null ? null : round(toKg - fromKg, CO2E_DP) };
  };
  /** exact sum; null as soon as one part is not known (a missing figure is never counted as 0) */
  const sum = (xs: { deltaKg: number | null }[]): number | null =>
    xs.some((x) => x.deltaKg === null) ? null : xs.reduce((a, x) => a.add(x.deltaKg!), new ExactSum(CO2E_DP)).value;
  const known = (v: number | null | undefined) => (v === null || v === undefined ? null : v);

  const gwpLines = cbam.direct.lines.map((l) => lineDelta(l.id, perFu(l.co2e.value)));
  const indirectCounted = cbam.see.counted === 'total';
  // electricity counted with no factor: the line's CBAM figure is missing (not 0); not counted: 0 by the rule
  const elecLines = cbam.electricity.lines.map((l) => lineDelta(l.id, !indirectCounted ? 0 : l.emissions ? perFu(l.emissions.value) : null));
  const precLines = cbam.precursors.lines.map((l) => {
    const direct = known(l.embeddedDirect?.value);
    const indirect = indirectCounted ? known(l.embeddedIndirect?.value) : 0;
    return lineDelta(l.id, direct === null || indirect === null ? null : perFu(direct + indirect));
  });
  const boundaryLines = base.lines.filter((l) => !carried.has(l.id) && l.co2e !== 0).map((l) => ({ id: l.id, fromKg: l.co2e, toKg: 0, deltaKg: -l.co2e }));
  const corrections = perFu(cbam.corrections.total.value);

  const causes: CbamCauseEffect[] = [
    { cause: 'boundary', deltaKg: sum(boundaryLines), explanation: msg('core:compareCbam.boundary', { count: boundaryLines.length }), lines: boundaryLines },
    { cause: 'precursors', deltaKg: sum(precLines), explanation: msg('core:compareCbam.precursors', { count: precLines.length }), lines: precLines },
    {
      cause: 'electricity',
      deltaKg: sum(elecLines),
      explanation: msg(indirectCounted ? 'core:compareCbam.electricityCounted' : 'core:compareCbam.electricityNotCounted'),
      lines: elecLines,
    },
    { cause: 'gwp', deltaKg: sum(gwpLines), explanation: msg('core:compareCbam.gwp', { from: base.gwpSet.id }), lines: gwpLines },
    { cause: 'corrections', deltaKg: corrections, explanation: msg('core:compareCbam.corrections'), lines: [] },
  ];
  const differenceKg = toTotal === null ? null : round(toTotal - base.total, CO2E_DP);
  if (differenceKg !== null) {
    const explained = sum(causes);
    causes.push({
      cause: 'rounding',
      deltaKg: explained === null ? null : round(differenceKg - explained, CO2E_DP),
      explanation: msg('core:compareCbam.rounding'),
      lines: [],
    });
  }
  // largest first; lines whose CBAM figure is missing last
  const size = (v: number | null) => (v === null ? -1 : Math.abs(v));
  for (const c of causes) c.lines.sort((a, b) => size(b.deltaKg) - size(a.deltaKg));
  return {
    from: base.pack.id,
    to: cbam.pack.id,
    period: cbam.period.label,
    fromTotal: base.total,
    toTotal,
    counted: cbam.see.counted,
    differenceKg,
    causes,
  };
}

/**
 * The effect of the pack's electricity rules, line by line: the factor the study used, the factor the rule
 * applies (or the study's, where the rule keeps it), the rule and its legal reference, whether a contractual
 * instrument is accepted or refused, and the line's kg CO2e before and after (per battery when known).
 */
import { compute } from '../engine/compute';
import type { ElectricityTrace, FootprintResult } from '../engine/types';
import type { Message } from '../i18n/message';
import type { Dataset } from '../model/dataset';
import { convert, type Unit } from '../model/units';
import { round } from '../num';
import type { Library } from '../packs/registry';
import type { FootprintPack, SourceRef } from '../packs/schema';

export interface ElectricityEffect {
  lineId: string;
  row: number;
  description: string;
  source: string;
  kWh: number;
  reported: { factorId?: string; value: number | null; unit: string; kind: ElectricityTrace['reportedKind'] };
  applied: { factorId?: string; value: number | null; unit: string; year?: number; act?: string };
  ruleId: string | null;
  action: ElectricityTrace['action'] | null;
  instrument: ElectricityTrace['instrument'] | null;
  message: Message | null;
  legalRef: SourceRef | null;
  /** kg CO2e per dataset functional unit: as the study reported the factor, and under the pack's rule. */
  kgReported: number;
  kgApplied: number;
  /** The same per battery (null when the battery scale is unknown). */
  kgReportedPerBattery: number | null;
  kgAppliedPerBattery: number | null;
  /** applied ÷ reported factor (null when the study's factor is zero or unknown). */
  ratio: number | null;
}

export function electricityEffects(ds: Dataset, pack: FootprintPack, result: FootprintResult, scale: number | null, lib?: Library): ElectricityEffect[] {
  const asReported = compute(ds, { ...pack, electricity: { ...pack.electricity, rules: [] } }, { lib, skipChecks: true, skipReconciliation: true });
  const out: ElectricityEffect[] = [];
  ds.inventory.forEach((l, i) => {
    if (l.category !== 'electricity') return;
    const tr = result.lines[i]!;
    const before = asReported.lines[i]!;
    const em = l.emissions;
    const repValue = em.kind === 'factors' && em.perUnit === 'kWh' ? Object.values(em.gases).reduce((a, b) => a + (b ?? 0), 0) : null;
    const repUnit = em.kind === 'factors' ? `${em.massUnit}/${em.perUnit}` : em.massUnit;
    const e = tr.electricity;
    const sub = e?.substitute;
    const applied = sub
      ? { factorId: sub.id, value: sub.value, unit: sub.unit, year: sub.year, act: sub.source }
      : { factorId: e?.reportedFactorId, value: repValue, unit: repUnit };
    const kWh = convert(l.activity.amount, l.activity.unit as Unit, 'kWh');
    out.push({
      lineId: l.id,
      row: i + 1,
      description: l.description,
      source: l.electricity?.source ?? '',
      kWh,
      reported: { factorId: e?.reportedFactorId ?? l.electricity?.factorId, value: repValue, unit: repUnit, kind: e?.reportedKind ?? 'unknown' },
      applied,
      ruleId: e?.ruleId ?? null,
      action: e?.action ?? null,
      instrument: e?.instrument ?? null,
      message: e?.message ?? null,
      legalRef: e?.legalRef ?? null,
      kgReported: before.co2eIfIncluded,
      kgApplied: tr.co2eIfIncluded,
      kgReportedPerBattery: scale === null ? null : round(before.co2eIfIncluded * scale, 3),
      kgAppliedPerBattery: scale === null ? null : round(tr.co2eIfIncluded * scale, 3),
      ratio: repValue && applied.value !== null ? round(applied.value / repValue, 6) : null,
    });
  });
  return out;
}

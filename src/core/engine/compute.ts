/**
 * The engine: dataset × footprint pack → result. Per line it decides inclusion (stage, category,
 * declared boundary), derives gas masses per functional unit from activity × factor (or measured masses),
 * applies the pack's electricity rules, characterises each gas with the pack's GWP set and traces it all.
 * Totals are exact decimal sums of the shown parts, so total = Σ stages = Σ gases = Σ lines.
 */
import { msg } from '../i18n/message';
import { CATEGORIES, STAGES, type Dataset, type InventoryLine, type Stage } from '../model/dataset';
import type { Gas } from '../model/gases';
import { convert, massToKg, type MassUnit, type Unit } from '../model/units';
import { ExactSum, round } from '../num';
import { library, type Library } from '../packs/registry';
import type { FootprintPack } from '../packs/schema';
import { runChecks } from './checks';
import { applyPackOptions } from './options';
import { BOUNDARY_STAGES, basisScale, factorKind, selectFactor } from './helpers';
import {
  CO2E_DP,
  MASS_DP,
  type ElectricityTrace,
  type FootprintResult,
  type GasContribution,
  type GasTotal,
  type LineTrace,
  type Reconciliation,
} from './types';

export { BOUNDARY_STAGES, basisScale, factorKind, selectFactor };

interface LineMasses {
  /** kg of each gas per functional unit (unrounded), as the pack sees the line. */
  pack: Partial<Record<Gas, number>>;
  /** The same as the study reported it (differs only where the pack substituted a factor). */
  reported: Partial<Record<Gas, number>>;
  electricity?: ElectricityTrace;
}

function massesFromEmissions(l: InventoryLine, scale: number): Partial<Record<Gas, number>> {
  const em = l.emissions;
  const out: Partial<Record<Gas, number>> = {};
  const toKg = massToKg(em.massUnit as MassUnit);
  if (em.kind === 'factors') {
    const amount = convert(l.activity.amount, l.activity.unit as Unit, em.perUnit as Unit);
    for (const g in em.gases) out[g as Gas] = amount * em.gases[g as Gas]! * toKg * scale;
  } else {
    for (const g in em.gases) out[g as Gas] = em.gases[g as Gas]! * toKg * scale;
  }
  return out;
}

function lineMasses(l: InventoryLine, scale: number, pack: FootprintPack, lib: Library, periodEndYear: number, country?: string): LineMasses {
  const reported = massesFromEmissions(l, scale);
  if (l.category !== 'electricity' || !l.electricity) return { pack: reported, reported };
  const reportedFactorId = l.electricity.factorId ?? l.emissions.source?.factorId;
  const kind = factorKind(lib, reportedFactorId);
  const rule = pack.electricity.rules.find(
    (r) =>
      (!r.when.sources || r.when.sources.includes(l.electricity!.source)) &&
      (!r.when.factorKinds || r.when.factorKinds.includes(kind)) &&
      (!r.when.countries || (country !== undefined && r.when.countries.includes(country))),
  );
  if (!rule) return { pack: reported, reported };
  const base: ElectricityTrace = {
    ruleId: rule.id,
    action: rule.action,
    reportedFactorId,
    reportedKind: kind,
    message: msg(rule.messageKey),
    legalRef: rule.legalRef,
  };
  if (rule.instrument) base.instrument = rule.instrument;
  if (rule.action === 'as-reported' || !rule.factor) return { pack: reported, reported, electricity: base };
  const f = selectFactor(lib, rule.factor, periodEndYear);
  if (!f || f.value === null) return { pack: reported, reported, electricity: { ...base, action: 'as-reported' } };
  const kWh = convert(l.activity.amount, l.activity.unit as Unit, 'kWh');
  return {
    pack: { [f.gas]: kWh * f.value * scale },
    reported,
    electricity: { ...base, substitute: { id: f.id, value: f.value, unit: f.unit, year: f.year, source: f.source.act } },
  };
}

function exclusionOf(l: InventoryLine, ds: Dataset, pack: FootprintPack): LineTrace['exclusion'] {
  if (!pack.stages.counted.includes(l.stage))
    return { message: msg('core:exclude.stageNotCounted', { stage: `$t:core:stage.${l.stage}` }), legalRef: pack.stages.source };
  if (!BOUNDARY_STAGES[ds.study.boundary].includes(l.stage))
    return {
      message: msg('core:exclude.outsideBoundary', { stage: `$t:core:stage.${l.stage}`, boundary: `$t:core:boundary.${ds.study.boundary}` }),
      legalRef: pack.boundaries.source,
    };
  if (!pack.categories.counted.includes(l.category))
    return { message: msg('core:exclude.categoryNotCounted', { category: `$t:core:category.${l.category}` }), legalRef: pack.categories.source };
  return undefined;
}

function gasCounted(g: Gas, pack: FootprintPack): boolean {
  if (!pack.gases.counted.includes(g)) return false;
  if (g === 'CO2_biogenic' && pack.gases.biogenicCO2 === 'excluded') return false;
  return true;
}

/** Characterise a line's masses with a GWP table; returns the contributions and the line's CO2e. */
function characterise(
  masses: Partial<Record<Gas, number>>,
  gwps: Partial<Record<Gas, number>>,
  pack: FootprintPack,
): { gases: GasContribution[]; co2e: number } {
  const gases: GasContribution[] = [];
  // exact sum of the rounded parts as scaled integers (µkg); BigInt only if a line is astronomically large
  let scaled = 0;
  let big: ExactSum | undefined;
  for (const g in masses) {
    const gas = g as Gas;
    const massKg = round(masses[gas]!, MASS_DP);
    const gwp = gwps[gas] ?? null;
    const counted = gwp !== null && gasCounted(gas, pack);
    const co2e = counted ? round(massKg * gwp, CO2E_DP) : 0;
    const c: GasContribution = { gas, massKg, gwp, co2e, counted };
    if (!counted) c.notCountedReason = gwp === null ? msg('core:exclude.noGwp', { gas, set: pack.gwpSet.id }) : msg('core:exclude.gasNotCounted', { gas });
    gases.push(c);
    const s = Math.round(co2e * 1e6);
    if (big || !Number.isSafeInteger(scaled + s)) (big ??= new ExactSum(CO2E_DP).add(scaled / 1e6)).add(co2e);
    else scaled += s;
  }
  return { gases, co2e: big ? big.value : scaled / 1e6 };
}

export interface ComputeOptions {
  lib?: Library;
  /** Skip the pack's checks (used for the intermediate steps of a comparison). */
  skipChecks?: boolean;
  /** Skip the reconciliation with the study's reported totals. */
  skipReconciliation?: boolean;
}

export function compute(ds: Dataset, pack: FootprintPack, opts: ComputeOptions = {}): FootprintResult {
  // a pack that leaves rules open is computed with its default choices (see applyPackOptions for the user's)
  if (pack.options?.length) pack = applyPackOptions(pack).pack;
  const lib = opts.lib ?? library();
  const set = lib.gwp.sets[pack.gwpSet.id];
  if (!set) throw new Error(`GWP set ${pack.gwpSet.id} missing from the library`);
  const gwps = set.values;
  const scale = basisScale(ds);
  const periodEndYear = Number(ds.period.end.slice(0, 4));
  const instCountry = new Map(ds.installations.map((i) => [i.id, i.country]));

  const total = new ExactSum(CO2E_DP);
  const byStage = new Map<Stage, ExactSum>(STAGES.map((s) => [s, new ExactSum(CO2E_DP)]));
  const byCategory = new Map(CATEGORIES.map((c) => [c, new ExactSum(CO2E_DP)]));
  const gasCo2e = new Map<Gas, ExactSum>();
  const gasMass = new Map<Gas, ExactSum>();
  const biogenic = new ExactSum(MASS_DP);
  const excludedSum = new ExactSum(CO2E_DP);
  let excludedCount = 0;

  // as the study reported it: its own GWP set, its own factors, same boundary
  const studySet = lib.gwp.sets[ds.study.gwpSet]?.values ?? gwps;
  const doReconcile = !opts.skipReconciliation && ds.study.reported !== undefined;
  const repTotal = new ExactSum(CO2E_DP);
  const repStage = new Map<Stage, ExactSum>(STAGES.map((s) => [s, new ExactSum(CO2E_DP)]));

  const lines: LineTrace[] = new Array(ds.inventory.length);
  for (let i = 0; i < ds.inventory.length; i++) {
    const l = ds.inventory[i]!;
    const m = lineMasses(
      l,
      scale,
      pack,
      lib,
      periodEndYear,
      l.installationId ? (instCountry.get(l.installationId) ?? ds.producer.country) : ds.producer.country,
    );
    const exclusion = exclusionOf(l, ds, pack);
    const ch = characterise(m.pack, gwps, pack);
    const included = exclusion === undefined;
    if (included) {
      total.add(ch.co2e);
      byStage.get(l.stage)!.add(ch.co2e);
      byCategory.get(l.category)!.add(ch.co2e);
      for (const c of ch.gases) {
        if (!gasCo2e.has(c.gas)) {
          gasCo2e.set(c.gas, new ExactSum(CO2E_DP));
          gasMass.set(c.gas, new ExactSum(MASS_DP));
        }
        gasCo2e.get(c.gas)!.add(c.co2e);
        gasMass.get(c.gas)!.add(c.massKg);
        if (c.gas === 'CO2_biogenic') biogenic.add(c.massKg);
      }
    } else {
      excludedCount++;
      excludedSum.add(ch.co2e);
    }
    if (doReconcile && included) {
      const rep = m.reported === m.pack && studySet === gwps ? ch : characterise(m.reported, studySet, pack);
      repTotal.add(rep.co2e);
      repStage.get(l.stage)!.add(rep.co2e);
    }
    const trace: LineTrace = {
      id: l.id,
      row: i + 1,
      description: l.description,
      stage: l.stage,
      category: l.category,
      location: l.location,
      included,
      activity: { amount: l.activity.amount, unit: l.activity.unit },
      basisScale: scale,
      emissions: l.emissions,
      gases: ch.gases,
      co2e: included ? ch.co2e : 0,
      co2eIfIncluded: ch.co2e,
    };
    if (exclusion) trace.exclusion = exclusion;
    if (m.electricity) trace.electricity = m.electricity;
    lines[i] = trace;
  }

  const byGas: Partial<Record<Gas, GasTotal>> = {};
  for (const [g, s] of gasCo2e) byGas[g] = { massKg: gasMass.get(g)!.value, gwp: gwps[g] ?? null, co2e: s.value };

  const result: FootprintResult = {
    kind: 'carbonbridge.footprint-result',
    resultVersion: 1,
    pack: {
      id: pack.id,
      version: pack.version,
      status: pack.status,
      title: pack.title,
      effectiveFrom: pack.effectiveFrom,
      effectiveTo: pack.effectiveTo,
    },
    gwpSet: { id: pack.gwpSet.id, source: pack.gwpSet.source },
    dataset: { id: ds.id, title: ds.title, product: ds.product.name, period: ds.period },
    unit: 'kgCO2e',
    functionalUnit: { amount: ds.product.functionalUnit.amount, unit: ds.product.functionalUnit.unit },
    total: total.value,
    byStage: Object.fromEntries([...byStage].map(([k, v]) => [k, v.value])) as Record<Stage, number>,
    byCategory: Object.fromEntries([...byCategory].map(([k, v]) => [k, v.value])) as FootprintResult['byCategory'],
    byGas,
    biogenicCO2Kg: round(biogenic.value, CO2E_DP),
    excluded: { lines: excludedCount, co2eIfIncluded: excludedSum.value },
    lines,
    findings: [],
  };

  if (doReconcile) result.reconciliation = reconcile(ds, repTotal, repStage);
  if (!opts.skipChecks) result.findings = runChecks({ dataset: ds, pack, result, lib });
  return result;
}

const pct = (diff: number, base: number): number | null => (base === 0 ? null : round((diff / base) * 100, 3));

function reconcile(ds: Dataset, repTotal: ExactSum, repStage: Map<Stage, ExactSum>): Reconciliation {
  const r = ds.study.reported!;
  const toKg = r.unit === 'tCO2e' ? 1000 : 1;
  const reportedKg = round(r.total * toKg, CO2E_DP);
  const recomputedKg = repTotal.value;
  const differenceKg = round(recomputedKg - reportedKg, CO2E_DP);
  const perStage: Reconciliation['perStage'] = {};
  for (const [s, v] of Object.entries(r.perStage ?? {})) {
    const rep = round((v as number) * toKg, CO2E_DP);
    const rec = repStage.get(s as Stage)?.value ?? 0;
    const d = round(rec - rep, CO2E_DP);
    perStage[s as Stage] = { reportedKg: rep, recomputedKg: rec, differenceKg: d, differencePct: pct(d, rep) };
  }
  return { reportedKg, recomputedKg, gwpSet: ds.study.gwpSet, differenceKg, differencePct: pct(differenceKg, reportedKg), perStage };
}

/**
 * One footprint dataset + battery details → a battery carbon-footprint declaration under a battery pack
 * (EU Art. 7 or China MIIT): the engine computes the dataset under the pack (stages, GWP set, electricity
 * rules with the chosen options), the stages are mapped onto the pack's reporting stages, scaled to one
 * battery and divided by the energy delivered over the service life. Every figure carries its source;
 * whatever is missing is named, never guessed.
 */
import { compute } from '../engine/compute';
import { applyPackOptions } from '../engine/options';
import { serviceLifeTotal, serviceYears, type ServiceYears } from '../engine/service-life';
import { mapStages } from '../engine/stage-map';
import type { FootprintResult } from '../engine/types';
import { msg, type Message } from '../i18n/message';
import type { Dataset } from '../model/dataset';
import type { Problem } from '../model/problems';
import { convert, dimensionOf, type Unit } from '../model/units';
import { round } from '../num';
import type { Library } from '../packs/registry';
import type { FootprintPack, SourceRef } from '../packs/schema';
import { apportion } from './apportion';
import type { BatteryDetails } from './details';
import { computeDue, type DueResult } from './due';
import { electricityEffects, type ElectricityEffect } from './electricity';
import type { BatteryPack, BatteryRules } from './rules';

export const KG_DP = 3;
export const PER_KWH_DP = 6;

type Text3 = { en: string; zh: string; ar: string };

export interface FunctionalUnitTrace {
  usableEnergyKWh: number;
  cyclesPerYear: { value: number; basis: 'default' | 'override'; vehicleClass?: string; justification?: string; source: SourceRef };
  years: ServiceYears;
  eTotalKWh: number;
  formula: string;
  source: SourceRef;
}

export interface DeclarationStage {
  id: string;
  title: Text3;
  kgPerBattery: number | null;
  kgPerKWh: number | null;
  status: 'present' | 'outside-boundary' | 'no-lines';
  advice?: Text3;
  source: SourceRef;
}

export interface BatteryDeclaration {
  kind: 'carbonbridge.battery-declaration';
  declarationVersion: 1;
  pack: {
    id: string;
    version: string;
    status: FootprintPack['status'];
    title: Text3;
    legalBasis: SourceRef;
    notes?: Text3;
    gwpSet: string;
    gwpSource: SourceRef;
  };
  options: { id: string; title: Text3; chosen: string; choices: { id: string; title: Text3; source: SourceRef }[] }[];
  asOf: string;
  due: DueResult;
  battery: BatteryDetails;
  dataset: { id?: string; title?: string; boundary: Dataset['study']['boundary']; gwpSet: string; functionalUnit: { amount: number; unit: string } };
  items: { id: string; field: string; present: boolean; source: SourceRef }[];
  functionalUnit: FunctionalUnitTrace | null;
  /** Dataset functional units in one battery, and how that was found. */
  perBattery: { scale: number; basis: 'count' | 'rated-energy' | 'mass' } | null;
  /** Σ of the present stages; `complete` is false when a stage is missing (the figure is then partial). */
  total: { kgPerBattery: number | null; kgPerKWh: number | null; complete: boolean };
  stages: DeclarationStage[];
  excludedStages: { stage: string; lines: number; kgPerBatteryIfIncluded: number | null; reason: Message; source: SourceRef }[];
  electricity: ElectricityEffect[];
  lines: { id: string; row: number; description: string; stage: string; kgPerBattery: number | null; confidential: boolean }[];
  /** userClass: the class by the thresholds in effect (the user's, else the pack's); null when there are none. */
  performanceClass: {
    status: BatteryRules['performanceClass']['status'];
    source: SourceRef;
    userClass: string | null;
    thresholds: { class: string; maxKgPerKWh: number }[] | null;
    thresholdsFrom: 'user' | 'pack' | null;
  };
  missing: Message[];
  findings: Problem[];
  /** The engine's result per dataset functional unit (trace of every line). */
  result: FootprintResult;
}

export interface DeclareOptions {
  lib?: Library;
  /** Pack option id → choice id (pack defaults otherwise). */
  options?: Record<string, string>;
  /** Date the legal status is judged on (ISO); today when not given. */
  asOf?: string;
  /** What-if entry-into-force dates for pending acts, by act id. */
  actDates?: Record<string, string>;
}

/** Energy delivered over the service life, or the reasons it cannot be computed. */
export function functionalUnitOf(b: BatteryDetails, rules: BatteryRules): { fu: FunctionalUnitTrace | null; missing: Message[] } {
  const missing: Message[] = [];
  const cy = rules.functionalUnit.cyclesPerYear;
  const def = b.vehicleClass !== undefined && b.category === 'ev' ? cy.defaults[b.vehicleClass] : undefined;
  let cycles: FunctionalUnitTrace['cyclesPerYear'] | null = null;
  if (b.cyclesPerYear) cycles = { value: b.cyclesPerYear.value, basis: 'override', justification: b.cyclesPerYear.justification, source: cy.otherwise };
  else if (def !== undefined) cycles = { value: def, basis: 'default', vehicleClass: b.vehicleClass, source: cy.source };
  else missing.push(msg('battery:missing.cyclesPerYear'));
  const years = serviceYears({ years: b.serviceLife.warrantyYears, usage: b.serviceLife.warrantyKm, usagePerYear: b.serviceLife.kmPerYear });
  if (!years) missing.push(msg('battery:missing.serviceLife'));
  if (!cycles || !years) return { fu: null, missing };
  return {
    fu: {
      usableEnergyKWh: b.usableEnergyKWh,
      cyclesPerYear: cycles,
      years,
      eTotalKWh: serviceLifeTotal(b.usableEnergyKWh, cycles.value, years.years),
      formula: rules.functionalUnit.formula,
      source: rules.functionalUnit.source,
    },
    missing,
  };
}

/** How many dataset functional units make one battery. */
export function perBatteryScale(ds: Dataset, b: BatteryDetails): { scale: number; basis: 'count' | 'rated-energy' | 'mass' } | Message {
  const fu = ds.product.functionalUnit;
  const dim = dimensionOf(fu.unit as Unit);
  if (dim === 'count') return { scale: round(convert(1, 'piece', fu.unit as Unit) / fu.amount, 12), basis: 'count' };
  if (dim === 'energy') {
    if (b.ratedEnergyKWh === undefined) return msg('battery:missing.ratedEnergy', { unit: `${fu.amount} ${fu.unit}` });
    return { scale: round(convert(b.ratedEnergyKWh, 'kWh', fu.unit as Unit) / fu.amount, 12), basis: 'rated-energy' };
  }
  if (dim === 'mass') {
    if (b.massKg === undefined) return msg('battery:missing.mass', { unit: `${fu.amount} ${fu.unit}` });
    return { scale: round(convert(b.massKg, 'kg', fu.unit as Unit) / fu.amount, 12), basis: 'mass' };
  }
  return msg('battery:missing.unitNotScalable', { unit: fu.unit });
}

function detailMissing(b: BatteryDetails, rules: BatteryRules): Message[] {
  const out: Message[] = [];
  const has: Record<string, boolean> = {
    euDeclarationOfConformityId: !!b.euDeclarationOfConformityId,
    publicStudyUrl: !!b.publicStudyUrl,
  };
  for (const it of rules.declarationItems)
    if (has[it.field] === false) out.push(msg('battery:missing.item', { item: it.id, field: `$t:battery:field.${it.field}` }));
  if (!b.plant.town && !b.plant.region) out.push(msg('battery:missing.plantTown'));
  if (!b.manufacturer.address) out.push(msg('battery:missing.manufacturerAddress'));
  if (!rules.scope.categories.includes(b.category)) out.push(msg('battery:missing.outOfScope', { category: `$t:battery:category.${b.category}` }));
  const energy = b.ratedEnergyKWh ?? b.usableEnergyKWh;
  if (energy <= rules.scope.minEnergyKWh) out.push(msg('battery:missing.belowThreshold', { kWh: energy, min: rules.scope.minEnergyKWh }));
  return out;
}

export function declare(ds: Dataset, b: BatteryDetails, bp: BatteryPack, opts: DeclareOptions = {}): BatteryDeclaration {
  const applied = applyPackOptions(bp.pack, opts.options);
  const pack = applied.pack;
  const result = compute(ds, pack, { lib: opts.lib, skipReconciliation: true });
  const mapping = mapStages(result, pack.reportingStages ?? [], ds.study.boundary);
  const { fu, missing: fuMissing } = functionalUnitOf(b, bp.rules);
  const sc = perBatteryScale(ds, b);
  const scale = 'scale' in sc ? sc : null;
  const missing: Message[] = [...detailMissing(b, bp.rules), ...fuMissing, ...('scale' in sc ? [] : [sc])];

  // a stage the study cannot fill is missing (null), never 0; the present stages add up exactly to the total
  const present = mapping.stages.filter((s) => s.status === 'present');
  const perBattery = scale
    ? apportion(
        present.map((s) => s.kg * scale.scale),
        KG_DP,
      )
    : null;
  const perKWh =
    perBattery && fu
      ? apportion(
          present.map((s) => (s.kg * scale!.scale) / fu.eTotalKWh),
          PER_KWH_DP,
        )
      : null;
  const stages: DeclarationStage[] = mapping.stages.map((s) => {
    const i = present.indexOf(s);
    const advice = s.status === 'present' ? undefined : bp.rules.missingStageAdvice[s.id];
    if (s.status !== 'present')
      missing.push(
        msg(s.status === 'outside-boundary' ? 'battery:missing.stageOutsideBoundary' : 'battery:missing.stageNoLines', {
          stage: `$t:battery:stage.${s.id}`,
          boundary: `$t:core:boundary.${ds.study.boundary}`,
        }),
      );
    return {
      id: s.id,
      title: s.title,
      kgPerBattery: i < 0 ? null : (perBattery?.parts[i] ?? null),
      kgPerKWh: i < 0 ? null : (perKWh?.parts[i] ?? null),
      status: s.status,
      ...(advice ? { advice } : {}),
      source: s.source,
    };
  });
  const excludedStages = mapping.unmapped.map((u) => ({
    stage: u.stage,
    lines: u.lines,
    kgPerBatteryIfIncluded: scale ? round(u.co2eIfIncluded * scale.scale, KG_DP) : null,
    reason: msg('core:exclude.stageNotCounted', { stage: `$t:core:stage.${u.stage}` }),
    source: pack.stages.source,
  }));
  // thresholds the user entered, else those of the pack (none while the classes are not adopted)
  const thresholds = b.performanceClasses ?? bp.rules.performanceClass.thresholds ?? null;
  const userClass = perKWh && thresholds ? (thresholds.find((c) => perKWh.total <= c.maxKgPerKWh)?.class ?? null) : null;
  const electricity = electricityEffects(ds, pack, result, scale?.scale ?? null, opts.lib);
  for (const e of electricity)
    if (e.message?.key === 'battery:elec.noNationalMix')
      missing.push(msg('battery:missing.nationalMix', { line: e.lineId, country: lineCountry(ds, e.row - 1) }));
  const findings: Problem[] = [...applied.errors.map((m) => ({ severity: 'error' as const, path: ['options'], message: m })), ...result.findings];
  return {
    kind: 'carbonbridge.battery-declaration',
    declarationVersion: 1,
    pack: {
      id: pack.id,
      version: pack.version,
      status: pack.status,
      title: pack.title,
      legalBasis: pack.legalBasis,
      ...(pack.notes ? { notes: pack.notes } : {}),
      gwpSet: pack.gwpSet.id,
      gwpSource: pack.gwpSet.source,
    },
    options: (bp.pack.options ?? []).map((o) => ({
      id: o.id,
      title: o.title,
      chosen: applied.chosen[o.id]!,
      choices: o.choices.map((c) => ({ id: c.id, title: c.title, source: c.source })),
    })),
    asOf: opts.asOf ?? new Date().toISOString().slice(0, 10),
    due: computeDue(bp.rules, b, opts.asOf ?? new Date().toISOString().slice(0, 10), opts.actDates),
    battery: b,
    dataset: {
      id: ds.id,
      title: ds.title,
      boundary: ds.study.boundary,
      gwpSet: ds.study.gwpSet,
      functionalUnit: { amount: ds.product.functionalUnit.amount, unit: ds.product.functionalUnit.unit },
    },
    items: bp.rules.declarationItems.map((it) => ({ id: it.id, field: it.field, present: itemPresent(it.field, b, perKWh !== null), source: it.source })),
    functionalUnit: fu,
    perBattery: scale,
    total: { kgPerBattery: perBattery?.total ?? null, kgPerKWh: perKWh?.total ?? null, complete: present.length === mapping.stages.length },
    stages,
    excludedStages,
    electricity,
    lines: result.lines.map((l) => ({
      id: l.id,
      row: l.row,
      description: l.description,
      stage: l.stage,
      kgPerBattery: scale ? round(l.co2e * scale.scale, KG_DP) : null,
      confidential: b.confidentialLines.includes(l.id),
    })),
    performanceClass: {
      status: bp.rules.performanceClass.status,
      source: bp.rules.performanceClass.source,
      userClass,
      thresholds,
      thresholdsFrom: b.performanceClasses ? 'user' : thresholds ? 'pack' : null,
    },
    missing,
    findings,
    result,
  };
}

function lineCountry(ds: Dataset, i: number): string {
  const id = ds.inventory[i]?.installationId;
  return (id && ds.installations.find((x) => x.id === id)?.country) || ds.producer.country;
}

function itemPresent(field: string, b: BatteryDetails, computed: boolean): boolean {
  switch (field) {
    case 'manufacturer':
      return !!b.manufacturer.name;
    case 'model':
      return !!b.model;
    case 'plant':
      return !!b.plant.country;
    case 'total':
    case 'stages':
      return computed;
    case 'euDeclarationOfConformityId':
      return !!b.euDeclarationOfConformityId;
    case 'publicStudyUrl':
      return !!b.publicStudyUrl;
    default:
      return false;
  }
}

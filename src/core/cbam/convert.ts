/**
 * GB/T 24067 / ISO 14067 footprint → EU CBAM embedded emissions (the PCF → CBAM mapping: boundary, gases, electricity, precursors).
 *
 *  - the period picks the pack (transitional / definitive) and the product's CN code is screened;
 *  - installation direct emissions are kept gas by gas: CO2 always, PFCs (CF4, C2F6) only for aluminium, N2O only for
 *    the goods whose category counts it, each with the AR5 GWP of the pack; CH4 and other gases are dropped with the
 *    reason; biogenic CO2 is zero-rated;
 *  - electricity: MWh × EF, EF the EU default for the country unless a direct technical link or a PPA is documented;
 *    China's MEE factors offered where the period allows other public data (transitional D.4(b)); the EU default for
 *    China was NOT found in the reference material: it is never invented, the user enters it (or picks an allowed
 *    alternative); the effect of every choice is shown;
 *  - relevant precursors at their own SEE (supplier's actual value, else the default for the country of production
 *    with the mark-up); every other upstream material, transport, use, end of life, packaging, waste, capital goods
 *    are dropped and listed with the reason and the legal reference;
 *  - attribution corrections (measurable heat, waste gases, exported electricity) from the options;
 *  - the PCF basis is undone: SEE per tonne of the good.
 * All emission figures are in tCO2e, rounded once (6 decimals) and summed exactly; SEE in tCO2e/t (7 decimals).
 */
import { msg, type Message } from '../i18n/message';
import { CATEGORIES, type Dataset, type InventoryLine } from '../model/dataset';
import type { Gas } from '../model/gases';
import type { Problem } from '../model/problems';
import { convert as convertUnit, dimensionOf, massToKg, type MassUnit, type Unit } from '../model/units';
import { ExactSum, round } from '../num';
import { library, type Library } from '../packs/registry';
import type { ElectricityFactor } from '../packs/schema';
import { defaultValuesOf, type Figure as PackFigure, type Category, type CategoryId, type CbamPack, type DefinitivePack, type RatePack } from './pack-schema';
import { cbamPackForPeriod, type CbamPeriod } from './packs';
import { categoryById, chinaDefaultRows, markupFor, matchCn, normaliseCn, printCn, screenCn } from './screen';
import { verifierItems, type VerifierItem } from './rules/verifier';
import { dropDecision } from './rules/drops';
import { gasDecision } from './rules/gases';
import { choiceVerdict, electricityChoiceIds, electricityChoiceRule } from './rules/electricity';
import type { CbamDocInput } from './docs/model';
import { TEMPLATE_MAP, templateRoutes } from './docs/template';

import { EM_DP, MASS_DP, SEE_DP, formulaTexts, perTonne, wasteGasExportTerm, wasteGasImportTerm } from './kernel';
export { EM_DP, MASS_DP, SEE_DP };

// ---------------------------------------------------------------------------------------------------------------
// Types

/** A legal reference: act and annex, with the confidence the reference material gives it. */
export interface LegalRef {
  act: string;
  annex?: string;
  table?: string;
  note?: string;
  confidence?: 'confirmed' | 'likely' | 'uncertain';
}

export type FigSource =
  | { kind: 'dataset'; lines: string[]; note?: string }
  | { kind: 'rule'; ref: LegalRef }
  | { kind: 'user'; field: string }
  | { kind: 'supplier'; line: string; ref?: string; verified?: boolean }
  | { kind: 'library'; id: string; act: string }
  | { kind: 'computed'; formula: string };

/** A figure with its unit and source; `uncertain` carries the reference's uncertainty flag. */
export interface Fig {
  value: number;
  unit: string;
  source: FigSource;
  uncertain?: true;
}

export type ElectricityChoice = 'eu-default' | 'cn-mee-national' | 'cn-mee-northwest' | 'cn-mee-ningxia' | 'actual-ppa' | 'actual-direct-line';
export const ELECTRICITY_CHOICES: readonly ElectricityChoice[] = ['eu-default', 'cn-mee-national', 'cn-mee-northwest', 'cn-mee-ningxia', 'actual-ppa', 'actual-direct-line'];

export interface ConvertOptions {
  /** '2026', '2026-Q1', '2025-Q3' … picks the pack of the scheme (EU: transitional up to 2025-Q4, definitive from 2026). */
  period: string;
  /** the scheme converted to: 'eu-cbam' (default), 'uk-cbam', or any installed pack's scheme */
  scheme?: string;
  /** CN code of the product, overriding the dataset's. */
  cnCode?: string;
  /** Production route id of the pack (e.g. 'primary'); inferred where the data allow, else 'unknown'. */
  route?: string;
  electricity?: {
    choice?: ElectricityChoice;
    /** EU default emission factor for the country (tCO2/MWh), entered by the user from IR 2025/2621 Annex II/III (definitive) or the registry (transitional). */
    euDefaultEf?: number;
    /** Actual EF (tCO2/MWh) of a documented PPA or direct line; else derived from the documented line's own factor. */
    actualEf?: number;
  };
  /** Attribution corrections for the same basis as the dataset (its period, or per functional unit). */
  corrections?: {
    heat?: { importedTJ?: number; importedEf?: number; exportedTJ?: number; exportedEf?: number };
    wasteGas?: { importedTJ?: number; exportedTJ?: number };
    electricityExported?: { mwh: number; ef: number };
  };
  lib?: Library;
}

export type GasRuleOutcome = 'counted' | 'zero-rated' | 'dropped';

export interface GasTrace {
  gas: Gas;
  massT: number;
  outcome: GasRuleOutcome;
  /** AR5 GWP used (pack constant) or 1 for CO2. */
  gwp?: Fig;
  co2eT: number;
  /** What the study's own GWP set gave for this gas (for the re-characterisation view). */
  studyGwp?: number | null;
  reason?: Message;
  legalRef?: LegalRef;
}

export interface DirectLine {
  id: string;
  description: string;
  category: InventoryLine['category'];
  stage: InventoryLine['stage'];
  installationId?: string;
  gases: GasTrace[];
  co2e: Fig;
}

export interface ElectricityLineResult {
  id: string;
  description: string;
  installationId?: string;
  mwh: Fig;
  documented: 'ppa' | 'direct-line' | null;
  ef: Fig | null;
  efSource: 'D.4(a)' | 'D.4(b)' | 'D.4.3.1' | 'D.4.3.2' | null;
  emissions: Fig | null;
}

export interface ElectricityOption {
  choice: ElectricityChoice;
  status: 'available' | 'needs-input' | 'not-found' | 'not-allowed' | 'not-applicable' | 'not-documented';
  ef: Fig | null;
  indirect: Fig | null;
  seeIndirect: Fig | null;
  seeTotal: Fig | null;
  note: Message;
}

export interface PrecursorLineResult {
  id: string;
  description: string;
  cn: string;
  category: CategoryId;
  country?: string;
  massT: Fig;
  basis: 'supplier' | 'default';
  seeDirect: Fig | null;
  seeIndirect: Fig | null;
  embeddedDirect: Fig | null;
  embeddedIndirect: Fig | null;
  supplier?: string;
  markup?: Fig;
}

export interface DroppedLine {
  id: string;
  row: number;
  description: string;
  stage: InventoryLine['stage'];
  category: InventoryLine['category'];
  location: InventoryLine['location'];
  reason: Message;
  legalRef: LegalRef;
  /** What the study counted for this line (tCO2e with the study's GWP set), for information. */
  pcfCo2e: number | null;
}

export interface DroppedGas {
  lineId: string;
  gas: Gas;
  massT: number;
  outcome: 'zero-rated' | 'dropped';
  reason: Message;
  legalRef: LegalRef;
}

export interface CorrectionResult {
  kind: 'heat-imported' | 'heat-exported' | 'waste-gas-imported' | 'waste-gas-exported' | 'electricity-exported';
  amount: Fig;
  ef: Fig;
  /** Signed effect on attributed direct emissions (tCO2e). */
  effect: Fig;
}

export interface ConvertedProcess {
  id: string;
  categoryId: CategoryId;
  route: { id: string; templateName?: string; inferred: boolean };
  installationIds: string[];
  production: Fig;
  directByInstallation: Array<{ installationId: string; co2e: Fig }>;
}

export interface CbamConversion {
  ok: true;
  status: 'converted';
  /** False when a figure that counts is missing (see findings of severity error). */
  complete: boolean;
  pack: { id: string; version: string; kind: CbamPack['kind']; status: string; scheme: string; jurisdiction: string };
  period: CbamPeriod;
  dataset: { id?: string; title?: string; product: Dataset['product']['name']; period: Dataset['period']; gwpSet: string; basis: 'per-period' | 'per-functional-unit' };
  good: {
    cn: string;
    printed: string;
    category: { id: CategoryId; nameKey: string; templateName: string; sector: string; unit: string };
    gases: Category['gases'];
    indirectCounted: { value: boolean; source: LegalRef; uncertain?: true };
    precursorCategories: CategoryId[];
  };
  process: ConvertedProcess;
  production: Fig;
  direct: { lines: DirectLine[]; total: Fig; byGas: { co2: Fig; n2o: Fig; pfc: Fig }; biogenicZeroRated: Fig };
  corrections: { items: CorrectionResult[]; total: Fig };
  attributedDirect: Fig;
  electricity: {
    lines: ElectricityLineResult[];
    mwh: Fig;
    mwhPerTonne: Fig;
    counted: boolean;
    choice: ElectricityChoice;
    ef: Fig | null;
    indirect: Fig | null;
    options: ElectricityOption[];
  };
  precursors: { lines: PrecursorLineResult[]; embeddedDirect: Fig | null; embeddedIndirect: Fig | null };
  see: {
    direct: Fig | null;
    indirect: Fig | null;
    total: Fig | null;
    /** Which figure counts for the good in the period: direct only, or direct + indirect. */
    counted: 'direct' | 'total';
    countedValue: Fig | null;
    shareDefault: number | null;
  };
  recharacterisation: Array<{ gas: Gas; massT: number; studyGwp: number | null; cbamGwp: number; studyCo2e: number | null; cbamCo2e: number }>;
  dropped: DroppedLine[];
  droppedGases: DroppedGas[];
  verifier: VerifierItem[];
  findings: Problem[];
}

export type ConvertFailure = {
  ok: false;
  status: 'invalid' | 'not-cbam';
  errors: Message[];
  /** For not-cbam: the screening reason and its legal source. */
  reason?: Message;
  legalRef?: LegalRef;
};

export type ConvertResult = CbamConversion | ConvertFailure;

/** Thrown by toDocsModel when the conversion cannot feed the documents. */
export class CbamConvertError extends Error {
  readonly messages: Message[];
  constructor(first: Message, more: Message[] = []) {
    super(first.key);
    this.name = 'CbamConvertError';
    this.messages = [first, ...more];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rules of the pack (gases, drops, electricity choices, verifier requirements) are interpreted in ./rules/*.

/** The pack's EU default electricity factor for a country (null value when not found in the sources). */
export function euDefaultElectricityFactor(pack: CbamPack, country: string) {
  return pack.electricityDefaults.find((f) => f.country === country) ?? { ...pack.electricityDefaults[0]!, country, value: null, status: 'not-found' as const };
}

const ruleFig = (value: number, unit: string, ref: LegalRef, uncertain?: boolean): Fig => ({ value, unit, source: { kind: 'rule', ref }, ...(uncertain ? { uncertain: true as const } : {}) });
const packRef = (f: PackFigure): LegalRef => ({ act: f.source.act, ...(f.source.annex ? { annex: f.source.annex } : {}), ...(f.source.table ? { table: f.source.table } : {}), ...(f.source.note ? { note: f.source.note } : {}), confidence: f.confidence });
const computed = (value: number, unit: string, formula: string, uncertain?: boolean): Fig => ({ value, unit, source: { kind: 'computed', formula }, ...(uncertain ? { uncertain: true as const } : {}) });

// ---------------------------------------------------------------------------------------------------------------
// Line arithmetic

/** Tonnes of each gas of a line, over the dataset's basis (its period, or one functional unit). */
function lineGasTonnes(l: InventoryLine): Partial<Record<Gas, number>> {
  const em = l.emissions;
  const toT = massToKg(em.massUnit as MassUnit) / 1000;
  const out: Partial<Record<Gas, number>> = {};
  if (em.kind === 'factors') {
    const amount = convertUnit(l.activity.amount, l.activity.unit as Unit, em.perUnit as Unit);
    for (const g in em.gases) out[g as Gas] = amount * em.gases[g as Gas]! * toT;
  } else for (const g in em.gases) out[g as Gas] = em.gases[g as Gas]! * toT;
  return out;
}

function studyCo2e(l: InventoryLine, gwp: Partial<Record<Gas, number>>): number | null {
  try {
    let s = 0;
    for (const [g, t] of Object.entries(lineGasTonnes(l))) {
      const v = gwp[g as Gas];
      if (v === undefined) return null;
      s += t! * v;
    }
    return round(s, EM_DP);
  } catch {
    return null;
  }
}

const DIRECT_CATEGORIES = new Set<InventoryLine['category']>(['fuel-combustion', 'process-emission', 'other']);

function dropReason(pack: CbamPack, l: InventoryLine): { reason: Message; legalRef: LegalRef } | undefined {
  const d = dropDecision(pack.rules.drops, l);
  return d ? { reason: msg(d.messageKey, { line: l.id }), legalRef: d.ref } : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Electricity factors

interface EfCandidate { value: number | null; fig: Fig | null; status: ElectricityOption['status']; note: Message; efSource: ElectricityLineResult['efSource'] }

function libraryFactor(lib: Library, prefix: string, scope: string, year: number): { f?: ElectricityFactor; newerMissing?: ElectricityFactor } {
  const all = lib.electricity.factors.filter((f) => f.kind === 'combustion-co2' && f.id.startsWith(prefix) && f.id.endsWith(`-${scope}`));
  const published = all.filter((f) => f.status === 'published' && f.value !== null && f.year <= year).sort((a, b) => b.year - a.year);
  const f = published[0];
  const newerMissing = all.filter((x) => x.value === null && x.year <= year && (!f || x.year > f.year)).sort((a, b) => b.year - a.year)[0];
  return { ...(f ? { f } : {}), ...(newerMissing ? { newerMissing } : {}) };
}

function documentedKind(l: InventoryLine): 'ppa' | 'direct-line' | null {
  const e = l.electricity;
  if (!e || !e.evidence?.trim()) return null;
  return e.source === 'ppa' ? 'ppa' : e.source === 'direct-line' ? 'direct-line' : null;
}

/** The line's own CO2 factor (tCO2/MWh) from its emissions, for a documented PPA/direct line. */
function ownEf(l: InventoryLine, mwh: number): number | null {
  if (!(mwh > 0)) return null;
  const g = lineGasTonnes(l);
  const co2 = (g.CO2_fossil ?? 0) + (g.CO2e ?? 0);
  return round(co2 / mwh, 6);
}

function gridCandidate(choice: ElectricityChoice, pack: CbamPack, period: CbamPeriod, country: string, opts: ConvertOptions, lib: Library): EfCandidate {
  if (choice === 'eu-default') {
    const nf = euDefaultElectricityFactor(pack, country);
    const v = opts.electricity?.euDefaultEf;
    if (v !== undefined) return { value: v, fig: { value: v, unit: 'tCO2/MWh', source: { kind: 'user', field: 'electricity.euDefaultEf' } }, status: 'available', efSource: 'D.4(a)', note: msg('cbamconvert:electricity.euDefaultEntered', { act: [nf.source.act, nf.source.annex].filter(Boolean).join(', ') }) };
    if (nf.value !== null)
      return { value: nf.value, fig: ruleFig(nf.value, 'tCO2/MWh', { act: nf.source.act, ...(nf.source.annex ? { annex: nf.source.annex } : {}), confidence: nf.confidence }), status: 'available', efSource: 'D.4(a)', note: msg('cbamconvert:electricity.euDefaultEntered', { act: [nf.source.act, nf.source.annex].filter(Boolean).join(', ') }) };
    return { value: null, fig: null, status: 'not-found', efSource: 'D.4(a)', note: msg('cbamconvert:electricity.euDefaultNotFound', { country, act: [nf.source.act, nf.source.annex].filter(Boolean).join(', ') }) };
  }
  const rule = electricityChoiceRule(pack.rules.electricity, choice);
  if (!rule || rule.fn === 'documented') return { value: null, fig: null, status: 'not-documented', efSource: null, note: msg('cbamconvert:electricity.notDocumented', { kind: `$t:cbamconvert:electricity.kind.${choice.replace(/^actual-/, '')}` }) };
  const scope = rule.options.scope ?? choice;
  const verdict = choiceVerdict(pack.rules.electricity, choice, country);
  if (verdict === 'not-applicable') return { value: null, fig: null, status: 'not-applicable', efSource: rule.efSource, note: msg('cbamconvert:electricity.meeNotApplicable', { country }) };
  const { f, newerMissing } = libraryFactor(lib, rule.options.libraryPrefix ?? '', scope, period.year);
  const fig: Fig | null = f ? { value: f.value!, unit: 'tCO2/MWh', source: { kind: 'library', id: f.id, act: f.source.act } } : null;
  if (verdict === 'not-allowed')
    return { value: null, fig, status: 'not-allowed', efSource: rule.efSource, note: msg('cbamconvert:electricity.meeNotAllowed', { factor: f ? `${f.id} = ${f.value}` : '-' }) };
  if (!f) return { value: null, fig: null, status: 'not-found', efSource: rule.efSource, note: msg('cbamconvert:electricity.meeNotFound', { scope }) };
  const note = newerMissing
    ? msg('cbamconvert:electricity.meeOlderYear', { id: f.id, year: f.year, missing: newerMissing.id })
    : msg('cbamconvert:electricity.meeAllowed', { id: f.id, year: f.year });
  return { value: f.value, fig, status: 'available', efSource: rule.efSource, note };
}

// ---------------------------------------------------------------------------------------------------------------
// Main

function fail(status: ConvertFailure['status'], errors: Message[], extra: Partial<ConvertFailure> = {}): ConvertFailure {
  return { ok: false, status, errors, ...extra };
}

function inferRoute(cat: Category, direct: DirectLine[], explicit?: string): { id: string; inferred: boolean; error?: Message } {
  if (explicit) {
    if (!cat.routes.includes(explicit)) return { id: explicit, inferred: false, error: msg('cbamconvert:errors.unknownRoute', { route: explicit, allowed: cat.routes.join(', ') }) };
    return { id: explicit, inferred: false };
  }
  if (cat.routes.length === 1) return { id: cat.routes[0]!, inferred: false };
  if (cat.id === 'unwrought-aluminium' && direct.some((l) => l.gases.some((g) => (g.gas === 'CF4' || g.gas === 'C2F6') && g.massT > 0)))
    return { id: 'primary', inferred: true };
  return { id: cat.routes.includes('unknown') ? 'unknown' : cat.routes.at(-1)!, inferred: true };
}

function templateRouteName(cat: Category, routeId: string): string | undefined {
  const names = templateRoutes(cat.templateName);
  if (names.length === 1) return names[0];
  const i = cat.routes.indexOf(routeId);
  return names.length === cat.routes.length && i >= 0 ? names[i] : undefined;
}

export function convertToCbam(dataset: Dataset, options: ConvertOptions): ConvertResult {
  const lib = options.lib ?? library();
  const pp = cbamPackForPeriod(options.period, options.scheme ?? 'eu-cbam');
  if (!pp.ok) return fail('invalid', [pp.error]);
  const { pack, period } = pp;

  // --- the good
  const cnRaw = options.cnCode ?? dataset.product.cnCode;
  if (!cnRaw) return fail('invalid', [msg('cbamconvert:errors.noCnCode')]);
  const compact = cnRaw.replace(/[\s.\u00a0\u2009\u202f]+/g, '');
  const n = normaliseCn(/^\d{10}$/.test(compact) ? compact.slice(0, 8) : cnRaw);
  if (!n.ok) return fail('invalid', [msg('cbamconvert:errors.cnInvalid', { cn: String(cnRaw) }), n.error]);
  const screen = screenCn(n.cn.digits, { period: options.period, scheme: pack.scheme });
  if (screen.status === 'invalid') return fail('invalid', [screen.error]);
  if (screen.status === 'not-cbam')
    return fail('not-cbam', [msg('cbamconvert:errors.notCbamGood', { cn: n.cn.printed }), screen.reason], {
      reason: screen.reason,
      legalRef: { act: screen.source.act, ...(screen.source.annex ? { annex: screen.source.annex } : {}), ...(screen.source.note ? { note: screen.source.note } : {}), confidence: 'confirmed' },
    });
  if (screen.status === 'partial') return fail('invalid', [msg('cbamconvert:errors.cnTooShort', { cn: n.cn.printed }), screen.reason]);
  const cat = categoryById(pack, screen.category.id);
  if (cat.id === 'electricity') return fail('invalid', [msg('cbamconvert:errors.electricityGood')]);

  const findings: Problem[] = [];
  const finding = (severity: Problem['severity'], m: Message, row?: number, id?: string): void => {
    findings.push({ severity, message: m, path: row ? ['inventory', row - 1] : [], ...(row ? { line: { id, row } } : {}) });
  };

  // --- activity level (undo the PCF's scaling)
  const fu = dataset.product.functionalUnit;
  const basis = dataset.basis.kind;
  let productionT: number;
  let productionFig: Fig;
  const prodUnit = basis === 'per-period' ? (dataset.basis as { production: { amount: number; unit: string } }).production : fu;
  if (dimensionOf(prodUnit.unit as Unit) !== 'mass')
    return fail('invalid', [msg(basis === 'per-period' ? 'cbamconvert:errors.productionNotMass' : 'cbamconvert:errors.functionalUnitNotMass', { unit: prodUnit.unit })]);
  productionT = convertUnit(prodUnit.amount, prodUnit.unit as Unit, 't');
  productionFig = {
    value: round(productionT, 6),
    unit: 't',
    source: basis === 'per-period'
      ? { kind: 'dataset', lines: [], note: 'basis.production' }
      : { kind: 'dataset', lines: [], note: 'product.functionalUnit (per functional unit basis)' },
  };
  if (!(productionT > 0)) return fail('invalid', [msg('cbamconvert:errors.productionNotMass', { unit: prodUnit.unit })]);

  const studyGwps = lib.gwp.sets[dataset.study.gwpSet]?.values ?? {};
  const country = dataset.installations[0]?.country ?? dataset.producer.country;

  const direct: DirectLine[] = [];
  const dropped: DroppedLine[] = [];
  const droppedGases: DroppedGas[] = [];
  const elecLines: Array<{ l: InventoryLine; row: number; mwh: number }> = [];
  const precLines: Array<{ l: InventoryLine; row: number; cat: CategoryId }> = [];
  const heatImports: Array<{ l: InventoryLine; tj: number; co2e: number }> = [];
  const sums = { co2: new ExactSum(EM_DP), n2o: new ExactSum(EM_DP), pfc: new ExactSum(EM_DP), bio: new ExactSum(EM_DP), total: new ExactSum(EM_DP) };
  const byInst = new Map<string, ExactSum>();
  const recharMap = new Map<Gas, { massT: number; studyGwp: number | null; cbamGwp: number }>();

  const drop = (l: InventoryLine, row: number, reason: Message, legalRef: LegalRef) =>
    dropped.push({ id: l.id, row, description: l.description, stage: l.stage, category: l.category, location: l.location, reason, legalRef, pcfCo2e: studyCo2e(l, studyGwps) });

  /** The pack's gas rules for the good's category. */
  const gasRule = (g: Gas, lineId: string): Omit<GasTrace, 'massT' | 'co2eT' | 'gas' | 'studyGwp'> => {
    const d = gasDecision(pack.rules.gases, pack.constants, cat, g);
    if (d.outcome === 'counted') return { outcome: 'counted', gwp: ruleFig(d.gwp.value, d.gwp.unit, d.gwp.ref, d.gwp.uncertain) };
    return { outcome: d.outcome, reason: msg(d.messageKey, { line: lineId, gas: g, category: `$t:cbam:categories.${cat.id}` }), legalRef: d.ref };
  };

  dataset.inventory.forEach((l, i) => {
    const row = i + 1;
    const dr = dropReason(pack, l);
    if (dr) return drop(l, row, dr.reason, dr.legalRef);

    if (l.category === 'precursor-material') {
      const pc = l.precursor ? matchCn(pack, l.precursor.cnCode.slice(0, 8)) : undefined;
      if (!l.precursor) return drop(l, row, msg('cbamconvert:drop.materialNotPrecursor', { line: l.id }), pack.rules.refs.boundary);
      if (!pc) return drop(l, row, msg('cbamconvert:drop.materialNotCbamGood', { line: l.id, cn: printCn(l.precursor.cnCode.slice(0, 8)) }), pack.rules.refs.boundary);
      if (!cat.precursors.includes(pc.category))
        return drop(l, row, msg('cbamconvert:drop.notRelevantPrecursor', { line: l.id, cn: printCn(l.precursor.cnCode.slice(0, 8)), precursor: `$t:cbam:categories.${pc.category}`, category: `$t:cbam:categories.${cat.id}` }), pack.rules.refs.boundary);
      precLines.push({ l, row, cat: pc.category });
      return;
    }

    if (l.category === 'electricity') {
      if (dimensionOf(l.activity.unit as Unit) !== 'energy') {
        finding('error', msg('cbamconvert:errors.electricityUnit', { line: l.id, unit: l.activity.unit }), row, l.id);
        return;
      }
      elecLines.push({ l, row, mwh: convertUnit(l.activity.amount, l.activity.unit as Unit, 'MWh') });
      return;
    }

    if (l.category === 'purchased-heat-steam') {
      // imported measurable heat: Em_H,imp = Q × EF_heat, counted gases only (AR5)
      let co2e = 0;
      const tonnes = lineGasTonnes(l);
      for (const [g, t] of Object.entries(tonnes)) {
        const r = gasRule(g as Gas, l.id);
        if (r.outcome === 'counted') co2e += t! * r.gwp!.value;
      }
      const tj = dimensionOf(l.activity.unit as Unit) === 'energy' ? convertUnit(l.activity.amount, l.activity.unit as Unit, 'TJ') : NaN;
      if (!Number.isFinite(tj)) {
        finding('error', msg('cbamconvert:errors.heatUnit', { line: l.id, unit: l.activity.unit }), row, l.id);
        return;
      }
      heatImports.push({ l, tj, co2e });
      return;
    }

    if (!DIRECT_CATEGORIES.has(l.category) || l.location !== 'installation') {
      return drop(l, row, msg('cbamconvert:drop.outsideInstallation', { line: l.id }), pack.rules.refs.boundary);
    }

    // installation direct emissions, gas by gas
    const tonnes = lineGasTonnes(l);
    const gases: GasTrace[] = [];
    const lineSum = new ExactSum(EM_DP);
    for (const [g, t] of Object.entries(tonnes)) {
      const gas = g as Gas;
      const massT = round(t!, MASS_DP);
      const r = gasRule(gas, l.id);
      const sg = studyGwps[gas] ?? null;
      const co2eT = r.outcome === 'counted' ? round(massT * r.gwp!.value, EM_DP) : 0;
      gases.push({ gas, massT, ...r, co2eT, studyGwp: sg });
      if (r.outcome === 'counted') {
        lineSum.add(co2eT);
        if (gas === 'N2O') sums.n2o.add(co2eT);
        else if (gas === 'CF4' || gas === 'C2F6') sums.pfc.add(co2eT);
        else sums.co2.add(co2eT);
        if (gas !== 'CO2_fossil' && gas !== 'CO2e') {
          const prev = recharMap.get(gas);
          recharMap.set(gas, { massT: (prev?.massT ?? 0) + massT, studyGwp: sg, cbamGwp: r.gwp!.value });
        }
        if (gas === 'CO2e') finding('warning', msg('cbamconvert:warnings.co2eOnDirectLine', { line: l.id }), row, l.id);
      } else {
        droppedGases.push({ lineId: l.id, gas, massT, outcome: r.outcome as 'zero-rated' | 'dropped', reason: r.reason!, legalRef: r.legalRef! });
        if (gas === 'CO2_biogenic') sums.bio.add(round(massT, EM_DP));
      }
    }
    const co2e = lineSum.value;
    sums.total.add(co2e);
    const inst = l.installationId ?? dataset.installations[0]?.id ?? '-';
    (byInst.get(inst) ?? byInst.set(inst, new ExactSum(EM_DP)).get(inst)!).add(co2e);
    if (l.stage !== 'production') finding('info', msg('cbamconvert:warnings.installationLineNotProduction', { line: l.id, stage: `$t:core:stage.${l.stage}` }), row, l.id);
    direct.push({
      id: l.id, description: l.description, category: l.category, stage: l.stage, ...(l.installationId ? { installationId: l.installationId } : {}),
      gases, co2e: { value: co2e, unit: 'tCO2e', source: { kind: 'computed', formula: 'Σ m_gas × GWP_AR5' }, ...(gases.some((g) => g.gwp?.uncertain) ? { uncertain: true as const } : {}) },
    });
  });

  const directTotal = sums.total.value;
  const uncertainDirect = direct.some((d) => d.co2e.uncertain);

  // --- attribution corrections
  const corr: CorrectionResult[] = [];
  const c = options.corrections ?? {};
  const neg = (v: number | undefined, field: string) => {
    if (v !== undefined && (!Number.isFinite(v) || v < 0)) {
      finding('error', msg('cbamconvert:errors.negativeInput', { field, value: String(v) }));
      return true;
    }
    return false;
  };
  for (const hi of heatImports) {
    const tj = round(hi.tj, 9);
    corr.push({
      kind: 'heat-imported',
      amount: { value: tj, unit: 'TJ', source: { kind: 'dataset', lines: [hi.l.id] } },
      ef: computed(tj > 0 ? round(hi.co2e / tj, 6) : 0, 'tCO2/TJ', 'line emissions (CBAM gases, AR5) / heat'),
      effect: computed(round(hi.co2e, EM_DP), 'tCO2e', '+ Q_heat,imp × EF_heat'),
    });
  }
  const h = c.heat;
  if (h) {
    const bad = [neg(h.importedTJ, 'corrections.heat.importedTJ'), neg(h.importedEf, 'corrections.heat.importedEf'), neg(h.exportedTJ, 'corrections.heat.exportedTJ'), neg(h.exportedEf, 'corrections.heat.exportedEf')].some(Boolean);
    if (!bad) {
      if (h.importedTJ) {
        if (h.importedEf === undefined) finding('error', msg('cbamconvert:errors.heatEfMissing', { field: 'corrections.heat.importedEf' }));
        else corr.push({ kind: 'heat-imported', amount: { value: h.importedTJ, unit: 'TJ', source: { kind: 'user', field: 'corrections.heat.importedTJ' } }, ef: { value: h.importedEf, unit: 'tCO2/TJ', source: { kind: 'user', field: 'corrections.heat.importedEf' } }, effect: computed(round(h.importedTJ * h.importedEf, EM_DP), 'tCO2e', '+ Q_heat,imp × EF_heat') });
      }
      if (h.exportedTJ) {
        if (h.exportedEf === undefined) finding('error', msg('cbamconvert:errors.heatEfMissing', { field: 'corrections.heat.exportedEf' }));
        else corr.push({ kind: 'heat-exported', amount: { value: h.exportedTJ, unit: 'TJ', source: { kind: 'user', field: 'corrections.heat.exportedTJ' } }, ef: { value: h.exportedEf, unit: 'tCO2/TJ', source: { kind: 'user', field: 'corrections.heat.exportedEf' } }, effect: computed(-round(h.exportedTJ * h.exportedEf, EM_DP), 'tCO2e', '− Q_heat,exp × EF_heat') });
      }
    }
  }
  const wg = c.wasteGas;
  if (wg && ![neg(wg.importedTJ, 'corrections.wasteGas.importedTJ'), neg(wg.exportedTJ, 'corrections.wasteGas.exportedTJ')].some(Boolean)) {
    const efNg = pack.constants.naturalGasEf;
    const corrF = pack.constants.wasteGasExportCorrection;
    const ft = formulaTexts(pack.constants);
    if (wg.importedTJ)
      corr.push({ kind: 'waste-gas-imported', amount: { value: wg.importedTJ, unit: 'TJ', source: { kind: 'user', field: 'corrections.wasteGas.importedTJ' } }, ef: ruleFig(efNg.value, efNg.unit, packRef(efNg)), effect: computed(round(wasteGasImportTerm(wg.importedTJ, pack.constants), EM_DP), 'tCO2e', ft.wasteGasImport) });
    if (wg.exportedTJ)
      corr.push({ kind: 'waste-gas-exported', amount: { value: wg.exportedTJ, unit: 'TJ', source: { kind: 'user', field: 'corrections.wasteGas.exportedTJ' } }, ef: computed(round(efNg.value * corrF.value, 6), 'tCO2/TJ', `${ft.wasteGasExportEf} (${corrF.source.act})`), effect: computed(-round(wasteGasExportTerm(wg.exportedTJ, pack.constants), EM_DP), 'tCO2e', ft.wasteGasExport) });
  }
  const ee = c.electricityExported;
  if (ee && ![neg(ee.mwh, 'corrections.electricityExported.mwh'), neg(ee.ef, 'corrections.electricityExported.ef')].some(Boolean) && ee.mwh > 0)
    corr.push({ kind: 'electricity-exported', amount: { value: ee.mwh, unit: 'MWh', source: { kind: 'user', field: 'corrections.electricityExported.mwh' } }, ef: { value: ee.ef, unit: 'tCO2/MWh', source: { kind: 'user', field: 'corrections.electricityExported.ef' } }, effect: computed(-round(ee.mwh * ee.ef, EM_DP), 'tCO2e', '− E_el,exp × EF_el') });
  const corrTotal = new ExactSum(EM_DP);
  for (const x of corr) corrTotal.add(x.effect.value);
  const attributedDirect = new ExactSum(EM_DP).add(directTotal).add(corrTotal.value).value;
  if (attributedDirect < 0) finding('error', msg('cbamconvert:errors.negativeAttributed', { value: attributedDirect }));

  // --- electricity
  const indirectCounted = cat.indirectCounted.value;
  const explicitChoice = options.electricity?.choice;
  const choice: ElectricityChoice = explicitChoice ?? 'eu-default';
  const packChoices = electricityChoiceIds(pack.rules.electricity) as ElectricityChoice[];
  if (explicitChoice && !packChoices.includes(explicitChoice)) return fail('invalid', [msg('cbamconvert:errors.unknownChoice', { choice: String(explicitChoice), allowed: packChoices.join(', ') })]);
  for (const [k, v] of [['electricity.euDefaultEf', options.electricity?.euDefaultEf], ['electricity.actualEf', options.electricity?.actualEf]] as const) neg(v, k);
  const mwhTotal = new ExactSum(6);
  for (const e of elecLines) mwhTotal.add(round(e.mwh, 6));

  const resolveLines = (ch: ElectricityChoice, forComparison = false): { lines: ElectricityLineResult[]; total: number | null; status: ElectricityOption['status']; note: Message; ef: Fig | null; shownEf: Fig | null } => {
    const grid = gridCandidate(ch === 'actual-ppa' || ch === 'actual-direct-line' ? 'eu-default' : ch, pack, period, country, options, lib);
    const lines: ElectricityLineResult[] = [];
    const sum = new ExactSum(EM_DP);
    let missing = false;
    let status: ElectricityOption['status'] = grid.status;
    let note = grid.note;
    let ef: Fig | null = grid.status === 'available' ? grid.fig : null;
    if (ch === 'actual-ppa' || ch === 'actual-direct-line') {
      const kind = ch === 'actual-ppa' ? 'ppa' : 'direct-line';
      const docd = elecLines.filter((e) => documentedKind(e.l) === kind);
      status = docd.length ? 'available' : 'not-documented';
      note = msg(docd.length ? 'cbamconvert:electricity.actualAvailable' : 'cbamconvert:electricity.notDocumented', { kind: `$t:cbamconvert:electricity.kind.${kind}`, lines: docd.map((d) => d.l.id).join(', ') || '-' });
      ef = null;
    }
    for (const e of elecLines) {
      const mwh = round(e.mwh, 6);
      const doc = documentedKind(e.l);
      let lineEf: Fig | null = null;
      let efSource: ElectricityLineResult['efSource'] = null;
      if (doc) {
        const v = options.electricity?.actualEf ?? ownEf(e.l, mwh);
        if (v !== null) {
          lineEf = options.electricity?.actualEf !== undefined
            ? { value: v, unit: 'tCO2/MWh', source: { kind: 'user', field: 'electricity.actualEf' } }
            : { value: v, unit: 'tCO2/MWh', source: { kind: 'dataset', lines: [e.l.id], note: `evidence: ${e.l.electricity!.evidence}` } };
          efSource = doc === 'ppa' ? 'D.4.3.2' : 'D.4.3.1';
        }
      } else if (ch === 'actual-ppa' || ch === 'actual-direct-line') {
        lineEf = null;
      } else if (grid.status === 'available' || (forComparison && grid.status === 'not-allowed' && grid.fig)) {
        lineEf = grid.fig;
        efSource = grid.efSource;
      }
      const emissions = lineEf ? computed(round(mwh * lineEf.value, EM_DP), 'tCO2e', 'E_el,cons (MWh) × EF_el (tCO2/MWh)', !!lineEf.uncertain) : null;
      if (!emissions) missing = true;
      else sum.add(emissions.value);
      lines.push({ id: e.l.id, description: e.l.description, ...(e.l.installationId ? { installationId: e.l.installationId } : {}), mwh: { value: mwh, unit: 'MWh', source: { kind: 'dataset', lines: [e.l.id] } }, documented: doc, ef: lineEf, efSource, emissions });
    }
    if ((ch === 'actual-ppa' || ch === 'actual-direct-line') && status === 'available' && missing) status = 'not-documented';
    return { lines, total: missing ? null : sum.value, status, note, ef, shownEf: ef ?? grid.fig };
  };

  const perT = (v: number) => perTonne(v, productionT);
  const options_: ElectricityOption[] = [];
  const precursorAgg = { dir: null as number | null, ind: null as number | null };

  // --- precursors (needed for the option table too)
  const precResults: PrecursorLineResult[] = [];
  const pDir = new ExactSum(EM_DP);
  const pInd = new ExactSum(EM_DP);
  let precMissing = false;
  let defaultEmb = 0;
  for (const { l, row, cat: pcat } of precLines) {
    const pr = l.precursor!;
    const cn8 = pr.cnCode.slice(0, 8);
    if (dimensionOf(l.activity.unit as Unit) !== 'mass') {
      finding('error', msg('cbamconvert:errors.precursorMassUnit', { line: l.id, unit: l.activity.unit }), row, l.id);
      precMissing = true;
      continue;
    }
    const massT = round(convertUnit(l.activity.amount, l.activity.unit as Unit, 't'), 9);
    const base: PrecursorLineResult = {
      id: l.id, description: l.description, cn: printCn(cn8), category: pcat, ...(pr.countryOfProduction ? { country: pr.countryOfProduction } : {}),
      massT: { value: massT, unit: 't', source: { kind: 'dataset', lines: [l.id] } },
      basis: pr.embedded ? 'supplier' : 'default',
      seeDirect: null, seeIndirect: null, embeddedDirect: null, embeddedIndirect: null,
      ...(pr.supplier || pr.supplierInstallation ? { supplier: pr.supplierInstallation ?? pr.supplier } : {}),
    };
    if (!pr.countryOfProduction) {
      finding('error', msg('cbamconvert:errors.precursorNoCountry', { line: l.id, description: l.description, cn: printCn(cn8) }), row, l.id);
      precResults.push(base);
      precMissing = true;
      continue;
    }
    const exempt = pack.rules.precursorOriginExempt;
    const dv = defaultValuesOf(pack);
    if (exempt && exempt.countries.includes(pr.countryOfProduction)) {
      const zero: Fig = { value: 0, unit: 'tCO2e/t', source: { kind: 'rule', ref: exempt.legalRef } };
      base.seeDirect = zero;
      base.seeIndirect = zero;
      finding('info', msg('cbampacks:convert.precursorOriginExempt', { line: l.id, country: pr.countryOfProduction }), row, l.id);
    } else if (pr.embedded) {
      const src: FigSource = { kind: 'supplier', line: l.id, ...(pr.embedded.source ? { ref: pr.embedded.source } : {}), ...(pr.embedded.verified !== undefined ? { verified: pr.embedded.verified } : {}) };
      base.seeDirect = { value: pr.embedded.direct, unit: 'tCO2e/t', source: src };
      base.seeIndirect = { value: pr.embedded.indirect ?? 0, unit: 'tCO2e/t', source: src };
      if (pr.embedded.indirect === undefined && indirectCounted) finding('warning', msg('cbamconvert:warnings.supplierNoIndirect', { line: l.id }), row, l.id);
    } else if (!dv) {
      finding('error', msg(pack.kind === 'rate' ? 'cbampacks:convert.precursorNoDefaultsPublished' : 'cbamconvert:errors.precursorNoDefaultInPeriod', { line: l.id, period: period.label }), row, l.id);
      precResults.push(base);
      precMissing = true;
      continue;
    } else if (pr.countryOfProduction !== dv.country) {
      finding('error', msg('cbamconvert:errors.precursorDefaultCountry', { line: l.id, country: pr.countryOfProduction, have: dv.country }), row, l.id);
      precResults.push(base);
      precMissing = true;
      continue;
    } else {
      const dp = pack as DefinitivePack | RatePack;
      const { rows } = chinaDefaultRows(dp, cn8);
      const usable = rows.filter((r) => r.direct !== null);
      if (usable.length !== 1) {
        finding('error', msg(usable.length ? 'cbamconvert:errors.precursorDefaultVariants' : 'cbamconvert:errors.precursorNoDefault', { line: l.id, cn: printCn(cn8), count: usable.length }), row, l.id);
        precResults.push(base);
        precMissing = true;
        continue;
      }
      const r = usable[0]!;
      const mk = markupFor(dp, pcat, period.year);
      const f = 1 + (mk?.value ?? 0);
      const ref: LegalRef = { act: r.source.act, ...(r.source.annex ? { annex: r.source.annex } : {}), ...(r.source.table ? { table: r.source.table } : {}), note: `CN ${printCn(r.cn)}, ${dv.country}${mk ? `; × (1 + ${mk.value}) mark-up ${period.year}` : ''}`, confidence: dv.confidence };
      // the mark-up on precursor defaults used inside actual calculations is uncertain
      base.seeDirect = { value: round(r.direct! * f, SEE_DP), unit: 'tCO2e/t', source: { kind: 'rule', ref }, uncertain: true };
      base.seeIndirect = { value: round((r.indirect ?? 0) * f, SEE_DP), unit: 'tCO2e/t', source: { kind: 'rule', ref }, uncertain: true };
      if (mk) base.markup = ruleFig(mk.value, '1', packRef(mk), true);
      finding('info', msg('cbamconvert:warnings.precursorDefaultUsed', { line: l.id, cn: printCn(r.cn), value: base.seeDirect.value }), row, l.id);
    }
    base.embeddedDirect = computed(round(massT * base.seeDirect!.value, EM_DP), 'tCO2e', 'M_i × SEE_dir,i', !!base.seeDirect!.uncertain);
    base.embeddedIndirect = computed(round(massT * base.seeIndirect!.value, EM_DP), 'tCO2e', 'M_i × SEE_ind,i', !!base.seeIndirect!.uncertain);
    pDir.add(base.embeddedDirect.value);
    pInd.add(base.embeddedIndirect.value);
    if (base.basis === 'default') defaultEmb += base.embeddedDirect.value + (indirectCounted ? base.embeddedIndirect.value : 0);
    precResults.push(base);
  }
  if (!precMissing) {
    precursorAgg.dir = pDir.value;
    precursorAgg.ind = pInd.value;
  }
  const precUncertain = precResults.some((p) => p.seeDirect?.uncertain);

  const seeDirectVal = precursorAgg.dir === null ? null : perT(new ExactSum(EM_DP).add(attributedDirect).add(precursorAgg.dir).value);

  for (const ch of packChoices) {
    const r = resolveLines(ch, true);
    const ind = r.total === null || precursorAgg.ind === null ? null : new ExactSum(EM_DP).add(r.total).add(precursorAgg.ind).value;
    const seeInd = ind === null ? null : perT(ind);
    const seeTot = seeDirectVal === null || seeInd === null ? null : round(seeDirectVal + (indirectCounted ? seeInd : 0), SEE_DP);
    options_.push({
      choice: ch,
      status: elecLines.length === 0 ? 'not-applicable' : r.status,
      ef: r.shownEf,
      indirect: r.total === null ? null : computed(r.total, 'tCO2e', 'Σ E_el,cons × EF_el'),
      seeIndirect: seeInd === null ? null : computed(seeInd, 'tCO2e/t', '(AttrEm_ind + Σ M_i × SEE_ind,i) / AL'),
      seeTotal: seeTot === null ? null : computed(seeTot, 'tCO2e/t', indirectCounted ? 'SEE_dir + SEE_ind' : 'SEE_dir (indirect not counted)'),
      note: elecLines.length === 0 ? msg('cbamconvert:electricity.noLines') : r.note,
    });
  }
  const chosen = resolveLines(choice);
  const chosenOpt = options_.find((o) => o.choice === choice)!;
  if (elecLines.length) {
    if (chosen.total === null) {
      const m = msg(chosenOpt.status === 'not-allowed' ? 'cbamconvert:errors.choiceNotAllowed' : indirectCounted ? 'cbamconvert:errors.efMissing' : 'cbamconvert:warnings.efMissingNotCounted', {
        choice: `$t:cbamconvert:electricity.choice.${choice}`,
        alternatives: options_.filter((o) => o.status === 'available').map((o) => o.choice).join(', ') || '-',
      });
      finding(indirectCounted ? 'error' : 'warning', m);
    } else if (explicitChoice && chosenOpt.status === 'not-allowed') finding('error', msg('cbamconvert:errors.choiceNotAllowed', { choice: `$t:cbamconvert:electricity.choice.${choice}`, alternatives: '-' }));
    for (const e of elecLines) {
      if (e.l.electricity?.source === 'green-certificate') finding('warning', msg('cbamconvert:warnings.greenCertificate', { line: e.l.id }), e.row, e.l.id);
      if (e.l.electricity?.source === 'onsite-generation') finding('warning', msg('cbamconvert:warnings.onsiteGeneration', { line: e.l.id }), e.row, e.l.id);
      if ((e.l.electricity?.source === 'ppa' || e.l.electricity?.source === 'direct-line') && !documentedKind(e.l)) finding('warning', msg('cbamconvert:warnings.ppaNoEvidence', { line: e.l.id }), e.row, e.l.id);
      if (e.l.location !== 'installation') finding('info', msg('cbamconvert:warnings.electricityLocation', { line: e.l.id }), e.row, e.l.id);
    }
  }
  if (!indirectCounted && elecLines.length) finding('info', msg('cbamconvert:warnings.indirectNotCounted', { category: `$t:cbam:categories.${cat.id}`, period: period.label }));

  // --- SEE
  const indirectAttr = chosen.total;
  const indTotal = indirectAttr === null || precursorAgg.ind === null ? (elecLines.length === 0 && precursorAgg.ind !== null ? precursorAgg.ind : null) : new ExactSum(EM_DP).add(indirectAttr).add(precursorAgg.ind).value;
  const seeInd = indTotal === null ? null : perT(indTotal);
  const seeDir = seeDirectVal;
  const seeTot = seeDir === null || seeInd === null ? null : round(seeDir + seeInd, SEE_DP);
  const countedValue = indirectCounted ? seeTot : seeDir;
  const uncertainSee = uncertainDirect || precUncertain;
  const seeFig = (v: number | null, formula: string, unc: boolean): Fig | null => (v === null ? null : computed(v, 'tCO2e/t', formula, unc));
  const see: CbamConversion['see'] = {
    direct: seeFig(seeDir, '(AttrEm_dir + Σ M_i × SEE_dir,i) / AL', uncertainSee),
    indirect: seeFig(seeInd, '(E_el × EF_el + Σ M_i × SEE_ind,i) / AL', precUncertain || !!chosen.ef?.uncertain),
    total: seeFig(seeTot, 'SEE_dir + SEE_ind', uncertainSee),
    counted: indirectCounted ? 'total' : 'direct',
    countedValue: seeFig(countedValue, indirectCounted ? 'SEE_dir + SEE_ind' : 'SEE_dir', uncertainSee),
    shareDefault: null,
  };
  if (countedValue !== null && countedValue > 0) see.shareDefault = round(defaultEmb / productionT / countedValue, 4);

  // --- allocation and other study-level findings
  if (dataset.study.allocation.method !== 'none') finding('warning', msg('cbamconvert:warnings.allocation', { method: dataset.study.allocation.method }), undefined);
  if (dataset.study.gwpSet !== 'AR5' && recharMap.size) finding('info', msg('cbamconvert:warnings.recharacterised', { from: dataset.study.gwpSet }));
  if (!direct.length) finding('warning', msg('cbamconvert:warnings.noDirectLines'));
  if (dataset.installations.length > 1) finding('info', msg('cbamconvert:warnings.severalInstallations', { count: dataset.installations.length }));

  const route = inferRoute(cat, direct, options.route);
  if (route.error) return fail('invalid', [route.error]);
  if (route.inferred && cat.routes.length > 1) finding('info', msg('cbamconvert:warnings.routeInferred', { route: `$t:cbam:routes.${route.id}` }));

  const recharacterisation = [...recharMap].map(([gas, v]) => ({
    gas, massT: round(v.massT, MASS_DP), studyGwp: v.studyGwp, cbamGwp: v.cbamGwp,
    studyCo2e: v.studyGwp === null ? null : round(v.massT * v.studyGwp, EM_DP), cbamCo2e: round(v.massT * v.cbamGwp, EM_DP),
  }));

  const start = Date.parse(`${dataset.period.start}T00:00:00Z`);
  const end = Date.parse(`${dataset.period.end}T00:00:00Z`);
  const verifier = verifierItems(pack.rules.verifier, {
    periodKind: pack.kind,
    installationIds: dataset.installations.map((x) => x.id),
    directLines: direct.map((d) => ({
      id: d.id, category: d.category, stage: d.stage,
      hasPfc: d.gases.some((g) => (g.gas === 'CF4' || g.gas === 'C2F6') && g.outcome === 'counted'),
      hasN2O: d.gases.some((g) => g.gas === 'N2O' && g.outcome === 'counted'),
      biogenic: d.gases.some((g) => g.outcome === 'zero-rated'),
      onlyCo2e: d.gases.some((g) => g.gas === 'CO2e'),
    })),
    electricityLines: elecLines.map((e) => ({ id: e.l.id, documented: documentedKind(e.l), greenCertificate: e.l.electricity?.source === 'green-certificate' })),
    electricityCounted: indirectCounted,
    efChoice: choice,
    precursors: precResults.map((p) => ({ id: p.id, basis: p.basis, ...(p.seeDirect?.source.kind === 'supplier' && p.seeDirect.source.verified !== undefined ? { verified: p.seeDirect.source.verified } : {}) })),
    corrections: { heat: corr.some((x) => x.kind.startsWith('heat')), wasteGas: corr.some((x) => x.kind.startsWith('waste')), electricityExported: corr.some((x) => x.kind === 'electricity-exported') },
    allocation: dataset.study.allocation.method,
    pcfVerified: !!dataset.study.verifier,
    basis,
    periodDays: Math.round((end - start) / 86400000) + 1,
  });

  const fig = (value: number, formula: string, unc = false): Fig => computed(value, 'tCO2e', formula, unc);
  const complete = !findings.some((f) => f.severity === 'error') && countedValue !== null;
  const tName = templateRouteName(cat, route.id);
  return {
    ok: true,
    status: 'converted',
    complete,
    pack: { id: pack.id, version: pack.version, kind: pack.kind, status: pack.status, scheme: pack.scheme, jurisdiction: pack.jurisdiction },
    period,
    dataset: { ...(dataset.id ? { id: dataset.id } : {}), ...(dataset.title ? { title: dataset.title } : {}), product: dataset.product.name, period: dataset.period, gwpSet: dataset.study.gwpSet, basis },
    good: {
      cn: n.cn.digits,
      printed: n.cn.printed,
      category: screen.category,
      gases: cat.gases,
      indirectCounted: { value: indirectCounted, source: { act: cat.indirectCounted.source.act, ...(cat.indirectCounted.source.annex ? { annex: cat.indirectCounted.source.annex } : {}), ...(cat.indirectCounted.source.note ? { note: cat.indirectCounted.source.note } : {}), confidence: cat.indirectCounted.confidence }, ...(cat.indirectCounted.uncertain ? { uncertain: true as const } : {}) },
      precursorCategories: cat.precursors,
    },
    process: {
      id: 'P1',
      categoryId: cat.id,
      route: { id: route.id, ...(tName ? { templateName: tName } : {}), inferred: route.inferred },
      installationIds: dataset.installations.map((x) => x.id),
      production: productionFig,
      directByInstallation: [...byInst].map(([installationId, s]) => ({ installationId, co2e: fig(s.value, 'Σ DirEm_line') })),
    },
    production: productionFig,
    direct: {
      lines: direct,
      total: fig(directTotal, 'DirEm* = Σ m_gas × GWP_AR5', uncertainDirect),
      byGas: { co2: fig(sums.co2.value, 'Σ CO2_fossil'), n2o: fig(sums.n2o.value, formulaTexts(pack.constants).n2o), pfc: fig(sums.pfc.value, formulaTexts(pack.constants).pfc) },
      biogenicZeroRated: { value: sums.bio.value, unit: 'tCO2', source: { kind: 'rule', ref: pack.rules.refs.biomass } },
    },
    corrections: { items: corr, total: fig(corrTotal.value, 'Σ Corr') },
    attributedDirect: fig(attributedDirect, 'DirEm* + Em_H,imp − Em_H,exp + WG_imp − WG_exp − Em_el,exp', uncertainDirect),
    electricity: {
      lines: chosen.lines,
      mwh: { value: mwhTotal.value, unit: 'MWh', source: { kind: 'dataset', lines: elecLines.map((e) => e.l.id) } },
      mwhPerTonne: computed(round(mwhTotal.value / productionT, SEE_DP), 'MWh/t', 'E_el,cons / AL'),
      counted: indirectCounted,
      choice,
      ef: chosen.ef,
      indirect: chosen.total === null ? null : fig(chosen.total, 'AttrEm_ind = Σ E_el,cons × EF_el'),
      options: options_,
    },
    precursors: {
      lines: precResults,
      embeddedDirect: precursorAgg.dir === null ? null : fig(precursorAgg.dir, 'Σ M_i × SEE_dir,i', precUncertain),
      embeddedIndirect: precursorAgg.ind === null ? null : fig(precursorAgg.ind, 'Σ M_i × SEE_ind,i', precUncertain),
    },
    see,
    recharacterisation,
    dropped,
    droppedGases,
    verifier,
    findings,
  };
}

export { toDocsModel, type DocsModelOptions } from './docs-model';

/**
 * The CBAM figure on the footprint's own scale, for `carbonbridge compare` and the UI comparison: embedded emissions that
 * count for the good, in kg CO2e per functional unit (SEE × functional unit in t × 1000), next to what the PCF reported.
 * Null where the SEE that counts is incomplete.
 */
export function cbamPerFunctionalUnit(result: CbamConversion, dataset: Dataset): { kgCo2ePerFu: number | null; direct: number | null; indirect: number | null; counted: 'direct' | 'total'; droppedLines: number; functionalUnit: { amount: number; unit: string } } {
  const fu = dataset.product.functionalUnit;
  const fuT = convertUnit(fu.amount, fu.unit as Unit, 't');
  const k = (f: Fig | null) => (f === null ? null : round(f.value * fuT * 1000, EM_DP));
  return {
    kgCo2ePerFu: k(result.see.countedValue),
    direct: k(result.see.direct),
    indirect: k(result.see.indirect),
    counted: result.see.counted,
    droppedLines: result.dropped.length,
    functionalUnit: { amount: fu.amount, unit: fu.unit },
  };
}

/** The inventory categories, re-exported for the UI's legend. */
export const INVENTORY_CATEGORIES = CATEGORIES;

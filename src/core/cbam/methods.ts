/**
 * CBAM monitoring and attribution formulas (IR (EU) 2023/1773 Annex III, same logic in IR (EU) 2025/2547), as implemented
 * by the Commission's communication template v2.1.1. Inputs are plain numbers in the units named on each field; every
 * result is rounded once to 6 decimals (no float tails). Constants (GWPs, 56.1, 0.667, 3.664) come from the rule pack.
 */
import type { Message } from '../i18n/message';
import { round } from '../num';
import type { Constants } from './pack-schema';
import { definitivePack } from './packs';
import { specificEmbedded, wasteGasExportTerm, wasteGasImportTerm } from './kernel';

export const DP = 6;
const r = (x: number) => round(x, DP);

/** Invalid input to a formula; `detail` is the translatable message naming the field. */
export class CbamInputError extends Error {
  constructor(public readonly detail: Message) {
    super(`${detail.key} ${JSON.stringify(detail.params ?? {})}`);
    this.name = 'CbamInputError';
  }
}

interface Bounds {
  min?: number;
  max?: number;
  positive?: boolean;
}
function check(field: string, v: unknown, b: Bounds = {}): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new CbamInputError({ key: 'cbam:errors.notANumber', params: { field } });
  if (b.positive && !(v > 0)) throw new CbamInputError({ key: 'cbam:errors.mustBePositive', params: { field, value: v } });
  if (b.min !== undefined && v < b.min) throw new CbamInputError({ key: 'cbam:errors.belowMin', params: { field, value: v, min: b.min } });
  if (b.max !== undefined && v > b.max) throw new CbamInputError({ key: 'cbam:errors.aboveMax', params: { field, value: v, max: b.max } });
  return v;
}
const share = (field: string, v: unknown) => check(field, v, { min: 0, max: 1 });

export const packConstants = (): Constants => definitivePack().constants;

// ---------------------------------------------------------------- source streams (calculation-based)

export interface CombustionInput {
  /** activity data, t or 1000 Nm3 */
  ad: number;
  /** net calorific value, GJ/t or GJ/1000 Nm3 */
  ncv: number;
  /** emission factor, tCO2/TJ */
  ef: number;
  /** oxidation factor, 0..1 (default 1) */
  oxidationFactor?: number;
  /** biomass share of the carbon, 0..1 (default 0) */
  biomassShare?: number;
}
/** Em = AD × NCV × EF × OxF × (1 − BioC); energy TJ = AD × NCV / 1000. */
export function combustion(i: CombustionInput) {
  const ad = check('ad', i.ad, { min: 0 });
  const ncv = check('ncv', i.ncv, { min: 0 });
  const ef = check('ef', i.ef, { min: 0 });
  const ox = share('oxidationFactor', i.oxidationFactor ?? 1);
  const bio = share('biomassShare', i.biomassShare ?? 0);
  const energyTJ = (ad * ncv) / 1000;
  const gross = energyTJ * ef * ox;
  return { energyTJ: r(energyTJ), fossil: r(gross * (1 - bio)), biogenic: r(gross * bio), unit: 'tCO2' as const };
}

export interface ProcessInput {
  /** activity data, t */
  ad: number;
  /** emission factor, tCO2/t */
  ef: number;
  /** conversion factor, 0..1 (default 1) */
  conversionFactor?: number;
  biomassShare?: number;
}
/** Em = AD × EF × ConvF (× (1 − biomass share)). */
export function processEmissions(i: ProcessInput) {
  const ad = check('ad', i.ad, { min: 0 });
  const ef = check('ef', i.ef, { min: 0 });
  const cf = share('conversionFactor', i.conversionFactor ?? 1);
  const bio = share('biomassShare', i.biomassShare ?? 0);
  const gross = ad * ef * cf;
  return { fossil: r(gross * (1 - bio)), biogenic: r(gross * bio), unit: 'tCO2' as const };
}

export interface MassBalanceStream {
  /** t; inputs positive, outputs (products, slag, dust) negative */
  ad: number;
  /** carbon content, tC/t */
  carbonContent: number;
  biomassShare?: number;
}
/** Em = 3.664 × Σ AD_i × C_i (inputs positive, outputs negative). */
export function massBalance(streams: MassBalanceStream[], constants: Constants = packConstants()) {
  if (!Array.isArray(streams) || streams.length === 0) throw new CbamInputError({ key: 'cbam:errors.noStreams' });
  const f = constants.carbonToCo2.value;
  const lines = streams.map((s, i) => {
    const ad = check(`streams.${i}.ad`, s.ad);
    const c = check(`streams.${i}.carbonContent`, s.carbonContent, { min: 0, max: 1 });
    const bio = share(`streams.${i}.biomassShare`, s.biomassShare ?? 0);
    return { fossil: ad * c * f * (1 - bio), biogenic: ad * c * f * bio };
  });
  return {
    fossil: r(lines.reduce((a, l) => a + l.fossil, 0)),
    biogenic: r(lines.reduce((a, l) => a + l.biogenic, 0)),
    lines: lines.map((l) => ({ fossil: r(l.fossil), biogenic: r(l.biogenic) })),
    factor: constants.carbonToCo2,
    unit: 'tCO2' as const,
  };
}

// ---------------------------------------------------------------- PFC (aluminium)

interface PfcCommon {
  /** primary aluminium produced, t */
  alProduced: number;
  /** t C2F6 per t CF4 */
  fC2F6: number;
  /** collection efficiency, 0..1: total emissions = captured / efficiency */
  collectionEfficiency: number;
}
function pfcResult(cf4: number, fC2F6: number, ce: number, constants: Constants) {
  const c2f6 = cf4 * fC2F6;
  const gCf4 = constants.gwp.CF4.value;
  const gC2f6 = constants.gwp.C2F6.value;
  const co2eCf4 = cf4 * gCf4;
  const co2eC2F6 = c2f6 * gC2f6;
  return {
    cf4: r(cf4),
    c2f6: r(c2f6),
    co2eCf4: r(co2eCf4),
    co2eC2F6: r(co2eC2F6),
    total: r((co2eCf4 + co2eC2F6) / ce),
    gwp: { CF4: constants.gwp.CF4, C2F6: constants.gwp.C2F6 },
    unit: 'tCO2e' as const,
  };
}
export interface PfcSlopeInput extends PfcCommon {
  /** anode effect frequency, AE/cell-day */
  aef: number;
  /** anode effect duration, AE-min/occurrence */
  aed: number;
  /** slope emission factor, (kg CF4/t Al)/(AE-min/cell-day) */
  sefCf4: number;
}
/** Slope method: CF4 (t) = AD × AEF × AED × SEF_CF4 / 1000; C2F6 = CF4 × F_C2F6; tCO2e = (CF4×GWP + C2F6×GWP) / collection eff. */
export function pfcSlope(i: PfcSlopeInput, constants: Constants = packConstants()) {
  const ad = check('alProduced', i.alProduced, { min: 0 });
  const cf4 = (ad * check('aef', i.aef, { min: 0 }) * check('aed', i.aed, { min: 0 }) * check('sefCf4', i.sefCf4, { min: 0 })) / 1000;
  const ce = check('collectionEfficiency', i.collectionEfficiency, { positive: true, max: 1 });
  return pfcResult(cf4, check('fC2F6', i.fC2F6, { min: 0 }), ce, constants);
}
export interface PfcOvervoltageInput extends PfcCommon {
  /** overvoltage coefficient, (kg CF4/t Al)/mV */
  ovc: number;
  /** anode effect overvoltage per cell, mV */
  aeo: number;
  /** current efficiency of aluminium production, 0..1 */
  currentEfficiency: number;
}
/** Overvoltage method: CF4 (t) = AD × OVC × AEO / CE / 1000. */
export function pfcOvervoltage(i: PfcOvervoltageInput, constants: Constants = packConstants()) {
  const ad = check('alProduced', i.alProduced, { min: 0 });
  const ceff = check('currentEfficiency', i.currentEfficiency, { positive: true, max: 1 });
  const cf4 = (ad * check('ovc', i.ovc, { min: 0 }) * check('aeo', i.aeo, { min: 0 })) / ceff / 1000;
  const ce = check('collectionEfficiency', i.collectionEfficiency, { positive: true, max: 1 });
  return pfcResult(cf4, check('fC2F6', i.fC2F6, { min: 0 }), ce, constants);
}

// ---------------------------------------------------------------- continuous measurement (CEMS)

export interface CemsInput {
  gas: 'CO2' | 'N2O';
  /** average hourly concentration, g/Nm3 */
  concentration: number;
  /** operating hours in the period, h */
  hours: number;
  /** flue gas flow, 1000 Nm3/h */
  flow: number;
  /** biomass share (CO2 only), 0..1 */
  biomassShare?: number;
}
/** Mass (t) = conc × hours × flow × 1000 × 1e-6; N2O × GWP 265; CO2 split into fossil and biogenic. */
export function cems(i: CemsInput, constants: Constants = packConstants()) {
  if (i.gas !== 'CO2' && i.gas !== 'N2O') throw new CbamInputError({ key: 'cbam:errors.cemsGas', params: { gas: String(i.gas) } });
  const mass = (check('concentration', i.concentration, { min: 0 }) * check('hours', i.hours, { min: 0 }) * check('flow', i.flow, { min: 0 }) * 1000) / 1e6;
  if (i.gas === 'N2O') {
    const gwp = constants.gwp.N2O;
    return { gas: 'N2O' as const, mass: r(mass), co2e: r(mass * gwp.value), fossil: r(mass * gwp.value), biogenic: 0, gwp, unit: 'tCO2e' as const };
  }
  const bio = share('biomassShare', i.biomassShare ?? 0);
  return { gas: 'CO2' as const, mass: r(mass), co2e: r(mass * (1 - bio)), fossil: r(mass * (1 - bio)), biogenic: r(mass * bio), unit: 'tCO2e' as const };
}

// ---------------------------------------------------------------- attribution corrections

/** EF_heat (tCO2/TJ) = EF_fuel / boiler efficiency (unknown production: 0.9 from the pack). */
export function heatEmissionFactor(fuelEf: number, efficiency?: number, constants: Constants = packConstants()) {
  const eff = efficiency === undefined ? constants.unknownHeatEfficiency.value : check('efficiency', efficiency, { positive: true, max: 1 });
  return { value: r(check('fuelEf', fuelEf, { min: 0 }) / eff), efficiency: eff, assumedEfficiency: efficiency === undefined, unit: 'tCO2/TJ' as const };
}

/** Em_H = Q (TJ) × EF_heat (tCO2/TJ), for imported or exported measurable heat. */
export function measurableHeat(tj: number, ef: number) {
  return { value: r(check('heatTJ', tj, { min: 0 }) * check('heatEf', ef, { min: 0 })), unit: 'tCO2' as const };
}

/** WG_corr,imp = V (TJ) × 56.1 */
export function wasteGasImportCorrection(tj: number, constants: Constants = packConstants()) {
  return { value: r(wasteGasImportTerm(check('wasteGasImportTJ', tj, { min: 0 }), constants)), ef: constants.naturalGasEf, unit: 'tCO2' as const };
}
/** WG_corr,exp = V (TJ) × 56.1 × 0.667 */
export function wasteGasExportCorrection(tj: number, constants: Constants = packConstants()) {
  const v = wasteGasExportTerm(check('wasteGasExportTJ', tj, { min: 0 }), constants);
  return { value: r(v), ef: constants.naturalGasEf, correction: constants.wasteGasExportCorrection, unit: 'tCO2' as const };
}
/** Em_el,exp = E (MWh) × EF (tCO2/MWh) */
export function exportedElectricity(mwh: number, ef: number) {
  return { value: r(check('electricityExportMWh', mwh, { min: 0 }) * check('electricityExportEf', ef, { min: 0 })), unit: 'tCO2' as const };
}

export interface AttributedDirectInput {
  /** DirEm*: directly attributable emissions of the production process, tCO2e */
  dirEm: number;
  heatImport?: { tj: number; ef: number };
  heatExport?: { tj: number; ef: number };
  wasteGasImportTJ?: number;
  wasteGasExportTJ?: number;
  electricityExport?: { mwh: number; ef: number };
}
/** AttrEm_dir = DirEm* + Em_H,imp − Em_H,exp + WG_corr,imp − WG_corr,exp − Em_el,exp */
export function attributedDirect(i: AttributedDirectInput, constants: Constants = packConstants()) {
  const dirEm = check('dirEm', i.dirEm);
  const heatImp = i.heatImport ? measurableHeat(i.heatImport.tj, i.heatImport.ef).value : 0;
  const heatExp = i.heatExport ? measurableHeat(i.heatExport.tj, i.heatExport.ef).value : 0;
  const wgImp = i.wasteGasImportTJ !== undefined ? wasteGasImportCorrection(i.wasteGasImportTJ, constants).value : 0;
  const wgExp = i.wasteGasExportTJ !== undefined ? wasteGasExportCorrection(i.wasteGasExportTJ, constants).value : 0;
  const elExp = i.electricityExport ? exportedElectricity(i.electricityExport.mwh, i.electricityExport.ef).value : 0;
  return {
    value: r(dirEm + heatImp - heatExp + wgImp - wgExp - elExp),
    components: { dirEm: r(dirEm), heatImport: heatImp, heatExport: heatExp, wasteGasImport: wgImp, wasteGasExport: wgExp, electricityExport: elExp },
    unit: 'tCO2e' as const,
  };
}

/** AttrEm_indir = E_el,cons (MWh) × EF_el (tCO2/MWh) */
export function attributedIndirect(electricityMWh: number, ef: number) {
  return { value: r(check('electricityMWh', electricityMWh, { min: 0 }) * check('electricityEf', ef, { min: 0 })), unit: 'tCO2' as const };
}

export interface PrecursorInput {
  /** mass of the precursor consumed in the production process, t */
  mass: number;
  /** its specific embedded emissions, tCO2e/t (supplier actual value, else default) */
  seeDirect: number;
  seeIndirect?: number;
}
export interface SeeInput {
  /** activity level: goods produced by the process in the period, t (MWh for electricity) */
  activityLevel: number;
  attributedDirect: number;
  attributedIndirect?: number;
  precursors?: PrecursorInput[];
}
/**
 * Simple goods: SEE = AttrEm / AL. Complex goods: SEE = (AttrEm + Σ M_i × SEE_i) / AL, separately for direct and indirect.
 */
export function specificEmbeddedEmissions(i: SeeInput) {
  const al = check('activityLevel', i.activityLevel, { positive: true });
  const ad = check('attributedDirect', i.attributedDirect);
  const ai = check('attributedIndirect', i.attributedIndirect ?? 0, { min: 0 });
  let eeDir = 0;
  let eeInd = 0;
  (i.precursors ?? []).forEach((p, k) => {
    const m = check(`precursors.${k}.mass`, p.mass, { min: 0 });
    eeDir += m * check(`precursors.${k}.seeDirect`, p.seeDirect, { min: 0 });
    eeInd += m * check(`precursors.${k}.seeIndirect`, p.seeIndirect ?? 0, { min: 0 });
  });
  const k = specificEmbedded({ activityLevel: al, attributedDirect: ad, attributedIndirect: ai, precursorsDirect: eeDir, precursorsIndirect: eeInd });
  return {
    direct: k.direct,
    indirect: k.indirect,
    total: k.total,
    embeddedInPrecursorsDirect: r(eeDir),
    embeddedInPrecursorsIndirect: r(eeInd),
    complex: (i.precursors ?? []).length > 0,
    unit: 'tCO2e/t' as const,
  };
}

/** Embedded emissions of an import line: mass × SEE (direct; indirect only where it counts for the good in the period). */
export function importEmbeddedEmissions(mass: number, seeDirect: number, seeIndirect: number, indirectCounted: boolean) {
  const m = check('mass', mass, { min: 0 });
  const d = m * check('seeDirect', seeDirect, { min: 0 });
  const ind = m * check('seeIndirect', seeIndirect, { min: 0 });
  return {
    direct: r(d),
    indirect: r(ind),
    total: r(d + ind),
    counted: r(indirectCounted ? d + ind : d),
    indirectCounted,
    unit: 'tCO2e' as const,
  };
}

/**
 * The one formula kernel of border-adjustment embedded emissions: attribution corrections and specific embedded
 * emissions (SEE). Conversion, the activity calculator and every document (template verification, statements,
 * QReport) call these functions; the constants (natural-gas factor, waste-gas export correction, GWPs) and the
 * formula texts come from the rule pack.
 *
 * One rounding convention: emissions in tCO2e to EM_DP decimals, SEE in tCO2e/t to SEE_DP decimals (QReport
 * dec16-7), gas masses to MASS_DP decimals. Intermediate sums are not rounded; each result is rounded once.
 */
import { round } from '../num';
import type { Constants } from './pack-schema';

export const EM_DP = 6; // tCO2e
export const SEE_DP = 7; // tCO2e/t (QReport dec16-7)
export const MASS_DP = 9; // t of gas

export const roundEm = (x: number): number => round(x, EM_DP);
export const roundSee = (x: number): number => round(x, SEE_DP);

/** The attribution terms of a production process, all in tCO2e (or TJ for waste gases, converted with the pack). */
export interface AttributionTerms {
  dirEm: number;
  heatImport?: number;
  heatExport?: number;
  wasteGasImportTJ?: number;
  wasteGasExportTJ?: number;
  electricityExport?: number;
}

/** WG_corr,imp = V (TJ) × EF_NG (pack constant), unrounded. */
export const wasteGasImportTerm = (tj: number, c: Constants): number => tj * c.naturalGasEf.value;
/** WG_corr,exp = V (TJ) × EF_NG × correction (pack constants), unrounded. */
export const wasteGasExportTerm = (tj: number, c: Constants): number => tj * c.naturalGasEf.value * c.wasteGasExportCorrection.value;

/** AttrEm_dir = DirEm* + Em_H,imp − Em_H,exp + WG_corr,imp − WG_corr,exp − Em_el,exp (unrounded). */
export function attributedDirectRaw(t: AttributionTerms, c: Constants): number {
  const wgImp = t.wasteGasImportTJ ? wasteGasImportTerm(t.wasteGasImportTJ, c) : 0;
  const wgExp = t.wasteGasExportTJ ? wasteGasExportTerm(t.wasteGasExportTJ, c) : 0;
  return t.dirEm + (t.heatImport ?? 0) - (t.heatExport ?? 0) + wgImp - wgExp - (t.electricityExport ?? 0);
}

export interface SeeTerms {
  /** activity level AL, t (MWh for electricity) */
  activityLevel: number;
  attributedDirect: number;
  attributedIndirect: number;
  /** Σ M_i × SEE_dir,i and Σ M_i × SEE_ind,i of the precursors */
  precursorsDirect: number;
  precursorsIndirect: number;
}

/** SEE_dir = (AttrEm_dir + Σ M_i·SEE_dir,i) / AL; SEE_ind = (AttrEm_ind + Σ M_i·SEE_ind,i) / AL; each rounded once. */
export function specificEmbedded(t: SeeTerms): { direct: number; indirect: number; total: number } {
  const direct = (t.attributedDirect + t.precursorsDirect) / t.activityLevel;
  const indirect = (t.attributedIndirect + t.precursorsIndirect) / t.activityLevel;
  return { direct: roundSee(direct), indirect: roundSee(indirect), total: roundSee(direct + indirect) };
}

/** Per-tonne figure of an emission total (tCO2e → tCO2e/t), rounded with the SEE convention. */
export const perTonne = (emissions: number, activityLevel: number): number => roundSee(emissions / activityLevel);

/** Formula texts with the pack's constants written in (never copied into code). */
export function formulaTexts(c: Constants) {
  return {
    n2o: `Σ N2O × ${c.gwp.N2O.value}`,
    pfc: `Σ CF4 × ${c.gwp.CF4.value} + C2F6 × ${c.gwp.C2F6.value}`,
    wasteGasImport: '+ V_WG,imp × EF_NG',
    wasteGasExport: `− V_WG,exp × EF_NG × ${c.wasteGasExportCorrection.value}`,
    wasteGasExportEf: `EF_NG ${c.naturalGasEf.value} × ${c.wasteGasExportCorrection.value}`,
    attributedDirect: `AttrEm_dir = DirEm* + Q_heat,imp·EF_imp − Q_heat,exp·EF_exp + WG_imp·${c.naturalGasEf.value} − WG_exp·${c.naturalGasEf.value}·${c.wasteGasExportCorrection.value} − E_el,exp·EF_el,exp`,
  };
}

/**
 * Stage 7 — specific embedded emissions through the formula kernel (../kernel.ts): SEE_dir = (AttrEm_dir + Σ M_i ×
 * SEE_dir,i) / AL and SEE_ind = (AttrEm_ind + Σ M_i × SEE_ind,i) / AL, each rounded once (kernel convention), the total,
 * the figure that counts for the good in the period (direct only, or direct + indirect), and the share of emissions
 * by default value as the Commission's communication template defines it: the share of the direct embedded emissions
 * (AttrEm_dir + Σ M_i × SEE_dir,i) that comes from purchased precursors determined by default values.
 */
import { ExactSum, round } from '../../num';
import { computedFig, type Fig } from '../../figure';
import { EM_DP, perTonne, roundSee } from '../kernel';
import type { CbamConversion } from './types';

export interface SeeInput {
  /** activity level AL, t */
  activityLevel: number;
  attributedDirect: number;
  /** AttrEm_ind (electricity of the chosen factor), null when its factor is missing */
  attributedIndirect: number | null;
  /** whether the installation has electricity lines (without any, AttrEm_ind is not missing but nil) */
  hasElectricity: boolean;
  precursorsDirect: number | null;
  precursorsIndirect: number | null;
  /** direct embedded emissions of precursors determined by default values, tCO2e */
  defaultDirect: number;
  indirectCounted: boolean;
  uncertainDirect: boolean;
  uncertainPrecursors: boolean;
  uncertainEf: boolean;
}

/** SEE_dir (tCO2e/t) from AttrEm_dir and the precursors' direct embedded emissions; null when a precursor is missing. */
export function seeDirect(activityLevel: number, attributedDirect: number, precursorsDirect: number | null): number | null {
  return precursorsDirect === null ? null : perTonne(new ExactSum(EM_DP).add(attributedDirect).add(precursorsDirect).value, activityLevel);
}

/**
 * Share of emissions by default value (template, Summary_Products): Σ default M_i × SEE_dir,i / (AttrEm_dir + Σ M_i ×
 * SEE_dir,i), to 6 decimals; null when the direct embedded emissions are unknown or not above zero.
 */
export function shareByDefault(attributedDirect: number, precursorsDirect: number | null, defaultDirect: number): number | null {
  if (precursorsDirect === null) return null;
  const embeddedDirect = new ExactSum(EM_DP).add(attributedDirect).add(precursorsDirect).value;
  return embeddedDirect > 0 ? round(defaultDirect / embeddedDirect, 6) : null; // a share, to the template's 6 decimals
}

export function seeStage(t: SeeInput): CbamConversion['see'] {
  const dir = seeDirect(t.activityLevel, t.attributedDirect, t.precursorsDirect);
  const indTotal =
    t.attributedIndirect === null || t.precursorsIndirect === null
      ? !t.hasElectricity && t.precursorsIndirect !== null
        ? t.precursorsIndirect
        : null
      : new ExactSum(EM_DP).add(t.attributedIndirect).add(t.precursorsIndirect).value;
  const ind = indTotal === null ? null : perTonne(indTotal, t.activityLevel);
  const tot = dir === null || ind === null ? null : roundSee(dir + ind);
  const counted = t.indirectCounted ? tot : dir;
  const unc = t.uncertainDirect || t.uncertainPrecursors;
  const fig = (v: number | null, formula: string, u: boolean): Fig | null => (v === null ? null : computedFig(v, 'tCO2e/t', formula, u));
  return {
    direct: fig(dir, '(AttrEm_dir + Σ M_i × SEE_dir,i) / AL', unc),
    indirect: fig(ind, '(E_el × EF_el + Σ M_i × SEE_ind,i) / AL', t.uncertainPrecursors || t.uncertainEf),
    total: fig(tot, 'SEE_dir + SEE_ind', unc),
    counted: t.indirectCounted ? 'total' : 'direct',
    countedValue: fig(counted, t.indirectCounted ? 'SEE_dir + SEE_ind' : 'SEE_dir', unc),
    shareDefault: shareByDefault(t.attributedDirect, t.precursorsDirect, t.defaultDirect),
  };
}

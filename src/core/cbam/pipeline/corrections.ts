/**
 * Stage 4 — attribution corrections: measurable heat imported (from the dataset's purchased-heat lines, or entered)
 * and exported, waste gases imported and exported, electricity exported; each with its amount, factor and signed
 * effect, then AttrEm_dir = DirEm* + Em_H,imp − Em_H,exp + WG_corr,imp − WG_corr,exp − Em_el,exp.
 *
 * A negative AttrEm_dir (an installation exporting more heat, waste gas or electricity than its own emissions) is
 * accepted and explained: the attribution equation of the pack's methods annex (Implementing Regulation (EU) 2023/1773
 * Annex III for the transitional period; Implementing Regulation (EU) 2025/2547 Annex II for the definitive period)
 * sets no lower bound, and the Commission's communication template v2.1.1 takes the negative value. A warning names
 * the value, its two terms and the rule, so that a verifier can check the exported amounts.
 */
import { msg } from '../../i18n/message';
import type { Gas } from '../../model/gases';
import { ExactSum, round } from '../../num';
import { computedFig, datasetFig, legalRefOf, ruleFig, userFig } from '../../figure';
import type { Category, CbamPack } from '../pack-schema';
import { EM_DP, formulaTexts, wasteGasExportTerm, wasteGasImportTerm } from '../kernel';
import type { Placed } from './boundary';
import type { Findings } from './findings';
import { gasRule } from './gases';
import { lineGasTonnes } from './lines';
import type { ConvertOptions, CorrectionResult } from './types';

export interface Attribution {
  items: CorrectionResult[];
  total: number;
  /** AttrEm_dir, tCO2e (may be negative: see the module comment) */
  attributedDirect: number;
}

/** A negative or non-finite entered amount is an error naming the field; true when refused. */
export function refuseNegative(findings: Findings, v: number | undefined, field: string): boolean {
  if (v !== undefined && (!Number.isFinite(v) || v < 0)) {
    findings.add('error', msg('cbamconvert:errors.negativeInput', { field, value: String(v) }));
    return true;
  }
  return false;
}

/** Imported measurable heat of the dataset's purchased-heat lines: Em_H,imp = the line's counted gases (pack GWPs). */
function heatLines(pack: CbamPack, cat: Category, heat: Array<Placed & { tj: number }>): CorrectionResult[] {
  return heat.map(({ l, tj: rawTj }) => {
    let co2e = 0;
    for (const [g, t] of Object.entries(lineGasTonnes(l))) {
      const r = gasRule(pack, cat, g as Gas, l.id);
      if (r.outcome === 'counted') co2e += t! * r.gwp!.value;
    }
    const tj = round(rawTj, 9);
    return {
      kind: 'heat-imported',
      amount: datasetFig(tj, 'TJ', [l.id]),
      ef: computedFig(tj > 0 ? round(co2e / tj, 6) : 0, 'tCO2/TJ', 'line emissions (CBAM gases, AR5) / heat'),
      effect: computedFig(round(co2e, EM_DP), 'tCO2e', '+ Q_heat,imp × EF_heat'),
    } satisfies CorrectionResult;
  });
}

function enteredHeat(h: NonNullable<NonNullable<ConvertOptions['corrections']>['heat']>, findings: Findings): CorrectionResult[] {
  const f = 'corrections.heat.';
  const bad = [
    refuseNegative(findings, h.importedTJ, `${f}importedTJ`),
    refuseNegative(findings, h.importedEf, `${f}importedEf`),
    refuseNegative(findings, h.exportedTJ, `${f}exportedTJ`),
    refuseNegative(findings, h.exportedEf, `${f}exportedEf`),
  ];
  if (bad.some(Boolean)) return [];
  const out: CorrectionResult[] = [];
  for (const dir of ['imported', 'exported'] as const) {
    const tj = h[`${dir}TJ`];
    const ef = h[`${dir}Ef`];
    if (!tj) continue;
    if (ef === undefined) {
      findings.add('error', msg('cbamconvert:errors.heatEfMissing', { field: `${f}${dir}Ef` }));
      continue;
    }
    const em = round(tj * ef, EM_DP);
    out.push({
      kind: dir === 'imported' ? 'heat-imported' : 'heat-exported',
      amount: userFig(tj, 'TJ', `${f}${dir}TJ`),
      ef: userFig(ef, 'tCO2/TJ', `${f}${dir}Ef`),
      effect: dir === 'imported' ? computedFig(em, 'tCO2e', '+ Q_heat,imp × EF_heat') : computedFig(-em, 'tCO2e', '− Q_heat,exp × EF_heat'),
    });
  }
  return out;
}

function wasteGas(pack: CbamPack, wg: NonNullable<NonNullable<ConvertOptions['corrections']>['wasteGas']>, findings: Findings): CorrectionResult[] {
  if (
    [
      refuseNegative(findings, wg.importedTJ, 'corrections.wasteGas.importedTJ'),
      refuseNegative(findings, wg.exportedTJ, 'corrections.wasteGas.exportedTJ'),
    ].some(Boolean)
  )
    return [];
  const c = pack.constants;
  const ft = formulaTexts(c);
  const out: CorrectionResult[] = [];
  if (wg.importedTJ)
    out.push({
      kind: 'waste-gas-imported',
      amount: userFig(wg.importedTJ, 'TJ', 'corrections.wasteGas.importedTJ'),
      ef: ruleFig(c.naturalGasEf.value, c.naturalGasEf.unit, legalRefOf(c.naturalGasEf.source, c.naturalGasEf.confidence)),
      effect: computedFig(round(wasteGasImportTerm(wg.importedTJ, c), EM_DP), 'tCO2e', ft.wasteGasImport),
    });
  if (wg.exportedTJ)
    out.push({
      kind: 'waste-gas-exported',
      amount: userFig(wg.exportedTJ, 'TJ', 'corrections.wasteGas.exportedTJ'),
      ef: computedFig(
        round(c.naturalGasEf.value * c.wasteGasExportCorrection.value, 6),
        'tCO2/TJ',
        `${ft.wasteGasExportEf} (${c.wasteGasExportCorrection.source.act})`,
      ),
      effect: computedFig(-round(wasteGasExportTerm(wg.exportedTJ, c), EM_DP), 'tCO2e', ft.wasteGasExport),
    });
  return out;
}

/** The corrections and AttrEm_dir from DirEm* (tCO2e); a negative result is kept and explained (see the module comment). */
export function attribution(
  pack: CbamPack,
  cat: Category,
  heat: Array<Placed & { tj: number }>,
  opts: ConvertOptions['corrections'],
  directTotal: number,
  findings: Findings,
): Attribution {
  const c = opts ?? {};
  const items = [...heatLines(pack, cat, heat), ...(c.heat ? enteredHeat(c.heat, findings) : []), ...(c.wasteGas ? wasteGas(pack, c.wasteGas, findings) : [])];
  const ee = c.electricityExported;
  if (
    ee &&
    ![refuseNegative(findings, ee.mwh, 'corrections.electricityExported.mwh'), refuseNegative(findings, ee.ef, 'corrections.electricityExported.ef')].some(
      Boolean,
    ) &&
    ee.mwh > 0
  )
    items.push({
      kind: 'electricity-exported',
      amount: userFig(ee.mwh, 'MWh', 'corrections.electricityExported.mwh'),
      ef: userFig(ee.ef, 'tCO2/MWh', 'corrections.electricityExported.ef'),
      effect: computedFig(-round(ee.mwh * ee.ef, EM_DP), 'tCO2e', '− E_el,exp × EF_el'),
    });
  const total = new ExactSum(EM_DP);
  for (const x of items) total.add(x.effect.value);
  const attributedDirect = new ExactSum(EM_DP).add(directTotal).add(total.value).value;
  if (attributedDirect < 0) {
    const ref = pack.rules.refs.methods ?? pack.rules.refs.boundary;
    findings.add(
      'warning',
      msg('cbamconvert:warnings.negativeAttributed', {
        value: attributedDirect,
        direct: directTotal,
        corrections: total.value,
        act: [ref.act, ref.annex].filter(Boolean).join(', '),
      }),
    );
  }
  return { items, total: total.value, attributedDirect };
}

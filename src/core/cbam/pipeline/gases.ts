/**
 * Stage 3 — direct emissions gas by gas: each installation line's gases are counted with the pack's GWP (AR5), or
 * zero-rated (biogenic CO2) or dropped (gases the category does not count) with the reason and the legal reference.
 * Sums by gas family (CO2, N2O, PFC), by installation, and the re-characterisation from the study's GWP set.
 */
import { msg, type Message } from '../../i18n/message';
import type { Gas } from '../../model/gases';
import { ExactSum, round } from '../../num';
import { computedFig, type LegalRef } from '../../figure';
import type { Category, CbamPack } from '../pack-schema';
import { gasDecision } from '../rules/gases';
import { EM_DP, MASS_DP } from '../kernel';
import type { Placed } from './boundary';
import type { Findings } from './findings';
import { lineGasTonnes } from './lines';
import type { CbamConversion, DirectLine, DroppedGas, GasTrace } from './types';

export type GasRule = Omit<GasTrace, 'massT' | 'co2eT' | 'gas' | 'studyGwp'>;

/** The pack's gas rule for the good's category: counted with its GWP, or zero-rated / dropped with the reason. */
export function gasRule(pack: CbamPack, cat: Category, g: Gas, lineId: string): GasRule {
  const d = gasDecision(pack.rules.gases, pack.constants, cat, g);
  if (d.outcome === 'counted') return { outcome: 'counted', gwp: d.gwp };
  return {
    outcome: d.outcome,
    reason: msg(d.messageKey, { line: lineId, gas: g, category: `$t:cbam:categories.${cat.id}` }) as Message,
    legalRef: d.ref as LegalRef,
  };
}

export interface DirectEmissions {
  lines: DirectLine[];
  /** DirEm*: Σ of the lines' counted CO2e, tCO2e */
  total: number;
  uncertain: boolean;
  sums: { co2: number; n2o: number; pfc: number; bio: number };
  byInstallation: Array<{ installationId: string; co2e: number }>;
  droppedGases: DroppedGas[];
  recharacterisation: CbamConversion['recharacterisation'];
}

/** Direct emissions of the installation lines (`defaultInstallation` for lines that name none). */
export function directEmissions(
  pack: CbamPack,
  cat: Category,
  placed: Placed[],
  studyGwps: Partial<Record<Gas, number>>,
  defaultInstallation: string,
  findings: Findings,
): DirectEmissions {
  const sums = { co2: new ExactSum(EM_DP), n2o: new ExactSum(EM_DP), pfc: new ExactSum(EM_DP), bio: new ExactSum(EM_DP), total: new ExactSum(EM_DP) };
  const byInst = new Map<string, ExactSum>();
  const rechar = new Map<Gas, { massT: number; studyGwp: number | null; cbamGwp: number }>();
  const droppedGases: DroppedGas[] = [];
  const lines: DirectLine[] = [];
  for (const { l, row } of placed) {
    const gases: GasTrace[] = [];
    const lineSum = new ExactSum(EM_DP);
    for (const [g, t] of Object.entries(lineGasTonnes(l))) {
      const gas = g as Gas;
      const massT = round(t!, MASS_DP);
      const r = gasRule(pack, cat, gas, l.id);
      const sg = studyGwps[gas] ?? null;
      const co2eT = r.outcome === 'counted' ? round(massT * r.gwp!.value, EM_DP) : 0;
      gases.push({ gas, massT, ...r, co2eT, studyGwp: sg });
      if (r.outcome !== 'counted') {
        droppedGases.push({ lineId: l.id, gas, massT, outcome: r.outcome, reason: r.reason!, legalRef: r.legalRef! });
        if (gas === 'CO2_biogenic') sums.bio.add(round(massT, EM_DP));
        continue;
      }
      lineSum.add(co2eT);
      (gas === 'N2O' ? sums.n2o : gas === 'CF4' || gas === 'C2F6' ? sums.pfc : sums.co2).add(co2eT);
      if (gas !== 'CO2_fossil' && gas !== 'CO2e') rechar.set(gas, { massT: (rechar.get(gas)?.massT ?? 0) + massT, studyGwp: sg, cbamGwp: r.gwp!.value });
      if (gas === 'CO2e') findings.add('warning', msg('cbamconvert:warnings.co2eOnDirectLine', { line: l.id }), row, l.id);
    }
    const co2e = lineSum.value;
    sums.total.add(co2e);
    const inst = l.installationId ?? defaultInstallation;
    (byInst.get(inst) ?? byInst.set(inst, new ExactSum(EM_DP)).get(inst)!).add(co2e);
    if (l.stage !== 'production')
      findings.add('info', msg('cbamconvert:warnings.installationLineNotProduction', { line: l.id, stage: `$t:core:stage.${l.stage}` }), row, l.id);
    lines.push({
      id: l.id,
      description: l.description,
      category: l.category,
      stage: l.stage,
      ...(l.installationId ? { installationId: l.installationId } : {}),
      gases,
      co2e: computedFig(
        co2e,
        'tCO2e',
        'Σ m_gas × GWP_AR5',
        gases.some((x) => x.gwp?.uncertain),
      ),
    });
  }
  return {
    lines,
    total: sums.total.value,
    uncertain: lines.some((d) => d.co2e.uncertain),
    sums: { co2: sums.co2.value, n2o: sums.n2o.value, pfc: sums.pfc.value, bio: sums.bio.value },
    byInstallation: [...byInst].map(([installationId, s]) => ({ installationId, co2e: s.value })),
    droppedGases,
    recharacterisation: [...rechar].map(([gas, v]) => ({
      gas,
      massT: round(v.massT, MASS_DP),
      studyGwp: v.studyGwp,
      cbamGwp: v.cbamGwp,
      studyCo2e: v.studyGwp === null ? null : round(v.massT * v.studyGwp, EM_DP),
      cbamCo2e: round(v.massT * v.cbamGwp, EM_DP),
    })),
  };
}

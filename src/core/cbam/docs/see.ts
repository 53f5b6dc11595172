/**
 * SEE per production process and product, computed from the document data with the formulas of the
 * Commission template (IR 2023/1773 Annex III; same logic in IR 2025/2547):
 *   AttrEm_dir = DirEm* + Q_heat,imp·EF_imp − Q_heat,exp·EF_exp + WG_imp·EF_NG − WG_exp·EF_NG·c_exp − E_el,exp·EF_el,exp
 *   AttrEm_ind = E_el,cons · EF_el
 *   SEE_dir,p = (AttrEm_dir + Σ M_i·SEE_dir,i) / AL_p;  SEE_ind,p = (AttrEm_ind + Σ M_i·SEE_ind,i) / AL_p
 * Precursors produced in another process of the installation carry that process's SEE (solved in order;
 * a cycle is reported as an error). The arithmetic is the formula kernel's (../kernel.ts), constants from the rule pack.
 */
import type { CbamDocData, SourceStream } from './model';
import { val } from './model';
import { docError } from './errors';
import { round } from '../../num';
import type { Message } from '../../i18n/message';
import { attributedDirectRaw, SEE_DP, specificEmbedded } from '../kernel';
import type { Constants } from '../pack-schema';
import { definitivePack } from '../packs';
import { pfcOvervoltage, pfcSlope } from '../methods';

/** Natural-gas emission factor and waste-gas export correction of the EU definitive pack (read from the pack). */
export const EF_NATURAL_GAS = (): number => definitivePack().constants.naturalGasEf.value;
export const WASTE_GAS_EXPORT_FACTOR = (): number => definitivePack().constants.wasteGasExportCorrection.value;

export interface ProcessSee {
  id: string;
  name: string;
  category: string;
  activityLevel: number;
  attributedDirect: number;
  attributedIndirect: number;
  embeddedPrecursorsDirect: number;
  embeddedPrecursorsIndirect: number;
  seeDirect: number;
  seeIndirect: number;
  seeTotal: number;
  /** Electricity consumed per tonne (MWh/t) and embedded electricity incl. precursors (MWh/t). */
  electricityPerT: number;
  /** The indirect part is not known (an electricity factor, or a precursor's MWh/t and factor, is missing): seeIndirect counts only the known part. */
  indirectIncomplete?: true;
  warning?: Message;
}
export interface ProductSee {
  cnCode: string;
  name: string;
  processId: string;
  seeDirect: number;
  seeIndirect: number;
  seeTotal: number;
  declared?: { seeDirect?: number; seeIndirect?: number };
}
export interface SeeResult {
  processes: ProcessSee[];
  products: ProductSee[];
  precursors: { id: string; seeDirect: number; seeIndirect: number }[];
}

const DP = SEE_DP;

export function computeSee(data: CbamDocData, constants: Constants = definitivePack().constants): SeeResult {
  // A purchased precursor's SEE (indirect) is MWh/t × EF as the template computes it (E_PurchPrec iv); the supplier's
  // SEE (indirect) only where it gave no MWh/t and factor. Nothing is back-calculated.
  const pp = new Map(
    data.purchasedPrecursors.map((p) => {
      const both = p.electricityMWhPerT && p.electricityEf;
      const ind = both ? p.electricityMWhPerT!.value * p.electricityEf!.value : (p.seeIndirect?.value ?? 0);
      return [p.id, { dir: p.seeDirect.value, ind, incomplete: !both && (p.seeIndirect?.value ?? 0) !== 0 }];
    }),
  );
  const procs = new Map(data.processes.map((p) => [p.id, p]));
  const done = new Map<string, { dir: number; ind: number; full: ProcessSee }>();
  const visiting = new Set<string>();
  const solve = (id: string): { dir: number; ind: number; full: ProcessSee } => {
    const have = done.get(id);
    if (have) return have;
    if (visiting.has(id)) throw docError('errors.precursorCycle', { process: id });
    visiting.add(id);
    const p = procs.get(id);
    if (!p) throw docError('errors.unknownPrecursorRef', { field: 'precursors.from', value: id });
    const al = p.production.reduce((s, r) => s + r.amount.value, 0);
    const h = p.heat;
    const wg = p.wasteGas;
    const attrDir = attributedDirectRaw(
      {
        dirEm: p.directEmissions.value,
        heatImport: val(h?.importedTJ) * val(h?.importedEf),
        heatExport: val(h?.exportedTJ) * val(h?.exportedEf),
        wasteGasImportTJ: val(wg?.importedTJ),
        wasteGasExportTJ: val(wg?.exportedTJ),
        electricityExport: p.electricityExported ? p.electricityExported.mwh.value * p.electricityExported.ef.value : 0,
      },
      constants,
    );
    const attrInd = p.electricity?.ef ? p.electricity.consumptionMWh.value * p.electricity.ef.value : 0;
    let incomplete = !!p.electricity && !p.electricity.ef && p.electricity.consumptionMWh.value !== 0;
    let eeDir = 0;
    let eeInd = 0;
    for (const u of p.precursors) {
      const src =
        pp.get(u.from) ??
        (() => {
          const s = solve(u.from);
          return { dir: s.dir, ind: s.ind, incomplete: !!s.full.indirectIncomplete };
        })();
      eeDir += u.amount.value * src.dir;
      eeInd += u.amount.value * src.ind;
      if (src.incomplete && u.amount.value !== 0) incomplete = true;
    }
    if (!(al > 0)) throw docError('errors.zeroProduction', { field: `${p.id}.production`, process: p.name });
    const dir = (attrDir + eeDir) / al;
    const ind = (attrInd + eeInd) / al;
    const k = specificEmbedded({
      activityLevel: al,
      attributedDirect: attrDir,
      attributedIndirect: attrInd,
      precursorsDirect: eeDir,
      precursorsIndirect: eeInd,
    });
    const full: ProcessSee = {
      id: p.id,
      name: p.name,
      category: p.category,
      activityLevel: al,
      attributedDirect: round(attrDir, 4),
      attributedIndirect: round(attrInd, 4),
      embeddedPrecursorsDirect: round(eeDir, 4),
      embeddedPrecursorsIndirect: round(eeInd, 4),
      seeDirect: k.direct,
      seeIndirect: k.indirect,
      seeTotal: k.total,
      electricityPerT: round(p.electricity ? p.electricity.consumptionMWh.value / al : 0, DP),
      ...(incomplete ? { indirectIncomplete: true as const } : {}),
    };
    visiting.delete(id);
    const r = { dir, ind, full };
    done.set(id, r);
    return r;
  };
  const processes = data.processes.map((p) => solve(p.id).full);
  const products: ProductSee[] = data.products.map((pr) => {
    const s = done.get(pr.processId);
    if (!s) throw docError('errors.unknownProcess', { field: 'products.processId', value: pr.processId });
    const out: ProductSee = {
      cnCode: pr.cnCode,
      name: pr.name,
      processId: pr.processId,
      seeDirect: s.full.seeDirect,
      seeIndirect: s.full.seeIndirect,
      seeTotal: s.full.seeTotal,
    };
    if (pr.seeDirect || pr.seeIndirect) out.declared = { seeDirect: pr.seeDirect?.value, seeIndirect: pr.seeIndirect?.value };
    return out;
  });
  for (const pr of products) {
    if (pr.declared?.seeDirect !== undefined && Math.abs(pr.declared.seeDirect - pr.seeDirect) > 5e-5) {
      const p = processes.find((x) => x.id === pr.processId)!;
      p.warning = { key: 'cbamdocs:report.seeDiffers', params: { cn: pr.cnCode, declared: pr.declared.seeDirect, computed: pr.seeDirect } };
    }
  }
  return { processes, products, precursors: [...pp].map(([id, v]) => ({ id, seeDirect: v.dir, seeIndirect: round(v.ind, DP) })) };
}

// ---------------------------------------------------------------------------------------------------------------
// Installation totals (sheet C) as the template computes them from what is written

export interface StreamEmissions {
  fossil: number;
  biomass: number;
  energyTJ: number | null;
}

/** One source stream of sheet B (a) with the template's formulas (columns AU, AV, AX: fossil, biomass CO2, fossil energy). */
export function streamEmissions(s: SourceStream, constants: Constants = definitivePack().constants): StreamEmissions {
  const bio = (s.biomassPct ?? 0) / 100;
  const ad = s.activityData.value;
  const perTJ = (s.efUnit ?? (s.method === 'Combustion' ? 'tCO2/TJ' : 'tCO2/t')) === 'tCO2/TJ';
  const ncv = s.ncv?.value;
  let gross: number;
  if (s.method === 'Mass Balance') gross = ad * val(s.carbonContent) * constants.carbonToCo2.value;
  else {
    const factor = s.method === 'Combustion' ? (s.oxidationFactorPct ?? 100) / 100 : (s.conversionFactorPct ?? 100) / 100;
    gross = ad * (perTJ ? (ncv ?? 0) / 1000 : 1) * val(s.ef) * factor;
  }
  return { fossil: gross * (1 - bio), biomass: gross * bio, energyTJ: ncv === undefined ? null : ((ad * ncv) / 1000) * (1 - bio) };
}

/** PFC emissions of one sheet B (b) row, tCO2e (slope or overvoltage method with the pack's GWPs). */
export function pfcEmissions(s: CbamDocData['pfc'][number], constants: Constants = definitivePack().constants): number {
  const common = { alProduced: s.activityData.value, fC2F6: s.fC2F6, collectionEfficiency: s.collectionEfficiency ?? 1 };
  return s.method === 'Slope method'
    ? pfcSlope({ ...common, aef: s.frequency ?? 0, aed: s.duration ?? 0, sefCf4: s.sefCf4 ?? 0 }, constants).total
    : pfcOvervoltage({ ...common, ovc: s.ovc ?? 0, aeo: s.aeo ?? 0, currentEfficiency: s.currentEfficiency ?? 1 }, constants).total;
}

export interface InstallationTotals {
  /** Manual entries written to sheet C (a) ii (undefined = the cell stays empty and the template takes sheet B's value). */
  manual: { co2?: number; biomass?: number; n2o?: number; pfc?: number; indirect?: number };
  /** Sheet B sums (a) i. */
  fromSheetB: { co2: number; biomass: number; n2o: number; pfc: number; energyTJ: number };
  /** Results (a) iii as the template shows them, tCO2e; indirect null when not known (the total then is the direct part, as the template sums it). */
  co2: number;
  biomass: number;
  n2o: number;
  pfc: number;
  direct: number;
  indirect: number | null;
  total: number;
  /** Breakdown by monitoring methodology (C (b), Summary_Communication): calculation-based (excl. PFC), PFC, measurement-based, other. */
  methods: { calculation: number; pfc: number; measurement: number; other: number };
}

/**
 * The installation's totals as written to and computed by sheet C: manual entries where the model gives them (or, with
 * no sheet B entry at all, Σ DirEm* of the processes less the N2O and PFC given, as fossil CO2), sheet B's sums otherwise.
 */
export function installationTotals(data: CbamDocData, constants: Constants = definitivePack().constants): InstallationTotals {
  const eb = data.emissionsBalance;
  const streams = data.sourceStreams.map((s) => streamEmissions(s, constants));
  const fromSheetB = {
    co2: streams.reduce((a, s) => a + s.fossil, 0),
    biomass: streams.reduce((a, s) => a + s.biomass, 0),
    n2o: 0,
    pfc: data.pfc.reduce((a, s) => a + pfcEmissions(s, constants), 0),
    energyTJ: streams.reduce((a, s) => a + (s.energyTJ ?? 0), 0),
  };
  const noSheetB = !data.sourceStreams.length && !data.pfc.length;
  const dirEm = data.processes.reduce((a, p) => a + p.directEmissions.value, 0);
  const manual: InstallationTotals['manual'] = {};
  if (eb?.co2) manual.co2 = eb.co2.value;
  else if (noSheetB) manual.co2 = round(dirEm - val(eb?.n2o) - val(eb?.pfc), 6);
  if (eb?.biomass) manual.biomass = eb.biomass.value;
  if (eb?.n2o) manual.n2o = eb.n2o.value;
  if (eb?.pfc) manual.pfc = eb.pfc.value;
  const withElec = data.processes.filter((p) => p.electricity);
  if (eb?.totalIndirect) manual.indirect = eb.totalIndirect.value;
  else if (withElec.every((p) => p.electricity!.ef))
    manual.indirect = round(
      withElec.reduce((a, p) => a + p.electricity!.consumptionMWh.value * p.electricity!.ef!.value, 0),
      6,
    );
  const co2 = manual.co2 ?? fromSheetB.co2;
  const n2o = manual.n2o ?? fromSheetB.n2o;
  const pfc = manual.pfc ?? fromSheetB.pfc;
  const direct = co2 + n2o + pfc;
  const indirect = manual.indirect ?? null;
  return {
    // the total as the template sums it (C N27 = direct + indirect; an indirect part not known adds nothing and is listed as a gap)
    manual,
    fromSheetB,
    co2,
    biomass: manual.biomass ?? fromSheetB.biomass,
    n2o,
    pfc,
    direct,
    indirect,
    total: direct + (indirect ?? 0),
    methods: { calculation: fromSheetB.co2, pfc, measurement: 0, other: direct - fromSheetB.co2 - pfc },
  };
}

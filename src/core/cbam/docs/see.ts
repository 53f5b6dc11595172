/**
 * SEE per production process and product, computed from the document data with the formulas of the
 * Commission template (IR 2023/1773 Annex III; same logic in IR 2025/2547):
 *   AttrEm_dir = DirEm* + Q_heat,imp·EF_imp − Q_heat,exp·EF_exp + WG_imp·EF_NG − WG_exp·EF_NG·c_exp − E_el,exp·EF_el,exp
 *   AttrEm_ind = E_el,cons · EF_el
 *   SEE_dir,p = (AttrEm_dir + Σ M_i·SEE_dir,i) / AL_p;  SEE_ind,p = (AttrEm_ind + Σ M_i·SEE_ind,i) / AL_p
 * Precursors produced in another process of the installation carry that process's SEE (solved in order;
 * a cycle is reported as an error). The arithmetic is the formula kernel's (../kernel.ts), constants from the rule pack.
 */
import type { CbamDocData } from './model';
import { val } from './model';
import { docError } from './errors';
import { round } from '../../num';
import type { Message } from '../../i18n/message';
import { attributedDirectRaw, SEE_DP, specificEmbedded } from '../kernel';
import type { Constants } from '../pack-schema';
import { definitivePack } from '../packs';

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
  warning?: Message;
}
export interface ProductSee { cnCode: string; name: string; processId: string; seeDirect: number; seeIndirect: number; seeTotal: number; declared?: { seeDirect?: number; seeIndirect?: number } }
export interface SeeResult { processes: ProcessSee[]; products: ProductSee[]; precursors: { id: string; seeDirect: number; seeIndirect: number }[] }

const DP = SEE_DP;

export function computeSee(data: CbamDocData, constants: Constants = definitivePack().constants): SeeResult {
  const pp = new Map(data.purchasedPrecursors.map((p) => {
    const ind = p.seeIndirect?.value ?? (p.electricityMWhPerT && p.electricityEf ? p.electricityMWhPerT.value * p.electricityEf.value : 0);
    return [p.id, { dir: p.seeDirect.value, ind }];
  }));
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
    const attrDir = attributedDirectRaw({
      dirEm: p.directEmissions.value,
      heatImport: val(h?.importedTJ) * val(h?.importedEf),
      heatExport: val(h?.exportedTJ) * val(h?.exportedEf),
      wasteGasImportTJ: val(wg?.importedTJ),
      wasteGasExportTJ: val(wg?.exportedTJ),
      electricityExport: p.electricityExported ? p.electricityExported.mwh.value * p.electricityExported.ef.value : 0,
    }, constants);
    const attrInd = p.electricity ? p.electricity.consumptionMWh.value * p.electricity.ef.value : 0;
    let eeDir = 0;
    let eeInd = 0;
    for (const u of p.precursors) {
      const src = pp.get(u.from) ?? (() => { const s = solve(u.from); return { dir: s.dir, ind: s.ind }; })();
      eeDir += u.amount.value * src.dir;
      eeInd += u.amount.value * src.ind;
    }
    if (!(al > 0)) throw docError('errors.zeroProduction', { field: `${p.id}.production`, process: p.name });
    const dir = (attrDir + eeDir) / al;
    const ind = (attrInd + eeInd) / al;
    const k = specificEmbedded({ activityLevel: al, attributedDirect: attrDir, attributedIndirect: attrInd, precursorsDirect: eeDir, precursorsIndirect: eeInd });
    const full: ProcessSee = {
      id: p.id, name: p.name, category: p.category, activityLevel: al,
      attributedDirect: round(attrDir, 4), attributedIndirect: round(attrInd, 4),
      embeddedPrecursorsDirect: round(eeDir, 4), embeddedPrecursorsIndirect: round(eeInd, 4),
      seeDirect: k.direct, seeIndirect: k.indirect, seeTotal: k.total,
      electricityPerT: round(p.electricity ? p.electricity.consumptionMWh.value / al : 0, DP),
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
    const out: ProductSee = { cnCode: pr.cnCode, name: pr.name, processId: pr.processId, seeDirect: s.full.seeDirect, seeIndirect: s.full.seeIndirect, seeTotal: s.full.seeTotal };
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

/**
 * A whole installation as the Commission's communication template sees it (IR (EU) 2025/2547 / IR (EU) 2023/1773
 * Annex III: sheets A, D, E): several production processes, their products, flows between them and purchased precursors.
 *
 *  - each process is converted on its own (convertToCbam on a per-process view of the dataset: its lines, its first
 *    product, a per-period basis with the process's production, its heat / waste gas / exported electricity);
 *  - the processes are assembled into the documents' input model (P1..Pn, PP1..PPn, products, goods categories and
 *    routes): a flow between processes is a precursor `from: 'Pk'` of the consumer, so the producer's attributed
 *    emissions are counted once, in the producer, and reach the consumer as M × SEE of the producer (Annex III, the
 *    template's precursor rule);
 *  - SEE per process and per product come from one place: computeSee (docs/see.ts, on the formula kernel);
 *  - a figure that is not known (a missing electricity factor, a precursor's SEE, a process that could not be converted)
 *    stays empty and is listed, and so does every figure that depends on it; it never becomes 0.
 * A dataset without processes gives exactly the single-process conversion (convertToCbam).
 */
import { msg, type Message } from '../i18n/message';
import type { Dataset, ProductionProcess } from '../model/dataset';
import type { Problem } from '../model/problems';
import { qualifyingParamOf } from '../model/qualifying';
import { convert as convertUnit, type Unit } from '../model/units';
import { round } from '../num';
import { CbamConvertError, convertToCbam, type CbamConversion, type ConvertOptions, type ConvertResult, type Fig } from './convert';
import type { CbamDocInput, CbamDocData } from './docs/model';
import { parseCbamDocData } from './docs/parse';
import { computeSee, type SeeResult } from './docs/see';
import { TEMPLATE_MAP } from './docs/template';
import { CbamDocError } from './docs/errors';
import { toDocsModelPartial } from './docs-model';
import { QUALIFYING_COLUMNS } from './docs/qualifying-columns';
import { cbamPackForPeriod } from './packs';
import { printCn } from './screen';

export type InstallationOptions = Omit<ConvertOptions, 'cnCode' | 'route' | 'corrections'>;

/** A figure not known, with the reason (listed for the user; the cell stays empty). */
export interface MissingFigure {
  processId: string;
  productId?: string;
  figure: 'direct' | 'indirect' | 'process';
  reason: Message;
}

export interface InstallationSee {
  direct: Fig | null;
  indirect: Fig | null;
  total: Fig | null;
  counted: 'direct' | 'total';
  countedValue: Fig | null;
  shareDefault: number | null;
}

export interface InstallationProcess {
  /** The dataset's process id and the template's id (P1..P10). */
  id: string;
  templateId: string;
  name: string;
  conversion: ConvertResult;
  production: Fig;
  /** Flows from other processes of the installation, with the producer's SEE (null where not known). */
  inputs: Array<{ from: string; fromTemplateId: string; amount: Fig; seeDirect: Fig | null; seeIndirect: Fig | null }>;
  see: InstallationSee;
}

export interface InstallationProduct {
  id: string;
  processId: string;
  cn: string;
  printed: string;
  name: string;
  see: InstallationSee;
  carbonPrice?: NonNullable<Dataset['processes']>[number]['products'][number]['carbonPrice'];
}

export interface InstallationConversion {
  ok: true;
  status: 'installation';
  /** False when a figure that counts is missing (listed in `missing`) or a process could not be converted. */
  complete: boolean;
  pack: CbamConversion['pack'] | null;
  period: CbamConversion['period'] | null;
  processes: InstallationProcess[];
  products: InstallationProduct[];
  /** The documents' input model of the whole installation (known figures only), or null when no process converted. */
  docs: CbamDocInput | null;
  missing: MissingFigure[];
  findings: Problem[];
}

const FIG_SEE = 'tCO2e/t';
const computed = (value: number, unit: string, formula: string, uncertain?: boolean): Fig => ({
  value,
  unit,
  source: { kind: 'computed', formula },
  ...(uncertain ? { uncertain: true as const } : {}),
});

/** The dataset as one process sees it: its lines (lines naming no process go with the first), its first product, its production. */
export function processView(ds: Dataset, p: ProductionProcess, first: boolean): { view: Dataset; rows: number[] } {
  const rows: number[] = [];
  const inventory = ds.inventory.filter((l, i) => {
    const mine = l.processId === p.id || (first && l.processId === undefined);
    if (mine) rows.push(i);
    return mine;
  });
  const prod = p.products[0]!;
  const installations = p.installationId
    ? [...ds.installations.filter((x) => x.id === p.installationId), ...ds.installations.filter((x) => x.id !== p.installationId)]
    : ds.installations;
  const { processes: _p, ...rest } = ds;
  const view: Dataset = {
    ...rest,
    title: `${p.name}${ds.title ? ` — ${ds.title}` : ''}`,
    product: { name: { en: prod.name }, cnCode: prod.cnCode, functionalUnit: { amount: 1, unit: 't' } },
    basis: { kind: 'per-period', production: p.production },
    installations,
    inventory,
  };
  return { view, rows };
}

/** The process's heat, waste gases and exported electricity as the conversion's attribution corrections. */
function processCorrections(p: ProductionProcess): ConvertOptions['corrections'] | undefined {
  const c: NonNullable<ConvertOptions['corrections']> = {};
  if (p.heat) c.heat = { ...p.heat };
  if (p.wasteGas && (p.wasteGas.importedTJ !== undefined || p.wasteGas.exportedTJ !== undefined))
    c.wasteGas = {
      ...(p.wasteGas.importedTJ !== undefined ? { importedTJ: p.wasteGas.importedTJ } : {}),
      ...(p.wasteGas.exportedTJ !== undefined ? { exportedTJ: p.wasteGas.exportedTJ } : {}),
    };
  if (p.electricityExported) c.electricityExported = { ...p.electricityExported };
  return Object.keys(c).length ? c : undefined;
}

/** Rows of a per-process result renamed to the dataset's own rows. */
function remapRows(r: ConvertResult, rows: number[]): ConvertResult {
  if (!r.ok) return r;
  const row = (n: number) => (rows[n - 1] ?? n - 1) + 1;
  const findings = r.findings.map((f) =>
    f.line ? { ...f, path: ['inventory', row(f.line.row) - 1, ...f.path.slice(2)], line: { ...f.line, row: row(f.line.row) } } : f,
  );
  return { ...r, findings, dropped: r.dropped.map((d) => ({ ...d, row: row(d.row) })) };
}

// ---------------------------------------------------------------------------------------------------------------
// Documents' model, assembled from the per-process conversions

type DocProcess = NonNullable<CbamDocInput['processes']>[number];
type DocPP = NonNullable<CbamDocInput['purchasedPrecursors']>[number];
type DocBalance = NonNullable<CbamDocInput['emissionsBalance']>;

interface Known {
  dir: boolean;
  ind: boolean;
}
interface DocPart {
  proc: DocProcess;
  pps: DocPP[];
  known: Known;
  reasons: MissingFigure[];
  balance?: DocBalance;
  streams: NonNullable<CbamDocInput['sourceStreams']>;
  product?: DocProduct;
  head: Pick<CbamDocInput, 'installation' | 'verifier'>;
}

/**
 * One process of the documents' model: the partial documents model (toDocsModelPartial) of the process's own conversion (every figure it
 * knows, the unknown ones left out), renumbered P1 → Pk and PP1.. → PP(start+1)..; which of its SEE are known.
 */
function docProcess(r: CbamConversion, p: ProductionProcess, view: Dataset, templateId: string, ppStart: number): DocPart {
  const reasons: MissingFigure[] = [];
  const templateName = r.good.category.templateName;
  // the template's code of the first product, so that the process can be written even when the product cannot be
  const list = TEMPLATE_MAP.cnByGood[templateName] ?? [];
  const cn = templateCn(p.products[0]!.cnCode, templateName) ?? list[0];
  const part = toDocsModelPartial(r, view, cn ? { productCn: cn } : {});
  const m = part.model;
  const renum = (id: string) => (id.startsWith('PP') ? `PP${ppStart + Number(id.slice(2))}` : id);
  const base = m.processes[0]!;
  // the process's own production (processes[i].production), not the per-process view's basis
  const at = `processes[${Number(templateId.slice(1)) - 1}].production`;
  const production = base.production.map((x) => {
    const a = typeof x.amount === 'number' ? { value: x.amount } : x.amount;
    return { ...x, amount: { ...a, source: { kind: 'measured' as const, ...a.source, ref: `Dataset (${at}, process ${p.id})` } } };
  });
  const proc: DocProcess = {
    ...base,
    id: templateId,
    name: p.name.slice(0, 200),
    production,
    ...(p.producedForMarket !== undefined ? { producedForMarket: p.producedForMarket } : {}),
    ...(p.consumedForNonCbam !== undefined ? { consumedForNonCbam: p.consumedForNonCbam } : {}),
    precursors: (base.precursors ?? []).map((u) => ({ ...u, from: renum(u.from) })),
  };
  const pps = (m.purchasedPrecursors ?? []).map((x) => ({ ...x, id: renum(x.id) }));
  let dir = true;
  let ind = true;
  for (const l of r.precursors.lines) {
    if (!l.seeDirect) {
      dir = false;
      reasons.push({ processId: p.id, figure: 'direct', reason: msg('cbamconvert:installation.missing.precursor', { process: p.id, line: l.id, cn: l.cn }) });
    }
    if (!l.seeDirect || !l.seeIndirect) ind = false;
  }
  if (r.electricity.lines.length && r.electricity.indirect === null) {
    ind = false;
    reasons.push({
      processId: p.id,
      figure: 'indirect',
      reason: msg('cbamconvert:installation.missing.electricity', { process: p.id, mwh: r.electricity.mwh.value }),
    });
  }
  const product = m.products?.[0];
  const head = { installation: m.installation, ...(m.verifier ? { verifier: m.verifier } : {}) };
  return {
    proc,
    pps,
    known: { dir, ind },
    reasons,
    ...(m.emissionsBalance ? { balance: m.emissionsBalance } : {}),
    streams: m.sourceStreams ?? [],
    ...(product ? { product } : {}),
    head,
  };
}

/** Installation totals by gas: the processes' sums; the indirect total only when every process's is known. */
function mergeBalances(parts: DocPart[], ok: Array<{ r: CbamConversion }>): DocBalance | undefined {
  const out: DocBalance = {};
  const add = (k: 'co2' | 'biomass' | 'n2o' | 'pfc', what: string) => {
    const xs = parts.map((x) => x.balance?.[k]).filter((v): v is NonNullable<DocBalance['co2']> => v !== undefined);
    if (!xs.length) return;
    const value = round(
      xs.reduce<number>((s, v) => s + (typeof v === 'number' ? v : v.value), 0),
      6,
    );
    out[k] = { value, source: { ref: `Σ ${what} of the processes`, kind: 'calculated' } };
  };
  add('co2', 'fossil CO2');
  add('biomass', 'biomass CO2');
  add('n2o', 'N2O (AR5)');
  add('pfc', 'PFC (AR5)');
  // fuel balance (TJ): a figure only when every process gives it
  const fuel: NonNullable<DocBalance['fuel']> = {};
  for (const k of ['totalTJ', 'cbamTJ', 'electricityTJ', 'nonCbamTJ'] as const) {
    const xs = parts.map((x) => x.balance?.fuel?.[k]);
    if (xs.length && xs.every((v) => v !== undefined))
      fuel[k] = {
        value: round(
          xs.reduce<number>((s, v) => s + (typeof v === 'number' ? v : v!.value), 0),
          9,
        ),
        source: { ref: `Σ fuel input (${k}) of the processes`, kind: 'calculated' },
      };
  }
  if (Object.keys(fuel).length) out.fuel = fuel;
  const withEl = ok.filter((c) => c.r.electricity.lines.length);
  if (withEl.length && withEl.every((c) => c.r.electricity.indirect !== null))
    out.totalIndirect = {
      value: round(
        withEl.reduce((s, c) => s + c.r.electricity.indirect!.value, 0),
        6,
      ),
      source: { ref: 'Σ AttrEm_ind = Σ E_el,cons × EF_el of the processes', kind: 'calculated' },
    };
  return Object.keys(out).length ? out : undefined;
}

const INSTRUMENTS = {
  none: 'None',
  'carbon-tax': 'Carbon Tax',
  'carbon-levy': 'Carbon Levy',
  'carbon-fee': 'Carbon Fee',
  'national-ets': 'National Emissions Trading System',
  'regional-ets': 'Regional Emissions Trading System',
  combination: 'Combination',
  other: 'Other',
} as const;
const REBATES = {
  none: 'None',
  'free-allocation': 'Free allocation',
  'financial-compensation': 'Financial compensation',
  'tax-deduction': 'Tax deduction',
  combination: 'Combination',
  other: 'Other',
} as const;

/** The carbon price paid for a product, in the template's words ('none': no carbon price, nothing to write). */
function docCarbonPrice(cp: InstallationProduct['carbonPrice']): NonNullable<DocProduct['carbonPrice']> | undefined {
  if (!cp || cp.instrument === 'none') return undefined;
  return {
    instrument: INSTRUMENTS[cp.instrument],
    ...(cp.shareCovered !== undefined ? { shareCovered: cp.shareCovered } : {}),
    ...(cp.currency ? { currency: cp.currency } : {}),
    ...(cp.amountPerT !== undefined ? { amountPerT: cp.amountPerT } : {}),
    ...(cp.rebate ? { rebate: REBATES[cp.rebate] } : {}),
    ...(cp.rebateShare !== undefined ? { rebateShare: cp.rebateShare } : {}),
    ...(cp.rebatePerT !== undefined ? { rebatePerT: cp.rebatePerT } : {}),
    ...(cp.legalAct ? { legalAct: cp.legalAct } : {}),
  };
}
type DocProduct = NonNullable<CbamDocInput['products']>[number];

/** The product's qualifying parameters as the template's columns of its category (a column letter is taken as it is). */
function docQualifying(q: Record<string, string | number> | undefined, templateName: string): Record<string, string | number> | undefined {
  const cols = new Set(TEMPLATE_MAP.qualifying[templateName] ?? []);
  const out: Record<string, string | number> = {};
  for (const [typed, value] of Object.entries(q ?? {})) {
    const name = qualifyingParamOf(typed);
    const m = (QUALIFYING_COLUMNS as Record<string, string | Readonly<Record<string, string>>>)[name];
    const col = /^[A-Z]{1,2}$/.test(name) ? name : typeof m === 'string' ? m : m?.[templateName];
    if (col && cols.has(col)) out[col] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The product's 8-digit code as the template lists it for the category, or undefined. */
function templateCn(cn: string, templateName: string): string | undefined {
  const list = TEMPLATE_MAP.cnByGood[templateName] ?? [];
  const cn8 = cn.slice(0, 8);
  if (list.includes(cn8)) return cn8;
  const cands = list.filter((x) => x.startsWith(cn8.slice(0, cn8.endsWith('00') ? 6 : 8)));
  return cands.length === 1 ? cands[0] : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Main

interface Converted {
  p: ProductionProcess;
  templateId: string;
  view: Dataset;
  r: ConvertResult;
  doc?: DocPart;
}

/** Converts every process on its own view of the dataset. */
function convertEach(ds: Dataset, processes: ProductionProcess[], options: InstallationOptions): Converted[] {
  return processes.map((p, i) => {
    const { view, rows } = processView(ds, p, i === 0);
    const corrections = processCorrections(p);
    const r = remapRows(convertToCbam(view, { ...options, ...(p.route ? { route: p.route } : {}), ...(corrections ? { corrections } : {}) }), rows);
    return { p, templateId: `P${i + 1}`, view, r };
  });
}

/** Which processes' SEE direct / indirect are known, following the flows (a producer's unknown reaches its consumers). */
function knownAfterFlows(conv: Converted[], missing: MissingFigure[]): Map<string, Known> {
  const known = new Map<string, Known>();
  const byId = new Map(conv.map((c) => [c.p.id, c]));
  const solve = (id: string, depth = 0): Known => {
    const have = known.get(id);
    if (have) return have;
    const c = byId.get(id);
    if (!c || !c.doc || depth > conv.length) return { dir: false, ind: false };
    const k = { ...c.doc.known };
    for (const f of c.p.inputs) {
      const up = solve(f.fromProcess, depth + 1);
      for (const fig of ['dir', 'ind'] as const) {
        if (!up[fig] && k[fig])
          missing.push({
            processId: id,
            figure: fig === 'dir' ? 'direct' : 'indirect',
            reason: msg('cbamconvert:installation.missing.fromProcess', {
              process: id,
              from: f.fromProcess,
              figure: `$t:cbamconvert:installation.figure.${fig === 'dir' ? 'direct' : 'indirect'}`,
            }),
          });
        if (!up[fig]) k[fig] = false;
      }
    }
    known.set(id, k);
    return k;
  };
  for (const c of conv) solve(c.p.id);
  return known;
}

/** Share of embedded direct emissions determined from default values, per process (template definition: on direct emissions). */
function defaultShares(conv: Converted[], see: SeeResult): Map<string, number> {
  const emb = new Map<string, number>();
  const byId = new Map(conv.map((c) => [c.p.id, c]));
  const solve = (id: string, depth = 0): number => {
    const have = emb.get(id);
    if (have !== undefined) return have;
    const c = byId.get(id);
    if (!c || !c.r.ok || depth > conv.length) return 0;
    let d = 0;
    for (const l of c.r.precursors.lines) if (l.basis === 'default' && l.embeddedDirect) d += l.embeddedDirect.value;
    for (const f of c.p.inputs) {
      const up = byId.get(f.fromProcess);
      const al = up?.r.ok ? up.r.production.value : 0;
      if (al > 0) d += convertUnit(f.amount, f.unit as Unit, 't') * (solve(f.fromProcess, depth + 1) / al);
    }
    emb.set(id, d);
    return d;
  };
  const out = new Map<string, number>();
  for (const c of conv) {
    const s = see.processes.find((x) => x.id === c.templateId);
    if (!s || !c.r.ok) continue;
    const total = s.seeDirect * s.activityLevel;
    out.set(c.p.id, total > 0 ? round(Math.min(1, Math.max(0, solve(c.p.id) / total)), 6) : 0);
  }
  return out;
}

/** SEE of a process (or its products) as figures, null where not known; the formula is computeSee's. */
function seeFigs(
  s: SeeResult['processes'][number] | undefined,
  k: Known,
  counted: 'direct' | 'total',
  uncertain: boolean,
  share: number | null,
): InstallationSee {
  const direct = s && k.dir ? computed(s.seeDirect, FIG_SEE, '(AttrEm_dir + Σ M_i × SEE_dir,i) / AL', uncertain) : null;
  const indirect = s && k.ind ? computed(s.seeIndirect, FIG_SEE, '(AttrEm_ind + Σ M_i × SEE_ind,i) / AL', uncertain) : null;
  const total = s && k.dir && k.ind ? computed(s.seeTotal, FIG_SEE, 'SEE_dir + SEE_ind', uncertain) : null;
  return { direct, indirect, total, counted, countedValue: counted === 'direct' ? direct : total, shareDefault: direct ? share : null };
}

export function convertInstallation(dataset: Dataset, options: InstallationOptions): ConvertResult | InstallationConversion {
  if (!dataset.processes?.length) return convertToCbam(dataset, options);
  const procs = dataset.processes;
  const conv = convertEach(dataset, procs, options);
  const findings: Problem[] = [];
  const missing: MissingFigure[] = [];
  const first = conv.find((c) => c.r.ok)?.r as CbamConversion | undefined;
  const packFor = first ? cbamPackForPeriod(first.period.label, first.pack.scheme) : undefined;
  const templateIds = new Map(conv.map((c) => [c.p.id, c.templateId]));
  let ppCount = 0;
  for (const c of conv) {
    if (!c.r.ok) {
      missing.push({ processId: c.p.id, figure: 'process', reason: msg('cbamconvert:installation.missing.process', { process: c.p.id, name: c.p.name }) });
      for (const e of c.r.errors) findings.push({ severity: 'error', path: ['processes', procs.indexOf(c.p)], message: e });
      continue;
    }
    findings.push(...c.r.findings);
    try {
      c.doc = docProcess(c.r, c.p, c.view, c.templateId, ppCount);
    } catch (e) {
      if (!(e instanceof CbamConvertError)) throw e;
      missing.push({ processId: c.p.id, figure: 'process', reason: msg('cbamconvert:installation.missing.process', { process: c.p.id, name: c.p.name }) });
      for (const m of e.messages) findings.push({ severity: 'error', path: ['processes', procs.indexOf(c.p)], message: m });
      continue;
    }
    ppCount += c.doc.pps.length;
    missing.push(...c.doc.reasons);
  }
  const known = knownAfterFlows(conv, missing);
  const ok = conv.filter((c): c is Converted & { r: CbamConversion; doc: DocPart } => c.r.ok && !!c.doc);
  // internal flows: the consumer's precursor from the producer's template id (flows from a process that failed are left out: their SEE is missing)
  for (const c of ok)
    for (const f of c.p.inputs)
      if (ok.some((x) => x.p.id === f.fromProcess))
        c.doc.proc.precursors!.push({
          from: templateIds.get(f.fromProcess)!,
          amount: {
            value: round(convertUnit(f.amount, f.unit as Unit, 't'), 9),
            source: { ref: `Dataset process ${c.p.id} input from ${f.fromProcess}`, kind: 'measured' },
          },
        });
  const docs = assembleDocs(dataset, ok, findings);
  let see: SeeResult | undefined;
  let parsed: CbamDocData | undefined;
  if (docs) {
    try {
      parsed = parseCbamDocData(docs);
      see = computeSee(parsed, packFor?.ok ? packFor.pack.constants : undefined);
    } catch (e) {
      if (!(e instanceof CbamDocError)) throw e;
      for (const m of e.messages) findings.push({ severity: 'error', path: ['processes'], message: m });
    }
  }
  const shares = see ? defaultShares(conv, see) : new Map<string, number>();
  if (docs && see) writeProductSee(docs, see, conv, known, shares);
  const processes: InstallationProcess[] = conv.map((c) => {
    const s = see?.processes.find((x) => x.id === c.templateId);
    const k = known.get(c.p.id) ?? { dir: false, ind: false };
    const r = c.r.ok ? c.r : undefined;
    const counted = r?.see.counted ?? 'total';
    const uncertain =
      !!r &&
      (!!r.see.direct?.uncertain ||
        c.p.inputs.some((f) => {
          const u = conv.find((x) => x.p.id === f.fromProcess)?.r;
          return !!u?.ok && !!u.see.direct?.uncertain;
        }));
    const procSee = seeFigs(s, k, counted, uncertain, shares.get(c.p.id) ?? null);
    const inputs = c.p.inputs.map((f) => {
      const up = conv.find((x) => x.p.id === f.fromProcess);
      const us = see?.processes.find((x) => x.id === up?.templateId);
      const uk = known.get(f.fromProcess) ?? { dir: false, ind: false };
      return {
        from: f.fromProcess,
        fromTemplateId: up?.templateId ?? '-',
        amount: {
          value: round(convertUnit(f.amount, f.unit as Unit, 't'), 9),
          unit: 't',
          source: { kind: 'dataset' as const, lines: [], note: `processes.${c.p.id}.inputs` },
        },
        seeDirect: us && uk.dir ? computed(us.seeDirect, FIG_SEE, `SEE_dir,${f.fromProcess}`) : null,
        seeIndirect: us && uk.ind ? computed(us.seeIndirect, FIG_SEE, `SEE_ind,${f.fromProcess}`) : null,
      };
    });
    return {
      id: c.p.id,
      templateId: c.templateId,
      name: c.p.name,
      conversion: c.r,
      production: r
        ? { ...r.production, source: { kind: 'dataset', lines: [], note: `processes[${procs.indexOf(c.p)}].production, process ${c.p.id}` } }
        : {
            value: c.p.production.amount,
            unit: c.p.production.unit,
            source: { kind: 'dataset', lines: [], note: `processes[${procs.indexOf(c.p)}].production, process ${c.p.id}` },
          },
      inputs,
      see: procSee,
    };
  });
  const products: InstallationProduct[] = processes.flatMap((pr) => {
    const p = procs.find((x) => x.id === pr.id)!;
    return p.products.map((x) => ({
      id: x.id,
      processId: p.id,
      cn: x.cnCode,
      printed: printCn(x.cnCode),
      name: x.name,
      see: pr.see,
      ...(x.carbonPrice ? { carbonPrice: x.carbonPrice } : {}),
    }));
  });
  const complete = conv.every((c) => c.r.ok) && !findings.some((f) => f.severity === 'error') && processes.every((p) => p.see.countedValue !== null);
  return { ok: true, status: 'installation', complete, pack: first?.pack ?? null, period: first?.period ?? null, processes, products, docs, missing, findings };
}

/** Our SEE on the documents' products (the template recomputes them; known figures only). */
function writeProductSee(docs: CbamDocInput, see: SeeResult, conv: Converted[], known: Map<string, Known>, shares: Map<string, number>): void {
  for (const pr of docs.products ?? []) {
    const c = conv.find((x) => x.templateId === pr.processId);
    const s = see.processes.find((x) => x.id === pr.processId);
    const k = c ? known.get(c.p.id) : undefined;
    if (!c || !s || !k) continue;
    const src = (formula: string) => ({ ref: `computeSee: ${formula}`, kind: 'calculated' as const });
    if (k.dir) pr.seeDirect = { value: s.seeDirect, source: src('(AttrEm_dir + Σ M_i × SEE_dir,i) / AL') };
    if (k.ind) pr.seeIndirect = { value: s.seeIndirect, source: src('(AttrEm_ind + Σ M_i × SEE_ind,i) / AL') };
    if (k.dir && k.ind) pr.seeTotal = { value: s.seeTotal, source: src('SEE_dir + SEE_ind') };
    const sh = shares.get(c.p.id);
    if (k.dir && sh !== undefined) pr.shareDefault = sh;
  }
}

/** The documents' input model of the installation from the converted processes (known figures only). */
function assembleDocs(ds: Dataset, ok: Array<Converted & { r: CbamConversion; doc: DocPart }>, findings: Problem[]): CbamDocInput | null {
  if (!ok.length) return null;
  const goods = new Map<string, Set<string>>();
  for (const c of ok) {
    const g = goods.get(c.doc.proc.category) ?? goods.set(c.doc.proc.category, new Set()).get(c.doc.proc.category)!;
    for (const r of c.doc.proc.production) if (r.route) g.add(r.route);
  }
  const products: DocProduct[] = [];
  for (const c of ok)
    for (const x of c.p.products) {
      const cn8 = templateCn(x.cnCode, c.doc.proc.category);
      if (!cn8) {
        const cands = (TEMPLATE_MAP.cnByGood[c.doc.proc.category] ?? []).filter((y) => y.startsWith(x.cnCode.slice(0, 6)));
        findings.push({
          severity: 'warning',
          path: ['processes', ds.processes!.indexOf(c.p), 'products', c.p.products.indexOf(x), 'cnCode'],
          message: msg('cbamconvert:installation.templateCn', {
            product: x.id,
            cn: printCn(x.cnCode),
            category: c.doc.proc.category,
            candidates: cands.map(printCn).join(', ') || '-',
          }),
        });
        continue;
      }
      const cp = docCarbonPrice(x.carbonPrice);
      const qualifying = docQualifying(x.qualifying, c.doc.proc.category);
      // the process's product as the partial model writes it (electricity factor and its source), our SEE set later
      const { seeDirect: _d, seeIndirect: _i, seeTotal: _t, shareDefault: _s, ...base } = c.doc.product ?? { dataSource: 'actual' as const };
      products.push({
        ...base,
        processId: c.doc.proc.id,
        cnCode: cn8,
        name: x.name,
        dataSource: c.r.precursors.lines.some((l) => l.basis === 'default') ? 'mixed' : 'actual',
        ...(cp ? { carbonPrice: cp } : {}),
        ...(qualifying ? { qualifying } : {}),
      });
    }
  const balance = mergeBalances(
    ok.map((c) => c.doc),
    ok,
  );
  const head = ok[0]!.doc.head;
  return {
    ...head,
    reportingPeriod: { start: ds.period.start, end: ds.period.end },
    goods: [...goods].map(([category, routes]) => ({ category, routes: [...routes] })),
    processes: ok.map((c) => c.doc.proc),
    purchasedPrecursors: ok.flatMap((c) => c.doc.pps),
    products,
    sourceStreams: ok.flatMap((c) => c.doc.streams).slice(0, 75),
    ...(balance ? { emissionsBalance: balance } : {}),
    additionalInformation: `Converted by CarbonBridge from a ${ds.study.standard} footprint (${ds.study.gwpSet} → AR5), ${ok.length} production processes, pack ${ok[0]!.r.pack.id} ${ok[0]!.r.pack.version}, period ${ok[0]!.r.period.label}.`,
  };
}

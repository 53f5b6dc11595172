/**
 * Fill the Commission's "CBAM Communication template for installations" v2.1.1 (the user's own copy).
 *
 * Only cells listed as writable in template-map.json (unlocked input cells, generated from the template's styles
 * and protection by tools/build-template-map.mjs) are written, by patching the worksheet XML inside the zip.
 * Formulas, sheet protection, data validations and styles are left as they are; text is written as inline
 * strings (never as formulas; text that looks like a formula gets a quote-prefix style clone), the workbook is
 * flagged to recalculate fully on open and the calculation chain is dropped. The result is re-read and every
 * written cell is compared with what was meant to be written.
 */
import { zipSync, type Unzipped } from 'fflate';
import mapJson from './template-map.json';
import { CbamDocError, docError } from './errors';
import { msg, type Message } from '../../i18n/message';
import { parseCbamDocData } from './parse';
import type { CbamDocData, CbamDocInput, Process, PurchasedPrecursor, SourcedNumber } from './model';
import { val } from './model';
import {
  excelSerial,
  looksLikeFormula,
  numberToXml,
  parseSharedStrings,
  readCells,
  strToU8Utf8,
  u8ToStr,
  unzipOrThrow,
  xmlEscape,
  xmlUnescape,
  type CellValue,
} from './ooxml';
import { computeSee, installationTotals, type SeeResult } from './see';
import { escapeOoxmlText, xmlCarriable } from '../../xlsx/xml';
import { cbamPackForPeriod, definitivePack } from '../packs';
import type { CbamPack } from '../pack-schema';
import { qualifyingParamLabel } from '../../model/qualifying';
import { QUALIFYING_PARAM_OF_COLUMN } from './qualifying-columns';

interface SheetMap {
  path: string;
  hidden: boolean;
  protected: boolean;
  writable: string[];
  validations: unknown[];
}
interface TemplateMap {
  source: { file: string; sha256: string; bytes: number };
  template: {
    version: string;
    typeCell: { sheet: string; ref: string; value: string };
    versionCell: { sheet: string; ref: string; value: number };
    sheetNames: string[];
  };
  constants: { NA: string; OnlyDirProd: string };
  lists: Record<string, (string | boolean)[]>;
  routes: Record<string, string[]>;
  cnByGood: Record<string, string[]>;
  /** Qualifying parameters (Summary_Products columns) the template asks for per aggregated good, and their names. */
  qualifying: Record<string, string[]>;
  qualifyingNames: Record<string, string>;
  sheets: Record<string, SheetMap>;
}
export const TEMPLATE_MAP = mapJson as unknown as TemplateMap;
export const TEMPLATE_VERSION = TEMPLATE_MAP.template.version;
/** Aggregated goods categories as named in the template (English). */
export const TEMPLATE_GOODS: string[] = (TEMPLATE_MAP.lists.CONST_LIST_Goods as string[]).filter(Boolean);
/** The template's exact spelling of a goods category (matched ignoring case and surrounding spaces; e.g. "Calcined clays "). */
export const templateGood = (category: string): string => TEMPLATE_GOODS.find((g) => g.trim().toLowerCase() === category.trim().toLowerCase()) ?? category;
export const templateRoutes = (category: string): string[] => TEMPLATE_MAP.routes[templateGood(category)] ?? [];

/** One planned cell write. `field` names the model field (for the report); `source` is the figure's source. */
export interface CellWrite {
  sheet: string;
  ref: string;
  value: number | string | boolean;
  field: string;
  source?: string;
}

export interface VerificationReport {
  templateVersion: string;
  written: number;
  verified: number;
  mismatches: { sheet: string; ref: string; field: string; expected: CellValue; found: CellValue }[];
  /** Formula count per patched sheet before and after (must be equal). */
  formulasUnchanged: boolean;
  protectionUnchanged: boolean;
  validationsUnchanged: boolean;
  fullCalcOnLoad: boolean;
  calcChainDropped: boolean;
  /** Text cells that started with = + - @ and were neutralised (written as quote-prefixed inline text). */
  neutralised: { sheet: string; ref: string }[];
  /** SEE we computed from the same data (the workbook recomputes them on open). */
  see: SeeResult;
  cells: CellWrite[];
  /** Cells the template asks for that stay empty because the figure is not known, each with the reason (translated key). */
  gaps: TemplateGap[];
  warnings: Message[];
  ok: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Identification

const REQUIRED_SHEETS = [
  'A_InstData',
  'B_EmInst',
  'C_Emissions&Energy',
  'D_Processes',
  'E_PurchPrec',
  'Summary_Processes',
  'Summary_Products',
  'VersionDocumentation',
];

function sheetPaths(files: Unzipped): Map<string, string> {
  const wbU8 = files['xl/workbook.xml'];
  const relsU8 = files['xl/_rels/workbook.xml.rels'];
  if (!wbU8 || !relsU8) throw docError('errors.notXlsx');
  const wb = u8ToStr(wbU8);
  const rels = u8ToStr(relsU8);
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const t = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = xmlUnescape(/\bname="([^"]+)"/.exec(m[0])?.[1] ?? '');
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const p = rid ? target.get(rid) : undefined;
    if (name && p) out.set(name, p);
  }
  return out;
}

/** Recognise the official template v2.1.1. Throws a translated error for anything else. */
export function identifyTemplate(files: Unzipped): Map<string, string> {
  const paths = sheetPaths(files);
  const missing = REQUIRED_SHEETS.filter((s) => !paths.has(s));
  if (missing.length) throw docError('errors.notTemplate', { missing: missing.join(', ') });
  const t = TEMPLATE_MAP.template;
  const vxml = files[paths.get(t.versionCell.sheet)!];
  if (!vxml) throw docError('errors.notTemplate', { missing: t.versionCell.sheet });
  const sst = parseSharedStrings(files['xl/sharedStrings.xml'] ? u8ToStr(files['xl/sharedStrings.xml']) : undefined);
  const cells = readCells(u8ToStr(vxml), [t.typeCell.ref, t.versionCell.ref], sst);
  const type = cells.get(t.typeCell.ref);
  const version = cells.get(t.versionCell.ref);
  if (type !== t.typeCell.value) throw docError('errors.notTemplate', { missing: `${t.typeCell.sheet}!${t.typeCell.ref}` });
  if (version !== t.versionCell.value) {
    const found = typeof version === 'number' ? new Date(Date.UTC(1899, 11, 30) + version * 86400000).toISOString().slice(0, 10) : String(version ?? '?');
    throw docError('errors.unsupportedVersion', { found, expected: `${TEMPLATE_VERSION} (2024-12-13)` });
  }
  return paths;
}

// ---------------------------------------------------------------------------------------------------------------
// Planning: model -> cell writes

const srcText = (n: SourcedNumber | undefined): string | undefined => n?.source?.ref;

function countryName(code: string): string | undefined {
  const codes = TEMPLATE_MAP.lists.CNTR_ListCountriesCode as string[];
  const names = TEMPLATE_MAP.lists.CNTR_ListCountriesName as string[];
  const i = codes.indexOf(code);
  return i >= 0 ? names[i] : undefined;
}

function checkIn(list: string, value: string, field: string): void {
  const l = TEMPLATE_MAP.lists[list] as string[] | undefined;
  if (l && !l.includes(value)) throw docError('errors.notInList', { field, value, allowed: l.filter(Boolean).slice(0, 12).join(' | ') });
}

function checkGood(category: string, field: string): void {
  if (!TEMPLATE_GOODS.includes(category)) throw docError('errors.unknownCategory', { field, value: category, allowed: TEMPLATE_GOODS.join(' | ') });
}

function routeIndex(category: string, route: string | undefined, field: string): number {
  const routes = templateRoutes(category);
  if (route === undefined) {
    if (routes.length === 1) return 0;
    throw docError('errors.routeRequired', { field, category, allowed: routes.join(' | ') });
  }
  const i = routes.indexOf(route);
  if (i < 0) throw docError('errors.unknownRoute', { field, value: route, category, allowed: routes.join(' | ') });
  return i;
}

/** A cell the template asks for that stays empty because CarbonBridge does not know the figure (never written as 0). */
export interface TemplateGap {
  sheet: string;
  ref: string;
  field: string;
  reason: Message;
}

type Put = (sheet: string, ref: string, value: number | string | boolean | undefined | null, field: string, source?: string) => void;
interface Plan {
  data: CbamDocData;
  put: Put;
  gap: (sheet: string, ref: string, field: string, key: string, params?: Record<string, string | number>) => void;
  /** The acts the gap messages cite, from the refs of the pack in use: electricity factor, methods. */
  acts: GapActs;
  procIndex: Map<string, number>;
  ppIndex: Map<string, number>;
  goodCats: Set<string>;
  /** Mass of a process's or purchased precursor's output consumed in each process. */
  consumedBy: (fromId: string) => { consumer: number; amount: SourcedNumber }[];
}

/** The acts the gap messages cite (act and annex as the pack gives them). */
interface GapActs {
  electricity: string;
  methods: string;
}
const actText = (r: { act: string; annex?: string | undefined }): string => [r.act, r.annex].filter(Boolean).join(', ');

/**
 * The EU CBAM pack of the reporting period (the whole period, else the pack of its first or its last day; the
 * definitive pack when none has the dates): the Commission's template is an EU CBAM document.
 */
export function templatePack(rp: { start: string; end: string }): CbamPack {
  for (const [start, end] of [
    [rp.start, rp.end],
    [rp.start, rp.start],
    [rp.end, rp.end],
  ] as const) {
    const r = cbamPackForPeriod({ kind: 'date', label: `${start}/${end}`, year: Number(start.slice(0, 4)), start, end });
    if (r.ok) return r.pack;
  }
  return definitivePack();
}

/** The acts the gap messages cite, from the pack's refs (as the conversion cites them). */
export function gapActs(pack: Pick<CbamPack, 'rules'>): GapActs {
  const { refs } = pack.rules;
  return { electricity: actText(refs.electricity), methods: (refs.methods ?? refs.boundary).act };
}

/** A Summary_Products column as a message parameter: its parameter in the reader's language, else the template's heading. */
export const qualifyingColumnLabel = (col: string): string => {
  const p = QUALIFYING_PARAM_OF_COLUMN[col];
  return p ? qualifyingParamLabel(p) : `$raw:${TEMPLATE_MAP.qualifyingNames[col] ?? col}`;
};

const A = 'A_InstData';
const B = 'B_EmInst';
const C = 'C_Emissions&Energy';
const D = 'D_Processes';
const E = 'E_PurchPrec';
const SP = 'Summary_Products';

/** A: reporting period, installation, verifier. */
function planInstallation({ data, put }: Plan): void {
  const inst = data.installation;
  put(A, 'I9', excelSerial(data.reportingPeriod.start), 'reportingPeriod.start');
  put(A, 'L9', excelSerial(data.reportingPeriod.end), 'reportingPeriod.end');
  put(A, 'I19', inst.name, 'installation.name');
  put(A, 'I20', inst.nameEn, 'installation.nameEn');
  put(A, 'I21', inst.street, 'installation.street');
  put(A, 'I22', inst.economicActivity, 'installation.economicActivity');
  put(A, 'I23', inst.postCode, 'installation.postCode');
  put(A, 'I24', inst.poBox, 'installation.poBox');
  put(A, 'I25', inst.city, 'installation.city');
  const cname = countryName(inst.country);
  if (!cname) throw docError('errors.unknownCountry', { field: 'installation.country', value: inst.country });
  put(A, 'I26', cname, 'installation.country');
  put(A, 'I27', inst.unlocode, 'installation.unlocode');
  put(A, 'I28', inst.latitude, 'installation.latitude');
  put(A, 'I29', inst.longitude, 'installation.longitude');
  put(A, 'I30', inst.representative, 'installation.representative');
  put(A, 'I31', inst.email, 'installation.email');
  put(A, 'I32', inst.phone, 'installation.phone');
  const v = data.verifier;
  if (!v) return;
  put(A, 'I37', v.company, 'verifier.company');
  put(A, 'I38', v.street, 'verifier.street');
  put(A, 'I39', v.city, 'verifier.city');
  put(A, 'I40', v.postCode, 'verifier.postCode');
  put(A, 'I41', v.country && (countryName(v.country) ?? v.country), 'verifier.country');
  put(A, 'I45', v.representative?.name, 'verifier.representative.name');
  put(A, 'I46', v.representative?.email, 'verifier.representative.email');
  put(A, 'I47', v.representative?.phone, 'verifier.representative.phone');
  put(A, 'I48', v.representative?.fax, 'verifier.representative.fax');
  put(A, 'I51', v.accreditation?.memberState, 'verifier.accreditation.memberState');
  put(A, 'I52', v.accreditation?.body, 'verifier.accreditation.body');
  put(A, 'I53', v.accreditation?.registrationNumber, 'verifier.accreditation.registrationNumber');
}

/** A 4(a), 4(b), 5: goods categories and routes, production processes, purchased precursors. */
function planLists({ data, put, goodCats }: Plan): void {
  const ROUTE_COLS = ['I', 'J', 'K', 'L', 'M', 'N'];
  data.goods.forEach((g, i) => {
    const f = `goods[${i}]`;
    checkGood(g.category, `${f}.category`);
    if (goodCats.has(g.category)) throw docError('errors.duplicate', { field: `${f}.category`, value: g.category });
    goodCats.add(g.category);
    put(A, `E${62 + i}`, g.category, `${f}.category`);
    g.routes.forEach((r, k) => {
      routeIndex(g.category, r, `${f}.routes[${k}]`);
      put(A, `${ROUTE_COLS[k]}${62 + i}`, r, `${f}.routes[${k}]`);
    });
  });
  const INCL_COLS = ['G', 'H', 'I', 'J', 'K'];
  data.processes.forEach((p, i) => {
    const f = `processes[${i}]`;
    checkGood(p.category, `${f}.category`);
    if (!goodCats.has(p.category)) throw docError('errors.categoryNotListed', { field: `${f}.category`, value: p.category });
    const row = 83 + i;
    put(A, `E${row}`, p.category, `${f}.category`);
    put(A, `F${row}`, TEMPLATE_MAP.constants.OnlyDirProd, `${f}.includedCategories`);
    p.includedCategories.forEach((c, k) => {
      if (!goodCats.has(c)) throw docError('errors.categoryNotListed', { field: `${f}.includedCategories[${k}]`, value: c });
      put(A, `${INCL_COLS[k]}${row}`, c, `${f}.includedCategories[${k}]`);
    });
    put(A, `L${row}`, p.name, `${f}.name`);
  });
  data.purchasedPrecursors.forEach((pp, i) => {
    const f = `purchasedPrecursors[${i}]`;
    checkGood(pp.category, `${f}.category`);
    checkIn('CNTR_ListCountriesCode', pp.country, `${f}.country`);
    const row = 102 + i;
    put(A, `E${row}`, pp.category, `${f}.category`);
    put(A, `F${row}`, pp.country, `${f}.country`);
    const routes = [...new Set((pp.purchased ?? []).map((r) => r.route).filter((r): r is string => !!r))];
    routes.forEach((r, k) => {
      routeIndex(pp.category, r, `${f}.purchased.route`);
      put(A, `${['G', 'H', 'I', 'J', 'K'][k]}${row}`, r, `${f}.purchased[${k}].route`);
    });
    put(A, `L${row}`, pp.name ?? `${pp.category} (${pp.country})`, `${f}.name`);
  });
}

/** D (a)–(e): production per route and where it goes (market, other processes, non-CBAM goods). */
function planProcessBalance(plan: Plan, p: Process, i: number): void {
  const { data, put } = plan;
  const f = `processes[${i}]`;
  const b = 11 + 65 * i;
  const perRoute = new Array<number>(8).fill(0);
  const routeSrc: (string | undefined)[] = [];
  p.production.forEach((pr, k) => {
    const ri = routeIndex(p.category, pr.route, `${f}.production[${k}].route`);
    perRoute[ri] = perRoute[ri]! + pr.amount.value;
    routeSrc[ri] = srcText(pr.amount);
  });
  // every route row the template shows for the category needs an entry (0 where nothing is produced on that route)
  const nRoutes = Math.min(8, Math.max(1, templateRoutes(p.category).length));
  for (let ri = 0; ri < nRoutes; ri++) put(D, `L${b + 5 + ri}`, perRoute[ri]!, `${f}.production[${ri}]`, routeSrc[ri]);
  const al = perRoute.reduce((s, x) => s + x, 0);
  if (!(al > 0)) throw docError('errors.zeroProduction', { field: `${f}.production`, process: p.name });
  const uses = plan.consumedBy(p.id);
  let consumedTotal = 0;
  const perConsumer = new Array<number>(data.processes.length).fill(0);
  for (const u of uses) {
    perConsumer[u.consumer] = perConsumer[u.consumer]! + u.amount.value;
    consumedTotal += u.amount.value;
  }
  perConsumer.forEach((amount, ci) => {
    if (ci === i) return;
    const j = ci < i ? ci : ci - 1; // rows skip the process itself
    const u = uses.find((x) => x.consumer === ci);
    put(D, `L${b + 21 + j}`, amount, `${f}.consumedIn.${data.processes[ci]!.id}`, u && srcText(u.amount));
  });
  const nonCbam = val(p.consumedForNonCbam);
  const market = p.producedForMarket ? p.producedForMarket.value : al - consumedTotal - nonCbam;
  if (market < -1e-9) throw docError('errors.balance', { field: `${f}.production`, process: p.name });
  put(D, `L${b + 16}`, Math.max(0, market), `${f}.producedForMarket`, srcText(p.producedForMarket));
  put(D, `L${b + 30}`, nonCbam, `${f}.consumedForNonCbam`, srcText(p.consumedForNonCbam));
}

/** D (f)–(k): attributed emissions — DirEm*, heat, waste gases, electricity consumed and exported. */
function planProcessEmissions(plan: Plan, p: Process, i: number): void {
  const { put } = plan;
  const f = `processes[${i}]`;
  const b = 11 + 65 * i;
  const heat = p.heat;
  const wg = p.wasteGas;
  put(D, `K${b + 39}`, !!heat && (val(heat.importedTJ) > 0 || val(heat.exportedTJ) > 0), `${f}.heat.applicable`);
  put(D, `L${b + 39}`, !!wg && (val(wg.importedTJ) > 0 || val(wg.exportedTJ) > 0), `${f}.wasteGas.applicable`);
  put(D, `L${b + 43}`, p.directEmissions.value, `${f}.directEmissions`, srcText(p.directEmissions));
  if (heat) {
    // the template checks imported and exported columns together: zero where there is none
    put(D, `L${b + 46}`, val(heat.importedTJ), `${f}.heat.importedTJ`, srcText(heat.importedTJ));
    put(D, `M${b + 46}`, val(heat.exportedTJ), `${f}.heat.exportedTJ`, srcText(heat.exportedTJ));
    put(D, `L${b + 47}`, val(heat.importedEf), `${f}.heat.importedEf`, srcText(heat.importedEf));
    put(D, `M${b + 47}`, val(heat.exportedEf), `${f}.heat.exportedEf`, srcText(heat.exportedEf));
  }
  if (wg) {
    put(D, `L${b + 50}`, val(wg.importedTJ), `${f}.wasteGas.importedTJ`, srcText(wg.importedTJ));
    put(D, `M${b + 50}`, val(wg.exportedTJ), `${f}.wasteGas.exportedTJ`, srcText(wg.exportedTJ));
    put(D, `L${b + 51}`, wg.importedEf?.value, `${f}.wasteGas.importedEf`, srcText(wg.importedEf));
    put(D, `M${b + 51}`, wg.exportedEf?.value, `${f}.wasteGas.exportedEf`, srcText(wg.exportedEf));
  }
  const el = p.electricity;
  // no electricity object: the process consumes none (0 MWh); a consumption without a factor keeps the factor empty
  put(D, `L${b + 54}`, el ? el.consumptionMWh.value : 0, `${f}.electricity.consumptionMWh`, el && srcText(el.consumptionMWh));
  if (el?.ef) put(D, `L${b + 55}`, el.ef.value, `${f}.electricity.ef`, srcText(el.ef));
  else if (el) plan.gap(D, `L${b + 55}`, `${f}.electricity.ef`, 'gaps.electricityEf', { process: p.name, act: plan.acts.electricity });
  if (el?.efSource) put(D, `L${b + 56}`, el.efSource, `${f}.electricity.efSource`);
  else if (el) plan.gap(D, `L${b + 56}`, `${f}.electricity.efSource`, 'gaps.electricityEfSource', { process: p.name });
  put(
    D,
    `L${b + 60}`,
    p.electricityExported ? p.electricityExported.mwh.value : 0,
    `${f}.electricityExported.mwh`,
    p.electricityExported && srcText(p.electricityExported.mwh),
  );
  if (p.electricityExported) put(D, `L${b + 61}`, p.electricityExported.ef.value, `${f}.electricityExported.ef`, srcText(p.electricityExported.ef));
}

/** E: purchased amounts and where they go; the supplier's SEE, MWh/t and factor (never back-calculated). */
function planPurchased(plan: Plan, pp: PurchasedPrecursor, i: number): void {
  const { data, put } = plan;
  const f = `purchasedPrecursors[${i}]`;
  const b = 14 + 44 * i;
  const uses = plan.consumedBy(pp.id);
  let usedTotal = 0;
  const perConsumer = new Array<number>(data.processes.length).fill(0);
  for (const u of uses) {
    perConsumer[u.consumer] = perConsumer[u.consumer]! + u.amount.value;
    usedTotal += u.amount.value;
  }
  perConsumer.forEach((amount, ci) => {
    const u = uses.find((x) => x.consumer === ci);
    put(E, `L${b + 14 + ci}`, amount, `${f}.consumedIn.${data.processes[ci]!.id}`, u && srcText(u.amount));
  });
  const other = val(pp.otherUses);
  put(E, `L${b + 24}`, other, `${f}.otherUses`, srcText(pp.otherUses));
  if (pp.purchased && pp.purchased.length) {
    const per = new Array<number>(8).fill(0);
    pp.purchased.forEach((r, k) => {
      const ri = routeIndex(pp.category, r.route, `${f}.purchased[${k}].route`);
      per[ri] = per[ri]! + r.amount.value;
    });
    per.forEach((a, ri) => {
      if (a) put(E, `L${b + 3 + ri}`, a, `${f}.purchased[${ri}]`);
    });
    const tot = per.reduce((s, x) => s + x, 0);
    if (Math.abs(tot - usedTotal - other) > 1e-6 * Math.max(1, tot)) throw docError('errors.precursorBalance', { field: `${f}.purchased`, precursor: pp.id });
  } else {
    const ri = routeIndex(pp.category, templateRoutes(pp.category).length === 1 ? undefined : templateRoutes(pp.category).at(-1), f);
    put(E, `L${b + 3 + ri}`, usedTotal + other, `${f}.purchased`);
  }
  put(E, `L${b + 35}`, pp.seeDirect.value, `${f}.seeDirect`, srcText(pp.seeDirect));
  put(E, `M${b + 35}`, pp.seeDirectBasis, `${f}.seeDirectBasis`);
  // SEE (indirect) = MWh/t × EF in the template: each written only when the supplier gave it
  const name = pp.name ?? pp.id;
  const mwh = pp.electricityMWhPerT;
  const ef = pp.electricityEf;
  if (mwh) {
    put(E, `L${b + 36}`, mwh.value, `${f}.electricityMWhPerT`, srcText(mwh));
    put(E, `M${b + 36}`, pp.electricityEfBasis ?? pp.seeDirectBasis, `${f}.electricityMWhPerT.basis`);
  } else {
    // the value is not known: its basis is, truthfully, "Unknown" (the template then asks no default-value justification)
    put(E, `M${b + 36}`, 'Unknown', `${f}.electricityMWhPerT.basis`);
    plan.gap(E, `L${b + 36}`, `${f}.electricityMWhPerT`, 'gaps.precursorMWh', { precursor: name });
  }
  if (ef) {
    put(E, `L${b + 37}`, ef.value, `${f}.electricityEf`, srcText(ef));
    put(E, `M${b + 37}`, pp.electricityEfSource ?? 'D.4(a)', `${f}.electricityEf.efSource`);
  } else plan.gap(E, `L${b + 37}`, `${f}.electricityEf`, 'gaps.precursorEf', { precursor: name });
  if ((!mwh || !ef) && pp.seeIndirect && pp.seeIndirect.value !== 0) {
    plan.gap(E, `L${b + 38}`, `${f}.seeIndirect`, 'gaps.precursorIndirectNotInTemplate', { precursor: name, value: pp.seeIndirect.value });
  }
  if (pp.seeDirectBasis === 'Default') put(E, `K${b + 40}`, pp.defaultJustification ?? 'Data gaps', `${f}.defaultJustification`);
}

/** B: source streams (calculation-based) and PFC rows. */
function planSourceStreams({ data, put }: Plan): void {
  data.sourceStreams.forEach((s, i) => {
    const f = `sourceStreams[${i}]`;
    const r = 17 + i;
    put(B, `D${r}`, s.method, `${f}.method`);
    put(B, `E${r}`, s.name, `${f}.name`);
    put(B, `F${r}`, s.activityData.value, `${f}.activityData`, srcText(s.activityData));
    put(B, `G${r}`, s.adUnit, `${f}.adUnit`);
    put(B, `H${r}`, s.ncv?.value, `${f}.ncv`, srcText(s.ncv));
    put(B, `J${r}`, s.ef?.value, `${f}.ef`, srcText(s.ef));
    put(B, `K${r}`, s.efUnit ?? (s.ef ? (s.method === 'Combustion' ? 'tCO2/TJ' : 'tCO2/t') : undefined), `${f}.efUnit`);
    put(B, `L${r}`, s.carbonContent?.value, `${f}.carbonContent`, srcText(s.carbonContent));
    put(B, `N${r}`, s.oxidationFactorPct ?? (s.method === 'Combustion' ? 100 : undefined), `${f}.oxidationFactorPct`);
    put(B, `P${r}`, s.conversionFactorPct ?? (s.method === 'Process emissions' ? 100 : undefined), `${f}.conversionFactorPct`);
    put(B, `R${r}`, s.biomassPct ?? 0, `${f}.biomassPct`);
  });
  data.pfc.forEach((s, i) => {
    const f = `pfc[${i}]`;
    const r = 98 + i;
    put(B, `D${r}`, s.method, `${f}.method`);
    put(B, `E${r}`, s.technology, `${f}.technology`);
    put(B, `F${r}`, s.activityData.value, `${f}.activityData`, srcText(s.activityData));
    put(B, `AG${r}`, s.frequency, `${f}.frequency`);
    put(B, `AH${r}`, s.duration, `${f}.duration`);
    put(B, `AI${r}`, s.sefCf4, `${f}.sefCf4`);
    put(B, `AJ${r}`, s.aeo, `${f}.aeo`);
    put(B, `AK${r}`, s.currentEfficiency, `${f}.currentEfficiency`);
    put(B, `AL${r}`, s.ovc, `${f}.ovc`);
    put(B, `AM${r}`, s.fC2F6, `${f}.fC2F6`);
    put(B, `AT${r}`, s.collectionEfficiency, `${f}.collectionEfficiency`);
  });
}

/** C: fuel balance, GHG balance (manual entries by gas, total indirect), data quality. */
function planBalance(plan: Plan): void {
  const { data, put } = plan;
  const eb = data.emissionsBalance;
  const fuel = eb?.fuel;
  put(C, 'H16', fuel?.totalTJ?.value, 'emissionsBalance.fuel.totalTJ', srcText(fuel?.totalTJ));
  put(C, 'I16', fuel?.cbamTJ?.value, 'emissionsBalance.fuel.cbamTJ', srcText(fuel?.cbamTJ));
  put(C, 'J16', fuel?.electricityTJ?.value, 'emissionsBalance.fuel.electricityTJ', srcText(fuel?.electricityTJ));
  put(C, 'K16', fuel?.nonCbamTJ?.value, 'emissionsBalance.fuel.nonCbamTJ', srcText(fuel?.nonCbamTJ));
  const t = installationTotals(data);
  const dirSrc = eb?.co2 ? srcText(eb.co2) : 'Σ DirEm* of the production processes − N2O − PFC';
  put(C, 'H26', t.manual.co2, 'emissionsBalance.co2', dirSrc);
  put(C, 'I26', t.manual.biomass, 'emissionsBalance.biomass', srcText(eb?.biomass));
  put(C, 'J26', t.manual.n2o, 'emissionsBalance.n2o', srcText(eb?.n2o));
  put(C, 'K26', t.manual.pfc, 'emissionsBalance.pfc', srcText(eb?.pfc));
  if (t.manual.indirect !== undefined)
    put(
      C,
      'M26',
      t.manual.indirect,
      'emissionsBalance.totalIndirect',
      eb?.totalIndirect ? srcText(eb.totalIndirect) : 'Σ E_el × EF_el of the production processes',
    );
  else plan.gap(C, 'M26', 'emissionsBalance.totalIndirect', 'gaps.totalIndirect');
  if (eb?.dataQuality) {
    checkIn('CONST_DataQuality', eb.dataQuality, 'emissionsBalance.dataQuality');
    put(C, 'H40', eb.dataQuality, 'emissionsBalance.dataQuality');
  }
  if (eb?.defaultJustification) {
    checkIn('CONST_DataQualityJustification', eb.defaultJustification, 'emissionsBalance.defaultJustification');
    put(C, 'H41', eb.defaultJustification, 'emissionsBalance.defaultJustification');
  }
  if (eb?.qualityAssurance) {
    checkIn('CONST_DataVerification', eb.qualityAssurance, 'emissionsBalance.qualityAssurance');
    put(C, 'H42', eb.qualityAssurance, 'emissionsBalance.qualityAssurance');
  }
}

/** Summary_Processes (further information) and Summary_Products (products, qualifying parameters, carbon price). */
function planSummaries({ data, put, procIndex, gap, acts }: Plan): void {
  put('Summary_Processes', 'M13', data.carbonPriceInstrument, 'carbonPriceInstrument');
  put('Summary_Processes', 'M16', data.additionalInformation, 'additionalInformation');
  data.products.forEach((pr, i) => {
    const f = `products[${i}]`;
    const r = 10 + i;
    const pi = procIndex.get(pr.processId);
    if (pi === undefined) throw docError('errors.unknownProcess', { field: `${f}.processId`, value: pr.processId });
    const proc = data.processes[pi]!;
    const cats = [proc.category, ...proc.includedCategories];
    const cn8 = pr.cnCode;
    if (!cats.some((c) => (TEMPLATE_MAP.cnByGood[c] ?? []).includes(cn8)))
      throw docError('errors.cnNotInCategory', { field: `${f}.cnCode`, value: cn8, category: cats.join(', ') });
    put(SP, `D${r}`, proc.name, `${f}.processId`);
    put(SP, `F${r}`, cn8, `${f}.cnCode`);
    put(SP, `H${r}`, pr.name, `${f}.name`);
    for (const [col, value] of Object.entries(pr.qualifying ?? {})) put(SP, `${col}${r}`, value, `${f}.qualifying.${col}`);
    for (const col of TEMPLATE_MAP.qualifying[proc.category] ?? []) {
      if (pr.qualifying?.[col] === undefined)
        gap(SP, `${col}${r}`, `${f}.qualifying.${col}`, 'gaps.qualifying', { product: pr.name, parameter: qualifyingColumnLabel(col), act: acts.methods });
    }
    const cp = pr.carbonPrice;
    if (!cp) return;
    put(SP, `AL${r}`, cp.instrument, `${f}.carbonPrice.instrument`);
    put(SP, `AM${r}`, cp.shareCovered, `${f}.carbonPrice.shareCovered`);
    if (cp.currency) {
      checkIn('CNTR_ListCurrenciesCode', cp.currency, `${f}.carbonPrice.currency`);
      put(SP, `AP${r}`, cp.currency, `${f}.carbonPrice.currency`);
    }
    put(SP, `AR${r}`, cp.amountPerT?.value, `${f}.carbonPrice.amountPerT`, srcText(cp.amountPerT));
    put(SP, `AT${r}`, cp.rebate, `${f}.carbonPrice.rebate`);
    put(SP, `AU${r}`, cp.rebateShare, `${f}.carbonPrice.rebateShare`);
    put(SP, `AX${r}`, cp.rebatePerT?.value, `${f}.carbonPrice.rebatePerT`, srcText(cp.rebatePerT));
  });
}

/** Ids unique, precursor references resolvable; the lookups every sheet uses. */
function newPlan(parsed: CbamDocData, w: CellWrite[], gaps: TemplateGap[], pack: Pick<CbamPack, 'rules'>): Plan {
  // categories in the template's exact spelling
  const data: CbamDocData = {
    ...parsed,
    goods: parsed.goods.map((g) => ({ ...g, category: templateGood(g.category) })),
    processes: parsed.processes.map((p) => ({ ...p, category: templateGood(p.category), includedCategories: p.includedCategories.map(templateGood) })),
    purchasedPrecursors: parsed.purchasedPrecursors.map((pp) => ({ ...pp, category: templateGood(pp.category) })),
  };
  const put: Put = (sheet, ref, value, field, source) => {
    if (value === undefined || value === null || value === '') return;
    w.push(source ? { sheet, ref, value, field, source } : { sheet, ref, value, field });
  };
  const procIndex = new Map<string, number>();
  data.processes.forEach((p, i) => {
    if (procIndex.has(p.id)) throw docError('errors.duplicate', { field: `processes[${i}].id`, value: p.id });
    procIndex.set(p.id, i);
  });
  const ppIndex = new Map<string, number>();
  data.purchasedPrecursors.forEach((pp, i) => {
    if (ppIndex.has(pp.id)) throw docError('errors.duplicate', { field: `purchasedPrecursors[${i}].id`, value: pp.id });
    ppIndex.set(pp.id, i);
  });
  for (const p of data.processes)
    for (const [k, u] of p.precursors.entries()) {
      if (!procIndex.has(u.from) && !ppIndex.has(u.from))
        throw docError('errors.unknownPrecursorRef', { field: `${p.id}.precursors[${k}].from`, value: u.from });
      if (u.from === p.id) throw docError('errors.selfPrecursor', { field: `${p.id}.precursors[${k}].from`, value: u.from });
    }
  const consumedBy = (fromId: string): { consumer: number; amount: SourcedNumber }[] => {
    const out: { consumer: number; amount: SourcedNumber }[] = [];
    data.processes.forEach((c, ci) =>
      c.precursors.forEach((u) => {
        if (u.from === fromId) out.push({ consumer: ci, amount: u.amount });
      }),
    );
    return out;
  };
  const gap: Plan['gap'] = (sheet, ref, field, key, params) => gaps.push({ sheet, ref, field, reason: msg(`cbamdocs:${key}`, params) });
  return { data, put, gap, acts: gapActs(pack), procIndex, ppIndex, goodCats: new Set(), consumedBy };
}

/**
 * Plan every cell the data fills and list the cells left empty for want of a figure; the gaps cite the acts of `pack`
 * (default: the EU CBAM pack of the reporting period). Pure; throws CbamDocError for data the template cannot take.
 */
export function planTemplate(
  parsed: CbamDocData,
  pack: Pick<CbamPack, 'rules'> = templatePack(parsed.reportingPeriod),
): { cells: CellWrite[]; gaps: TemplateGap[] } {
  const w: CellWrite[] = [];
  const gaps: TemplateGap[] = [];
  const plan = newPlan(parsed, w, gaps, pack);
  planInstallation(plan);
  planLists(plan);
  plan.data.processes.forEach((p, i) => {
    planProcessBalance(plan, p, i);
    planProcessEmissions(plan, p, i);
  });
  plan.data.purchasedPrecursors.forEach((pp, i) => planPurchased(plan, pp, i));
  planSourceStreams(plan);
  planBalance(plan);
  planSummaries(plan);
  for (const c of w) if (typeof c.value === 'string' && c.field.endsWith('efSource')) checkIn('CONST_ElecSource', c.value, c.field);
  // Every planned cell must be an unlocked input cell of the template.
  const writable = new Map<string, Set<string>>();
  for (const c of w) {
    let set = writable.get(c.sheet);
    if (!set) writable.set(c.sheet, (set = new Set(TEMPLATE_MAP.sheets[c.sheet]?.writable ?? [])));
    if (!set.has(c.ref)) throw docError('errors.notWritable', { sheet: c.sheet, ref: c.ref, field: c.field });
  }
  return { cells: w, gaps };
}

/** Plan every cell the data fills. Pure; throws CbamDocError for data the template cannot take. */
export function planTemplateCells(parsed: CbamDocData): CellWrite[] {
  return planTemplate(parsed).cells;
}

// ---------------------------------------------------------------------------------------------------------------
// Patching

interface StyleClones {
  xml: string;
  added: Map<number, number>;
  count: number;
}

function quotePrefixStyle(styles: StyleClones, s: number): number {
  const have = styles.added.get(s);
  if (have !== undefined) return have;
  const m = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles.xml);
  if (!m) return s;
  const xfs = m[1]!.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [];
  const orig = xfs[s];
  if (!orig) return s;
  const clone = /\squotePrefix=/.test(orig) ? orig : orig.replace(/^<xf\b/, '<xf quotePrefix="1"');
  const idx = styles.count++;
  styles.xml = styles.xml.replace(/<\/cellXfs>/, `${clone}</cellXfs>`).replace(/(<cellXfs\b[^>]*\bcount=")(\d+)(")/, `$1${styles.count}$3`);
  styles.added.set(s, idx);
  return idx;
}

function cellXml(r: string, s: string | undefined, value: number | string | boolean, styles: StyleClones, neutralised: () => void): string {
  let sAttr = s !== undefined ? ` s="${s}"` : '';
  if (typeof value === 'number') return `<c r="${r}"${sAttr}><v>${numberToXml(value)}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${r}"${sAttr} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (looksLikeFormula(value)) {
    neutralised();
    sAttr = ` s="${quotePrefixStyle(styles, Number(s ?? 0))}"`;
  }
  // _xHHHH_ in the text is escaped as the shared writer does, so LibreOffice/Excel do not decode it into NUL, ESC …
  return `<c r="${r}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(escapeOoxmlText(value))}</t></is></c>`;
}

const countFormulas = (xml: string): number => (xml.match(/<f[\s>/]/g) ?? []).length;
const protectionOf = (xml: string): string => /<sheetProtection\b[^>]*>/.exec(xml)?.[0] ?? '';
const validationsOf = (xml: string): string => /<dataValidations\b[\s\S]*?<\/dataValidations>/.exec(xml)?.[0] ?? '';

export interface FillResult {
  bytes: Uint8Array;
  report: VerificationReport;
}

/**
 * Fill a copy of the official template with `input`. The template bytes are not modified; a new file is returned
 * together with a verification report (the written file re-read and compared). The gaps cite the acts of `pack`
 * (default: the EU CBAM pack of the reporting period).
 */
export function fillOfficialTemplate(template: Uint8Array, input: CbamDocInput | CbamDocData, pack?: Pick<CbamPack, 'rules'>): FillResult {
  const data = parseCbamDocData(input);
  const files = unzipOrThrow(template);
  const paths = identifyTemplate(files);
  const { cells: writes, gaps } = planTemplate(data, pack);
  const warnings: Message[] = [];
  const see = computeSee(data);
  for (const p of see.processes) if (p.warning) warnings.push(p.warning);

  const bySheet = new Map<string, CellWrite[]>();
  for (const c of writes) (bySheet.get(c.sheet) ?? bySheet.set(c.sheet, []).get(c.sheet)!).push(c);

  const out: Record<string, Uint8Array> = { ...files }; // new object; untouched parts share the (never written) decompressed buffers
  const styles: StyleClones = (() => {
    const xml = u8ToStr(files['xl/styles.xml']!);
    const count = Number(/<cellXfs\b[^>]*\bcount="(\d+)"/.exec(xml)?.[1] ?? 0);
    return { xml, added: new Map(), count };
  })();
  const neutralised: { sheet: string; ref: string }[] = [];
  const before = new Map<string, { f: number; prot: string; dv: string }>();
  for (const [sheet, cells] of bySheet) {
    const path = paths.get(sheet)!;
    const xml = u8ToStr(files[path]!);
    before.set(sheet, { f: countFormulas(xml), prot: protectionOf(xml), dv: validationsOf(xml) });
    const want = new Map(cells.map((c) => [c.ref, c]));
    const seen = new Set<string>();
    const patched = xml.replace(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g, (m0, r: string, attrs: string) => {
      const c = want.get(r);
      if (!c) return m0;
      seen.add(r);
      const s = /\ss="(\d+)"/.exec(attrs)?.[1];
      return cellXml(r, s, c.value, styles, () => neutralised.push({ sheet, ref: r }));
    });
    for (const c of cells) if (!seen.has(c.ref)) throw docError('errors.notWritable', { sheet, ref: c.ref, field: c.field });
    out[path] = strToU8Utf8(patched);
  }
  if (styles.added.size) out['xl/styles.xml'] = strToU8Utf8(styles.xml);

  // recalc on open, drop the calculation chain
  let wb = u8ToStr(files['xl/workbook.xml']!);
  wb = /<calcPr\b/.test(wb)
    ? wb.replace(/<calcPr\b([^>]*?)(\/?)>/, (_m, a: string, close: string) => `<calcPr${a.replace(/\sfullCalcOnLoad="[^"]*"/, '')} fullCalcOnLoad="1"${close}>`)
    : wb.replace(/<\/workbook>/, '<calcPr fullCalcOnLoad="1"/></workbook>');
  out['xl/workbook.xml'] = strToU8Utf8(wb);
  let calcChainDropped = false;
  if (out['xl/calcChain.xml']) {
    delete out['xl/calcChain.xml'];
    calcChainDropped = true;
    out['[Content_Types].xml'] = strToU8Utf8(u8ToStr(files['[Content_Types].xml']!).replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, ''));
    out['xl/_rels/workbook.xml.rels'] = strToU8Utf8(
      u8ToStr(files['xl/_rels/workbook.xml.rels']!).replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, ''),
    );
  }
  const bytes = zipSync(out);

  // --- verification: re-read the written file
  const need = new Set<string>([
    ...[...bySheet.keys()].map((s) => paths.get(s)!),
    'xl/sharedStrings.xml',
    'xl/workbook.xml',
    'xl/calcChain.xml',
    'xl/styles.xml',
  ]);
  const back = unzipOrThrow(bytes, (n) => need.has(n));
  const sst = parseSharedStrings(back['xl/sharedStrings.xml'] ? u8ToStr(back['xl/sharedStrings.xml']) : undefined);
  const mismatches: VerificationReport['mismatches'] = [];
  let verified = 0;
  let formulasUnchanged = true;
  let protectionUnchanged = true;
  let validationsUnchanged = true;
  for (const [sheet, cells] of bySheet) {
    const xml = u8ToStr(back[paths.get(sheet)!]!);
    const b = before.get(sheet)!;
    if (countFormulas(xml) !== b.f) formulasUnchanged = false;
    if (protectionOf(xml) !== b.prot) protectionUnchanged = false;
    if (validationsOf(xml) !== b.dv) validationsUnchanged = false;
    const got = readCells(
      xml,
      cells.map((c) => c.ref),
      sst,
    );
    for (const c of cells) {
      const found = got.get(c.ref) ?? null;
      // text is compared as XML can carry it (a control character in the input is dropped when written)
      if (found === (typeof c.value === 'string' ? xmlCarriable(c.value) : c.value)) verified++;
      else mismatches.push({ sheet, ref: c.ref, field: c.field, expected: c.value, found });
    }
  }
  const fullCalcOnLoad = /<calcPr\b[^>]*fullCalcOnLoad="1"/.test(u8ToStr(back['xl/workbook.xml']!));
  const report: VerificationReport = {
    templateVersion: TEMPLATE_VERSION,
    written: writes.length,
    verified,
    mismatches,
    formulasUnchanged,
    protectionUnchanged,
    validationsUnchanged,
    fullCalcOnLoad,
    calcChainDropped: calcChainDropped && !back['xl/calcChain.xml'],
    neutralised,
    see,
    cells: writes,
    gaps,
    warnings,
    ok: mismatches.length === 0 && formulasUnchanged && protectionUnchanged && validationsUnchanged && fullCalcOnLoad,
  };
  if (!report.ok) warnings.push(msg('cbamdocs:report.verifyFailed', { mismatches: mismatches.length }));
  return { bytes, report };
}

export { CbamDocError };

/** Companion workbook for a filled template: every written cell with its model field, value and source. */
export function fillReportRows(report: VerificationReport): { sheet: string; ref: string; field: string; value: number | string | boolean; source: string }[] {
  return report.cells.map((c) => ({ sheet: c.sheet, ref: c.ref, field: c.field, value: c.value, source: c.source ?? '' }));
}

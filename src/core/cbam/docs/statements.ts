/**
 * Definitive-period documents from an imports ledger:
 *  - quarterly statement: imports of one quarter × SEE → embedded emissions, certificates and cost at that quarter's
 *    price; from 2027 the certificates to hold at quarter end (50 % of the embedded emissions imported since 1 January);
 *  - annual declaration summary: per CN code and country of origin — quantity, embedded emissions, free-allocation
 *    adjustment, carbon-price deduction and certificates to surrender.
 * Certificates, SEFA, mark-ups and prices come from the CBAM cost functions (src/core/cbam/cost.ts) and the rule pack;
 * prices not in the pack (Q4-2026, weekly prices from 2027) are entered by the user, never invented.
 */
import { cbamCost, type CostResult } from '../cost';
import { computedFig, legalRefOf, ruleFig, type Fig } from '../../figure';
import { definitivePack } from '../packs';
import { round, sumExact } from '../../num';
import { msg, type Message } from '../../i18n/message';
import { CbamDocError } from './errors';
import { parseLedger, type ImportLine, type ImportLineInput } from './ledger';
import { writeXlsx, type Cell } from './xlsx-writer';
import { englishT, type Translate } from './i18n';
import { parseCbamDocData } from './parse';
import { computeSee } from './see';
import type { CbamDocData, CbamDocInput } from './model';
import { categoryById, matchCn } from '../screen';
import { sourceNoteIn } from '../../i18n/source-note';

/** The exact sum of a figure over items, rounded once (6 decimals for masses, emissions and certificates). */
const sumOf = <T>(xs: readonly T[], pick: (x: T) => number, dp = 6): number => sumExact(xs.map(pick), dp);
/** The sum in money (to the cent) when every amount is known; not known (null) as soon as one is missing. */
const sumKnown = (amounts: readonly (number | null)[]): number | null => (amounts.every((a) => a !== null) ? sumExact(amounts as number[], 2) : null);

/**
 * A figure of a statement as printed in its tables: the core's figure (../../figure.ts) with its source flattened to
 * one line of text ("act, annex, table", "entered by the user: field" or the formula). Made only by `printedFigure`.
 */
export type PrintedFigure = Omit<Fig, 'source'> & { source: string };

const I18N_KEY = /^[a-z][A-Za-z]*:[A-Za-z0-9_.]+$/;

/** The source of a figure as one line: the act/annex/table/note of a rule, the user field, or the formula (a formula key translated). */
export const sourceText = (f: Fig, t: Translate = englishT): string => {
  const src = f.source;
  switch (src.kind) {
    case 'rule':
      return [src.ref.act, ...[src.ref.annex, src.ref.table, src.ref.note].map((x) => x && sourceNoteIn(t, x))].filter(Boolean).join(', ');
    case 'user': {
      const field = t(`cbamdocs:printed.field.${src.field}`);
      return t('cbamdocs:printed.user', { field: field.endsWith(src.field) ? src.field : field });
    }
    case 'computed':
      return I18N_KEY.test(src.formula) ? t(src.formula, src.params) : src.formula;
    case 'dataset':
      return [src.note && sourceNoteIn(t, src.note), src.lines.length ? t('cbamdocs:printed.lines', { lines: src.lines.join(', ') }) : '']
        .filter(Boolean)
        .join(', ');
    case 'supplier':
      return t('cbamdocs:printed.supplier', { line: `${src.line}${src.ref ? `, ${src.ref}` : ''}` });
    case 'library':
      return `${src.act} [${src.id}]`;
  }
};

/**
 * A figure as a statement prints it: rounded to `dp` decimals where given, its source as text — or the document's own
 * wording of the source (`source`: the imports ledger, the inputs of a composite figure, a supplier's communication).
 */
export function printedFigure(f: Fig, t: Translate = englishT, opts: { dp?: number; source?: string } = {}): PrintedFigure {
  return {
    value: opts.dp === undefined ? f.value : round(f.value, opts.dp),
    unit: f.unit,
    source: opts.source ?? sourceText(f, t),
    ...(f.uncertain ? { uncertain: true } : {}),
  };
}

export interface StatementOptions {
  /** Certificate prices (EUR) by quarter label "2026-Q4" entered by the user; pack prices are used otherwise. */
  prices?: Record<string, number>;
  /** Actual SEE by line (e.g. from a supplier's filled template); the line's own `see` wins. */
  seeFor?: (line: ImportLine) => { see: number; source: string; route?: string } | undefined;
  /** The language of the printed sources (the document's): the app's or the command line's `t`; English by default. */
  t?: Translate;
}

export interface StatementLine {
  line?: number;
  quarter: string;
  cnCode: string;
  origin: string;
  supplierInstallation?: string;
  netMass: PrintedFigure;
  path: 'default' | 'actual';
  see: PrintedFigure;
  embedded: PrintedFigure;
  sefa: PrintedFigure;
  faa: PrintedFigure;
  carbonPriceDeduction: PrintedFigure;
  certificates: PrintedFigure;
  price: PrintedFigure | null;
  costEur: PrintedFigure | null;
  messages: Message[];
}

interface LineCalc {
  line: StatementLine;
  ok: true;
}

function calcLine(l: ImportLine, opts: StatementOptions, needPrice: boolean): LineCalc | { ok: false; errors: Message[] } {
  const ext = l.see === undefined ? opts.seeFor?.(l) : undefined;
  const see = l.see ?? ext?.see;
  const route = l.route ?? ext?.route;
  const base = {
    cn: l.cnCode,
    origin: l.origin,
    mass: l.netMass,
    period: l.quarterLabel,
    ...(see !== undefined ? { see } : {}),
    ...(route ? { route } : {}),
    ...(l.variant ? { variant: l.variant } : {}),
    ...(l.carbonPricePaid !== undefined ? { carbonPricePaid: l.carbonPricePaid } : {}),
  };
  const userPrice = opts.prices?.[l.quarterLabel];
  let r = cbamCost({ ...base, ...(userPrice !== undefined ? { price: userPrice } : {}) });
  let priceKnown = true;
  if (!r.ok && !needPrice && !(l.carbonPricePaid && l.carbonPricePaid > 0) && r.errors.some((e) => /price/i.test(e.key))) {
    // certificates do not depend on the price when nothing is deducted: compute them, leave the cost empty
    r = cbamCost({ ...base, price: 1 });
    priceKnown = false;
  }
  if (!r.ok) {
    const errs = r.errors.some((e) => /price/i.test(e.key)) ? [msg('cbamdocs:errors.noPrice', { quarter: l.quarterLabel }), ...r.errors] : r.errors;
    return { ok: false, errors: errs.map((e) => ({ ...e, params: { ...e.params, line: l.line ?? '', cn: l.cnCode } })) };
  }
  const c = r as CostResult;
  const tr = opts.t ?? englishT;
  const src = (f: Fig) => sourceText(f, tr);
  const seeSource =
    l.see === undefined && ext
      ? ext.source
      : l.see !== undefined && l.seeSource
        ? l.seeSource
        : c.defaultValue
          ? `${src(c.defaultValue.base)}; ${src(c.see)} (${src(c.defaultValue.markup)})`
          : undefined;
  const sefaSource = tr('cbamdocs:printed.sefa', {
    benchmark: c.benchmark.value,
    benchmarkSource: src(c.benchmark),
    factor: c.cbamFactor.value,
    factorSource: src(c.cbamFactor),
    cscf: c.cscf.value,
    cscfSource: src(c.cscf),
  });
  const embedded = computedFig(l.netMass * c.see.value, 'tCO2e', 'cbamdocs:printed.embedded', c.see.uncertain);
  const faa = computedFig(l.netMass * c.sefa.value, 'tCO2e', 'cbamdocs:printed.faa', c.sefa.uncertain);
  return {
    ok: true,
    line: {
      ...(l.line !== undefined ? { line: l.line } : {}),
      quarter: l.quarterLabel,
      cnCode: c.good.printed,
      origin: l.origin,
      ...(l.supplierInstallation ? { supplierInstallation: l.supplierInstallation } : {}),
      netMass: printedFigure(c.inputs.mass, tr, { source: tr('cbamdocs:printed.ledger') }),
      path: c.path,
      see: printedFigure(c.see, tr, { dp: 7, ...(seeSource !== undefined ? { source: seeSource } : {}) }),
      embedded: printedFigure(embedded, tr, { dp: 6 }),
      sefa: printedFigure(c.sefa, tr, { dp: 7, source: sefaSource }),
      faa: printedFigure(faa, tr, { dp: 6 }),
      carbonPriceDeduction: printedFigure(c.carbonPriceDeduction, tr, { dp: 6 }),
      certificates: printedFigure(c.certificates, tr, { dp: 6 }),
      price: priceKnown ? printedFigure(c.price, tr, { dp: 2, source: `${src(c.price)} (${c.price.period})` }) : null,
      costEur: priceKnown ? printedFigure(c.costEur, tr, { dp: 2 }) : null,
      messages: c.messages,
    },
  };
}

function runLines(lines: ImportLine[], opts: StatementOptions, needPrice: boolean): StatementLine[] {
  const out: StatementLine[] = [];
  const errs: Message[] = [];
  for (const l of lines) {
    const r = calcLine(l, opts, needPrice);
    if (r.ok) out.push(r.line);
    else errs.push(...r.errors);
  }
  if (errs.length) throw new CbamDocError(errs[0]!, errs.slice(1));
  return out;
}

export interface QuarterlyStatement {
  kind: 'quarterly-statement';
  quarter: string;
  pack: { id: string; version: string };
  lines: StatementLine[];
  totals: { netMass: number; embedded: number; faa: number; certificates: number; costEur: number | null };
  /** From 2027: certificates to hold at the end of the quarter. Null before 2027. */
  holding: null | { share: PrintedFigure; cumulativeEmbedded: number; cumulativeCertificates: number; required: PrintedFigure };
  messages: Message[];
}

const checkQuarter = (q: string): { year: number; quarter: number } => {
  const m = /^(\d{4})-?Q([1-4])$/i.exec(q.trim());
  if (!m) throw new CbamDocError(msg('cbamdocs:errors.quarter', { field: 'quarter' }));
  const year = Number(m[1]);
  if (year < Number(definitivePack().effectiveFrom.slice(0, 4))) throw new CbamDocError(msg('cbamdocs:errors.periodNotDefinitive', { period: q }));
  return { year, quarter: Number(m[2]) };
};

/** Quarterly statement for `quarter` ("2026-Q1"): the ledger may hold the whole year (needed for the 50 % holding). */
export function buildQuarterlyStatement(ledger: ImportLineInput[] | ImportLine[], quarter: string, opts: StatementOptions = {}): QuarterlyStatement {
  const { year, quarter: qn } = checkQuarter(quarter);
  const label = `${year}-Q${qn}`;
  const all = parseLedger(ledger as ImportLineInput[]);
  const pack = definitivePack();
  const inQuarter = all.filter((l) => l.quarterLabel === label);
  const lines = runLines(inQuarter, opts, false);
  const messages: Message[] = [];
  const costs = lines.map((l) => l.costEur);
  const totals = {
    netMass: sumOf(lines, (l) => l.netMass.value),
    embedded: sumOf(lines, (l) => l.embedded.value),
    faa: sumOf(lines, (l) => l.faa.value),
    certificates: sumOf(lines, (l) => l.certificates.value),
    costEur: sumKnown(costs.map((c) => c?.value ?? null)),
  };
  let holding: QuarterlyStatement['holding'] = null;
  if (year >= pack.quarterlyHolding.fromYear) {
    const ytd = all.filter((l) => l.quarterLabel.startsWith(`${year}-`) && Number(l.quarterLabel.slice(-1)) <= qn);
    const ytdLines = runLines(ytd, opts, false);
    const share = pack.quarterlyHolding.share;
    const cumEmb = sumOf(ytdLines, (l) => l.embedded.value);
    const cumCert = sumOf(ytdLines, (l) => l.certificates.value);
    holding = {
      // the statement cites the act and article of the share (the pack's note is prose, not a citation)
      share: printedFigure(
        ruleFig(share.value, share.unit, legalRefOf({ act: share.source.act, annex: share.source.annex, table: share.source.table }), share.uncertain),
        opts.t,
      ),
      cumulativeEmbedded: cumEmb,
      cumulativeCertificates: cumCert,
      // basis of the holding (embedded emissions vs certificates due) after the Omnibus is uncertain (reference §4.1)
      required: printedFigure(computedFig(cumEmb * share.value, 'certificates', 'cbamdocs:printed.holdingRequired', true, { act: share.source.act }), opts.t, {
        dp: 6,
      }),
    };
  } else messages.push(msg('cbamdocs:report.holdingNotRequired'));
  if (totals.costEur === null) messages.push(msg('cbamdocs:errors.noPrice', { quarter: label }));
  return { kind: 'quarterly-statement', quarter: label, pack: { id: pack.id, version: pack.version }, lines, totals, holding, messages };
}

export interface DeclarationRow {
  cnCode: string;
  origin: string;
  quantity: number;
  embedded: number;
  faa: number;
  carbonPriceDeduction: number;
  certificates: number;
  costEur: number | null;
  paths: ('default' | 'actual')[];
  sources: string[];
  uncertain: boolean;
}
export interface AnnualDeclaration {
  kind: 'annual-declaration';
  year: number;
  pack: { id: string; version: string };
  rows: DeclarationRow[];
  totals: { quantity: number; embedded: number; faa: number; carbonPriceDeduction: number; certificates: number; costEur: number | null };
  lines: StatementLine[];
  messages: Message[];
}

/** Annual declaration summary for `year` (2026+), grouped by CN code and country of origin. */
export function buildAnnualDeclaration(ledger: ImportLineInput[] | ImportLine[], year: number, opts: StatementOptions = {}): AnnualDeclaration {
  checkQuarter(`${year}-Q1`);
  const pack = definitivePack();
  const all = parseLedger(ledger as ImportLineInput[]).filter((l) => l.quarterLabel.startsWith(`${year}-`));
  const lines = runLines(all, opts, false);
  const groups = new Map<string, StatementLine[]>();
  for (const l of lines) {
    const k = `${l.cnCode}|${l.origin}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(l);
  }
  const rows: DeclarationRow[] = [...groups.values()]
    .map((g) => {
      const costs = g.map((l) => l.costEur);
      return {
        cnCode: g[0]!.cnCode,
        origin: g[0]!.origin,
        quantity: sumOf(g, (l) => l.netMass.value),
        embedded: sumOf(g, (l) => l.embedded.value),
        faa: sumOf(g, (l) => l.faa.value),
        carbonPriceDeduction: sumOf(g, (l) => l.carbonPriceDeduction.value),
        certificates: sumOf(g, (l) => l.certificates.value),
        costEur: sumKnown(costs.map((c) => c?.value ?? null)),
        paths: [...new Set(g.map((l) => l.path))],
        sources: [...new Set(g.flatMap((l) => [l.see.source, l.sefa.source, ...(l.price ? [l.price.source] : [])]))],
        uncertain: g.some((l) => l.see.uncertain || l.sefa.uncertain || l.certificates.uncertain),
      };
    })
    .sort((a, b) => a.cnCode.localeCompare(b.cnCode) || a.origin.localeCompare(b.origin));
  const costs = rows.map((r) => r.costEur);
  const totals = {
    quantity: sumOf(rows, (r) => r.quantity),
    embedded: sumOf(rows, (r) => r.embedded),
    faa: sumOf(rows, (r) => r.faa),
    carbonPriceDeduction: sumOf(rows, (r) => r.carbonPriceDeduction),
    certificates: sumOf(rows, (r) => r.certificates),
    costEur: sumKnown(costs),
  };
  const messages: Message[] = [msg('cbamdocs:report.carbonPriceTodo')];
  const thresholdMass = sumExact(
    lines.filter((l) => !/^(2716|280410)/.test(l.cnCode.replace(/\s/g, ''))).map((l) => l.netMass.value),
    6,
  );
  if (thresholdMass <= pack.threshold.massPerYear.value && lines.length === all.length)
    messages.push(msg('cbamdocs:report.thresholdExempt', { mass: thresholdMass }));
  return { kind: 'annual-declaration', year, pack: { id: pack.id, version: pack.version }, rows, totals, lines, messages };
}

// ------------------------------------------------------------------------------------------------ workbooks

const v = (f: PrintedFigure | null | undefined): Cell => (f ? f.value : null);

/** The quarterly statement as xlsx (statement sheet + sources sheet). */
export function quarterlyStatementXlsx(s: QuarterlyStatement, t: Translate = englishT): Uint8Array {
  const cols = [
    'quarter',
    'cnCode',
    'origin',
    'supplier',
    'netMass',
    'see',
    'seeSource',
    'embedded',
    'sefa',
    'sefaSource',
    'carbonPriceDeduction',
    'certificates',
    'price',
    'priceSource',
    'cost',
  ];
  const rows: Cell[][] = [cols.map((c) => t(`cbamdocs:columns.${c}`))];
  for (const l of s.lines)
    rows.push([
      l.quarter,
      l.cnCode,
      l.origin,
      l.supplierInstallation ?? null,
      l.netMass.value,
      l.see.value,
      l.see.source,
      l.embedded.value,
      l.sefa.value,
      l.sefa.source,
      l.carbonPriceDeduction.value,
      l.certificates.value,
      v(l.price),
      l.price?.source ?? null,
      v(l.costEur),
    ]);
  rows.push([null, null, null, null, s.totals.netMass, null, null, s.totals.embedded, null, null, null, s.totals.certificates, null, null, s.totals.costEur]);
  if (s.holding) {
    rows.push([]);
    rows.push([t('cbamdocs:columns.cumulativeEmbedded'), s.holding.cumulativeEmbedded]);
    rows.push([t('cbamdocs:columns.holdingRequired'), s.holding.required.value, s.holding.required.source]);
  }
  const src: Cell[][] = [[t('cbamdocs:columns.field'), t('cbamdocs:columns.value'), t('cbamdocs:columns.sources'), t('cbamdocs:columns.uncertain')]];
  s.lines.forEach((l, i) => {
    for (const [k, f] of Object.entries({ see: l.see, sefa: l.sefa, price: l.price, certificates: l.certificates }))
      if (f) src.push([`#${l.line ?? i + 1} ${t(`cbamdocs:columns.${k}`)}`, f.value, f.source, f.uncertain ? t('cbamdocs:columns.yes') : null]);
  });
  return writeXlsx([
    { name: t('cbamdocs:sheets.statement'), rows },
    { name: t('cbamdocs:sheets.sources'), rows: src },
  ]);
}

/** The annual declaration summary as xlsx. */
export function annualDeclarationXlsx(d: AnnualDeclaration, t: Translate = englishT): Uint8Array {
  const cols = ['cnCode', 'origin', 'quantity', 'embedded', 'faa', 'carbonPriceDeduction', 'certificatesToSurrender', 'cost', 'sources'];
  const rows: Cell[][] = [cols.map((c) => t(`cbamdocs:columns.${c}`))];
  for (const r of d.rows)
    rows.push([r.cnCode, r.origin, r.quantity, r.embedded, r.faa, r.carbonPriceDeduction, r.certificates, r.costEur, r.sources.join('; ')]);
  rows.push([null, null, d.totals.quantity, d.totals.embedded, d.totals.faa, d.totals.carbonPriceDeduction, d.totals.certificates, d.totals.costEur]);
  return writeXlsx([{ name: t('cbamdocs:sheets.declaration'), rows }]);
}

/** Benchmark route letters of IR 2025/2620 for the template's production routes where the mapping is unambiguous. */
const ROUTE_LETTER: Record<string, string> = {
  'Primary (electrolytic) smelting': 'K',
  'Secondary melting (recycling)': 'L',
  'Basic oxygen steelmaking': 'C',
};

/**
 * SEE lookup for ledger lines from suppliers' communication data (the same model the template is filled from): the line's
 * supplier installation is matched on the installation name (English or local), the CN code on the products listed.
 * Only the emissions that count for the good in the definitive period are taken (direct only for iron and steel,
 * aluminium and hydrogen; direct + indirect otherwise, per the rule pack's category flag).
 */
export function seeLookupFromInstallations(list: (CbamDocInput | CbamDocData)[]): NonNullable<StatementOptions['seeFor']> {
  const pack = definitivePack();
  const entries = list.map((d) => {
    const data = parseCbamDocData(d);
    return { data, see: computeSee(data) };
  });
  const norm = (s: string | undefined) => (s ?? '').trim().toLowerCase();
  return (line) => {
    const sup = norm(line.supplierInstallation);
    if (!sup) return undefined;
    const e = entries.find((x) => [x.data.installation.nameEn, x.data.installation.name].some((n) => norm(n) === sup));
    if (!e) return undefined;
    const i = e.data.products.findIndex((p) => line.cnCode === p.cnCode || line.cnCode.startsWith(p.cnCode) || p.cnCode.startsWith(line.cnCode));
    if (i < 0) return undefined;
    const prod = e.data.products[i]!;
    const s = e.see.products[i]!;
    const hit = matchCn(pack, line.cnCode);
    const indirect = hit ? categoryById(pack, hit.category).indirectCounted.value : true;
    const dir = prod.seeDirect?.value ?? s.seeDirect;
    const ind = prod.seeIndirect?.value ?? s.seeIndirect;
    const proc = e.data.processes.find((p) => p.id === prod.processId)!;
    const routeName = e.data.goods.find((g) => g.category === proc.category)?.routes[0];
    const route = routeName ? ROUTE_LETTER[routeName] : undefined;
    return {
      see: round(indirect ? dir + ind : dir, 7),
      source: `Communication data ${e.data.installation.nameEn}, ${e.data.reportingPeriod.start}/${e.data.reportingPeriod.end}, ${proc.name} (${indirect ? 'direct + indirect' : 'direct only'})`,
      ...(route ? { route } : {}),
    };
  };
}

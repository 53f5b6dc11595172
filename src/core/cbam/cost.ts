/**
 * CBAM certificate cost (definitive period): certificates = mass × (SEE − SEFA) − carbon-price deduction, with
 * SEFA = benchmark × CBAM factor × CSCF; cost = certificates × certificate price of the period.
 * Default path: China default × mark-up and the Column B benchmark of the route the annex assigns.
 * Actual path: the user's (verified) SEE and route; the benchmark treatment is marked uncertain (Implementing Regulation (EU) 2025/2620, Column A vs B).
 * Every number is the core's figure (`Fig`, ../figure.ts): its unit and its source (a rule-pack figure with its legal
 * reference, a user entry, or the formula that produced it).
 */
import { computedFig, legalRefOf, ruleFig, userFig, type Fig } from '../figure';
import type { Message } from '../i18n/message';
import { round } from '../num';
import type { Benchmark, CategoryId, DefinitivePack, Figure } from './pack-schema';
import { cbamPackForPeriod, definitivePack, schemeNameParams, type CbamPeriod } from './packs';
import { categoryById, chinaDefaultWithMarkup, cnProblem, defaultRowFor, markupFor, normaliseCn, printCn, resolveCn, type ChinaDefault } from './screen';

/** A rule-pack figure (or another value under its source) as a rule figure: the pack's act, annex, table, note and confidence. */
const rule = (f: Figure, value = f.value): Fig => ruleFig(value, f.unit, legalRefOf(f.source, f.confidence), f.uncertain || f.confidence === 'uncertain');
const user = userFig;
/** formula: key in cbam:formulas of the rule that produced the number */
const computed = (value: number, unit: string, formula: string, uncertain = false, params?: Record<string, string | number>): Fig =>
  computedFig(value, unit, `cbam:formulas.${formula}`, uncertain, params);

export interface CostInput {
  /** CN code, 4/6/8 digits, spaces or dots allowed */
  cn: string;
  /** country of origin, ISO 3166 alpha-2 */
  origin: string;
  /** net mass imported, t (MWh for electricity) */
  mass: number;
  /** '2026-Q1', '2026', or a date */
  period: string;
  /** the scheme whose pack applies (default eu-cbam); a rate pack is costed by ./cost-rate.ts */
  scheme?: string;
  /** actual specific embedded emissions that count for the good (direct only for iron/steel, aluminium, hydrogen), tCO2e/t */
  see?: number;
  /** production route letter of the benchmark annex (C BF-BOF, D DRI-EAF, E scrap-EAF, K primary Al, L secondary Al …) */
  route?: string;
  /** 'white' or 'grey' where the China default table is split by TARIC code (clinker, other hydraulic cement) */
  variant?: string;
  /** certificate price, EUR per certificate (required when the pack has no published price for the period) */
  price?: number;
  /** effective carbon price paid in the country of origin, EUR per tonne of goods (default 0) */
  carbonPricePaid?: number;
  /** benchmark entered by the user, tCO2e/t (for goods whose benchmark this pack does not carry) */
  benchmark?: number;
}

export type CostError = { ok: false; severity: 'input' | 'finding'; errors: Message[] };

export interface PathResult {
  path: 'default' | 'actual';
  see: Fig;
  defaultValue?: { row: ChinaDefault; base: Fig; markup: Fig };
  benchmark: Fig & { column: 'A' | 'B' | 'user'; route: string | null; id?: string; addOn?: Fig; base?: Fig };
  cbamFactor: Fig;
  cscf: Fig;
  sefa: Fig;
  netPerTonne: Fig;
  grossCertificates: Fig;
  uncertain: boolean;
  /** the same figures unrounded, for the figures computed from them (never shown) */
  exact: { see: number; sefa: number; net: number; gross: number };
}

export interface CostResult extends PathResult {
  ok: true;
  inputs: {
    cn: string;
    origin: string;
    mass: Fig;
    period: CbamPeriod;
    route: string | null;
    variant: string | null;
    carbonPricePaid: Fig;
  };
  pack: { id: string; version: string };
  good: {
    code: string;
    printed: string;
    name: string;
    category: CategoryId;
    categoryKey: string;
    sector: string;
    indirectCounted: boolean;
    indirectUncertain: boolean;
  };
  carbonPriceDeduction: Fig;
  certificates: Fig;
  price: Fig & { period: string };
  costEur: Fig;
  costPerTonne: Fig;
  /** names of the figures in this result that are marked uncertain in the rule pack or by the reference */
  uncertainFigures: string[];
  messages: Message[];
}

const fail = (severity: 'input' | 'finding', ...errors: Message[]): CostError => ({ ok: false, severity, errors });

/** decimal digits a double always holds exactly: ⌊−log10 ε⌋ = 15 */
const DOUBLE_DIGITS = Math.floor(-Math.log10(Number.EPSILON));

/**
 * The one rounding of a figure shown to the user: computed from unrounded figures, rounded once, half away from zero,
 * to `dp` decimals (6 for tCO2e and tCO2e/t, 2 for money). Binary floating-point noise below the 15th significant digit
 * (a double holds 15 exact decimal digits) is dropped first, so 43,066.875 rounds to 43,066.88 however it was reached.
 */
export const shown = (x: number, dp: number): number => round(Number(x.toPrecision(DOUBLE_DIGITS)), dp);

/** Benchmarks of the pack that apply to a CN code (any of the entry's CN prefixes is a prefix of the code). */
export function benchmarksFor(pack: DefinitivePack, digits: string, column: 'A' | 'B' = 'B'): Benchmark[] {
  let bestLen = 0;
  const hits: Array<{ b: Benchmark; len: number }> = [];
  for (const b of pack.benchmarks.entries) {
    if (b.column !== column) continue;
    const len = Math.max(0, ...b.cn.filter((c) => digits.startsWith(c)).map((c) => c.length));
    if (len) {
      hits.push({ b, len });
      bestLen = Math.max(bestLen, len);
    }
  }
  return hits.filter((h) => h.len === bestLen).map((h) => h.b);
}

export function cbamFactorFor(pack: DefinitivePack, year: number): Fig | undefined {
  const list = pack.cbamFactor;
  const hit = list.find((f) => f.year === year) ?? (year > list[list.length - 1]!.year ? list[list.length - 1] : undefined);
  return hit ? rule(hit.value) : undefined;
}

export function cscfFor(pack: DefinitivePack, year: number): { value: Fig; assumed: boolean } {
  const hit = pack.cscf.find((c) => year >= c.from && (c.to === null || year <= c.to));
  if (hit) return { value: rule(hit.value), assumed: false };
  return { value: computed(1, '1', 'cscfAssumed', true, { year }), assumed: true };
}

export function publishedPrice(pack: DefinitivePack, period: CbamPeriod) {
  if (!period.quarter) return undefined;
  return pack.certificatePrices.find((p) => p.period === `${period.year}-Q${period.quarter}`);
}

interface Resolved {
  pack: DefinitivePack;
  period: CbamPeriod;
  digits: string;
  code: { code: string; printed: string; name: string; category: CategoryId };
  indirectCounted: boolean;
  indirectUncertain: boolean;
  sector: string;
}

function resolveGood(i: Pick<CostInput, 'cn' | 'period' | 'scheme'> | { cn: string; period: CbamPeriod; scheme?: string }): Resolved | CostError {
  const n = normaliseCn(i.cn);
  if (!n.ok) return fail('input', n.error);
  const pp = cbamPackForPeriod(i.period, i.scheme ?? 'eu-cbam');
  if (!pp.ok) return fail('input', pp.error);
  if (pp.pack.kind === 'rate') return fail('input', { key: 'cbampacks:errors.ratePackNoCertificates', params: schemeNameParams(pp.pack) });
  if (pp.pack.kind !== 'definitive') return fail('finding', { key: 'cbam:errors.noCertificatesTransitional', params: { period: pp.period.label } });
  const pack = pp.pack;
  const r = resolveCn(pack, n.cn.digits);
  const problem = cnProblem(r, n.cn.printed);
  if (problem || r.kind !== 'listed') return fail(problem?.severity ?? 'input', ...(problem?.errors ?? []));
  const hit = r.hit;
  // the code defaults and benchmarks are looked up with: the only subdivision followed (7221 → 7221 00), TARIC digits kept
  const digits = r.lookup;
  const cat = categoryById(pack, hit.category);
  return {
    pack,
    period: pp.period,
    digits,
    code: { code: hit.code, printed: n.cn.printed, name: hit.name, category: hit.category },
    indirectCounted: cat.indirectCounted.value,
    indirectUncertain: !!cat.indirectCounted.uncertain,
    sector: cat.sector,
  };
}

const checkNum = (v: unknown, field: string, opts: { positive?: boolean } = {}): Message | undefined => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return { key: 'cbam:errors.notANumber', params: { field } };
  if (opts.positive ? !(v > 0) : v < 0)
    return { key: opts.positive ? 'cbam:errors.mustBePositive' : 'cbam:errors.belowMin', params: { field, value: v, min: 0 } };
  return undefined;
};

/** SEE, benchmark, SEFA and net certificates per tonne for one path (default or actual) in one year. */
function computePath(g: Resolved, i: CostInput, path: 'default' | 'actual', year: number, messages: Message[]): PathResult | CostError {
  const { pack, digits } = g;
  let see: Fig;
  let seeX: number;
  let defaultValue: PathResult['defaultValue'];
  let routes: string[] = [];
  if (path === 'default') {
    if (i.origin !== pack.defaultValues.country) return fail('finding', { key: 'cbam:errors.noDefaultForCountry', params: { country: i.origin } });
    const choice = defaultRowFor(pack, digits, i.variant);
    if (!choice.ok) return fail(choice.error.key === 'cbam:errors.noChinaDefault' ? 'finding' : 'input', ...choice.errors);
    const row = choice.row;
    const d = chinaDefaultWithMarkup(pack, row, g.indirectCounted, year);
    if (d.countedBase === null || d.withMarkup == null || !d.markup)
      return fail('finding', { key: 'cbam:errors.chinaDefaultDash', params: { cn: printCn(digits) } });
    const mk = markupFor(pack, row.category, year)!;
    const base = ruleFig(d.countedBase, 'tCO2e/t', legalRefOf(row.source));
    defaultValue = { row: d, base, markup: rule(mk) };
    seeX = d.countedBase * (1 + mk.value);
    see = computed(shown(seeX, 6), 'tCO2e/t', d.counted === 'total' ? 'seeDefaultTotalRounded' : 'seeDefaultDirectRounded', !!mk.uncertain, {
      percent: d.markup.percent,
      year,
    });
    routes = row.route ? row.route.split('/') : [];
  } else {
    see = user(i.see!, 'tCO2e/t', 'see');
    seeX = i.see!;
    if (i.route) routes = [i.route.toUpperCase()];
  }

  // benchmark
  let benchmark: PathResult['benchmark'];
  let benchX: number;
  if (i.benchmark !== undefined) {
    benchX = i.benchmark;
    benchmark = { ...user(i.benchmark, 'tCO2e/t', 'benchmark'), column: 'user', route: routes[0] ?? null };
  } else {
    const cands = benchmarksFor(pack, digits, 'B');
    if (!cands.length) return fail('finding', { key: 'cbam:errors.noBenchmark', params: { cn: printCn(digits) } });
    const routed = cands.filter((b) => b.route !== null);
    let b: Benchmark | undefined = cands.find((c) => c.route === null);
    if (routed.length) {
      if (!routes.length)
        return fail('input', { key: 'cbam:errors.routeRequired', params: { cn: printCn(digits), options: routed.map((r) => r.route).join(', ') } });
      b = routed.find((r) => routes.includes(r.route!));
      if (!b)
        return fail('finding', {
          key: 'cbam:errors.routeUnknown',
          params: { cn: printCn(digits), route: routes.join('/'), options: routed.map((r) => r.route).join(', ') },
        });
    }
    if (!b) return fail('finding', { key: 'cbam:errors.noBenchmark', params: { cn: printCn(digits) } });
    const base = rule(b.value);
    const addOn = b.addOn ? rule(b.addOn) : undefined;
    benchX = b.value.value + (b.addOn?.value ?? 0);
    const value = shown(benchX, 6);
    const unc = path === 'actual' || !!base.uncertain || !!addOn?.uncertain;
    benchmark = {
      ...(addOn ? computed(value, b.value.unit, 'benchmarkAddOn', unc) : { ...base, ...(unc ? { uncertain: true } : {}) }),
      column: 'B',
      route: b.route,
      id: b.id,
      ...(addOn ? { addOn, base } : {}),
    };
  }
  const cf = cbamFactorFor(pack, year);
  if (!cf) return fail('finding', { key: 'cbam:errors.noCbamFactor', params: { year } });
  const cscf = cscfFor(pack, year);
  if (cscf.assumed) messages.push({ key: 'cbam:notes.cscfAssumed', params: { year } });
  // each figure from unrounded figures, rounded once where it is shown
  const sefaX = benchX * cf.value * cscf.value.value;
  const uncertain = !!(see.uncertain || benchmark.uncertain || cf.uncertain || cscf.value.uncertain);
  const sefa = computed(shown(sefaX, 6), 'tCO2e/t', 'sefaRounded', uncertain);
  if (seeX - sefaX < 0) messages.push({ key: 'cbam:notes.netNegative', params: { see: see.value, sefa: sefa.value } });
  const netX = Math.max(0, seeX - sefaX);
  const net = computed(shown(netX, 6), 'tCO2e/t', 'netRounded', uncertain);
  const grossX = i.mass * netX;
  const gross = computed(shown(grossX, 6), 'tCO2e', 'grossRounded', uncertain);
  return {
    path,
    see,
    ...(defaultValue ? { defaultValue } : {}),
    benchmark,
    cbamFactor: cf,
    cscf: cscf.value,
    sefa,
    netPerTonne: net,
    grossCertificates: gross,
    uncertain,
    exact: { see: seeX, sefa: sefaX, net: netX, gross: grossX },
  };
}

function validateCommon(i: CostInput): Message[] {
  const errs: Message[] = [];
  const origin = typeof i.origin === 'string' ? i.origin.trim().toUpperCase() : '';
  if (!/^[A-Z]{2}$/.test(origin)) errs.push({ key: 'cbam:errors.originInvalid', params: { origin: String(i.origin ?? '') } });
  const m = checkNum(i.mass, 'mass', { positive: true });
  if (m) errs.push(m);
  if (i.see !== undefined) {
    const e = checkNum(i.see, 'see');
    if (e) errs.push(e);
  }
  if (i.price !== undefined) {
    const e = checkNum(i.price, 'price', { positive: true });
    if (e) errs.push(e);
  }
  if (i.carbonPricePaid !== undefined) {
    const e = checkNum(i.carbonPricePaid, 'carbonPricePaid');
    if (e) errs.push(e);
  }
  if (i.benchmark !== undefined) {
    const e = checkNum(i.benchmark, 'benchmark');
    if (e) errs.push(e);
  }
  if (i.route !== undefined && !/^[A-Za-z]$/.test(i.route)) errs.push({ key: 'cbam:errors.routeInvalid', params: { route: String(i.route) } });
  return errs;
}

/** Certificates and EUR for a quantity of a good from a country in a period (default path unless `see` is given). */
export function cbamCost(input: CostInput): CostResult | CostError {
  const errs = validateCommon(input);
  if (errs.length) return fail('input', ...errs);
  const i: CostInput = { ...input, origin: input.origin.trim().toUpperCase(), ...(input.route ? { route: input.route.toUpperCase() } : {}) };
  const g = resolveGood(i);
  if ('ok' in g) return g;
  const { pack, period } = g;
  const messages: Message[] = [];
  const path = i.see !== undefined ? 'actual' : 'default';
  const p = computePath(g, i, path, period.year, messages);
  if ('ok' in p) return p;

  // price of the period
  let price: CostResult['price'];
  if (i.price !== undefined) price = { ...user(i.price, 'EUR/certificate', 'price'), period: period.label };
  else {
    const pub = publishedPrice(pack, period);
    if (!pub) {
      if (period.kind === 'year' && period.year <= pack.priceRules.quarterlyUntil)
        return fail('input', { key: 'cbam:errors.priceNeedsQuarter', params: { period: period.label } });
      return fail('input', {
        key: period.year >= pack.priceRules.weeklyFrom ? 'cbam:errors.priceMissingWeekly' : 'cbam:errors.priceMissing',
        params: { period: period.label },
      });
    }
    price = { ...rule(pub.price), period: pub.period };
    if (pub.price.uncertain) messages.push({ key: 'cbam:notes.priceUncertain', params: { period: pub.period, price: pub.price.value } });
  }

  // carbon price paid in the country of origin
  const cp = i.carbonPricePaid ?? 0;
  const cpS = i.carbonPricePaid !== undefined ? user(cp, 'EUR/t', 'carbonPricePaid') : computed(0, 'EUR/t', 'carbonPriceDefault');
  messages.push({ key: 'cbam:notes.deductionRules' });
  if (cp > 0 && path === 'default') messages.push({ key: 'cbam:notes.deductionDefaultPath' });
  if (cp > 0) messages.push({ key: 'cbam:notes.deductionEvidence' });
  // from unrounded figures: the certificates are not rounded before they are priced
  const deductionX = (i.mass * cp) / price.value;
  const deduction = computed(shown(deductionX, 6), 'tCO2e', 'deductionRounded', !!price.uncertain);
  const certX = Math.max(0, p.exact.gross - deductionX);
  const uncertain = p.uncertain || !!price.uncertain;
  const certificates = computed(shown(certX, 6), 'tCO2e', 'certificatesRounded', uncertain);
  const costX = certX * price.value;
  const costEur = computed(shown(costX, 2), 'EUR', 'costRounded', uncertain);
  const costPerTonne = computed(shown(costX / i.mass, 2), 'EUR/t', 'costPerTonneRounded', uncertain);

  // notes
  const cat = categoryById(pack, g.code.category);
  if (!pack.threshold.excludedSectors.includes(cat.sector))
    messages.push({
      key: i.mass <= pack.threshold.massPerYear.value ? 'cbam:notes.thresholdBelow' : 'cbam:notes.threshold',
      params: { t: pack.threshold.massPerYear.value, mass: i.mass },
    });
  else messages.push({ key: 'cbam:notes.thresholdNotApplicable' });
  if (period.year >= pack.quarterlyHolding.fromYear)
    messages.push({
      key: 'cbam:notes.quarterlyHolding',
      params: { percent: round(pack.quarterlyHolding.share.value * 100, 2), year: pack.quarterlyHolding.fromYear },
    });
  if (path === 'actual') {
    messages.push({ key: 'cbam:notes.actualPathBenchmark' });
    messages.push({ key: 'cbam:notes.actualNeedsVerification' });
    if (!g.indirectCounted) messages.push({ key: 'cbam:notes.actualDirectOnly' });
  } else {
    messages.push({ key: 'cbam:notes.defaultPath', params: { route: p.benchmark.route ?? '-' } });
    if (i.route && p.benchmark.route && i.route !== p.benchmark.route)
      messages.push({ key: 'cbam:notes.routeIgnoredOnDefault', params: { route: i.route, annexRoute: p.benchmark.route } });
  }
  if (g.indirectUncertain) messages.push({ key: 'cbam:notes.indirectUncertain', params: { category: `$t:cbam:categories.${g.code.category}` } });
  messages.push({ key: 'cbam:notes.fractionalCertificates' });

  const named: Record<string, Fig | undefined> = {
    see: p.see,
    markup: p.defaultValue?.markup,
    benchmark: p.benchmark,
    benchmarkAddOn: p.benchmark.addOn,
    cbamFactor: p.cbamFactor,
    cscf: p.cscf,
    price,
  };
  const uncertainFigures = Object.entries(named)
    .filter(([, v]) => v?.uncertain)
    .map(([k]) => k);
  if (path === 'actual' && !uncertainFigures.includes('benchmark')) uncertainFigures.push('benchmark');
  if (g.indirectUncertain) uncertainFigures.push('indirectCounted');

  return {
    ok: true,
    inputs: {
      cn: g.code.printed,
      origin: i.origin,
      mass: user(i.mass, cat.unit, 'mass'),
      period,
      route: p.benchmark.route,
      variant: p.defaultValue?.row.variant ?? null,
      carbonPricePaid: cpS,
    },
    pack: { id: pack.id, version: pack.version },
    good: {
      code: g.code.code,
      printed: g.code.printed,
      name: g.code.name,
      category: g.code.category,
      categoryKey: `cbam:categories.${g.code.category}`,
      sector: g.sector,
      indirectCounted: g.indirectCounted,
      indirectUncertain: g.indirectUncertain,
    },
    ...p,
    uncertain,
    carbonPriceDeduction: deduction,
    certificates,
    price,
    costEur,
    costPerTonne,
    uncertainFigures,
    messages,
  };
}

// ---------------------------------------------------------------- projection 2026-2034

export interface ProjectionInput extends Omit<CostInput, 'period' | 'price'> {
  /** one price for all years, entered by the user (EUR/certificate); without it only certificates are projected */
  price?: number;
  fromYear?: number;
  toYear?: number;
}
export interface ProjectionPathRow {
  see: number;
  sefa: number;
  netPerTonne: number;
  certificates: number;
  costEur: number | null;
  uncertain: boolean;
}
export interface ProjectionRow {
  year: number;
  markup: Fig | null;
  cbamFactor: Fig;
  cscf: Fig;
  default: ProjectionPathRow | null;
  actual: ProjectionPathRow | null;
  /** certificates saved by the actual path (default − actual) */
  savedCertificates: number | null;
  savedEur: number | null;
}
export interface ProjectionResult {
  ok: true;
  inputs: { cn: string; origin: string; mass: number; see: number | null; route: string | null; price: Fig | null; carbonPricePaid: number };
  pack: { id: string; version: string };
  rows: ProjectionRow[];
  totals: { defaultCertificates: number | null; actualCertificates: number | null; defaultEur: number | null; actualEur: number | null };
  defaultUnavailable?: Message[];
  messages: Message[];
}

/** Year-by-year certificates (and EUR when the user enters a price) 2026-2034, default path vs actual path. */
export function projectCosts(input: ProjectionInput): ProjectionResult | CostError {
  const first = definitivePack().effectiveFrom.slice(0, 4);
  const errs = validateCommon({ ...input, period: first });
  if (errs.length) return fail('input', ...errs);
  const i: CostInput = { ...input, period: first, origin: input.origin.trim().toUpperCase(), ...(input.route ? { route: input.route.toUpperCase() } : {}) };
  const pack = definitivePack();
  const horizon = pack.rules.projection ?? { from: Number(pack.effectiveFrom.slice(0, 4)), to: pack.cbamFactor[pack.cbamFactor.length - 1]!.year };
  const from = input.fromYear ?? horizon.from;
  const to = input.toYear ?? horizon.to;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < horizon.from || to < from || to > 2100)
    return fail('input', { key: 'cbam:errors.projectionYears', params: { from: String(from), to: String(to) } });
  const g0 = resolveGood({ cn: i.cn, period: first });
  if ('ok' in g0) return g0;
  const messages: Message[] = [];
  const rows: ProjectionRow[] = [];
  let defaultUnavailable: Message[] | undefined;
  const price = input.price;
  const cp = input.carbonPricePaid ?? 0;
  // shown figures rounded once from unrounded ones (as cbamCost); the unrounded certificates kept for the savings
  const certOf = new WeakMap<ProjectionPathRow, number>();
  const pathRow = (p: PathResult): ProjectionPathRow => {
    const certX = Math.max(0, p.exact.gross - (price ? (i.mass * cp) / price : 0));
    const row = {
      see: p.see.value,
      sefa: p.sefa.value,
      netPerTonne: p.netPerTonne.value,
      certificates: shown(certX, 6),
      costEur: price ? shown(certX * price, 2) : null,
      uncertain: p.uncertain,
    };
    certOf.set(row, certX);
    return row;
  };
  for (let y = from; y <= to; y++) {
    const yMsgs: Message[] = [];
    const g = { ...g0, period: { ...g0.period, year: y, label: String(y), start: `${y}-01-01`, end: `${y}-12-31` } };
    let def: ProjectionPathRow | null = null;
    if (!defaultUnavailable) {
      const d = computePath(g, i, 'default', y, yMsgs);
      if ('ok' in d) defaultUnavailable = d.errors;
      else def = pathRow(d);
    }
    let act: ProjectionPathRow | null = null;
    if (i.see !== undefined) {
      const a = computePath(g, i, 'actual', y, yMsgs);
      if ('ok' in a) return a;
      act = pathRow(a);
    }
    if (!def && !act) return fail('finding', ...(defaultUnavailable ?? [{ key: 'cbam:errors.noPath' }]));
    const cf = cbamFactorFor(pack, y)!;
    const cscf = cscfFor(pack, y);
    const mk = markupFor(pack, g0.code.category, y);
    for (const m of yMsgs) if (!messages.some((x) => x.key === m.key && JSON.stringify(x.params) === JSON.stringify(m.params))) messages.push(m);
    rows.push({
      year: y,
      markup: mk ? rule(mk) : null,
      cbamFactor: cf,
      cscf: cscf.value,
      default: def,
      actual: act,
      savedCertificates: def && act ? shown(certOf.get(def)! - certOf.get(act)!, 6) : null,
      savedEur: def && act && price ? shown((certOf.get(def)! - certOf.get(act)!) * price, 2) : null,
    });
  }
  const sum = (k: 'default' | 'actual', f: 'certificates' | 'costEur', dp: number) =>
    rows.every((r) => r[k] && r[k]![f] !== null)
      ? round(
          rows.reduce((a, r) => a + (r[k]![f] as number), 0),
          dp,
        )
      : null;
  const assumedYears = messages.filter((m) => m.key === 'cbam:notes.cscfAssumed').map((m) => m.params!.year);
  if (assumedYears.length > 1) {
    const rest = messages.filter((m) => m.key !== 'cbam:notes.cscfAssumed');
    messages.length = 0;
    messages.push({ key: 'cbam:notes.cscfAssumed', params: { year: `${assumedYears[0]}-${assumedYears[assumedYears.length - 1]}` } }, ...rest);
  }
  if (!price) messages.push({ key: 'cbam:notes.projectionNoPrice' });
  else messages.push({ key: 'cbam:notes.projectionConstantPrice', params: { price } });
  if (i.see !== undefined) messages.push({ key: 'cbam:notes.actualPathBenchmark' });
  return {
    ok: true,
    inputs: {
      cn: g0.code.printed,
      origin: i.origin,
      mass: i.mass,
      see: i.see ?? null,
      route: i.route ?? null,
      price: price ? user(price, 'EUR/certificate', 'price') : null,
      carbonPricePaid: cp,
    },
    pack: { id: pack.id, version: pack.version },
    rows,
    totals: {
      defaultCertificates: sum('default', 'certificates', 6),
      actualCertificates: sum('actual', 'certificates', 6),
      defaultEur: sum('default', 'costEur', 2),
      actualEur: sum('actual', 'costEur', 2),
    },
    ...(defaultUnavailable ? { defaultUnavailable } : {}),
    messages,
  };
}

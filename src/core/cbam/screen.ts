/**
 * CBAM screening of a CN code: is it a CBAM good (longest-prefix match against the 749 CN codes of the pack, since the
 * scope is defined by headings and subheadings), its aggregated goods category, gases, indirect relevance, precursors,
 * and its China default value with the mark-up of the chosen year. Or "not a CBAM good" with the reason. A code the list
 * names only through its subdivisions is covered when every subdivision is ("00" = the only one; else the pack's CN
 * subdivisions); a subdivision the pack knows not to exist under a covered code is refused with the nearest codes.
 */
import type { Message } from '../i18n/message';
import { normaliseDigits } from '../model/normalise';
import { round } from '../num';
import type { Category, CategoryId, CbamPack, CnCode, DefaultValue, DefinitivePack, Figure, Gas, RatePack, Source } from './pack-schema';
import { allCbamPacks, cbamPackForPeriod, definitivePack, type CbamPeriod } from './packs';
import { exclusionsBelow, matchExclusionIn } from './rules/exclusions';

export interface CnInput {
  /** 4, 6 or 8 digits of the CN code, or 10 digits of a TARIC code */
  digits: string;
  /** Printed as in the CN: '7208 39 00' (TARIC: '2523 10 00 90') */
  printed: string;
}

export const printCn = (d: string): string => [d.slice(0, 4), d.slice(4, 6), d.slice(6, 8), d.slice(8, 10)].filter(Boolean).join(' ');

/** Separators allowed between the digit groups: spaces (also no-break, thin and ideographic), dots and hyphens/dashes. */
const CN_SEPARATORS = /[\s.\u00a0\u2009\u202f\u3000\-\u2010-\u2015\u2212\uff0d\uff0e]+/g;

/**
 * Accepts 4, 6 or 8 digits (CN) or 10 digits (TARIC). Digits may be typed full-width (７６０１), Arabic-Indic or Persian
 * (as the dataset format normalises them, ../model/normalise); spaces, dots and hyphens between them are allowed.
 */
export function normaliseCn(input: unknown): { ok: true; cn: CnInput } | { ok: false; error: Message } {
  const raw = typeof input === 'string' ? input : input == null ? '' : String(input);
  const s = raw.trim();
  if (!s) return { ok: false, error: { key: 'cbam:errors.cnEmpty' } };
  const compact = normaliseDigits(s).replace(CN_SEPARATORS, '');
  if (!/^\d+$/.test(compact)) return { ok: false, error: { key: 'cbam:errors.cnNotDigits', params: { input: s } } };
  if (![4, 6, 8, 10].includes(compact.length)) return { ok: false, error: { key: 'cbam:errors.cnLength', params: { input: s, count: compact.length } } };
  return { ok: true, cn: { digits: compact, printed: printCn(compact) } };
}

/** The EU definitive pack's exclusions (kept for callers that list them); every pack carries its own in rules.exclusions. */
export const KNOWN_EXCLUSIONS = (): ReadonlyArray<{ prefix: string; reason: string }> => definitivePack().rules.exclusions.entries;
export const EXCLUSION_SOURCE = (pack: CbamPack = definitivePack()): Source => pack.rules.exclusions.source;

interface CnIndex {
  listed: Map<string, CnCode>;
  /** every 4-, 6- and 8-digit prefix of a code the pack knows: its CN list, its default-value rows, its exclusions, its subdivisions */
  known: Set<string>;
  subdivisions: Map<string, string[]>;
}
const indexCache = new WeakMap<CbamPack, CnIndex>();
function cnIndex(pack: CbamPack): CnIndex {
  let m = indexCache.get(pack);
  if (!m) {
    const subdivisions = new Map((pack.cnCodes.subdivisions?.entries ?? []).map((e) => [e.code, e.subdivisions]));
    const codes = [
      ...pack.cnCodes.codes.map((c) => c.code),
      ...('defaultValues' in pack ? (pack.defaultValues?.values ?? []).map((v) => v.cn) : []),
      ...pack.rules.exclusions.entries.map((e) => e.prefix),
      ...[...subdivisions.values()].flat(),
    ];
    const known = new Set<string>();
    for (const c of codes) for (let l = 4; l <= c.length; l += 2) known.add(c.slice(0, l));
    m = { listed: new Map(pack.cnCodes.codes.map((c) => [c.code, c])), known, subdivisions };
    indexCache.set(pack, m);
  }
  return m;
}

/** Longest CN-list entry that is a prefix of (or equal to) the digits. */
export function matchCn(pack: CbamPack, digits: string): CnCode | undefined {
  const idx = cnIndex(pack).listed;
  for (let len = Math.min(8, digits.length); len >= 4; len -= 2) {
    const hit = idx.get(digits.slice(0, len));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * A code whose only subdivision is "00" is that subdivision (CN numbering: 7221 → 7221 00, 2804 10 → 2804 10 00). Follows
 * such subdivisions down to 8 digits, as far as the pack knows them.
 */
export function onlySubdivision(pack: CbamPack, digits: string): string {
  const { known } = cnIndex(pack);
  let d = digits;
  while (d.length < 8 && known.has(`${d}00`)) d = `${d}00`;
  return d;
}

/** A CN code as the pack resolves it: a listed good (directly or through its only subdivision), or why not. */
export type CnResolution =
  | { kind: 'listed'; hit: CnCode; /** the digits to look defaults up with (the only subdivision followed) */ lookup: string; via?: string }
  | { kind: 'excluded'; prefix: string; reason: string }
  | { kind: 'unknown'; code: string; parent: string; nearest: Array<{ code: string; printed: string }> }
  | { kind: 'below'; coverage: 'all' | 'some'; covered: CnCode[] }
  | { kind: 'notListed' };

/** Whether every subdivision of a code that the list does not name is covered (through "00" or the pack's subdivisions). */
function wholeCovered(pack: CbamPack, digits: string): boolean {
  if (matchCn(pack, digits)) return true;
  const only = onlySubdivision(pack, digits);
  if (only !== digits) return wholeCovered(pack, only);
  const subs = cnIndex(pack).subdivisions.get(digits);
  return !!subs && subs.every((s) => wholeCovered(pack, s));
}

/**
 * The first level below `from` digits at which the code is not one the pack knows under a wholly covered code. Checked
 * down to the 6-digit subheading (Harmonized System, stable between its editions); the 8-digit CN subdivisions change
 * every year and the pack's list follows an older edition (7601 10 10, 3102 10 19 are CN 2026 codes it lacks).
 */
function unknownLevel(pack: CbamPack, digits: string, from: number): Extract<CnResolution, { kind: 'unknown' }> | undefined {
  if (pack.cnCodes.uncertain) return undefined; // a list of reported headings says nothing about subdivisions
  const { known, listed } = cnIndex(pack);
  for (let l = from + 2; l <= Math.min(6, digits.length); l += 2) {
    const parent = digits.slice(0, l - 2);
    const kids = [...known].filter((k) => k.length === l && k.startsWith(parent)).sort();
    if (!kids.length) return undefined;
    if (kids.includes(digits.slice(0, l))) continue;
    const shortestListed = (k: string) => [...listed.keys()].filter((c) => c.startsWith(k)).sort((a, b) => a.length - b.length)[0] ?? k;
    const nearest = [...new Set(kids.map(shortestListed))].map((c) => ({ code: c, printed: printCn(c) }));
    return { kind: 'unknown', code: digits.slice(0, l), parent, nearest };
  }
  return undefined;
}

/** Why a resolved code cannot be costed or converted as one good (translated messages), or undefined for a listed good. */
export function cnProblem(r: CnResolution, printed: string): { severity: 'input' | 'finding'; errors: Message[] } | undefined {
  switch (r.kind) {
    case 'listed':
      return undefined;
    case 'excluded':
      return {
        severity: 'finding',
        errors: [
          { key: 'cbam:errors.notCbamGood', params: { cn: printed } },
          { key: `cbam:reasons.${r.reason}`, params: { cn: printed } },
        ],
      };
    case 'unknown':
      return {
        severity: 'input',
        errors: [
          {
            key: 'cbam:errors.cnUnknown',
            params: { cn: printed, code: printCn(r.code), parent: printCn(r.parent), nearest: r.nearest.map((c) => c.printed).join(', ') },
          },
        ],
      };
    case 'below':
      return {
        severity: 'input',
        errors: [
          r.coverage === 'all'
            ? { key: 'cbam:reasons.allCovered', params: { cn: printed, count: r.covered.length } }
            : { key: 'cbam:errors.cnTooBroad', params: { cn: printed, count: r.covered.length } },
        ],
      };
    case 'notListed':
      return {
        severity: 'finding',
        errors: [
          { key: 'cbam:errors.notCbamGood', params: { cn: printed } },
          { key: 'cbam:reasons.notListed', params: { cn: printed } },
        ],
      };
  }
}

/** Resolves a code (4–10 digits) against the pack: exclusions first where longer, then the list, then its subdivisions. */
export function resolveCn(pack: CbamPack, digits: string): CnResolution {
  let hit = matchCn(pack, digits);
  let via: string | undefined;
  if (!hit) {
    const only = onlySubdivision(pack, digits);
    const h = only !== digits ? matchCn(pack, only) : undefined;
    if (h && h.code.length > digits.length) {
      hit = h;
      via = only;
    }
  }
  const excl = matchExclusion(digits, pack);
  if (excl && (!hit || excl.prefix.length > hit.code.length)) return { kind: 'excluded', ...excl };
  if (hit) {
    const unknown = via ? undefined : unknownLevel(pack, digits, hit.code.length);
    if (unknown) return unknown;
    return { kind: 'listed', hit, lookup: digits.length >= 8 ? digits : onlySubdivision(pack, digits), ...(via ? { via } : {}) };
  }
  const covered = pack.cnCodes.codes.filter((c) => c.code.startsWith(digits));
  if (covered.length) return { kind: 'below', coverage: wholeCovered(pack, digits) ? 'all' : 'some', covered };
  // under a wholly covered code whose subdivisions the pack knows, a code it does not know does not exist
  for (let l = digits.length - 2; l >= 4; l -= 2) {
    if (wholeCovered(pack, digits.slice(0, l))) {
      const u = unknownLevel(pack, digits, l);
      if (u) return u;
      break;
    }
  }
  return { kind: 'notListed' };
}

/** The pack's exclusion rule for a code (longest listed prefix), if any. */
export function matchExclusion(digits: string, pack: CbamPack = definitivePack()): { prefix: string; reason: string } | undefined {
  return matchExclusionIn(pack.rules.exclusions, digits);
}

export function categoryById(pack: CbamPack, id: CategoryId): Category {
  const c = pack.categories.find((x) => x.id === id);
  if (!c) throw new Error(`category ${id} missing from pack ${pack.id}`);
  return c;
}

/** China default rows for a CN code: the longest prefix in the annex table (several rows = TARIC variants). */
export function chinaDefaultRows(pack: DefinitivePack | RatePack, digits: string): { rows: DefaultValue[]; below: DefaultValue[] } {
  const vals = pack.defaultValues?.values ?? [];
  let bestLen = 0;
  for (const v of vals) if (digits.startsWith(v.cn) && v.cn.length > bestLen) bestLen = v.cn.length;
  const rows = bestLen ? vals.filter((v) => v.cn.length === bestLen && digits.startsWith(v.cn)) : [];
  const below = rows.length ? [] : vals.filter((v) => v.cn.startsWith(digits) && v.cn !== digits);
  return { rows, below };
}

export interface DefaultVariant {
  variant: string | null;
  label: string | null;
  taric: string[];
}
export type DefaultRowChoice =
  { ok: true; row: DefaultValue; chosenBy: 'only' | 'taric' | 'variant' } | { ok: false; error: Message; errors: Message[]; variants?: DefaultVariant[] };

const rowFail = (errors: Message[], variants?: DefaultVariant[]): DefaultRowChoice => ({
  ok: false,
  error: errors[0]!,
  errors,
  ...(variants ? { variants } : {}),
});

/**
 * The one China default row for a code (CN or 10-digit TARIC) and an optional variant ('white' / 'grey' where the table
 * is split by TARIC code): a TARIC code the pack's rows name selects its variant; otherwise the variant chosen; otherwise
 * a translated error naming the variants with their TARIC codes.
 */
export function defaultRowFor(pack: CbamPack, cn: string, variant?: string): DefaultRowChoice {
  const n = normaliseCn(cn);
  if (!n.ok) return rowFail([n.error]);
  const printed = n.cn.printed;
  const r = resolveCn(pack, n.cn.digits);
  const problem = cnProblem(r, printed);
  if (problem || r.kind !== 'listed') return rowFail(problem?.errors ?? [{ key: 'cbam:errors.noChinaDefault', params: { cn: printed } }]);
  if (pack.kind === 'transitional' || !pack.defaultValues) return rowFail([{ key: 'cbam:errors.noChinaDefault', params: { cn: printed } }]);
  const { rows, below } = chinaDefaultRows(pack, r.lookup);
  if (!rows.length && below.length) return rowFail([{ key: 'cbam:errors.defaultNeedsLongerCode', params: { cn: printed, count: below.length } }]);
  if (!rows.length) return rowFail([{ key: 'cbam:errors.noChinaDefault', params: { cn: printed } }]);
  if (rows.length === 1) return { ok: true, row: rows[0]!, chosenBy: 'only' };
  const variants: DefaultVariant[] = rows.map((x) => ({ variant: x.variant, label: x.variantLabel, taric: x.taric ?? [] }));
  const options = variants.map((v) => (v.taric.length ? `${v.variant} (TARIC ${v.taric.map(printCn).join(', ')})` : v.variant)).join(', ');
  const byTaric = n.cn.digits.length === 10 ? rows.find((x) => x.taric?.includes(n.cn.digits)) : undefined;
  const v = variant?.trim().toLowerCase();
  const byVariant = v ? rows.find((x) => x.variant === v) : undefined;
  if (byTaric && v && byVariant !== byTaric)
    return rowFail([{ key: 'cbam:errors.variantConflict', params: { cn: printed, variant: v, taricVariant: byTaric.variant ?? '-', options } }], variants);
  if (byTaric) return { ok: true, row: byTaric, chosenBy: 'taric' };
  if (byVariant) return { ok: true, row: byVariant, chosenBy: 'variant' };
  return rowFail([{ key: 'cbam:errors.variantRequired', params: { cn: printed, options } }], variants);
}

/** Mark-up share on default values for a category in a year (fertilisers 1 %, others 10/20/30 %). */
export function markupFor(pack: DefinitivePack | RatePack, category: CategoryId, year: number): Figure | undefined {
  if (!pack.markup) return undefined;
  const list = 'fertilisers' in pack.markup && pack.markup.fertiliserCategories.includes(category) ? pack.markup.fertilisers : pack.markup.standard;
  return list.find((m) => year >= m.from && (m.to === null || year <= m.to))?.share;
}

export interface ChinaDefault {
  cn: string;
  printed: string;
  variant: string | null;
  variantLabel: string | null;
  /** the 10-digit TARIC codes of the variant, where the table names them */
  taric: string[] | null;
  direct: number | null;
  indirect: number | null;
  total: number | null;
  route: string | null;
  unit: 'tCO2e/t';
  source: Source;
  confidence: string;
  /** Which base value counts for the good in the period (total if indirect emissions count, else direct). */
  counted: 'total' | 'direct';
  countedBase: number | null;
  markup?: { year: number; share: number; percent: number; source: Source; uncertain?: boolean };
  /** countedBase × (1 + mark-up), rounded to 6 decimals. */
  withMarkup?: number | null;
  /** direct × (1 + mark-up) and indirect × (1 + mark-up) */
  directWithMarkup?: number | null;
  indirectWithMarkup?: number | null;
}

export function chinaDefaultWithMarkup(pack: DefinitivePack | RatePack, row: DefaultValue, indirectCounted: boolean, year: number): ChinaDefault {
  const counted = indirectCounted ? 'total' : 'direct';
  const countedBase = indirectCounted ? (row.total ?? row.direct) : row.direct;
  const mk = markupFor(pack, row.category, year);
  const f = mk ? 1 + mk.value : undefined;
  const mul = (x: number | null) => (x === null || f === undefined ? null : round(x * f, 6));
  return {
    cn: row.cn,
    printed: printCn(row.cn),
    variant: row.variant,
    variantLabel: row.variantLabel,
    taric: row.taric ?? null,
    direct: row.direct,
    indirect: row.indirect,
    total: row.total,
    route: row.route,
    unit: 'tCO2e/t',
    source: row.source,
    confidence: pack.defaultValues?.confidence ?? 'uncertain',
    counted,
    countedBase,
    ...(mk
      ? {
          markup: { year, share: mk.value, percent: round(mk.value * 100, 4), source: mk.source, ...(mk.uncertain ? { uncertain: true } : {}) },
          withMarkup: mul(countedBase),
          directWithMarkup: mul(row.direct),
          indirectWithMarkup: mul(row.indirect),
        }
      : {}),
  };
}

export interface ScreenCategory {
  id: CategoryId;
  /** i18n key of the category name */
  nameKey: string;
  templateName: string;
  sector: string;
  unit: string;
}

export type ScreenResult =
  /** not a code (error), or a subdivision the CN does not have under a covered code (error cbam:errors.cnUnknown, nearest codes) */
  | { status: 'invalid'; error: Message; nearest?: Array<{ code: string; printed: string }> }
  | {
      status: 'cbam';
      cn: CnInput;
      pack: { id: string; version: string };
      period: CbamPeriod;
      matched: { code: string; printed: string; name: string; source: Source };
      category: ScreenCategory;
      gases: Gas[];
      /** whether indirect (electricity) emissions count for this good in the pack's period */
      indirectCounted: { value: boolean; source: Source; uncertain?: boolean };
      precursors: Array<{ id: CategoryId; nameKey: string }>;
      routes: Array<{ id: string; nameKey: string }>;
      chinaDefaults: ChinaDefault[];
      notes: Message[];
    }
  /** a code with several goods below it: every one of them covered ('all', in several categories) or only some ('some') */
  | {
      status: 'partial';
      coverage: 'all' | 'some';
      cn: CnInput;
      pack: { id: string; version: string };
      period: CbamPeriod;
      reason: Message;
      covered: Array<{ code: string; printed: string; category: CategoryId }>;
      excluded: Array<{ prefix: string; printed: string; reason: Message }>;
    }
  | { status: 'not-cbam'; cn: CnInput; pack: { id: string; version: string }; period: CbamPeriod; reason: Message; source: Source };

export interface ScreenOptions {
  /** '2026', '2026-Q1', '2025-Q3', a date; default: the first year of the scheme's newest pack. Chooses the pack and the mark-up year. */
  period?: string;
  /** the scheme (eu-cbam, uk-cbam …); default eu-cbam */
  scheme?: string;
}

/** Default period of a scheme: the year its newest pack starts (2026 for the EU definitive pack). */
export function defaultPeriodOf(scheme = 'eu-cbam'): string {
  const packs = allCbamPacks().filter((p) => p.scheme === scheme);
  return packs.length ? packs[packs.length - 1]!.effectiveFrom.slice(0, 4) : '';
}

export function screenCn(input: unknown, opts: ScreenOptions = {}): ScreenResult {
  const n = normaliseCn(input);
  if (!n.ok) return { status: 'invalid', error: n.error };
  const scheme = opts.scheme ?? 'eu-cbam';
  const pp = cbamPackForPeriod(opts.period ?? defaultPeriodOf(scheme), scheme);
  if (!pp.ok) return { status: 'invalid', error: pp.error };
  const { pack, period } = pp;
  const cn = n.cn;
  const packRef = { id: pack.id, version: pack.version };
  const r = resolveCn(pack, cn.digits);
  const source = EXCLUSION_SOURCE(pack);

  if (r.kind === 'excluded')
    return {
      status: 'not-cbam',
      cn,
      pack: packRef,
      period,
      reason: { key: `cbam:reasons.${r.reason}`, params: { cn: cn.printed } },
      source,
    };
  if (r.kind === 'unknown') return { status: 'invalid', error: cnProblem(r, cn.printed)!.errors[0]!, nearest: r.nearest };
  if (r.kind === 'below') {
    const excluded = pack.rules.exclusions.entries
      .filter((e) => e.prefix.startsWith(cn.digits))
      .map((e) => ({
        prefix: e.prefix,
        printed: printCn(e.prefix),
        reason: { key: `cbam:reasons.${e.reason}`, params: { cn: printCn(e.prefix) } },
      }));
    return {
      status: 'partial',
      coverage: r.coverage,
      cn,
      pack: packRef,
      period,
      reason:
        r.coverage === 'all'
          ? { key: 'cbam:reasons.allCovered', params: { cn: cn.printed, count: r.covered.length } }
          : { key: 'cbam:reasons.partial', params: { cn: cn.printed, count: r.covered.length } },
      covered: r.covered.map((c) => ({ code: c.code, printed: c.printed, category: c.category })),
      excluded,
    };
  }
  if (r.kind === 'notListed')
    return {
      status: 'not-cbam',
      cn,
      pack: packRef,
      period,
      reason: { key: 'cbam:reasons.notListed', params: { cn: cn.printed } },
      source,
    };
  return screenListed(pack, period, cn, r);
}

/** The screening answer for a code the pack lists (directly or through its only subdivision). */
function screenListed(pack: CbamPack, period: CbamPeriod, cn: CnInput, r: Extract<CnResolution, { kind: 'listed' }>): ScreenResult {
  const { hit } = r;
  const cat = categoryById(pack, hit.category);
  const notes: Message[] = [];
  if (r.via) notes.push({ key: 'cbam:notes.onlySubdivision', params: { cn: cn.printed, code: hit.printed } });
  // excluded subheadings under a covered heading (e.g. 3105 60 under 3105)
  for (const e of exclusionsBelow(pack.rules.exclusions, cn.digits)) notes.push({ key: 'cbam:notes.excludedBelow', params: { cn: printCn(e.prefix) } });
  if (pack.cnCodes.uncertain) notes.push({ key: 'cbampacks:notes.codeListUncertain', params: { act: pack.cnCodes.source.act } });
  if (cat.indirectCounted.uncertain) notes.push({ key: 'cbam:notes.indirectUncertain', params: { category: `$t:cbam:categories.${cat.id}` } });

  let chinaDefaults: ChinaDefault[] = [];
  if (pack.kind === 'rate') {
    const dv = pack.defaultValues;
    if (dv) chinaDefaults = chinaDefaultRows(pack, r.lookup).rows.map((r) => chinaDefaultWithMarkup(pack, r, cat.indirectCounted.value, period.year));
    else notes.push({ key: 'cbampacks:notes.defaultValuesNotFound', params: { act: pack.defaultValuesStatus.source.act } });
    notes.push({
      key: 'cbampacks:notes.registrationThreshold',
      params: { value: pack.registrationThreshold.value, unit: pack.registrationThreshold.unit, act: pack.registrationThreshold.source.act },
    });
  } else if (pack.kind === 'definitive') {
    const found = chinaDefaultRows(pack, r.lookup);
    const below = found.below;
    // a TARIC code that the rows name selects its variant
    const byTaric = cn.digits.length === 10 && found.rows.length > 1 ? found.rows.filter((x) => x.taric?.includes(cn.digits)) : [];
    const rows = byTaric.length === 1 ? byTaric : found.rows;
    if (byTaric.length === 1) notes.push({ key: 'cbam:notes.variantByTaric', params: { cn: cn.printed, variant: `$t:cbam:variants.${byTaric[0]!.variant}` } });
    chinaDefaults = rows.map((r) => chinaDefaultWithMarkup(pack, r, cat.indirectCounted.value, period.year));
    if (!rows.length && below.length) notes.push({ key: 'cbam:notes.defaultNeedsLongerCode', params: { cn: cn.printed, count: below.length } });
    else if (!rows.length) notes.push({ key: 'cbam:notes.noChinaDefault', params: { cn: cn.printed } });
    else if (rows.every((r) => r.direct === null && r.total === null)) notes.push({ key: 'cbam:notes.chinaDefaultDash', params: { cn: cn.printed } });
    if (rows.length > 1) notes.push({ key: 'cbam:notes.variants', params: { cn: cn.printed, count: rows.length } });
    if (!pack.threshold.excludedSectors.includes(cat.sector)) notes.push({ key: 'cbam:notes.threshold', params: { t: pack.threshold.massPerYear.value } });
    else notes.push({ key: 'cbam:notes.thresholdNotApplicable' });
  } else {
    notes.push({ key: 'cbam:notes.transitionalNoDefaults' });
  }

  return {
    status: 'cbam',
    cn,
    pack: { id: pack.id, version: pack.version },
    period,
    matched: { code: hit.code, printed: hit.printed, name: hit.name, source: pack.cnCodes.source },
    category: { id: cat.id, nameKey: `cbam:categories.${cat.id}`, templateName: cat.templateName, sector: cat.sector, unit: cat.unit },
    gases: cat.gases,
    indirectCounted: {
      value: cat.indirectCounted.value,
      source: cat.indirectCounted.source,
      ...(cat.indirectCounted.uncertain ? { uncertain: true } : {}),
    },
    precursors: cat.precursors.map((id) => ({ id, nameKey: `cbam:categories.${id}` })),
    routes: cat.routes.map((id) => ({ id, nameKey: `cbam:routes.${id}` })),
    chinaDefaults,
    notes,
  };
}

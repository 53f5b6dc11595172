/**
 * CBAM screening of a CN code: is it a CBAM good (longest-prefix match against the 749 CN codes of the pack, since the
 * scope is defined by headings and subheadings), its aggregated goods category, gases, indirect relevance, precursors,
 * and its China default value with the mark-up of the chosen year. Or "not a CBAM good" with the reason.
 */
import type { Message } from '../i18n/message';
import { round } from '../num';
import type { Category, CategoryId, CbamPack, CnCode, DefaultValue, DefinitivePack, Figure, Gas, RatePack, Source } from './pack-schema';
import { allCbamPacks, cbamPackForPeriod, definitivePack, type CbamPeriod } from './packs';
import { exclusionsBelow, matchExclusionIn } from './rules/exclusions';

export interface CnInput {
  digits: string;
  /** Printed as in the CN: '7208 39 00' */
  printed: string;
}

export const printCn = (d: string): string => [d.slice(0, 4), d.slice(4, 6), d.slice(6, 8)].filter(Boolean).join(' ');

/** Accepts 4, 6 or 8 digits; spaces and dots (and thin/no-break spaces) between them are allowed. */
export function normaliseCn(input: unknown): { ok: true; cn: CnInput } | { ok: false; error: Message } {
  const raw = typeof input === 'string' ? input : input == null ? '' : String(input);
  const s = raw.trim();
  if (!s) return { ok: false, error: { key: 'cbam:errors.cnEmpty' } };
  const compact = s.replace(/[\s.\u00a0\u2009\u202f]+/g, '');
  if (!/^\d+$/.test(compact)) return { ok: false, error: { key: 'cbam:errors.cnNotDigits', params: { input: s } } };
  if (![4, 6, 8].includes(compact.length))
    return { ok: false, error: { key: 'cbam:errors.cnLength', params: { input: s, count: compact.length } } };
  return { ok: true, cn: { digits: compact, printed: printCn(compact) } };
}

/** The EU definitive pack's exclusions (kept for callers that list them); every pack carries its own in rules.exclusions. */
export const KNOWN_EXCLUSIONS = (): ReadonlyArray<{ prefix: string; reason: string }> => definitivePack().rules.exclusions.entries;
export const EXCLUSION_SOURCE = (pack: CbamPack = definitivePack()): Source => pack.rules.exclusions.source;

const indexCache = new WeakMap<CbamPack, Map<string, CnCode>>();
function cnIndex(pack: CbamPack): Map<string, CnCode> {
  let m = indexCache.get(pack);
  if (!m) {
    m = new Map(pack.cnCodes.codes.map((c) => [c.code, c]));
    indexCache.set(pack, m);
  }
  return m;
}

/** Longest CN-list entry that is a prefix of (or equal to) the digits. */
export function matchCn(pack: CbamPack, digits: string): CnCode | undefined {
  const idx = cnIndex(pack);
  for (let len = Math.min(8, digits.length); len >= 4; len -= 2) {
    const hit = idx.get(digits.slice(0, len));
    if (hit) return hit;
  }
  return undefined;
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

export function chinaDefaultWithMarkup(
  pack: DefinitivePack | RatePack,
  row: DefaultValue,
  indirectCounted: boolean,
  year: number,
): ChinaDefault {
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
  | { status: 'invalid'; error: Message }
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
  | {
      status: 'partial';
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
  const hit = matchCn(pack, cn.digits);
  const excl = matchExclusion(cn.digits, pack);
  const source = EXCLUSION_SOURCE(pack);

  if (excl && (!hit || excl.prefix.length > hit.code.length))
    return {
      status: 'not-cbam', cn, pack: packRef, period,
      reason: { key: `cbam:reasons.${excl.reason}`, params: { cn: cn.printed } },
      source,
    };

  if (!hit) {
    const covered = pack.cnCodes.codes.filter((c) => c.code.startsWith(cn.digits));
    if (covered.length) {
      const excluded = pack.rules.exclusions.entries.filter((e) => e.prefix.startsWith(cn.digits)).map((e) => ({
        prefix: e.prefix,
        printed: printCn(e.prefix),
        reason: { key: `cbam:reasons.${e.reason}`, params: { cn: printCn(e.prefix) } },
      }));
      return {
        status: 'partial', cn, pack: packRef, period,
        reason: { key: 'cbam:reasons.partial', params: { cn: cn.printed, count: covered.length } },
        covered: covered.map((c) => ({ code: c.code, printed: c.printed, category: c.category })),
        excluded,
      };
    }
    return {
      status: 'not-cbam', cn, pack: packRef, period,
      reason: { key: 'cbam:reasons.notListed', params: { cn: cn.printed } },
      source,
    };
  }

  const cat = categoryById(pack, hit.category);
  const notes: Message[] = [];
  // excluded subheadings under a covered heading (e.g. 3105 60 under 3105)
  for (const e of exclusionsBelow(pack.rules.exclusions, cn.digits)) notes.push({ key: 'cbam:notes.excludedBelow', params: { cn: printCn(e.prefix) } });
  if (pack.cnCodes.uncertain) notes.push({ key: 'cbampacks:notes.codeListUncertain', params: { act: pack.cnCodes.source.act } });
  if (cat.indirectCounted.uncertain) notes.push({ key: 'cbam:notes.indirectUncertain', params: { category: `$t:cbam:categories.${cat.id}` } });

  let chinaDefaults: ChinaDefault[] = [];
  if (pack.kind === 'rate') {
    const dv = pack.defaultValues;
    if (dv) chinaDefaults = chinaDefaultRows(pack, cn.digits).rows.map((r) => chinaDefaultWithMarkup(pack, r, cat.indirectCounted.value, period.year));
    else notes.push({ key: 'cbampacks:notes.defaultValuesNotFound', params: { act: pack.defaultValuesStatus.source.act } });
    notes.push({ key: 'cbampacks:notes.registrationThreshold', params: { value: pack.registrationThreshold.value, unit: pack.registrationThreshold.unit, act: pack.registrationThreshold.source.act } });
  } else if (pack.kind === 'definitive') {
    const { rows, below } = chinaDefaultRows(pack, cn.digits);
    chinaDefaults = rows.map((r) => chinaDefaultWithMarkup(pack, r, cat.indirectCounted.value, period.year));
    if (!rows.length && below.length) notes.push({ key: 'cbam:notes.defaultNeedsLongerCode', params: { cn: cn.printed, count: below.length } });
    else if (!rows.length) notes.push({ key: 'cbam:notes.noChinaDefault', params: { cn: cn.printed } });
    else if (rows.every((r) => r.direct === null && r.total === null)) notes.push({ key: 'cbam:notes.chinaDefaultDash', params: { cn: cn.printed } });
    if (rows.length > 1) notes.push({ key: 'cbam:notes.variants', params: { cn: cn.printed, count: rows.length } });
    if (!pack.threshold.excludedSectors.includes(cat.sector))
      notes.push({ key: 'cbam:notes.threshold', params: { t: pack.threshold.massPerYear.value } });
    else notes.push({ key: 'cbam:notes.thresholdNotApplicable' });
  } else {
    notes.push({ key: 'cbam:notes.transitionalNoDefaults' });
  }

  return {
    status: 'cbam',
    cn,
    pack: packRef,
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

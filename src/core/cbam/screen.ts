/**
 * CBAM screening of a CN code: is it a CBAM good (longest-prefix match against the 749 CN codes of the pack, since the
 * scope is defined by headings and subheadings), its aggregated goods category, gases, indirect relevance, precursors,
 * and its China default value with the mark-up of the chosen year. Or "not a CBAM good" with the reason.
 */
import type { Message } from '../i18n/message';
import { round } from '../num';
import type { Category, CategoryId, CbamPack, CnCode, DefaultValue, DefinitivePack, Figure, Gas, Source } from './pack-schema';
import { cbamPackForPeriod, type CbamPeriod } from './packs';

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

/** Known goods that are NOT CBAM goods although a neighbouring (sub)heading is; reason keys in locales cbam:reasons.* */
export const KNOWN_EXCLUSIONS: ReadonlyArray<{ prefix: string; reason: string }> = [
  { prefix: '720221', reason: 'ferroSilicon' },
  { prefix: '720229', reason: 'ferroSilicon' },
  { prefix: '720230', reason: 'siliconManganese' },
  { prefix: '720250', reason: 'otherFerroAlloy' },
  { prefix: '720270', reason: 'otherFerroAlloy' },
  { prefix: '720280', reason: 'otherFerroAlloy' },
  { prefix: '720291', reason: 'otherFerroAlloy' },
  { prefix: '720292', reason: 'otherFerroAlloy' },
  { prefix: '720293', reason: 'otherFerroAlloy' },
  { prefix: '720299', reason: 'otherFerroAlloy' },
  { prefix: '7204', reason: 'scrap' },
  { prefix: '280461', reason: 'polysilicon' },
  { prefix: '280469', reason: 'silicon' },
  { prefix: '7615', reason: 'householdAluminium' },
  { prefix: '310560', reason: 'fertiliserNoNitrogen' },
  { prefix: '284910', reason: 'calciumCarbide' },
];
export const EXCLUSION_SOURCE: Source = {
  act: 'Regulation (EU) 2023/956',
  annex: 'Annex I',
  note: 'CN codes not listed in Annex I (checked against the 749 codes of the Commission template v2.1.1)',
};

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

export function matchExclusion(digits: string): { prefix: string; reason: string } | undefined {
  let best: { prefix: string; reason: string } | undefined;
  for (const e of KNOWN_EXCLUSIONS) if (digits.startsWith(e.prefix) && (!best || e.prefix.length > best.prefix.length)) best = e;
  return best;
}

export function categoryById(pack: CbamPack, id: CategoryId): Category {
  const c = pack.categories.find((x) => x.id === id);
  if (!c) throw new Error(`category ${id} missing from pack ${pack.id}`);
  return c;
}

/** China default rows for a CN code: the longest prefix in the annex table (several rows = TARIC variants). */
export function chinaDefaultRows(pack: DefinitivePack, digits: string): { rows: DefaultValue[]; below: DefaultValue[] } {
  const vals = pack.defaultValues.values;
  let bestLen = 0;
  for (const v of vals) if (digits.startsWith(v.cn) && v.cn.length > bestLen) bestLen = v.cn.length;
  const rows = bestLen ? vals.filter((v) => v.cn.length === bestLen && digits.startsWith(v.cn)) : [];
  const below = rows.length ? [] : vals.filter((v) => v.cn.startsWith(digits) && v.cn !== digits);
  return { rows, below };
}

/** Mark-up share on default values for a category in a year (fertilisers 1 %, others 10/20/30 %). */
export function markupFor(pack: DefinitivePack, category: CategoryId, year: number): Figure | undefined {
  const list = pack.markup.fertiliserCategories.includes(category) ? pack.markup.fertilisers : pack.markup.standard;
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
  pack: DefinitivePack,
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
    confidence: pack.defaultValues.confidence,
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
  /** '2026', '2026-Q1', '2025-Q3', a date; default '2026' (definitive period). Chooses the pack and the mark-up year. */
  period?: string;
}

export function screenCn(input: unknown, opts: ScreenOptions = {}): ScreenResult {
  const n = normaliseCn(input);
  if (!n.ok) return { status: 'invalid', error: n.error };
  const pp = cbamPackForPeriod(opts.period ?? '2026');
  if (!pp.ok) return { status: 'invalid', error: pp.error };
  const { pack, period } = pp;
  const cn = n.cn;
  const packRef = { id: pack.id, version: pack.version };
  const hit = matchCn(pack, cn.digits);
  const excl = matchExclusion(cn.digits);

  if (excl && (!hit || excl.prefix.length > hit.code.length))
    return {
      status: 'not-cbam', cn, pack: packRef, period,
      reason: { key: `cbam:reasons.${excl.reason}`, params: { cn: cn.printed } },
      source: EXCLUSION_SOURCE,
    };

  if (!hit) {
    const covered = pack.cnCodes.codes.filter((c) => c.code.startsWith(cn.digits));
    if (covered.length) {
      const excluded = KNOWN_EXCLUSIONS.filter((e) => e.prefix.startsWith(cn.digits)).map((e) => ({
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
      source: EXCLUSION_SOURCE,
    };
  }

  const cat = categoryById(pack, hit.category);
  const notes: Message[] = [];
  // excluded subheadings under a covered heading (e.g. 3105 60 under 3105)
  for (const e of KNOWN_EXCLUSIONS)
    if (e.prefix.startsWith(cn.digits) && e.prefix.length > cn.digits.length)
      notes.push({ key: 'cbam:notes.excludedBelow', params: { cn: printCn(e.prefix) } });
  if (cat.indirectCounted.uncertain) notes.push({ key: 'cbam:notes.indirectUncertain', params: { category: `$t:cbam:categories.${cat.id}` } });

  let chinaDefaults: ChinaDefault[] = [];
  if (pack.kind === 'definitive') {
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

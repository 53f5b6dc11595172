/**
 * CBAM rule packs, imported statically (works in node/tsx, vitest and vite) and validated on first use.
 * `cbamPackForPeriod` picks the pack whose effective dates contain the period.
 */
import defMeta from '../../../rules/eu-cbam-definitive/pack.json';
import defCategories from '../../../rules/eu-cbam-definitive/categories.json';
import defCnCodes from '../../../rules/eu-cbam-definitive/cn-codes.json';
import defDefaults from '../../../rules/eu-cbam-definitive/default-values-cn.json';
import defBenchmarks from '../../../rules/eu-cbam-definitive/benchmarks.json';
import trMeta from '../../../rules/eu-cbam-transitional/pack.json';
import trCategories from '../../../rules/eu-cbam-transitional/categories.json';
import trCnCodes from '../../../rules/eu-cbam-transitional/cn-codes.json';
import type { Message } from '../i18n/message';
import { parseCbamPack, type CbamPack, type DefinitivePack, type TransitionalPack } from './pack-schema';

export type CbamPackId = 'eu-cbam-definitive' | 'eu-cbam-transitional';

/** The raw (unvalidated) assembled pack objects, as committed in rules/. */
export function rawCbamPack(id: CbamPackId): Record<string, unknown> {
  if (id === 'eu-cbam-definitive')
    return { ...defMeta, categories: defCategories.categories, cnCodes: defCnCodes, defaultValues: defDefaults, benchmarks: defBenchmarks };
  return { ...trMeta, categories: trCategories.categories, cnCodes: trCnCodes };
}

const cache = new Map<CbamPackId, CbamPack>();

/** Validated pack (throws CbamPackError naming the broken field if the committed data is broken). */
export function cbamPack(id: 'eu-cbam-definitive'): DefinitivePack;
export function cbamPack(id: 'eu-cbam-transitional'): TransitionalPack;
export function cbamPack(id: CbamPackId): CbamPack;
export function cbamPack(id: CbamPackId): CbamPack {
  let p = cache.get(id);
  if (!p) {
    p = parseCbamPack(rawCbamPack(id), id);
    cache.set(id, p);
  }
  return p;
}

export const definitivePack = (): DefinitivePack => cbamPack('eu-cbam-definitive');
export const transitionalPack = (): TransitionalPack => cbamPack('eu-cbam-transitional');
export const allCbamPacks = (): CbamPack[] => [transitionalPack(), definitivePack()];

/** A reporting period: a calendar year, a quarter or a single day, with its first and last day. */
export interface CbamPeriod {
  kind: 'year' | 'quarter' | 'date';
  label: string;
  year: number;
  quarter?: 1 | 2 | 3 | 4;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const QSTART = ['01-01', '04-01', '07-01', '10-01'];
const QEND = ['03-31', '06-30', '09-30', '12-31'];

/** Parses '2026', '2026-Q1' (also 'Q1-2026', '2026Q1', lower case), or a date '2026-02-15'. */
export function parseCbamPeriod(input: string): { ok: true; period: CbamPeriod } | { ok: false; error: Message } {
  const s = String(input ?? '').trim().toUpperCase().replace(/\s+/g, '');
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})$/))) {
    const y = Number(m[1]);
    return { ok: true, period: { kind: 'year', label: `${y}`, year: y, start: `${y}-01-01`, end: `${y}-12-31` } };
  }
  const qm = s.match(/^(\d{4})-?Q([1-4])$/) ?? s.match(/^Q([1-4])-?(\d{4})$/)?.slice(1).reverse();
  if (qm) {
    const [ys, qs] = s.startsWith('Q') ? [qm[0]!, qm[1]!] : [qm[1]!, qm[2]!];
    const y = Number(ys);
    const q = Number(qs) as 1 | 2 | 3 | 4;
    return {
      ok: true,
      period: { kind: 'quarter', label: `${y}-Q${q}`, year: y, quarter: q, start: `${y}-${QSTART[q - 1]}`, end: `${y}-${QEND[q - 1]}` },
    };
  }
  if ((m = s.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d) {
      const iso = `${y}-${pad(mo)}-${pad(d)}`;
      const q = (Math.floor((mo - 1) / 3) + 1) as 1 | 2 | 3 | 4;
      return { ok: true, period: { kind: 'date', label: iso, year: y, quarter: q, start: iso, end: iso } };
    }
  }
  return { ok: false, error: { key: 'cbam:errors.periodInvalid', params: { period: String(input ?? '') } } };
}

export type PackForPeriod =
  | { ok: true; pack: CbamPack; period: CbamPeriod }
  | { ok: false; error: Message };

/** Chooses the pack whose effective dates contain the whole period. */
export function cbamPackForPeriod(input: string | CbamPeriod): PackForPeriod {
  let period: CbamPeriod;
  if (typeof input === 'string') {
    const r = parseCbamPeriod(input);
    if (!r.ok) return r;
    period = r.period;
  } else period = input;
  for (const pack of allCbamPacks()) {
    const to = pack.effectiveTo ?? '9999-12-31';
    if (period.start >= pack.effectiveFrom && period.end <= to) return { ok: true, pack, period };
  }
  const tr = transitionalPack();
  if (period.end < tr.effectiveFrom)
    return { ok: false, error: { key: 'cbam:errors.periodBeforeCbam', params: { period: period.label, from: tr.effectiveFrom } } };
  return { ok: false, error: { key: 'cbam:errors.periodSpansPacks', params: { period: period.label } } };
}

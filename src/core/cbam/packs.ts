/**
 * Border-adjustment rule packs: the built-in ones listed in rules/manifest.json (imported statically, so this works in
 * node/tsx, vitest and vite; a pack's files are parsed and validated on its first use, see ./builtin-pack-files), plus
 * packs installed at run time (the CLI's --rules folder, the packs a user loaded in the app's Library). An installed
 * pack replaces the built-in pack of the same id or adds a new one. `cbamPackForPeriod` picks, within a scheme
 * (eu-cbam, uk-cbam, …), the pack whose effective dates contain the period.
 */
import manifest from '../../../rules/manifest.json';
import { BUILT_IN_FILES } from './builtin-pack-files';
import type { Message } from '../i18n/message';
import { parseCbamPack, type CbamPack, type DefinitivePack, type TransitionalPack } from './pack-schema';
import { assembleCbamPack } from './pack-files';
import { parseCbamPeriod, type CbamPeriod } from './period';

export { parseCbamPeriod, type CbamPeriod };

/** Ids of the built-in packs (any other id may be installed at run time). */
export type CbamPackId = 'eu-cbam-definitive' | 'eu-cbam-transitional' | 'uk-cbam' | (string & {});

export interface ManifestEntry {
  id: string;
  scheme: string;
  jurisdiction: string;
  dir: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}
export const RULES_MANIFEST = manifest as { borderAdjustment: ManifestEntry[] };

/** The raw (unvalidated) assembled pack objects of the built-in packs, as committed in rules/. */
export function rawCbamPack(id: CbamPackId): Record<string, unknown> {
  const entry = RULES_MANIFEST.borderAdjustment.find((e) => e.id === id);
  const files = entry ? BUILT_IN_FILES[entry.dir] : undefined;
  const meta = files?.['pack.json'];
  if (!files || !meta) throw new Error(`no built-in CBAM pack ${id}`);
  return assembleCbamPack(meta() as Record<string, unknown>, (name) => files[name]?.());
}

export type PackOrigin = 'built-in' | 'installed';
const builtInCache = new Map<string, CbamPack>();
let installed: CbamPack[] = [];

function builtIn(id: string): CbamPack {
  let p = builtInCache.get(id);
  if (!p) {
    p = parseCbamPack(rawCbamPack(id), id);
    builtInCache.set(id, p);
  }
  return p;
}

/** Installs validated packs (replacing installed or built-in packs of the same id); returns the ids. */
export function installCbamPacks(packs: CbamPack[]): string[] {
  const ids = new Set(packs.map((p) => p.id));
  installed = [...installed.filter((p) => !ids.has(p.id)), ...packs];
  return [...ids];
}
/** Removes installed packs (all, or those named); the built-in packs are always there. */
export function uninstallCbamPacks(ids?: string[]): void {
  installed = ids ? installed.filter((p) => !ids.includes(p.id)) : [];
}

/** Every pack, built-in ones replaced by installed packs of the same id, ordered by scheme and start date. */
export function allCbamPacks(): CbamPack[] {
  const byId = new Map<string, CbamPack>();
  for (const e of RULES_MANIFEST.borderAdjustment) byId.set(e.id, builtIn(e.id));
  for (const p of installed) byId.set(p.id, p);
  return [...byId.values()].sort((a, b) => a.scheme.localeCompare(b.scheme) || a.effectiveFrom.localeCompare(b.effectiveFrom));
}

export const packOrigin = (id: string): PackOrigin => (installed.some((p) => p.id === id) ? 'installed' : 'built-in');

/** Validated pack by id (installed first); throws for an unknown id. */
export function cbamPack(id: 'eu-cbam-definitive'): DefinitivePack;
export function cbamPack(id: 'eu-cbam-transitional'): TransitionalPack;
export function cbamPack(id: CbamPackId): CbamPack;
export function cbamPack(id: CbamPackId): CbamPack {
  const p = installed.find((x) => x.id === id) ?? (RULES_MANIFEST.borderAdjustment.some((e) => e.id === id) ? builtIn(id) : undefined);
  if (!p) throw new Error(`unknown CBAM pack ${id}`);
  return p;
}

export const definitivePack = (): DefinitivePack => cbamPack('eu-cbam-definitive') as DefinitivePack;
export const transitionalPack = (): TransitionalPack => cbamPack('eu-cbam-transitional') as TransitionalPack;

export interface SchemeInfo {
  id: string;
  jurisdiction: string;
  name: CbamPack['jurisdictionName'];
  effectiveFrom: string;
  packs: Array<{ id: string; kind: CbamPack['kind']; version: string; status: string; effectiveFrom: string; effectiveTo: string | null; origin: PackOrigin }>;
}

/** The schemes (EU CBAM, UK CBAM, …) with their packs, from the data. */
export function cbamSchemes(): SchemeInfo[] {
  const out = new Map<string, SchemeInfo>();
  for (const p of allCbamPacks()) {
    const s = out.get(p.scheme) ?? { id: p.scheme, jurisdiction: p.jurisdiction, name: p.jurisdictionName, effectiveFrom: p.effectiveFrom, packs: [] };
    s.packs.push({
      id: p.id,
      kind: p.kind,
      version: p.version,
      status: p.status,
      effectiveFrom: p.effectiveFrom,
      effectiveTo: p.effectiveTo,
      origin: packOrigin(p.id),
    });
    if (p.effectiveFrom < s.effectiveFrom) s.effectiveFrom = p.effectiveFrom;
    out.set(p.scheme, s);
  }
  return [...out.values()];
}

/**
 * Periods a picker offers for a scheme, from its packs: the last quarter of a pack that has ended (the EU transitional
 * period: 2025-Q4), then the first `years` calendar years of the pack in force (EU: 2026-2030; UK: 2027-2031).
 */
export function schemePeriods(scheme: string, years = 5): string[] {
  const out: string[] = [];
  for (const p of allCbamPacks().filter((x) => x.scheme === scheme)) {
    const from = Number(p.effectiveFrom.slice(0, 4));
    if (p.effectiveTo) out.push(`${p.effectiveTo.slice(0, 4)}-Q4`);
    else for (let y = from; y < from + years; y++) out.push(String(y));
  }
  return out;
}

export type PackForPeriod = { ok: true; pack: CbamPack; period: CbamPeriod } | { ok: false; error: Message };

/** Chooses the pack of the scheme (default: the EU CBAM) whose effective dates contain the whole period. */
export function cbamPackForPeriod(input: string | CbamPeriod, scheme = 'eu-cbam'): PackForPeriod {
  let period: CbamPeriod;
  if (typeof input === 'string') {
    const r = parseCbamPeriod(input);
    if (!r.ok) return r;
    period = r.period;
  } else period = input;
  const packs = allCbamPacks().filter((p) => p.scheme === scheme);
  if (!packs.length)
    return {
      ok: false,
      error: {
        key: 'cbampacks:errors.unknownScheme',
        params: {
          scheme,
          available: cbamSchemes()
            .map((s) => s.id)
            .join(', '),
        },
      },
    };
  for (const pack of packs) {
    const to = pack.effectiveTo ?? '9999-12-31';
    if (period.start >= pack.effectiveFrom && period.end <= to) return { ok: true, pack, period };
  }
  const first = packs[0]!;
  if (period.end < first.effectiveFrom) {
    if (scheme === 'eu-cbam') return { ok: false, error: { key: 'cbam:errors.periodBeforeCbam', params: { period: period.label, from: first.effectiveFrom } } };
    return {
      ok: false,
      error: { key: 'cbampacks:errors.periodBeforeScheme', params: { period: period.label, from: first.effectiveFrom, ...schemeNameParams(first) } },
    };
  }
  return { ok: false, error: { key: 'cbam:errors.periodSpansPacks', params: { period: period.label } } };
}

/** A pack's jurisdiction name in each language, as message parameters (each locale's text uses its own). */
export const schemeNameParams = (p: Pick<CbamPack, 'jurisdictionName'>) => ({
  name_en: p.jurisdictionName.en,
  name_zh: p.jurisdictionName.zh,
  name_ar: p.jurisdictionName.ar,
});

/** The scheme of a `--to` value or a pack id ('eu-cbam', 'eu-cbam-definitive', 'uk-cbam' …), or undefined. */
export function schemeOf(idOrScheme: string): string | undefined {
  const s = idOrScheme.trim().toLowerCase();
  const packs = allCbamPacks();
  return packs.find((p) => p.scheme === s)?.scheme ?? packs.find((p) => p.id === s)?.scheme;
}

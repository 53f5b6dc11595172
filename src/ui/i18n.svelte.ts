/**
 * i18n for the web app: i18next with every `locales/<lng>/<ns>.json` bundled through import.meta.glob
 * (offline, no HTTP backend). Svelte 5 rune module: `t()` reads a $state version so templates re-render
 * when the language changes. Also owns <html lang dir> and locale-aware number/date formatting.
 */
import i18next, { type TOptions } from 'i18next';
import { translateMessage } from './core-text';

export type Lang = 'zh' | 'en' | 'ar';
export const LANGS: readonly Lang[] = ['zh', 'en', 'ar'];
export type Digits = 'latn' | 'arab';

/**
 * Every `locales/<lng>/<ns>.json` (except the CLI's own namespace) as a lazy chunk: only the current language is
 * loaded before the first render (and English in the background as the fallback), so the initial bundle stays
 * small; the service worker precaches all of them, so switching language works offline.
 */
const loaders = Object.fromEntries(
  Object.entries(import.meta.glob<Record<string, unknown>>('../../locales/*/*.json', { import: 'default' })).filter(([p]) => !p.endsWith('/cli.json')),
);

export function parseLocalePath(path: string): { lng: string; ns: string } | null {
  const m = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  return m ? { lng: m[1]!, ns: m[2]! } : null;
}

export const namespaces = [
  ...new Set(
    Object.keys(loaders)
      .map((p) => parseLocalePath(p)?.ns)
      .filter((x): x is string => !!x),
  ),
];
const loaded = new Set<string>();

/** Load every namespace of one language into i18next (once). */
export async function loadLanguage(lng: string): Promise<void> {
  if (loaded.has(lng)) return;
  const jobs = Object.entries(loaders)
    .map(([p, load]) => ({ meta: parseLocalePath(p), load }))
    .filter((x) => x.meta?.lng === lng)
    .map(async ({ meta, load }) => {
      const data = await load();
      i18next.addResourceBundle(lng, meta!.ns, data, true, true);
    });
  await Promise.all(jobs);
  loaded.add(lng);
}

export const isLang = (x: unknown): x is Lang => typeof x === 'string' && (LANGS as readonly string[]).includes(x);

class I18nState {
  version = $state(0);
  lang = $state<Lang>('zh');
  digits = $state<Digits>('latn');
}
export const i18n = new I18nState();

function applyDocument(lng: Lang): void {
  if (typeof document === 'undefined') return;
  const el = document.documentElement;
  el.lang = lng === 'zh' ? 'zh-CN' : lng;
  el.dir = i18next.dir(lng);
}

export async function initI18n(lng: Lang): Promise<void> {
  await i18next.init({
    resources: {},
    lng,
    fallbackLng: 'en',
    ns: namespaces.length ? namespaces : ['ui'],
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    partialBundledLanguages: true,
  });
  await loadLanguage(lng);
  i18n.lang = lng;
  applyDocument(lng);
  i18next.on('languageChanged', (l) => {
    if (isLang(l)) {
      i18n.lang = l;
      applyDocument(l);
    }
    i18n.version++;
  });
  if (lng !== 'en') void loadLanguage('en').then(() => i18n.version++);
  i18n.version++;
}

export async function setLang(lng: Lang): Promise<void> {
  await loadLanguage(lng);
  if (lng !== i18next.language) await i18next.changeLanguage(lng);
}

export function setDigits(d: Digits): void {
  i18n.digits = d;
  i18n.version++;
}

/** Translate a key (reactive in templates). Keys without a namespace are in `ui`. */
export function t(key: string, opts?: TOptions): string {
  void i18n.version;
  return i18next.t(key, opts) as string;
}

/** Does the key exist in the current or fallback language? */
export function exists(key: string): boolean {
  void i18n.version;
  return i18next.exists(key);
}

export interface MessageLike {
  key: string;
  params?: Record<string, string | number | undefined | null>;
}

/** Translate a core Message `{ key: 'ns:dotted.key', params }` (core conventions `$t:ns:key` / `$raw:text` for
 * params are resolved by the core's translateMessage). With Arabic-Indic digits chosen, numeric params are
 * shown in those digits. */
export function tm(m: MessageLike): string {
  void i18n.version;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) {
    if (v === undefined || v === null) continue;
    // a gas parameter is a gas id (CH4_fossil): shown by its name in the reader's language, never as the identifier
    params[k] = typeof v === 'number' && i18n.digits === 'arab' ? fmtPlain(v) : k === 'gas' && typeof v === 'string' ? gasName(v) : v;
  }
  // messages are phrased per interface: a "<key>_ui" variant (no command-line options; the choice is a control on
  // the page) is preferred over the CLI wording
  const out = translateMessage((key, o) => (i18next.exists(`${key}_ui`) ? i18next.t(`${key}_ui`, o) : i18next.t(key, o)) as string, { key: m.key, params });
  return out || m.key;
}

function fmtPlain(x: number): string {
  return new Intl.NumberFormat(intlLocale(), { useGrouping: false, maximumFractionDigits: 10 }).format(x);
}

/** BCP 47 locale for Intl, with explicit numbering system and Gregorian calendar. */
export function intlLocale(lang: Lang = i18n.lang, digits: Digits = i18n.digits): string {
  const base = lang === 'zh' ? 'zh-CN' : lang === 'ar' ? 'ar' : 'en-GB';
  return `${base}-u-ca-gregory-nu-${digits}`;
}

const nfCache = new Map<string, Intl.NumberFormat>();
export function fmtNum(x: number | null | undefined, maxDp = 4, minDp = 0): string {
  void i18n.version;
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  const loc = intlLocale();
  const k = `${loc}|${maxDp}|${minDp}`;
  let nf = nfCache.get(k);
  if (!nf) {
    // signDisplay 'negative': a value that rounds to zero shows "0", never "-0" (−0.0001 at 2 decimals)
    nf = new Intl.NumberFormat(loc, { maximumFractionDigits: maxDp, minimumFractionDigits: Math.min(minDp, maxDp), signDisplay: 'negative' });
    nfCache.set(k, nf);
  }
  return nf.format(x);
}

export function fmtDate(d: string | number | Date | null | undefined, style: 'long' | 'medium' | 'short' = 'medium'): string {
  void i18n.version;
  if (d === null || d === undefined || d === '') return '—';
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) return String(d);
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: style }).format(date);
}

export function fmtDateTime(d: string | number | Date): string {
  void i18n.version;
  const date = d instanceof Date ? d : new Date(d);
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Pick the localized text out of a {zh,en,ar} object (falls back to en, then any). */
export function pickLang(obj: Partial<Record<string, string | undefined>> | undefined | null): string {
  void i18n.version;
  if (!obj) return '';
  return obj[i18n.lang] || obj.en || obj.zh || obj.ar || Object.values(obj).find(Boolean) || '';
}

/** A gas as a reader sees it: "CO2_fossil" → "CO2 (fossil)" in the current language; formulas stay as they are. */
export function gasName(gas: string): string {
  const m = /^([A-Za-z0-9-]+)_(fossil|biogenic|luc|other)$/.exec(gas);
  return m ? `${m[1]} (${t(`saving:gasKind.${m[2]}`)})` : gas;
}

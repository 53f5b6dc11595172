/** User preferences: language and digits. Kept in localStorage (for a synchronous start) and mirrored in the
 * Dexie settings table. `?lang=zh|en|ar` in the URL (query string or hash query) wins at start-up and is
 * kept in the address so a link reopens in the same language. */
import { initI18n, isLang, setLang as i18nSetLang, setDigits as i18nSetDigits, i18n, type Lang, type Digits } from '../i18n.svelte';

const LS_LANG = 'cb.lang';
const LS_DIGITS = 'cb.digits';

function readStorage(k: string): string | null {
  try {
    return localStorage.getItem(k);
  } catch {
    return null;
  }
}
function writeStorage(k: string, v: string): void {
  try {
    localStorage.setItem(k, v);
  } catch {
    /* private mode: keep in memory */
  }
}

export function langFromUrl(loc: Pick<Location, 'search' | 'hash'>): Lang | null {
  const q = new URLSearchParams(loc.search).get('lang');
  if (isLang(q)) return q;
  const hi = loc.hash.indexOf('?');
  if (hi >= 0) {
    const hq = new URLSearchParams(loc.hash.slice(hi + 1)).get('lang');
    if (isLang(hq)) return hq;
  }
  return null;
}

export function startupLang(): Lang {
  const fromUrl = langFromUrl(location);
  if (fromUrl) return fromUrl;
  const saved = readStorage(LS_LANG);
  if (isLang(saved)) return saved;
  const nav = (navigator.language || '').slice(0, 2);
  if (isLang(nav)) return nav;
  return 'zh';
}

function syncUrl(lng: Lang): void {
  const url = new URL(location.href);
  if (url.searchParams.get('lang') === lng) return;
  url.searchParams.set('lang', lng);
  history.replaceState(history.state, '', url.toString());
}

/** Mirror a preference into the Dexie settings table (Dexie is loaded lazily, off the initial bundle). */
function mirror(key: string, value: unknown): void {
  void import('../db/db').then(({ db, setSetting }) => setSetting(db(), key, value)).catch(() => undefined);
}

export async function initPrefs(): Promise<void> {
  const lng = startupLang();
  await initI18n(lng);
  const d = readStorage(LS_DIGITS);
  if (d === 'arab' || d === 'latn') i18nSetDigits(d);
  writeStorage(LS_LANG, lng);
  syncUrl(lng);
}

export async function changeLang(lng: Lang): Promise<void> {
  await i18nSetLang(lng);
  writeStorage(LS_LANG, lng);
  syncUrl(lng);
  mirror('lang', lng);
}

export function changeDigits(d: Digits): void {
  i18nSetDigits(d);
  writeStorage(LS_DIGITS, d);
  mirror('digits', d);
}

export { i18n };

/* ---- inputs typed on a view that must survive a reload (factors, masses, prices, choices) ---- */
const INPUT_PREFIX = 'carbonbridge:input:';
/** The value the user last typed for this input (null when never typed or storage is unavailable). */
export function loadInput(key: string): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(INPUT_PREFIX + key);
  } catch {
    return null;
  }
}
/** Keep what the user typed (an empty value forgets it). */
export function saveInput(key: string, value: string): void {
  try {
    if (typeof localStorage === 'undefined') return;
    if (value === '') localStorage.removeItem(INPUT_PREFIX + key);
    else localStorage.setItem(INPUT_PREFIX + key, value);
  } catch {
    /* storage full or denied: the value stays on the page */
  }
}

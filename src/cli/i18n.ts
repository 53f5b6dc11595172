/**
 * i18next for the command line: locales/<lang>/<namespace>.json read from disk, each namespace on the first message
 * asked of it (a command reads only the namespaces it prints from, in its language and the English fallback).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import type { TFunction } from '../core/i18n/translate';
import type { Lang } from './command';

/**
 * The locales folder of the package: one level up from the built bundle (dist-cli/carbonbridge.mjs), two levels up
 * from this source file (src/cli/i18n.ts) or from a chunk of the bundle (dist-cli/chunks/*.mjs); the same in a
 * checkout and in an installed package.
 */
export const LOCALES_DIR = ((here: string) =>
  [join(here, '..', 'locales'), join(here, '..', '..', 'locales')].find((d) => existsSync(join(d, 'en'))) ?? join(here, '..', '..', 'locales'))(
  dirname(fileURLToPath(import.meta.url)),
);
export const LANGS: Lang[] = ['zh', 'en', 'ar'];

const readNamespace = (dir: string, lng: string, ns: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, lng, `${ns}.json`), 'utf8'));

/** Every namespace of every language asked for (all at once: for checks over whole catalogues). */
export function loadResources(dir = LOCALES_DIR, langs: readonly Lang[] = LANGS): Record<string, Record<string, unknown>> {
  const res: Record<string, Record<string, unknown>> = {};
  for (const lng of langs) {
    res[lng] = {};
    for (const f of readdirSync(join(dir, lng))) {
      if (f.endsWith('.json')) res[lng]![f.slice(0, -5)] = readNamespace(dir, lng, f.slice(0, -5));
    }
  }
  return res;
}

/** The namespace i18next looks a key up in: the part before the first ':' (nsSeparator), else options.ns, else cli. */
function namespaceOf(key: string, opts: Record<string, unknown> | undefined): string {
  const i = key.indexOf(':');
  if (i > 0) return key.slice(0, i);
  return typeof opts?.ns === 'string' ? opts.ns : 'cli';
}

export async function createT(lang: Lang, dir = LOCALES_DIR): Promise<TFunction> {
  // only the language asked for and the English fallback, each namespace read on its first use
  const langs: Lang[] = lang === 'en' ? ['en'] : [lang, 'en'];
  const namespaces = new Set(
    readdirSync(join(dir, 'en'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5)),
  );
  const inst = i18next.createInstance();
  await inst.init({
    lng: lang,
    fallbackLng: 'en',
    resources: Object.fromEntries(langs.map((l) => [l, {}])),
    ns: [...namespaces],
    defaultNS: 'cli',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const loaded = new Set<string>();
  const ensure = (ns: string): void => {
    if (loaded.has(ns)) return;
    loaded.add(ns);
    if (!namespaces.has(ns)) return;
    for (const l of langs) if (existsSync(join(dir, l, `${ns}.json`))) inst.addResourceBundle(l, ns, readNamespace(dir, l, ns), true, true);
  };
  return ((key: string, opts?: Record<string, unknown>) => {
    ensure(namespaceOf(key, opts));
    return inst.t(key, opts as never) as unknown as string;
  }) as TFunction;
}

/** --lang wins; then LC_ALL/LANG (zh_CN.UTF-8 → zh); else English. */
export function pickLang(flag: unknown, env: NodeJS.ProcessEnv = process.env): Lang | undefined {
  if (typeof flag === 'string') return (LANGS as string[]).includes(flag) ? (flag as Lang) : undefined;
  const e = (env.LC_ALL || env.LANG || '').slice(0, 2).toLowerCase();
  return (LANGS as string[]).includes(e) ? (e as Lang) : 'en';
}

/** i18next for the command line: every locales/<lang>/<namespace>.json read from disk. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import type { TFunction } from '../core/i18n/translate';
import type { Lang } from './command';

/**
 * The locales folder of the package: one level up from the built bundle (dist-cli/carbonbridge.cjs), two levels up
 * from this source file (src/cli/i18n.ts); the same in a checkout and in an installed package.
 */
export const LOCALES_DIR = ((here: string) =>
  [join(here, '..', 'locales'), join(here, '..', '..', 'locales')].find((d) => existsSync(join(d, 'en'))) ?? join(here, '..', '..', 'locales'))(
  dirname(fileURLToPath(import.meta.url)),
);
export const LANGS: Lang[] = ['zh', 'en', 'ar'];

export function loadResources(dir = LOCALES_DIR, langs: readonly Lang[] = LANGS): Record<string, Record<string, unknown>> {
  const res: Record<string, Record<string, unknown>> = {};
  for (const lng of langs) {
    res[lng] = {};
    for (const f of readdirSync(join(dir, lng))) {
      if (f.endsWith('.json')) res[lng]![f.slice(0, -5)] = JSON.parse(readFileSync(join(dir, lng, f), 'utf8'));
    }
  }
  return res;
}

export async function createT(lang: Lang): Promise<TFunction> {
  // only the language asked for and the English fallback are read (a command starts faster)
  const resources = loadResources(LOCALES_DIR, lang === 'en' ? ['en'] : [lang, 'en']);
  const inst = i18next.createInstance();
  await inst.init({
    lng: lang,
    fallbackLng: 'en',
    resources: resources as never,
    ns: Object.keys(resources.en ?? {}),
    defaultNS: 'cli',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return ((key: string, opts?: Record<string, unknown>) => inst.t(key, opts as never) as unknown as string) as TFunction;
}

/** --lang wins; then LC_ALL/LANG (zh_CN.UTF-8 → zh); else English. */
export function pickLang(flag: unknown, env: NodeJS.ProcessEnv = process.env): Lang | undefined {
  if (typeof flag === 'string') return (LANGS as string[]).includes(flag) ? (flag as Lang) : undefined;
  const e = (env.LC_ALL || env.LANG || '').slice(0, 2).toLowerCase();
  return (LANGS as string[]).includes(e) ? (e as Lang) : 'en';
}

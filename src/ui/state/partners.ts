/** Document languages for the app's printable documents: one or two fixed translators (i18next), loaded on demand. */
import i18next from 'i18next';
import { loadLanguage } from '../i18n.svelte';
import type { DocLang, LangT } from '../core';

export const DOC_LANGS = ['zh', 'en', 'ar', 'zh+ar', 'zh+en'] as const;

export async function docTranslators(choice: string): Promise<LangT[]> {
  const langs = choice.split('+') as DocLang[];
  await Promise.all(langs.map((l) => loadLanguage(l)));
  return langs.map((lang) => {
    const ft = i18next.getFixedT(lang);
    return { lang, t: (k: string, o?: Record<string, unknown>) => ft(k, o as never) as unknown as string };
  });
}

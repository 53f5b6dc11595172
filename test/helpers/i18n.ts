/** Test helper: real i18next instances over the project's locales, one per language. */
import { createT } from '../../src/cli/i18n';
import type { TFunction } from '../../src/core/i18n/translate';

export const LANGS = ['en', 'zh', 'ar'] as const;

export async function allT(): Promise<Record<(typeof LANGS)[number], TFunction>> {
  return { en: await createT('en'), zh: await createT('zh'), ar: await createT('ar') };
}

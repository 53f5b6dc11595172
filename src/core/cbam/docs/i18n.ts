/** Header translation for the documents. Core never hard-codes prose: pass i18next's `t` to get the user's language. */
import en from '../../../../locales/en/cbamdocs.json';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

const lookup = (obj: unknown, path: string[]): unknown => path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);

/** Default translator: the English strings of locales/en/cbamdocs.json (keys "cbamdocs:a.b" or "a.b"). */
export const englishT: Translate = (key, params) => {
  const k = key.replace(/^cbamdocs:/, '');
  const s = lookup(en, k.split('.'));
  const text = typeof s === 'string' ? s : k;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, p: string) => String(params?.[p] ?? ''));
};

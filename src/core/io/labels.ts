/** Text written into workbooks we produce, taken from the locale files (zh and en headers; all three for instructions). */
import enImport from '../../../locales/en/import.json';
import zhImport from '../../../locales/zh/import.json';
import arImport from '../../../locales/ar/import.json';
import enCore from '../../../locales/en/core.json';
import zhCore from '../../../locales/zh/core.json';

type Json = Record<string, unknown>;
const get = (obj: unknown, path: string[]): string | undefined => {
  let o: unknown = obj;
  for (const k of path) {
    if (!o || typeof o !== 'object' || !Object.prototype.hasOwnProperty.call(o, k)) return undefined;
    o = (o as Json)[k];
  }
  return typeof o === 'string' ? o : undefined;
};

export type LabelLang = 'en' | 'zh' | 'ar';
const IMPORT: Record<LabelLang, unknown> = { en: enImport, zh: zhImport, ar: arImport };

/** A string of the `import` namespace (dotted key without namespace). */
export const importText = (lang: LabelLang, key: string): string => get(IMPORT[lang], key.split('.')) ?? get(IMPORT.en, key.split('.')) ?? key;

export const fieldLabel = (lang: LabelLang, sheet: string, key: string): string =>
  get(IMPORT[lang], ['workbook', 'field', sheet, key.replace(/\./g, '~')]) ?? key;

/** Label of a list code from the core namespace (stage, category …), zh or en. */
export const codeLabel = (lang: 'en' | 'zh', group: string, code: string): string | undefined => get(lang === 'zh' ? zhCore : enCore, [group, code]);

/** The instruction lines (l01, l02 …) of one language, in order. */
export function instructionLines(lang: LabelLang): string[] {
  const block = get(IMPORT[lang], ['workbook', 'instructions']) ?? (IMPORT[lang] as { workbook?: { instructions?: Json } }).workbook?.instructions;
  if (!block || typeof block !== 'object') return [];
  return Object.keys(block)
    .sort()
    .map((k) => String((block as Json)[k]));
}

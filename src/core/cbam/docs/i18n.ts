/** Header translation for the documents. Core never hard-codes prose: pass i18next's `t` to get the user's language. */
import en from '../../../../locales/en/cbamdocs.json';
import enCbam from '../../../../locales/en/cbam.json';
import enInstallation from '../../../../locales/en/installation.json';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

const lookup = (obj: unknown, path: string[]): unknown =>
  path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
const NS: Record<string, unknown> = { cbamdocs: en, cbam: enCbam, installation: enInstallation };

/** Default translator: English strings of locales/en/{cbamdocs,cbam,installation}.json (keys "ns:a.b"; no namespace = cbamdocs). */
export const englishT: Translate = (key, params) => {
  const m = /^(\w+):(.*)$/.exec(key);
  const [ns, k] = m ? [m[1]!, m[2]!] : ['cbamdocs', key];
  const s = lookup(NS[ns], k.split('.'));
  const text = typeof s === 'string' ? s : key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, p: string) => String(params?.[p] ?? ''));
};

/**
 * Small HTML helpers for the printable documents of this family (statements, label sheets): escaping, numbers in the
 * CLI's format (Latin digits, grouping, up to 3 decimals), local text, sources, and the A4 page frame in one or two
 * languages side by side (each column with its own lang and dir).
 */
import { translateMessage, type TFunction } from '../i18n/translate';
import type { Message } from '../i18n/message';
import type { SourceRef } from '../packs/schema';
import { sourceNoteIn } from '../i18n/source-note';

export type DocLang = 'zh' | 'en' | 'ar';
export interface LangT {
  lang: DocLang;
  t: TFunction;
}

export const DOC_LANG_CHOICES = ['zh', 'en', 'ar', 'zh+ar', 'zh+en', 'ar+zh', 'en+zh', 'en+ar', 'ar+en'] as const;

/** "zh" → [zh]; "zh+ar" → [zh, ar]; anything else → null. */
export function parseDocLangs(s: string): DocLang[] | null {
  const parts = s.split('+').map((x) => x.trim());
  if (parts.length < 1 || parts.length > 2 || !parts.every((p) => p === 'zh' || p === 'en' || p === 'ar')) return null;
  if (parts.length === 2 && parts[0] === parts[1]) return null;
  return parts as DocLang[];
}

export const esc = (s: string | number): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const dirOf = (l: DocLang): 'rtl' | 'ltr' => (l === 'ar' ? 'rtl' : 'ltr');
export const htmlLang = (l: DocLang): string => (l === 'zh' ? 'zh-CN' : l);

/** Same rule as the command line's figures: Latin digits, grouping, at most `dp` decimals (6 below 1). */
export function fmtNum(n: number, lang: DocLang, dp = 3): string {
  const digits = n !== 0 && Math.abs(n) < 1 ? Math.max(dp, 6) : dp;
  const s = new Intl.NumberFormat(`${lang}-u-nu-latn`, { maximumFractionDigits: digits }).format(n);
  return /^-0([.,]0*)?$/.test(s) ? '0' : s;
}

export const pick = (lt: Partial<Record<DocLang, string | undefined>> | undefined, lang: DocLang): string =>
  (lt && (lt[lang] || lt.en || lt.zh || lt.ar)) || '';

export const tmsg = (t: TFunction, m: Message): string => translateMessage(t, m);

/**
 * A source text of the rule data (an act's or a document's name, a locator), written in English in the data, in the
 * document's language through the `sourcenotes` namespace (../i18n/source-note.ts), else as written.
 */
export const sourceNote = (text: string, L: LangT): string => (L.lang === 'en' ? text : sourceNoteIn(L.t, text, L.lang === 'zh' ? '；' : '؛ '));

/** A source as text: act, clause and address; notes (English data) only in English; uncertainty marked in every language, with its reason where translated. */
export function sourceHtml(s: SourceRef, L: LangT): string {
  const parts = [esc(sourceNote(s.act, L))];
  if (s.clause) parts.push(esc(sourceNote(s.clause, L)));
  if (L.lang === 'en' && s.note) parts.push(esc(s.note));
  let out = parts.join(', ');
  if (s.url) out += ` <span class="url" dir="ltr">${esc(s.url)}</span>`;
  if (s.uncertain) {
    // the reason in the reader's language where it is translated; never the English in a Chinese or Arabic document
    const why = sourceNote(s.uncertain, L);
    out += ` <span class="uncertain">⚠ ${esc(L.t('partners:doc.uncertain'))}${L.lang === 'en' || why !== s.uncertain ? `: ${esc(why)}` : ''}</span>`;
  }
  return out;
}

/** A block in each language: one column, or two side by side. */
export function bilingual(langs: LangT[], body: (L: LangT) => string, cls = ''): string {
  const cols = langs.map((L) => `<div class="col" lang="${htmlLang(L.lang)}" dir="${dirOf(L.lang)}">${body(L)}</div>`).join('');
  return `<div class="bi n${langs.length} ${cls}">${cols}</div>`;
}

export const DOC_CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Sans CJK SC", "Noto Naskh Arabic", "Noto Sans Arabic", sans-serif; font-size: 9.5pt; color: #111; margin: 0; }
.doc { max-width: 186mm; margin: 0 auto; }
.bi { display: grid; gap: 6mm; margin-block: 2.5mm; }
.bi.n1 { grid-template-columns: 1fr; }
.bi.n2 { grid-template-columns: 1fr 1fr; font-size: 8.3pt; }
h1 { font-size: 14pt; margin: 0 0 1.5mm; } h2 { font-size: 11pt; margin: 3mm 0 1.5mm; border-block-end: 1px solid #0b6e4f; color: #0b6e4f; }
table { border-collapse: collapse; inline-size: 100%; } th, td { border: 1px solid #bbb; padding: 1mm 1.2mm; vertical-align: top; text-align: start; }
th { background: #eef5f1; } td.num { text-align: end; white-space: nowrap; direction: ltr; unicode-bidi: isolate; }
.status-same { color: #0b6e4f; font-weight: 600; } .status-differs { color: #a14400; font-weight: 600; } .status-not-covered { color: #555; font-style: italic; }
.box { border: 2px solid #a14400; padding: 2mm 3mm; background: #fff8f2; }
.small, .src { font-size: 0.85em; color: #333; } .url { word-break: break-all; } .uncertain { color: #a14400; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.6mm 3mm; margin: 0; } dt { font-weight: 600; } dd { margin: 0; }
.missing { color: #a14400; font-style: italic; }
@media screen { body { background: #f3f3f3; } .doc { background: #fff; padding: 10mm; margin-block: 6mm; box-shadow: 0 1px 4px #0003; } }
`;

export function page(langs: LangT[], title: string, body: string): string {
  const first = langs[0]!;
  return `<!doctype html><html lang="${htmlLang(first.lang)}" dir="${langs.length === 1 ? dirOf(first.lang) : 'ltr'}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${DOC_CSS}</style></head><body><div class="doc">${body}</div></body></html>`;
}

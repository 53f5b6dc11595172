/**
 * Source texts of the rule data (notes, locators, names of acts and documents) are written in English in the packs;
 * they reach readers through the `sourcenotes` namespace, keyed by the English text itself (lower case, runs of other
 * characters as "-", at most 96 characters): one rule for the app (src/ui/components/source-text.ts calls it) and
 * the documents the core writes (statements, label sheets, CBAM statements) with the document's `t`.
 */
export const sourceNoteKey = (text: string): string =>
  `sourcenotes:${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)}`;

type T = (key: string, params?: Record<string, string | number>) => string;

/** A source text in the language of `t`: whole, else part by part ("; " separates parts, joined by `sep`), else as written. */
export function sourceNoteIn(t: T, text: string, sep = '; '): string {
  const one = (x: string): string | null => {
    const key = sourceNoteKey(x);
    const v = t(key);
    return v && v !== key && v !== key.slice('sourcenotes:'.length) ? v : null;
  };
  const whole = one(text);
  if (whole !== null) return whole;
  const parts = text.split(/;\s+/);
  if (parts.length < 2) return text;
  return parts.map((p) => one(p) ?? p).join(sep);
}

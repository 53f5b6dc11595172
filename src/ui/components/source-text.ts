/**
 * Texts of the rule packs that describe a source (notes, annex and table locators, status notes, uncertainty notes)
 * are written in English in the pack data, whose schema has no per-language field for them. They reach the reader
 * through the `sourcenotes` namespace, keyed by the English text itself (lower case, runs of other characters as
 * "-"): a note with a translation is shown in the reader's language, whole or part by part ("; " separates the parts);
 * a part without one is shown as written (the language-leak test fails on it in Chinese and Arabic, so a new note
 * cannot slip through untranslated).
 */
import { exists, i18n, t } from '../i18n.svelte';

export const sourceNoteKey = (text: string): string =>
  `sourcenotes:${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)}`;

const one = (text: string): string | null => {
  const key = sourceNoteKey(text);
  return exists(key) ? t(key) : null;
};

/** A source text of the rule data in the reader's language. */
export function sourceText(text: string | undefined | null): string {
  if (!text) return '';
  const whole = one(text);
  if (whole !== null) return whole;
  const parts = text.split(/;\s+/);
  if (parts.length < 2) return text;
  const sep = i18n.lang === 'zh' ? '；' : i18n.lang === 'ar' ? '؛ ' : '; ';
  return parts.map((p) => one(p) ?? p).join(sep);
}

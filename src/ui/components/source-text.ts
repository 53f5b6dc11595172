/**
 * Texts of the rule packs that describe a source (notes, annex and table locators, status notes, uncertainty notes)
 * are written in English in the pack data, whose schema has no per-language field for them. They reach the reader
 * through the `sourcenotes` namespace, keyed by the English text itself (the core's rule, src/core/i18n/source-note.ts,
 * shared with the documents the core writes): a note with a translation is shown in the reader's language, whole or
 * part by part ("; " separates the parts); a part without one is shown as written (the language-leak test fails on it
 * in Chinese and Arabic, so a new note cannot slip through untranslated).
 */
import { exists, i18n, t } from '../i18n.svelte';
import { sourceNoteIn } from '../core';

/** A source text of the rule data in the reader's language. */
export function sourceText(text: string | undefined | null): string {
  if (!text) return '';
  const sep = i18n.lang === 'zh' ? '；' : i18n.lang === 'ar' ? '؛ ' : '; ';
  return sourceNoteIn((key, params) => (exists(key) ? t(key, params) : key), text, sep);
}

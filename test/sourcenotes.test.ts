/**
 * The `sourcenotes` namespace carries the rule packs' English source texts (notes, locators, status and uncertainty
 * notes, the samples' illustrative notes) into Chinese and Arabic, keyed by the English text itself
 * (src/core/i18n/source-note.ts). Each key must be the key of its English text (else the lookup never finds it),
 * and the Chinese and Arabic entries must be translations, not copies.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceNoteKey } from '../src/core/i18n/source-note';
import { jsonFiles, NOT_SHOWN, strings } from './helpers/pack-texts';

const root = join(import.meta.dirname, '..');
const load = (lng: string): Record<string, string> => JSON.parse(readFileSync(join(root, 'locales', lng, 'sourcenotes.json'), 'utf8'));
/** The core's key rule (src/core/i18n/source-note.ts: the app and the documents both call it), without the namespace. */
const keyOf = (text: string) => sourceNoteKey(text).slice('sourcenotes:'.length);

describe('sourcenotes', () => {
  const en = load('en');
  it('every key is the key of its English text', () => {
    expect(Object.keys(en).length).toBeGreaterThan(50);
    expect(Object.entries(en).filter(([k, v]) => keyOf(v) !== k)).toEqual([]);
  });
  for (const lng of ['zh', 'ar'])
    it(`${lng}: every text translated (not the English copied)`, () => {
      const tr = load(lng);
      expect(Object.keys(tr).sort()).toEqual(Object.keys(en).sort());
      expect(Object.entries(tr).filter(([k, v]) => v === en[k] || !/[\u4e00-\u9fff\u0600-\u06ff]/.test(v))).toEqual([]);
    });
  it('the key rule: lower case, other characters as one "-", trimmed, at most 96 characters', () => {
    expect(keyOf('Annex II, Table 1 (as amended)')).toBe('annex-ii-table-1-as-amended');
    expect(keyOf(' -- x ')).toBe('x');
    expect(keyOf('a'.repeat(200))).toHaveLength(96);
  });
  it('the app looks a source text up through the core (no second copy of the rule)', () => {
    const src = readFileSync(join(root, 'src', 'ui', 'components', 'source-text.ts'), 'utf8');
    expect(src).toContain('sourceNoteIn');
    expect(src).not.toContain('toLowerCase');
  });
});

/**
 * Texts that reach users cite the act, annex, table or public document, never a project file nor the tooling the data
 * went through (a CSV transcription, a dbt seed, a script): that provenance belongs in the fields the app never shows
 * (`dataFile`, `dataVersion`), beside identifiers and message keys.
 */
const INTERNAL = /reference\/|\.md\b|\bcsv\b|\bdbt\b|\bseeds?\b|\bscripts?\b|\.(?:py|ts|js|mjs)\b|research notes|code reference|code transcription|\bgithub\b/i;

describe('no project file nor internal tooling in texts users see', () => {
  it('the finder catches each kind', () => {
    for (const s of ['see reference/cbam.md', 'Transcribed in default_values.csv', 'via a public dbt seed', 'made by tools/fill.py', 'per a code reference'])
      expect(s).toMatch(INTERNAL);
    for (const s of ['Implementing Regulation (EU) 2025/2621, Annex I', 'Commission template v2.1.1, sheet c_CodeLists']) expect(s).not.toMatch(INTERNAL);
  });
  it('rule packs: user-shown fields', () => {
    const files = jsonFiles(join(root, 'rules'));
    expect(files.length).toBeGreaterThan(20);
    const bad = files.flatMap((f) =>
      strings(JSON.parse(readFileSync(f, 'utf8')))
        .filter(([p, s]) => !NOT_SHOWN.test(p) && INTERNAL.test(s))
        .map(([p, s]) => `${f.slice(root.length + 1)} ${p}: ${s}`),
    );
    expect(bad).toEqual([]);
  });
  for (const lng of ['en', 'zh', 'ar'])
    it(`sourcenotes (${lng})`, () => {
      expect(Object.entries(load(lng)).filter(([, v]) => INTERNAL.test(v))).toEqual([]);
    });
});

/**
 * The `sourcenotes` namespace carries the rule packs' English source texts (notes, locators, status and uncertainty
 * notes, the samples' illustrative notes) into Chinese and Arabic, keyed by the English text itself
 * (src/ui/components/source-text.ts). Each key must be the key of its English text (else the lookup never finds it),
 * and the Chinese and Arabic entries must be translations, not copies.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const load = (lng: string): Record<string, string> => JSON.parse(readFileSync(join(root, 'locales', lng, 'sourcenotes.json'), 'utf8'));
/** The same rule as sourceNoteKey in src/ui/components/source-text.ts (without the namespace). */
const keyOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96);

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
  it('the key rule is the one the app uses', () => {
    const src = readFileSync(join(root, 'src', 'ui', 'components', 'source-text.ts'), 'utf8');
    // compared without whitespace: the formatter may wrap the chain over several lines
    expect(src.replace(/\s+/g, '')).toContain(".toLowerCase().replace(/[^a-z0-9]+/g,'-').replace(/^-+|-+$/g,'').slice(0,96)");
  });
});

/**
 * One term, one translation: wherever an English string uses a glossary term, the Chinese string must use
 * the glossary's Chinese term (spaces ignored). Arabic inflects (articles, plurals, attached prepositions),
 * so it is checked by review, not by substring.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', 'locales');
type Flat = Map<string, string>;
function flat(obj: Record<string, unknown>, prefix = '', out: Flat = new Map()): Flat {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') flat(v as Record<string, unknown>, key, out);
    else out.set(key, String(v));
  }
  return out;
}
const load = (lng: string) =>
  new Map(
    readdirSync(join(ROOT, lng))
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.slice(0, -5), flat(JSON.parse(readFileSync(join(ROOT, lng, f), 'utf8')))]),
  );
const en = load('en');
const zh = load('zh');
const glossary = en.get('glossary')!;
const terms = [...glossary.keys()].filter((k) => k.endsWith('.term')).map((k) => k.slice(0, -5));
const bare = (t: string) => t.replace(/\s*[（(].*?[)）]/g, '').trim();
const nospace = (s: string) => s.replace(/\s+/g, '');

/** Phrases in which a glossary word means something else (EU ETS "free allocation" is not LCA allocation). */
const OTHER_SENSES = [/free[- ]allocation/gi, /allocation adjustment/gi, /\{\{[^}]*\}\}/g, /\b[\w-]+\.[\w.]+\b/g];

describe('glossary terms are translated the same way everywhere (zh)', () => {
  it('has a glossary in every language', () => {
    expect(terms.length).toBeGreaterThan(20);
  });
  it.each(terms)('%s', (term) => {
    const enTerm = bare(glossary.get(`${term}.term`)!);
    const zhTerm = nospace(bare(zh.get('glossary')!.get(`${term}.term`)!));
    const re = new RegExp(`\\b${enTerm.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
    const off: string[] = [];
    for (const [ns, strings] of en) {
      if (ns === 'glossary') continue;
      for (const [key, text] of strings) {
        const plain = OTHER_SENSES.reduce((s, r) => s.replace(r, ' '), text);
        if (!re.test(plain)) continue;
        const z = zh.get(ns)?.get(key) ?? '';
        if (!nospace(z).includes(zhTerm)) off.push(`${ns}:${key} → ${z}`);
      }
    }
    expect(off, `“${enTerm}” should be “${zhTerm}”`).toEqual([]);
  });
});

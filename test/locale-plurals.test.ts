/**
 * Arabic number agreement (issue 10): a count followed by the counted noun must go through i18next plural forms
 * (_zero, _one, _two, _few, _many, _other), never one fixed noun form ("5 سطرًا", "التفاصيل: 5 سطر").
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';

const root = join(import.meta.dirname, '..');
const NAMESPACES = ['ui', 'core', 'import', 'cbamconvert', 'cbamcalc', 'saving'];
const load = (l: string, ns: string) => JSON.parse(readFileSync(join(root, 'locales', l, `${ns}.json`), 'utf8'));

function flat(o: unknown, p = ''): [string, string][] {
  if (typeof o === 'string') return [[p, o]];
  if (!o || typeof o !== 'object') return [];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => flat(v, p ? `${p}.${k}` : k));
}
const PLURAL = /_(zero|one|two|few|many|other)$/;

describe('Arabic counts use plural forms', () => {
  it('every Arabic string with "{{count}} <noun>" is one of the six plural forms, all six present', () => {
    const bad: string[] = [];
    for (const ns of NAMESPACES) {
      const entries = flat(load('ar', ns));
      const keys = new Set(entries.map(([k]) => k));
      for (const [k, v] of entries) {
        // the count directly followed by an Arabic word (other than the preposition "من"): the noun agrees with it
        const agrees = /(?:^|[^\p{L}])\{\{count\}\}\s+(?!من[\s،.])[\u0621-\u064A]/u.test(v) || /لـ\{\{count\}\}\s+[\u0621-\u064A]/u.test(v);
        if (!agrees) continue;
        if (!PLURAL.test(k)) bad.push(`${ns}:${k}`);
        else {
          const base = k.replace(PLURAL, '');
          for (const f of ['zero', 'one', 'two', 'few', 'many', 'other']) if (!keys.has(`${base}_${f}`)) bad.push(`${ns}:${base}_${f} missing`);
        }
      }
    }
    expect([...new Set(bad)]).toEqual([]);
  });

  it('i18next picks the agreeing form: 1, 2, 5, 11 and 100 lines', async () => {
    const t = i18next.createInstance();
    await t.init({ lng: 'ar', resources: { ar: { ui: load('ar', 'ui') } }, defaultNS: 'ui', interpolation: { escapeValue: false } });
    const at = (n: number) => t.t('compareView.details', { count: n });
    expect(at(1)).toBe('التفاصيل: سطر واحد');
    expect(at(2)).toBe('التفاصيل: سطران');
    expect(at(5)).toBe('التفاصيل: 5 أسطر');
    expect(at(11)).toBe('التفاصيل: 11 سطرًا');
    expect(at(100)).toBe('التفاصيل: 100 سطر');
  });
});

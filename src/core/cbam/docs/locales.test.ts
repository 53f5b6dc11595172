import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { COMMUNICATION_COLUMNS } from './own-workbook';

const load = (lng: string) => JSON.parse(readFileSync(`locales/${lng}/cbamdocs.json`, 'utf8'));
const has = (o: unknown, key: string) =>
  key.split('.').reduce<unknown>((a, k) => (a && typeof a === 'object' ? (a as Record<string, unknown>)[k] : undefined), o);

describe('cbamdocs locales', () => {
  const dir = 'src/core/cbam/docs';
  const code = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  const keys = new Set<string>();
  for (const m of code.matchAll(/'cbamdocs:([a-zA-Z.]+[a-zA-Z])'/g)) keys.add(m[1]!);
  for (const m of code.matchAll(/docError\('([a-zA-Z.]+)'/g)) keys.add(m[1]!);
  for (const c of COMMUNICATION_COLUMNS) keys.add(`columns.${c}`);
  it('finds the keys used in code', () => expect(keys.size).toBeGreaterThan(50));
  for (const lng of ['en', 'zh', 'ar']) {
    it(`${lng}: every key used in the code has a non-empty translation`, () => {
      const l = load(lng);
      // a key with a count has i18next plural forms: its _other form stands for it (every language has one)
      const text = (k: string) => has(l, k) ?? has(l, `${k}_other`);
      const missing = [...keys].filter((k) => typeof text(k) !== 'string' || !(text(k) as string).trim());
      expect(missing).toEqual([]);
    });
  }
});

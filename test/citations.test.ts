/**
 * Citations of the two EU implementing acts on embedded emissions (issue 10, defect 10): Implementing Regulation
 * (EU) 2023/1773 governs the transitional period (to 31 December 2025), Implementing Regulation (EU) 2025/2547 the
 * definitive period (from 2026). The definitive pack cites 2025/2547 for its rules (2023/1773 only inside a note
 * about the transitional period), and a user-facing text that names 2023/1773 says that it is the transitional act
 * or names 2025/2547 beside it.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const OLD = '2023/1773';

/** Every string of a JSON value with its path. */
function strings(v: unknown, path = ''): [string, string][] {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, path ? `${path}.${k}` : k));
  return [];
}

describe('the definitive-period pack cites IR (EU) 2025/2547', () => {
  const dir = join(root, 'rules', 'eu-cbam-definitive');
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => strings(JSON.parse(readFileSync(join(dir, f), 'utf8')), f));
  it('no act or legal reference of a rule is the transitional act', () => {
    const cited = all.filter(([p, s]) => s.includes(OLD) && !/\.note$/.test(p));
    expect(cited).toEqual([]);
  });
  it('the methods, the boundaries and the electricity rule name the definitive act', () => {
    const pack = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8'));
    expect(pack.rules.refs.methods.act).toBe('Implementing Regulation (EU) 2025/2547');
    expect(pack.rules.refs.boundary.act).toBe('Implementing Regulation (EU) 2025/2547');
    const mee = strings(pack).filter(([p, s]) => /legalRef\.act$/.test(p) && s.includes('2025/2547'));
    expect(mee.length).toBeGreaterThan(5);
  });
  it('a note that names the transitional act says so', () => {
    for (const [p, s] of all.filter(([, s]) => s.includes(OLD))) expect(s, p).toMatch(/transitional/);
  });
});

describe('texts that name IR (EU) 2023/1773 place it in the transitional period', () => {
  const transitional: Record<string, RegExp> = { en: /transitional|2025\/2547/, zh: /过渡期|2025\/2547/, ar: /الانتقالية|2025\/2547/ };
  for (const lng of ['en', 'zh', 'ar'] as const)
    it(lng, () => {
      const dir = join(root, 'locales', lng);
      const bad = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .flatMap((f) => strings(JSON.parse(readFileSync(join(dir, f), 'utf8')), f))
        .filter(([, s]) => s.includes(OLD) && !transitional[lng]!.test(s));
      expect(bad).toEqual([]);
    });
});

// The import-boundary rules of eslint.config.js, proved on fixture snippets: each snippet in test/fixtures/lint/
// names the path it is linted as (`lint-as:`) and the rule and zone that must fire, or `nothing`.
import { describe, expect, it, beforeAll } from 'vitest';
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'test', 'fixtures', 'lint');

interface Case { file: string; as: string; expect: string; code: string }
const cases: Case[] = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => {
    const code = readFileSync(join(dir, file), 'utf8');
    const as = /lint-as:\s*(\S+)/.exec(code)?.[1];
    const exp = /expect:\s*([^\n]*?)\s*(?:-->)?\s*$/m.exec(code)?.[1];
    if (!as || !exp) throw new Error(`${file}: missing lint-as or expect header`);
    return { file, as, expect: exp, code };
  });

describe('import boundaries (eslint.config.js)', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  it('has a fixture for every zone and for the allowed paths', () => {
    const zones = new Set(cases.map((c) => c.expect.split(/\s+/)[1]).filter(Boolean));
    expect([...zones].sort()).toEqual(['cli', 'core-pure', 'generic-io', 'ui-door']);
    expect(cases.some((c) => c.expect === 'no-restricted-globals')).toBe(true);
    expect(cases.filter((c) => c.expect === 'nothing').length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases)('$file linted as $as: $expect', async (c) => {
    const [res] = await eslint.lintText(c.code, { filePath: join(root, c.as), warnIgnored: true });
    const errors = (res?.messages ?? []).filter((m) => m.severity === 2);
    if (c.expect === 'nothing') {
      expect(errors.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
      return;
    }
    const [rule, zone] = c.expect.split(/\s+/);
    const hits = errors.filter((m) => m.ruleId === rule && (!zone || m.message.startsWith(`[${zone}]`)));
    expect(hits.length, JSON.stringify(res?.messages, null, 1)).toBeGreaterThan(0);
  });
});

// The import-boundary rules of eslint.config.js, proved on fixture snippets: each snippet in test/fixtures/lint/
// names the path it is linted as (`lint-as:`) and the rule and zone that must fire, or `nothing`.
import { describe, expect, it, beforeAll } from 'vitest';
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'test', 'fixtures', 'lint');

interface Case {
  file: string;
  as: string;
  expect: string;
  code: string;
}
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

  // The UI modules that once only warned (state/, workers/, i18n, two components) go through the doors now: the rule
  // is an error for them like for every other UI file, and they have no boundary message left.
  const FORMER_LEGACY = [
    'src/ui/state/compare.ts',
    'src/ui/state/backup.ts',
    'src/ui/state/calculate.ts',
    'src/ui/state/cases.ts',
    'src/ui/state/docs.ts',
    'src/ui/state/import.ts',
    'src/ui/state/import-mappings.ts',
    'src/ui/state/import-workbook.ts',
    'src/ui/state/snapshot.ts',
    'src/ui/workers/import-client.ts',
    'src/ui/workers/import.worker.ts',
    'src/ui/workers/template-client.ts',
    'src/ui/workers/template.worker.ts',
    'src/ui/i18n.svelte.ts',
    'src/ui/components/calculate/FigureRow.svelte',
    'src/ui/components/compare/PairCauses.svelte',
  ];
  it.each(FORMER_LEGACY)('%s: the door rule is an error there', async (f) => {
    const cfg = await eslint.calculateConfigForFile(join(root, f));
    const rule = cfg.rules?.['carbonbridge/boundaries'] as [number | string] | undefined;
    expect(rule?.[0]).toBe(2);
  });
  it('the former legacy files reach the core only through the doors (no boundary message)', async () => {
    const res = await eslint.lintFiles(FORMER_LEGACY.map((f) => join(root, f)));
    const hits = res.flatMap((r) => r.messages.filter((m) => m.ruleId === 'carbonbridge/boundaries').map((m) => `${r.filePath}: ${m.message}`));
    expect(hits).toEqual([]);
  });
});

/**
 * The built-in CBAM packs' data is parsed on first use, not when the core is imported (tools/lazy-json.mjs rewrites
 * ./builtin-pack-files in the bundles and in these tests): importing any module of the core (no pack-derived value
 * computed at import) and validating a dataset without production processes parses no pack file; reading a pack
 * does, once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyJsonSource } from '../../../tools/lazy-json.mjs';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FILE = join(import.meta.dirname, 'builtin-pack-files.ts');
/** The built-in packs' files, minified as the bundles keep them. */
const PACK_TEXTS = new Set(
  [...readFileSync(FILE, 'utf8').matchAll(/from '([^']+\.json)'/g)].map(([, rel]) =>
    JSON.stringify(JSON.parse(readFileSync(join(import.meta.dirname, rel!), 'utf8'))),
  ),
);
/** JSON.parse calls that parsed a built-in CBAM pack file. */
const packParses = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter(([s]) => typeof s === 'string' && PACK_TEXTS.has(s)).length;

afterEach(() => vi.restoreAllMocks());

describe('built-in CBAM pack data, parsed on first use', () => {
  it('importing every module of the core and validating a dataset without processes parses no pack file; the first read parses each file once', async () => {
    vi.resetModules();
    const parse = vi.spyOn(JSON, 'parse');
    const modules = import.meta.glob(['../**/*.ts', '!../**/*.test.ts']);
    expect(Object.keys(modules).length).toBeGreaterThan(100);
    for (const load of Object.values(modules)) await load();
    expect(packParses(parse)).toBe(0);
    const core = await import('../index');
    const sample = readFileSync(join(ROOT, 'public', 'samples', 'aluminium-ingot-ningxia.json'), 'utf8');
    const v = core.validateDataset(JSON.parse(sample));
    expect(v.ok).toBe(true);
    expect(packParses(parse)).toBe(0);
    const { definitivePack } = await import('./packs');
    expect(definitivePack().cnCodes.codes.length).toBeGreaterThan(700);
    const first = packParses(parse);
    expect(first).toBe(5); // pack.json, categories, CN codes, default values, benchmarks of the definitive pack
    const { rawCbamPack } = await import('./packs');
    rawCbamPack('eu-cbam-definitive');
    expect(packParses(parse)).toBe(first);
  });

  it('the rewrite keeps each file as a string parsed by its function, and refuses a JSON import used otherwise', () => {
    const src = readFileSync(FILE, 'utf8');
    const out = lazyJsonSource(src, FILE);
    expect(out).not.toMatch(/from '[^']+\.json'/);
    expect(out).toContain(
      `() => (defCnCodes$v ??= JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'rules', 'eu-cbam-definitive', 'cn-codes.json'), 'utf8'))))}))`,
    );
    expect(() => lazyJsonSource(`${src}\nexport const eager = defCnCodes;`, FILE)).toThrow(/used other than/);
    expect(() => lazyJsonSource('export const x = 1;', FILE)).toThrow(/imports no JSON/);
  });
});

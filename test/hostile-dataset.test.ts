/**
 * Hostile datasets (JSON): each class of the hostile-input report gives one clear, translated error naming the
 * field (exit 2 in the CLI), never a stack trace or a silently wrong result. Large and deep files are generated
 * here at run time. Classes: numbers beyond the documented range (1e308, 1e400, denormal 1e-320), impossible
 * dates, `__proto__`/`constructor` keys, duplicate keys, 100,000-level nesting, a 50 MB line id, a file that is a
 * device (/dev/zero) or too large, and a 100,000-line file full of errors (capped, summarised by kind).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';
import { allT, LANGS } from './helpers/i18n';
import { sampleJson } from './helpers/samples';
import { translateProblem, type TFunction } from '../src/core/i18n/translate';
import { validateDataset, VALIDATION_LIMITS } from '../src/core/model/validate';
import { checkParsedValue, parseJsonStrict } from '../src/core/model/json';

let T: Record<(typeof LANGS)[number], TFunction>;
beforeAll(async () => {
  T = await allT();
});

const tmp = mkdtempSync(join(tmpdir(), 'cb-hostile-'));
const base = () => sampleJson('aluminium-ingot-ningxia.json');
const text = (mutate: (d: any) => void): string => {
  const d = base();
  mutate(d);
  return JSON.stringify(d);
};
/** Insert raw JSON text right after the first occurrence of `after` (for things JSON.stringify cannot write). */
const splice = (after: string, insert: string): string => {
  const s = JSON.stringify(base());
  const i = s.indexOf(after);
  if (i < 0) throw new Error(`no ${after}`);
  return s.slice(0, i + after.length) + insert + s.slice(i + after.length);
};

const STACK = /\n\s+at .+\(|node:internal|TypeError|RangeError|Maximum call stack/;
const RAW = /\{\{|\$t[:(]|\$raw:|core:validation|cli:/;

interface Case {
  name: string;
  text: () => string;
  key: string;
  field?: RegExp;
  path?: (string | number)[];
}
const CASES: Case[] = [
  {
    name: 'amount 1e308',
    text: () => text((d) => (d.inventory[0].activity.amount = 1e308)),
    key: 'core:validation.numberRange',
    path: ['inventory', 0, 'activity', 'amount'],
  },
  {
    name: 'amount 1e400 (Infinity for JSON.parse)',
    text: () => text((d) => (d.inventory[0].activity.amount = 7)).replace('"amount":7', '"amount":1e400'),
    key: 'core:validation.numberRange',
    path: ['inventory', 0, 'activity', 'amount'],
  },
  {
    name: 'factor 1e308',
    text: () => text((d) => (d.inventory[1].emissions.gases = { CO2_fossil: 1e308 })),
    key: 'core:validation.numberRange',
    path: ['inventory', 1, 'emissions', 'gases', 'CO2_fossil'],
  },
  {
    name: 'functional unit 1e308',
    text: () => text((d) => (d.product.functionalUnit.amount = 1e308)),
    key: 'core:validation.numberRange',
    path: ['product', 'functionalUnit', 'amount'],
  },
  {
    name: 'production 1e-320 (denormal)',
    text: () => text((d) => (d.basis.production.amount = 7)).replace('"amount":7', '"amount":1e-320'),
    key: 'core:validation.numberRange',
    path: ['basis', 'production', 'amount'],
  },
  {
    name: 'amount as text "1e308"',
    text: () => text((d) => (d.inventory[0].activity.amount = '1e308')),
    key: 'core:validation.numberRange',
    path: ['inventory', 0, 'activity', 'amount'],
  },
  {
    name: 'reported total -1e300',
    text: () => text((d) => (d.study.reported = { unit: 'kgCO2e', total: -1e300 })),
    key: 'core:validation.numberRange',
    path: ['study', 'reported', 'total'],
  },
  { name: '30 February', text: () => text((d) => (d.period.end = '2024-02-30')), key: 'core:validation.format.impossibleDate', path: ['period', 'end'] },
  { name: 'month 13', text: () => text((d) => (d.period.start = '2024-13-01')), key: 'core:validation.format.impossibleDate', path: ['period', 'start'] },
  { name: 'day 00', text: () => text((d) => (d.study.date = '2024-05-00')), key: 'core:validation.format.impossibleDate', path: ['study', 'date'] },
  { name: 'gas key __proto__', text: () => splice('"gases":{', '"__proto__":{"CO2_fossil":5},'), key: 'core:validation.forbiddenKey' },
  {
    name: 'stage key __proto__ in reported per stage',
    text: () =>
      text((d) => (d.study.reported = { unit: 'kgCO2e', total: 1, perStage: { production: 1 } })).replace('"perStage":{', '"perStage":{"__proto__":1,'),
    key: 'core:validation.forbiddenKey',
    path: ['study', 'reported', 'perStage', '__proto__'],
  },
  { name: 'key constructor', text: () => splice('"product":{', '"constructor":"x",'), key: 'core:validation.forbiddenKey', path: ['product', 'constructor'] },
  { name: 'duplicate cnCode', text: () => splice('"product":{', '"cnCode":"2523 29 00",'), key: 'core:validation.duplicateKey', path: ['product', 'cnCode'] },
  {
    name: 'duplicate line amount',
    text: () => splice('"activity":{', '"amount":1,'),
    key: 'core:validation.duplicateKey',
    path: ['inventory', 0, 'activity', 'amount'],
  },
  {
    name: 'nesting 100,000 levels deep',
    text: () => text((d) => (d.inventory[0].notes = 7)).replace('"notes":7', `"notes":${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    key: 'core:validation.tooDeep',
  },
  {
    name: 'a 50 MB line id',
    text: () => text((d) => (d.inventory[0].id = 'A'.repeat(50_000_000))),
    key: 'core:validation.textTooLong',
    path: ['inventory', 0, 'id'],
  },
];

describe('hostile datasets: one clear, translated error naming the field', () => {
  it.each(CASES)('$name', { timeout: 30_000 }, ({ text: make, key, path }) => {
    const r = validateDataset(make());
    expect(r.ok).toBe(false);
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((e) => e.message.key)).toContain(key);
    const p = errors.find((e) => e.message.key === key)!;
    if (path) expect(p.path).toEqual(path);
    for (const lng of LANGS) {
      const s = translateProblem(T[lng], p);
      expect(s, lng).not.toMatch(RAW);
      if (path) expect(s.length, lng).toBeLessThan(400);
    }
  });

  it('the same checks hold for a value that did not come through the reader (the app database, the editor)', () => {
    const d = base();
    d.inventory[0].activity.amount = Infinity;
    Object.defineProperty(d.inventory[1].emissions.gases, '__proto__', { value: { CO2_fossil: 1 }, enumerable: true });
    const keys = checkParsedValue(d).map((p) => p.message.key);
    expect(keys).toEqual(['core:validation.numberRange', 'core:validation.forbiddenKey']);
    expect(validateDataset(d).ok).toBe(false);
    // NaN (an emptied editor field) stays the schema's to report
    const e = base();
    e.inventory[0].activity.amount = NaN;
    expect(validateDataset(e).problems[0]!.message.key).toBe('core:validation.notANumber');
  });

  it('the strict reader reads what JSON.parse reads (escapes, numbers, nesting within the limit)', () => {
    const s = '{"a":"x\\u00e9\\n\\"\\\\/","b":[1,-2.5e3,0,1e-12,1e15,true,false,null],"c":{"d":{}},"e":[],"k\\"q":"v\\\\","w\\\\":"\\":"}';
    expect(parseJsonStrict(s)).toEqual({ ok: true, value: JSON.parse(s) });
    const sample = JSON.stringify(base(), null, 2);
    expect(parseJsonStrict(sample)).toEqual({ ok: true, value: JSON.parse(sample) });
    // duplicates next to escaped quotes and colons inside strings are still found
    expect(parseJsonStrict('{"k\\"q":1,"x":"a\\":b","k\\"q":2}').ok).toBe(false);
    for (const bad of ['{"a":1,}', '{"a":01}', '[1 2]', '{"a":"x\ny"}', '{"a":.5}', 'nul']) expect(parseJsonStrict(bad).ok, bad).toBe(false);
    const r = parseJsonStrict('{"a":1,\n"b":}');
    expect(!r.ok && r.problems[0]!.message).toEqual({ key: 'core:validation.notJson', params: { line: 2, column: 5 } });
  });
});

describe('hostile datasets through the CLI: exit 2, no stack trace', () => {
  it.each(CASES.filter((c) => !c.name.startsWith('a 50 MB')))('$name', { timeout: 60_000 }, async ({ name, text: make }) => {
    const f = join(tmp, `${name.replace(/\W+/g, '-')}.json`);
    writeFileSync(f, make());
    for (const cmd of [
      ['validate', f],
      ['convert', f, '--to', 'eu-cbam', '--period', '2026'],
      ['compute', f],
    ]) {
      const r = await runCli(...cmd, '--lang', 'ar');
      expect(r.code, cmd.join(' ')).toBe(2);
      expect(r.err + r.out).not.toMatch(STACK);
      expect(r.err).not.toMatch(RAW);
    }
  });

  it('a 50 MB line id: a clear error in the CLI too', { timeout: 120_000 }, async () => {
    const f = join(tmp, 'big-id.json');
    writeFileSync(
      f,
      text((d) => (d.inventory[0].id = 'A'.repeat(50_000_000))),
    );
    const r = await runCli('validate', f, '--lang', 'zh');
    expect(r.code).toBe(2);
    expect(r.err).toContain('32767');
    expect(r.err.length).toBeLessThan(2000);
  });

  it('/dev/zero, a folder and a file over the limit are refused before reading', { timeout: 60_000 }, async () => {
    for (const f of ['/dev/zero', tmp]) {
      const r = await runCli('validate', f, '--lang', 'en');
      expect(r.code, f).toBe(2);
      expect(r.err).toMatch(/not a regular file/);
    }
    const big = join(tmp, 'big.json');
    writeFileSync(big, '');
    const { truncateSync } = await import('node:fs');
    truncateSync(big, 65 * 1024 * 1024); // sparse: nothing is written, nothing must be read
    const r = await runCli('validate', big, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/65 MB.*64 MB/);
  });

  it('100,000 lines full of errors: a capped list summarised by kind, and the lines beyond the cap counted', { timeout: 120_000 }, async () => {
    const d = base();
    d.inventory = Array.from({ length: 100_000 }, (_, i) => ({ id: `x${i}`, stage: 'bad', activity: { amount: 'abc', unit: 'zz' } }));
    const f = join(tmp, 'errors.json');
    writeFileSync(f, JSON.stringify(d));
    const v = validateDataset(JSON.stringify(d));
    expect(v.problems.length).toBe(VALIDATION_LIMITS.maxProblems);
    expect(v.uncheckedLines).toBeGreaterThan(99_000);
    const r = await runCli('validate', f, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err.length).toBeLessThan(20_000);
    expect(r.err).toMatch(/50 of 1000 problems are listed/);
    expect(r.err).toMatch(/125 × Error: Unknown life-cycle stage “bad”/);
    expect(r.err).toMatch(/99875 further inventory lines were not checked in detail/);
    const j = await runCli('validate', f, '--json');
    const out = JSON.parse(j.out);
    expect(out.problems).toHaveLength(VALIDATION_LIMITS.maxProblems);
    expect(out.uncheckedLines).toBe(99_875);
    expect(out.summary[0]).toMatchObject({ count: 125, severity: 'error' });
  });
});

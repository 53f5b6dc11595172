/**
 * Hostile command-line input: numeric and enumerated options, periods, JSON side files (corrections, report info,
 * activity data), output folders that do not exist, and text that would drive the terminal (ESC, U+202E). Each is
 * one clear, translated message naming the option or file, exit 2, never a stack trace or a silently wrong result.
 */
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';
import { sampleJson, SAMPLES_DIR } from './helpers/samples';
import { terminalSafe } from '../src/cli/options';

const tmp = mkdtempSync(join(tmpdir(), 'cb-hostile-cli-'));
const AL = join(SAMPLES_DIR, 'aluminium-ingot-ningxia.json');
const write = (name: string, content: string): string => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};
const STACK = /\n\s+at .+[(:]|node:internal|TypeError|RangeError/;
const RAW = /\{\{|\$t[:(]|\$raw:|\b(cli|core|cbam|cbamconvert|import):[a-z]/;

async function expectRefused(args: string[], pattern: RegExp, lang = 'en') {
  const r = await runCli(...args, '--lang', lang);
  expect(r.code, args.join(' ')).toBe(2);
  expect(r.err + r.out).not.toMatch(STACK);
  expect(r.err).not.toMatch(RAW);
  expect(r.err, args.join(' ')).toMatch(pattern);
  return r;
}

describe('numeric options: decimal, finite, in range', () => {
  const compare = ['compare', AL, '--packs', 'cn-gbt24067-2024,eu-cbam'];
  it.each([
    ['-1', /--ef is outside its range \(it is “-1”\): the value must be from 0 to 5 tCO2\/MWh/],
    ['0x10', /--ef must be a decimal number .*“0x10”/],
    ['abc', /--ef must be a decimal number .*“abc”/],
    ['1e400', /--ef is outside its range \(it is “1e400”\)/],
    ['Infinity', /--ef must be a decimal number/],
    ['', /--ef must be a decimal number/],
  ])('compare --ef %s', { timeout: 30_000 }, async (v, re) => {
    await expectRefused([...compare, '--ef', v], re);
  });
  it('compare --ef 0.58 is accepted and used', { timeout: 30_000 }, async () => {
    const r = await runCli(...compare, '--ef', '0.58', '--json');
    expect(r.code).toBeLessThan(2);
    expect(JSON.parse(r.out).cbam).toHaveLength(1);
  });
  it('convert --ef and --actual-ef use the same checks', { timeout: 30_000 }, async () => {
    await expectRefused(['convert', AL, '--to', 'eu-cbam', '--period', '2026', '--ef', '0x10'], /--ef/);
    await expectRefused(['convert', AL, '--to', 'eu-cbam', '--period', '2026', '--actual-ef', '-0.5'], /--actual-ef is outside its range/);
  });
  it('cbam-cost --mass 1e308 (∞ certificates before) and 1e-320', { timeout: 30_000 }, async () => {
    for (const m of ['1e308', '1e-320'])
      await expectRefused(['cbam-cost', '--cn', '7601 10 00', '--origin', 'CN', '--mass', m, '--period', '2026'], /--mass is outside its range .* 1e15 t/);
  });
  it('import --header-row must be a whole number from 1', { timeout: 30_000 }, async () => {
    await expectRefused(
      ['import', join(import.meta.dirname, 'fixtures', 'hostile', 'good.xlsx'), '--header-row', '1.5'],
      /--header-row must be a whole number/,
    );
    await expectRefused(['import', join(import.meta.dirname, 'fixtures', 'hostile', 'good.xlsx'), '--header-row', '0'], /--header-row is outside its range/);
  });
});

describe('periods', () => {
  it.each([
    ['compare', ['compare', AL, '--packs', 'cn-gbt24067-2024,eu-cbam']],
    ['convert', ['convert', AL, '--to', 'eu-cbam']],
    ['cbam-cost', ['cbam-cost', '--cn', '7601 10 00', '--origin', 'CN', '--mass', '1']],
    ['cbam-screen', ['cbam-screen', '7601 10 00']],
  ])('%s --period 9999 (the 2026 pack silently before)', { timeout: 30_000 }, async (_n, args) => {
    for (const lang of ['en', 'zh', 'ar']) {
      const r = await expectRefused([...args, '--period', '9999'], /9999/, lang);
      expect(r.err).toMatch(/2023.*2050|2050.*2023/);
    }
  });
});

describe('JSON side files: an object, read strictly', () => {
  const convert = ['convert', AL, '--to', 'eu-cbam', '--period', '2026'];
  it.each([
    ['null', /--corrections .* must contain a JSON object .* but it contains null/],
    ['"heat"', /but it contains a text/],
    ['[]', /but it contains a list/],
    ['{"heatt":{}}', /unknown group\(s\) heatt/],
    ['{"heat":{"importedTJ":1e308,"importedEf":1}}', /1e\+?308 is outside the range/],
    ['{"heat":{"importedTJ":1,"importedTJ":2}}', /appears twice/],
  ])('--corrections %s', { timeout: 30_000 }, async (content, re) => {
    await expectRefused([...convert, '--corrections', write(`corr-${Math.random()}.json`, content)], re);
  });
  it('--report-info null (a stack trace before)', { timeout: 30_000 }, async () => {
    const out = join(tmp, 'r.xml');
    await expectRefused(
      ['convert', AL, '--to', 'eu-cbam', '--period', '2025-Q3', '--out', out, '--report-info', write('info-null.json', 'null')],
      /--report-info .* must contain a JSON object/,
    );
    expect(existsSync(out)).toBe(false);
  });
  it('cbam-calc activity data with 1e308 or a duplicate key', { timeout: 30_000 }, async () => {
    await expectRefused(['cbam-calc', write('act-big.json', '{"format":"x","streams":[{"amount":1e308}]}')], /1e\+?308 is outside the range/);
    await expectRefused(['cbam-calc', write('act-dup.json', '{"format":"x","format":"y"}')], /appears twice/);
  });
  it('an import mapping with __proto__ is refused with a translated message', { timeout: 30_000 }, async () => {
    const m = write('map.json', '{"format":"carbonbridge.import-mapping","version":1,"__proto__":{"x":1},"columns":[]}');
    await expectRefused(['import', join(import.meta.dirname, 'fixtures', 'hostile', 'good.xlsx'), '--mapping', m], /“__proto__” cannot be used/);
  });
});

describe('output folders that do not exist: refused before any work, naming the folder', () => {
  const missing = join(tmp, 'no-such-folder');
  it.each([
    ['import --out', ['import', join(import.meta.dirname, 'fixtures', 'hostile', 'good.xlsx'), '--out', join(missing, 'd.json')]],
    ['import --save-mapping', ['import', join(import.meta.dirname, 'fixtures', 'hostile', 'good.xlsx'), '--save-mapping', join(missing, 'm.json')]],
    ['import --template-out', ['import', join(import.meta.dirname, 'fixtures', 'hostile', 'good.xlsx'), '--template-out', join(missing, 'w.xlsx')]],
    ['workbook --out', ['workbook', AL, '--out', join(missing, 'w.xlsx')]],
    ['convert --out', ['convert', AL, '--to', 'eu-cbam', '--period', '2026', '--out', join(missing, 'r.json')]],
  ])('%s', { timeout: 30_000 }, async (_n, args) => {
    for (const lang of ['en', 'zh', 'ar']) {
      const r = await expectRefused(args, /no-such-folder/, lang);
      if (lang === 'en') expect(r.err).toMatch(/the folder .*no-such-folder does not exist/);
    }
  });
});

describe('terminal output: ESC and bidi controls from a file are shown, not obeyed', () => {
  it('terminalSafe escapes ESC, CR, BEL, C1 and U+202A–U+202E / U+2066–U+2069, keeps tab, newline and Arabic marks', () => {
    expect(terminalSafe('a\u001b[31mb\u202ec\r\u0007d\u0085\u2067\te\n\u200f')).toBe('a\\u001b[31mb\\u202ec\\u000d\\u0007d\\u0085\\u2067\te\n\u200f');
  });
  it('compute prints a line id with ESC and U+202E escaped; --json stays valid and equal', { timeout: 30_000 }, async () => {
    const d = sampleJson('aluminium-ingot-ningxia.json');
    d.inventory[0].id = 'EVIL\u001b[2J\u202eTXT';
    const f = write('evil.json', JSON.stringify(d));
    const r = await runCli('compute', f);
    expect(r.out).not.toMatch(/[\u001b\u202e]/);
    expect(r.out).toContain('EVIL\\u001b[2J\\u202eTXT');
    const j = await runCli('compute', f, '--json');
    expect(j.out).not.toMatch(/[\u001b\u202e]/);
    expect(JSON.parse(j.out).lines.some((l: { id: string }) => l.id === 'EVIL\u001b[2J\u202eTXT')).toBe(true);
  });
});

describe('arguments', () => {
  it('parse errors are translated (unknown option, missing value)', { timeout: 30_000 }, async () => {
    await expectRefused(['compare', AL, '--bogus', '1'], /unknown option --bogus/);
    await expectRefused(['compare', AL, '--ef'], /--ef needs a value/);
    const zh = await expectRefused(['compare', AL, '--bogus', '1'], /未知选项 --bogus/, 'zh');
    expect(zh.err).not.toMatch(/Unknown option/);
  });
});

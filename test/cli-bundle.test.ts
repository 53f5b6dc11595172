/**
 * The built command line (tools/build-cli.mjs → dist-cli/carbonbridge.cjs, run by bin/carbonbridge.mjs) says the
 * same as the sources: the help written into the bundle as a manifest lists every command as the commands
 * themselves do, in all three languages; messages read per namespace on first use are the catalogue's; the bundle is
 * ASCII only and its escaping keeps regular expressions and strings equal.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';
import { createT, loadResources } from '../src/cli/i18n';
import { COMMANDS } from '../src/cli/commands/index';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'carbonbridge.mjs');
/** A character outside ASCII. */
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
const bin = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

describe('the built command line', () => {
  it('--help from the bundle equals --help from the sources, in en, zh and ar', async () => {
    for (const lang of ['en', 'zh', 'ar']) {
      const built = bin('--help', '--lang', lang);
      expect(built.status).toBe(0);
      const src = await runCli('--help', '--lang', lang);
      expect(built.stdout).toBe(src.out);
      for (const c of COMMANDS) expect(built.stdout).toContain(`carbonbridge ${c.name}`);
    }
  }, 180_000);

  it('an unknown command lists the commands; a command’s own --help and options work from the bundle', async () => {
    const unknown = bin('no-such-command', '--lang', 'zh');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe((await runCli('no-such-command', '--lang', 'zh')).err);
    const own = bin('validate', '--help', '--lang', 'ar');
    expect(own.status).toBe(0);
    expect(own.stdout).toBe((await runCli('validate', '--help', '--lang', 'ar')).out);
    const bad = bin('validate', '--nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe((await runCli('validate', '--nope')).err);
  }, 120_000);

  it('the bundle is ASCII only', () => {
    bin('--help'); // builds it when stale
    const code = readFileSync(join(ROOT, 'dist-cli', 'carbonbridge.cjs'), 'latin1');
    expect(code.length).toBeGreaterThan(100_000);
    expect(NON_ASCII.test(code)).toBe(false);
  }, 120_000);
});

describe('asciiOnly (tools/build-cli.mjs)', () => {
  it('escapes strings, regular expressions (with and without /u, identity escapes, astral characters) to equal values', async () => {
    const { asciiOnly } = (await import(pathToFileURL(join(ROOT, 'tools', 'build-cli.mjs')).href)) as { asciiOnly: (s: string) => string };
    const src = String.raw`[/^(\d{4})[-/.年](\d{1,2})月$/.test("2024年5月"), /[\（（]/.test("（"), /\（/.test("（"), /😀/u.test("a😀"), "碳桥 جسر", /[一-龥]+/.exec("x中文y")[0], /\\中/.test("\\中")]`;
    const out = asciiOnly(src);
    expect(NON_ASCII.test(out)).toBe(false);
    expect(new Function(`return ${out}`)()).toEqual(new Function(`return ${src}`)());
    expect(new Function(`return ${out}`)()).toEqual([true, true, true, true, '碳桥 جسر', '中文', true]);
  });
});

describe('messages read per namespace on first use', () => {
  it('give the catalogue’s text, with the English fallback, for keys of several namespaces', async () => {
    const res = loadResources() as Record<string, Record<string, Record<string, unknown>>>;
    for (const lang of ['en', 'zh', 'ar'] as const) {
      const t = await createT(lang);
      expect(t('cli:usage')).toBe(res[lang]!.cli!.usage);
      expect(t('usage')).toBe(res[lang]!.cli!.usage); // no namespace: cli
      expect(t('core:where.file')).toBe((res[lang]!.core!.where as Record<string, string>).file);
      expect(t('cli:error.unknownCommand', { name: 'x' })).toContain('x');
    }
  });
});

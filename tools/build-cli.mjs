#!/usr/bin/env node
// Builds the command line as one JavaScript bundle: src/cli/main.ts → dist-cli/carbonbridge.cjs (esbuild; rule packs
// and other JSON the code imports are bundled; the locales are read at run time from <package>/locales). No TypeScript
// is transpiled when the command runs.
//
// Fast cold start (target: `carbonbridge validate` < 150 ms, printed by `npm run bench`):
// - each command's module is imported by the registry (src/cli/commands/index.ts) with import(): in the bundle the
//   command and everything only it uses is wrapped by esbuild in a function run on first import, so a command
//   evaluates only its own code (no schema, pack or table of another command is built);
// - the help of every command (name, summary key, usage, options) is written into the bundle as a manifest, so
//   `--help` loads no command;
// - the bundle is ASCII only (every other character written as \uXXXX): Node reads it as a one-byte string, half the
//   memory and a faster read than the two-byte string a single non-ASCII character makes of the whole file;
// - the built-in CBAM packs' JSON is kept as strings and parsed on first use (tools/lazy-json.mjs), other JSON data
//   as `JSON.parse('…')`;
// - it is CommonJS so that bin/carbonbridge.mjs can compile it through node:vm with a V8 code cache per command
//   (dist-cli/cache/, written on a command's first run): a cold start then skips parsing and compiling. Node 20 has
//   no code cache for ES modules (measured: an ESM build split per command compiles ~100 ms at each start).
// dist-cli/inputs.json lists the source files of the bundle so that the bin can rebuild a stale bundle in a checkout.
//
//   node tools/build-cli.mjs           build
//   node tools/build-cli.mjs --quiet   build without the size line
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { isLazyJsonFile, lazyJsonSource } from './lazy-json.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
export const OUT_DIR = join(root, 'dist-cli');
export const BUNDLE = join(OUT_DIR, 'carbonbridge.cjs');
export const INPUTS = join(OUT_DIR, 'inputs.json');
/** V8 code caches of the bundle, one per command (bin/carbonbridge.mjs); emptied by every build. */
export const CACHE_DIR = join(OUT_DIR, 'cache');
const MANIFEST_PLACEHOLDER = '"@@CB_COMMANDS@@"';

/**
 * Big JSON data (rule packs, CN lists) as `JSON.parse('…')`: V8 parses a JSON string much faster than the same data
 * written as an object literal, which is what a bundler emits for an imported .json file by default.
 */
const jsonAsParse = {
  name: 'json-as-parse',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(args.path, 'utf8');
      const min = JSON.stringify(JSON.parse(text));
      return { contents: `export default JSON.parse(${JSON.stringify(min)});`, loader: 'js' };
    });
  },
};

/**
 * The built-in CBAM packs' files as strings parsed on first use (tools/lazy-json.mjs): importing the packs parses
 * nothing, so `validate` of a dataset without production processes never parses the ~600 KB of pack data.
 */
const lazyJson = (read) => ({
  name: 'lazy-json',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (!isLazyJsonFile(args.path)) return undefined;
      const { readFile } = await import('node:fs/promises');
      const contents = lazyJsonSource(await readFile(args.path, 'utf8'), args.path, (p) => read.push(p));
      return { contents, loader: 'ts', watchFiles: read };
    });
  },
});

/**
 * Every character outside ASCII as a \u escape (esbuild already escapes strings; regular expressions keep theirs).
 * Valid everywhere the minified bundle can hold one: string, template and regular-expression literals (a surrogate
 * pair escaped as two \u escapes is one code point in a /u expression) and identifiers. An identity escape of such a
 * character (`\（` in a regular expression) is the character itself, so its backslash is dropped.
 */
export function asciiOnly(code) {
  const hex = (c) => `\\u${c.toString(16).padStart(4, '0')}`;
  // eslint-disable-next-line no-control-regex
  return code.replace(/(\\*)([^\x00-\x7f])/gu, (_, bs, ch) => {
    const esc = ch.length === 2 ? hex(ch.charCodeAt(0)) + hex(ch.charCodeAt(1)) : hex(ch.charCodeAt(0));
    return (bs.length % 2 === 1 ? bs.slice(1) : bs) + esc;
  });
}

/** Evaluates the bundle as bin/carbonbridge.mjs does (in this process) and returns its exports. */
function evaluate(code) {
  const fn = new Script(`(function (exports, require, module, __filename, __dirname, __cbImportMetaUrl) {${code}\n})`, { filename: BUNDLE }).runInThisContext();
  const mod = { exports: {} };
  fn(mod.exports, createRequire(BUNDLE), mod, BUNDLE, dirname(BUNDLE), pathToFileURL(BUNDLE).href);
  return mod.exports;
}

/** Build the bundle; returns its size and the build time. Writes atomically (tmp + rename), safe for parallel runs. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const t0 = Date.now();
  const lazyRead = []; // JSON files the lazy-json plugin embedded (not in the metafile: no module imports them)
  const r = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    write: false,
    outfile: BUNDLE,
    logLevel: 'warning',
    plugins: [lazyJson(lazyRead), jsonAsParse],
    define: {
      // The loader (bin/carbonbridge.mjs) passes the bundle's file URL as __cbImportMetaUrl (src/cli/i18n.ts finds the
      // locales folder from it).
      'import.meta.url': '__cbImportMetaUrl',
      // replaced below by the commands' help (src/cli/main.ts: helpInfos)
      __CB_COMMANDS__: MANIFEST_PLACEHOLDER,
    },
  });
  const file = r.outputFiles.find((f) => f.path.endsWith('.cjs'));
  if (!file) throw new Error('esbuild produced no bundle');
  let code = file.text;
  if (code.split(MANIFEST_PLACEHOLDER).length !== 2) throw new Error('build-cli: the commands manifest placeholder is not in the bundle once');
  const manifest = await evaluate(code).commandInfos();
  code = asciiOnly(code.replace(MANIFEST_PLACEHOLDER, () => JSON.stringify(JSON.stringify(manifest))));
  mkdirSync(OUT_DIR, { recursive: true });
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, BUNDLE);
  rmSync(CACHE_DIR, { recursive: true, force: true });
  rmSync(join(OUT_DIR, 'carbonbridge.cache'), { force: true }); // the single cache of earlier builds
  // the build script itself too: a bundle of an earlier build (not ASCII only, say) is rebuilt
  const inputs = [
    ...Object.keys(r.metafile.inputs).filter((p) => !p.includes('node_modules')),
    ...lazyRead.map((p) => relative(root, p)),
    'tools/build-cli.mjs',
    'tools/lazy-json.mjs',
  ];
  const tmpIn = `${INPUTS}.${process.pid}.tmp`;
  writeFileSync(tmpIn, JSON.stringify({ built: new Date().toISOString(), inputs: inputs.map((p) => relative(root, join(root, p))) }));
  renameSync(tmpIn, INPUTS);
  return { bytes: code.length, ms: Date.now() - t0, inputs: inputs.length, commands: manifest.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await buildCli();
  if (!process.argv.includes('--quiet'))
    console.log(`dist-cli/carbonbridge.cjs: ${(r.bytes / 1048576).toFixed(2)} MB from ${r.inputs} source files, ${r.commands} commands, in ${r.ms} ms`);
}

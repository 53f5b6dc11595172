#!/usr/bin/env node
// Builds the command line as one JavaScript bundle: src/cli/main.ts → dist-cli/carbonbridge.cjs (esbuild; rule packs
// and other JSON the code imports are bundled; the locales are read at run time from <package>/locales). No TypeScript
// is transpiled when the command runs. The bundle is CommonJS so that bin/carbonbridge.mjs can compile it through
// node:vm with a V8 code cache (dist-cli/carbonbridge.cache, written on the first run): a cold start then skips
// parsing and compiling the 2.5 MB bundle. dist-cli/inputs.json lists the source files of the bundle so that the bin
// can rebuild a stale bundle in a source checkout.
//
//   node tools/build-cli.mjs           build
//   node tools/build-cli.mjs --quiet   build without the size line
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
export const OUT_DIR = join(root, 'dist-cli');
export const BUNDLE = join(OUT_DIR, 'carbonbridge.cjs');
export const INPUTS = join(OUT_DIR, 'inputs.json');

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

/** Build the bundle; returns its size and the build time. Writes atomically (tmp + rename), safe for parallel runs. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const t0 = Date.now();
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
    plugins: [jsonAsParse],
    // The loader (bin/carbonbridge.mjs) passes the bundle's file URL as __cbImportMetaUrl (src/cli/i18n.ts finds the
    // locales folder from it).
    define: { 'import.meta.url': '__cbImportMetaUrl' },
  });
  mkdirSync(OUT_DIR, { recursive: true });
  const file = r.outputFiles.find((f) => f.path.endsWith('.cjs'));
  if (!file) throw new Error('esbuild produced no bundle');
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, BUNDLE);
  const inputs = Object.keys(r.metafile.inputs).filter((p) => !p.includes('node_modules'));
  const tmpIn = `${INPUTS}.${process.pid}.tmp`;
  writeFileSync(tmpIn, JSON.stringify({ built: new Date().toISOString(), inputs: inputs.map((p) => relative(root, join(root, p))) }));
  renameSync(tmpIn, INPUTS);
  return { bytes: file.contents.length, ms: Date.now() - t0, inputs: inputs.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await buildCli();
  if (!process.argv.includes('--quiet')) console.log(`dist-cli/carbonbridge.cjs: ${(r.bytes / 1048576).toFixed(2)} MB from ${r.inputs} source files in ${r.ms} ms`);
}

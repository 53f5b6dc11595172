#!/usr/bin/env node
// CarbonBridge command line. Runs the built bundle dist-cli/carbonbridge.cjs (tools/build-cli.mjs; no TypeScript is
// transpiled at run time; each command's code is evaluated only when that command runs), compiled through node:vm
// with a V8 code cache per command kept in dist-cli/cache/ (written after a command's first run when the folder is
// writable; the file name carries the bundle's size and time, so a rebuilt bundle never meets an old cache).
// zod runs without its JIT (see below). In a source checkout (src/ present) a missing or stale bundle (a source file newer than it) is rebuilt first.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'carbonbridge.cjs');

function stale() {
  if (!existsSync(join(root, 'src', 'cli', 'main.ts'))) return false; // installed package: no sources to compare
  if (!existsSync(bundle)) return true;
  try {
    const built = statSync(bundle).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(join(root, 'dist-cli', 'inputs.json'), 'utf8'));
    return inputs.some((p) => {
      try {
        return statSync(join(root, p)).mtimeMs > built;
      } catch {
        return true; // a source file of the bundle is gone
      }
    });
  } catch {
    return true;
  }
}

if (stale()) {
  const { buildCli } = await import(pathToFileURL(join(root, 'tools', 'build-cli.mjs')).href);
  await buildCli();
}

const args = process.argv.slice(2);
const st = statSync(bundle);
// one cache per command (a cache holds the functions its first run compiled); help and the rest share 'main'
const command = /^[a-z][a-z0-9-]{0,31}$/.test(args[0] ?? '') && args[0] !== 'help' ? args[0] : 'main';
const cacheFile = join(root, 'dist-cli', 'cache', `${command}-${st.size}-${Math.floor(st.mtimeMs)}.cache`);
const source = readFileSync(bundle, 'latin1'); // ASCII only (tools/build-cli.mjs): read as a one-byte string
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// zod without its JIT: a schema's first parse would otherwise compile a checker with new Function (not in the code
// cache, so at every start: ~30 ms of `validate`); one run parses few objects with each schema, and the inventory lines
// of a large dataset go through the core's fast path. Read by zod (globalThis.__zod_globalConfig, what z.config()
// sets) when the bundle builds its schemas, so it is set before the bundle runs.
globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };
const script = new Script(`(function (exports, require, module, __filename, __dirname, __cbImportMetaUrl) {${source}\n})`, {
  filename: bundle,
  cachedData,
});
const mod = { exports: {} };
script.runInThisContext()(mod.exports, createRequire(bundle), mod, bundle, dirname(bundle), pathToFileURL(bundle).href);
process.exitCode = await mod.exports.main(args);

// no cache for a word that is not a command (a typo would leave a file behind)
if ((cachedData === undefined || script.cachedDataRejected) && (command === 'main' || mod.exports.COMMAND_NAMES?.includes(command))) {
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  } catch {
    // read-only install: run without a code cache
  }
}

#!/usr/bin/env node
// CarbonBridge command line. Runs the built bundle dist-cli/carbonbridge.cjs (tools/build-cli.mjs; no TypeScript is
// transpiled at run time), compiled through node:vm with a V8 code cache kept beside it (dist-cli/carbonbridge.cache,
// written after the first run when the folder is writable; V8 rejects a cache that does not match the bundle).
// In a source checkout (src/ present) a missing or stale bundle (a source file newer than it) is rebuilt first.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'carbonbridge.cjs');
const cacheFile = join(root, 'dist-cli', 'carbonbridge.cache');

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

const source = readFileSync(bundle, 'utf8');
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(`(function (exports, require, module, __filename, __dirname, __cbImportMetaUrl) {${source}\n})`, {
  filename: bundle,
  cachedData,
});
const mod = { exports: {} };
script.runInThisContext()(mod.exports, createRequire(bundle), mod, bundle, dirname(bundle), pathToFileURL(bundle).href);
process.exitCode = await mod.exports.main(process.argv.slice(2));

if (cachedData === undefined || script.cachedDataRejected) {
  try {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  } catch {
    // read-only install: run without a code cache
  }
}

#!/usr/bin/env node
// CI step: the app builds on every platform. `rollup` (used only by the service-worker build, workbox-build) is the
// WebAssembly build `@rollup/wasm-node` through the npm alias in package.json `overrides`, so no platform-specific
// native rollup binary is needed. This check fails if a native `@rollup/rollup-<platform>` package is installed
// (the build would not prove anything then) or if `rollup` is not the WebAssembly build, and then runs the real
// production build (including the service worker) into a temporary folder.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = join(import.meta.dirname, '..');
const fail = (m) => {
  console.error(`check-portable-build: ${m}`);
  process.exit(1);
};

const scoped = join(root, 'node_modules', '@rollup');
const natives = existsSync(scoped) ? readdirSync(scoped).filter((d) => /^rollup-/.test(d)) : [];
if (natives.length) fail(`native rollup packages are installed (${natives.join(', ')}); expected none (rollup → @rollup/wasm-node)`);

const require = createRequire(join(root, 'node_modules', 'workbox-build', 'package.json'));
const rollupPkgPath = require.resolve('rollup/package.json');
const rollupPkg = JSON.parse(readFileSync(rollupPkgPath, 'utf8'));
if (rollupPkg.name !== '@rollup/wasm-node') fail(`'rollup' as seen by workbox-build is ${rollupPkg.name}@${rollupPkg.version}, not @rollup/wasm-node`);
console.log(`rollup for workbox-build: ${rollupPkg.name}@${rollupPkg.version}; native @rollup/rollup-* packages: none`);

const out = mkdtempSync(join(tmpdir(), 'cb-build-'));
try {
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) fail(`vite build failed (exit ${r.status})`);
  for (const f of ['index.html', 'sw.js', 'manifest.webmanifest']) if (!existsSync(join(out, f))) fail(`vite build produced no ${f}`);
  console.log(`vite build with the WebAssembly rollup: ok (index.html, sw.js, manifest) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} finally {
  rmSync(out, { recursive: true, force: true });
}

/**
 * CLI cold start: `carbonbridge validate <sample>` as a new Node process, from the package layout a user installs
 * (bin/, dist-cli/, locales/, package.json copied to a temporary folder: no sources, no stale check), built first with
 * tools/build-cli.mjs. Figures: the first run (no V8 code cache yet), the median of 9 runs with the code cache the
 * first run wrote, `carbonbridge --help` the same way, and bare `node -e 0` measured the same way (process start-up
 * this machine cannot go below; on a shared machine compare the two). Target: validateColdMs < 150 ms.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = join(root, 'public', 'samples', 'aluminium-ingot-ningxia.json');

function timeRun(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;

export async function benchCliStart(): Promise<Record<string, number | string>> {
  const { buildCli } = (await import(pathToFileURL(join(root, 'tools', 'build-cli.mjs')).href)) as { buildCli: () => Promise<{ bytes: number }> };
  const { bytes } = await buildCli();
  const pkg = mkdtempSync(join(tmpdir(), 'cb-cli-'));
  try {
    for (const p of ['bin', 'locales', 'package.json']) cpSync(join(root, p), join(pkg, p), { recursive: true });
    cpSync(join(root, 'dist-cli', 'carbonbridge.cjs'), join(pkg, 'dist-cli', 'carbonbridge.cjs'));
    const bin = join(pkg, 'bin', 'carbonbridge.mjs');
    const first = timeRun([bin, 'validate', SAMPLE]);
    const cacheDir = join(pkg, 'dist-cli', 'cache');
    const cache =
      readdirSync(cacheDir)
        .filter((f) => f.startsWith('validate-'))
        .map((f) => statSync(join(cacheDir, f)).size)[0] ?? 0;
    timeRun([bin, '--help']); // writes the help's code cache
    const runs = 9;
    const warm = Array.from({ length: runs }, () => timeRun([bin, 'validate', SAMPLE]));
    const help = Array.from({ length: runs }, () => timeRun([bin, '--help']));
    const node = Array.from({ length: runs }, () => timeRun(['-e', '0']));
    return {
      validateColdMs: Math.round(median(warm)),
      helpColdMs: Math.round(median(help)),
      firstRunNoCodeCacheMs: Math.round(first),
      bareNodeStartMs: Math.round(median(node)),
      validateAboveBareNodeMs: Math.round(median(warm) - median(node)),
      runs,
      bundleMB: Math.round((bytes / 1048576) * 100) / 100,
      validateCodeCacheMB: Math.round((cache / 1048576) * 100) / 100,
    };
  } finally {
    rmSync(pkg, { recursive: true, force: true });
  }
}

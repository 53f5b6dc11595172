/**
 * CLI cold start: `carbonbridge validate <sample>` as a new Node process, from the package layout a user installs
 * (bin/, dist-cli/, locales/, package.json copied to a temporary folder: no sources, no stale check), built first with
 * tools/build-cli.mjs. Figures: the first run (no V8 code cache yet), the median of 9 runs with the code cache the
 * first run wrote, `carbonbridge --help` the same way, and bare `node -e 0` measured the same way (process start-up
 * this machine cannot go below; on a shared machine compare the two). Target: validateColdMs < 150 ms.
 * Beside the wall-clock medians: the CPU time of each process (user + system, all its threads, read by a preloaded
 * script when it exits; steadier than wall time on a loaded machine) and the ratios to bare node, which compare runs
 * made under different loads.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = join(root, 'public', 'samples', 'aluminium-ingot-ningxia.json');

/** Preloaded into each timed process: writes its CPU time (µs, user + system) to the file named by CB_BENCH_CPU. */
const CPU_PRELOAD = `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(process.env.CB_BENCH_CPU, String(u.user + u.system)); });`;

interface Run {
  ms: number;
  cpuMs: number;
}

function timeRun(args: string[], dir: string): Run {
  const cpuFile = join(dir, 'cpu.txt');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(dir, 'cpu-preload.cjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, CB_BENCH_CPU: cpuFile },
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, cpuMs: Number(readFileSync(cpuFile, 'utf8')) / 1000 };
}

const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const r1 = (x: number): number => Math.round(x);
const r2 = (x: number): number => Math.round(x * 100) / 100;

export async function benchCliStart(): Promise<Record<string, number | string>> {
  const { buildCli } = (await import(pathToFileURL(join(root, 'tools', 'build-cli.mjs')).href)) as { buildCli: () => Promise<{ bytes: number }> };
  const { bytes } = await buildCli();
  const pkg = mkdtempSync(join(tmpdir(), 'cb-cli-'));
  try {
    for (const p of ['bin', 'locales', 'package.json']) cpSync(join(root, p), join(pkg, p), { recursive: true });
    cpSync(join(root, 'dist-cli', 'carbonbridge.cjs'), join(pkg, 'dist-cli', 'carbonbridge.cjs'));
    const bin = join(pkg, 'bin', 'carbonbridge.mjs');
    writeFileSync(join(pkg, 'cpu-preload.cjs'), CPU_PRELOAD);
    const run = (args: string[]) => timeRun(args, pkg);
    const first = run([bin, 'validate', SAMPLE]).ms;
    const cacheDir = join(pkg, 'dist-cli', 'cache');
    const cache =
      readdirSync(cacheDir)
        .filter((f) => f.startsWith('validate-'))
        .map((f) => statSync(join(cacheDir, f)).size)[0] ?? 0;
    run([bin, '--help']); // writes the help's code cache
    const runs = 9;
    const validate: Run[] = [];
    const help: Run[] = [];
    const node: Run[] = [];
    // interleaved, so that a change of load on a shared machine touches the three alike
    for (let i = 0; i < runs; i++) {
      validate.push(run([bin, 'validate', SAMPLE]));
      help.push(run([bin, '--help']));
      node.push(run(['-e', '0']));
    }
    const ms = (a: Run[]) => median(a.map((x) => x.ms));
    const cpu = (a: Run[]) => median(a.map((x) => x.cpuMs));
    return {
      validateColdMs: r1(ms(validate)),
      helpColdMs: r1(ms(help)),
      firstRunNoCodeCacheMs: r1(first),
      bareNodeStartMs: r1(ms(node)),
      validateAboveBareNodeMs: r1(ms(validate) - ms(node)),
      validateToBareNodeRatio: r2(ms(validate) / ms(node)),
      validateCpuMs: r1(cpu(validate)),
      helpCpuMs: r1(cpu(help)),
      bareNodeCpuMs: r1(cpu(node)),
      validateToBareNodeCpuRatio: r2(cpu(validate) / cpu(node)),
      runs,
      bundleMB: r2(bytes / 1048576),
      validateCodeCacheMB: r2(cache / 1048576),
    };
  } finally {
    rmSync(pkg, { recursive: true, force: true });
  }
}

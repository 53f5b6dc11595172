/**
 * Error path of the hostile-input report: `carbonbridge validate` on a 100,000-line dataset in which every line is
 * wrong, against the same command on a clean 100,000-line dataset (target: at most 3× the clean path), and the size
 * of what it prints (a capped list summarised by kind, not 400,000 problems).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset } from './core';
import { main, nodeIO } from '../src/cli/main';

async function timedValidate(file: string): Promise<{ ms: number; bytes: number; code: number }> {
  let bytes = 0;
  const io = { ...nodeIO, stdout: (s: string) => void (bytes += s.length), stderr: (s: string) => void (bytes += s.length) };
  const t = performance.now();
  const code = await main(['validate', file], io);
  return { ms: performance.now() - t, bytes, code };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchErrorPath(lines = 100_000, runs = 3): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'cb-bench-hostile-'));
  try {
    const clean = join(dir, 'clean.json');
    const bad = join(dir, 'errors.json');
    const text = generateDataset(lines);
    writeFileSync(clean, text);
    const d = JSON.parse(text);
    d.inventory = d.inventory.map((l: { id: string }, i: number) => ({ id: l.id ?? `x${i}`, stage: 'bad', activity: { amount: 'abc', unit: 'zz' } }));
    writeFileSync(bad, JSON.stringify(d));
    await timedValidate(clean);
    await timedValidate(bad);
    const c: number[] = [];
    const e: number[] = [];
    let out = 0;
    for (let i = 0; i < runs; i++) {
      c.push((await timedValidate(clean)).ms);
      const r = await timedValidate(bad);
      if (r.code !== 2) throw new Error('the error dataset was accepted');
      e.push(r.ms);
      out = r.bytes;
    }
    const cleanMs = median(c);
    const errorMs = median(e);
    return {
      lines,
      cleanValidateMs: Math.round(cleanMs),
      errorValidateMs: Math.round(errorMs),
      errorToCleanRatio: Math.round((errorMs / cleanMs) * 100) / 100,
      errorOutputKB: Math.round(out / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

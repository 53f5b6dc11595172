/**
 * Benchmark: filling the Commission's communication template (unzip, patch sheet XML, zip, re-read and verify) versus
 * a plain fflate unzip + zip of the same file. Target: ratio ≤ 2. Used by `npm run bench` (bench/run.ts).
 * Returns medians in milliseconds; skips (returns {}) when the reference copy of the template is not available.
 */
import { existsSync, readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { fillOfficialTemplate } from '../src/core/cbam/docs/template';

const TEMPLATE = '../shared/cbam/official/CBAM Communication template for installations_en_20241213.xlsx';
const SAMPLE = 'test/fixtures/cbam-docs/aluminium-installation.json';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export async function benchTemplateFill(runs = 7): Promise<Record<string, number>> {
  if (!existsSync(TEMPLATE)) return {};
  const template = new Uint8Array(readFileSync(TEMPLATE));
  const data = JSON.parse(readFileSync(SAMPLE, 'utf8'));
  const fill: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    let t = performance.now();
    zipSync(unzipSync(template));
    const b = performance.now() - t;
    t = performance.now();
    const r = fillOfficialTemplate(template, data);
    const f = performance.now() - t;
    if (!r.report.ok) throw new Error('template fill verification failed');
    if (i > 0) { base.push(b); fill.push(f); } // first round warms up
  }
  const fillMs = Math.round(median(fill) * 10) / 10;
  const baseMs = Math.round(median(base) * 10) / 10;
  return { 'cbam.templateFill.ms': fillMs, 'cbam.templateUnzipZip.ms': baseMs, 'cbam.templateFill.ratio': Math.round((fillMs / baseMs) * 100) / 100 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchTemplateFill().then((r) => console.log(r));
}

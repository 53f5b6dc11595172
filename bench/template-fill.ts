/**
 * Benchmark: filling the Commission's communication template (unzip, patch sheet XML, zip, re-read and verify) versus
 * a plain fflate unzip + zip of the same file. Target: ratio ≤ 2. Used by `npm run bench` (bench/run.ts).
 * Two inputs: the aluminium documents fixture (2 processes, 2 products) and a generated installation at the
 * template's limits for processes and products (10 processes in a chain, 20 purchased precursors, 100 products,
 * source streams). Returns medians in milliseconds; skips (returns {}) when the reference copy of the template is not available.
 */
import { existsSync, readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { fillOfficialTemplate, TEMPLATE_MAP, templateRoutes } from '../src/core/cbam/docs/template';
import type { CbamDocInput } from '../src/core/cbam/docs/model';

const TEMPLATE = '../shared/cbam/official/CBAM Communication template for installations_en_20241213.xlsx';
const SAMPLE = 'test/fixtures/cbam-docs/aluminium-installation.json';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** 10 processes (each consuming 100 t of the previous one), 20 purchased precursors, 100 products (10 per process), 20 source streams. */
export function largeInstallation(): CbamDocInput {
  const cats = [
    'Iron or steel products',
    'Crude steel',
    'Pig iron',
    'Aluminium products',
    'Unwrought aluminium',
    'Mixed fertilisers',
    'Alloys (FeMn, FeCr, FeNi)',
    'Cement',
    'Ammonia',
    'Urea',
  ];
  const route = (c: string) => {
    const r = templateRoutes(c);
    return r.length > 1 ? r[0] : undefined;
  };
  const processes = cats.map((category, i) => ({
    id: `P${i + 1}`,
    name: `Process ${i + 1} (${category})`,
    category,
    production: [{ ...(route(category) ? { route: route(category) } : {}), amount: 100_000 + 1000 * i }],
    directEmissions: 10_000 + 137.5 * i,
    electricity: { consumptionMWh: 5_000 + 10 * i, ef: 0.55, efSource: 'D.4(a)' as const },
    precursors: [...(i > 0 ? [{ from: `P${i}`, amount: 100 }] : []), { from: `PP${2 * i + 1}`, amount: 50 }, { from: `PP${2 * i + 2}`, amount: 25 }],
  }));
  const purchasedPrecursors = Array.from({ length: 20 }, (_, k) => {
    const category = cats[Math.floor(k / 2)]!;
    return {
      id: `PP${k + 1}`,
      name: `Purchased ${k + 1}`,
      category,
      country: 'CN',
      ...(route(category) ? { purchased: [{ route: route(category)!, amount: k % 2 ? 25 : 50 }] } : {}),
      seeDirect: 1 + k / 10,
      seeDirectBasis: 'Measured' as const,
      electricityMWhPerT: 0.5,
      electricityEf: 0.6,
      electricityEfSource: 'D.4(b)' as const,
    };
  });
  const products = cats.flatMap((category, i) => {
    const cns = TEMPLATE_MAP.cnByGood[category]!;
    const need = TEMPLATE_MAP.qualifying[category] ?? [];
    return Array.from({ length: 10 }, (_, k) => ({
      processId: `P${i + 1}`,
      cnCode: cns[k % cns.length]!,
      name: `Product ${i + 1}.${k + 1}`,
      qualifying: Object.fromEntries(need.map((col) => [col, col === 'P' ? 'Coal or coke' : col === 'AC' ? 'TRUE' : 1])),
      carbonPrice: {
        instrument: 'National Emissions Trading System' as const,
        shareCovered: 0.5,
        currency: 'CNY',
        amountPerT: 10,
        rebate: 'Free allocation' as const,
        rebateShare: 0.5,
        rebatePerT: 5,
      },
    }));
  });
  const sourceStreams = Array.from({ length: 20 }, (_, k) => ({
    method: 'Combustion' as const,
    name: `Fuel ${k + 1}`,
    activityData: 1000 + k,
    adUnit: 't' as const,
    ncv: 40,
    ef: 56.1,
    efUnit: 'tCO2/TJ' as const,
  }));
  return {
    installation: { nameEn: 'Generated installation at the template limits', country: 'CN' },
    reportingPeriod: { start: '2026-01-01', end: '2026-12-31' },
    goods: cats.map((category) => ({ category, routes: route(category) ? [route(category)!] : [] })),
    processes,
    purchasedPrecursors,
    products,
    sourceStreams,
  };
}

function measure(template: Uint8Array, data: CbamDocInput, runs: number): { fill: number; base: number } {
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
    if (i > 0) {
      base.push(b);
      fill.push(f);
    } // first round warms up
  }
  return { fill: Math.round(median(fill) * 10) / 10, base: Math.round(median(base) * 10) / 10 };
}

export async function benchTemplateFill(runs = 7): Promise<Record<string, number>> {
  if (!existsSync(TEMPLATE)) return {};
  const template = new Uint8Array(readFileSync(TEMPLATE));
  const small = measure(template, JSON.parse(readFileSync(SAMPLE, 'utf8')), runs);
  const large = measure(template, largeInstallation(), runs);
  const cells = fillOfficialTemplate(template, largeInstallation()).report.written;
  return {
    'cbam.templateFill.ms': small.fill,
    'cbam.templateUnzipZip.ms': small.base,
    'cbam.templateFill.ratio': Math.round((small.fill / small.base) * 100) / 100,
    'cbam.fill10x100.ms': large.fill,
    'cbam.fill10x100.cells': cells,
    'cbam.fill10x100.unzipZip.ms': large.base,
    'cbam.fill10x100.ratio': Math.round((large.fill / large.base) * 100) / 100,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchTemplateFill().then((r) => console.log(r));
}

/**
 * Benchmarks of the import (used by `npm run bench`, bench/run.ts):
 * - benchImport: a generated 50,000-row footprint sheet imported in node (read guard, SheetJS, mapping, dataset
 *   checks) against a bare SheetJS `read` + `sheet_to_json` of the same file in the same process. Target ≤ 1.3.
 * - benchImportLongTasks: the same file imported through the real browser worker in Debian Chromium, with a
 *   PerformanceObserver for long tasks (> 50 ms as the browser reports them) on the main thread; reports the
 *   longest one. Target: none over 100 ms.
 */
import * as XLSX from '@e965/xlsx';
import { importBytes } from '../src/core/io/import';
import { writeWorkbook, type WCell } from '../src/core/xlsx/write';

export const BENCH_ROWS = 50_000;

/** A footprint sheet as a consultant's annex would have it: Chinese/English headers, 9 columns. */
export function makeFootprintSheet(rows = BENCH_ROWS): Uint8Array {
  const stages = ['原材料获取', '生产', '分销'];
  const data: WCell[][] = [
    [
      '序号 No.',
      '名称 Description',
      '阶段 Stage',
      '类别 Category',
      '活动数据 Activity data',
      '单位 Unit',
      '排放因子 Emission factor',
      '排放因子单位 EF unit',
      '来源 Source',
    ],
  ];
  for (let i = 0; i < rows; i++) {
    const k = i % 3;
    data.push([
      `L-${i + 1}`,
      k === 0 ? `原料 ${i}` : k === 1 ? `外购电力 ${i}` : `公路运输 ${i}`,
      stages[k]!,
      k === 0 ? '原材料' : k === 1 ? '电力' : '运输',
      Math.round((i * 1.37 + 10) * 100) / 100,
      k === 0 ? 't' : k === 1 ? 'kWh' : 'tkm',
      k === 0 ? 1350 : k === 1 ? 0.5703 : 0.078,
      k === 0 ? 'kgCO2e/t' : k === 1 ? 'kgCO2/kWh' : 'kgCO2e/tkm',
      k === 1 ? 'MEE 2022 national grid' : 'Illustrative secondary factor',
    ]);
  }
  return writeWorkbook([{ name: 'Footprint', rows: data }]);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r1 = (x: number): number => Math.round(x * 10) / 10;

export async function benchImport(runs = 3): Promise<Record<string, number>> {
  const bytes = makeFootprintSheet();
  const bare: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    let t = performance.now();
    const wb = XLSX.read(bytes, { type: 'array' });
    const json = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]!]!);
    const b = performance.now() - t;
    if (json.length !== BENCH_ROWS) throw new Error('bare read lost rows');
    t = performance.now();
    const r = importBytes(bytes, 'bench.xlsx');
    const o = performance.now() - t;
    if (r.kind !== 'generic' || r.lines.length !== BENCH_ROWS) throw new Error(`import failed: ${JSON.stringify(r.problems.slice(0, 3))}`);
    if (i > 0) {
      bare.push(b);
      ours.push(o);
    } // first round warms up
  }
  const importMs = r1(median(ours));
  const bareMs = r1(median(bare));
  return {
    rows: BENCH_ROWS,
    fileKB: Math.round(bytes.length / 1024),
    importMs,
    bareSheetJsMs: bareMs,
    ratioToBareSheetJs: Math.round((importMs / bareMs) * 100) / 100,
  };
}

/** Import the 50,000-row sheet through the browser worker; long tasks on the main thread meanwhile. */
export async function benchImportLongTasks(): Promise<Record<string, number>> {
  const { startHarness } = await import('../test/e2e/import-harness');
  const { launch } = await import('../test/e2e/browser');
  const harness = await startHarness();
  const browser = await launch();
  try {
    harness.files.set('bench.xlsx', makeFootprintSheet());
    const page = await browser.newPage();
    await page.goto(harness.url);
    await page.waitForFunction(() => (window as unknown as { harnessReady?: boolean }).harnessReady === true);
    const r = await page.evaluate(async () => {
      const tasks: { start: number; duration: number }[] = [];
      const obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
      });
      obs.observe({ type: 'longtask', buffered: true });
      // calibration: a deliberate 150 ms task (run as a real event-loop task) must be seen, or the observer is not working
      await new Promise<void>((res) =>
        setTimeout(() => {
          const busyUntil = performance.now() + 150;
          while (performance.now() < busyUntil) {
            /* busy */
          }
          res();
        }, 0),
      );
      for (let i = 0; i < 40 && !tasks.some((t) => t.duration >= 140); i++) await new Promise((res) => setTimeout(res, 25));
      const calibrated = tasks.some((t) => t.duration >= 140);
      const blob = await (await fetch('/fx/bench.xlsx')).blob();
      await new Promise((res) => setTimeout(res, 50));
      const start = performance.now();
      const result = await (window as unknown as { importFile: (f: File, o?: unknown) => Promise<{ kind: string; lines?: unknown[] }> }).importFile(
        new File([blob], 'bench.xlsx'),
        { timeoutMs: 120_000 },
      );
      const end = performance.now();
      await new Promise((res) => setTimeout(res, 300));
      obs.disconnect();
      const during = tasks.filter((t) => t.start >= start && t.start <= end);
      return {
        kind: result.kind,
        lines: result.lines?.length ?? 0,
        ms: end - start,
        calibrated,
        count: during.length,
        longest: during.reduce((m, t) => Math.max(m, t.duration), 0),
      };
    });
    if (r.kind !== 'generic' || r.lines !== BENCH_ROWS) throw new Error(`browser import failed: ${r.kind} ${r.lines}`);
    return { rows: r.lines, importMs: r1(r.ms), observerCalibrated: r.calibrated ? 1 : 0, longTasksDuringImport: r.count, longestTaskMs: r1(r.longest) };
  } finally {
    await browser.close();
    await harness.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchImport());
  console.log(await benchImportLongTasks());
}

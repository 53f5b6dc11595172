/** compare-batch: 1,000 generated datasets under three packs (the engine's comparison per dataset), plus the tables. */
import { performance } from 'node:perf_hooks';
import { batchPacks, batchTable, compareBatch, toCsv, toXlsx, errorTable } from '../src/core/batch/index';
import { generatedDatasets } from '../test/helpers/batch-gen';

export async function benchCompareBatch(): Promise<Record<string, number | string>> {
  const inputs = generatedDatasets(1000);
  const packs = batchPacks(['cn-gbt24067-2024', 'iso14067-2018', 'ghg-protocol-product-2011']);
  if (!Array.isArray(packs)) throw new Error('packs');
  const t = (k: string) => k;
  compareBatch(inputs.slice(0, 20), packs); // warm-up
  const times: number[] = [];
  let rows = 0;
  let writeMs = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const r = compareBatch(inputs, packs);
    const t1 = performance.now();
    const tb = batchTable(r, t, 'en');
    toCsv(tb);
    toXlsx(tb, errorTable(r, t), { rows: 'rows', errors: 'errors' });
    writeMs = performance.now() - t1;
    times.push(t1 - t0);
    rows = r.rows.length;
  }
  times.sort((a, b) => a - b);
  return { datasets: inputs.length, packs: packs.length, rows, compareBatchMs: Math.round(times[1]!), csvAndXlsxMs: Math.round(writeMs) };
}

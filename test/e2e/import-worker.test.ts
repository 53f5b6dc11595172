/**
 * The hostile corpus through the real import worker in Debian Chromium: each file gives a clear error or a
 * correct import within its time limit (the client terminates the worker), and the page never crashes.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { launch } from './browser';
import { startHarness, type Harness } from './import-harness';
import { buildLarge } from '../../tools/build-hostile-fixtures.mjs';
import { buildInputWorkbook } from '../../src/core/io/workbook';
import { validateDataset } from '../../src/core/model/validate';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'hostile');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Record<string, Record<string, unknown>>;
const PER_FILE_MS = 20_000;

let harness: Harness;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

interface Outcome {
  kind: string;
  lines?: number;
  keys: string[];
  rejected?: number[];
  amounts?: number[];
  description?: string;
  datasetLines?: number;
  ms: number;
}

async function importInPage(name: string, opts: Record<string, unknown> = {}): Promise<Outcome> {
  return page.evaluate(
    async ({ name, opts }) => {
      const blob = await (await fetch(`/fx/${encodeURIComponent(name)}`)).blob();
      const t = performance.now();
      const r = await (window as any).importFile(new File([blob], name), opts);
      return {
        kind: r.kind,
        lines: r.lines?.length,
        keys: r.problems.map((p: { message: { key: string } }) => p.message.key),
        rejected: r.rejectedRows,
        amounts: r.lines?.map((l: { activity: { amount: number } }) => l.activity.amount),
        description: r.lines?.[0]?.description,
        datasetLines: r.dataset?.inventory?.length,
        ms: performance.now() - t,
      };
    },
    { name, opts },
  );
}

beforeAll(async () => {
  harness = await startHarness();
  const large = buildLarge() as Record<string, { bytes: Uint8Array }>;
  for (const name of Object.keys(manifest))
    harness.files.set(name, manifest[name]!.generated ? large[name]!.bytes : new Uint8Array(readFileSync(join(DIR, name))));
  browser = await launch();
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(harness.url);
  await page.waitForFunction(() => (window as any).harnessReady === true);
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe('import worker in Chromium: hostile corpus', () => {
  it.each(Object.keys(manifest))('%s', { timeout: PER_FILE_MS + 10_000 }, async (name) => {
    const exp = manifest[name]!;
    const r = await importInPage(name, { acceptValid: true, timeoutMs: PER_FILE_MS });
    expect(r.ms).toBeLessThan(PER_FILE_MS + 2000); // bounded: the worker is terminated at its limit
    if (exp.result === 'error') {
      expect(r.kind).toBe('error');
      expect(r.keys[0]).toBe(exp.key);
    } else {
      expect(r.kind).toBe(exp.kind);
      expect(r.lines).toBe(exp.lines);
      expect(r.rejected).toEqual(exp.errorRows ?? []);
      if (exp.amounts) expect(r.amounts).toEqual(exp.amounts);
      if (exp.description) expect(r.description).toBe(exp.description);
      if (exp.warningKey) expect(r.keys).toContain(exp.warningKey);
    }
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });

  it('our input workbook round-trips through the worker', async () => {
    const ds = validateDataset(readFileSync('public/samples/lfp-battery-pack.json', 'utf8')).dataset!;
    harness.files.set('input.xlsx', buildInputWorkbook(ds));
    const r = await page.evaluate(async () => {
      const blob = await (await fetch('/fx/input.xlsx')).blob();
      const res = await (window as any).importFile(new File([blob], 'input.xlsx'));
      return res.dataset;
    });
    expect(r).toEqual(ds);
  });

  it('terminates the worker at the time limit and says so', async () => {
    const r = await importInPage('million-empty-rows.xlsx', { timeoutMs: 30 });
    expect(r.kind).toBe('error');
    expect(r.keys).toEqual(['import:error.timeout']);
  });
});

/**
 * Advisory window: the client list with 500 clients, 500 cases and 1,500 datasets (3 per case, each a copy of the
 * aluminium sample) in IndexedDB.
 * - In Debian Chromium (the real IndexedDB): a page built from the app's own db.ts and state/clients.ts is seeded
 *   and reloaded 5 times; each time it times what the list view does when it opens (read clients and cases in one
 *   transaction, summarise, filter and sort by name) on the database connection the app already holds (openMs,
 *   median of 5), and the same including opening the connection on a fresh page (coldOpenMs); then one keystroke
 *   (the pure filter/sort for a Chinese substring, an English word, a status, a sector: filterMs, median of 20 × 4).
 * - In Node with fake-indexeddb (an IndexedDB written in JavaScript, much slower than the browser's): the same
 *   functions, for reference (nodeOpenMs, nodeFilterMs).
 * Target: openMs and filterMs < 100 ms.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { CarbonBridgeDb } from '../src/ui/db/db';
import { filterClients, loadClientSummaries } from '../src/ui/state/clients';
import { makeRows, QUERIES } from './clients-rows';

const ROOT = join(import.meta.dirname, '..');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r1 = (x: number): number => Math.round(x * 10) / 10;
const sample = () => JSON.parse(readFileSync(join(ROOT, 'public/samples/aluminium-ingot-ningxia.json'), 'utf8'));

async function benchNode(): Promise<Record<string, number>> {
  const d = new CarbonBridgeDb(`bench-clients-${Date.now()}`);
  const rows = makeRows(sample());
  await d.clients.bulkPut(rows.clients);
  await d.cases.bulkPut(rows.cases);
  await d.datasets.bulkPut(rows.datasets);
  const open: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    filterClients(await loadClientSummaries(d), { lang: 'zh', sort: 'name' });
    if (i > 0) open.push(performance.now() - t);
  }
  const list = await loadClientSummaries(d);
  const filter: number[] = [];
  for (let i = 0; i < 20; i++)
    for (const q of QUERIES) {
      const t = performance.now();
      filterClients(list, q);
      filter.push(performance.now() - t);
    }
  d.close();
  return { nodeOpenMs: r1(median(open)), nodeFilterMs: r1(median(filter)) };
}

const PAGE = `
import { CarbonBridgeDb } from ${JSON.stringify(join(ROOT, 'src/ui/db/db.ts'))};
import { filterClients, loadClientSummaries } from ${JSON.stringify(join(ROOT, 'src/ui/state/clients.ts'))};
import { makeRows, QUERIES } from ${JSON.stringify(join(ROOT, 'bench/clients-rows.ts'))};
const w = window as any;
w.seed = async (sample: unknown) => {
  const d = new CarbonBridgeDb('bench-clients');
  const rows = makeRows(sample);
  await d.clients.bulkPut(rows.clients); await d.cases.bulkPut(rows.cases); await d.datasets.bulkPut(rows.datasets);
  const n = [await d.clients.count(), await d.cases.count(), await d.datasets.count()];
  d.close();
  return n;
};
w.measureOpen = async () => {
  // cold: a fresh page opens the database and reads the list
  let t = performance.now();
  const d = new CarbonBridgeDb('bench-clients');
  let shown = filterClients(await loadClientSummaries(d), { lang: 'zh', sort: 'name' }).length;
  const cold = performance.now() - t;
  // in the app the database is already open (it is opened at start-up); the list is then read again on each visit
  await new Promise((r) => setTimeout(r, 100));
  t = performance.now();
  shown = filterClients(await loadClientSummaries(d), { lang: 'zh', sort: 'name' }).length;
  const ms = performance.now() - t;
  d.close();
  return { ms, cold, shown };
};
w.measureFilter = async () => {
  const d = new CarbonBridgeDb('bench-clients');
  const list = await loadClientSummaries(d);
  d.close();
  const out: number[] = [];
  for (let i = 0; i < 20; i++) for (const q of QUERIES) { const t = performance.now(); filterClients(list, q); out.push(performance.now() - t); }
  return out;
};
w.parts = async () => {
  const t0 = performance.now();
  const d = new CarbonBridgeDb('bench-clients');
  await d.open();
  const t1 = performance.now();
  await d.clients.toArray();
  const t2 = performance.now();
  await d.cases.toArray();
  const t3 = performance.now();
  await d.datasets.orderBy('caseId').keys();
  const t4 = performance.now();
  const ks: unknown[] = [];
  await d.datasets.orderBy('caseId').eachKey((k) => { ks.push(k); });
  const t5 = performance.now();
  const raw = await new Promise<number>((res) => {
    const tx = d.backendDB().transaction('datasets', 'readonly');
    const req = tx.objectStore('datasets').index('caseId').openKeyCursor();
    let n = 0;
    req.onsuccess = () => { const c = req.result; if (c) { n++; c.continue(); } else res(n); };
  });
  const t6 = performance.now();
  await d.cases.toArray();
  const t7 = performance.now();
  d.close();
  return { open: t1 - t0, clients: t2 - t1, cases: t3 - t2, dsKeys: t4 - t3, eachKey: t5 - t4, rawKeyCursor: t6 - t5, raw, casesAgain: t7 - t6 };
};
w.ready = true;
`;

async function benchBrowser(): Promise<Record<string, number>> {
  const { build } = await import('vite');
  const { launch } = await import('../test/e2e/browser');
  const dir = mkdtempSync(join(tmpdir(), 'cb-clients-page-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>clients bench</title></head><body><script type="module" src="./main.ts"></script></body></html>\n',
  );
  writeFileSync(join(dir, 'main.ts'), PAGE);
  const out = join(dir, 'dist');
  await build({ root: dir, configFile: false, logLevel: 'warn', base: './', build: { outDir: out, target: 'es2022', emptyOutDir: true } });
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const p = normalize(join(out, path === '/' ? 'index.html' : path));
    if (!p.startsWith(out) || !existsSync(p)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': extname(p) === '.html' ? 'text/html; charset=utf-8' : 'text/javascript' }).end(readFileSync(p));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    const counts = await page.evaluate((s) => (window as unknown as { seed: (x: unknown) => Promise<number[]> }).seed(s), sample());
    const open: number[] = [];
    const cold: number[] = [];
    let shown = 0;
    for (let i = 0; i < 5; i++) {
      await page.reload(); // a fresh page each time, as when the adviser opens the list
      await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
      const r = await page.evaluate(() => (window as unknown as { measureOpen: () => Promise<{ ms: number; cold: number; shown: number }> }).measureOpen());
      open.push(r.ms);
      cold.push(r.cold);
      shown = r.shown;
    }
    if (process.env.BENCH_PARTS) console.log(await page.evaluate(() => (window as unknown as { parts: () => Promise<unknown> }).parts()));
    const filter = await page.evaluate(() => (window as unknown as { measureFilter: () => Promise<number[]> }).measureFilter());
    return {
      clients: counts[0]!,
      cases: counts[1]!,
      datasets: counts[2]!,
      shownAtOpen: shown,
      openMs: r1(median(open)),
      openMaxMs: r1(Math.max(...open)),
      coldOpenMs: r1(median(cold)),
      filterMs: r1(median(filter)),
      filterMaxMs: r1(Math.max(...filter)),
    };
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchClients(): Promise<Record<string, number>> {
  const { loadavg, cpus } = await import('node:os');
  // the machine's load while measuring (timings scale with it on a shared machine)
  return { ...(await benchBrowser()), ...(await benchNode()), loadAverage1m: r1(loadavg()[0]!), cores: cpus().length };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchClients());

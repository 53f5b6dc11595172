/** Shared Playwright helpers for the journeys: Debian Chromium, request/console guards. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';

/** The repository root and the folder for screenshots, PDFs and downloads kept as test artefacts. */
export const root = join(import.meta.dirname, '..', '..');
export const out = join(root, 'test-results');
mkdirSync(out, { recursive: true });

/** A locale namespace file, and a dotted key inside it. */
export const locale = (lng: string, ns: string) => JSON.parse(readFileSync(join(root, 'locales', lng, `${ns}.json`), 'utf8'));
export const get = (obj: any, key: string): string => key.split('.').reduce((o, k) => o?.[k], obj);
/** The longest literal piece of a translation template (the text around {{params}}). */
export const literal = (s: string) =>
  s
    .split(/\{\{[^}]+\}\}/)
    .map((x) => x.trim())
    .sort((a, b) => b.length - a.length)[0]!;

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Guard {
  foreign: string[];
  consoleErrors: string[];
}

/** Records every request that leaves the app's origin and every console error / page error. */
export function guard(context: BrowserContext, origin: string): Guard {
  const g: Guard = { foreign: [], consoleErrors: [] };
  context.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('blob:') || u.startsWith('data:')) return;
    if (new URL(u).origin !== origin) g.foreign.push(u);
  });
  context.on('page', (p) => watchPage(p, g));
  return g;
}

export function watchPage(page: Page, g: Guard): void {
  page.on('console', (m) => {
    // where it was logged, so an intermittent error can be traced from the test's output
    if (m.type() === 'error') g.consoleErrors.push(`${m.text()} (${m.location().url}:${m.location().lineNumber})`);
  });
  page.on('pageerror', (e) => g.consoleErrors.push([String(e), ...(e.stack ?? '').split('\n').slice(1, 4)].join('\n')));
}

/** Click what starts a download and return the file's suggested name and bytes. */
export async function download(page: Page, selector: string): Promise<{ name: string; body: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: dl.suggestedFilename(), body: readFileSync((await dl.path())!) };
}

/** The app's routes, read from App.svelte: '/x' and '/x/:id' (datasets); routes with other parameters are skipped. */
export function appRoutes(): string[] {
  const app = readFileSync(join(root, 'src', 'ui', 'App.svelte'), 'utf8');
  return [...app.matchAll(/\['(\/[^']*)', \(\) => import\(/g)].map((m) => m[1]!).filter((r) => !/:(?!id\b)/.test(r));
}

/** Open a sample from the Samples view (the app saves it as a dataset) and return the dataset's id. */
export async function openSample(page: Page, base: string, lng: string, file: string): Promise<string> {
  await page.goto(`${base}?lang=${lng}#/samples`);
  await page.click(`[data-sample="${file}"] [data-action="open"]`);
  await page.waitForSelector('[data-testid="dataset-name"]');
  return /#\/editor\/([^?]+)/.exec(page.url())![1]!;
}

/** Open a sample from the Samples view in English and wait until the app has saved it; a fresh profile may reload
 * once when the service worker takes over, so try again then. Returns the saved dataset's id. */
export async function openSampleSaved(page: Page, base: string, file: string): Promise<string> {
  for (let i = 0; ; i++) {
    await page.goto(`${base}?lang=en#/samples`);
    await page.click(`[data-sample="${file}"] [data-action="open"]`);
    try {
      await page.waitForSelector('[data-testid="dataset-name"]', { timeout: 15_000 });
      break;
    } catch (e) {
      if (i >= 2) throw e;
    }
  }
  await page.waitForSelector('[data-status="saved"]');
  return /#\/editor\/([^?]+)/.exec(page.url())![1]!;
}

/** Show each path of the app in turn (in the language given), wait until the view has its title or its alert and
 * has settled, and let the test look at it. */
export async function visitViews(
  page: Page,
  base: string,
  lng: string,
  paths: readonly string[],
  visit: (path: string) => Promise<void>,
  settleMs = 400,
): Promise<void> {
  for (const p of paths) {
    await page.goto(`${base}?lang=${lng}#${p}`);
    await page.waitForSelector('main h1, main [role="alert"]');
    await page.waitForTimeout(settleMs);
    await visit(p);
  }
}

/** How much wider than the screen the page is, and the widest offending elements (for the message). */
export async function pageOverflow(page: Page): Promise<{ over: number; culprits: string[] }> {
  return page.evaluate(() => {
    const el = document.documentElement;
    const over = el.scrollWidth - el.clientWidth;
    const culprits: string[] = [];
    if (over > 0) {
      const w = el.clientWidth;
      for (const n of Array.from(document.querySelectorAll<HTMLElement>('main *, header *'))) {
        const r = n.getBoundingClientRect();
        if ((r.right > w + 1 || r.left < -1) && !n.closest('.table-wrap, [data-scroll]'))
          culprits.push(`${n.tagName.toLowerCase()}.${[...n.classList].join('.')} ${Math.round(r.left)}–${Math.round(r.right)}`);
        if (culprits.length > 6) break;
      }
    }
    return { over, culprits };
  });
}

/**
 * Nothing the user chose is lost: in the statement (#/statement) and label (#/label) views a dataset chosen as soon as
 * the dataset select is there (while the view still loads its saved datasets and translators) stays chosen and its
 * document appears, in zh, en and ar, opened by address and by the app's navigation.
 */
import { describe, it, expect, inject } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { guard, openSampleSaved, out } from './browser';
import { sharedBrowser } from './suite';

const base = inject('baseURL');
const origin = new URL(base).origin;
const SAMPLE = 'aluminium-ingot-ningxia.json';
const SELECT = '[data-testid="dataset-source"]';
const browser = sharedBrowser();

const saveSample = (page: Page): Promise<string> => openSampleSaved(page, base, SAMPLE);

const views = [
  ['statement', 'statement'],
  ['label', 'label-sheet'],
] as const;

describe('dataset source: an early choice is kept', () => {
  it('a dataset chosen as soon as the select is there stays chosen and its document appears (zh, en, ar)', async () => {
    // the views' code arrives late, as on a slow connection (the service worker would answer from its cache, so it
    // is kept out here; page.route does not see what it answers)
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const g = guard(context, origin);
    let delayed = 0;
    await context.route(/\/assets\/(Statement|Label)-[^/]+\.(js|css)$/, async (route) => {
      delayed++;
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    const page = await context.newPage();
    const id = await saveSample(page);
    const lost: string[] = [];
    let tries = 0;
    for (const lng of ['zh', 'en', 'ar'] as const)
      for (const [view, testid] of views)
        for (const from of ['address', 'samples', 'other document view'] as const)
          for (const value of [`db:${id}`, `sample:${SAMPLE}`]) {
            // by address (a fresh page load), or by the app's menu from another view (the app keeps running)
            if (from === 'address') {
              await page.goto('about:blank');
              await page.goto(`${base}?lang=${lng}#/${view}`);
            } else if (from === 'samples') {
              await page.goto(`${base}?lang=${lng}#/samples`);
              await page.waitForSelector(`[data-sample="${SAMPLE}"]`);
              await page.click(`nav a[href="#/${view}"]`);
            } else {
              // the other view that has a dataset select (statement ↔ label), the first view of a fresh page
              await page.goto('about:blank');
              await page.goto(`${base}?lang=${lng}#/${view === 'label' ? 'statement' : 'label'}`);
              await page.waitForSelector(SELECT);
              await page.click(`nav a[href="#/${view}"]`);
            }
            await page.waitForURL((u) => u.hash === `#/${view}`);
            await page.waitForSelector(SELECT);
            await page.selectOption(SELECT, value);
            tries++;
            const what = `${lng} #/${view} opened from ${from}, chose ${value}`;
            const shown = await page
              .waitForSelector(`[data-testid="${testid}"]`, { timeout: 10_000 })
              .then(() => true)
              .catch(() => false);
            await page.waitForTimeout(300);
            const kept = await page.inputValue(SELECT);
            if (!shown || kept !== value) {
              await page.screenshot({ path: join(out, `dataset-source-${lng}-${view}-${from.replace(/ /g, '-')}.png`), fullPage: true });
              lost.push(`${what}: select shows "${kept}", document ${shown ? 'shown' : 'not shown'}`);
            }
          }
    expect(tries).toBe(3 * 2 * 3 * 2);
    expect(delayed, "the views' code went through the slow route").toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect(g.foreign).toEqual([]);
    await context.close();
  }, 600_000);
});

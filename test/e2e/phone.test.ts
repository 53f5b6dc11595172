/**
 * A phone at 360 × 740 in zh, en and ar: no view is wider than the screen (wide tables scroll inside their own
 * box), the navigation does not fill the first screen. Every route of the app is taken from App.svelte, so a new
 * view is checked without editing this test. Arabic screenshots are kept in test-results/ (looked at by hand).
 */
import { describe, it, expect, inject } from 'vitest';
import { join } from 'node:path';
import { appRoutes, guard, openSample, out, pageOverflow, visitViews } from './browser';
import { sharedBrowser } from './suite';

const base = inject('baseURL');
const origin = new URL(base).origin;
const SAMPLE = 'aluminium-ingot-ningxia.json';
const CEMENT = 'cement-grey-portland.json';

const browser = sharedBrowser();

for (const lng of ['zh', 'en', 'ar'] as const)
  describe(`phone 360 × 740, ${lng}`, () => {
    it('every view fits the screen width; wide tables scroll in their own box; the navigation leaves room', async () => {
      const context = await browser().newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
      const g = guard(context, origin);
      const page = await context.newPage();
      const alu = await openSample(page, base, lng, SAMPLE);
      const cement = await openSample(page, base, lng, CEMENT);
      const failures: string[] = [];
      const list = appRoutes();
      expect(list.length).toBeGreaterThan(10);
      const paths = list.flatMap((r) =>
        r.includes(':id')
          ? [r.replace(':id', alu), ...(r.startsWith('/cbam') ? [r.replace(':id', cement)] : [])]
          : r === '/compare'
            ? [r, `${r}?dataset=${alu}`]
            : [r],
      );
      await visitViews(page, base, lng, paths, async (p) => {
        const o = await pageOverflow(page);
        if (o.over > 0) failures.push(`${p}: ${o.over}px wider (${o.culprits.join('; ')})`);
        if (lng === 'ar')
          await page.screenshot({ path: join(out, `phone-ar${p.replace(/[/?=]+/g, '-').replace(/-[0-9a-f]{8}-[0-9a-f-]{27}/, '')}.png`), fullPage: false });
      });
      expect(failures).toEqual([]);
      // the navigation does not take the first screen: the page title is visible without scrolling
      await page.goto(`${base}?lang=${lng}#/compare`);
      await page.waitForSelector('main h1');
      const top = await page.evaluate(() => document.querySelector('main h1')!.getBoundingClientRect().top);
      expect(top).toBeLessThan(740 / 3);
      // a wide table scrolls inside its box, its first column stays
      await page.goto(`${base}?lang=${lng}#/cbam/${alu}`);
      await page.waitForSelector('[data-testid="kept-lines"]');
      const boxed = await page.evaluate(() => {
        const t = document.querySelector('[data-testid="kept-lines"]')!;
        const box = t.closest('.table-wrap') as HTMLElement | null;
        const first = t.querySelector('tbody td') as HTMLElement;
        return { box: !!box && getComputedStyle(box).overflowX === 'auto', sticky: getComputedStyle(first).position };
      });
      expect(boxed).toEqual({ box: true, sticky: 'sticky' });
      expect(g.consoleErrors).toEqual([]);
      await context.close();
    }, 300_000);
  });

/** Offline: after the first visit the service worker (vite-plugin-pwa, generateSW) serves the whole app. */
import { describe, it, expect, inject } from 'vitest';
import { guard } from './browser';
import { sharedBrowser } from './suite';

const base = inject('baseURL');
const browser = sharedBrowser();

describe('offline', () => {
  it('works without a network after the first load (samples, conversion, other language)', async () => {
    const context = await browser().newContext();
    const g = guard(context, new URL(base).origin);
    const page = await context.newPage();
    await page.goto(`${base}?lang=en#/`);
    await page.waitForSelector('[data-task="screen"]');
    // registerType 'prompt': the first worker activates without claiming the page; the next load is controlled
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state), { timeout: 30_000 }).toBe('activated');
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[data-task="screen"]');
    await page.goto(`${base}?lang=zh#/samples`);
    await page.click('[data-sample="aluminium-ingot-ningxia.json"] [data-action="cbam"]');
    await page.waitForSelector('[data-testid="see-counted"]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.click('[data-lang="ar"]');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(g.foreign).toEqual([]);
    await context.close();
  });
});

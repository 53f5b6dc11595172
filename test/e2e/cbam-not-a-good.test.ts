/**
 * A product outside CBAM (a battery pack, CN 8507 60 00) on the CBAM result page: the reason is said once, in the
 * user's language, with its legal source — not twice (issue 10).
 */
import { describe, it, expect, inject } from 'vitest';
import { guard, openSample } from './browser';
import { sharedBrowser } from './suite';

const base = inject('baseURL');
const origin = new URL(base).origin;
const browser = sharedBrowser();

describe('CBAM result of a product outside CBAM', () => {
  for (const lng of ['zh', 'ar'])
    it(`${lng}: the battery pack's "not a CBAM good" reason appears once`, async () => {
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      const g = guard(context, origin);
      const page = await context.newPage();
      const id = await openSample(page, base, lng, 'lfp-battery-pack.json');
      await page.goto(`${base}?lang=${lng}#/cbam/${id}`);
      const box = page.locator('[data-testid="cbam-failed"]');
      await box.waitFor();
      const lines = (await box.locator(':scope > div:not(.small)').allTextContents()).map((s) => s.trim()).filter(Boolean);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.some((s) => s.includes('8507 60 00'))).toBe(true);
      expect(new Set(lines).size, `repeated: ${lines.join(' | ')}`).toBe(lines.length);
      expect(g.consoleErrors, 'console errors').toEqual([]);
      await context.close();
    });
});

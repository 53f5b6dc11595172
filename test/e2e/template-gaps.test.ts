/**
 * Issue 9, defect 2, in the app: the cement sample in 2026 without the EU default electricity factor is incomplete,
 * yet the official template can be filled with what is known; the cells left empty are listed after filling, in the
 * user's language (never written as 0). The filled file is read back: electricity MWh written, the indirect total empty.
 */
import { describe, it, expect, inject } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { guard, openSample, root, locale, get } from './browser';
import { sharedBrowser } from './suite';

const base = inject('baseURL');
const origin = new URL(base).origin;
const TEMPLATE = join(root, '..', 'shared', 'cbam', 'official', 'CBAM Communication template for installations_en_20241213.xlsx');
const browser = sharedBrowser();

describe('template filled from an incomplete conversion', () => {
  for (const lng of ['ar', 'zh'] as const)
    it(`${lng}: cement 2026 without the electricity factor: filled, the empty cells listed in ${lng}`, async () => {
      expect(existsSync(TEMPLATE), `official template at ${TEMPLATE}`).toBe(true);
      const context = await browser().newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      const g = guard(context, origin);
      const page = await context.newPage();
      const id = await openSample(page, base, lng, 'cement-grey-portland.json');
      await page.goto(`${base}?lang=${lng}#/cbam/${id}`);
      await page.waitForSelector('[data-testid="cbam-conversion"]');
      await page.waitForSelector('[data-testid="template-partial-hint"]');
      expect(await page.textContent('[data-testid="template-partial-hint"]')).toBe(get(locale(lng, 'ui'), 'docs.template.partialHint'));
      const [dl] = await Promise.all([page.waitForEvent('download'), page.setInputFiles('[data-testid="template-input"]', TEMPLATE)]);
      await expect.poll(() => page.getAttribute('[data-testid="doc-message"]', 'data-ok')).toBe('true');
      const gaps = page.locator('[data-testid="doc-gaps"] li');
      expect(await gaps.count()).toBeGreaterThan(0);
      const texts = await gaps.allTextContents();
      // translated: no raw keys, no English sentence
      for (const s of texts) {
        expect(s).not.toMatch(/cbamdocs:|cbamconvert:|\{\{/);
        expect(s.replace(/[A-Za-z_&]+[A-Za-z0-9_.&()]*|\d[\d.,]*/g, '').trim().length, s).toBeGreaterThan(3);
      }
      // the file: sheet C's indirect total (M26) left empty, never 0
      const files = unzipSync(new Uint8Array(readFileSync((await dl.path())!)));
      const wb = strFromU8(files['xl/workbook.xml']!);
      const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
      const rid = /<sheet [^>]*name="C_Emissions&amp;Energy"[^>]*r:id="([^"]+)"/.exec(wb)?.[1];
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
      const sheet = strFromU8(files[`xl/${target!.replace(/^\/?xl\//, '')}`]!);
      const m26 = /<c r="M26"[^>]*?(\/>|>([\s\S]*?)<\/c>)/.exec(sheet);
      expect(m26 === null || !/<v>/.test(m26[2] ?? ''), `M26: ${m26?.[0]}`).toBe(true);
      expect(g.consoleErrors, 'console errors').toEqual([]);
      expect(g.foreign, 'requests to another origin').toEqual([]);
      await context.close();
    });
});

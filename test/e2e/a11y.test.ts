/** axe-core on the main pages (en and ar): no serious or critical violations. */
import { describe, it, expect, inject } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { sharedBrowser } from './suite';

const base = inject('baseURL');
const browser = sharedBrowser();

const pages: [string, string][] = [
  ['/', '[data-task="screen"]'],
  ['/samples', '[data-sample]'],
  ['/datasets', '[data-action="new"]'],
  ['/screen?cn=7601%2010%2000', '[data-testid="screen-result"]'],
  ['/cost', '[data-testid="cost-result"]'],
  ['/library', '#lib-glossary'],
  ['/settings', '[data-testid="persist-state"]'],
];

describe('accessibility (axe-core)', () => {
  for (const lng of ['en', 'ar'] as const) {
    it(`main pages have no serious or critical violations (${lng})`, async () => {
      const context = await browser().newContext();
      const page = await context.newPage();
      const found: string[] = [];
      const check = async (label: string) => {
        const r = await new AxeBuilder({ page }).analyze();
        for (const v of r.violations)
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(
              `${label}: ${v.id} (${v.impact}) ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(' | ')}`,
            );
      };
      for (const [path, ready] of pages) {
        await page.goto(`${base}?lang=${lng}#${path}`);
        await page.waitForSelector(ready);
        await check(path);
      }
      // the editor and the result of a sample
      await page.goto(`${base}?lang=${lng}#/samples`);
      await page.click('[data-sample="aluminium-ingot-ningxia.json"] [data-action="cbam"]');
      await page.waitForSelector('[data-testid="footprint-total"]');
      await check('result');
      await page.goto(page.url().replace('#/cbam/', '#/editor/'));
      await page.waitForSelector('[data-action="add-line"]');
      await check('editor');
      expect(found).toEqual([]);
      await context.close();
    });
  }
});

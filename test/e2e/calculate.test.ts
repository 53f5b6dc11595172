/**
 * The calculation view (#/calculate) in zh, en and ar (Debian Chromium, production build served by test/e2e/setup.ts):
 * fill the Commission's worked examples TC1 and TC4 with the buttons and see 827,820 and 1,587,424.35 tCO2e; type a
 * negative activity data and read the translated error beside the field; reload and find the inputs kept; add the
 * calculated lines to a saved dataset and find them in the editor. No request leaves the origin, the console stays
 * free of errors and axe finds no serious or critical violation.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, guard, root, out, locale, get, literal } from './browser';
import { calculateInstallation } from '../../src/core/cbam/activity';

const base = inject('baseURL');
const origin = new URL(base).origin;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The form as autosaved in the browser database (Dexie table settings, key calculate.form). */
const storedForm = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<any>((res) => {
        const r = indexedDB.open('carbonbridge');
        r.onsuccess = () => {
          const g = r.result.transaction('settings').objectStore('settings').get('calculate.form');
          g.onsuccess = () => res(g.result?.value ?? null);
          g.onerror = () => res(null);
        };
        r.onerror = () => res(null);
      }),
  );

async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include('main').analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}) ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

for (const lng of ['zh', 'en', 'ar'] as const) {
  describe(`calculate in ${lng}`, () => {
    it('TC1 and TC4 from the buttons; translated error beside a negative AD; inputs kept after a reload', async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const g = guard(context, origin);
      const page = await context.newPage();
      const ui = locale(lng, 'ui');
      const calc = locale(lng, 'cbamcalc');

      // reachable from the home page card and the navigation
      await page.goto(`${base}?lang=${lng}#/`);
      await page.waitForSelector('[data-task="calculate"]');
      expect((await page.textContent('[data-task="calculate"]'))!).toContain(get(ui, 'calculate.home.title'));
      await page.click(`nav a[href="#/calculate"]`);
      await page.waitForSelector('[data-example="tc1"]');
      expect(await page.textContent('h1')).toBe(get(ui, 'calculate.title'));
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lng === 'ar' ? 'rtl' : 'ltr');
      expect((await page.textContent('[data-example="tc1"]'))!.trim()).toBe(get(ui, 'calculate.examples.fill').replace('{{id}}', 'TC1'));

      // TC1 combustion: 827,820 tCO2, with its formula and the inputs put in it
      await page.click('[data-example="tc1"]');
      await expect.poll(() => page.textContent('[data-testid="dirEm"]')).toContain('827,820');
      expect(await page.inputValue('[data-field="sourceStreams.0.ad"] input')).toBe('252000');
      const row = page.locator('[data-figure="sourceStreams.0.fossil"]');
      expect(await row.textContent()).toContain('AD × NCV × EF × OxF × (1 − BioC) / 1000');
      expect(await row.textContent()).toContain('252000 × 45 × 73 × 1 × (1 − 0) / 1000');
      expect(await row.textContent()).toContain('tCO2');

      // TC4 PFC slope: 1,587,424.35 tCO2e with the AR5 GWPs from the rule pack and their source
      await page.click('[data-example="tc4"]');
      await expect.poll(() => page.textContent('[data-testid="dirEm"]')).toContain('1,587,424.35');
      const pfc = (await page.locator('[data-figure="pfc.0.total"]').textContent())!;
      expect(pfc).toContain('1,587,424.35');
      expect(pfc).toContain('gwp.CF4 = 6630 tCO2e/t');
      expect(pfc).toContain('Implementing Regulation (EU) 2025/2547, Annex II, Table 6');
      expect(await page.textContent('[data-figure="pfc.0.total"] th')).toBe(get(calc, 'figure.pfcTotal').replace('{{name}}', 'Potline (CWPB)'));
      const a11y = await axe(page);
      if (lng === 'ar') await page.screenshot({ path: join(out, 'ar-calculate.png'), fullPage: true });

      // a negative activity data: the translated error beside the field
      await page.click('[data-action="clear"]');
      await expect.poll(() => page.locator('[data-item^="sourceStreams."]').count()).toBe(0);
      await page.click('[data-action="add-stream"]');
      const ad = page.locator('[data-field="sourceStreams.0.ad"] input');
      await page.fill('[data-field="sourceStreams.0.name"] input', 'Coal');
      await ad.fill('-5');
      const err = page.locator('[data-error-for="sourceStreams.0.ad"]');
      await expect.poll(() => err.textContent(), { timeout: 5_000 }).toContain(literal(get(calc, 'errors.negative')));
      expect(await err.textContent()).toContain(get(calc, 'field.ad'));
      expect(await ad.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getAttribute(`#${await ad.getAttribute('id')}`, 'aria-describedby')).toBe(await err.getAttribute('id'));
      if (lng === 'ar') await page.screenshot({ path: join(out, 'ar-calculate-error.png'), fullPage: true });
      a11y.push(...(await axe(page)));

      // kept in the browser database: reload and find the inputs (and the error) again
      await expect.poll(async () => (await storedForm(page))?.streams?.[0]?.ad, { timeout: 10_000 }).toBe('-5');
      await page.reload();
      await expect.poll(() => page.locator('[data-field="sourceStreams.0.ad"] input').inputValue(), { timeout: 10_000 }).toBe('-5');
      expect(await page.inputValue('[data-field="sourceStreams.0.name"] input')).toBe('Coal');
      await expect.poll(() => page.locator('[data-error-for="sourceStreams.0.ad"]').count()).toBe(1);

      expect(a11y, 'axe serious/critical').toEqual([]);
      expect(g.foreign, 'requests to another origin').toEqual([]);
      expect(g.consoleErrors, 'console errors').toEqual([]);
      await context.close();
    });
  });
}

describe('add the calculated lines to a dataset', () => {
  it('TC4 → the aluminium sample: the PFC line is in the editor, the dataset still valid', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const g = guard(context, origin);
    const page = await context.newPage();
    const ui = locale('en', 'ui');
    await page.goto(`${base}?lang=en#/samples`);
    await page.click('[data-sample="aluminium-ingot-ningxia.json"] [data-action="open"]');
    await page.waitForURL(/#\/editor\//);
    const datasetId = /#\/editor\/([^?]+)/.exec(page.url())![1]!;

    await page.goto(`${base}?lang=en#/calculate`);
    await page.click('[data-example="tc4"]');
    await expect.poll(() => page.textContent('[data-testid="dirEm"]')).toContain('1,587,424.35');
    // the same inputs as a file for the command line
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="activity"]')]);
    const file = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
    expect(file.format).toBe('carbonbridge.cbam-activity');
    const fromFile = calculateInstallation(file);
    expect(fromFile.ok && Number(fromFile.dirEm.value.toFixed(2))).toBe(1_587_424.35);
    // a file that is not activity data is refused with the reason
    await page.setInputFiles('[data-action="open-activity"]', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
    expect(await page.textContent('[data-testid="calc-file-error"]')).toContain(literal(get(locale('en', 'cbamcalc'), 'errors.notJson')));
    await page.setInputFiles('[data-action="open-activity"]', {
      name: 'tc1.json',
      mimeType: 'application/json',
      buffer: readFileSync(join(root, 'rules', 'eu-cbam-definitive', 'worked-examples', 'tc1.json')),
    });
    await expect.poll(() => page.textContent('[data-testid="dirEm"]')).toContain('827,820');
    await page.click('[data-example="tc4"]');
    await expect.poll(() => page.textContent('[data-testid="dirEm"]')).toContain('1,587,424.35');

    await page.selectOption('[data-testid="calc-target"]', datasetId);
    await page.click('[data-action="add-lines"]');
    const done = page.locator('[data-testid="calc-added"]');
    await done.waitFor();
    expect(await done.textContent()).toContain('CALC-POTLINE');
    expect(await done.textContent()).toContain(literal(get(ui, 'calculate.toDataset.done_one')));

    await page.click('[data-testid="calc-added"] a');
    await page.waitForURL(/#\/editor\//);
    await page.waitForSelector('[data-line="CALC-POTLINE"]');
    expect(await page.locator('[data-line]').count()).toBe(11);
    expect(g.foreign).toEqual([]);
    expect(g.consoleErrors).toEqual([]);
    await context.close();
  });
});

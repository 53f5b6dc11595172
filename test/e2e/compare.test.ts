/**
 * The comparison view (#/compare) in zh, en and ar (Debian Chromium, production build served by test/e2e/setup.ts):
 * reached from the home card and the navigation, the aluminium sample under GB/T 24067, ISO 14067 and EU CBAM 2026:
 * totals 13,217.851 / 13,191.451 / 1,732.459 kg CO2e per t formatted for the language, GB/T→ISO split with the GWP
 * cause −26.4, GB/T→CBAM with the boundary cause −2,916.375 and electricity −8,542.59, the causes adding up to each
 * difference; per-line and per-gas details; print layout; Arabic-Indic digits when chosen. No request leaves the
 * origin, the console stays free of errors and axe finds no serious or critical violation.
 */
import { describe, it, expect, inject } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { AxeBuilder } from '@axe-core/playwright';
import { guard, out, locale, get } from './browser';
import { sharedBrowser } from './suite';
import { ALUMINIUM } from '../helpers/pinned';

const base = inject('baseURL');
const origin = new URL(base).origin;

/** The number as the app formats it for a language (same Intl locale as src/ui/i18n.svelte.ts). */
const intl = (lng: string, digits = 'latn') => `${lng === 'zh' ? 'zh-CN' : lng === 'ar' ? 'ar' : 'en-GB'}-u-ca-gregory-nu-${digits}`;
const fmt = (x: number, lng: string, dp: number, digits = 'latn') => new Intl.NumberFormat(intl(lng, digits), { maximumFractionDigits: dp }).format(x);
const text = async (page: Page, sel: string) => ((await page.textContent(sel)) ?? '').replace(/\s+/g, ' ').trim();

const browser = sharedBrowser();

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

const GBT = 'cn-gbt24067-2024';
const ISO = 'iso14067-2018';
const pairIso = `[data-pair="${GBT}→${ISO}"]`;
const pairCbam = `[data-pair="${GBT}→eu-cbam"]`;

for (const lng of ['zh', 'en', 'ar'] as const) {
  describe(`compare in ${lng}`, () => {
    it('aluminium sample under GB/T, ISO and EU CBAM 2026: totals, causes, details', async () => {
      const context = await browser().newContext({ viewport: { width: 1400, height: 1000 } });
      const g = guard(context, origin);
      const page = await context.newPage();
      const ui = locale(lng, 'ui');

      // reachable from the home card and the navigation
      await page.goto(`${base}?lang=${lng}#/`);
      await page.waitForSelector('[data-task="compare"]');
      expect(await text(page, '[data-task="compare"]')).toContain(get(ui, 'compareView.home.title'));
      await page.click('nav a[href="#/compare"]');
      await page.waitForSelector('[data-testid="compare-dataset"]');
      expect(await text(page, 'h1')).toBe(get(ui, 'compareView.title'));
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lng === 'ar' ? 'rtl' : 'ltr');
      expect(await text(page, 'main')).toContain(get(ui, 'compareView.noDataset'));

      // the sample, GB/T + ISO + EU CBAM 2026
      await page.selectOption('[data-testid="compare-dataset"]', 'sample:aluminium-ingot-ningxia.json');
      await page.locator(`[data-pack="${GBT}"]`).check();
      await page.locator(`[data-pack="${ISO}"]`).check();
      await page.locator('[data-pack="eu-cbam"]').check();
      await page.selectOption('[data-testid="compare-period"]', '2026');
      await page.waitForSelector('[data-testid="total-eu-cbam"]');

      expect(await text(page, `[data-testid="total-${GBT}"]`)).toBe(fmt(ALUMINIUM.gbtTotalKg, lng, 3));
      expect(await text(page, `[data-testid="total-${ISO}"]`)).toBe(fmt(ALUMINIUM.isoTotalKg, lng, 3));
      expect(await text(page, '[data-testid="total-eu-cbam"]')).toBe(fmt(ALUMINIUM.cbamTotalKg, lng, 3));
      if (lng === 'en') expect(await text(page, `[data-testid="total-${GBT}"]`)).toBe('13,217.851');
      // each column with its version, legal status and GWP set
      const side = await text(page, '[data-testid="compare-side"]');
      for (const s of ['AR6', 'AR5', '2026', get(ui, 'compareView.row.status'), get(ui, 'compareView.row.gwp'), get(ui, 'library.statusValue.in-force')])
        expect(side).toContain(s);
      expect(await page.locator('[data-testid="compare-side"] [data-stage]').count()).toBe(5);

      // GB/T → ISO: only GWP differs, −26.4
      expect(await text(page, `${pairIso} [data-cause="gwp"] [data-testid="cause-delta"]`)).toBe(fmt(ALUMINIUM.gbtToIsoGwpDeltaKg, lng, 3));
      expect(await text(page, `${pairIso} [data-cause="boundary"] [data-testid="cause-delta"]`)).toBe(fmt(0, lng, 3));
      expect(await text(page, `${pairIso} [data-testid="cause-sum"]`)).toBe(fmt(ALUMINIUM.gbtToIsoGwpDeltaKg, lng, 3));
      expect(await text(page, `${pairIso} [data-testid="pair-difference"]`)).toContain(fmt(ALUMINIUM.gbtToIsoGwpDeltaKg, lng, 3));
      expect(await text(page, `${pairIso} [data-cause="gwp"]`)).toContain(get(ui, 'compareView.causes.gwp'));
      // per gas: CF4 GWP 7380 → 6630, −22.5
      await page.click(`${pairIso} [data-cause="gwp"] details.gases summary`);
      const cf4 = await text(page, `${pairIso} [data-gas="CF4"]`);
      for (const s of [fmt(7380, lng, 3), fmt(6630, lng, 3), fmt(-22.5, lng, 6)]) expect(cf4).toContain(s);

      // GB/T → CBAM: boundary −2,916.375, electricity −8,542.59, the causes adding up to the difference −11,485.392
      expect(await text(page, `${pairCbam} [data-cause="boundary"] [data-testid="cause-delta"]`)).toBe(fmt(ALUMINIUM.gbtToCbamBoundaryKg, lng, 3));
      expect(await text(page, `${pairCbam} [data-cause="electricity"] [data-testid="cause-delta"]`)).toBe(fmt(ALUMINIUM.gbtToCbamElectricityKg, lng, 3));
      expect(await text(page, `${pairCbam} [data-testid="pair-difference"]`)).toContain(fmt(ALUMINIUM.gbtToCbamDeltaKg, lng, 3));
      expect(await text(page, `${pairCbam} [data-testid="cause-sum"]`)).toBe(fmt(ALUMINIUM.gbtToCbamDeltaKg, lng, 3));
      expect(await text(page, pairCbam)).toContain(get(ui, 'compareView.addsUp'));
      // the core's explanation, translated (core namespace), and the lines behind the electricity cause
      const core = locale(lng, 'core');
      expect(await text(page, `${pairCbam} [data-cause="electricity"]`)).toContain(get(core, 'compareCbam.electricityNotCounted'));
      await page.click(`${pairCbam} [data-cause="electricity"] details.lines summary`);
      const al07 = await text(page, `${pairCbam} [data-cause="electricity"] [data-line="AL-07"]`);
      expect(al07).toContain(fmt(-ALUMINIUM.gbtToCbamElectricityKg, lng, 3));
      await page.click(`${pairCbam} [data-cause="boundary"] details.lines summary`);
      expect(await page.locator(`${pairCbam} [data-cause="boundary"] [data-line]`).count()).toBe(5);

      const a11y = await axe(page);
      if (lng === 'ar') await page.screenshot({ path: join(out, 'ar-compare.png'), fullPage: true });

      // print: the controls are hidden, the tables stay
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('section.setup').isVisible()).toBe(false);
      expect(await page.locator('[data-testid="compare-side"]').isVisible()).toBe(true);
      expect(await page.locator(`${pairCbam}`).isVisible()).toBe(true);
      if (lng === 'en') await page.pdf({ path: join(out, 'en-compare.pdf'), format: 'A4', printBackground: true });
      await page.emulateMedia({ media: 'screen' });

      expect(a11y, 'axe serious/critical').toEqual([]);
      expect(g.foreign, 'requests to another origin').toEqual([]);
      expect(g.consoleErrors, 'console errors').toEqual([]);
      await context.close();
    });
  });
}

describe('compare: Arabic-Indic digits and the link from a saved dataset', () => {
  it('ar with Arabic-Indic digits chosen; a saved dataset opened by ?dataset=', async () => {
    const context = await browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const g = guard(context, origin);
    // the digits preference as the settings page stores it (only on the app's own pages, not about:blank)
    await context.addInitScript(() => {
      if (location.protocol.startsWith('http')) localStorage.setItem('cb.digits', 'arab');
    });
    const page = await context.newPage();
    await page.goto(`${base}?lang=ar#/samples`);
    await page.click('[data-sample="aluminium-ingot-ningxia.json"] [data-action="open"]');
    await page.waitForURL(/#\/editor\//);
    const id = /#\/editor\/([^?]+)/.exec(page.url())![1]!;
    await page.goto(`${base}?lang=ar#/compare?dataset=${id}`);
    await page.waitForSelector('[data-testid="total-eu-cbam"]');
    expect(await page.inputValue('[data-testid="compare-dataset"]')).toBe(`db:${id}`);
    const total = await text(page, `[data-testid="total-${GBT}"]`);
    expect(total).toBe(fmt(ALUMINIUM.gbtTotalKg, 'ar', 3, 'arab'));
    expect(total).toMatch(/^[\u0660-\u0669٬٫]+$/);
    expect(await text(page, `${pairCbam} [data-cause="boundary"] [data-testid="cause-delta"]`)).toBe(fmt(ALUMINIUM.gbtToCbamBoundaryKg, 'ar', 3, 'arab'));
    expect(g.foreign, 'requests to another origin').toEqual([]);
    expect(g.consoleErrors, 'console errors').toEqual([]);
    await context.close();
  });
});

describe('compare: a good whose indirect emissions count, and a product outside CBAM', () => {
  it('cement 2026 waits for the EU default electricity factor; the battery pack gets the translated reason', async () => {
    const context = await browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const g = guard(context, origin);
    const page = await context.newPage();
    const ui = locale('en', 'ui');
    await page.goto(`${base}?lang=en#/compare?sample=cement-grey-portland.json`);
    await page.waitForSelector('[data-testid="compare-euef"]');
    expect(await text(page, '[data-testid="compare-side"]')).toContain(get(ui, 'compareView.needEf'));
    expect(await text(page, '[data-testid="total-eu-cbam"]')).toBe('—');
    await page.fill('[data-testid="compare-euef"]', '0.5');
    await expect.poll(() => text(page, '[data-testid="total-eu-cbam"]')).toMatch(/^[\d,.]+$/);
    expect(await text(page, '[data-testid="compare-side"]')).not.toContain(get(ui, 'compareView.needEf'));
    // the electricity cause now counts the CBAM indirect emissions
    expect(await text(page, `${pairCbam} [data-cause="electricity"]`)).toContain(get(locale('en', 'core'), 'compareCbam.electricityCounted'));

    await page.selectOption('[data-testid="compare-dataset"]', 'sample:lfp-battery-pack.json');
    await page.waitForSelector('[data-testid="compare-cbam-failed"]');
    expect(await text(page, '[data-testid="compare-cbam-failed"]')).toContain(get(ui, 'compareView.cbamFailed'));
    expect(await text(page, '[data-testid="compare-cbam-failed"]')).toContain('8507 60 00');
    expect(await page.locator(pairIso).count()).toBe(1);
    expect(g.foreign, 'requests to another origin').toEqual([]);
    expect(g.consoleErrors, 'console errors').toEqual([]);
    await context.close();
  });
});

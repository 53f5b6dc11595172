/**
 * What a new user hits (issue 10): a per-tonne footprint table with Chinese headers goes into a NEW dataset by
 * default with the basis asked before saving; read as a whole period's totals instead, the CBAM result opens with
 * a blocking orders-of-magnitude finding in words; the sample banner stays on unchanged samples only.
 */
import { describe, it, expect, inject } from 'vitest';
import type { Page } from 'playwright';
import { guard, locale, get } from './browser';
import { sharedBrowser } from './suite';

const base = inject('baseURL');
const origin = new URL(base).origin;
const SAMPLE = 'aluminium-ingot-ningxia.json';

/** Per tonne of aluminium: electricity, anode (process CO2), natural gas. */
const CSV =
  [
    '描述,阶段,类别,活动数据,单位,排放因子,排放因子单位,气体,数据来源',
    '电解用电,生产,电力,13.3,MWh,0.5703,tCO2/MWh,CO2,生态环境部 2022',
    '阳极消耗,生产,过程排放,0.41,t,3.663,tCO2/t,CO2,IPCC 2006',
    '天然气,生产,燃料燃烧,50,Nm3,2.16,kgCO2/Nm3,CO2,IPCC 2006',
  ].join('\n') + '\n';

const browser = sharedBrowser();

async function chooseCsv(page: Page, lng: string): Promise<void> {
  await page.goto(`${base}?lang=${lng}#/import`);
  await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' });
  await page.setInputFiles('[data-testid="import-file"]', { name: 'per-tonne.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await page.waitForSelector('[data-testid="mapping-table"]');
}

describe('import: basis asked, orders-of-magnitude check, sample banner', () => {
  it('a sheet of lines goes into a new dataset by default; nothing is saved before the basis is chosen', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const g = guard(context, origin);
    const page = await context.newPage();
    await chooseCsv(page, 'zh');
    // the default target of the lines: a new dataset the user describes
    expect(await page.locator('[data-testid="base-select"]').first().inputValue()).toBe('new');
    await page.fill('[data-new="product"]', '原铝锭（我的工厂）');
    await page.fill('[data-new="cn"]', '7601 10 00');
    await page.fill('[data-new="producer"]', '宁夏某铝业');
    await page.locator('[data-new="producer"]').blur();
    await page.waitForSelector('[data-testid="import-basis"]');
    // the basis is asked: saving waits for it
    expect(await page.isVisible('[data-testid="basis-needed"]')).toBe(true);
    expect(await page.isDisabled('[data-action="confirm-import"]')).toBe(true);
    await page.check('[data-basis="per-functional-unit"]');
    await expect.poll(() => page.isDisabled('[data-action="confirm-import"]')).toBe(false);
    await page.click('[data-action="confirm-import"]');
    const saved = page.locator('[data-testid="import-saved"]');
    await saved.waitFor();
    const id = (await saved.getAttribute('data-id'))!;
    await page.goto(`${base}?lang=zh#/cbam/${id}`);
    await page.waitForSelector('[data-testid="see-counted"]');
    // per tonne, read per tonne: a plausible figure, no blocking finding, no sample banner
    expect(await page.locator('[data-testid="magnitude-finding"]').count()).toBe(0);
    expect(await page.locator('[data-testid="sample-banner"]').count()).toBe(0);
    const see = Number((await page.textContent('[data-testid="see-direct"]'))!.replace(/[^\d.]/g, '').slice(0, 8));
    expect(see).toBeGreaterThan(1);
    expect(g.consoleErrors).toEqual([]);
    expect(g.foreign).toEqual([]);
    await context.close();
  }, 90_000);

  for (const lng of ['zh', 'en', 'ar'] as const)
    it(`${lng}: per-tonne lines read as a 400,000 t period give a blocking finding at the top of the result, in words`, async () => {
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const conv = locale(lng, 'cbamconvert');
      await chooseCsv(page, lng);
      await page.selectOption('[data-testid="base-select"]', `sample:${SAMPLE}`);
      await page.click('[data-action="apply-mapping"]');
      await page.waitForSelector('[data-testid="import-basis"]');
      // the user replaces the sample's lines with the sheet and says "whole period" (production from the sample)
      await page.check('[data-testid="replace-inventory"]');
      await page.click('[data-action="apply-mapping"]');
      await page.waitForSelector('[data-testid="import-basis"]');
      await page.check('[data-basis="per-period"]');
      expect(await page.inputValue('[data-testid="import-production"]')).toBe('400000');
      await expect.poll(() => page.isDisabled('[data-action="confirm-import"]')).toBe(false);
      await page.click('[data-action="confirm-import"]');
      const saved = page.locator('[data-testid="import-saved"]');
      await saved.waitFor();
      const id = (await saved.getAttribute('data-id'))!;
      await page.goto(`${base}?lang=${lng}#/cbam/${id}`);
      await page.waitForSelector('[data-testid="magnitude-finding"]');
      const box = page.locator('[data-testid="magnitude-finding"]');
      expect(await box.getAttribute('data-blocking')).toBe('true');
      expect(await box.textContent()).toContain(get(conv, 'magnitude.title'));
      // above the figures: the first thing in the CBAM section after its title
      const above = await page.evaluate(() => {
        const f = document.querySelector('[data-testid="magnitude-finding"]')!.getBoundingClientRect().top;
        const s = document.querySelector('[data-testid="see"]')!.getBoundingClientRect().top;
        return f < s;
      });
      expect(above).toBe(true);
      // the "counted" box is not shown as a green result, documents wait for the user's check
      expect(await page.getAttribute('[data-testid="see"] .counted', 'class')).toContain('blocked');
      expect(await page.isDisabled('[data-download="quarterly"]')).toBe(true);
      // the user's own data: no "illustrative sample" banner
      expect(await page.locator('[data-testid="sample-banner"]').count()).toBe(0);
      await page.click('[data-action="acknowledge-magnitude"]');
      expect(await page.isDisabled('[data-download="quarterly"]')).toBe(false);
      await context.close();
    }, 90_000);

  it('the sample banner shows on an unchanged sample and goes once the user edits it', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${base}?lang=en#/samples`);
    await page.click(`[data-sample="${SAMPLE}"] [data-action="open"]`);
    await page.waitForSelector('[data-status="saved"]');
    const banner = page.locator('[data-testid="sample-banner"]');
    expect(await banner.count()).toBe(1);
    // translated, not the dataset's own English note twice
    expect((await banner.textContent())!.match(/Illustrative sample/g)).toHaveLength(1);
    await page.fill('[data-field="product.name.en"] input', 'My own ingot');
    await page.waitForSelector('[data-status="saved"][data-rev="2"]');
    expect(await banner.count()).toBe(0);
    await context.close();
  }, 60_000);

  it('glossary equivalents: each language slot holds that language (not the English fallback)', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    for (const lng of ['zh', 'ar', 'en'] as const) {
      await page.goto(`${base}?lang=${lng}#/library`);
      await page.waitForSelector('[data-term="cbam"] [data-equiv]');
      for (const other of ['zh', 'en', 'ar'].filter((l) => l !== lng)) {
        const want = get(locale(other, 'glossary'), 'cbam.term');
        await expect.poll(() => page.textContent(`[data-term="cbam"] [data-equiv="${other}"]`)).toBe(want);
        // every term, not just the first
        const all = await page.locator(`[data-equiv="${other}"]`).allTextContents();
        const terms = Object.values(locale(other, 'glossary') as Record<string, { term: string }>).map((x) => x.term);
        expect(all.length).toBeGreaterThan(5);
        for (const x of all) expect(terms).toContain(x);
      }
    }
    await context.close();
  }, 60_000);

  it('the result explains itself: footprint and CBAM figure side by side in one unit, three largest causes, a link to Compare', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}?lang=en#/samples`);
    await page.click(`[data-sample="${SAMPLE}"] [data-action="cbam"]`);
    await page.waitForSelector('[data-testid="bridge"]');
    const num = async (sel: string) => Number((await page.textContent(sel))!.replace(/[^\d.-]/g, ''));
    expect(await num('[data-testid="bridge-footprint"]')).toBeCloseTo(13217.85, 1);
    expect(await num('[data-testid="bridge-cbam"]')).toBeCloseTo(1732.46, 1);
    // in the same unit, near the top: the bridge comes before the electricity table
    const bridgeText = (await page.textContent('[data-testid="bridge"]'))!;
    expect(bridgeText.match(/kg CO2e per 1 t/g)!.length).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-testid="bridge-causes"] li').count()).toBe(3);
    await page.click('[data-action="to-compare"]');
    await page.waitForURL(/#\/compare\?dataset=/);
    await page.waitForSelector('main h1');
    await context.close();
  }, 60_000);

  it('a first visit to "my datasets" offers the ways forward; a line problem is explained beside the line, not only counted', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}?lang=zh#/datasets`);
    await page.waitForSelector('[data-testid="datasets-empty"]');
    await page.click('[data-action="empty-import"]');
    await page.waitForURL(/#\/import/);
    // a unit that does not fit the factor: the explanation shows under the line without opening anything
    await page.goto(`${base}?lang=zh#/samples`);
    await page.click(`[data-sample="${SAMPLE}"] [data-action="open"]`);
    await page.waitForSelector('[data-status="saved"]');
    await page.selectOption('[data-field="inventory.0.activity.unit"] select', 'kWh');
    const row = page.locator('tr.line').first();
    await expect.poll(() => row.getAttribute('class')).toContain('has-error');
    const shown = page.locator('tr.line:first-child [role="alert"], [data-line-errors="AL-01"] [role="alert"]');
    await expect.poll(async () => (await shown.allTextContents()).join('').trim().length).toBeGreaterThan(5);
    expect(await shown.first().isVisible()).toBe(true);
    await context.close();
  }, 60_000);

  it('cement: the EU default electricity factor is asked in place with the rule and where to find it, and kept across a reload and views', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const saving = locale('zh', 'saving');
    await page.goto(`${base}?lang=zh#/compare?sample=cement-grey-portland.json`);
    await page.waitForSelector('[data-testid="compare-euef"]');
    // the rule and where the official figure is, beside the field
    expect(await page.textContent('#compare-euef-where')).toContain('2025/2621');
    expect(await page.textContent('#compare-euef-where')).toBe(get(saving, 'euDefaultEfWhere').replace('{{country}}', 'CN'));
    await page.fill('[data-testid="compare-euef"]', '0.5');
    await expect.poll(() => page.textContent('[data-testid="total-eu-cbam"]')).toMatch(/^[\d,.]+$/);
    await page.reload();
    await page.waitForSelector('[data-testid="compare-euef"]');
    await expect.poll(() => page.inputValue('[data-testid="compare-euef"]')).toBe('0.5');
    // the CBAM result of the same country's dataset starts from the same figure
    await page.goto(`${base}?lang=zh#/samples`);
    await page.click('[data-sample="cement-grey-portland.json"] [data-action="cbam"]');
    await page.waitForSelector('[data-testid="cbam-euef"]');
    expect(await page.inputValue('[data-testid="cbam-euef"]')).toBe('0.5');
    await page.waitForSelector('[data-testid="see-counted"]');
    expect((await page.textContent('[data-testid="see-counted"]'))!.trim()).not.toBe('—');
    await context.close();
  }, 60_000);
});

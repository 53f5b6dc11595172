/**
 * Cost view (Debian Chromium, production build), issue 8 item 4 and issue 10: the scheme is chosen from the rule
 * packs' manifest; the UK CBAM has its own liability form (origin needed; rateCost of the core), which names the
 * published input the pack does not hold (the rate) and gives the liability once it is entered — the same figure as
 * the core; what the user typed (the EU route letter too) is kept across a reload; zh/en/ar.
 */
import { describe, expect, inject, it } from 'vitest';
import { guard, locale, get } from './browser';
import { sharedBrowser } from './suite';
import { rateCost } from '../../src/core/cbam/cost-rate';

const base = inject('baseURL');
const origin = new URL(base).origin;
const browser = sharedBrowser();

const core = rateCost({ scheme: 'uk-cbam', cn: '7601 10 00', origin: 'CN', mass: 100, period: '2027', see: 1.732459, rate: 50 });

describe('Cost view: UK CBAM liability and kept inputs', () => {
  it.each(['en', 'zh', 'ar'])('%s', async (lng) => {
    // 100 t × 1.732459 tCO2e/t × GBP 50/tCO2e = GBP 8,662.295, shown to the penny by the core's rounding rule
    expect(core.ok && core.liability?.value).toBeCloseTo(8662.3, 1);
    const want = core.ok && core.liability ? core.liability.value : NaN;
    const cv = locale(lng, 'costview');
    const context = await browser().newContext();
    const g = guard(context, origin);
    const page = await context.newPage();
    await page.goto(`${base}?lang=${lng}#/cost`);
    await page.waitForSelector('[data-testid="cost-scheme"]');
    // the schemes come from the manifest
    const options = await page.locator('[data-testid="cost-scheme"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining(['eu-cbam', 'uk-cbam']));

    // EU: the route letter typed is kept across a reload
    await page.fill('[data-testid="cost-route-text"]', 'K');
    await page.waitForTimeout(200);
    await page.reload();
    await page.waitForSelector('[data-testid="cost-route-text"]');
    expect(await page.inputValue('[data-testid="cost-route-text"]')).toBe('K');

    // UK: origin needed
    await page.selectOption('[data-testid="cost-scheme"]', 'uk-cbam');
    await page.fill('#c-origin', '');
    await page.waitForSelector('[data-testid="cost-origin-needed"]');
    await page.fill('#c-origin', 'CN');
    await page.fill('#c-mass', '100');
    await page.selectOption('#c-period', '2027');
    await page.fill('#c-see', '1.732459');
    // no published rate in the pack: named as missing, the liability is missing (never 0)
    await page.waitForSelector('[data-testid="rate-missing"]');
    expect(await page.getAttribute('[data-testid="rate-result"]', 'data-complete')).toBe('false');
    expect(await page.textContent('[data-testid="liability"]')).toContain(get(cv, 'missing'));
    // the rate entered: the core's liability
    await page.fill('[data-testid="cost-rate"]', '50');
    await page.waitForSelector('[data-testid="rate-result"][data-complete="true"]');
    const shown = (await page.textContent('[data-testid="liability"]')) ?? '';
    expect(Number(shown.replace(/[^\d.]/g, ''))).toBe(want);
    expect(shown).toContain('GBP');
    expect(await page.textContent('[data-testid="rate-result"]')).toContain(get(cv, 'liability'));
    // everything typed is kept across a reload
    await page.waitForTimeout(200);
    await page.reload();
    await page.waitForSelector('[data-testid="rate-result"][data-complete="true"]');
    expect(await page.inputValue('[data-testid="cost-scheme"]')).toBe('uk-cbam');
    expect(await page.inputValue('[data-testid="cost-rate"]')).toBe('50');
    expect(g.consoleErrors).toEqual([]);
    expect(g.foreign).toEqual([]);
    await context.close();
  });
});

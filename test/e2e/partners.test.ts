/**
 * Equivalence statements, the label sheet and the batch comparison in the app (Debian Chromium, production build):
 * for each of zh, en and ar the aluminium sample's statement against ISO 14067 (figures equal to `carbonbridge compare`,
 * the no-mutual-recognition notice), printed by the browser to an A4 PDF that pdftotext reads in that language; the
 * zh+ar statement printed side by side with Chinese before Arabic; the label sheet naming 电解铝; the batch view over
 * saved datasets with its chart, sorting and filter. No request leaves the origin; no console errors.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright';
import { launch, guard, out, locale, get } from './browser';
import { runCli } from '../helpers/cli';
import { SAMPLES_DIR } from '../helpers/samples';

const base = inject('baseURL');
const origin = new URL(base).origin;
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const text = async (page: Page, sel: string) => ((await page.textContent(sel)) ?? '').replace(/\s+/g, ' ').trim();
/** The core's document number format (Latin digits, up to 3 decimals), as the CLI prints it. */
const docFmt = (x: number, lng: string) => new Intl.NumberFormat(`${lng}-u-nu-latn`, { maximumFractionDigits: 3 }).format(x);
const pdfText = (file: string) => spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
const AL = 'aluminium-ingot-ningxia.json';

let browser: Browser;
let totals: number[];
beforeAll(async () => {
  browser = await launch();
  const c = await runCli('compare', join(SAMPLES_DIR, AL), '--packs', 'cn-gbt24067-2024,iso14067-2018', '--json');
  totals = JSON.parse(c.out).results.map((r: { total: number }) => r.total);
});
afterAll(async () => {
  await browser?.close();
});

it('pdftotext is installed (the print checks below need it)', () => {
  expect(hasPdftotext).toBe(true);
});

for (const lng of ['zh', 'en', 'ar'] as const) {
  describe(`statement in ${lng}`, () => {
    it('aluminium against ISO 14067: crosswalk, figures = carbonbridge compare, notice, printed A4 in that language', async () => {
      const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
      const g = guard(context, origin);
      const page = await context.newPage();
      const p = locale(lng, 'partners');
      await page.goto(`${base}?lang=${lng}#/`);
      await page.click('nav a[href="#/statement"]');
      await page.waitForSelector('[data-testid="dataset-source"]');
      expect(await text(page, 'h1')).toBe(get(p, 'view.statement.title'));
      await page.selectOption('[data-testid="dataset-source"]', `sample:${AL}`);
      await page.selectOption('[data-testid="statement-against"]', 'iso14067-2018');
      await page.selectOption('[data-testid="statement-lang"]', lng);
      await page.waitForSelector('[data-testid="statement"] [data-testid="reference-total"]');
      expect(await text(page, '[data-testid="study-total"]')).toBe(docFmt(totals[0]!, lng));
      expect(await text(page, '[data-testid="reference-total"]')).toBe(docFmt(totals[1]!, lng));
      const doc = await text(page, '[data-testid="statement"]');
      expect(doc).toContain(get(p, 'doc.isNot'));
      expect(await page.locator('[data-testid="crosswalk"] tbody tr').count()).toBe(14);
      expect(await page.getAttribute('[data-testid="statement"] .col', 'dir')).toBe(lng === 'ar' ? 'rtl' : 'ltr');

      await page.emulateMedia({ media: 'print' });
      expect(await page.isVisible('nav')).toBe(false);
      const pdf = join(out, `statement-${lng}.pdf`);
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      const txt = pdfText(pdf);
      expect(txt).toContain(get(p, 'doc.title'));
      if (lng === 'zh') expect(txt).toContain('未发现中国与任何阿拉伯国家之间关于产品碳足迹互认的协定');
      if (lng === 'ar') expect(txt).toContain('المطابقة');
      expect(txt).toContain(docFmt(totals[1]!, lng));
      expect(g.foreign, 'requests to another origin').toEqual([]);
      expect(g.consoleErrors, 'console errors').toEqual([]);
      await context.close();
    });
  });
}

describe('statement zh + ar side by side', () => {
  it('printed, pdftotext finds Chinese then Arabic for each part; partner UAE says what it does not regulate', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
    const g = guard(context, origin);
    const page = await context.newPage();
    await page.goto(`${base}?lang=zh#/statement?sample=${AL}&against=ae&lang=zh%2Bar`);
    await page.waitForSelector('[data-testid="statement"] .bi.n2');
    const zh = locale('zh', 'partners');
    const ar = locale('ar', 'partners');
    expect(await text(page, '[data-testid="statement"]')).toContain('阿拉伯联合酋长国');
    await page.emulateMedia({ media: 'print' });
    const pdf = join(out, 'statement-zh-ar.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const txt = pdfText(pdf);
    const at = (s: string) => txt.indexOf(s);
    const zhTitle = at(get(zh, 'doc.title'));
    const arTitle = at(get(ar, 'doc.title'));
    const zhWhat = at(get(zh, 'doc.whatHeading'));
    const arWhat = at(get(ar, 'doc.whatHeading'));
    for (const [n, v] of Object.entries({ zhTitle, arTitle, zhWhat, arWhat })) expect(v, n).toBeGreaterThanOrEqual(0);
    expect(zhTitle).toBeLessThan(arTitle);
    expect(arTitle).toBeLessThan(zhWhat);
    expect(zhWhat).toBeLessThan(arWhat);
    expect(g.consoleErrors, 'console errors').toEqual([]);
    await context.close();
  });
});

describe('label sheet and batch', () => {
  it('the aluminium label sheet names the catalogue entry 电解铝 and the missing validity; cement-like codes outside say so', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
    const g = guard(context, origin);
    const page = await context.newPage();
    await page.goto(`${base}?lang=en#/label?sample=${AL}&lang=en`);
    await page.waitForSelector('[data-testid="catalogue-match"]');
    const en = locale('en', 'partners');
    expect(await text(page, '[data-testid="catalogue-match"]')).toBe(`Catalogue entry: Electrolytic aluminium (电解铝)`);
    expect(await text(page, '[data-testid="missing-labelItem"]')).toContain(get(en, 'labelItem.validity'));
    expect(await page.getAttribute('[data-testid="label-items"] [data-item="validity"]', 'data-status')).toBe('missing');
    expect(await text(page, '[data-testid="grade"]')).toBe(get(en, 'label.noGrading'));
    await page.selectOption('[data-testid="label-lang"]', 'ar');
    await page.waitForSelector('[data-testid="label-sheet"] .col[dir="rtl"]');
    expect(await text(page, '[data-testid="catalogue-match"]')).toContain('电解铝');
    expect(g.consoleErrors, 'console errors').toEqual([]);
    await context.close();
  });

  it('batch view: two saved samples × three packs, sorted by result, filtered, with a chart', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
    const g = guard(context, origin);
    const page = await context.newPage();
    for (const s of [AL, 'cement-grey-portland.json']) {
      await page.goto(`${base}?lang=zh#/samples`);
      await page.click(`[data-sample="${s}"] [data-action="open"]`);
      await page.waitForURL(/#\/editor\//);
    }
    await page.goto(`${base}?lang=zh#/batch`);
    await page.waitForSelector('[data-action="run-batch"]:not([disabled])');
    await page.click('[data-action="run-batch"]');
    await page.waitForSelector('[data-testid="batch-table"]');
    expect(await page.locator('[data-testid="batch-table"] tbody tr').count()).toBe(6);
    expect(await page.locator('[data-testid="batch-chart"] rect').count()).toBe(6);
    await page.click('[data-sort="resultKg"]');
    const vals = (await page.locator('[data-testid="batch-result-kg"]').allTextContents()).map((s) => Number(s.replace(/[,\s]/g, '')));
    expect(vals).toEqual([...vals].sort((a, b) => a - b));
    expect(vals).toContain(Number(docFmt(totals[0]!, 'en').replace(/,/g, '')));
    await page.fill('[data-testid="batch-filter"]', '水泥');
    expect(await page.locator('[data-testid="batch-table"] tbody tr').count()).toBe(3);
    expect(g.foreign, 'requests to another origin').toEqual([]);
    expect(g.consoleErrors, 'console errors').toEqual([]);
    await context.close();
  });
});

describe('compare chart', () => {
  it('results per pack side by side, a waterfall per pair, and the same figures as a table', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
    const g = guard(context, origin);
    const page = await context.newPage();
    await page.goto(`${base}?lang=en#/compare?sample=${AL}`);
    await page.waitForSelector('[data-testid="compare-chart"] [data-testid="chart-results"]');
    expect(await page.locator('[data-testid="chart-results"] rect').count()).toBeGreaterThanOrEqual(2);
    const wf = page.locator('[data-testid="chart-waterfall"][data-chart-pair="cn-gbt24067-2024→iso14067-2018"] rect');
    expect(await wf.count()).toBe(5); // from, boundary, electricity, GWP, to
    await page.click('[data-action="chart-table"]');
    const table = await text(page, '[data-testid="chart-table"]');
    expect(table).toContain('13,217.851');
    expect(table).toContain('-26.4');
    expect(g.consoleErrors, 'console errors').toEqual([]);
    await context.close();
  });
});

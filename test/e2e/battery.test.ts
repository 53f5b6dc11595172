/**
 * The battery journey in zh, en and ar (Debian Chromium, production build): from the home card open the NMC battery
 * sample → the EU Art. 7 declaration whose figures match `carbonbridge battery --json` (E_total, per-kWh total and
 * stages), the China pack the same way, the declaration printed to an A4 PDF read back with pdftotext, the passport
 * JSON downloaded and validated with ajv against the Battery Pass v1.2.0 schema. In English also: bad battery details
 * refused with the field named and nothing saved; the battery packs as columns of the Compare view.
 */
import { describe, it, expect, inject } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import Ajv from 'ajv-draft-04';
import { guard, root, out, locale, get, download } from './browser';
import { sharedBrowser } from './suite';
import { runCli } from '../helpers/cli';

const base = inject('baseURL');
const origin = new URL(base).origin;
const NMC = 'nmc-ev-battery-pack.json';
const SCHEMA = JSON.parse(readFileSync(join(root, '..', 'shared', 'battery', 'batterypass-1.2.0', 'CarbonFootprintForBatteries-schema.json'), 'utf8'));

/** The number as the app formats it for a language (same Intl locale as src/ui/i18n.svelte.ts). */
const intl = (lng: string) => `${lng === 'zh' ? 'zh-CN' : lng === 'ar' ? 'ar' : 'en-GB'}-u-ca-gregory-nu-latn`;
const fmt = (x: number, lng: string, dp: number) => new Intl.NumberFormat(intl(lng), { maximumFractionDigits: dp }).format(x);
const text = async (page: Page, sel: string) => ((await page.textContent(sel)) ?? '').replace(/\s+/g, ' ').trim();
/** pdftotext gives Arabic presentation forms and visual order: compare letters only, word by word (as journeys.test.ts). */
const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u200E\u200F\u202A-\u202E\u061C]/g, '')
    .replace(/[\u0627\u0623\u0625\u0622\u0644]/g, '')
    .replace(/\s+/g, '');

const browser = sharedBrowser();

async function cliJson(pack: string, lng: string) {
  const r = await runCli('battery', join(root, 'public', 'samples', NMC), '--pack', pack, '--json', '--lang', lng);
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

async function expectFigures(page: Page, d: any, lng: string) {
  await page.waitForSelector(`[data-testid="battery-declaration"][data-pack="${d.pack.id}"]`);
  expect(await text(page, '[data-testid="e-total"]')).toBe(fmt(d.functionalUnit.eTotalKWh, lng, 3));
  expect(await text(page, '[data-testid="total-kwh"]')).toBe(fmt(d.total.kgPerKWh, lng, 4));
  expect(await text(page, '[data-testid="total-kg"]')).toBe(fmt(d.total.kgPerBattery, lng, 3));
  for (const s of d.stages) expect(await text(page, `[data-testid="stage-kwh-${s.id}"]`)).toBe(fmt(s.kgPerKWh, lng, 4));
}

for (const lng of ['zh', 'en', 'ar'] as const) {
  describe(`battery declaration in ${lng}`, () => {
    it('sample → declaration = CLI JSON → A4 PDF → passport JSON', async () => {
      const context = await browser().newContext({ viewport: { width: 1300, height: 1000 }, acceptDownloads: true });
      const g = guard(context, origin);
      const page = await context.newPage();
      const L = locale(lng, 'battery');

      await page.goto(`${base}?lang=${lng}#/`);
      await page.waitForSelector('[data-task="battery"]');
      expect(await text(page, '[data-task="battery"]')).toContain(get(L, 'view.home.title'));
      expect(await page.locator('nav a[href="#/battery"]').count()).toBe(1);
      await page.click('[data-task="battery"]');
      await page.click(`[data-sample="${NMC}"]`);
      await page.waitForURL(/#\/battery\/.+/);

      const eu = await cliJson('eu-battery-cf', lng);
      await expectFigures(page, eu, lng);
      expect(eu.total.kgPerKWh).toBe(0.254713);
      const doc = await text(page, '[data-testid="battery-declaration"]');
      expect(doc).toContain(get(L, 'doc.title'));
      expect(doc).toContain(get(L, 'status.draft'));
      expect(doc).toContain(get(L, 'doc.instrument.refused'));
      expect(await page.locator('[data-testid="draft-banner"]').count()).toBe(1);
      expect(await page.locator('[data-uncertain]').count()).toBeGreaterThan(0);

      // the China pack, the same dataset: its four stages, the certificate accepted
      await page.locator('[data-pack="cn-miit-battery"]').check();
      const cn = await cliJson('cn-miit-battery', lng);
      await expectFigures(page, cn, lng);
      expect(await text(page, '[data-testid="battery-declaration"]')).toContain(get(L, 'doc.instrument.accepted'));
      expect(await text(page, '[data-testid="cmp-diff"]')).toBe(fmt(-0.007114, lng, 6));
      await page.locator('[data-pack="eu-battery-cf"]').check();
      await expectFigures(page, eu, lng);

      // printed by the browser's print engine as A4, read back with pdftotext
      await page.evaluate(() => document.fonts.ready);
      const pdfPath = join(out, `battery-declaration-${lng}.pdf`);
      await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
      const pdf = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
      const plain = norm(pdf);
      const has = (needle: string) =>
        needle
          .split(/\s+/)
          .map(norm)
          .filter((w) => w.length > 1)
          .every((w) => plain.includes(w) || plain.includes([...w].reverse().join('')));
      expect(has(get(L, 'doc.title'))).toBe(true);
      expect(has(get(L, 'doc.byStage'))).toBe(true);
      expect(pdf).toContain(fmt(eu.total.kgPerKWh, lng, 4));
      expect(pdf).toContain(fmt(eu.functionalUnit.eTotalKWh, lng, 3));
      expect(pdf).toContain('EVP-NMC811-75');
      expect(pdf).toContain('2023/1542');
      expect(pdf).not.toContain(get(L, 'view.save'));
      expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);

      // the passport excerpt: the CLI's figures, valid against the Battery Pass v1.2.0 schema
      const dl = await download(page, '[data-action="download-passport"]');
      expect(dl.name).toMatch(/batterypass-cf-1\.2\.0\.json$/);
      const passport = JSON.parse(dl.body.toString('utf8'));
      expect(passport).toEqual(eu.passport.batteryPass);
      const ajv = new Ajv({ strict: false });
      ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
      const validate = ajv.compile(SCHEMA);
      expect(validate(passport), JSON.stringify(validate.errors)).toBe(true);

      expect(g.foreign).toEqual([]);
      expect(g.consoleErrors).toEqual([]);
      await context.close();
    });
  });
}

describe('battery details and the Compare view (en)', () => {
  it('bad details are refused with the field named; nothing saved changes', async () => {
    const context = await browser().newContext({ viewport: { width: 1300, height: 1000 } });
    const page = await context.newPage();
    const L = locale('en', 'battery');
    await page.goto(`${base}?lang=en#/battery`);
    await page.click(`[data-sample="${NMC}"]`);
    await page.waitForSelector('[data-testid="battery-declaration"]');
    const url = page.url();
    await page.click('[data-testid="battery-details"] summary');
    await page.fill('[data-testid="bf-usableEnergyKWh"]', '-5');
    await page.fill('[data-testid="bf-warrantyYears"]', '0');
    await page.click('[data-action="save-battery"]');
    await page.waitForSelector('[data-testid="battery-form-errors"]');
    const errs = await text(page, '[data-testid="battery-form-errors"]');
    expect(errs).toContain(get(L, 'field.usableEnergyKWh'));
    expect(errs).toContain(get(L, 'field.serviceLife.warrantyYears'));
    expect(await text(page, '[data-field="usableEnergyKWh"]')).toContain('-5');
    // the declaration still shows the saved details, and after a reload so does the form
    expect(await text(page, '[data-testid="total-kwh"]')).toBe('0.2547');
    await page.goto('about:blank');
    await page.goto(url);
    await page.waitForSelector('[data-testid="battery-declaration"]');
    expect(await page.inputValue('[data-testid="bf-usableEnergyKWh"]')).toBe('75');
    // a good change is saved: 10-year warranty, the shorter km term (8 years) still applies
    await page.click('[data-testid="battery-details"] summary');
    await page.fill('[data-testid="bf-warrantyYears"]', '10');
    await page.click('[data-action="save-battery"]');
    await page.waitForSelector('[data-testid="battery-saved"]');
    expect(await text(page, '[data-testid="e-total"]')).toBe('36,000');
    await context.close();
  });

  it('the battery packs as columns of the Compare view', async () => {
    const context = await browser().newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${base}?lang=en#/compare`);
    await page.selectOption('[data-testid="compare-dataset"]', `sample:${NMC}`);
    await page.locator('[data-pack="eu-battery-cf"]').check();
    await page.locator('[data-pack="cn-miit-battery"]').check();
    await page.waitForSelector('[data-testid="battery-kwh-eu-battery-cf"]');
    expect(await text(page, '[data-testid="battery-kwh-eu-battery-cf"]')).toBe('0.2547');
    expect(await text(page, '[data-testid="battery-kwh-cn-miit-battery"]')).toBe('0.2476');
    expect(await text(page, '[data-testid="total-eu-battery-cf"]')).toBe('9,169.663');
    await context.close();
  });
});

/**
 * Browser journeys in zh, en and ar (Debian Chromium through the playwright library, against the production
 * build served by test/e2e/setup.ts): open the aluminium sample, convert it to CBAM, see the SEE, download the
 * documents, reload and find the edits kept, type a bad value and read the translated error beside the field.
 * Every request must stay on the app's origin and the console must stay free of errors.
 */
import { describe, it, expect, inject } from 'vitest';
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { guard, download, root, out, locale, get, literal } from './browser';
import { sharedBrowser } from './suite';

const base = inject('baseURL');
const origin = new URL(base).origin;

const SAMPLE = 'aluminium-ingot-ningxia.json';
const OFFICIAL = join(root, '..', 'shared', 'cbam', 'official');
const TEMPLATE = join(OFFICIAL, 'CBAM Communication template for installations_en_20241213.xlsx');
const XSD = join(OFFICIAL, 'QReport_17.03.xsd');
const PRODUCT: Record<string, string> = { zh: '原铝锭', en: 'Primary aluminium ingot', ar: 'سبائك الألومنيوم الأولي' };

const browser = sharedBrowser();

for (const lng of ['zh', 'en', 'ar'] as const) {
  describe(`journey in ${lng}`, () => {
    it('aluminium sample → CBAM → SEE → template, XML, JSON; edits survive a reload; bad value gets a translated error beside the field', async () => {
      const context = await browser().newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      const g = guard(context, origin);
      const page = await context.newPage();
      const ui = locale(lng, 'ui');
      const core = locale(lng, 'core');

      await page.goto(`${base}?lang=${lng}#/`);
      await page.waitForSelector('[data-task="screen"]');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lng === 'ar' ? 'rtl' : 'ltr');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lng === 'zh' ? 'zh-CN' : lng);
      expect(await page.textContent('h1')).toBe(get(ui, 'home.title'));
      if (lng === 'ar') await page.screenshot({ path: join(out, 'ar-home.png'), fullPage: true });

      // open the aluminium sample straight into the CBAM result
      await page.goto(`${base}?lang=${lng}#/samples`);
      await page.click(`[data-sample="${SAMPLE}"] [data-action="cbam"]`);
      await page.waitForSelector('[data-testid="footprint-total"]');
      expect(await page.textContent('[data-testid="result-product"]')).toContain(PRODUCT[lng]);
      const datasetId = /#\/cbam\/([^?]+)/.exec(page.url())![1]!;

      // the CBAM conversion: SEE, dropped lines with reasons and legal references
      await page.waitForSelector('[data-testid="see-counted"]');
      const seeShown = (await page.textContent('[data-testid="see-counted"]'))!.trim();
      const dropped = page.locator('[data-testid="dropped-lines"] tbody tr');
      expect(await dropped.count()).toBeGreaterThan(0);
      for (const cell of await dropped.locator('td:nth-child(3)').allTextContents()) expect(cell.trim().length).toBeGreaterThan(5);
      for (const cell of await dropped.locator('td:nth-child(4)').allTextContents()) expect(cell).toMatch(/Regulation|Directive/);

      // the CBAM result as JSON: the SEE shown is the core's figure
      const res = await download(page, '[data-download="result"]');
      const resJson = JSON.parse(res.body.toString('utf8'));
      expect(resJson).toMatchObject({ ok: true, status: 'converted', see: { counted: 'direct' } });
      expect(seeShown).toContain(String(resJson.see.countedValue.value));
      expect(resJson.dropped.length).toBe((await dropped.count()) - resJson.droppedGases.length);

      // the official template (the user's copy) filled, re-read and verified by the core
      const [tpl] = await Promise.all([page.waitForEvent('download'), page.setInputFiles('[data-testid="template-input"]', TEMPLATE)]);
      const tplBody = readFileSync((await tpl.path())!);
      expect(tpl.suggestedFilename()).toMatch(/\.xlsx$/);
      expect(tplBody.subarray(0, 2).toString('latin1')).toBe('PK');
      await expect.poll(() => page.getAttribute('[data-testid="doc-message"]', 'data-ok')).toBe('true');

      // the transitional quarterly report XML, valid against the Commission's XSD
      for (const [k, v] of Object.entries({
        eori: 'DE123456789012345',
        name: 'Example Importer GmbH',
        country: 'DE',
        city: 'Hamburg',
        nca: 'DE',
        place: 'Hamburg',
        signatory: 'A. Person',
        position: 'Manager',
      }))
        await page.fill(`[data-xml="${k}"]`, v);
      const xml = await download(page, '[data-download="xml"]');
      const xmlPath = join(out, `qreport-${lng}.xml`);
      writeFileSync(xmlPath, xml.body);
      execFileSync('xmllint', ['--noout', '--schema', XSD, xmlPath], { stdio: 'pipe' });

      // downloads: dataset and footprint JSON
      const ds = await download(page, '[data-download="dataset"]');
      expect(ds.name).toMatch(/\.carbonbridge\.json$/);
      expect(JSON.parse(ds.body.toString('utf8'))).toMatchObject({ format: 'carbonbridge.dataset', product: { cnCode: '7601 10 00' } });
      const fp = await download(page, '[data-download="footprint"]');
      const fpJson = JSON.parse(fp.body.toString('utf8'));
      expect(fpJson.kind).toBe('carbonbridge.footprint-result');
      expect(fpJson.lines).toHaveLength(10);
      if (lng === 'ar') await page.screenshot({ path: join(out, 'ar-result.png'), fullPage: true });

      // edit in the editor; autosave (no save button) keeps it across a reload
      await page.goto(`${base}?lang=${lng}#/editor/${datasetId}`);
      const desc = page.locator('[data-field="inventory.0.description"] input');
      await desc.fill(`edited in ${lng}`);
      await page.waitForSelector('[data-status="saved"]');
      await page.reload();
      await expect.poll(() => desc.inputValue(), { timeout: 10_000 }).toBe(`edited in ${lng}`);

      // undo restores the previous value
      const amount = page.locator('[data-field="inventory.0.activity.amount"] input');
      const before = await amount.inputValue();
      await amount.fill('abc');
      const err = page.locator('[data-error-for="inventory.0.activity.amount"]');
      await expect.poll(() => err.textContent(), { timeout: 5_000 }).toContain(literal(get(core, 'validation.notANumber')));
      expect(await amount.getAttribute('aria-invalid')).toBe('true');
      if (lng === 'ar') await page.screenshot({ path: join(out, 'ar-editor.png'), fullPage: true });
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.click('[data-action="undo"]');
      await expect.poll(() => amount.inputValue()).toBe(before);
      await expect.poll(() => err.count()).toBe(0);

      expect(g.foreign, 'requests to another origin').toEqual([]);
      expect(g.consoleErrors, 'console errors').toEqual([]);
      await context.close();
    });
  });
}

describe('language switch and import', () => {
  it('switches language at any time and keeps it in the address', async () => {
    const context = await browser().newContext();
    const g = guard(context, origin);
    const page = await context.newPage();
    await page.goto(`${base}?lang=en#/library`);
    await page.waitForSelector('#lib-glossary');
    await page.click('[data-lang="ar"]');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ar');
    expect(await page.textContent('h1')).toBe(get(locale('ar', 'ui'), 'library.title'));
    await page.click('[data-lang="zh"]');
    await expect.poll(() => page.textContent('h1')).toBe(get(locale('zh', 'ui'), 'library.title'));
    // Latin digits by default; Arabic-Indic digits on request in the settings
    await page.goto(`${base}?lang=ar#/cost`);
    await page.waitForSelector('[data-testid="certificates"]');
    expect(await page.textContent('[data-testid="certificates"]')).toMatch(/^[\d.,]+$/);
    await page.goto(`${base}?lang=ar#/settings`);
    await page.check('[data-digits="arab"]');
    await page.goto(`${base}?lang=ar#/cost`);
    await page.waitForSelector('[data-testid="certificates"]');
    expect(await page.textContent('[data-testid="certificates"]')).toMatch(/^[\u0660-\u0669\u066B\u066C]+$/);
    expect(g.foreign).toEqual([]);
    expect(g.consoleErrors).toEqual([]);
    await context.close();
  });

  it('refuses an invalid dataset file with the reason and changes nothing', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${base}?lang=en#/datasets`);
    await page.waitForSelector('[data-action="new"]');
    const count = () =>
      page.evaluate(
        () =>
          new Promise<number>((res) => {
            const r = indexedDB.open('carbonbridge');
            r.onsuccess = () => {
              const tx = r.result.transaction('datasets');
              const c = tx.objectStore('datasets').count();
              c.onsuccess = () => res(c.result);
            };
          }),
      );
    const n0 = await count();
    const sample = JSON.parse(readFileSync(join(root, 'public', 'samples', SAMPLE), 'utf8'));
    sample.inventory[2].activity.amount = -5;
    await page.setInputFiles('[data-action="import"]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sample)) });
    const refused = page.locator('[data-testid="import-refused"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('bad.json');
    expect(await refused.textContent()).toContain('AL-03');
    expect(await count()).toBe(n0);
    // a valid file is accepted and opens in the editor
    sample.inventory[2].activity.amount = 5;
    await page.setInputFiles('[data-action="import"]', { name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sample)) });
    await page.waitForURL(/#\/editor\//);
    expect(await count()).toBe(n0 + 1);
    await context.close();
  });
});

describe('print', () => {
  it.each(['ar', 'zh'] as const)('prints the result as an A4 PDF with the right text (%s)', async (lng) => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${base}?lang=${lng}#/samples`);
    await page.click(`[data-sample="${SAMPLE}"] [data-action="cbam"]`);
    await page.waitForSelector('[data-testid="footprint-total"]');
    await page.waitForSelector('[data-testid="see-counted"]');
    const see = /[\d.]+/.exec((await page.textContent('[data-testid="see-counted"]'))!)![0];
    await page.evaluate(() => document.fonts.ready);
    const pdfPath = join(out, `result-${lng}.pdf`);
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    expect(existsSync(pdfPath)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const ui = locale(lng, 'ui');
    // pdftotext returns Arabic presentation forms, lam-alef ligatures split in visual order and bidi marks:
    // compare letters only, with alef/lam/hamza forms and diacritics removed, word by word
    const norm = (s: string) =>
      s
        .normalize('NFKC')
        .replace(/[\u064B-\u065F\u0670\u200E\u200F\u202A-\u202E\u061C]/g, '')
        .replace(/[\u0627\u0623\u0625\u0622\u0644]/g, '')
        .replace(/\s+/g, '');
    const plain = norm(text);
    const has = (needle: string) =>
      needle
        .split(/\s+/)
        .map(norm)
        .filter((w) => w.length > 1)
        .every((w) => plain.includes(w) || plain.includes([...w].reverse().join('')));
    expect(has(PRODUCT[lng]!)).toBe(true);
    expect(has(get(ui, 'result.title'))).toBe(true);
    expect(has(get(locale(lng, 'glossary'), 'directEmissions.term'))).toBe(true);
    expect(text).toContain('7601');
    expect(text).toContain('cn-gbt24067-2024');
    expect(text).toContain('eu-cbam-definitive');
    expect(text).toContain(see);
    expect(Number(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1])).toBeGreaterThan(1);
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
    expect(text).not.toContain(get(ui, 'nav.library'));
    await context.close();
  });
});

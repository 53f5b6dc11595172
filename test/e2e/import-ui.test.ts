/**
 * The Import view in zh, en and ar (Debian Chromium, production build served by test/e2e/setup.ts):
 *  - download the input workbook of a sample from the editor, import it back through the Import view, and find a
 *    saved dataset identical to the original (the core's checked form of it);
 *  - import a generic CSV with Chinese headers through the mapping screen into a sample base: suggestions
 *    preselected, one edited, a row-level error translated with its fix, the valid rows confirmed and saved;
 *    the mapping is remembered for the next file of the same shape;
 *  - a corrupt .xlsx, a file of the wrong type and an over-size file give translated errors; nothing is saved.
 * Every request stays on the app's origin; the console stays free of errors.
 */
import { describe, it, expect, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { AxeBuilder } from '@axe-core/playwright';
import { guard, download, root, out, locale, get, literal } from './browser';
import { sharedBrowser } from './suite';
import { hasSoffice, resaveWithLibreOffice } from '../helpers/office';
import { SHARED, sharedFile } from '../helpers/tools';
import { validateDataset } from '../../src/core/model/validate';
import { fillOfficialTemplate } from '../../src/core/cbam/docs/template';
import { computeSee } from '../../src/core/cbam/docs/see';
import { parseCbamDocData } from '../../src/core/cbam/docs/parse';

const base = inject('baseURL');
const origin = new URL(base).origin;

const SAMPLE = 'aluminium-ingot-ningxia.json';
const SAMPLE_LINES = 10;
const PRODUCT: Record<string, string> = { zh: '原铝锭', en: 'Primary aluminium ingot', ar: 'سبائك الألومنيوم الأولي' };
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A consultant's sheet of lines with Chinese titles; row 3 has a bad activity amount. */
const CSV =
  [
    '描述,阶段,类别,活动数据,单位,排放因子,排放因子单位,气体,数据来源,备注',
    '外购电力（补充）,生产,电力,1200,MWh,0.5703,tCO2/MWh,CO2,生态环境部 2022,内部备注',
    '天然气,生产,燃料燃烧,abc,Nm3,2.16,kgCO2/Nm3,CO2,IPCC 2006,',
    '原料运输,原材料获取,运输,300,t·km,0.1,kgCO2e/t·km,CO2e,CLCD 0.8,',
  ].join('\n') + '\n';

const browser = sharedBrowser();

type Row = { id: string; name: string; origin: string; data: any } | undefined;
const readRow = (page: Page, id: string): Promise<Row> =>
  page.evaluate(
    (id) =>
      new Promise<Row>((res, rej) => {
        const r = indexedDB.open('carbonbridge');
        r.onerror = () => rej(r.error);
        r.onsuccess = () => {
          const q = r.result.transaction('datasets').objectStore('datasets').get(id);
          q.onsuccess = () => {
            res(q.result);
            r.result.close();
          };
        };
      }),
    id,
  );
const countRows = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((res) => {
        const r = indexedDB.open('carbonbridge');
        r.onsuccess = () => {
          const q = r.result.transaction('datasets').objectStore('datasets').count();
          q.onsuccess = () => {
            res(q.result);
            r.result.close();
          };
        };
      }),
  );

async function chooseFile(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.setInputFiles('[data-testid="import-file"]', { name, mimeType, buffer });
}

for (const lng of ['zh', 'en', 'ar'] as const) {
  describe(`import view in ${lng}`, () => {
    it('input workbook round trip from the editor; generic CSV through the mapping screen into a sample; corrupt and wrong files refused', async () => {
      const context = await browser().newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      const g = guard(context, origin);
      const page = await context.newPage();
      const ui = locale(lng, 'ui');
      const imp = locale(lng, 'import');
      const iv = (k: string) => get(ui, `importView.${k}`);

      // ---- the home page links to the Import view and offers the empty workbook
      await page.goto(`${base}?lang=${lng}#/`);
      await page.waitForSelector('[data-action="import-spreadsheet"]');
      expect((await page.textContent('[data-action="import-spreadsheet"]'))!.trim()).toBe(iv('links.home'));
      const empty = await download(page, '[data-action="download-empty-workbook"]');
      expect(empty.name).toMatch(/\.xlsx$/);
      expect(empty.body.subarray(0, 2).toString('latin1')).toBe('PK');

      // ---- 1. sample → editor → download input workbook → Import view → identical dataset
      await page.goto(`${base}?lang=${lng}#/samples`);
      await page.click(`[data-sample="${SAMPLE}"] [data-action="open"]`);
      await page.waitForURL(/#\/editor\//);
      const originalId = /#\/editor\/([^?]+)/.exec(page.url())![1]!;
      await page.waitForSelector('[data-action="download-workbook"]');
      expect((await page.textContent('[data-action="download-workbook"]'))!.trim()).toBe(iv('editor.download'));
      const wb = await download(page, '[data-action="download-workbook"]');
      expect(wb.name).toMatch(/\.input-workbook\.xlsx$/);
      expect(wb.body.subarray(0, 2).toString('latin1')).toBe('PK');
      const original = await readRow(page, originalId);
      const expected = validateDataset(original!.data).dataset!;
      expect(expected.inventory).toHaveLength(SAMPLE_LINES);

      // the datasets list links to the Import view
      await page.goto(`${base}?lang=${lng}#/datasets`);
      await page.click('[data-action="import-spreadsheet"]');
      await page.waitForURL(/#\/import/);
      await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' });
      expect(await page.textContent('h1')).toBe(iv('title'));

      const n0 = await countRows(page);
      await chooseFile(page, wb.name, XLSX_MIME, wb.body);
      await page.waitForSelector('[data-testid="workbook-summary"]');
      if (lng === 'ar') await page.screenshot({ path: join(out, 'ar-import-workbook.png'), fullPage: true });
      expect(await page.textContent('[data-kind="workbook"]')).toBe(get(imp, 'kind.workbook'));
      expect(await page.textContent('[data-testid="workbook-product"]')).toContain(PRODUCT[lng]);
      expect(await page.locator('[data-testid="workbook-lines"] tbody tr').count()).toBe(SAMPLE_LINES);
      // nothing saved before the user confirms
      expect(await countRows(page)).toBe(n0);
      if (lng === 'en') {
        // replacing a saved dataset needs an explicit confirmation
        await page.check('[data-target="existing"]');
        await page.selectOption('[data-testid="target-select"]', originalId);
        expect(await page.isDisabled('[data-action="confirm-import"]')).toBe(true);
        await page.check('[data-testid="confirm-replace"]');
        expect(await page.isDisabled('[data-action="confirm-import"]')).toBe(false);
        await page.check('[data-target="new"]');
        expect(await page.isDisabled('[data-action="confirm-import"]')).toBe(false);
      }
      expect((await page.textContent('[data-action="confirm-import"]'))!.trim()).toBe(iv('save.confirm'));
      await page.click('[data-action="confirm-import"]');
      const saved = page.locator('[data-testid="import-saved"]');
      await saved.waitFor();
      const wbId = (await saved.getAttribute('data-id'))!;
      expect(wbId).not.toBe(originalId);
      expect(await countRows(page)).toBe(n0 + 1);
      const imported = await readRow(page, wbId);
      expect(imported!.origin).toBe('import');
      expect(imported!.data).toEqual(expected);
      expect(imported!.data.inventory).toEqual(expected.inventory);
      expect(validateDataset(imported!.data).dataset).toEqual(validateDataset(original!.data).dataset);
      // the original is untouched
      expect((await readRow(page, originalId))!.data).toEqual(original!.data);

      // ---- 2. a generic CSV with Chinese headers, through the mapping screen, into a sample base
      await page.goto(`${base}?lang=${lng}#/import`);
      await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' });
      await chooseFile(page, 'consultant-annex.csv', 'text/csv', Buffer.from(CSV, 'utf8'));
      await page.waitForSelector('[data-testid="mapping-table"]');
      expect(await page.textContent('[data-kind="generic"]')).toBe(get(imp, 'kind.generic'));
      expect(await page.isVisible('[data-testid="encoding"]')).toBe(true);
      // suggestions preselected from the Chinese titles
      const mapped = async (col: string) => page.locator(`[data-map-column="${col}"]`).inputValue();
      expect(await mapped('A')).toBe('description');
      expect(await mapped('B')).toBe('stage');
      expect(await mapped('D')).toBe('activity.amount');
      expect(await mapped('E')).toBe('activity.unit');
      expect(await mapped('F')).toBe('factor.value');
      expect(await mapped('G')).toBe('factor.unit');
      expect(await mapped('J')).toBe('notes');
      // the field labels are translated
      expect(await page.locator('[data-map-column="D"] option[value="activity.amount"]').textContent()).toContain(get(imp, 'mapField.activity_amount'));
      // the user edits the mapping: the notes column is not imported; a source year for all rows
      await page.selectOption('[data-map-column="J"]', '');
      await page.locator('.defaults summary').click();
      await page.fill('[data-default="sourceYear"]', '2022');
      await page.locator('[data-default="sourceYear"]').blur();
      await page.waitForSelector('[data-testid="mapping-dirty"]');
      // the base dataset: a sample
      await page.selectOption('[data-testid="base-select"]', `sample:${SAMPLE}`);
      await page.click('[data-action="apply-mapping"]');
      await page.waitForSelector('[data-testid="mapping-saved"]');
      await page.waitForSelector('[data-testid="import-preview"] tr[data-row="3"]');
      expect(await page.getAttribute('[data-testid="import-preview"] tr[data-row="3"]', 'data-ok')).toBe('false');
      expect(await page.getAttribute('[data-testid="import-preview"] tr[data-row="2"]', 'data-ok')).toBe('true');
      // the row-level problem: sheet, row 3, column D, what is wrong and how to fix it, translated
      const bad = page.locator('[data-testid="import-problems"] tr[data-severity="error"][data-row="3"][data-column="D"]');
      expect(await bad.count()).toBe(1);
      expect(await bad.locator('.what').textContent()).toBe(get(imp, 'problem.notANumber').replace('{{value}}', 'abc'));
      expect(await bad.locator('.fix').textContent()).toBe(get(imp, 'fix.typeNumber'));
      expect(await bad.textContent()).toContain('CSV');
      expect(await page.textContent('[data-testid="row-counts"]')).toBe(
        iv('save.rows').replace('{{total}}', '3').replace('{{valid}}', '2').replace('{{rejected}}', '1'),
      );
      expect(await countRows(page)).toBe(n0 + 1);
      // the mapping screen with its preview and report: no serious accessibility violations; a screenshot in Arabic
      const axe = await new AxeBuilder({ page }).analyze();
      expect(
        axe.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id}: ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(' | ')}`,
          ),
      ).toEqual([]);
      if (lng === 'ar') await page.screenshot({ path: join(out, 'ar-import-mapping.png'), fullPage: true });
      // what the amounts refer to is asked before saving (never taken silently from the base)
      expect(await page.isDisabled('[data-action="confirm-import"]')).toBe(true);
      await page.check('[data-basis="per-period"]');
      // confirm: the valid rows only
      expect((await page.textContent('[data-action="confirm-import"]'))!.trim()).toBe(iv('save.validOnly').replace('{{count}}', '2'));
      await page.click('[data-action="confirm-import"]');
      await saved.waitFor();
      const csvId = (await saved.getAttribute('data-id'))!;
      expect(await countRows(page)).toBe(n0 + 2);
      const withLines = (await readRow(page, csvId))!.data;
      expect(withLines.product.name[lng]).toBe(expected.product.name[lng]);
      expect(withLines.inventory).toHaveLength(SAMPLE_LINES + 2);
      expect(withLines.inventory.slice(0, SAMPLE_LINES)).toEqual(expected.inventory);
      const added = withLines.inventory.slice(SAMPLE_LINES);
      expect(added.map((l: any) => l.description)).toEqual(['外购电力（补充）', '原料运输']);
      expect(added.map((l: any) => l.activity)).toEqual([
        { amount: 1200, unit: 'MWh' },
        { amount: 300, unit: 'tkm' },
      ]);
      expect(added.map((l: any) => l.emissions.source.year)).toEqual([2022, 2022]);
      expect(added.every((l: any) => l.notes === undefined)).toBe(true);
      expect(validateDataset(withLines).ok).toBe(true);
      // the saved dataset opens in the editor
      await page.click('[data-action="open-saved"]');
      await page.waitForURL(new RegExp(`#/editor/${csvId}`));
      await page.waitForSelector('[data-testid="dataset-name"]');

      // the mapping is remembered for the next file of the same shape
      await page.goto(`${base}?lang=${lng}#/import`);
      await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' });
      await chooseFile(page, 'next-quarter.csv', 'text/csv', Buffer.from(CSV.replace('1200', '1300'), 'utf8'));
      await page.waitForSelector('[data-testid="mapping-remembered"]');
      expect(await page.textContent('[data-testid="mapping-remembered"] span')).toBe(iv('mapping.remembered'));
      expect(await mapped('J')).toBe('');
      expect(await page.locator('[data-default="sourceYear"]').inputValue()).toBe('2022');
      // forgetting it brings the suggestions back
      await page.click('[data-action="forget-mapping"]');
      await expect.poll(() => mapped('J')).toBe('notes');
      expect(await page.isVisible('[data-testid="mapping-remembered"]')).toBe(false);

      // a CSV written by Chinese Excel (GB18030), detected; the titles read right
      await chooseFile(page, 'gb18030.csv', 'text/csv', readFileSync(join(root, 'test', 'fixtures', 'hostile', 'gb18030.csv')));
      await page.waitForSelector('[data-testid="mapping-table"] tr[data-column="A"] .header-text');
      expect(await page.textContent('[data-testid="mapping-table"] tr[data-column="A"] .header-text')).toBe('名称 Description');
      expect(await page.textContent('[data-testid="import-problems"] tr[data-key="import:info.encoding"] .what')).toContain('gb18030');
      expect(await mapped('D')).toBe('activity.amount');

      // ---- 3. a corrupt .xlsx, a file of the wrong type, a file over the size limit: translated errors
      const corrupt = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(2000, 0x5a)]);
      await chooseFile(page, 'broken.xlsx', XLSX_MIME, corrupt);
      await page.waitForSelector('[data-testid="import-error"]');
      expect(await page.textContent('[data-testid="import-error"]')).toContain(iv('error.title').replace('{{file}}', 'broken.xlsx'));
      const err = page.locator('[data-testid="import-problems"] tr[data-severity="error"]');
      const corruptText = (await err.first().locator('.what').textContent())!;
      expect([get(imp, 'error.corruptZip'), literal(get(imp, 'error.unreadable'))].some((s) => corruptText.includes(s))).toBe(true);
      expect((await err.first().locator('.fix').textContent())!.length).toBeGreaterThan(10);

      await chooseFile(page, 'report.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n%fake\n'));
      await page.waitForSelector('[data-testid="import-problems"] tr[data-key="import:error.notSpreadsheet"]');
      expect(await page.textContent('[data-testid="import-problems"] tr[data-key="import:error.notSpreadsheet"] .what')).toBe(
        get(imp, 'error.notSpreadsheet').replace('{{file}}', 'report.pdf'),
      );
      expect(await page.textContent('[data-testid="import-problems"] tr[data-key="import:error.notSpreadsheet"] .fix')).toBe(get(imp, 'fix.chooseSpreadsheet'));

      if (lng === 'en') {
        await chooseFile(page, 'huge.csv', 'text/csv', Buffer.alloc(21 * 1024 * 1024, 0x41));
        await page.waitForSelector('[data-testid="import-problems"] tr[data-key="import:error.tooLarge"]');
        expect(await page.textContent('[data-testid="import-problems"] tr[data-key="import:error.tooLarge"] .what')).toBe(
          'The file is 21 MB; the limit is 20 MB.',
        );
      }
      expect(await page.isVisible('[data-action="confirm-import"]')).toBe(false);
      expect(await countRows(page)).toBe(n0 + 2);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lng === 'ar' ? 'rtl' : 'ltr');

      expect(g.foreign, 'requests to another origin').toEqual([]);
      expect(g.consoleErrors, 'console errors').toEqual([]);
      await context.close();
    });
  });
}

// ---- a supplier's filled official communication template (needs the user's template copy and LibreOffice to
// calculate it, as the supplier's Excel would)
const TEMPLATE = sharedFile('cbam/official/CBAM Communication template for installations_en_20241213.xlsx');
const haveTemplate = TEMPLATE !== undefined;
/** Let LibreOffice calculate the filled template, as the supplier's Excel would before sending it. */
const recalc = (bytes: Uint8Array): Buffer => Buffer.from(resaveWithLibreOffice(bytes, { recalc: true, timeout: 110_000 })!);

describe.skipIf(!haveTemplate || !hasSoffice)(`import view: supplier template ${SHARED}`, () => {
  it('shows the products\u2019 SEE and the precursor lines that take them; a template never calculated says how to fix it', { timeout: 240_000 }, async () => {
    const supplierData = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'cbam-docs', 'aluminium-installation.json'), 'utf8'));
    const filled = fillOfficialTemplate(new Uint8Array(readFileSync(TEMPLATE!)), supplierData).bytes;
    const calculated = recalc(filled);
    const see = computeSee(parseCbamDocData(supplierData));

    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const g = guard(context, origin);
    const page = await context.newPage();
    const imp = locale('en', 'import');

    // a dataset with a precursor line bought from that supplier (CN 7601 10 10), saved in the browser
    const ds = JSON.parse(readFileSync(join(root, 'public', 'samples', SAMPLE), 'utf8'));
    ds.inventory.push({
      id: 'AL-SUP',
      description: 'Aluminium ingot bought for remelting',
      stage: 'raw-material-acquisition',
      category: 'precursor-material',
      location: 'upstream',
      activity: { amount: 1000, unit: 't' },
      emissions: { kind: 'factors', massUnit: 't', perUnit: 't', gases: { CO2e: 16 }, source: { name: 'Default value (placeholder)' } },
      dataType: 'secondary',
      precursor: { cnCode: '76011010' },
    });
    await page.goto(`${base}?lang=en#/datasets`);
    await page.waitForSelector('[data-action="new"]');
    await page.setInputFiles('[data-action="import"]', { name: 'with-precursor.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ds)) });
    await page.waitForURL(/#\/editor\//);
    const baseId = /#\/editor\/([^?]+)/.exec(page.url())![1]!;

    // from the editor: "import lines" opens the Import view with this dataset as the base
    await page.click('[data-action="import-lines"]');
    await page.waitForURL(/#\/import\?base=/);
    await page.waitForSelector('[data-testid="import-file"]', { state: 'attached' });

    // filled but never calculated: each product reported with the fix
    await page.setInputFiles('[data-testid="import-file"]', { name: 'supplier-uncalculated.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(filled) });
    await page.waitForSelector('[data-testid="supplier-summary"]');
    const notCalc = page.locator('[data-testid="import-problems"] tr[data-key="import:supplier.notCalculated"]');
    expect(await notCalc.count()).toBe(2);
    expect(await notCalc.first().locator('.fix').textContent()).toBe(get(imp, 'fix.recalculate'));
    expect(await page.isDisabled('[data-action="confirm-import"]')).toBe(true);

    // calculated: the SEE of each product, and the precursor line that takes them
    await page.setInputFiles('[data-testid="import-file"]', { name: 'supplier-2025.xlsx', mimeType: XLSX_MIME, buffer: calculated });
    await page.waitForSelector('[data-testid="supplier-products"]');
    expect(await page.textContent('[data-kind="supplier"]')).toBe(get(imp, 'kind.supplier'));
    expect(await page.locator('[data-testid="supplier-products"] tbody tr').count()).toBe(2);
    await page.waitForSelector('[data-testid="supplier-applied"] tr[data-line="AL-SUP"]');
    expect(await page.locator('[data-testid="supplier-applied"] tbody tr').count()).toBe(1);
    expect(await page.textContent('[data-testid="supplier-applied"] tr[data-line="AL-SUP"]')).toContain('7601');
    await page.click('[data-action="confirm-import"]');
    const saved = page.locator('[data-testid="import-saved"]');
    await saved.waitFor();
    const id = (await saved.getAttribute('data-id'))!;
    expect(id).not.toBe(baseId);
    const row = await readRow(page, id);
    const line = row!.data.inventory.find((l: any) => l.id === 'AL-SUP');
    const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
    expect(r4(line.precursor.embedded.direct)).toBe(r4(see.products[0]!.seeDirect));
    expect(r4(line.precursor.embedded.indirect)).toBe(r4(see.products[0]!.seeIndirect));
    expect(line.precursor).toMatchObject({ supplierInstallation: '宁夏示例铝业有限公司', countryOfProduction: 'CN' });
    // the base dataset is untouched (saved as a new dataset)
    expect((await readRow(page, baseId))!.data.inventory.find((l: any) => l.id === 'AL-SUP').precursor.embedded).toBeUndefined();

    expect(g.foreign, 'requests to another origin').toEqual([]);
    expect(g.consoleErrors, 'console errors').toEqual([]);
    await context.close();
  });
});

/**
 * The advisory window in zh, en and ar: three clients (aluminium, cement, battery) with a case each, switching
 * between them (the header names the client and case), offline edits, a one-page A4 handout per case printed by
 * Chromium (pdfinfo: 1 page; pdftotext: client name, SEE, cost), backup → storage cleared → restore → the backup
 * of the restored browser equals the first one. Also: snapshot change detection through the editor, refused
 * backup files leaving the data untouched, keyboard-only creation, and the phone-width list and result.
 */
import { describe, it, expect, inject } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Page, BrowserContext } from 'playwright';
import { guard, out, locale, get, download, literal } from './browser';
import { sharedBrowser } from './suite';
import { hasTool } from '../helpers/tools';
import { AxeBuilder } from '@axe-core/playwright';

const base = inject('baseURL');
const havePdf = hasTool('pdftotext');
const browser = sharedBrowser();

type Lng = 'zh' | 'en' | 'ar';
interface ClientSpec {
  key: string;
  names: { zh: string; en: string; ar: string };
  sector: string;
  sample: string;
  cn: string;
  route?: string;
  euef?: string;
  mass: string;
  cbam: boolean;
}
const CLIENTS: ClientSpec[] = [
  {
    key: 'alu',
    names: { zh: '宁夏银河铝业有限公司', en: 'Ningxia Galaxy Aluminium Co', ar: 'شركة نينغشيا جالاكسي للألمنيوم' },
    sector: 'aluminium',
    sample: 'aluminium-ingot-ningxia.json',
    cn: '7601 10 00',
    route: 'K',
    mass: '1000',
    cbam: true,
  },
  {
    key: 'cem',
    names: { zh: '安徽长江水泥股份公司', en: 'Anhui Changjiang Cement Co', ar: 'شركة آنهوي تشانغجيانغ للأسمنت' },
    sector: 'cement',
    sample: 'cement-grey-portland.json',
    cn: '2523 29 00',
    euef: '0.5',
    mass: '5000',
    cbam: true,
  },
  {
    key: 'bat',
    names: { zh: '深圳储能电池科技公司', en: 'Shenzhen Storage Battery Tech', ar: 'شركة شنتشن لبطاريات التخزين' },
    sector: 'batteries',
    sample: 'lfp-battery-pack.json',
    cn: '8507 60 00',
    mass: '200',
    cbam: false,
  },
];

// pdftotext gives Arabic in presentation forms, split ligatures and bidi marks: compare letters only, word by word
// (punctuation moves around Latin runs in RTL text, so it is dropped too)
const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g, '')
    .replace(/[\u0627\u0623\u0625\u0622\u0644]/g, '')
    .replace(/[:.,،؛()«»“”]/g, '')
    .replace(/\s+/g, '');
const hasWords = (text: string, needle: string) => {
  const plain = norm(text);
  return needle
    .split(/\s+/)
    .map(norm)
    .filter((w) => w.length > 1)
    .every((w) => plain.includes(w) || plain.includes([...w].reverse().join('')));
};
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const pdfText = (pdf: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });

async function createClientWithCase(page: Page, c: ClientSpec, lng: Lng): Promise<{ clientId: string; caseId: string }> {
  await page.goto(`${base}?lang=${lng}#/clients`);
  await page.click('[data-action="new-client"]');
  await page.fill('#nc-zh', c.names.zh);
  await page.fill('#nc-en', c.names.en);
  await page.fill('#nc-ar', c.names.ar);
  await page.selectOption('#nc-sector', c.sector);
  await page.click('[data-action="create-client"]');
  await page.waitForURL(/#\/client\//);
  const clientId = /#\/client\/([^?]+)/.exec(page.url())![1]!;
  await page.fill('#nk-title', `${c.key} 2026`);
  await page.fill('#nk-cn', c.cn);
  await page.fill('#nk-period', '2026');
  await page.click('[data-action="create-case"]');
  await page.waitForURL(/#\/case\//);
  const caseId = /#\/case\/([^?]+)/.exec(page.url())![1]!;
  await page.selectOption('[data-testid="add-sample"]', c.sample);
  await page.click('[data-action="add-sample"]');
  await page.waitForSelector('[data-testid="case-datasets"] li');
  await page.fill('[data-testid="case-mass"]', c.mass);
  await page.fill('[data-testid="case-price"]', '80');
  if (c.route) await page.fill('[data-testid="case-route"]', c.route);
  if (c.euef) await page.fill('[data-testid="case-euef"]', c.euef);
  await page.fill('[data-testid="case-adviser"]', 'Li Wei');
  await page.fill('[data-testid="case-next"]', `${c.key}: meter readings by 15 Jan`);
  await page.click('[data-action="save-case"]');
  if (c.cbam) await page.waitForSelector('[data-testid="case-cost"]');
  else await page.waitForSelector('[data-testid="case-not-cbam"]');
  return { clientId, caseId };
}

async function waitForServiceWorker(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state), { timeout: 30_000 }).toBe('activated');
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
}

async function backupFile(page: Page, lng: Lng, name: string): Promise<any> {
  await page.goto(`${base}?lang=${lng}#/settings`);
  await page.waitForSelector('[data-action="backup"]');
  const f = await download(page, '[data-action="backup"]');
  expect(f.name).toMatch(/^carbonbridge-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await page.waitForSelector('[data-testid="backup-done"]');
  writeFileSync(join(out, name), f.body);
  return JSON.parse(f.body.toString('utf8'));
}

describe('advisory window', () => {
  it.each(['zh', 'en', 'ar'] as const)('three clients, switching, offline edits, one-page handouts, backup → clear → restore identical (%s)', async (lng) => {
    const context: BrowserContext = await browser().newContext();
    const g = guard(context, new URL(base).origin);
    const page = await context.newPage();
    await page.goto(`${base}?lang=${lng}#/clients`);
    await waitForServiceWorker(page);
    const ids: Record<string, { clientId: string; caseId: string }> = {};
    for (const c of CLIENTS) ids[c.key] = await createClientWithCase(page, c, lng);

    // the list finds each by a piece of its name in any language; opening one makes it current in the header
    await page.goto(`${base}?lang=${lng}#/clients`);
    await expect.poll(() => page.locator('[data-testid="client-list"] li').count()).toBe(3);
    for (const c of CLIENTS) {
      await page.fill('[data-testid="client-search"]', c.names.zh.slice(2, 6));
      await expect.poll(() => page.locator('[data-testid="client-list"] li').count()).toBe(1);
      await page.click(`[data-client="${ids[c.key]!.clientId}"] a.name`);
      await page.waitForURL(/#\/client\//);
      await expect.poll(() => page.textContent('[data-testid="current-client"]')).toBe(c.names[lng]);
      await page.click('[data-testid="case-list"] a');
      await expect.poll(() => page.textContent('[data-testid="current-case"]')).toBe(`${c.key} 2026`);
      await page.goto(`${base}?lang=${lng}#/clients`);
    }
    // a dataset opened from elsewhere shows its client and case too
    await page.goto(`${base}?lang=${lng}#/datasets`);
    await page.waitForSelector('[data-testid="dataset-client"] a');
    expect(await page.locator('[data-testid="dataset-client"]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(CLIENTS[1]!.names[lng])]),
    );

    // offline: edit the next steps of every case
    await context.setOffline(true);
    for (const c of CLIENTS) {
      await page.goto(`${base}?lang=${lng}#/case/${ids[c.key]!.caseId}`);
      await expect.poll(() => page.textContent('[data-testid="case-title"] bdi')).toBe(`${c.key} 2026`);
      await page.fill('[data-testid="case-next"]', `${c.key}: meter readings by 15 Jan\n${c.key}: supplier declaration (offline)`);
      await page.click('[data-action="save-case"]');
      await page.waitForSelector('[data-testid="case-form"] [role="status"]');
      await expect.poll(() => page.inputValue('[data-testid="case-next"]')).toContain('(offline)');
    }

    // one A4 page per case, printed by the browser
    for (const c of CLIENTS) {
      await page.goto(`${base}?lang=${lng}#/handout/${ids[c.key]!.caseId}?hl=${lng}`);
      await expect.poll(() => page.textContent('[data-testid="handout-client"]')).toBe(c.names[lng]);
      expect(await page.textContent('[data-testid="handout-next"]')).toContain('(offline)');
      await page.evaluate(() => document.fonts.ready);
      const pdf = join(out, `handout-${lng}-${c.key}.pdf`);
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      if (!havePdf) continue;
      expect(pages(pdf)).toBe(1);
      const text = pdfText(pdf);
      expect(hasWords(text, c.names[lng]), `${c.key} name in ${lng}`).toBe(true);
      if (c.cbam) {
        const see = (await page.locator('[data-testid="handout-see"] tr.strong td').textContent())!.trim();
        expect(Number(see.replace(/[^\d.]/g, ''))).toBeGreaterThan(0);
        expect(norm(text)).toContain(norm(see));
        const cost = (await page.locator('[data-testid="handout-cost"] tbody tr td').nth(1).textContent())!.trim();
        expect(cost).toMatch(/\d.*EUR/);
        expect(norm(text)).toContain(norm(cost));
      } else {
        expect(hasWords(text, get(locale(lng, 'advisory'), 'handout.notCbam'))).toBe(true);
      }
    }
    // two languages side by side
    await page.goto(`${base}?lang=${lng}#/handout/${ids.alu!.caseId}?hl=zh&hl2=${lng === 'ar' ? 'ar' : 'en'}`);
    await page.waitForSelector('[data-testid="handout"].bi');
    const biPdf = join(out, `handout-${lng}-alu-bilingual.pdf`);
    await page.pdf({ path: biPdf, preferCSSPageSize: true, printBackground: true });
    if (havePdf) {
      expect(pages(biPdf)).toBe(1);
      const text = pdfText(biPdf);
      expect(hasWords(text, CLIENTS[0]!.names.zh)).toBe(true);
      expect(hasWords(text, get(locale(lng === 'ar' ? 'ar' : 'en', 'advisory'), 'handout.costTitle'))).toBe(true);
    }

    // backup, clear the browser's storage, restore, back up again: the same file
    const before = await backupFile(page, lng, `backup-${lng}-before.json`);
    expect(before.tables.clients.length).toBe(3);
    expect(before.tables.datasets.length).toBe(3);
    await page.evaluate(async () => {
      localStorage.clear();
      await new Promise<void>((res, rej) => {
        const r = indexedDB.deleteDatabase('carbonbridge');
        r.onsuccess = () => res();
        r.onerror = () => rej(r.error);
      });
    });
    await page.goto(`${base}?lang=${lng}#/clients`);
    await page.reload();
    await page.waitForSelector('[data-testid="client-count"]');
    await expect.poll(() => page.locator('[data-testid="client-list"] li').count()).toBe(0);
    await page.goto(`${base}?lang=${lng}#/settings`);
    await page.setInputFiles('[data-action="restore-file"]', join(out, `backup-${lng}-before.json`));
    await page.click('[data-action="restore"]');
    await page.waitForSelector('[data-testid="backup-done"]');
    const after = await backupFile(page, lng, `backup-${lng}-after.json`);
    expect({ ...after, exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
    await page.goto(`${base}?lang=${lng}#/clients`);
    await expect.poll(() => page.locator('[data-testid="client-list"] li').count()).toBe(3);

    await context.setOffline(false);
    expect(g.foreign).toEqual([]);
    expect(g.consoleErrors, g.consoleErrors.join('\n')).toEqual([]);
    await context.close();
  });

  it('snapshot: a changed inventory amount shows old and new values; handouts lose the hash until a new freeze; the old hash still verifies (en)', async () => {
    const context = await browser().newContext();
    const g = guard(context, new URL(base).origin);
    const page = await context.newPage();
    const { caseId } = await createClientWithCase(page, CLIENTS[0]!, 'en');
    await page.click('[data-action="freeze"]');
    await page.waitForSelector('[data-testid="snapshot-unchanged"]');
    const hash1 = (await page.textContent('[data-testid="snapshot-hash"]'))!.trim();
    expect(hash1).toMatch(/^[0-9a-f]{64}$/);
    await page.goto(`${base}?lang=en#/handout/${caseId}?hl=en`);
    await expect.poll(() => page.textContent('[data-testid="handout-hash"]')).toContain(hash1);

    // change one inventory amount in the editor (AL-08, natural gas)
    await page.goto(`${base}?lang=en#/case/${caseId}`);
    const editorHref = (await page.locator('[data-testid="case-datasets"] li a').first().getAttribute('href'))!;
    await page.goto(`${base}?lang=en${editorHref}`);
    const amount = page.locator('[data-field="inventory.7.activity.amount"] input');
    await amount.waitFor({ timeout: 60_000 });
    const old = await amount.inputValue();
    expect(Number(old)).toBe(4800000);
    await amount.fill('5000000');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.waitForSelector('[data-status="saved"]');
    await page.goto(`${base}?lang=en#/case/${caseId}`);
    await page.waitForSelector('[data-testid="snapshot-changed"]', { timeout: 15_000 });
    const row = page.locator('[data-testid="snapshot-changed"] tr[data-path="datasets[0].data.inventory[7].activity.amount"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('[data-testid="change-before"]').textContent()).toBe('4800000');
    expect(await row.locator('[data-testid="change-after"]').textContent()).toBe('5000000');
    // the result changed with it
    expect(await page.locator('[data-testid="snapshot-changed"] tr[data-path="result.see.direct.value"]').count()).toBe(1);

    // a document made now carries no snapshot hash
    await page.goto(`${base}?lang=en#/handout/${caseId}?hl=en`);
    await expect.poll(() => page.textContent('[data-testid="handout-client"]')).toBe(CLIENTS[0]!.names.en);
    expect(await page.locator('[data-testid="handout-hash"]').count()).toBe(0);

    // the old snapshot still verifies its own content; a new freeze gives a new hash that documents carry
    await page.goto(`${base}?lang=en#/case/${caseId}`);
    await page.click('[data-action="freeze"]');
    await page.waitForSelector('[data-testid="snapshot-unchanged"]');
    const hash2 = (await page.textContent('[data-testid="snapshot-hash"]'))!.trim();
    expect(hash2).not.toBe(hash1);
    await page.click('[data-testid="snapshot"] summary');
    const buttons = page.locator('[data-action="verify-snapshot"]');
    expect(await buttons.count()).toBe(2);
    await buttons.nth(1).click(); // the older one (newest first)
    await expect.poll(() => page.locator('[data-testid="verify-result"]').textContent()).toBe(get(locale('en', 'advisory'), 'snapshot.verifiedOk'));
    await page.goto(`${base}?lang=en#/handout/${caseId}?hl=en`);
    await expect.poll(() => page.textContent('[data-testid="handout-hash"]')).toContain(hash2);
    expect(g.consoleErrors, g.consoleErrors.join('\n')).toEqual([]);
    await context.close();
  });

  it.each(['zh', 'ar'] as const)(
    'refuses a truncated, a future-version and a tampered backup with a translated reason; the data stay untouched (%s)',
    async (lng) => {
      const context = await browser().newContext();
      const page = await context.newPage();
      await createClientWithCase(page, CLIENTS[1]!, lng);
      const good = await backupFile(page, lng, `backup-${lng}-refusals.json`);
      const text = JSON.stringify(good);
      const tampered = structuredClone(good);
      tampered.tables.datasets[0].data.inventory[0].activity.amount += 1;
      const L = locale(lng, 'advisory');
      const cases: [string, string, string][] = [
        ['truncated.json', text.slice(0, Math.floor(text.length / 2)), 'backup.refused.truncated'],
        ['future.json', JSON.stringify({ ...good, formatVersion: 99 }), 'backup.refused.newerVersion'],
        ['tampered.json', JSON.stringify(tampered), 'backup.refused.datasetTampered'],
      ];
      await page.goto(`${base}?lang=${lng}#/settings`);
      for (const [name, body, key] of cases) {
        await page.setInputFiles('[data-action="restore-file"]', { name, mimeType: 'application/json', buffer: Buffer.from(body) });
        const box = page.locator('[data-testid="backup-refused"]');
        await expect.poll(() => box.textContent()).toContain(literal(get(L, key)));
        const msg = (await box.textContent())!;
        expect(msg).toContain(name);
        expect(msg).toContain(get(L, 'backup.untouched'));
        if (key.endsWith('newerVersion')) expect(msg).toContain('99');
        if (key.endsWith('datasetTampered')) expect(msg).toContain(good.tables.datasets[0].id);
        expect(await page.locator('[data-action="restore"], [data-action="restore-merge"]').count()).toBe(0);
      }
      const again = await backupFile(page, lng, `backup-${lng}-refusals-after.json`);
      expect({ ...again, exportedAt: '' }).toEqual({ ...good, exportedAt: '' });
      await context.close();
    },
  );

  it('works from the keyboard alone, and the list and the result fit a phone screen (ar)', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${base}?lang=ar#/clients`);
    await page.waitForSelector('[data-action="new-client"]');
    const focusByTab = async (selector: string) => {
      for (let i = 0; i < 80; i++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await focusByTab('[data-action="new-client"]');
    await page.keyboard.press('Enter');
    await focusByTab('#nc-ar');
    await page.keyboard.type('شركة المفاتيح');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/client\//);
    await focusByTab('#nk-title');
    await page.keyboard.type('keyboard case');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/case\//);
    await focusByTab('[data-testid="add-sample"]');
    await page.keyboard.press('ArrowDown');
    await focusByTab('[data-action="add-sample"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="case-see-counted"]');
    await focusByTab('[data-action="handout"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="handout"]');
    expect(await page.textContent('[data-testid="handout-client"]')).toBe('شركة المفاتيح');

    // axe-core: no serious or critical violations on the list, the client, the case and the handout
    const found: string[] = [];
    const axe = async (label: string) => {
      const r = await new AxeBuilder({ page }).analyze();
      for (const v of r.violations)
        if (v.impact === 'serious' || v.impact === 'critical')
          found.push(
            `${label}: ${v.id} ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
          );
    };
    await axe('handout');
    const caseUrl = page.url().replace(/#\/handout\/([^?]+).*/, '#/case/$1');
    await page.goto(caseUrl);
    await page.waitForSelector('[data-testid="case-see-counted"]');
    await axe('case');
    await page.click('[data-testid="current-client"]');
    await page.waitForSelector('[data-testid="case-list"] a');
    await axe('client');
    await page.goto(`${base}?lang=ar#/clients`);
    await page.waitForSelector('[data-testid="client-list"] li');
    await axe('clients');
    expect(found).toEqual([]);

    await page.setViewportSize({ width: 360, height: 740 });
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);
    await page.goto(`${base}?lang=ar#/clients`);
    await page.waitForSelector('[data-testid="client-list"] li');
    expect(await fits()).toBe(true);
    await page.locator('[data-testid="client-list"] a.name').first().click();
    await page.waitForURL(/#\/client\//);
    await page.locator('[data-testid="case-list"] a').first().click();
    await page.waitForSelector('[data-testid="case-see-counted"]');
    expect(await fits()).toBe(true);
    await page.screenshot({ path: join(out, 'advisory-phone-ar.png'), fullPage: false });
    const box = (await page.locator('[data-testid="case-result"]').boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(360);
    await context.close();
  });
});

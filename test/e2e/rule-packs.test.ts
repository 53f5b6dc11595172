/**
 * Rule packs in the app (Debian Chromium, production build): the Library accepts a pack file — a broken one is refused
 * with the field named and nothing changes; a valid one (the fictional Borduria pack, data only) is stored, shown as
 * user-supplied with its version and status, survives a reload, and is removable. The Compare view puts the UK CBAM
 * beside the EU CBAM for 2027 (direct SEE 1.7324590 for the aluminium sample) and refuses 2026 with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { guard, root, locale, get, literal } from './browser';
import { sharedBrowser } from './suite';

const base = inject('baseURL');
const origin = new URL(base).origin;
const fix = (f: string) => JSON.parse(readFileSync(join(root, 'test/fixtures/fictional-bca-pack/xb-bca', f), 'utf8'));
const packFile = () => ({
  ...fix('pack.json'),
  categories: fix('categories.json').categories,
  cnCodes: fix('cn-codes.json'),
  defaultValues: fix('default-values-cn.json'),
});

const browser = sharedBrowser();

describe('rule packs in the app', () => {
  it('Library: a broken pack is refused naming the field; a valid one is stored, listed as user-supplied, kept after reload, removable', async () => {
    const context = await browser().newContext();
    const g = guard(context, origin);
    const page = await context.newPage();
    const cp = locale('en', 'cbampacks');
    await page.goto(`${base}?lang=en#/library`);
    await page.waitForSelector('[data-testid="user-packs"]');
    expect(await page.textContent('[data-testid="user-packs"]')).toContain(get(cp, 'library.none'));

    const broken = packFile();
    broken.rates[0].value = 'twelve';
    await page.setInputFiles('[data-action="load-pack"]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await page.waitForSelector('[data-testid="pack-error"]');
    expect(await page.textContent('[data-testid="pack-error"]')).toContain('rates.0.value');
    expect(await page.locator('[data-user-pack]').count()).toBe(0);

    await page.setInputFiles('[data-action="load-pack"]', {
      name: 'xb-bca.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(packFile())),
    });
    await page.waitForSelector('[data-user-pack="xb-bca"]');
    const row = (await page.textContent('[data-user-pack="xb-bca"]')) ?? '';
    for (const s of ['xb-bca', '1.0.0', get(cp, 'library.userSupplied')]) expect(row).toContain(s);
    expect(await page.locator('tr[data-pack="xb-bca"] [data-origin="installed"]').count()).toBe(1);

    await page.reload();
    await page.waitForSelector('[data-user-pack="xb-bca"]');
    await page.click('[data-user-pack="xb-bca"] [data-action="remove-pack"]');
    await page.waitForSelector('[data-testid="pack-done"]');
    expect(await page.locator('[data-user-pack]').count()).toBe(0);
    expect(await page.locator('tr[data-pack="uk-cbam"] [data-origin="built-in"]').count()).toBe(1);
    expect(g.foreign).toEqual([]);
    await context.close();
  });

  for (const lng of ['zh', 'en', 'ar'] as const) {
    it(`Compare (${lng}): UK CBAM beside the EU CBAM for 2027; 2026 refused with the reason`, async () => {
      const context = await browser().newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      const cp = locale(lng, 'cbampacks');
      await page.goto(`${base}?lang=${lng}#/compare`);
      await page.waitForSelector('[data-testid="compare-dataset"]');
      await page.selectOption('[data-testid="compare-dataset"]', 'sample:aluminium-ingot-ningxia.json');
      await page.locator('[data-pack="cn-gbt24067-2024"]').check();
      await page.locator('[data-pack="eu-cbam"]').check();
      await page.locator('[data-scheme="uk-cbam"]').check();
      await page.selectOption('[data-testid="compare-period"]', '2027');
      await page.waitForSelector('[data-testid="scheme-uk-cbam"] [data-cause="gases"]');
      const uk = (await page.textContent('[data-testid="scheme-uk-cbam"]')) ?? '';
      expect(uk).toContain(get(cp, 'cause.charge'));
      expect(await page.locator('[data-testid="scheme-uk-cbam"] [data-cause]').count()).toBe(2);
      if (lng === 'en') expect((await page.textContent('[data-testid="see-direct-uk-cbam"]'))?.trim()).toContain('1.732459');
      await page.selectOption('[data-testid="compare-period"]', '2026');
      await page.waitForSelector('[data-testid="scheme-uk-cbam"] [role="alert"]');
      expect(await page.textContent('[data-testid="scheme-uk-cbam"] [role="alert"]')).toContain(literal(get(cp, 'errors.periodBeforeScheme')));
      await context.close();
    });
  }
});

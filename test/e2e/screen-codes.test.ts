/** Screen view (issue 9 defects 5 and 6): whole codes, unknown subheadings with the nearest codes, TARIC variants. */
import { describe, it, expect, inject } from 'vitest';
import { sharedBrowser } from './suite';

const base = inject('baseURL');
const browser = sharedBrowser();

describe('Screen view: codes as the CN has them', () => {
  it('7221 is a CBAM good; 2523 is covered in all its subheadings; 7601 99 99 names the nearest codes; 2523 10 00 90 shows the grey variant with its TARIC code', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const result = async (cn: string, lng = 'en') => {
      await page.goto('about:blank');
      await page.goto(`${base}?lang=${lng}#/screen?cn=${encodeURIComponent(cn)}`);
      return page.waitForSelector('[data-testid="screen-result"]');
    };
    expect(await (await result('7221')).getAttribute('data-status')).toBe('cbam');
    await page.waitForSelector('text=In the Combined Nomenclature 7221 has a single subdivision, 7221 00');

    const all = await result('2523');
    expect([await all.getAttribute('data-status'), await all.getAttribute('data-coverage')]).toEqual(['partial', 'all']);
    expect(await page.textContent('[data-testid="screen-result"] h2')).toBe('2523 is a CBAM good in all its subdivisions.');

    const unknown = await result('7601 99 99', 'zh');
    expect(await unknown.getAttribute('data-status')).toBe('invalid');
    expect(await unknown.textContent()).toContain('不是已知的 CN 编码');
    const nearest = await page.$$eval('[data-testid="screen-nearest"] a', (as) => as.map((a) => a.textContent?.trim()));
    expect(nearest).toEqual(['7601 10 00', '7601 20']);

    expect(await (await result('７６０１-１０-００')).getAttribute('data-status')).toBe('cbam');
    await result('2523 10 00 90');
    const rows = await page.$$eval('table tbody tr', (trs) => trs.map((tr) => tr.querySelector('td')?.textContent ?? ''));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('grey/other');
    expect(rows[0]).toContain('2523 10 00 90');
    await context.close();
  });
});

/**
 * Messages are phrased per interface (issue 10, item 3): the web app never tells the user to type a command-line
 * option ("--route", "--price"); where the CLI's wording names one, the app has a "<key>_ui" wording that names the
 * control on the page, and tm() prefers it.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { tm } from './i18n.svelte';

const root = join(import.meta.dirname, '..', '..');
const load = (l: string, ns: string) => JSON.parse(readFileSync(join(root, 'locales', l, `${ns}.json`), 'utf8'));
function flat(o: unknown, p = ''): [string, string][] {
  if (typeof o === 'string') return [[p, o]];
  if (!o || typeof o !== 'object') return [];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => flat(v, p ? `${p}.${k}` : k));
}
const FLAG = /(^|[\s（(“"])--[a-z]/;
/** Messages the CBAM result and its cost projection show (the conversion's own namespace, and the cost messages). */
const SHOWN: Record<string, (k: string) => boolean> = {
  cbamconvert: (k) => !k.startsWith('cli.') && !k.includes('.cli.'), // cli.* and <feature>.cli.* are the CLI's own
  cbam: (k) => /^(errors\.(routeRequired|priceNeedsQuarter|priceMissing|priceMissingWeekly)|notes\.projectionNoPrice)$/.test(k),
};

describe('no command-line options in the web app’s messages', () => {
  for (const lng of ['zh', 'en', 'ar'])
    it(`${lng}: every message the CBAM result shows that names a CLI option has a UI wording without one`, () => {
      const bad: string[] = [];
      for (const [ns, shown] of Object.entries(SHOWN)) {
        const entries = new Map(flat(load(lng, ns)));
        for (const [k, v] of entries) {
          if (k.endsWith('_ui') || !shown(k) || !FLAG.test(v)) continue;
          const ui = entries.get(`${k}_ui`);
          if (!ui || FLAG.test(ui)) bad.push(`${ns}:${k}`);
        }
      }
      expect(bad).toEqual([]);
    });

  beforeAll(async () => {
    await i18next.init({
      lng: 'zh',
      resources: { zh: { cbam: load('zh', 'cbam'), cbamconvert: load('zh', 'cbamconvert') } },
      interpolation: { escapeValue: false },
    });
  });
  it('tm() phrases a message for the page: the route is chosen in a list, the price typed in its field', () => {
    const route = tm({ key: 'cbam:errors.routeRequired', params: { cn: '7601 10 00', options: 'K, L' } });
    expect(route).not.toMatch(/--/);
    expect(route).toContain('K, L');
    expect(tm({ key: 'cbam:errors.priceMissingWeekly', params: { period: '2027' } })).not.toMatch(/--/);
  });
});

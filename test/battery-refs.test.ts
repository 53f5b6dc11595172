/**
 * Legal references in the battery declaration (issue 10): every act and locator of the battery packs is shown in the
 * reader's language (battery:ref.act.* / battery:ref.clause.*), never as the pack's English text in Chinese or Arabic;
 * no address of an unofficial mirror or code documentation is cited; the lifetime-energy formula is in words.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { batteryPacks } from '../src/core/battery/rules';
import { declarationBody, refKey, refText } from '../src/core/battery/html';
import { declare } from '../src/core/battery/declaration';
import { validateDataset } from '../src/core';
import { allT } from './helpers/i18n';
import { sampleJson } from './helpers/samples';
import { leaks, ownWords } from './helpers/leak-check';
import type { TFunction } from '../src/core/i18n/translate';

/** Every {act, clause, url} of a battery pack (pack.json and battery.json). */
function refs(v: unknown, out: { act: string; clause?: string; url?: string }[] = []) {
  if (Array.isArray(v)) v.forEach((x) => refs(x, out));
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.act === 'string') out.push(o as { act: string; clause?: string; url?: string });
    Object.values(o).forEach((x) => refs(x, out));
  }
  return out;
}

let T: Record<'en' | 'zh' | 'ar', TFunction>;
beforeAll(async () => {
  T = await allT();
});

describe('battery legal references', () => {
  const all = [...batteryPacks().values()].flatMap((p) => refs([p.pack, p.rules]));

  it('the packs have references, each act and locator translated in zh and ar', () => {
    expect(all.length).toBeGreaterThan(20);
    for (const lng of ['zh', 'ar'] as const) {
      const c = { lang: lng, t: T[lng] };
      for (const r of all) {
        expect(T[lng](refKey('act', r.act)), `${lng}: ${r.act}`).not.toMatch(/^(battery:)?ref\./);
        expect(leaks(refText(c, 'act', r.act), lng), `${lng}: ${r.act}`).toEqual([]);
        if (r.clause) expect(leaks(refText(c, 'clause', r.clause), lng), `${lng}: ${r.clause}`).toEqual([]);
      }
    }
  });

  it('an act without a translation is shown as written (never as a key)', () => {
    expect(refText({ lang: 'zh', t: T.zh }, 'act', 'Regulation (EU) 9999/1')).toBe('Regulation (EU) 9999/1');
  });

  it('no unofficial mirror or code documentation is cited', () => {
    for (const r of all) expect(r.url ?? '', r.act).not.toMatch(/docs\.rs|tanwenku|yuhaojiang|xktest|github\.com/);
  });

  it('the declarations of both samples under both packs have no leak in zh and ar', () => {
    const own = ownWords();
    for (const f of ['nmc-ev-battery-pack.json', 'lfp-battery-pack.json']) {
      const raw = sampleJson(f);
      const ds = validateDataset(raw).dataset!;
      for (const pack of batteryPacks().values())
        for (const lng of ['zh', 'ar'] as const) {
          const d = declare(ds, raw.battery, pack, { asOf: '2026-11-28' });
          const html = declarationBody(d, { lang: lng, t: T[lng] });
          // the text without markup (the user's own words, in the sample, are the user's)
          const text = html.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ');
          expect(leaks(text, lng, own), `${f} ${pack.pack.id} ${lng}`).toEqual([]);
          expect(text).not.toMatch(/E_total|FEqC|BoL/);
        }
    }
  });
});

/**
 * Users never see the project's research files, so no text shown to them may point at them ("not found in the
 * reference material", "the reference marks this figure …"): a text says what the user needs — the value is not held
 * by CarbonBridge, so it is not invented, and the act, annex or table where the official figure is published.
 * Checked over every locale string (en, zh, ar, every namespace) and every user-shown field of the rule packs.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonFiles, NOT_SHOWN, strings } from './helpers/pack-texts';

const root = join(import.meta.dirname, '..');

/** The project's research files named as a source, in English, Chinese and Arabic. */
const INTERNAL_WORDING =
  /reference material|our reference|\bthe reference marks\b|research files?|参考资料|参考材料|研究资料|المواد المرجعية|لم يُعثر في المراجع|يصنِّف المرجع/i;
const offenders = (files: string[], shown: (path: string) => boolean): string[] =>
  files.flatMap((f) =>
    strings(JSON.parse(readFileSync(f, 'utf8')))
      .filter(([p, s]) => shown(p) && INTERNAL_WORDING.test(s))
      .map(([p, s]) => `${f.slice(root.length + 1)} ${p}: ${s}`),
  );

describe('no text shown to users names the project’s research files', () => {
  it('the finder catches the old wordings in each language and passes the act-citing ones', () => {
    for (const s of [
      'The EU default electricity factor for CN was not found in the reference material: it is not invented.',
      'The reference marks this figure as uncertain',
      '参考资料中未找到 CN 的欧盟默认电力因子',
      'لم يُعثر في المراجع على المعامل الافتراضي الأوروبي لكهرباء CN',
      'يصنِّف المرجع هذا الرقم على أنه غير مؤكَّد',
    ])
      expect(s).toMatch(INTERNAL_WORDING);
    for (const s of [
      "CarbonBridge does not hold the EU default electricity factor for CN, so it does not invent one: enter the Commission's figure from Implementing Regulation (EU) 2025/2621, Annex II/III.",
      'The first footprint pack chosen is the reference: every other column is compared with it.',
      'سيسأل المراجع عن مدى تمثيله',
    ])
      expect(s).not.toMatch(INTERNAL_WORDING);
  });

  for (const lng of ['en', 'zh', 'ar'])
    it(`locales/${lng}: every namespace`, () => {
      const files = jsonFiles(join(root, 'locales', lng));
      expect(files.length).toBeGreaterThan(10);
      expect(offenders(files, () => true)).toEqual([]);
    });

  it('rule packs: user-shown fields', () => {
    const files = jsonFiles(join(root, 'rules'));
    expect(files.length).toBeGreaterThan(20);
    expect(offenders(files, (p) => !NOT_SHOWN.test(p))).toEqual([]);
  });

  it('the default electricity factor texts name the act to take the figure from', () => {
    for (const lng of ['en', 'zh', 'ar']) {
      const conv = JSON.parse(readFileSync(join(root, 'locales', lng, 'cbamconvert.json'), 'utf8'));
      const elec = JSON.parse(readFileSync(join(root, 'locales', lng, 'elecwording.json'), 'utf8'));
      for (const text of [conv.electricity.euDefaultNotFound, elec.defaultNotFound]) {
        expect(text).toContain('{{act}}');
        expect(text).toContain('{{country}}');
      }
    }
  });
});

/** Electricity texts name the pack's scheme: "EU default" only under the EU CBAM; written so by the conversion itself. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleJson } from '../../../test/helpers/samples';
import { Dataset } from '../model/dataset';
import { convertToCbam, type CbamConversion } from './convert';
import { cbamPack } from './packs';
import { defaultFactorMessage, electricityChoiceLabel } from './scheme-wording';

const al = Dataset.parse(sampleJson('aluminium-ingot-ningxia.json'));
const keysOf = (x: unknown): string[] => JSON.stringify(x).match(/"key":"[a-z]+:[\w.-]+"/g) ?? [];
const EU_WORDED = ['cbamconvert:electricity.euDefaultNotFound', 'cbamconvert:electricity.euDefaultEntered'];
const hasEuWorded = (x: unknown) => keysOf(x).some((k) => EU_WORDED.some((e) => k.includes(e)));

describe('scheme wording of the electricity texts', () => {
  it('UK CBAM 2027: the conversion has no EU-worded electricity message; the jurisdiction is named from the pack', () => {
    const uk = convertToCbam(al, { period: '2027', scheme: 'uk-cbam' }) as CbamConversion;
    expect(uk.ok).toBe(true);
    expect(hasEuWorded(uk)).toBe(false);
    const note = uk.electricity.options.find((o) => o.choice === 'eu-default')!.note;
    expect(note).toEqual({
      key: 'elecwording:defaultNotFound',
      params: { country: 'CN', act: expect.any(String), name_en: 'United Kingdom', name_zh: '英国', name_ar: 'المملكة المتحدة' },
    });
    const f = uk.findings.find((p) => p.message.key.startsWith('elecwording:'));
    expect(f?.message.key).toBe('elecwording:efMissingNotCounted');
    expect(f?.message.params).toMatchObject({ choice: '$t:cbamconvert:electricity.choice.eu-default', name_en: 'United Kingdom' });
    // a factor entered by the user: the UK's words too
    const entered = convertToCbam(al, { period: '2027', scheme: 'uk-cbam', electricity: { euDefaultEf: 0.6 } }) as CbamConversion;
    expect(entered.electricity.options.find((o) => o.choice === 'eu-default')!.note).toMatchObject({
      key: 'elecwording:defaultEntered',
      params: { name_en: 'United Kingdom' },
    });
  });
  it('EU CBAM: its own texts, unchanged (no jurisdiction names added)', () => {
    const eu = convertToCbam(al, { period: '2026' }) as CbamConversion;
    expect(hasEuWorded(eu)).toBe(true);
    expect(keysOf(eu).some((k) => k.includes('elecwording:'))).toBe(false);
    const note = eu.electricity.options.find((o) => o.choice === 'eu-default')!.note;
    expect(note.key).toBe('cbamconvert:electricity.euDefaultNotFound');
    expect(Object.keys(note.params ?? {}).sort()).toEqual(['act', 'country']);
  });
  it('one text: the EU key and params as given under the EU CBAM; the elecwording key with the names under another scheme', () => {
    const params = { choice: '$t:cbamconvert:electricity.choice.eu-default', alternatives: '-' };
    expect(defaultFactorMessage(cbamPack('eu-cbam-definitive'), 'cbamconvert:errors.efMissing', params)).toEqual({
      key: 'cbamconvert:errors.efMissing',
      params,
    });
    expect(defaultFactorMessage(cbamPack('uk-cbam'), 'cbamconvert:errors.efMissing', params)).toEqual({
      key: 'elecwording:efMissing',
      params: { ...params, name_en: 'United Kingdom', name_zh: '英国', name_ar: 'المملكة المتحدة' },
    });
    // a loaded pack: its own jurisdiction name, whatever it is
    const names = { en: 'Xland', zh: 'X国', ar: 'إكس' };
    expect(defaultFactorMessage({ scheme: 'xb-bca', jurisdictionName: names }, 'cbamconvert:errors.choiceNotAllowed', params)).toEqual({
      key: 'elecwording:choiceNotAllowed',
      params: { ...params, name_en: 'Xland', name_zh: 'X国', name_ar: 'إكس' },
    });
  });
  it('labels', () => {
    expect(electricityChoiceLabel('eu-cbam', 'eu-cbam-definitive', 'eu-default')).toEqual({ key: 'cbamconvert:electricity.choice.eu-default' });
    expect(electricityChoiceLabel('uk-cbam', 'uk-cbam', 'eu-default')).toMatchObject({
      key: 'elecwording:choiceDefault',
      params: { name_en: 'United Kingdom' },
    });
    expect(electricityChoiceLabel('uk-cbam', 'uk-cbam', 'actual-ppa')).toEqual({ key: 'cbamconvert:electricity.choice.actual-ppa' });
  });
  it('nothing rewords a conversion afterwards (no walk over its messages in src/)', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files = (d: string): string[] =>
      readdirSync(d).flatMap((f) =>
        statSync(join(d, f)).isDirectory() ? files(join(d, f)) : /\.(ts|svelte)$/.test(f) && !f.endsWith('.test.ts') ? [join(d, f)] : [],
      );
    const all = files(root);
    expect(all.length).toBeGreaterThan(100);
    const hits = all.filter((f) => /\bschemeWorded\b|\bschemeMessage\b/.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(hits).toEqual([]);
  });
});

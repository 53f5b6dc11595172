/** Electricity texts name the pack's scheme: "EU default" only under the EU CBAM. */
import { describe, expect, it } from 'vitest';
import { sampleJson } from '../../../test/helpers/samples';
import { Dataset } from '../model/dataset';
import { convertToCbam, type CbamConversion } from './convert';
import { electricityChoiceLabel, schemeMessage, schemeWorded } from './scheme-wording';

const al = Dataset.parse(sampleJson('aluminium-ingot-ningxia.json'));
const keysOf = (x: unknown): string[] => JSON.stringify(x).match(/"key":"[a-z]+:[\w.-]+"/g) ?? [];
const EU_WORDED = ['cbamconvert:electricity.euDefaultNotFound', 'cbamconvert:electricity.euDefaultEntered'];

describe('scheme wording of the electricity texts', () => {
  it('UK CBAM 2027: no EU-worded electricity message left; the jurisdiction is named from the pack', () => {
    const raw = convertToCbam(al, { period: '2027', scheme: 'uk-cbam' }) as CbamConversion;
    expect(raw.ok).toBe(true);
    expect(keysOf(raw).some((k) => EU_WORDED.some((e) => k.includes(e)))).toBe(true); // the raw conversion says "EU"
    const w = schemeWorded(raw);
    const keys = keysOf(w);
    expect(keys.some((k) => EU_WORDED.some((e) => k.includes(e)))).toBe(false);
    const note = w.electricity.options.find((o) => o.choice === 'eu-default')!.note;
    expect(note).toMatchObject({
      key: 'elecwording:defaultNotFound',
      params: { country: 'CN', name_en: 'United Kingdom', name_zh: '英国', name_ar: 'المملكة المتحدة' },
    });
    const f = w.findings.find((p) => p.message.key.startsWith('elecwording:'));
    expect(f?.message.key).toBe('elecwording:efMissingNotCounted');
    // figures untouched
    expect(w.see).toEqual(raw.see);
  });
  it('EU CBAM: returned as is', () => {
    const eu = convertToCbam(al, { period: '2026' }) as CbamConversion;
    expect(schemeWorded(eu)).toBe(eu);
  });
  it('labels and single messages', () => {
    expect(electricityChoiceLabel('eu-cbam', 'eu-cbam-definitive', 'eu-default')).toEqual({ key: 'cbamconvert:electricity.choice.eu-default' });
    expect(electricityChoiceLabel('uk-cbam', 'uk-cbam', 'eu-default')).toMatchObject({
      key: 'elecwording:choiceDefault',
      params: { name_en: 'United Kingdom' },
    });
    expect(electricityChoiceLabel('uk-cbam', 'uk-cbam', 'actual-ppa')).toEqual({ key: 'cbamconvert:electricity.choice.actual-ppa' });
    const names = { name_en: 'X', name_zh: 'X', name_ar: 'X' };
    // a finding about another choice keeps its wording
    const other = { key: 'cbamconvert:errors.efMissing', params: { choice: '$t:cbamconvert:electricity.choice.actual-ppa', alternatives: '-' } };
    expect(schemeMessage(other, names)).toBe(other);
    expect(
      schemeMessage({ key: 'cbamconvert:errors.efMissing', params: { choice: '$t:cbamconvert:electricity.choice.eu-default', alternatives: '-' } }, names).key,
    ).toBe('elecwording:efMissing');
  });
});

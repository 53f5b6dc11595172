/** Electricity-choice rules: valid and invalid cases. */
import { describe, expect, it } from 'vitest';
import { cbamPack, definitivePack, transitionalPack } from '../packs';
import { choiceVerdict, electricityChoiceIds } from './electricity';
import { ElectricityChoiceRuleSchema } from './schema';

describe('electricity choice rules', () => {
  const cases: Array<[string, () => { rules: { electricity: Parameters<typeof choiceVerdict>[0] } }, string, string, string]> = [
    ['EU default applies everywhere (definitive)', definitivePack, 'eu-default', 'DE', 'applies'],
    ['MEE factor refused in the definitive period', definitivePack, 'cn-mee-national', 'CN', 'not-allowed'],
    ['MEE factor allowed in the transitional period (D.4(b))', transitionalPack, 'cn-mee-ningxia', 'CN', 'applies'],
    ['MEE factor not applicable outside China', transitionalPack, 'cn-mee-national', 'VN', 'not-applicable'],
    ['documented PPA applies', definitivePack, 'actual-ppa', 'CN', 'applies'],
    ['UK pack offers no MEE factor', () => cbamPack('uk-cbam'), 'cn-mee-national', 'CN', 'unknown'],
  ];
  it.each(cases)('%s', (_n, pack, choice, country, verdict) => expect(choiceVerdict(pack().rules.electricity, choice, country)).toBe(verdict));
  it('lists the choices of a pack from its data', () => {
    expect(electricityChoiceIds(definitivePack().rules.electricity)).toEqual([
      'eu-default',
      'cn-mee-national',
      'cn-mee-northwest',
      'cn-mee-ningxia',
      'actual-ppa',
      'actual-direct-line',
    ]);
    expect(electricityChoiceIds(cbamPack('uk-cbam').rules.electricity)).toEqual(['eu-default', 'actual-ppa', 'actual-direct-line']);
  });

  const invalid: Array<[string, unknown, string]> = [
    ['unknown choice', { id: 'grid-average', fn: 'packDefault', options: {}, allowed: true, efSource: 'D.4(a)', legalRef: { act: 'A' } }, 'id'],
    ['unknown D.4 source', { id: 'eu-default', fn: 'packDefault', options: {}, allowed: true, efSource: 'D.5', legalRef: { act: 'A' } }, 'efSource'],
    [
      'country not ISO',
      { id: 'cn-mee-national', fn: 'libraryFactor', options: { countries: ['China'] }, allowed: true, efSource: 'D.4(b)', legalRef: { act: 'A' } },
      'options.countries.0',
    ],
    ['allowed missing', { id: 'eu-default', fn: 'packDefault', options: {}, efSource: 'D.4(a)', legalRef: { act: 'A' } }, 'allowed'],
  ];
  it.each(invalid)('invalid: %s', (_n, rule, field) => {
    const r = ElectricityChoiceRuleSchema.safeParse(rule);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

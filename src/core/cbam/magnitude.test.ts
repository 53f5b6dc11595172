import { describe, it, expect } from 'vitest';
import { magnitudeFindings } from './magnitude';

describe('orders-of-magnitude check of a CBAM result', () => {
  const cases: Array<[string, Parameters<typeof magnitudeFindings>[0], string[]]> = [
    [
      'the aluminium sample (footprint = reported, SEE near the default)',
      { footprintKg: 13217.85, reportedKg: 13217.85, see: 1.732, defaultSee: 2.5, basis: 'per-period' },
      [],
    ],
    [
      'per-tonne lines read as a 400,000 t period',
      { footprintKg: 0.033, reportedKg: 13217.85, see: 0.0000038, defaultSee: 2.5, basis: 'per-period' },
      ['magnitude.reported', 'magnitude.default'],
    ],
    [
      'a whole period read as per tonne',
      { footprintKg: 5.2e9, reportedKg: 13000, see: 690000, defaultSee: 2.5, basis: 'per-functional-unit' },
      ['magnitude.reported', 'magnitude.default'],
    ],
    ['kg read as t: 1,000 times', { see: 1732, defaultSee: 2.5, basis: 'per-functional-unit' }, ['magnitude.default']],
    ['a factor of 9 is not flagged', { see: 9 * 2.5, defaultSee: 2.5, basis: 'per-functional-unit' }, []],
    ['nothing to compare with', { see: 1.7, basis: 'per-functional-unit' }, []],
    ['a counted SEE of zero', { see: 0, defaultSee: 2.5, basis: 'per-functional-unit' }, ['magnitude.zero']],
  ];
  for (const [name, input, ids] of cases)
    it(name, () => {
      const f = magnitudeFindings(input);
      expect(f.map((p) => p.checkId)).toEqual(ids);
      for (const p of f) expect(p.severity).toBe('error');
    });
  it('says how many times smaller, with both figures', () => {
    const [p] = magnitudeFindings({ footprintKg: 0.033, reportedKg: 13217.85, basis: 'per-period' });
    expect(p!.message.key).toBe('cbamconvert:magnitude.reported.smaller');
    expect(p!.message.params).toMatchObject({ computed: 0.033, reported: 13217.9, factor: 400541 });
  });
});

/** Gas rules: a table of valid and invalid cases (RuleTester style) against the committed packs and a minimal rule set. */
import { describe, expect, it } from 'vitest';
import { cbamPack, definitivePack } from '../packs';
import { gasDecision } from './gases';
import { GasRuleSchema } from './schema';

const al = { gases: ['CO2', 'PFC'] as ('CO2' | 'N2O' | 'PFC')[] };
const steel = { gases: ['CO2'] as ('CO2' | 'N2O' | 'PFC')[] };
const nitric = { gases: ['CO2', 'N2O'] as ('CO2' | 'N2O' | 'PFC')[] };

describe('gas rules', () => {
  const d = definitivePack();
  const cases: Array<[string, { gases: ('CO2' | 'N2O' | 'PFC')[] }, string, string, number | null]> = [
    ['fossil CO2 counts at 1', steel, 'CO2_fossil', 'counted', 1],
    ['CF4 counts for aluminium at the AR5 GWP', al, 'CF4', 'counted', 6630],
    ['C2F6 counts for aluminium', al, 'C2F6', 'counted', 11100],
    ['CF4 is dropped for steel', steel, 'CF4', 'dropped', null],
    ['N2O counts for nitric acid', nitric, 'N2O', 'counted', 265],
    ['N2O is dropped for aluminium', al, 'N2O', 'dropped', null],
    ['biogenic CO2 is zero-rated', steel, 'CO2_biogenic', 'zero-rated', null],
    ['methane is dropped', al, 'CH4_fossil', 'dropped', null],
    ['SF6 falls to the catch-all rule', al, 'SF6', 'dropped', null],
  ];
  it.each(cases)('EU definitive: %s', (_n, cat, gas, outcome, gwp) => {
    const r = gasDecision(d.rules.gases, d.constants, cat, gas);
    expect(r.outcome).toBe(outcome);
    if (r.outcome === 'counted') expect(r.gwp.value).toBe(gwp);
    else expect(r.messageKey).toMatch(/^cbamconvert:gas\./);
  });

  it('UK CBAM: PFC counted but the GWP is marked uncertain (GWP set not found)', () => {
    const uk = cbamPack('uk-cbam');
    const r = gasDecision(uk.rules.gases, uk.constants, al, 'CF4');
    expect(r).toMatchObject({ outcome: 'counted', gwp: { value: 6630, uncertain: true } });
  });

  const invalid: Array<[string, unknown, string]> = [
    ['count without gwp', { id: 'x', fn: 'count', options: { gases: ['CO2_fossil'] }, legalRef: { act: 'A' } }, 'options.gwp'],
    ['drop without message', { id: 'x', fn: 'drop', options: { gases: ['CH4_fossil'] }, legalRef: { act: 'A' } }, 'messageKey'],
    ['unknown function', { id: 'x', fn: 'halve', options: { gases: ['CO2_fossil'] }, legalRef: { act: 'A' } }, 'fn'],
    ['no gases', { id: 'x', fn: 'drop', options: { gases: [] }, messageKey: 'a:b', legalRef: { act: 'A' } }, 'options.gases'],
    ['no legal reference', { id: 'x', fn: 'drop', options: { gases: ['N2O'] }, messageKey: 'a:b' }, 'legalRef'],
  ];
  it.each(invalid)('invalid: %s', (_n, rule, field) => {
    const r = GasRuleSchema.safeParse(rule);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

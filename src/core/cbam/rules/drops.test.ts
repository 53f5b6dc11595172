/** Drop rules: valid and invalid cases. */
import { describe, expect, it } from 'vitest';
import { definitivePack } from '../packs';
import { dropDecision } from './drops';
import { DropRuleSchema } from './schema';

describe('drop rules', () => {
  const rules = definitivePack().rules.drops;
  const cases: Array<[string, { stage: string; category: string; location: string }, string | undefined]> = [
    ['use stage', { stage: 'use', category: 'other', location: 'installation' }, 'cbamconvert:drop.use'],
    ['end of life', { stage: 'end-of-life', category: 'waste', location: 'downstream' }, 'cbamconvert:drop.endOfLife'],
    ['transport', { stage: 'raw-material-acquisition', category: 'transport', location: 'upstream' }, 'cbamconvert:drop.transport'],
    ['packaging (boundary)', { stage: 'production', category: 'packaging', location: 'installation' }, 'cbamconvert:drop.packaging'],
    ['downstream waste', { stage: 'production', category: 'waste', location: 'downstream' }, 'cbamconvert:drop.waste'],
    ['upstream electricity', { stage: 'production', category: 'electricity', location: 'upstream' }, 'cbamconvert:drop.upstreamElectricity'],
    ['upstream fuel', { stage: 'production', category: 'fuel-combustion', location: 'upstream' }, 'cbamconvert:drop.upstreamEnergy'],
    ['upstream precursor is kept', { stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream' }, undefined],
    ['installation combustion is kept', { stage: 'production', category: 'fuel-combustion', location: 'installation' }, undefined],
    ['installation electricity is kept', { stage: 'production', category: 'electricity', location: 'installation' }, undefined],
  ];
  it.each(cases)('%s', (_n, line, key) => {
    const d = dropDecision(rules, line);
    expect(d?.messageKey).toBe(key);
    if (d) expect(d.ref.act.length).toBeGreaterThan(0);
  });

  const invalid: Array<[string, unknown, string]> = [
    ['unknown stage', { id: 'x', fn: 'dropLine', options: { stage: ['shipping'] }, messageKey: 'a:b', legalRef: { act: 'A' } }, 'options.stage.0'],
    ['wrong function', { id: 'x', fn: 'keepLine', options: {}, messageKey: 'a:b', legalRef: { act: 'A' } }, 'fn'],
    ['message key without namespace', { id: 'x', fn: 'dropLine', options: {}, messageKey: 'drop', legalRef: { act: 'A' } }, 'messageKey'],
  ];
  it.each(invalid)('invalid: %s', (_n, rule, field) => {
    const r = DropRuleSchema.safeParse(rule);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

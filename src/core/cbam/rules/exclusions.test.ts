/** Exclusion rules: valid and invalid cases. */
import { describe, expect, it } from 'vitest';
import { cbamPack, definitivePack } from '../packs';
import { exclusionsBelow, matchExclusionIn } from './exclusions';
import { ExclusionsSchema } from './schema';

describe('exclusion rules', () => {
  const eu = definitivePack().rules.exclusions;
  const cases: Array<[string, string, string | undefined]> = [
    ['ferro-silicon', '72022100', 'ferroSilicon'],
    ['scrap', '72044100', 'scrap'],
    ['household aluminium', '76151010', 'householdAluminium'],
    ['hot-rolled steel is not excluded', '72083900', undefined],
    ['the longest prefix wins', '72022900', 'ferroSilicon'],
  ];
  it.each(cases)('EU: %s', (_n, code, reason) => expect(matchExclusionIn(eu, code)?.reason).toBe(reason));
  it('EU: exclusions below a heading', () => expect(exclusionsBelow(eu, '3105').map((e) => e.prefix)).toEqual(['310560']));
  it('UK: scrap excluded by its own pack', () => expect(matchExclusionIn(cbamPack('uk-cbam').rules.exclusions, '72041000')?.reason).toBe('scrap'));

  const invalid: Array<[string, unknown, string]> = [
    ['prefix of 5 digits', { source: { act: 'A' }, entries: [{ prefix: '72022', reason: 'x' }] }, 'entries.0.prefix'],
    ['reason with spaces', { source: { act: 'A' }, entries: [{ prefix: '7204', reason: 'not a key' }] }, 'entries.0.reason'],
    ['no source', { entries: [] }, 'source'],
  ];
  it.each(invalid)('invalid: %s', (_n, ex, field) => {
    const r = ExclusionsSchema.safeParse(ex);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

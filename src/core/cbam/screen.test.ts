import { describe, expect, it } from 'vitest';
import { normaliseCn, screenCn } from './screen';

describe('normaliseCn', () => {
  it('accepts 4, 6 or 8 digits with spaces or dots', () => {
    expect(normaliseCn('7601 10 00')).toEqual({ ok: true, cn: { digits: '76011000', printed: '7601 10 00' } });
    expect(normaliseCn('7601.10.00')).toMatchObject({ ok: true, cn: { digits: '76011000' } });
    expect(normaliseCn(' 760110 ')).toMatchObject({ ok: true, cn: { digits: '760110', printed: '7601 10' } });
    expect(normaliseCn('7601')).toMatchObject({ ok: true, cn: { printed: '7601' } });
  });
  it('refuses letters, wrong lengths and empty input with translated errors', () => {
    expect(normaliseCn('76O1 10 00')).toEqual({ ok: false, error: { key: 'cbam:errors.cnNotDigits', params: { input: '76O1 10 00' } } });
    expect(normaliseCn('76011')).toEqual({ ok: false, error: { key: 'cbam:errors.cnLength', params: { input: '76011', count: 5 } } });
    expect(normaliseCn('7601100010')).toMatchObject({ ok: false, error: { key: 'cbam:errors.cnLength' } });
    expect(normaliseCn('  ')).toEqual({ ok: false, error: { key: 'cbam:errors.cnEmpty' } });
  });
});

describe('screenCn', () => {
  it('7601 10 00: unwrought aluminium, CO2 + PFC, direct only, China default 3.000 × 1.1 = 3.3 in 2026', () => {
    const r = screenCn('7601 10 00');
    if (r.status !== 'cbam') throw new Error(r.status);
    expect(r.matched.code).toBe('76011000');
    expect(r.category).toMatchObject({ id: 'unwrought-aluminium', nameKey: 'cbam:categories.unwrought-aluminium', sector: 'aluminium' });
    expect(r.gases).toEqual(['CO2', 'PFC']);
    expect(r.indirectCounted.value).toBe(false);
    expect(r.precursors.map((p) => p.id)).toEqual(['unwrought-aluminium']);
    expect(r.routes.map((p) => p.id)).toEqual(['primary', 'secondary', 'other', 'unknown']);
    expect(r.chinaDefaults).toHaveLength(1);
    expect(r.chinaDefaults[0]).toMatchObject({ cn: '7601', direct: 3, route: 'K', counted: 'direct', countedBase: 3, withMarkup: 3.3, markup: { year: 2026, percent: 10 } });
    expect(r.chinaDefaults[0]!.source.act).toBe('Implementing Regulation (EU) 2025/2621');
  });
  it('mark-up follows the chosen year: 20 % in 2027, 30 % from 2028; fertilisers 1 %', () => {
    const y = (cn: string, period: string) => { const r = screenCn(cn, { period }); return r.status === 'cbam' ? r.chinaDefaults[0]!.withMarkup : null; };
    expect(y('7208 39 00', '2027')).toBe(3.8244);
    expect(y('7208 39 00', '2030-Q2')).toBe(4.1431);
    expect(y('2814 10 00', '2026')).toBe(4.4036);
    expect(y('2814 10 00', '2029')).toBe(4.4036);
  });
  it('cement counts indirect emissions: total 1.42 × 1.1 = 1.562', () => {
    const r = screenCn('2523 29 00');
    if (r.status !== 'cbam') throw new Error(r.status);
    expect(r.indirectCounted.value).toBe(true);
    expect(r.chinaDefaults[0]).toMatchObject({ direct: 1.35, indirect: 0.07, total: 1.42, counted: 'total', withMarkup: 1.562 });
    expect(r.precursors.map((p) => p.id)).toEqual(['cement-clinker', 'calcined-clays']);
  });
  it('ammonia keeps the uncertain indirect note', () => {
    const r = screenCn('2814 10 00');
    if (r.status !== 'cbam') throw new Error(r.status);
    expect(r.indirectCounted).toMatchObject({ value: true, uncertain: true });
    expect(r.notes).toContainEqual({ key: 'cbam:notes.indirectUncertain', params: { category: '$t:cbam:categories.ammonia' } });
  });
  it('clinker has two TARIC variants', () => {
    const r = screenCn('2523 10 00');
    if (r.status !== 'cbam') throw new Error(r.status);
    expect(r.chinaDefaults.map((d) => [d.variant, d.withMarkup])).toEqual([['white', 1.43], ['grey', 1.529]]);
  });
  it('CN 2026 urea codes not in the template list match their 6-digit heading', () => {
    const r = screenCn('3102 10 19');
    if (r.status !== 'cbam') throw new Error(r.status);
    expect(r.matched.code).toBe('310210');
    expect(r.category.id).toBe('urea');
    expect(r.gases).toEqual(['CO2', 'N2O']);
    expect(r.chinaDefaults[0]).toMatchObject({ total: 2.85, withMarkup: 2.8785 });
  });
  it.each([
    ['7202 21 00', 'ferroSilicon'],
    ['7202 29 10', 'ferroSilicon'],
    ['7202 30 00', 'siliconManganese'],
    ['2804 61 00', 'polysilicon'],
    ['2804 69 00', 'silicon'],
    ['7615 10 10', 'householdAluminium'],
    ['7204 41 10', 'scrap'],
    ['3105 60 00', 'fertiliserNoNitrogen'],
    ['8501 10 00', 'notListed'],
  ])('%s is not a CBAM good (%s)', (cn, reason) => {
    const r = screenCn(cn);
    expect(r).toMatchObject({ status: 'not-cbam', reason: { key: `cbam:reasons.${reason}` } });
  });
  it('a 4-digit heading that is only partly covered says so and lists both sides', () => {
    const r = screenCn('7202');
    if (r.status !== 'partial') throw new Error(r.status);
    expect(r.covered.map((c) => c.code)).toContain('72026000');
    expect(r.covered).toHaveLength(12);
    expect(r.excluded.map((e) => e.prefix)).toEqual(expect.arrayContaining(['720221', '720230']));
  });
  it('hydrogen is covered and outside the 50 t threshold', () => {
    const r = screenCn('2804 10 00');
    if (r.status !== 'cbam') throw new Error(r.status);
    expect(r.notes.map((n) => n.key)).toContain('cbam:notes.thresholdNotApplicable');
    expect(r.chinaDefaults[0]!.withMarkup).toBe(29.304);
  });
  it('transitional period: indirect counted for every good, no defaults carried', () => {
    const r = screenCn('7208 39 00', { period: '2025-Q3' });
    if (r.status !== 'cbam') throw new Error(r.status);
    expect(r.pack.id).toBe('eu-cbam-transitional');
    expect(r.indirectCounted.value).toBe(true);
    expect(r.chinaDefaults).toEqual([]);
  });
  it('invalid input', () => {
    expect(screenCn('abc')).toMatchObject({ status: 'invalid', error: { key: 'cbam:errors.cnNotDigits' } });
    expect(screenCn('7601', { period: 'soon' })).toMatchObject({ status: 'invalid', error: { key: 'cbam:errors.periodInvalid' } });
  });
});

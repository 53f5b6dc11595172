import { describe, expect, it } from 'vitest';
import { definitivePack } from './packs';
import { defaultRowFor, normaliseCn, screenCn } from './screen';

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
    expect(normaliseCn('760110001')).toMatchObject({ ok: false, error: { key: 'cbam:errors.cnLength' } });
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
    expect(r.chinaDefaults[0]).toMatchObject({
      cn: '7601',
      direct: 3,
      route: 'K',
      counted: 'direct',
      countedBase: 3,
      withMarkup: 3.3,
      markup: { year: 2026, percent: 10 },
    });
    expect(r.chinaDefaults[0]!.source.act).toBe('Implementing Regulation (EU) 2025/2621');
  });
  it('mark-up follows the chosen year: 20 % in 2027, 30 % from 2028; fertilisers 1 %', () => {
    const y = (cn: string, period: string) => {
      const r = screenCn(cn, { period });
      return r.status === 'cbam' ? r.chinaDefaults[0]!.withMarkup : null;
    };
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
    expect(r.chinaDefaults.map((d) => [d.variant, d.withMarkup])).toEqual([
      ['white', 1.43],
      ['grey', 1.529],
    ]);
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

// issue 9, defect 6: a code the list names only through its subdivisions is not "partial" when every subdivision is covered;
// typed variants of a code are accepted; a subdivision that does not exist is not matched through its heading.
describe('screening: whole codes, typed forms and unknown subdivisions (valid / invalid cases)', () => {
  const whole: Array<[string, string, string, number | null]> = [
    // input, matched list code, category, China default (base, counted) at that level or null
    ['7221', '722100', 'iron-steel-products', 5.59],
    ['7223', '722300', 'iron-steel-products', null],
    ['7303', '730300', 'iron-steel-products', null],
    ['7309', '730900', 'iron-steel-products', 6.655],
    ['7311', '731100', 'iron-steel-products', null],
    ['7609', '76090000', 'aluminium-products', null],
    ['7611', '76110000', 'aluminium-products', null],
    ['7613', '76130000', 'aluminium-products', null],
    ['2808', '28080000', 'nitric-acid', null],
    ['7202 19', '72021900', 'alloys', 5.59],
    ['7202 60', '72026000', 'alloys', 6.15],
    ['2804 10', '28041000', 'hydrogen', 26.64],
    ['2523 10', '25231000', 'cement-clinker', null],
  ];
  it.each(whole)('%s: every subdivision is covered → CBAM good (matched %s, %s)', (cn, code, category, base) => {
    const r = screenCn(cn);
    if (r.status !== 'cbam') throw new Error(`${cn}: ${r.status}`);
    expect(r.matched.code).toBe(code);
    expect(r.category.id).toBe(category);
    if (base !== null) expect(r.chinaDefaults.map((d) => d.countedBase)).toEqual([base]);
  });
  it('7202 19, 7221 and 7309 carry the default rows listed at exactly that level', () => {
    const cnOf = (cn: string) => {
      const r = screenCn(cn);
      return r.status === 'cbam' ? r.chinaDefaults.map((d) => d.cn) : r.status;
    };
    expect([cnOf('7202 19'), cnOf('7221'), cnOf('7309')]).toEqual([['720219'], ['7221'], ['7309']]);
  });
  it('2523 10: both clinker variants', () => {
    const r = screenCn('2523 10');
    if (r.status !== 'cbam') throw new Error(r.status);
    expect(r.chinaDefaults.map((d) => d.variant)).toEqual(['white', 'grey']);
  });
  it('2523: every subheading is a CBAM good, in several categories — not "some"', () => {
    const r = screenCn('2523');
    if (r.status !== 'partial') throw new Error(r.status);
    expect(r.coverage).toBe('all');
    expect(r.reason.key).toBe('cbam:reasons.allCovered');
    expect(r.covered.map((c) => c.code)).toEqual(['25231000', '25232100', '25232900', '25233000', '25239000']);
  });
  const some: Array<[string, number]> = [
    ['7202', 12],
    ['2804', 1],
    ['2507', 1],
    ['2601', 1],
    ['2834', 1],
  ];
  it.each(some)('%s: only some subdivisions are covered → partial, coverage "some"', (cn, count) => {
    const r = screenCn(cn);
    if (r.status !== 'partial') throw new Error(r.status);
    expect(r.coverage).toBe('some');
    expect(r.reason.key).toBe('cbam:reasons.partial');
    expect(r.covered).toHaveLength(count);
  });

  const typed: Array<[string, string]> = [
    ['７６０１１０００', '76011000'],
    ['７６０１ １０ ００', '76011000'],
    ['7601-10-00', '76011000'],
    ['7601–10–00', '76011000'],
    ['٧٦٠١١٠٠٠', '76011000'],
    ['7601．10．00', '76011000'],
    ['2523 10 00 90', '2523100090'],
  ];
  it.each(typed)('accepts "%s" as %s', (input, digits) => {
    expect(normaliseCn(input)).toMatchObject({ ok: true, cn: { digits } });
    expect(screenCn(input).status).toBe('cbam');
  });
  const refused: Array<[string, string]> = [
    ['76O1 10 00', 'cbam:errors.cnNotDigits'],
    ['7601/10/00', 'cbam:errors.cnNotDigits'],
    ['76011', 'cbam:errors.cnLength'],
    ['760110001', 'cbam:errors.cnLength'],
    ['760110001234', 'cbam:errors.cnLength'],
  ];
  it.each(refused)('refuses "%s" (%s)', (input, key) => expect(normaliseCn(input)).toMatchObject({ ok: false, error: { key } }));

  const unknown: Array<[string, string, string[]]> = [
    // input, the code that does not exist, nearest valid codes
    ['7601 99 99', '7601 99', ['7601 10 00', '7601 20']],
    ['7221 55', '7221 55', ['7221 00']],
    ['7221 55 00', '7221 55', ['7221 00']],
    ['2814 30 00', '2814 30', ['2814 10 00', '2814 20 00']],
  ];
  it.each(unknown)('%s is not a known CN code (%s does not exist); nearest codes listed', (input, missing, nearest) => {
    const r = screenCn(input);
    if (r.status !== 'invalid') throw new Error(`${input}: ${r.status}`);
    expect(r.error).toMatchObject({ key: 'cbam:errors.cnUnknown', params: { code: missing } });
    expect(r.nearest?.map((c) => c.printed)).toEqual(nearest);
  });
  const knownBelowHeading: Array<[string, string]> = [
    ['3102 10 19', '310210'], // CN 2026 urea split: in the default-value table, not yet in the template list
    ['3102 10 12', '310210'],
    ['7601 20 20', '76012020'],
    ['7601 10 10', '7601'], // CN 2026 split of 7601 10 00, used by the Commission template's product list
    ['2814 10', '2814'],
  ];
  it.each(knownBelowHeading)('%s exists (matched %s)', (input, code) => {
    const r = screenCn(input);
    if (r.status !== 'cbam') throw new Error(`${input}: ${r.status}`);
    expect(r.matched.code).toBe(code);
  });
  it('2814 10: the only subdivision 2814 10 00 carries the default', () => {
    const r = screenCn('2814 10');
    if (r.status !== 'cbam') throw new Error(r.status);
    expect(r.chinaDefaults.map((d) => d.countedBase)).toEqual([4.36]);
  });
});

// issue 9, defect 5 (lookup side): TARIC codes and a variant choice select one default row.
describe('defaultRowFor: one China default row for a code and an optional variant (valid / invalid cases)', () => {
  const pack = definitivePack();
  const rows: Array<[string, string | undefined, string, string | null, number]> = [
    // input, variant, row CN, row variant, direct
    ['2523 10 00 90', undefined, '25231000', 'grey', 1.35],
    ['2523 10 00 10', undefined, '25231000', 'white', 1.24],
    ['2523100090', 'grey', '25231000', 'grey', 1.35],
    ['2523 10 00', 'white', '25231000', 'white', 1.24],
    ['2523 10 00', 'GREY', '25231000', 'grey', 1.35],
    ['2523 10', 'grey', '25231000', 'grey', 1.35],
    ['2523 90 00 10', undefined, '25239000', 'white', 1.29],
    ['7208 39 00', undefined, '7208', null, 3.187],
    ['7208 39 00 00', undefined, '7208', null, 3.187],
    ['7208 39 00', 'grey', '7208', null, 3.187], // a variant where the table has none is not needed and not used
    ['7221', undefined, '7221', null, 5.59],
    ['7202 19', undefined, '720219', null, 5.59],
    ['３１０２ １０ １９', undefined, '31021019', null, 2.7],
  ];
  it.each(rows)('%s (variant %s) → row %s %s', (cn, variant, rowCn, rowVariant, direct) => {
    const r = defaultRowFor(pack, cn, variant);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect([r.row.cn, r.row.variant, r.row.direct]).toEqual([rowCn, rowVariant, direct]);
  });
  const errors: Array<[string, string | undefined, string]> = [
    ['2523 10 00', undefined, 'cbam:errors.variantRequired'],
    ['2523 10 00', 'black', 'cbam:errors.variantRequired'],
    ['2523 10 00 55', undefined, 'cbam:errors.variantRequired'],
    ['2523 10 00 10', 'grey', 'cbam:errors.variantConflict'],
    ['2523', undefined, 'cbam:reasons.allCovered'],
    ['2814', undefined, 'cbam:errors.defaultNeedsLongerCode'],
    ['7202 21 00', undefined, 'cbam:errors.notCbamGood'],
    ['7601 99 99', undefined, 'cbam:errors.cnUnknown'],
    ['76O1', undefined, 'cbam:errors.cnNotDigits'],
  ];
  it.each(errors)('%s (variant %s) → %s', (cn, variant, key) => {
    const r = defaultRowFor(pack, cn, variant);
    expect(r).toMatchObject({ ok: false, error: { key } });
  });
  it('the error names the variants with their TARIC codes', () => {
    const r = defaultRowFor(pack, '2523 10 00');
    if (r.ok) throw new Error('expected an error');
    expect(r.error.params).toMatchObject({ cn: '2523 10 00', options: 'white (TARIC 2523 10 00 10), grey (TARIC 2523 10 00 90)' });
    expect(r.variants?.map((v) => v.variant)).toEqual(['white', 'grey']);
  });
  it('screening a TARIC code that identifies the variant shows that variant only', () => {
    const r = screenCn('2523 10 00 90');
    if (r.status !== 'cbam') throw new Error(r.status);
    expect(r.chinaDefaults.map((d) => [d.variant, d.taric])).toEqual([['grey', ['2523100090']]]);
    expect(r.notes.map((n) => n.key)).toContain('cbam:notes.variantByTaric');
  });
});

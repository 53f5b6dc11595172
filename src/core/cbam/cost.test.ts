// Worked examples TC10-TC15 of reference/cbam.md §9 (derived by the note from IR 2025/2621, 2025/2620, Dir. 2003/87 Art. 10a(1a), IR 2025/2548).
import { describe, expect, it } from 'vitest';
import { cbamCost, projectCosts, type CostResult } from './cost';
import { rateCost } from './cost-rate';

const ok = (r: ReturnType<typeof cbamCost>): CostResult => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
};

describe('cbamCost default path (China defaults)', () => {
  it('TC10 China HRC 100 t, 2026-Q1: SEE 3.5057, SEFA 1.33575, 2.16995 t/t, 216.995 certificates, EUR 16,352.74', () => {
    const r = ok(cbamCost({ cn: '7208 39 00', origin: 'CN', mass: 100, period: '2026-Q1' }));
    expect(r.path).toBe('default');
    expect(r.defaultValue!.base.value).toBe(3.187);
    expect(r.defaultValue!.markup.value).toBe(0.1);
    expect(r.see.value).toBe(3.5057);
    expect(r.benchmark).toMatchObject({ value: 1.37, column: 'B', route: 'C' });
    expect(r.cbamFactor.value).toBe(0.975);
    expect(r.cscf.value).toBe(1);
    expect(r.sefa.value).toBe(1.33575);
    expect(r.netPerTonne.value).toBe(2.16995);
    expect(r.certificates.value).toBe(216.995);
    expect(r.price).toMatchObject({ value: 75.36, period: '2026-Q1' });
    expect(r.costEur.value).toBe(16_352.74);
    // sources carried
    expect(r.defaultValue!.base.source).toMatchObject({ kind: 'rule', ref: { act: 'Implementing Regulation (EU) 2025/2621' } });
    expect(r.benchmark.source).toMatchObject({ kind: 'rule', ref: { act: 'Implementing Regulation (EU) 2025/2620' } });
    expect(r.cbamFactor.source).toMatchObject({ kind: 'rule', ref: { act: 'Directive 2003/87/EC' } });
    expect(r.price.source).toMatchObject({ kind: 'rule', ref: { act: 'Implementing Regulation (EU) 2025/2548' } });
    expect(r.inputs.mass).toMatchObject({ value: 100, source: { kind: 'user', field: 'mass' } });
    expect(r.uncertainFigures).toContain('cscf');
  });
  it('TC10b same in 2028: SEE 4.1431, SEFA 1.233, 2.9101 t/t → 291.01 certificates', () => {
    const r = ok(cbamCost({ cn: '7208 39 00', origin: 'CN', mass: 100, period: '2028', price: 80 }));
    expect([r.see.value, r.sefa.value, r.netPerTonne.value, r.certificates.value]).toEqual([4.1431, 1.233, 2.9101, 291.01]);
    expect(r.price.source).toEqual({ kind: 'user', field: 'price' });
    expect(r.messages.map((m) => m.key)).toContain('cbam:notes.quarterlyHolding');
  });
  it('TC11 China unwrought Al 1,000 t, 2026-Q2: 1.912575 t/t, 1,912.575 certificates, EUR 143,978.65', () => {
    const r = ok(cbamCost({ cn: '7601 10 00', origin: 'CN', mass: 1000, period: '2026-Q2' }));
    expect(r.see.value).toBe(3.3);
    expect(r.benchmark).toMatchObject({ value: 1.423, route: 'K' });
    expect(r.netPerTonne.value).toBe(1.912575);
    expect(r.certificates.value).toBe(1912.575);
    expect(r.costEur.value).toBe(143_978.65);
    expect(r.price.uncertain).toBe(true); // Q2 price is [likely], single source
    expect(r.messages.map((m) => m.key)).toContain('cbam:notes.priceUncertain');
  });
  it('TC12 China grey cement 1,000 t, 2026-Q3: total 1.42 × 1.1 = 1.562, SEFA 0.64935, 912.65 certificates, EUR 75,129.35', () => {
    const r = ok(cbamCost({ cn: '2523 29 00', origin: 'CN', mass: 1000, period: '2026-Q3' }));
    expect(r.defaultValue!.row.counted).toBe('total');
    expect([r.see.value, r.sefa.value, r.certificates.value, r.costEur.value]).toEqual([1.562, 0.64935, 912.65, 75_129.35]);
  });
  it('TC13 China ammonia 1 t, 2026: 4.36 × 1.01 = 4.4036, SEFA 1.48395, net 2.91965 t/t', () => {
    const r = ok(cbamCost({ cn: '2814 10 00', origin: 'CN', mass: 1, period: '2026-Q1' }));
    expect([r.see.value, r.sefa.value, r.netPerTonne.value]).toEqual([4.4036, 1.48395, 2.91965]);
    expect(r.uncertainFigures).toContain('indirectCounted');
  });
  it('TC14 China urea 1 t, 2026: 2.85 × 1.01 = 2.8785, SEFA 0.87945, net 1.99905 t/t', () => {
    const r = ok(cbamCost({ cn: '3102 10 19', origin: 'CN', mass: 1, period: '2026-Q1' }));
    expect([r.see.value, r.sefa.value, r.netPerTonne.value]).toEqual([2.8785, 0.87945, 1.99905]);
  });
});

describe('cbamCost actual path', () => {
  it('TC15 HRC with verified SEE 2.0 (route C): 0.664 t/t vs 2.170 at default; benchmark treatment uncertain', () => {
    const a = ok(cbamCost({ cn: '7208 39 00', origin: 'CN', mass: 100, period: '2026-Q1', see: 2.0, route: 'C' }));
    const d = ok(cbamCost({ cn: '7208 39 00', origin: 'CN', mass: 100, period: '2026-Q1' }));
    expect(a.path).toBe('actual');
    expect(a.see.source).toEqual({ kind: 'user', field: 'see' });
    expect(Number(a.netPerTonne.value.toFixed(3))).toBe(0.664);
    expect(Number(d.netPerTonne.value.toFixed(3))).toBe(2.17);
    expect(a.benchmark.uncertain).toBe(true);
    expect(a.uncertain).toBe(true);
    expect(a.messages.map((m) => m.key)).toEqual(expect.arrayContaining(['cbam:notes.actualPathBenchmark', 'cbam:notes.actualNeedsVerification']));
  });
  it('works for any origin on the actual path and asks for a route where the benchmark depends on it', () => {
    const r = cbamCost({ cn: '7208 39 00', origin: 'IN', mass: 10, period: '2026-Q1', see: 2.0 });
    expect(r).toMatchObject({ ok: false, severity: 'input', errors: [{ key: 'cbam:errors.routeRequired' }] });
    expect(ok(cbamCost({ cn: '7208 39 00', origin: 'IN', mass: 10, period: '2026-Q1', see: 0.5, route: 'e' })).certificates.value).toBe(4.298);
  });
  it('SEE below SEFA gives zero certificates, never negative', () => {
    const r = ok(cbamCost({ cn: '7208 39 00', origin: 'CN', mass: 10, period: '2026-Q1', see: 1, route: 'C' }));
    expect(r.certificates.value).toBe(0);
    expect(r.messages.map((m) => m.key)).toContain('cbam:notes.netNegative');
  });
});

describe('cbamCost rules and errors', () => {
  it('deducts the carbon price paid (EUR per t of goods) in certificates at the period price, and explains the rules', () => {
    const r = ok(cbamCost({ cn: '7208 39 00', origin: 'CN', mass: 100, period: '2026-Q1', carbonPricePaid: 7.536 }));
    expect(r.carbonPriceDeduction.value).toBe(10); // 100 t × 7.536 / 75.36
    expect(r.certificates.value).toBe(206.995);
    expect(r.costEur.value).toBe(15_599.14);
    expect(r.messages.map((m) => m.key)).toEqual(expect.arrayContaining(['cbam:notes.deductionRules', 'cbam:notes.deductionDefaultPath']));
  });
  it('carbon price defaults to zero', () => {
    const r = ok(cbamCost({ cn: '7208 39 00', origin: 'CN', mass: 100, period: '2026-Q1' }));
    expect(r.carbonPriceDeduction.value).toBe(0);
    expect(r.inputs.carbonPricePaid.value).toBe(0);
  });
  it('asks the user to enter a price that is not published in the pack (never invents one)', () => {
    expect(cbamCost({ cn: '7208 39 00', origin: 'CN', mass: 100, period: '2026-Q4' })).toEqual({
      ok: false,
      severity: 'input',
      errors: [{ key: 'cbam:errors.priceMissing', params: { period: '2026-Q4' } }],
    });
    expect(cbamCost({ cn: '7208 39 00', origin: 'CN', mass: 100, period: '2027-Q1' })).toMatchObject({
      ok: false,
      errors: [{ key: 'cbam:errors.priceMissingWeekly' }],
    });
    expect(cbamCost({ cn: '7208 39 00', origin: 'CN', mass: 100, period: '2026' })).toMatchObject({
      ok: false,
      errors: [{ key: 'cbam:errors.priceNeedsQuarter' }],
    });
  });
  it('a date picks its quarter price', () => {
    expect(ok(cbamCost({ cn: '72083900', origin: 'cn', mass: 100, period: '2026-02-15' })).price.value).toBe(75.36);
  });
  it('the 50 t threshold note depends on the mass and does not apply to hydrogen', () => {
    const small = ok(cbamCost({ cn: '7208 39 00', origin: 'CN', mass: 20, period: '2026-Q1' }));
    expect(small.messages.find((m) => m.key.startsWith('cbam:notes.threshold'))).toEqual({ key: 'cbam:notes.thresholdBelow', params: { t: 50, mass: 20 } });
    const h2 = ok(cbamCost({ cn: '2804 10 00', origin: 'CN', mass: 20, period: '2026-Q1' }));
    expect(h2.messages.map((m) => m.key)).toContain('cbam:notes.thresholdNotApplicable');
    expect(h2.see.value).toBe(29.304);
  });
  it('refuses bad input and non-CBAM goods with translated messages', () => {
    expect(cbamCost({ cn: '72x8', origin: 'CN', mass: 1, period: '2026-Q1' })).toMatchObject({
      ok: false,
      severity: 'input',
      errors: [{ key: 'cbam:errors.cnNotDigits' }],
    });
    expect(cbamCost({ cn: '7208', origin: 'CN', mass: -5, period: '2026-Q1' })).toMatchObject({
      ok: false,
      severity: 'input',
      errors: [{ key: 'cbam:errors.mustBePositive', params: { field: 'mass' } }],
    });
    expect(cbamCost({ cn: '7208', origin: 'China', mass: 5, period: '2026-Q1' })).toMatchObject({ ok: false, errors: [{ key: 'cbam:errors.originInvalid' }] });
    expect(cbamCost({ cn: '7202 30 00', origin: 'CN', mass: 5, period: '2026-Q1' })).toMatchObject({
      ok: false,
      severity: 'finding',
      errors: [{ key: 'cbam:errors.notCbamGood' }, { key: 'cbam:reasons.siliconManganese' }],
    });
    expect(cbamCost({ cn: '7208', origin: 'CN', mass: 5, period: '2025-Q3' })).toMatchObject({
      ok: false,
      errors: [{ key: 'cbam:errors.noCertificatesTransitional' }],
    });
    expect(cbamCost({ cn: '7208', origin: 'TR', mass: 5, period: '2026-Q1' })).toMatchObject({
      ok: false,
      severity: 'finding',
      errors: [{ key: 'cbam:errors.noDefaultForCountry' }],
    });
    expect(cbamCost({ cn: '2523 10 00', origin: 'CN', mass: 5, period: '2026-Q1' })).toMatchObject({
      ok: false,
      errors: [{ key: 'cbam:errors.variantRequired' }],
    });
    expect(cbamCost({ cn: '7214 20 00', origin: 'CN', mass: 5, period: '2026-Q1' })).toMatchObject({ ok: false, errors: [{ key: 'cbam:errors.noBenchmark' }] });
  });
  it('a user-entered benchmark is used and labelled as such', () => {
    const r = ok(cbamCost({ cn: '7214 20 00', origin: 'CN', mass: 10, period: '2026-Q1', benchmark: 1.37 }));
    expect(r.see.value).toBe(3.4859); // 3.169 × 1.1
    expect(r.benchmark).toMatchObject({ value: 1.37, column: 'user', source: { kind: 'user', field: 'benchmark' } });
    expect(r.certificates.value).toBe(21.5015); // 10 × (3.4859 − 1.33575)
  });
  it('aluminium products add the (uncertain) add-on to the unwrought benchmark', () => {
    const r = ok(cbamCost({ cn: '7607 11 90', origin: 'CN', mass: 1, period: '2026-Q1' }));
    expect(r.benchmark.value).toBe(1.589);
    expect(r.benchmark.uncertain).toBe(true);
    expect(r.uncertainFigures).toContain('benchmarkAddOn');
  });
});

describe('projectCosts 2026-2034', () => {
  it('default vs actual per year: mark-up 10/20/30 %, CBAM factor 0.975 … 0', () => {
    const p = projectCosts({ cn: '7208 39 00', origin: 'CN', mass: 100, see: 2.0, route: 'C' });
    if (!p.ok) throw new Error(JSON.stringify(p));
    expect(p.rows.map((r) => r.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034]);
    expect(p.rows[0]!.default!.certificates).toBe(216.995); // TC10
    expect(p.rows[2]!.default!.certificates).toBe(291.01); // TC10b
    expect(p.rows[0]!.actual!.certificates).toBe(66.425); // TC15
    expect(p.rows[8]!.default).toMatchObject({ see: 4.1431, sefa: 0, certificates: 414.31 });
    expect(p.rows[8]!.actual!.certificates).toBe(200);
    expect(p.rows[8]!.cscf.uncertain).toBe(true); // CSCF after 2030 not set: assumed 1
    expect(p.rows.every((r) => r.default!.costEur === null)).toBe(true); // no price entered: none invented
    expect(p.messages.map((m) => m.key)).toContain('cbam:notes.projectionNoPrice');
    expect(p.rows[1]!.savedCertificates).toBe(182.44);
  });
  it('with a user price, EUR per year and totals', () => {
    const p = projectCosts({ cn: '7208 39 00', origin: 'CN', mass: 100, price: 80 });
    if (!p.ok) throw new Error(JSON.stringify(p));
    expect(p.rows[0]!.default!.costEur).toBe(17_359.6); // 216.995 × 80
    expect(p.rows[0]!.actual).toBeNull();
    expect(p.totals.defaultEur).toBe(round2(p.rows.reduce((a, r) => a + r.default!.costEur!, 0)));
  });
});
const round2 = (x: number) => Math.round(x * 100) / 100;

describe('issue 9 defect 6: the cost reads codes as the screening does', () => {
  it('2804 10 (only subdivision 2804 10 00) costs as 2804 10 00; 7601 99 99 is refused with the nearest codes', () => {
    const a = ok(cbamCost({ cn: '2804 10', origin: 'CN', mass: 20, period: '2026-Q1' }));
    const b = ok(cbamCost({ cn: '2804 10 00', origin: 'CN', mass: 20, period: '2026-Q1' }));
    expect([a.see.value, a.certificates.value, a.costEur.value]).toEqual([b.see.value, b.certificates.value, b.costEur.value]);
    expect(cbamCost({ cn: '7601 99 99', origin: 'CN', mass: 5, period: '2026-Q1' })).toMatchObject({
      ok: false,
      severity: 'input',
      errors: [{ key: 'cbam:errors.cnUnknown', params: { nearest: '7601 10 00, 7601 20' } }],
    });
    expect(ok(cbamCost({ cn: '７２０８ ３９ ００', origin: 'CN', mass: 100, period: '2026-Q1' })).certificates.value).toBe(216.995);
  });
});

describe('issue 9 defect 5: a TARIC code or a variant chooses the clinker default', () => {
  it('2523 10 00 90 (grey clinker) is accepted and costs as --variant grey; without either the variants are named', () => {
    // clinker has no Column B benchmark in the pack: the user enters one
    const taric = ok(cbamCost({ cn: '2523 10 00 90', origin: 'CN', mass: 10, period: '2026-Q1', benchmark: 0.7 }));
    const chosen = ok(cbamCost({ cn: '2523 10 00', origin: 'CN', mass: 10, period: '2026-Q1', variant: 'grey', benchmark: 0.7 }));
    expect(taric.inputs.variant).toBe('grey');
    expect([taric.see.value, taric.certificates.value]).toEqual([chosen.see.value, chosen.certificates.value]);
    expect(taric.see.value).toBe(1.529);
    expect(cbamCost({ cn: '2523 10 00', origin: 'CN', mass: 10, period: '2026-Q1' })).toMatchObject({
      ok: false,
      errors: [{ key: 'cbam:errors.variantRequired', params: { options: 'white (TARIC 2523 10 00 10), grey (TARIC 2523 10 00 90)' } }],
    });
  });
});

// issue 9, defect 7: each figure is rounded once, from unrounded figures, with the rule stated in its formula text.
describe('rounding: once, at the figure shown', () => {
  // 100 t HRC, verified SEE 6 (route C): gross 100 × (6 − 1.33575) = 466.425; deduction 100 × 12.435 / 95 = 13.0894736842…;
  // certificates 453.3355263157…; cost exactly 466.425 × 95 − 100 × 12.435 = 43,066.875 → EUR 43,066.88 (half away from zero)
  const input = { cn: '7208 39 00', origin: 'CN', mass: 100, period: '2026-Q1', see: 6, route: 'C', price: 95, carbonPricePaid: 12.435 };
  it('cost = unrounded certificates × price: 43,066.88 (not 453.335526 × 95 = 43,066.87)', () => {
    const r = ok(cbamCost(input));
    expect(r.certificates.value).toBe(453.335526);
    expect(r.carbonPriceDeduction.value).toBe(13.089474);
    expect(r.costEur.value).toBe(43_066.88);
    expect(r.costPerTonne.value).toBe(430.67);
  });
  it('the formula texts state the rounding rule', () => {
    const r = ok(cbamCost(input));
    expect(r.costEur.source).toMatchObject({ kind: 'computed', formula: 'cbam:formulas.costRounded' });
    expect(r.certificates.source).toMatchObject({ formula: 'cbam:formulas.certificatesRounded' });
    expect(r.sefa.source).toMatchObject({ formula: 'cbam:formulas.sefaRounded' });
  });
  it('the projection rounds the same way', () => {
    const p = projectCosts({ cn: '7208 39 00', origin: 'CN', mass: 100, see: 6, route: 'C', price: 95, carbonPricePaid: 12.435, fromYear: 2026, toYear: 2026 });
    if (!p.ok) throw new Error(JSON.stringify(p));
    expect(p.rows[0]!.actual).toMatchObject({ certificates: 453.335526, costEur: 43_066.88 });
  });
  it('rate packs: liability = mass × SEE × rate − relief, rounded once (3 t × 0.3333335 × 5,000 = 5,000.0025 → 5,000.00, not 5,000.01)', () => {
    const r = rateCost({ scheme: 'uk-cbam', cn: '7208 39 00', origin: 'IN', mass: 3, period: '2027', see: 0.3333335, rate: 5000 });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.embedded?.value).toBe(1.000001); // shown to 6 decimals
    expect(r.gross?.value).toBe(5000);
    expect(r.liability?.value).toBe(5000);
    expect(r.liability?.source).toMatchObject({ kind: 'computed', formula: 'cbam:formulas.rateLiabilityRounded' });
  });
});

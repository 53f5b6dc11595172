import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InventoryLine } from '../../model/dataset';
import { library, type Library } from '../../packs/registry';
import type { ElectricityFactor } from '../../packs/schema';
import { cbamPackForPeriod } from '../packs';
import { perTonne } from '../kernel';
import {
  documentedKind,
  electricityFindings,
  electricityOptions,
  electricitySetup,
  euDefaultElectricityFactor,
  gridCandidate,
  libraryFactor,
  ownEf,
  resolveLines,
  type ElectricityContext,
} from './electricity';
import { Findings } from './findings';

type LineInput = z.input<typeof InventoryLine>;
const line = (id: string, mwh: number, o: Partial<LineInput> = {}) =>
  InventoryLine.parse({
    id,
    description: id,
    stage: 'production',
    category: 'electricity',
    location: 'installation',
    activity: { amount: mwh, unit: 'MWh' },
    emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'kWh', gases: { CO2_fossil: 0.5 }, source: { name: 's' } },
    dataType: 'primary',
    ...o,
  });
const packFor = (p: string) => {
  const r = cbamPackForPeriod(p);
  if (!r.ok) throw new Error(p);
  return r;
};
const ctxFor = (period: string, lines: InventoryLine[], options: ElectricityContext['options'] = { period }): ElectricityContext => {
  const { pack, period: per } = packFor(period);
  return { pack, period: per, country: 'CN', options, lib: library(), lines: lines.map((l, i) => ({ l, row: i + 1, mwh: l.activity.amount })) };
};

describe('stage 5: electricity — documented lines and own factors', () => {
  it.each([
    [{ source: 'ppa', evidence: 'PPA-2025-07' }, 'ppa'],
    [{ source: 'direct-line', evidence: 'line permit 12' }, 'direct-line'],
    [{ source: 'ppa', evidence: '  ' }, null],
    [{ source: 'green-certificate', evidence: 'GEC 1' }, null],
    [undefined, null],
  ] as const)('%j → %s', (e, want) => {
    expect(documentedKind(line('E', 1, e ? { electricity: e } : {}))).toBe(want);
  });
  it("a line's own factor: CO2 of the line per MWh (1,000 MWh at 0.5 kg/kWh = 0.5 t/MWh); no MWh → none", () => {
    expect(ownEf(line('E', 1_000), 1_000)).toBe(0.5);
    expect(ownEf(line('E', 0), 0)).toBeNull();
  });
});

describe('stage 5: electricity — factors of the choices', () => {
  const f = (id: string, year: number, value: number | null): ElectricityFactor =>
    ({
      id,
      kind: 'combustion-co2',
      scope: 'ningxia',
      year,
      value,
      status: value === null ? 'not-found' : 'published',
      gas: 'CO2_fossil',
      unit: 'kgCO2/kWh',
      name: { zh: id, en: id, ar: id },
      source: { act: 'MEE' },
    }) as ElectricityFactor;
  const lib = {
    electricity: { factors: [f('cn-mee-co2-2021-ningxia', 2021, 0.7), f('cn-mee-co2-2022-ningxia', 2022, 0.65), f('cn-mee-co2-2023-ningxia', 2023, null)] },
  } as unknown as Library;
  it('the newest published factor up to the year, and a newer one listed without value', () => {
    const r = libraryFactor(lib, 'cn-mee-co2-', 'ningxia', 2025);
    expect(r.f?.id).toBe('cn-mee-co2-2022-ningxia');
    expect(r.newerMissing?.id).toBe('cn-mee-co2-2023-ningxia');
    expect(libraryFactor(lib, 'cn-mee-co2-', 'ningxia', 2021).f?.value).toBe(0.7);
    expect(libraryFactor(lib, 'cn-mee-co2-', 'ningxia', 2020).f).toBeUndefined();
  });
  it("the EU default for China is not in the pack: not found, never invented; an entered value is the user's", () => {
    const { pack, period } = packFor('2026');
    expect(euDefaultElectricityFactor(pack, 'CN').value).toBeNull();
    expect(gridCandidate('eu-default', pack, period, 'CN', { period: '2026' }, library())).toMatchObject({
      value: null,
      status: 'not-found',
      efSource: 'D.4(a)',
    });
    const u = gridCandidate('eu-default', pack, period, 'CN', { period: '2026', electricity: { euDefaultEf: 0.6 } }, library());
    expect(u).toMatchObject({ value: 0.6, status: 'available', fig: { source: { kind: 'user', field: 'electricity.euDefaultEf' } } });
  });
  it('MEE factors: other public data allowed in the transitional period (D.4(b)), shown but not allowed in 2026, not for other countries', () => {
    const t = packFor('2025-Q3');
    expect(gridCandidate('cn-mee-northwest', t.pack, t.period, 'CN', { period: '2025-Q3' }, library())).toMatchObject({
      status: 'available',
      efSource: 'D.4(b)',
    });
    const d = packFor('2026');
    const na = gridCandidate('cn-mee-northwest', d.pack, d.period, 'CN', { period: '2026' }, library());
    expect(na.status).toBe('not-allowed');
    expect(na.value).toBeNull();
    expect(na.fig?.value).toBeGreaterThan(0);
    expect(gridCandidate('cn-mee-northwest', t.pack, t.period, 'IN', { period: '2025-Q3' }, library()).status).toBe('not-applicable');
  });
});

describe('stage 5: electricity — lines under a choice, the table of choices, findings', () => {
  it('a documented PPA at its own factor (D.4.3.2); other lines at the grid factor; total = Σ MWh × EF', () => {
    const ctx = ctxFor('2026', [line('E1', 1_000, { electricity: { source: 'ppa', evidence: 'PPA-1' } }), line('E2', 2_000)], {
      period: '2026',
      electricity: { euDefaultEf: 0.6 },
    });
    const r = resolveLines(ctx, 'eu-default');
    expect(r.lines.map((l) => [l.id, l.efSource, l.ef?.value, l.emissions?.value])).toEqual([
      ['E1', 'D.4.3.2', 0.5, 500],
      ['E2', 'D.4(a)', 0.6, 1_200],
    ]);
    expect(r.total).toBe(1_700);
    // the actual-PPA choice needs every line documented
    expect(resolveLines(ctx, 'actual-ppa')).toMatchObject({ total: null, status: 'not-documented' });
  });

  it('the table gives each choice its SEE effect; a missing factor where indirect counts is an error with the alternatives', () => {
    const ctx = ctxFor('2026', [line('E1', 1_000)]);
    const f = new Findings();
    const setup = electricitySetup(ctx, f);
    if ('error' in setup) throw new Error('setup');
    expect(setup).toMatchObject({ choice: 'eu-default', explicit: false, mwh: 1_000 });
    const opts = electricityOptions(ctx, setup, 1.5, 0, true, (v) => perTonne(v, 100));
    const nw = opts.find((o) => o.choice === 'cn-mee-northwest')!;
    expect(nw.seeIndirect!.value).toBe(perTonne(1_000 * nw.ef!.value, 100));
    expect(nw.seeTotal!.value).toBe(Math.round((1.5 + nw.seeIndirect!.value) * 1e7) / 1e7);
    const chosen = resolveLines(ctx, 'eu-default');
    electricityFindings(ctx, setup, chosen, opts, true, f);
    expect(f.list.map((x) => [x.severity, x.message.key])).toEqual([['error', 'cbamconvert:errors.efMissing']]);
    const w = new Findings();
    electricityFindings(ctx, setup, chosen, opts, false, w);
    expect(w.list.map((x) => [x.severity, x.message.key])).toEqual([['warning', 'cbamconvert:warnings.efMissingNotCounted']]);
  });

  it("texts about the country's default factor are in the words of the pack's scheme (UK CBAM: the UK named, from the pack)", () => {
    const r = cbamPackForPeriod('2027', 'uk-cbam');
    if (!r.ok) throw new Error('uk-cbam 2027');
    const ctx: ElectricityContext = { ...ctxFor('2027', [line('E1', 1_000)]), pack: r.pack, period: r.period };
    const names = { name_en: 'United Kingdom', name_zh: '英国', name_ar: 'المملكة المتحدة' };
    const grid = gridCandidate('eu-default', ctx.pack, ctx.period, 'CN', ctx.options, ctx.lib);
    expect(grid.note).toEqual({ key: 'elecwording:defaultNotFound', params: { country: 'CN', act: expect.any(String), ...names } });
    const f = new Findings();
    const setup = electricitySetup(ctx, f);
    if ('error' in setup) throw new Error('setup');
    const opts = electricityOptions(ctx, setup, 1.5, 0, true, (v) => perTonne(v, 100));
    electricityFindings(ctx, setup, resolveLines(ctx, 'eu-default'), opts, true, f);
    expect(f.list.map((x) => x.message)).toEqual([
      { key: 'elecwording:efMissing', params: { choice: '$t:cbamconvert:electricity.choice.eu-default', alternatives: expect.any(String), ...names } },
    ]);
    // another choice keeps its own wording (it is not the default factor of the country)
    const ppa = { ...setup, choice: 'actual-ppa' as const, explicit: true };
    const g = new Findings();
    electricityFindings(ctx, ppa, resolveLines(ctx, 'actual-ppa'), opts, true, g);
    expect(g.list.map((x) => x.message.key)).toEqual(['cbamconvert:errors.efMissing']);
    // the EU CBAM: its own texts, no names added
    const eu = gridCandidate(
      'eu-default',
      packFor('2026').pack,
      packFor('2026').period,
      'CN',
      { period: '2026', electricity: { euDefaultEf: 0.5 } },
      library(),
    );
    expect(eu.note).toEqual({ key: 'cbamconvert:electricity.euDefaultEntered', params: { act: expect.any(String) } });
  });

  it('an unknown choice is refused; a negative entered factor is an error naming the field', () => {
    const bad = electricitySetup(ctxFor('2026', [], { period: '2026', electricity: { choice: 'nuclear' as never } }), new Findings());
    expect('error' in bad && bad.error.key).toBe('cbamconvert:errors.unknownChoice');
    const f = new Findings();
    electricitySetup(ctxFor('2026', [], { period: '2026', electricity: { euDefaultEf: -0.1 } }), f);
    expect(f.list[0]!.message).toEqual({ key: 'cbamconvert:errors.negativeInput', params: { field: 'electricity.euDefaultEf', value: '-0.1' } });
  });
});

import { describe, expect, it } from 'vitest';
import { ALUMINIUM } from '../../../test/helpers/pinned';
import { sampleFiles, sampleJson } from '../../../test/helpers/samples';
import { Dataset } from '../model/dataset';
import { NON_CO2_GASES } from '../model/gases';
import { sumExact } from '../num';
import { getFootprintPack, library } from '../packs/registry';
import type { FootprintPack } from '../packs/schema';
import { compute } from './compute';
import { CO2E_DP } from './types';

const gbt = getFootprintPack('cn-gbt24067-2024')!;
const iso = getFootprintPack('iso14067-2018')!;
const load = (f: string) => Dataset.parse(sampleJson(f));

describe.each(sampleFiles())('sample %s', (file) => {
  const ds = load(file);
  const r = compute(ds, gbt);

  it('stage totals, gas totals and line totals each add up exactly to the total', () => {
    expect(sumExact(Object.values(r.byStage), CO2E_DP)).toBe(r.total);
    expect(
      sumExact(
        Object.values(r.byGas).map((g) => g!.co2e),
        CO2E_DP,
      ),
    ).toBe(r.total);
    expect(sumExact(Object.values(r.byCategory), CO2E_DP)).toBe(r.total);
    expect(
      sumExact(
        r.lines.map((l) => l.co2e),
        CO2E_DP,
      ),
    ).toBe(r.total);
    // and exact as decimals: the total printed is the sum printed, digit for digit
    const stageSum = Object.values(r.byStage).reduce((a, b) => a + Math.round(b * 1e6), 0);
    expect(stageSum).toBe(Math.round(r.total * 1e6));
  });

  it('every line contribution traces to activity × factor × GWP', () => {
    for (const l of r.lines) {
      const sum = sumExact(
        l.gases.map((g) => g.co2e),
        CO2E_DP,
      );
      expect(sum).toBe(l.co2eIfIncluded);
      for (const g of l.gases) if (g.counted) expect(g.co2e).toBeCloseTo(g.massKg * g.gwp!, 5);
    }
  });

  it('carries no float tails in its JSON output', () => {
    const json = JSON.stringify(r);
    expect(json).not.toMatch(/\d\.\d*(0000000|9999999)\d/);
  });

  it('reconciles with the totals the study reported', () => {
    expect(r.reconciliation).toBeDefined();
    expect(Math.abs(r.reconciliation!.differencePct!)).toBeLessThan(0.1);
    expect(r.findings.filter((f) => f.checkId?.includes('reconcile'))).toEqual([]);
  });

  it('under a pack with another GWP set, only non-CO2 contributions change, each by the ratio of the GWPs', () => {
    const r2 = compute(ds, iso);
    const from = library().gwp.sets[gbt.gwpSet.id]!.values;
    const to = library().gwp.sets[iso.gwpSet.id]!.values;
    r.lines.forEach((l, i) => {
      const l2 = r2.lines[i]!;
      l.gases.forEach((g, j) => {
        const g2 = l2.gases[j]!;
        expect(g2.gas).toBe(g.gas);
        expect(g2.massKg).toBe(g.massKg);
        if (!NON_CO2_GASES.includes(g.gas)) expect(g2.co2e).toBe(g.co2e);
        else {
          const ratio = to[g.gas]! / from[g.gas]!;
          // exact to the shown precision (half a unit in the 6th decimal, scaled by the ratio)
          expect(Math.abs(g2.co2e - g.co2e * ratio)).toBeLessThanOrEqual(1e-6 * (1 + ratio));
        }
      });
    });
  });
});

describe('engine rules', () => {
  const ds = load('aluminium-ingot-ningxia.json');

  it('per-period and per-functional-unit bases give the same result', () => {
    const perFu = structuredClone(sampleJson('aluminium-ingot-ningxia.json'));
    perFu.basis = { kind: 'per-functional-unit' };
    for (const l of perFu.inventory) {
      l.activity.amount = l.activity.amount / 400000;
      if (l.emissions.kind === 'measured') for (const g of Object.keys(l.emissions.gases)) l.emissions.gases[g] /= 400000;
    }
    const a = compute(ds, gbt, { skipChecks: true });
    const b = compute(Dataset.parse(perFu), gbt, { skipChecks: true });
    expect(b.total).toBeCloseTo(a.total, 4);
    expect(b.byGas.CF4!.co2e).toBeCloseTo(a.byGas.CF4!.co2e, 6);
  });

  it('excludes lines outside the declared boundary, with the reason and legal reference', () => {
    const d = structuredClone(sampleJson('aluminium-ingot-ningxia.json'));
    d.inventory.push({ ...d.inventory[3], id: 'AL-99', stage: 'distribution', description: 'Truck to customer' });
    const r = compute(Dataset.parse(d), gbt);
    const l = r.lines.find((x) => x.id === 'AL-99')!;
    expect(l.included).toBe(false);
    expect(l.co2e).toBe(0);
    expect(l.co2eIfIncluded).toBeGreaterThan(0);
    expect(l.exclusion!.message.key).toBe('core:exclude.outsideBoundary');
    expect(l.exclusion!.legalRef.act).toContain('GB/T 24067');
    expect(r.excluded).toEqual({ lines: 1, co2eIfIncluded: l.co2eIfIncluded });
    expect(r.findings.some((f) => f.checkId === 'gbt-stage-outside-boundary' && f.line?.id === 'AL-99')).toBe(true);
  });

  it('applies a pack electricity rule that substitutes a factor, and traces it', () => {
    const pack: FootprintPack = {
      ...gbt,
      electricity: {
        ...gbt.electricity,
        rules: [
          {
            id: 'test-substitute',
            when: { sources: ['provincial-grid'], factorKinds: ['combustion-co2'] },
            action: 'substitute',
            factor: { scope: 'national', kind: 'life-cycle', year: 'latest-not-after-period' },
            messageKey: 'core:compare.electricityDiffers',
            legalRef: { act: 'test' },
          },
        ],
      },
    };
    const r = compute(ds, pack, { skipChecks: true });
    const l = r.lines.find((x) => x.id === 'AL-07')!;
    expect(l.electricity?.substitute).toMatchObject({ id: 'cn-cfp-2024-national', value: 0.5777 });
    // 13,300 kWh per t × 0.5777 kg CO2e/kWh
    expect(l.co2e).toBe(7683.41);
    // reconciliation still uses the study's own factor
    expect(r.reconciliation!.recomputedKg).toBeCloseTo(ALUMINIUM.gbtTotalKg, 3);
  });

  it('reports a gas the GWP set has no value for instead of inventing one', () => {
    const lib = library();
    const noSf6 = {
      ...lib,
      gwp: { ...lib.gwp, sets: { ...lib.gwp.sets, AR6: { ...lib.gwp.sets.AR6!, values: { ...lib.gwp.sets.AR6!.values, SF6: undefined } } } },
    };
    const d = structuredClone(sampleJson('aluminium-ingot-ningxia.json'));
    d.inventory[5].emissions.gases.SF6 = 1;
    const r = compute(Dataset.parse(d), gbt, { lib: noSf6 as never, skipChecks: true });
    const g = r.lines[5]!.gases.find((x) => x.gas === 'SF6')!;
    expect(g.counted).toBe(false);
    expect(g.notCountedReason?.key).toBe('core:exclude.noGwp');
  });
});

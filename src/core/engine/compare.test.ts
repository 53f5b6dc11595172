import { describe, expect, it } from 'vitest';
import { sampleFiles, sampleJson } from '../../../test/helpers/samples';
import { Dataset } from '../model/dataset';
import { sumExact } from '../num';
import { getFootprintPack } from '../packs/registry';
import type { FootprintPack } from '../packs/schema';
import { compare, comparePair } from './compare';
import { CO2E_DP } from './types';

const gbt = getFootprintPack('cn-gbt24067-2024')!;
const iso = getFootprintPack('iso14067-2018')!;

describe.each(sampleFiles())('%s under GB/T and ISO packs', (f) => {
  const ds = Dataset.parse(sampleJson(f));
  const c = compare(ds, [gbt, iso]);
  const p = c.pairs[0]!;
  it('shows both results side by side', () => {
    expect(c.results.map((r) => r.pack.id)).toEqual(['cn-gbt24067-2024', 'iso14067-2018']);
    expect(p.fromTotal).toBe(c.results[0]!.total);
    expect(p.toTotal).toBe(c.results[1]!.total);
  });
  it('splits the difference by cause, and the causes add up exactly', () => {
    expect(p.causes.map((k) => k.cause)).toEqual(['boundary', 'electricity', 'gwp']);
    expect(
      sumExact(
        p.causes.map((k) => k.deltaKg),
        CO2E_DP,
      ),
    ).toBe(p.differenceKg);
    // the two packs differ only in their GWP set
    expect(p.causes[0]!.deltaKg).toBe(0);
    expect(p.causes[1]!.deltaKg).toBe(0);
    expect(p.causes[2]!.explanation).toEqual({ key: 'core:compare.gwpDiffers', params: { from: 'AR6', to: 'AR5' } });
    expect(
      sumExact(
        p.causes[2]!.gases!.map((g) => g.deltaKg),
        CO2E_DP,
      ),
    ).toBe(p.differenceKg);
  });
});

describe('causes other than the GWP set', () => {
  const ds = Dataset.parse(sampleJson('aluminium-ingot-ningxia.json'));
  it('a pack counting fewer stages shows a boundary effect equal to the dropped stage', () => {
    const gateOnly: FootprintPack = { ...gbt, id: 'test-gate', stages: { ...gbt.stages, counted: ['production'] } };
    const p = comparePair(ds, gbt, gateOnly);
    const r = compare(ds, [gbt, gateOnly]).results[0]!;
    expect(p.causes[0]!.deltaKg).toBe(-r.byStage['raw-material-acquisition']);
    expect(p.causes[0]!.lines.map((l) => l.id).sort()).toEqual(['AL-01', 'AL-02', 'AL-03', 'AL-04']);
    expect(p.causes[0]!.explanation.key).toBe('core:compare.boundaryDiffers');
    expect(p.causes[2]!.deltaKg).toBe(0);
  });
  it('a pack substituting the grid factor shows an electricity effect on that line only', () => {
    const subst: FootprintPack = {
      ...gbt,
      id: 'test-elec',
      electricity: {
        ...gbt.electricity,
        rules: [
          {
            id: 'r',
            when: { factorKinds: ['combustion-co2'] },
            action: 'substitute',
            factor: { scope: 'national', kind: 'life-cycle', year: 2024 },
            messageKey: 'core:compare.electricityDiffers',
            legalRef: { act: 'test' },
          },
        ],
      },
    };
    const p = comparePair(ds, gbt, subst);
    expect(p.causes[1]!.lines.map((l) => l.id)).toEqual(['AL-07']);
    // 13,300 kWh × (0.5777 − 0.6423)
    expect(p.causes[1]!.deltaKg).toBeCloseTo(13300 * (0.5777 - 0.6423), 6);
    expect(p.differenceKg).toBe(p.causes[1]!.deltaKg);
  });
  it('needs two packs', () => {
    expect(() => compare(ds, [gbt])).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { sampleJson } from '../../../test/helpers/samples';
import { ALUMINIUM } from '../../../test/helpers/pinned';
import { convertToCbam, type CbamConversion } from '../cbam/convert';
import { Dataset } from '../model/dataset';
import { sumExact } from '../num';
import { getFootprintPack } from '../packs/registry';
import { compareWithCbam } from './compare-cbam';
import { compute } from './compute';
import { CO2E_DP } from './types';

const gbt = getFootprintPack('cn-gbt24067-2024')!;

function run(file: string, opts: Parameters<typeof convertToCbam>[1]) {
  const ds = Dataset.parse(sampleJson(file));
  const conv = convertToCbam(ds, opts);
  expect(conv.ok).toBe(true);
  return compareWithCbam(ds, compute(ds, gbt), conv as CbamConversion);
}

describe('GB/T footprint compared with EU CBAM', () => {
  it('aluminium 2026: the causes add up exactly to the difference; upstream lines and electricity explain most of it', () => {
    const c = run('aluminium-ingot-ningxia.json', { period: '2026' });
    expect(c.fromTotal).toBe(ALUMINIUM.gbtTotalExactKg);
    expect(c.toTotal).toBe(ALUMINIUM.cbamTotalKg);
    expect(c.counted).toBe('direct');
    expect(
      sumExact(
        c.causes.map((k) => k.deltaKg!),
        CO2E_DP,
      ),
    ).toBe(c.differenceKg);
    const by = Object.fromEntries(c.causes.map((k) => [k.cause, k]));
    expect(by.boundary!.lines.map((l) => l.id).sort()).toEqual(['AL-01', 'AL-02', 'AL-03', 'AL-04', 'AL-10']);
    expect(by.electricity!.deltaKg).toBe(ALUMINIUM.gbtToCbamElectricityKg);
    // PFCs: AR6 → AR5 (0.03 kg CF4 × (6630 − 7380) + 0.003 kg C2F6 × (11100 − 12400))
    const pfc = by.gwp!.lines.find((l) => l.id === 'AL-06')!;
    expect(pfc.deltaKg).toBeCloseTo(0.03 * (6630 - 7380) + 0.003 * (11100 - 12400), 6);
    expect(Math.abs(by.rounding!.deltaKg!)).toBeLessThan(0.001);
  });
  it('cement 2026 with an entered EU electricity factor: indirect emissions count', () => {
    const c = run('cement-grey-portland.json', { period: '2026', electricity: { euDefaultEf: 0.6 } });
    expect(c.counted).toBe('total');
    const el = c.causes.find((k) => k.cause === 'electricity')!;
    // 90 kWh per t: 0.09 MWh × 0.6 t/MWh = 54 kg, against 90 × 0.5543 = 49.887 kg in the study
    expect(el.lines[0]).toMatchObject({ id: 'CE-05', fromKg: 49.887, toKg: 54 });
    expect(
      sumExact(
        c.causes.map((k) => k.deltaKg!),
        CO2E_DP,
      ),
    ).toBe(c.differenceKg);
  });
  it('cement 2026 with no EU electricity factor: the electricity cause and its line are missing, never 0', () => {
    const c = run('cement-grey-portland.json', { period: '2026' });
    expect(c.counted).toBe('total');
    expect(c.toTotal).toBeNull();
    expect(c.differenceKg).toBeNull();
    const el = c.causes.find((k) => k.cause === 'electricity')!;
    expect(el.deltaKg).toBeNull();
    expect(el.lines[0]).toMatchObject({ id: 'CE-05', fromKg: 49.887, toKg: null, deltaKg: null });
    // the other causes keep their figures; no rounding cause without a difference
    expect(typeof c.causes.find((k) => k.cause === 'boundary')!.deltaKg).toBe('number');
    expect(c.causes.some((k) => k.cause === 'rounding')).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset, footprintPacks } from '../../core';
import { round, sumExact } from '../../core/num';
import { runComparison, needsEuDefaultEf } from './compare';
import { ALUMINIUM } from '../../../test/helpers/pinned';

const sample = (f: string) => validateDataset(readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'samples', f), 'utf8')).dataset!;
const packs = footprintPacks();

describe('comparison view plumbing', () => {
  it('aluminium: GB/T, ISO and EU CBAM 2026 side by side, causes adding up to each difference', () => {
    const out = runComparison(sample('aluminium-ingot-ningxia.json'), packs, { packs: ['cn-gbt24067-2024', 'iso14067-2018'], cbam: true, period: '2026' })!;
    expect(out.comparison.results.map((r) => round(r.total, 3))).toEqual([ALUMINIUM.gbtTotalKg, ALUMINIUM.isoTotalKg]);
    const pair = out.comparison.pairs[0]!;
    expect(round(pair.causes.find((c) => c.cause === 'gwp')!.deltaKg, 3)).toBe(ALUMINIUM.gbtToIsoGwpDeltaKg);
    expect(
      sumExact(
        pair.causes.map((c) => c.deltaKg),
        6,
      ),
    ).toBe(pair.differenceKg);
    expect(out.cbam?.ok).toBe(true);
    if (!out.cbam?.ok) return;
    const c = out.cbam.comparison;
    expect(round(c.toTotal!, 3)).toBe(ALUMINIUM.cbamTotalKg);
    expect(round(c.causes.find((x) => x.cause === 'boundary')!.deltaKg!, 3)).toBe(ALUMINIUM.gbtToCbamBoundaryKg);
    expect(round(c.causes.find((x) => x.cause === 'electricity')!.deltaKg!, 3)).toBe(ALUMINIUM.gbtToCbamElectricityKg);
    expect(
      sumExact(
        c.causes.map((x) => x.deltaKg!),
        6,
      ),
    ).toBe(c.differenceKg);
    expect(needsEuDefaultEf(out)).toBe(false);
  });
  it('one footprint pack alone is nothing to compare; with CBAM it is', () => {
    const ds = sample('aluminium-ingot-ningxia.json');
    expect(runComparison(ds, packs, { packs: ['iso14067-2018'], cbam: false, period: '2026' })).toBeNull();
    const out = runComparison(ds, packs, { packs: ['iso14067-2018'], cbam: true, period: '2026' })!;
    expect(out.comparison.pairs).toEqual([]);
    expect(out.cbam?.ok && out.cbam.comparison.from).toBe('iso14067-2018');
  });
  it('a good outside CBAM gives the translated reasons, not a figure', () => {
    const out = runComparison(sample('lfp-battery-pack.json'), packs, { packs: ['cn-gbt24067-2024'], cbam: true, period: '2026' })!;
    expect(out.cbam?.ok).toBe(false);
    if (out.cbam && !out.cbam.ok) expect(out.cbam.errors.map((e) => e.key)).toContain('cbam:reasons.notListed');
  });
  it('indirect emissions counted: the CBAM figure waits for the EU default electricity factor, then comes', () => {
    const ds = sample('cement-grey-portland.json');
    const without = runComparison(ds, packs, { packs: ['cn-gbt24067-2024'], cbam: true, period: '2026' });
    expect(needsEuDefaultEf(without)).toBe(true);
    const withEf = runComparison(ds, packs, { packs: ['cn-gbt24067-2024'], cbam: true, period: '2026', euDefaultEf: 0.5 });
    expect(needsEuDefaultEf(withEf)).toBe(false);
    expect(withEf?.cbam?.ok && typeof withEf.cbam.comparison.toTotal).toBe('number');
  });
});

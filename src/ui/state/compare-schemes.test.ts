/** Compare view plumbing: the UK CBAM column beside the EU CBAM for the same dataset and year (figures from the core). */
import { describe, expect, it } from 'vitest';
import { footprintPacks, validateDataset, type Dataset } from '../core';
import { CBAM_PERIODS, otherSchemes, runComparison } from './compare';
import { sampleText } from '../../../test/helpers/samples';

describe('Compare: other border-adjustment schemes', () => {
  const ds = validateDataset(sampleText('aluminium-ingot-ningxia.json')).dataset as Dataset;
  const packs = footprintPacks();

  it('periods and schemes come from the packs', () => {
    expect(CBAM_PERIODS).toEqual(['2027', '2026', '2025-Q4']);
    expect(otherSchemes().map((s) => s.id)).toEqual(['uk-cbam']);
  });

  it('2027: UK beside the EU, direct SEE and each difference by cause', () => {
    const out = runComparison(ds, packs, { packs: ['cn-gbt24067-2024'], cbam: true, period: '2027', schemes: ['uk-cbam'] })!;
    const uk = out.schemes[0]!;
    expect(uk.ok).toBe(true);
    if (!uk.ok) return;
    expect(uk.conversion.see.direct?.value).toBeCloseTo(1.732459, 6);
    expect(uk.vsEu?.from.pack).toBe('eu-cbam-definitive');
    expect(uk.vsEu?.differences.map((d) => d.cause)).toEqual(['gases', 'charge']);
  });

  it('2026: the UK column says the UK CBAM starts in 2027', () => {
    const out = runComparison(ds, packs, { packs: ['cn-gbt24067-2024'], cbam: true, period: '2026', schemes: ['uk-cbam'] })!;
    const uk = out.schemes[0]!;
    expect(uk.ok).toBe(false);
    expect(!uk.ok && uk.errors[0]).toMatchObject({ key: 'cbampacks:errors.periodBeforeScheme', params: { from: '2027-01-01', name_zh: '英国' } });
  });
});

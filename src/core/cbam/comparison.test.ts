/** The comparison use case (CLI `compare` and the app's Compare view): footprint packs, CBAM columns, EU vs other schemes. */
import { describe, expect, it } from 'vitest';
import { sampleJson } from '../../../test/helpers/samples';
import { ALUMINIUM } from '../../../test/helpers/pinned';
import { Dataset } from '../model/dataset';
import { getFootprintPack } from '../packs/registry';
import { round, sumExact } from '../num';
import { borderErrors, borderPeriods, footprintComparison, runComparison } from './comparison';

const al = Dataset.parse(sampleJson('aluminium-ingot-ningxia.json'));
const gbt = getFootprintPack('cn-gbt24067-2024')!;
const iso = getFootprintPack('iso14067-2018')!;

describe('runComparison', () => {
  it('nothing to compare: no pack, or one pack and no CBAM column', () => {
    expect(runComparison(al, [])).toBeNull();
    expect(runComparison(al, [gbt])).toBeNull();
    expect(footprintComparison(al, [gbt]).pairs).toEqual([]);
  });

  it('two footprint packs and EU + UK CBAM for 2027: pairs by cause, CBAM bridged by cause, UK against the EU', () => {
    const out = runComparison(
      al,
      [gbt, iso],
      [
        { id: 'eu-cbam', period: '2027' },
        { id: 'uk-cbam', period: '2027' },
      ],
    )!;
    expect(out.comparison.results.map((r) => round(r.total, 3))).toEqual([ALUMINIUM.gbtTotalKg, ALUMINIUM.isoTotalKg]);
    const [eu, uk] = out.border;
    expect(eu?.ok && uk?.ok).toBe(true);
    if (!eu?.ok || !uk?.ok) return;
    expect(eu.bridge.from).toBe('cn-gbt24067-2024');
    expect(
      sumExact(
        eu.bridge.causes.map((c) => c.deltaKg!),
        6,
      ),
    ).toBe(eu.bridge.differenceKg);
    expect(eu.vsEu).toBeNull();
    expect(uk.conversion.see.direct?.value).toBeCloseTo(1.732459, 6);
    expect(uk.vsEu?.from.pack).toBe('eu-cbam-definitive');
    expect(out.schemes).toEqual([uk.vsEu]);
    // each column's electricity texts in the words of its scheme, as the conversion wrote them
    const note = (c: typeof uk) => c.conversion.electricity.options.find((o) => o.choice === 'eu-default')!.note;
    expect(note(eu).key).toBe('cbamconvert:electricity.euDefaultNotFound');
    expect(note(uk)).toMatchObject({ key: 'elecwording:defaultNotFound', params: { name_en: 'United Kingdom' } });
    expect(JSON.stringify(uk.conversion)).not.toContain('cbamconvert:electricity.euDefault');
  });

  it('a scheme of another year is not compared with the EU; a period before the scheme is refused with its reason', () => {
    const out = runComparison(
      al,
      [gbt],
      [
        { id: 'eu-cbam', period: '2026' },
        { id: 'uk-cbam', period: '2026' },
      ],
    )!;
    expect(out.schemes).toEqual([]);
    const uk = out.border[1]!;
    expect(uk.ok).toBe(false);
    if (!uk.ok) expect(borderErrors(uk)[0]).toMatchObject({ key: 'cbampacks:errors.periodBeforeScheme' });
  });

  it('a pack asked for a period it does not cover: converted under the pack the period chooses, marked as a mismatch', () => {
    const out = runComparison(al, [gbt], [{ id: 'eu-cbam-transitional', period: '2026' }])!;
    const c = out.border[0]!;
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.packMismatch).toBe('eu-cbam-definitive');
  });

  it('the EU default electricity factor is passed to its column only', () => {
    const ce = Dataset.parse(sampleJson('cement-grey-portland.json'));
    const without = runComparison(ce, [gbt], [{ id: 'eu-cbam', period: '2026' }])!.border[0]!;
    const withEf = runComparison(ce, [gbt], [{ id: 'eu-cbam', period: '2026', euDefaultEf: 0.5 }])!.border[0]!;
    expect(without.ok && without.bridge.toTotal).toBeNull();
    expect(withEf.ok && typeof withEf.bridge.toTotal).toBe('number');
  });
});

describe('borderPeriods', () => {
  it('one year for every scheme (the latest first year), the transitional pack its last quarter, a given period wins', () => {
    expect(borderPeriods(['eu-cbam', 'uk-cbam'])).toEqual(['2027', '2027']);
    expect(borderPeriods(['eu-cbam'])).toEqual(['2026']);
    expect(borderPeriods(['eu-cbam-transitional', 'eu-cbam'])).toEqual(['2025-Q4', '2026']);
    expect(borderPeriods(['eu-cbam', 'uk-cbam'], '2028')).toEqual(['2028', '2028']);
  });
});

/** EU vs UK CBAM for the same dataset and year: each difference by cause; a figure not known is missing, never 0. */
import { describe, expect, it } from 'vitest';
import { sampleJson } from '../../../test/helpers/samples';
import { Dataset } from '../model/dataset';
import { compareSchemes } from './compare-schemes';

const cement = Dataset.parse(sampleJson('cement-grey-portland.json'));

describe('compareConversions: the electricity cause', () => {
  it('EU counts indirect emissions with no electricity factor entered: the cause is missing (null), not 0', () => {
    const r = compareSchemes(cement, { period: '2027' }, 'eu-cbam', 'uk-cbam');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.from.see.counted).toBe('total');
    expect(r.from.see.indirect).toBeNull();
    const el = r.comparison.differences.find((d) => d.cause === 'electricity')!;
    expect(el).toBeDefined();
    expect(el.deltaSee).toBeNull();
    expect(r.comparison.deltaSee).toBeNull();
  });
  it('with the factor entered the cause has its figure: minus the EU indirect SEE', () => {
    const r = compareSchemes(cement, { period: '2027', electricity: { euDefaultEf: 0.6 } }, 'eu-cbam', 'uk-cbam');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const el = r.comparison.differences.find((d) => d.cause === 'electricity')!;
    expect(el.deltaSee).toBe(-r.from.see.indirect!.value);
    expect(el.deltaSee).toBeLessThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { InventoryLine } from '../../model/dataset';
import { definitivePack, transitionalPack } from '../packs';
import { categoryById } from '../screen';
import { attribution } from './corrections';
import { Findings } from './findings';

const pack = definitivePack();
const K = pack.constants;
const h2 = categoryById(pack, 'hydrogen');

describe('stage 4: attribution corrections', () => {
  it('waste gas 100 TJ in and out: + 100 × EF_NG and − 100 × EF_NG × correction (pack constants)', () => {
    const f = new Findings();
    const a = attribution(pack, h2, [], { wasteGas: { importedTJ: 100, exportedTJ: 100 } }, 10_000, f);
    const imp = Math.round(100 * K.naturalGasEf.value * 1e6) / 1e6;
    const exp = Math.round(100 * K.naturalGasEf.value * K.wasteGasExportCorrection.value * 1e6) / 1e6;
    expect(a.items.map((i) => [i.kind, i.effect.value])).toEqual([
      ['waste-gas-imported', imp],
      ['waste-gas-exported', -exp],
    ]);
    expect(a.attributedDirect).toBe(Math.round((10_000 + imp - exp) * 1e6) / 1e6);
    expect(a.items[0]!.ef.source).toMatchObject({ kind: 'rule', ref: { act: K.naturalGasEf.source.act } });
    expect(f.list).toEqual([]);
  });

  it("the dataset's purchased heat line: Em_H,imp from its counted gases; entered heat export and electricity export subtract", () => {
    const heat = InventoryLine.parse({
      id: 'H1',
      description: 'steam',
      stage: 'production',
      category: 'purchased-heat-steam',
      location: 'installation',
      activity: { amount: 20, unit: 'TJ' },
      emissions: { kind: 'measured', massUnit: 't', gases: { CO2_fossil: 1_500, CH4_fossil: 1 } },
      dataType: 'primary',
    });
    const f = new Findings();
    const a = attribution(
      pack,
      h2,
      [{ l: heat, row: 4, tj: 20 }],
      { heat: { exportedTJ: 5, exportedEf: 62.5 }, electricityExported: { mwh: 1_000, ef: 0.6 } },
      10_000,
      f,
    );
    expect(a.items.map((i) => [i.kind, i.effect.value])).toEqual([
      ['heat-imported', 1_500],
      ['heat-exported', -312.5],
      ['electricity-exported', -600],
    ]);
    expect(a.items[0]!.ef.value).toBe(75); // 1,500 t / 20 TJ (CH4 not counted)
    expect(a.total).toBe(587.5);
    expect(a.attributedDirect).toBe(10_587.5);
  });

  it('a negative or missing input is an error naming the field, and the correction is not applied', () => {
    const f = new Findings();
    const a = attribution(pack, h2, [], { heat: { importedTJ: -1, importedEf: 50 }, wasteGas: { exportedTJ: Number.NaN } }, 100, f);
    expect(a.items).toEqual([]);
    expect(f.list.map((p) => p.message.params?.field)).toEqual(['corrections.heat.importedTJ', 'corrections.wasteGas.exportedTJ']);
    const g = new Findings();
    attribution(pack, h2, [], { heat: { exportedTJ: 3 } }, 100, g);
    expect(g.list[0]!.message).toEqual({ key: 'cbamconvert:errors.heatEfMissing', params: { field: 'corrections.heat.exportedEf' } });
  });

  it('issue 9 defect 8: exporting more heat than the own emissions gives a negative AttrEm_dir, kept and explained with the rule', () => {
    // DirEm* 1,000 t; heat exported 50 TJ × 56 tCO2/TJ = 2,800 t → AttrEm_dir = 1,000 − 2,800 = −1,800 t
    for (const p of [pack, transitionalPack()]) {
      const f = new Findings();
      const a = attribution(p, categoryById(p, 'hydrogen'), [], { heat: { exportedTJ: 50, exportedEf: 56 } }, 1_000, f);
      expect(a.attributedDirect).toBe(-1_800);
      expect(f.hasError).toBe(false);
      const w = f.list.find((x) => x.message.key === 'cbamconvert:warnings.negativeAttributed')!;
      expect(w.severity).toBe('warning');
      const ref = p.rules.refs.methods!;
      expect(w.message.params).toEqual({ value: -1_800, direct: 1_000, corrections: -2_800, act: `${ref.act}, ${ref.annex}` });
    }
  });
});

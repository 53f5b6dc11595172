// Worked examples TC1-TC9 and TC16 of reference/cbam.md §9 (Commission template v2.1.1 examples, guidance EAF example).
import { describe, expect, it } from 'vitest';
import { round } from '../num';
import {
  attributedDirect,
  attributedIndirect,
  CbamInputError,
  cems,
  combustion,
  exportedElectricity,
  heatEmissionFactor,
  importEmbeddedEmissions,
  massBalance,
  measurableHeat,
  pfcOvervoltage,
  pfcSlope,
  processEmissions,
  specificEmbeddedEmissions,
  wasteGasExportCorrection,
  wasteGasImportCorrection,
} from './methods';

describe('source streams', () => {
  it('TC1 combustion: HFO 252,000 t × 45 GJ/t × 73 tCO2/TJ → 11,340 TJ, 827,820 tCO2', () => {
    const r = combustion({ ad: 252_000, ncv: 45, ef: 73, oxidationFactor: 1, biomassShare: 0 });
    expect(r.energyTJ).toBe(11_340);
    expect(r.fossil).toBe(827_820);
    expect(r.biogenic).toBe(0);
  });
  it('combustion splits biomass carbon', () => {
    const r = combustion({ ad: 100, ncv: 10, ef: 100, biomassShare: 0.25 });
    expect([r.fossil, r.biogenic]).toEqual([75, 25]);
  });
  it('TC2 process: raw meal 121,000 t × 0.08794 → 10,640.74 tCO2', () => {
    expect(processEmissions({ ad: 121_000, ef: 0.08794, conversionFactor: 1 }).fossil).toBe(10_640.74);
  });
  it('TC3 mass balance: steel output −1,808,226 t × 0.003878 tC/t × 3.664 → −25,693.07 tCO2', () => {
    const r = massBalance([{ ad: -1_808_226, carbonContent: 0.003878 }]);
    expect(round(r.fossil, 2)).toBe(-25_693.07);
    expect(r.factor.value).toBe(3.664);
  });
  it('mass balance sums inputs and outputs', () => {
    const r = massBalance([
      { ad: 1000, carbonContent: 0.5 },
      { ad: -1000, carbonContent: 0.1 },
    ]);
    expect(r.fossil).toBe(1465.6);
  });
});

describe('PFC', () => {
  it('TC4 slope method: CF4 194.8443 t, C2F6 23.7710 t, 1,291,817.71 + 263,858.15 → 1,587,424.35 tCO2e', () => {
    const r = pfcSlope({ alProduced: 500_000, aef: 2.17, aed: 1.23, sefCf4: 0.146, fC2F6: 0.122, collectionEfficiency: 0.98 });
    expect(round(r.cf4, 4)).toBe(194.8443);
    expect(round(r.c2f6, 4)).toBe(23.771);
    expect(round(r.co2eCf4, 2)).toBe(1_291_817.71);
    expect(round(r.co2eC2F6, 2)).toBe(263_858.15);
    expect(round(r.total, 2)).toBe(1_587_424.35);
    expect([r.gwp.CF4.value, r.gwp.C2F6.value]).toEqual([6630, 11100]);
  });
  it('overvoltage method: CF4 = AD × OVC × AEO / CE / 1000', () => {
    // 95,000 t × 1 kg CF4/(t·mV) × 2 mV / 0.95 / 1000 = 200 t CF4; C2F6 = 20 t; 200×6630 + 20×11100 = 1,548,000
    const r = pfcOvervoltage({ alProduced: 95_000, ovc: 1, aeo: 2, currentEfficiency: 0.95, fC2F6: 0.1, collectionEfficiency: 1 });
    expect([r.cf4, r.c2f6, r.total]).toEqual([200, 20, 1_548_000]);
  });
  it('rejects a collection efficiency of 0', () => {
    expect(() => pfcSlope({ alProduced: 1, aef: 1, aed: 1, sefCf4: 1, fC2F6: 0, collectionEfficiency: 0 })).toThrow(CbamInputError);
  });
});

describe('CEMS', () => {
  it('TC5 N2O: 64.2925 g/Nm3, 4 h, 265 ×1000 Nm3/h → 68.15005 t N2O → 18,059.76 tCO2e', () => {
    const r = cems({ gas: 'N2O', concentration: 64.2925, hours: 4, flow: 265 });
    expect(r.mass).toBe(68.15005);
    expect(round(r.co2e, 2)).toBe(18_059.76);
  });
  it('TC6 CO2: 1,820 g/Nm3, 5,000 h, 50 ×1000 Nm3/h, biomass 15 % → 455,000 t, 386,750 fossil, 68,250 biogenic', () => {
    const r = cems({ gas: 'CO2', concentration: 1820, hours: 5000, flow: 50, biomassShare: 0.15 });
    expect([r.mass, r.fossil, r.biogenic]).toEqual([455_000, 386_750, 68_250]);
  });
});

describe('attribution corrections', () => {
  it('TC7 heat EF: fuel EF 96 tCO2/TJ at 90 % efficiency → 106.67 tCO2/TJ', () => {
    expect(round(heatEmissionFactor(96, 0.9).value, 2)).toBe(106.67);
    expect(heatEmissionFactor(96).assumedEfficiency).toBe(true);
  });
  it('TC8 waste gas: import 100 TJ → +5,610; export 100 TJ → −3,741.87', () => {
    expect(wasteGasImportCorrection(100).value).toBe(5610);
    expect(wasteGasExportCorrection(100).value).toBe(3741.87);
    const a = attributedDirect({ dirEm: 10_000, wasteGasImportTJ: 100, wasteGasExportTJ: 100 });
    expect(a.value).toBe(11_868.13);
  });
  it('attributed direct emissions apply heat import/export and exported electricity', () => {
    const a = attributedDirect({ dirEm: 1000, heatImport: { tj: 10, ef: 106.67 }, heatExport: { tj: 2, ef: 56.1 }, electricityExport: { mwh: 100, ef: 0.8 } });
    expect(a.components).toMatchObject({ heatImport: 1066.7, heatExport: 112.2, electricityExport: 80 });
    expect(a.value).toBe(1874.5);
    expect(measurableHeat(10, 106.67).value).toBe(1066.7);
    expect(exportedElectricity(100, 0.8).value).toBe(80);
  });
});

describe('specific embedded emissions', () => {
  it('TC9 guidance EAF example: 100 t at SEE_dir 1.440 and SEE_ind 1.732 → 144 + 173.2 = 317.2 tCO2e', () => {
    // Process 2 of guidance Example 2: SEE over 1,133,000 t of products
    const see = specificEmbeddedEmissions({ activityLevel: 1_133_000, attributedDirect: 1.44 * 1_133_000, attributedIndirect: 1.732 * 1_133_000 });
    expect(round(see.direct, 3)).toBe(1.44);
    expect(round(see.indirect, 3)).toBe(1.732);
    const e = importEmbeddedEmissions(100, see.direct, see.indirect, true);
    expect([e.direct, e.indirect, e.total]).toEqual([144, 173.2, 317.2]);
    // definitive period: indirect does not count for steel
    expect(importEmbeddedEmissions(100, see.direct, see.indirect, false).counted).toBe(144);
  });
  it('TC16 complex good: rebar mill → SEE_dir 2.14, SEE_ind 0.16667', () => {
    const ind = attributedIndirect(12_000, 0.5306);
    expect(ind.value).toBe(6367.2);
    const see = specificEmbeddedEmissions({
      activityLevel: 100_000,
      attributedDirect: 8000,
      attributedIndirect: ind.value,
      precursors: [{ mass: 103_000, seeDirect: 2.0, seeIndirect: 0.1 }],
    });
    expect(see.direct).toBe(2.14);
    expect(round(see.indirect, 5)).toBe(0.16667);
    expect(see.embeddedInPrecursorsDirect).toBe(206_000);
    expect(see.embeddedInPrecursorsIndirect).toBe(10_300);
    expect(see.complex).toBe(true);
  });
  it('refuses a zero activity level with a message naming the field', () => {
    try {
      specificEmbeddedEmissions({ activityLevel: 0, attributedDirect: 1 });
      expect.unreachable();
    } catch (e) {
      expect((e as CbamInputError).detail).toEqual({ key: 'cbam:errors.mustBePositive', params: { field: 'activityLevel', value: 0 } });
    }
  });
});

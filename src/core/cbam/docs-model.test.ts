/**
 * The documents' input model from a conversion (issue 9): the partial mode writes what is known — the MWh consumed,
 * the supplier's own figures, the installation's totals by gas, source streams — and lists what is not; the supplier's
 * MWh/t is never back-calculated from the reporting installation's factor (defect 4); missing is never 0 (defect 2).
 */
import { describe, expect, it } from 'vitest';
import { sampleJson } from '../../../test/helpers/samples';
import { hotRolledCoil } from '../../../test/helpers/cbam-cases';
import { Dataset } from '../model/dataset';
import { convertToCbam, type CbamConversion } from './convert';
import { toDocsModel, toDocsModelPartial } from './docs-model';
import { parseCbamDocData } from './docs/parse';
import { planTemplate } from './docs/template';
import { installationTotals } from './docs/see';
import { CbamConvertError } from './convert';
import { calculateInstallation, parseActivity } from './activity';
import { sheetBFromActivity } from './docs-model';
import { installationTotals as totalsOf } from './docs/see';

const convert = (ds: Dataset, options: Parameters<typeof convertToCbam>[1]): CbamConversion => {
  const r = convertToCbam(ds, options);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
};
const cell = (cells: { sheet: string; ref: string; value: unknown }[], sheet: string, ref: string) =>
  cells.find((c) => c.sheet === sheet && c.ref === ref)?.value;

describe('toDocsModel: partial mode (issue 9 defect 2: missing is never 0, what is known is written)', () => {
  it('hot-rolled coil without an electricity factor: 96,000 MWh written, the factor cells empty and listed', () => {
    const ds = hotRolledCoil();
    const r = convert(ds, { period: '2026' });
    const p = toDocsModelPartial(r, ds);
    const data = parseCbamDocData(p.model);
    expect(data.processes[0]!.electricity!.consumptionMWh.value).toBe(96_000);
    expect(data.processes[0]!.electricity!.ef).toBeUndefined();
    const plan = planTemplate(data);
    expect(cell(plan.cells, 'D_Processes', 'L65')).toBe(96_000);
    expect(cell(plan.cells, 'D_Processes', 'L66')).toBeUndefined();
    expect(plan.gaps.map((g) => `${g.sheet}!${g.ref}`)).toEqual(expect.arrayContaining(['D_Processes!L66', 'C_Emissions&Energy!M26']));
    expect(plan.gaps.every((g) => g.reason.key.startsWith('cbamdocs:gaps.'))).toBe(true);
  });

  it('purchased slabs whose supplier gave 0.35 t/t indirect but no MWh/t: E_PurchPrec MWh/t and factor stay empty, listed with the supplier value (not 0, not back-calculated)', () => {
    const ds = hotRolledCoil();
    const r = convert(ds, { period: '2026', electricity: { euDefaultEf: 0.61 } });
    const data = parseCbamDocData(toDocsModelPartial(r, ds).model);
    const pp = data.purchasedPrecursors[0]!;
    expect(pp.seeIndirect!.value).toBe(0.35);
    expect(pp.electricityMWhPerT).toBeUndefined();
    expect(pp.electricityEf).toBeUndefined();
    const plan = planTemplate(data);
    expect(cell(plan.cells, 'E_PurchPrec', 'L50')).toBeUndefined(); // before: 0, or 0.35 / 0.61 = 0.5738
    expect(cell(plan.cells, 'E_PurchPrec', 'L51')).toBeUndefined();
    const gap = plan.gaps.find((g) => g.ref === 'L52')!;
    expect(gap.reason).toMatchObject({ key: 'cbamdocs:gaps.precursorIndirectNotInTemplate', params: { value: 0.35 } });
  });

  it("the supplier's own MWh/t and factor (dataset v2) are written as given (issue 9 defect 4)", () => {
    const ds = hotRolledCoil(true);
    const r = convert(ds, { period: '2026', electricity: { euDefaultEf: 0.61 } });
    const data = parseCbamDocData(toDocsModelPartial(r, ds).model);
    const plan = planTemplate(data);
    expect(cell(plan.cells, 'E_PurchPrec', 'L50')).toBe(0.5);
    expect(cell(plan.cells, 'E_PurchPrec', 'L51')).toBe(0.7);
    expect(cell(plan.cells, 'E_PurchPrec', 'M51')).toBe('D.4(b)');
    expect(plan.gaps.filter((g) => g.sheet === 'E_PurchPrec')).toEqual([]);
  });

  it('the existing call still refuses an incomplete conversion; the partial mode lists why', () => {
    const ds = Dataset.parse(sampleJson('cement-grey-portland.json'));
    const r = convert(ds, { period: '2026' });
    expect(r.complete).toBe(false);
    expect(() => toDocsModel(r, ds)).toThrow(CbamConvertError);
    const p = toDocsModelPartial(r, ds);
    expect(p.complete).toBe(false);
    expect(p.missing.map((m) => m.key)).toContain('cbamconvert:errors.efMissing');
    expect(parseCbamDocData(p.model).processes[0]!.electricity!.consumptionMWh.value).toBe(180_000);
  });
});

describe('toDocsModel: installation totals and source streams (issue 9 defect 1)', () => {
  it('aluminium sample: direct emissions by gas (PFC included), 5,320,000 MWh, source streams from the fuel and process lines', () => {
    const ds = Dataset.parse(sampleJson('aluminium-ingot-ningxia.json'));
    const r = convert(ds, { period: '2026' });
    const data = parseCbamDocData(toDocsModelPartial(r, ds, { productCn: '7601 10 10' }).model);
    const plan = planTemplate(data);
    expect(cell(plan.cells, 'D_Processes', 'L65')).toBe(5_320_000);
    expect(cell(plan.cells, 'C_Emissions&Energy', 'H26')).toBeCloseTo(r.direct.byGas.co2.value, 6);
    expect(cell(plan.cells, 'C_Emissions&Energy', 'K26')).toBeCloseTo(r.direct.byGas.pfc.value, 6);
    expect(r.direct.byGas.pfc.value).toBeGreaterThan(0);
    const t = installationTotals(data);
    expect(t.direct).toBeCloseTo(r.direct.total.value, 6);
    expect(t.methods.pfc).toBeCloseTo(r.direct.byGas.pfc.value, 6);
    // the anode (t) and natural gas (Nm3) lines are expressed as streams; AD × EF gives back each line's CO2
    expect(data.sourceStreams.map((s) => s.name.split(':')[0])).toEqual(['AL-05', 'AL-08']);
    const lineCo2 = (id: string) => r.direct.lines.find((l) => l.id === id)!.gases.find((g) => g.gas === 'CO2_fossil')!.co2eT;
    for (const s of data.sourceStreams) expect(s.activityData.value * s.ef!.value).toBeCloseTo(lineCo2(s.name.split(':')[0]!), 6);
    expect(data.sourceStreams[1]).toMatchObject({ method: 'Combustion', adUnit: '1000Nm3', activityData: { value: 4800 }, efUnit: 'tCO2/1000Nm3' });
  });

  it('fuel balance: total fuel input (C H16) from fuel lines given in energy units; the split by use stays empty', () => {
    const ds = hotRolledCoil();
    const line = ds.inventory[0]!;
    line.activity = { amount: 1_080_000, unit: 'GJ' };
    line.emissions = { kind: 'factors', massUnit: 'kg', perUnit: 'GJ', gases: { CO2_fossil: 56.1 }, source: { name: 'Test factor' } };
    const r = convert(ds, { period: '2026', electricity: { euDefaultEf: 0.61 } });
    const data = parseCbamDocData(toDocsModelPartial(r, ds).model);
    expect(data.emissionsBalance!.fuel!.totalTJ!.value).toBe(1080);
    const plan = planTemplate(data);
    expect(cell(plan.cells, 'C_Emissions&Energy', 'H16')).toBe(1080);
    expect(['I16', 'J16', 'K16'].map((r) => cell(plan.cells, 'C_Emissions&Energy', r))).toEqual([undefined, undefined, undefined]);
    // sheet B takes activity data only in t or 1000 Nm3: the energy is the activity data with NCV 1, said in the name;
    // the template's formula (AD × NCV / 1000 × EF) gives the line's CO2 (1,080,000 GJ × 56.1 kg/GJ = 60,588 t)
    expect(data.sourceStreams).toHaveLength(1);
    const s = data.sourceStreams[0]!;
    expect(s).toMatchObject({ method: 'Combustion', adUnit: 't', activityData: { value: 1_080_000 }, ncv: { value: 1 }, efUnit: 'tCO2/TJ' });
    expect(s.name).toMatch(/activity as energy in GJ, NCV 1 GJ\/GJ/);
    expect(((s.activityData.value * s.ncv!.value) / 1000) * s.ef!.value).toBeCloseTo(60_588, 6);
    expect(cell(plan.cells, 'B_EmInst', 'F17')).toBe(1_080_000);
    expect(cell(plan.cells, 'B_EmInst', 'H17')).toBe(1);
    expect(cell(plan.cells, 'B_EmInst', 'K17')).toBe('tCO2/TJ');
  });
});

describe('sheet B from the activity calculator (source streams and PFC as entered)', () => {
  it("the template formulas on the rows written give the calculator's own stream emissions", () => {
    const raw = {
      sourceStreams: [
        { method: 'combustion', name: 'Natural gas', ad: 30_000, unit: '1000 Nm3', ncv: 34, ef: 56.1, oxidationFactor: 0.995 },
        { method: 'process', name: 'Limestone', ad: 1_000_000, ef: 0.44, conversionFactor: 0.98, biomassShare: 0 },
        { method: 'mass-balance', name: 'Anodes', ad: 84_000, carbonContent: 0.98 },
        { method: 'mass-balance', name: 'Slag (output)', ad: -5_000, carbonContent: 0.01 },
      ],
      pfc: [{ method: 'slope', alProduced: 200_000, aef: 0.1, aed: 1.5, sefCf4: 0.143, fC2F6: 0.121, collectionEfficiency: 0.98 }],
      production: { activityLevel: 200_000 },
    };
    const parsed = parseActivity(raw);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const calc = calculateInstallation(raw);
    if (!calc.ok) throw new Error(JSON.stringify(calc.errors));
    const b = sheetBFromActivity(parsed.input);
    expect(b.sourceStreams![0]).toMatchObject({ method: 'Combustion', adUnit: '1000Nm3', oxidationFactorPct: 99.5, efUnit: 'tCO2/TJ' });
    const data = parseCbamDocData({
      installation: { nameEn: 'Smelter', country: 'CN' },
      reportingPeriod: { start: '2026-01-01', end: '2026-12-31' },
      goods: [{ category: 'Unwrought aluminium', routes: ['Primary (electrolytic) smelting'] }],
      processes: [
        {
          id: 'P1',
          name: 'Potline',
          category: 'Unwrought aluminium',
          production: [{ route: 'Primary (electrolytic) smelting', amount: 200_000 }],
          directEmissions: 1,
        },
      ],
      ...b,
    });
    const t = totalsOf(data);
    const streamsCo2 = calc.streams.filter((s) => !s.kind.startsWith('pfc')).reduce((a, s) => a + s.fossil, 0);
    const pfcCo2e = calc.streams.filter((s) => s.kind.startsWith('pfc')).reduce((a, s) => a + s.fossil, 0);
    expect(t.fromSheetB.co2).toBeCloseTo(streamsCo2, 5);
    expect(t.fromSheetB.pfc).toBeCloseTo(pfcCo2e, 5);
    expect(planTemplate(data).cells.filter((c) => c.sheet === 'B_EmInst').length).toBeGreaterThan(20);
  });
});

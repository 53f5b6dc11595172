/**
 * The filled communication template read as its recipient will (test/helpers/template-check.ts): filled, recalculated
 * by LibreOffice headless, read back and compared with CarbonBridge's own figures — SEE per process and product,
 * installation totals, Summary_Communication and its breakdown by monitoring methodology, controls and error flags.
 * Cases: the aluminium documents fixture (smelter → rolling mill with a purchased precursor), a cement plant with its
 * own clinker kiln and grinding plus purchased clinker (hand calculation below), and the aluminium and cement dataset
 * samples converted by CarbonBridge (issue 9 defects 1 and 2: totals written, the MWh written, missing never 0).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Dataset } from '../src/core/model/dataset';
import { convertToCbam, type CbamConversion } from '../src/core/cbam/convert';
import { toDocsModelPartial } from '../src/core/cbam/docs-model';
import type { CbamDocInput } from '../src/core/cbam/docs/model';
import { checkFilledTemplate, templateCheckAvailable } from './helpers/template-check';
import { sampleJson } from './helpers/samples';
import { hotRolledCoil } from './helpers/cbam-cases';
import { SHARED } from './helpers/tools';

const LO = { timeout: 600_000 };
const available = templateCheckAvailable();

/** Cement plant: kiln P1 (clinker) → grinding P2 (cement), plus purchased Chinese clinker PP1 with the supplier's own electricity figures. */
export const cementPlant = (): CbamDocInput => ({
  installation: { nameEn: 'Example Cement Works', country: 'CN', city: 'Tangshan' },
  reportingPeriod: { start: '2026-01-01', end: '2026-12-31' },
  goods: [{ category: 'Cement clinker' }, { category: 'Cement' }],
  processes: [
    {
      id: 'P1',
      name: 'Clinker kiln',
      category: 'Cement clinker',
      production: [{ amount: 800_000 }],
      directEmissions: 680_000,
      electricity: { consumptionMWh: 40_000, ef: 0.6, efSource: 'D.4(a)' },
    },
    {
      id: 'P2',
      name: 'Cement grinding',
      category: 'Cement',
      production: [{ amount: 1_000_000 }],
      directEmissions: 5_000,
      electricity: { consumptionMWh: 45_000, ef: 0.6, efSource: 'D.4(a)' },
      precursors: [
        { from: 'P1', amount: 700_000 },
        { from: 'PP1', amount: 50_000 },
      ],
    },
  ],
  purchasedPrecursors: [
    {
      id: 'PP1',
      name: 'Purchased clinker',
      category: 'Cement clinker',
      country: 'CN',
      seeDirect: 0.9,
      seeDirectBasis: 'Measured',
      seeIndirect: 0.0522,
      electricityMWhPerT: 0.09,
      electricityEf: 0.58,
      electricityEfBasis: 'Measured',
      electricityEfSource: 'D.4(b)',
    },
  ],
  products: [
    { processId: 'P1', cnCode: '2523 10 00', name: 'Grey clinker' },
    { processId: 'P2', cnCode: '2523 29 00', name: 'CEM I 42.5', qualifying: { AB: 0.75 } }, // clinker factor (700,000 + 50,000) / 1,000,000
  ],
});

const convertSample = (file: string, options: Parameters<typeof convertToCbam>[1]): { ds: Dataset; r: CbamConversion } => {
  const ds = Dataset.parse(sampleJson(file));
  const r = convertToCbam(ds, options);
  if (!r.ok) throw new Error(`${file} did not convert`);
  return { ds, r };
};

describe.skipIf(!available)(`template read back after a LibreOffice recalculation ${SHARED}`, () => {
  it('aluminium fixture (smelter → rolling mill, purchased ingots): every figure as CarbonBridge computes it', LO, () => {
    const input = JSON.parse(readFileSync('test/fixtures/cbam-docs/aluminium-installation.json', 'utf8')) as CbamDocInput;
    const c = checkFilledTemplate(input);
    expect(c.failures).toEqual([]);
    expect(c.readback.processes.map((p) => p.id)).toEqual(['P1', 'P2']);
    // totals from sheet B (no manual entry): the PFC row's slope method and the mass balance
    expect(c.readback.communication.methods.pfc).toBeCloseTo(34_902.652041, 5);
    expect(c.readback.communication.direct).toBeGreaterThan(0);
    expect(c.readback.controls.length).toBe(3);
  });

  it('cement plant: kiln P1 → grinding P2 with purchased clinker = hand calculation = template recalculated', LO, () => {
    const c = checkFilledTemplate(cementPlant(), {
      expected: { direct: 685_000, indirect: 51_000, methods: { calculation: 0, pfc: 0, measurement: 0, other: 685_000 } },
    });
    expect(c.failures).toEqual([]);
    // hand calculation (IR (EU) 2023/1773 Annex III: SEE = (AttrEm + Σ M_i × SEE_i) / AL)
    const p1Dir = 680_000 / 800_000; // 0.85
    const p1Ind = (40_000 * 0.6) / 800_000; // 0.03
    const p2Dir = (5_000 + 700_000 * p1Dir + 50_000 * 0.9) / 1_000_000; // 0.645
    const p2Ind = (45_000 * 0.6 + 700_000 * p1Ind + 50_000 * 0.09 * 0.58) / 1_000_000; // 0.05061
    const [clinker, cement] = c.readback.products;
    expect(clinker!.seeDirect).toBeCloseTo(p1Dir, 6);
    expect(clinker!.seeIndirect).toBeCloseTo(p1Ind, 6);
    expect(cement!.seeDirect).toBeCloseTo(p2Dir, 6);
    expect(cement!.seeIndirect).toBeCloseTo(p2Ind, 6);
    expect(cement!.seeTotal).toBeCloseTo(p2Dir + p2Ind, 6);
    expect(c.ours.see.products[1]!.seeDirect).toBeCloseTo(p2Dir, 6);
    // Summary_Communication as the importer receives it
    expect(c.readback.communication.direct).toBeCloseTo(685_000, 6);
    expect(c.readback.communication.indirect).toBeCloseTo(51_000, 6);
    expect(c.readback.rest.direct).toBeCloseTo(0, 6);
    expect(c.readback.controls.every((x) => x.value === 0)).toBe(true);
  });

  it('aluminium sample converted: totals by gas, PFC in the breakdown, 5,320,000 MWh written — no factor, no 0', LO, () => {
    const { ds, r } = convertSample('aluminium-ingot-ningxia.json', { period: '2026' });
    const p = toDocsModelPartial(r, ds, { productCn: '7601 10 10' });
    const c = checkFilledTemplate(p.model, { expected: { direct: r.direct.total.value, methods: { pfc: r.direct.byGas.pfc.value } } });
    expect(c.failures).toEqual([]);
    expect(c.readback.communication.methods.pfc).toBeCloseTo(r.direct.byGas.pfc.value, 6);
    expect(c.readback.communication.methods.pfc).toBeGreaterThan(0);
    expect(c.readback.communication.direct).toBeCloseTo(r.direct.total.value, 6);
    expect(c.readback.products[0]!.seeDirect).toBeCloseTo(r.see.direct!.value, 6);
    expect(c.fill.report.cells.find((x) => x.sheet === 'D_Processes' && x.ref === 'L65')?.value).toBe(5_320_000);
  });

  it('cement sample converted without an electricity factor: MWh written, factor and indirect total left empty and listed', LO, () => {
    const { ds, r } = convertSample('cement-grey-portland.json', { period: '2026' });
    expect(r.complete).toBe(false);
    const p = toDocsModelPartial(r, ds);
    expect(p.missing.map((m) => m.key)).toContain('cbamconvert:errors.efMissing');
    const c = checkFilledTemplate(p.model, { expected: { direct: r.direct.total.value, indirect: null } });
    expect(c.failures).toEqual([]);
    expect(c.fill.report.gaps.map((g) => `${g.sheet}!${g.ref}`)).toEqual([
      'D_Processes!L66',
      'D_Processes!L67',
      'C_Emissions&Energy!M26',
      'Summary_Products!AB10',
    ]);
    // the template flags exactly the rows of the listed gaps (cement counts indirect emissions)
    expect(c.newFlags.map((f) => `${f.sheet}!${f.ref}`)).toEqual(expect.arrayContaining(['D_Processes!V66', 'D_Processes!V67']));
    expect(c.readback.communication.direct).toBeCloseTo(r.direct.total.value, 6);
    expect(c.readback.communication.indirect).toBeNull();
    expect(c.readback.products[0]!.seeDirect).toBeCloseTo(r.see.direct!.value, 6);
  });

  it(
    "hot-rolled coil without an electricity factor, slabs with the supplier's 0.35 t/t indirect only: known figures shown, the rest empty and listed",
    LO,
    () => {
      const ds = hotRolledCoil();
      const r = convertToCbam(ds, { period: '2026' });
      if (!r.ok) throw new Error('no conversion');
      const p = toDocsModelPartial(r, ds);
      const c = checkFilledTemplate(p.model, { expected: { direct: r.direct.total.value, indirect: null } });
      expect(c.failures).toEqual([]);
      const gaps = c.fill.report.gaps.map((g) => `${g.sheet}!${g.ref}`);
      expect(gaps).toEqual(expect.arrayContaining(['D_Processes!L66', 'E_PurchPrec!L50', 'E_PurchPrec!L51', 'E_PurchPrec!L52', 'C_Emissions&Energy!M26']));
      // the template shows the known part: direct SEE incl. the slabs' 1.9 t/t, the MWh consumed; nothing written as 0
      expect(c.readback.products[0]!.seeDirect).toBeCloseTo(r.see.direct!.value, 6);
      expect(c.fill.report.cells.find((x) => x.sheet === 'D_Processes' && x.ref === 'L65')?.value).toBe(96_000);
      expect(c.fill.report.cells.filter((x) => x.sheet === 'E_PurchPrec' && ['L50', 'L51'].includes(x.ref))).toEqual([]);
    },
  );
});

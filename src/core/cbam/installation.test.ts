// A whole installation (several production processes, flows between them) → CBAM: checked against hand calculations
// written here from the rules (IR (EU) 2023/1773 Annex III / the communication template: SEE = (AttrEm + Σ M_i × SEE_i) / AL).
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allT, LANGS } from '../../../test/helpers/i18n';
import { sampleFiles, sampleJson } from '../../../test/helpers/samples';
import { translateMessage, type TFunction } from '../i18n/translate';
import { Dataset, type DatasetInput } from '../model/dataset';
import { validateDataset } from '../model/validate';
import { round } from '../num';
import { convertToCbam } from './convert';
import { convertInstallation, type InstallationConversion } from './installation';
import { parseCbamDocData } from './docs/parse';
import { computeSee } from './docs/see';
import { chinaDefaultRows, markupFor } from './screen';
import { definitivePack } from './packs';
import { planTemplate } from './docs/template';
import { QUALIFYING_PARAMS } from '../model/qualifying';
import { QUALIFYING_NAMES } from '../../ui/state/processes.svelte';

let T: Record<(typeof LANGS)[number], TFunction>;
beforeAll(async () => {
  T = await allT();
});

const see7 = (x: number) => round(x, 7);
const inst = (r: ReturnType<typeof convertInstallation>): InstallationConversion => {
  if (!r.ok || r.status !== 'installation') throw new Error(`not an installation result: ${JSON.stringify(r)}`);
  return r;
};
const valid = (raw: unknown): Dataset => {
  const v = validateDataset(raw);
  if (!v.ok) throw new Error(JSON.stringify(v.problems.map((p) => p.message)));
  return v.dataset!;
};

// ---------------------------------------------------------------------------------------------------------------
// Fixtures: a line, a steel works (slabs → hot-rolled coil)

type L = DatasetInput['inventory'][number];
const co2Line = (id: string, processId: string, amount: number, unit: string, kgPerUnit: number, category: L['category'] = 'fuel-combustion'): L => ({
  id,
  description: id,
  stage: 'production',
  category,
  location: 'installation',
  installationId: 'W1',
  processId,
  activity: { amount, unit: unit as L['activity']['unit'] },
  emissions: { kind: 'factors', massUnit: 'kg', perUnit: unit as L['activity']['unit'], gases: { CO2_fossil: kgPerUnit }, source: { name: 'test factor' } },
  dataType: 'primary',
});
const elecLine = (id: string, processId: string, mwh: number): L => ({
  ...co2Line(id, processId, mwh, 'MWh', 600),
  category: 'electricity',
  electricity: { source: 'national-grid' },
});
const precursorLine = (id: string, processId: string, t: number, cnCode: string, embedded?: { direct: number; indirect?: number }): L => ({
  id,
  description: id,
  stage: 'raw-material-acquisition',
  category: 'precursor-material',
  location: 'upstream',
  processId,
  activity: { amount: t, unit: 't' },
  emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 1000 }, source: { name: 'study factor' } },
  dataType: 'secondary',
  precursor: { cnCode, countryOfProduction: 'CN', ...(embedded ? { embedded: { ...embedded, source: 'supplier communication 2026' } } : {}) },
});

/** Steel works: P1 EAF crude steel (slabs) with purchased pig iron; P2 hot rolling of own slabs + purchased slabs. */
function steelWorks(): DatasetInput {
  return {
    format: 'carbonbridge.dataset',
    formatVersion: 2,
    title: 'Steel works (test)',
    product: { name: { en: 'Hot-rolled coil' }, cnCode: '7208 39 00', functionalUnit: { amount: 1, unit: 't' } },
    producer: { name: 'Test Steel Co.', country: 'CN' },
    installations: [{ id: 'W1', name: 'Works 1', country: 'CN' }],
    period: { start: '2026-01-01', end: '2026-12-31' },
    study: { standard: 'GB/T 24067-2024', boundary: 'cradle-to-gate', allocation: { method: 'none' }, gwpSet: 'AR5' },
    basis: { kind: 'per-period', production: { amount: 480000, unit: 't' } },
    inventory: [
      co2Line('S-01', 'EAF', 500000, 't', 2, 'process-emission'), // electrodes: 1,000 t CO2
      co2Line('S-02', 'EAF', 500000, 'GJ', 56.1), // natural gas: 28,050 t CO2
      elecLine('S-03', 'EAF', 250000),
      precursorLine('S-04', 'EAF', 100000, '7201 10 11', { direct: 1.9, indirect: 0.1 }),
      co2Line('H-01', 'HSM', 576000, 'GJ', 56.1), // reheating furnace: 32,313.6 t CO2
      elecLine('H-02', 'HSM', 48000),
      precursorLine('H-03', 'HSM', 20000, '7207 12 10', { direct: 2.1, indirect: 0.35 }),
    ],
    processes: [
      {
        id: 'EAF',
        name: 'Electric arc furnace and caster',
        category: 'crude-steel',
        route: 'eaf',
        production: { amount: 500000, unit: 't' },
        inputs: [],
        products: [{ id: 'SLAB', cnCode: '7207 12 10', name: 'Slabs' }],
      },
      {
        id: 'HSM',
        name: 'Hot strip mill',
        category: 'iron-steel-products',
        production: { amount: 480000, unit: 't' },
        inputs: [{ fromProcess: 'EAF', amount: 490000, unit: 't' }],
        products: [
          {
            id: 'HRC',
            cnCode: '7208 39 00',
            name: 'Hot-rolled coil',
            qualifying: { mnPct: 0.8, crPct: 0.02, Q: 'MILL-1', clinkerShare: 0.5 },
            carbonPrice: { instrument: 'national-ets', shareCovered: 0.5, currency: 'CNY', amountPerT: 20 },
          },
        ],
      },
    ],
  };
}

describe('slabs → hot-rolled coil with purchased precursors (hand calculation)', () => {
  const ds = valid(steelWorks());
  const r = inst(convertInstallation(ds, { period: '2026', electricity: { euDefaultEf: 0.6 } }));
  // P1 (EAF): AttrEm_dir = 1,000 + 28,050 = 29,050; pig iron 100,000 t × 1.9 = 190,000 → SEE_dir = 219,050 / 500,000
  const eafDir = (1000 + 28050 + 100000 * 1.9) / 500000;
  // indirect: 250,000 MWh × 0.6 = 150,000; pig iron 100,000 × 0.1 = 10,000 → 160,000 / 500,000
  const eafInd = (250000 * 0.6 + 100000 * 0.1) / 500000;
  // P2 (hot strip mill): 32,313.6 own + 20,000 × 2.1 purchased slabs + 490,000 × SEE_dir(P1) own slabs, over 480,000 t
  const hsmDir = (576000 * 0.0561 + 20000 * 2.1 + 490000 * eafDir) / 480000;
  const hsmInd = (48000 * 0.6 + 20000 * 0.35 + 490000 * eafInd) / 480000;

  it('SEE per process equals the hand calculation to the 7th decimal', () => {
    expect(eafDir).toBeCloseTo(0.4381, 12);
    expect(r.processes.map((p) => [p.id, p.templateId, p.see.direct?.value, p.see.indirect?.value, p.see.total?.value])).toEqual([
      ['EAF', 'P1', see7(eafDir), see7(eafInd), see7(eafDir + eafInd)],
      ['HSM', 'P2', see7(hsmDir), see7(hsmInd), see7(hsmDir + hsmInd)],
    ]);
    expect(see7(hsmDir)).toBe(0.6020471);
    expect(see7(hsmInd)).toBe(0.40125);
  });

  it("products carry their process's SEE; steel counts direct only in the definitive period", () => {
    expect(r.products.map((p) => [p.id, p.processId, p.see.countedValue?.value, p.see.counted])).toEqual([
      ['SLAB', 'EAF', see7(eafDir), 'direct'],
      ['HRC', 'HSM', see7(hsmDir), 'direct'],
    ]);
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
  });

  it('no double counting: each process reports only its own emissions; the flow carries M × SEE of the producer', () => {
    const docs = parseCbamDocData(r.docs!);
    expect(docs.processes.map((p) => [p.id, p.directEmissions.value])).toEqual([
      ['P1', 29050],
      ['P2', 32313.6],
    ]);
    expect(docs.processes[1]!.precursors.map((u) => [u.from, u.amount.value])).toEqual([
      ['PP2', 20000],
      ['P1', 490000],
    ]);
    expect(docs.purchasedPrecursors.map((p) => [p.id, p.category, p.seeDirect.value, p.seeIndirect?.value])).toEqual([
      ['PP1', 'Pig iron', 1.9, 0.1],
      ['PP2', 'Crude steel', 2.1, 0.35],
    ]);
    // the total attributed to the installation: own direct emissions once (not again inside the hot strip mill)
    const s = computeSee(docs);
    expect(s.processes[1]!.embeddedPrecursorsDirect).toBe(round(20000 * 2.1 + 490000 * eafDir, 4));
    expect(docs.emissionsBalance?.totalIndirect?.value).toBe(250000 * 0.6 + 48000 * 0.6);
    // the installation's direct emissions: each process's own, once (61,363.6 t), not again inside the hot strip mill
    expect(docs.emissionsBalance?.co2?.value).toBe(1000 + 28050 + 32313.6);
  });

  it('the documents model: goods categories with routes, products under P1/P2, carbon price and qualifying parameters in the template words', () => {
    const docs = parseCbamDocData(r.docs!);
    expect(docs.goods).toEqual([
      { category: 'Crude steel', routes: ['Electric arc furnace'] },
      { category: 'Iron or steel products', routes: [] },
    ]);
    expect(docs.products.map((p) => [p.processId, p.cnCode, p.seeDirect?.value])).toEqual([
      ['P1', '72071210', see7(eafDir)],
      ['P2', '72083900', see7(hsmDir)],
    ]);
    expect(docs.products[1]!.carbonPrice).toEqual({
      instrument: 'National Emissions Trading System',
      shareCovered: 0.5,
      currency: 'CNY',
      amountPerT: { value: 20 },
    });
    // qualifying parameters by name → the template's columns of the category (% Mn → R, % Cr → S; a clinker share is not one of steel's)
    expect(docs.products[1]!.qualifying).toEqual({ R: 0.8, S: 0.02, Q: 'MILL-1' });
    expect(docs.products[0]!.carbonPrice).toBeUndefined();
  });

  it('the share of default values is 0 when every precursor is the supplier’s', () => {
    expect(r.processes.map((p) => p.see.shareDefault)).toEqual([0, 0]);
  });

  it('a missing electricity factor leaves exactly the indirect figures empty, lists them, and keeps the direct ones', () => {
    const m = inst(convertInstallation(ds, { period: '2026' }));
    expect(m.processes.map((p) => [p.see.direct?.value, p.see.indirect, p.see.total])).toEqual([
      [see7(eafDir), null, null],
      [see7(hsmDir), null, null],
    ]);
    expect(m.missing.map((x) => [x.processId, x.figure, x.reason.key])).toEqual([
      ['EAF', 'indirect', 'cbamconvert:installation.missing.electricity'],
      ['HSM', 'indirect', 'cbamconvert:installation.missing.electricity'],
    ]);
    for (const x of m.missing) for (const lang of LANGS) expect(translateMessage(T[lang], x.reason)).not.toMatch(/\{\{|\$t:|cbamconvert:/);
    const docs = parseCbamDocData(m.docs!);
    // the MWh consumed are known and written; only the factor (and what depends on it) stays empty
    expect(docs.processes.map((p) => [p.electricity?.consumptionMWh.value, p.electricity?.ef])).toEqual([
      [250000, undefined],
      [48000, undefined],
    ]);
    expect(docs.emissionsBalance?.totalIndirect).toBeUndefined();
    expect(docs.emissionsBalance?.co2?.value).toBe(1000 + 28050 + 32313.6);
    expect(docs.products.map((p) => [p.seeDirect?.value, p.seeIndirect, p.seeTotal])).toEqual([
      [see7(eafDir), undefined, undefined],
      [see7(hsmDir), undefined, undefined],
    ]);
    // steel counts direct only: the counted figure is known, so the conversion is complete
    expect(m.complete).toBe(true);
  });

  it("a producer's unknown SEE reaches its consumer (listed with the reason), never as 0", () => {
    const raw = steelWorks();
    delete (raw.inventory[3] as { precursor: { embedded?: unknown } }).precursor.embedded; // pig iron at default: none published for CN 7201 10 11? then missing
    (raw.inventory[3] as { precursor: { countryOfProduction?: string } }).precursor.countryOfProduction = 'RU';
    const m = inst(convertInstallation(valid(raw), { period: '2026', electricity: { euDefaultEf: 0.6 } }));
    expect(m.processes.map((p) => [p.id, p.see.direct, p.see.indirect])).toEqual([
      ['EAF', null, null],
      ['HSM', null, null],
    ]);
    expect(m.missing.map((x) => [x.processId, x.figure, x.reason.key])).toEqual([
      ['EAF', 'direct', 'cbamconvert:installation.missing.precursor'],
      ['HSM', 'direct', 'cbamconvert:installation.missing.fromProcess'],
      ['HSM', 'indirect', 'cbamconvert:installation.missing.fromProcess'],
    ]);
    expect(m.complete).toBe(false);
    for (const x of m.missing) for (const lang of LANGS) expect(translateMessage(T[lang], x.reason)).not.toMatch(/\{\{|\$t:|cbamconvert:/);
  });

  it("a process that cannot be converted is listed, and so are its consumers' figures", () => {
    const raw = steelWorks();
    raw.processes![0]!.products[0]!.cnCode = '7204 49 00'; // scrap: not a CBAM good
    const m = inst(convertInstallation(Dataset.parse(raw), { period: '2026', electricity: { euDefaultEf: 0.6 } }));
    expect(m.processes[0]!.conversion.ok).toBe(false);
    expect(m.missing[0]).toMatchObject({ processId: 'EAF', figure: 'process' });
    expect(m.processes[1]!.see.direct).toBeNull();
    expect(parseCbamDocData(m.docs!).processes.map((p) => p.id)).toEqual(['P2']);
    expect(m.complete).toBe(false);
  });

  it('finding and dropped-line rows name the dataset row, not the row inside the process', () => {
    const raw = steelWorks();
    raw.inventory.push({ ...co2Line('H-04', 'HSM', 1000, 'tkm', 0.1), category: 'transport', location: 'upstream' });
    raw.inventory.push({ ...co2Line('H-05', 'HSM', 1000, 'L', 2.66), stage: 'raw-material-acquisition' });
    const m = inst(convertInstallation(valid(raw), { period: '2026' }));
    const hsm = m.processes[1]!.conversion;
    expect(hsm.ok && hsm.dropped.map((d) => [d.id, d.row])).toEqual([['H-04', 8]]);
    const f = m.findings.find((x) => x.line?.id === 'H-05')!;
    expect(f.message.key).toBe('cbamconvert:warnings.installationLineNotProduction');
    expect([f.line!.row, f.path]).toEqual([9, ['inventory', 8]]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('cement plant: clinker kiln → grinding, with clinker bought at the default value (the sample)', () => {
  const ds = valid(sampleJson('cement-plant-kiln-grinding.json'));
  const r = inst(convertInstallation(ds, { period: '2026', electricity: { euDefaultEf: 0.6 } }));
  const pack = definitivePack();
  // grey clinker from China, IR (EU) 2025/2621 Annex I, with the 2026 mark-up on precursor defaults
  const grey = chinaDefaultRows(pack, '25231000').rows.find((x) => x.variant === 'grey')!;
  const mk = 1 + (markupFor(pack, 'cement-clinker', 2026)?.value ?? 0);
  const ppDir = round(grey.direct! * mk, 7);
  const ppInd = round((grey.indirect ?? 0) * mk, 7);
  // kiln: calcination 1,100,000 t × 0.525 + coal 3,520,000 GJ × 0.0946 + diesel 250,000 L × 0.00266 (CH4 and N2O not counted for cement)
  const kilnEm = 1100000 * 0.525 + 3520000 * 0.0946 + 250000 * 0.00266;
  const kilnDir = kilnEm / 1100000;
  const kilnInd = (71500 * 0.6) / 1100000;
  // grinding: natural gas 20,000 GJ × 0.0561, own clinker 1,100,000 t × SEE(kiln), bought clinker 100,000 t × default
  const grindDir = (20000 * 0.0561 + 1100000 * kilnDir + 100000 * ppDir) / 1500000;
  const grindInd = (57000 * 0.6 + 1100000 * kilnInd + 100000 * ppInd) / 1500000;

  it('uses the grey variant of 2523 10 00 and the mark-up', () => {
    expect(grey.direct).toBe(1.35);
    expect(ppDir).toBe(round(1.35 * mk, 7));
  });

  it('SEE of clinker and cement equal the hand calculation (7 decimals)', () => {
    expect(kilnEm).toBe(911157);
    expect(r.processes.map((p) => [p.id, p.see.direct?.value, p.see.indirect?.value, p.see.total?.value])).toEqual([
      ['KILN', see7(kilnDir), see7(kilnInd), see7(kilnDir + kilnInd)],
      ['GRIND', see7(grindDir), see7(grindInd), see7(grindDir + grindInd)],
    ]);
    expect(r.complete).toBe(true);
  });

  it('share of default values on embedded direct emissions (the template definition)', () => {
    const share = (100000 * ppDir) / (grindDir * 1500000);
    expect(r.processes[1]!.see.shareDefault).toBe(round(share, 6));
  });

  it('without the EU default electricity factor: the indirect figures are listed as missing, the direct ones kept', () => {
    const m = inst(convertInstallation(ds, { period: '2026' }));
    expect(m.complete).toBe(false);
    expect(m.products.map((p) => [p.id, p.see.direct?.value, p.see.indirect, p.see.countedValue])).toEqual([
      ['CLK', see7(kilnDir), null, null],
      ['CEM', see7(grindDir), null, null],
    ]);
    expect(m.missing.map((x) => [x.processId, x.figure])).toEqual([
      ['KILN', 'indirect'],
      ['GRIND', 'indirect'],
    ]);
  });
});

describe('a dataset without processes gives exactly the single-process conversion', () => {
  const plain = sampleFiles().filter((f) => !sampleJson(f).processes);
  it('there are such samples', () => expect(plain.length).toBeGreaterThanOrEqual(3));
  it.each(plain)('%s', (f) => {
    const ds = Dataset.parse(sampleJson(f));
    for (const period of ['2026', '2025-Q3']) expect(convertInstallation(ds, { period })).toEqual(convertToCbam(ds, { period }));
  });
  it('every multi-process sample converts as an installation', () => {
    for (const f of sampleFiles().filter((x) => sampleJson(x).processes))
      expect(inst(convertInstallation(valid(sampleJson(f)), { period: '2026' })).processes.length).toBe(sampleJson(f).processes.length);
  });
});

describe('a product code the template lists only in other 8-digit forms', () => {
  const raw = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'installations', 'aluminium-potline-casthouse.json'), 'utf8'),
  );
  // CN 7601 10 00 (unwrought aluminium, not alloyed): the template's list has only 7601 10 10 and 7601 10 90
  for (const p of raw.processes) for (const x of p.products) if (x.cnCode.replace(/\s/g, '').startsWith('760110')) x.cnCode = '7601 10 00';
  const others = raw.processes
    .flatMap((p: { products: { cnCode: string }[] }) => p.products.map((x) => x.cnCode.replace(/\s/g, '')))
    .filter((c: string) => c !== '76011000');
  const r = inst(convertInstallation(valid(raw), { period: '2026', electricity: { euDefaultEf: 0.5 } }));
  it('keeps the SEE (nothing missing), warns with the template codes, and leaves the product out of the template', () => {
    expect(r.missing).toEqual([]);
    expect(r.products.every((p) => p.see.direct !== null)).toBe(true);
    const w = r.findings.filter((f) => f.message.key === 'cbamconvert:installation.templateCn');
    expect(w.map((f) => [f.severity, f.message.params?.cn, f.message.params?.candidates])).toEqual([
      ['warning', '7601 10 00', '7601 10 10, 7601 10 90'],
      ['warning', '7601 10 00', '7601 10 10, 7601 10 90'],
    ]);
    for (const f of w) for (const lang of LANGS) expect(translateMessage(T[lang], f.message)).not.toMatch(/\{\{|\$t:|cbamconvert:/);
    expect(others.length).toBeGreaterThan(0);
    expect(parseCbamDocData(r.docs!).products.map((p) => p.cnCode)).toEqual(others);
  });
});

describe('issue 9 follow-up: default-value precursors in E_PurchPrec, production citations (fixture test/fixtures/installations/cement-kiln-grinding.json)', () => {
  const cement = (): Dataset => valid(JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/installations/cement-kiln-grinding.json'), 'utf8')));
  it("a default-value precursor: EF of electricity of the country of origin (the conversion's, here entered for CN) and MWh/t = default SEE (indirect) / EF, basis Default", () => {
    const r = inst(convertInstallation(cement(), { period: '2026', electricity: { euDefaultEf: 0.581 } }));
    const docs = parseCbamDocData(r.docs!);
    const pp = docs.purchasedPrecursors[0]!;
    expect(pp.seeDirectBasis).toBe('Default');
    expect(pp.electricityEf?.value).toBe(0.581);
    expect(pp.electricityMWhPerT!.value).toBeCloseTo(0.044 / 0.581, 12);
    expect(pp.electricityMWhPerT!.value).toBeCloseTo(0.0757315, 7);
    expect(pp.electricityEfBasis).toBe('Default');
    expect(pp.electricityMWhPerT!.source?.ref).toMatch(/Default SEE \(indirect\) 0\.044/);
  });
  it('the factor of the country not known: both cells stay empty (listed by the template fill), nothing back-calculated', () => {
    const r = inst(convertInstallation(cement(), { period: '2026' }));
    const pp = parseCbamDocData(r.docs!).purchasedPrecursors[0]!;
    expect(pp.electricityEf).toBeUndefined();
    expect(pp.electricityMWhPerT).toBeUndefined();
  });
  it("each process's production is cited as the process's own (processes[i].production), not the basis", () => {
    const r = inst(convertInstallation(cement(), { period: '2026', electricity: { euDefaultEf: 0.581 } }));
    const docs = parseCbamDocData(r.docs!);
    expect(docs.processes.map((p) => p.production[0]!.amount.source?.ref)).toEqual([
      'Dataset (processes[0].production, process KILN)',
      'Dataset (processes[1].production, process GRIND)',
    ]);
    expect(r.processes[1]!.production.source).toMatchObject({ kind: 'dataset', note: 'processes[1].production, process GRIND' });
    expect(JSON.stringify(r.docs)).not.toContain('basis.production');
  });
});

describe('qualifying parameters: the name the editor suggests is the name the template mapping reads', () => {
  const raw = () =>
    JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'installations', 'aluminium-potline-casthouse.json'), 'utf8'));
  const aaCells = (ds: unknown) => {
    const data = parseCbamDocData(inst(convertInstallation(valid(ds), { period: '2026', electricity: { euDefaultEf: 0.5 } })).docs!);
    return planTemplate(data)
      .cells.filter((c) => c.sheet === 'Summary_Products' && /^AA\d+$/.test(c.ref))
      .map((c) => c.value);
  };
  it('every suggested name has a template column (an aluminium product’s "Elements other than aluminium" fills column AA)', () => {
    for (const n of QUALIFYING_NAMES) expect(QUALIFYING_PARAMS as readonly string[], n).toContain(n);
    expect(QUALIFYING_NAMES).toContain('nonAluminiumPct');
    expect(aaCells(raw())).toEqual([0.002, 0.003, 0.08]);
  });
  it('a dataset saved with the older suggestion nonAlPct still fills the cell (read as nonAluminiumPct)', () => {
    const ds = raw();
    for (const p of ds.processes)
      for (const x of p.products) {
        x.qualifying.nonAlPct = x.qualifying.nonAluminiumPct;
        delete x.qualifying.nonAluminiumPct;
      }
    expect(aaCells(ds)).toEqual([0.002, 0.003, 0.08]);
  });
});

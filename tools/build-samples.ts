/**
 * Writes the illustrative sample datasets in public/samples/. Inventory figures are typical orders of
 * magnitude, not data of any real company; each line names where its figure comes from. The study's
 * reported totals are set to the recomputation under the study's own GWP set, rounded as a report would.
 * The LFP sample also carries battery details (the dataset's optional `battery` field, see docs/battery.md).
 * Run: npx tsx tools/build-samples.ts [--out <dir>]   (default public/samples; --out to compare without overwriting)
 * The NMC EV sample (nmc-ev-battery-pack.json) is not written here: it is kept as committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compute } from '../src/core/engine/compute';
import { Dataset, type DatasetInput } from '../src/core/model/dataset';
import { getFootprintPack } from '../src/core/packs/registry';

const IPCC_COMB = 'IPCC 2006 Guidelines Vol. 2 Ch. 2 Table 2.3 (stationary combustion, manufacturing industries)';
const NG = { CO2_fossil: 2.162, CH4_fossil: 0.0000389, N2O: 0.00000389 }; // per Nm3: NCV 38.931 MJ/Nm3 × 56.1 / 1 / 0.1 kg/GJ
const NG_SRC = { name: 'China default NCV of natural gas 389.31 GJ/10^4 Nm3 (GB/T 32150-2015 Annex) × IPCC 2006 EFs (CO2 56.1 t/TJ, CH4 1 kg/TJ, N2O 0.1 kg/TJ)', year: 2015, geography: 'CN' };
const DIESEL_SRC = { name: 'Diesel: NCV 42.652 GJ/t, density 0.84 kg/L, CO2 74.1 t/TJ (IPCC 2006) → 2.66 kg CO2/L', year: 2006, geography: 'GLO' };
const ILL = 'Illustrative secondary factor (order of magnitude of published Chinese LCA data); replace with your supplier or database value';

function finish(ds: DatasetInput, reportUnit: 'kgCO2e' | 'tCO2e', dp: number): DatasetInput {
  const parsed = Dataset.parse(ds);
  const pack = getFootprintPack('cn-gbt24067-2024')!;
  const r = compute(parsed, pack, { skipChecks: true });
  const k = reportUnit === 'tCO2e' ? 1000 : 1;
  const rnd = (x: number) => Number((x / k).toFixed(dp));
  ds.study.reported = {
    unit: reportUnit,
    total: rnd(r.total),
    perStage: Object.fromEntries(Object.entries(r.byStage).filter(([, v]) => v !== 0).map(([s, v]) => [s, rnd(v)])),
  };
  return ds;
}

const aluminium: DatasetInput = {
  format: 'carbonbridge.dataset',
  formatVersion: 2,
  id: 'sample-aluminium-ningxia',
  title: 'Primary aluminium ingot — Ningxia smelter (illustrative)',
  illustrative:
    'Illustrative sample. The smelter and its figures are invented for demonstration: specific consumptions are typical of Chinese prebake smelters (about 13,300 kWh AC per t Al, net anode 0.41 t/t, alumina 1.92 t/t); factors are cited per line. Not data of any real company.',
  product: {
    name: { zh: '原铝锭（重熔用铝锭）', en: 'Primary aluminium ingot', ar: 'سبائك الألومنيوم الأولي' },
    cnCode: '7601 10 00',
    description: 'Unwrought aluminium, not alloyed, 99.7 % Al (GB/T 1196 Al99.70)',
    functionalUnit: { amount: 1, unit: 't', description: { zh: '1 吨铝锭（出厂）', en: '1 t of aluminium ingot at the plant gate', ar: 'طن واحد من سبائك الألومنيوم عند بوابة المصنع' } },
    referenceFlow: { amount: 1, unit: 't', description: '1 t of Al99.70 ingot' },
  },
  producer: { name: 'Ningxia Example Aluminium Co., Ltd. (illustrative)', address: 'Qingtongxia, Wuzhong, Ningxia', country: 'CN', region: 'Ningxia' },
  installations: [
    {
      id: 'INST-1',
      name: '宁夏示例铝业 电解铝厂（示例）',
      nameEn: 'Ningxia Example Aluminium smelter (illustrative)',
      address: 'Industrial Park',
      city: 'Qingtongxia',
      country: 'CN',
      region: 'Ningxia',
      coordinates: { lat: 38.02, lon: 106.07 },
      economicActivity: 'Primary aluminium production (prebake electrolysis)',
    },
  ],
  period: { start: '2024-01-01', end: '2024-12-31' },
  study: {
    standard: 'GB/T 24067-2024',
    boundary: 'cradle-to-gate',
    cutOff: { rule: 'Flows below 1 % of mass and of GHG emissions, in total below 5 %', excluded: ['Maintenance materials', 'Office consumables', 'Cathode relining materials'] },
    allocation: { method: 'none', note: 'Single product; no co-products' },
    gwpSet: 'AR6',
    practitioner: 'Example Carbon Consulting (illustrative)',
    verifier: { name: 'Example Certification Body (illustrative)', accreditation: 'CNAS (illustrative)', statementDate: '2025-04-15' },
    date: '2025-03-31',
  },
  basis: { kind: 'per-period', production: { amount: 400000, unit: 't' } },
  inventory: [
    { id: 'AL-01', description: 'Alumina (Al2O3), purchased from a Shanxi refinery', stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream',
      activity: { amount: 768000, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 1350 }, source: { name: ILL + ' (Bayer alumina, coal-based steam and calcination)', year: 2022, geography: 'CN' } },
      dataType: 'secondary', dataQuality: { rating: 3 }, precursor: { cnCode: '2818 20 00', countryOfProduction: 'CN', supplier: 'Shanxi alumina refinery (illustrative)' } },
    { id: 'AL-02', description: 'Prebaked carbon anodes, purchased', stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream',
      activity: { amount: 168000, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 650 }, source: { name: ILL + ' (anode baking, calcined petroleum coke)', year: 2022, geography: 'CN' } },
      dataType: 'secondary', dataQuality: { rating: 3 }, precursor: { cnCode: '3801 90 00', countryOfProduction: 'CN' } },
    { id: 'AL-03', description: 'Aluminium fluoride (AlF3) for the electrolyte', stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream',
      activity: { amount: 7200, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 1700 }, source: { name: ILL, year: 2021, geography: 'CN' } },
      dataType: 'secondary', dataQuality: { rating: 4 } },
    { id: 'AL-04', description: 'Rail transport of alumina, 1,100 km', stage: 'raw-material-acquisition', category: 'transport', location: 'upstream',
      activity: { amount: 844800000, unit: 'tkm' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'tkm', gases: { CO2e: 0.0096 }, source: { name: ILL + ' (electrified rail freight)', year: 2021, geography: 'CN' } },
      dataType: 'secondary', dataQuality: { rating: 3 } },
    { id: 'AL-05', description: 'Anode consumption in electrolysis (net carbon 98 %, × 44/12)', stage: 'production', category: 'process-emission', location: 'installation', installationId: 'INST-1',
      activity: { amount: 164000, unit: 't' }, emissions: { kind: 'factors', massUnit: 't', perUnit: 't', gases: { CO2_fossil: 3.5907 }, source: { name: 'Mass balance: anode carbon content 0.98 tC/t × 3.664 tCO2/tC (smelter lab analysis)', year: 2024, geography: 'Installation' } },
      dataType: 'primary', dataQuality: { rating: 1 } },
    { id: 'AL-06', description: 'PFC emissions from anode effects (slope method)', stage: 'production', category: 'process-emission', location: 'installation', installationId: 'INST-1',
      activity: { amount: 400000, unit: 't' }, emissions: { kind: 'measured', massUnit: 'kg', gases: { CF4: 12000, C2F6: 1200 }, source: { name: 'Slope method (IPCC 2006 Vol. 3 Ch. 4.4, Tier 2) with the smelter anode-effect records; 0.03 kg CF4 and 0.003 kg C2F6 per t Al', year: 2024, geography: 'Installation' } },
      dataType: 'primary', dataQuality: { rating: 2 } },
    { id: 'AL-07', description: 'Electricity for electrolysis and auxiliaries, Ningxia provincial grid', stage: 'production', category: 'electricity', location: 'installation', installationId: 'INST-1',
      activity: { amount: 5320000, unit: 'MWh' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'kWh', gases: { CO2_fossil: 0.6423 }, source: { name: 'MEE/NBS 2022 electricity CO2 emission factor, Ningxia (latest provincial value published)', year: 2022, geography: 'CN-NX', factorId: 'cn-mee-co2-2022-ningxia' } },
      dataType: 'primary', dataQuality: { rating: 2 }, electricity: { source: 'provincial-grid', gridRegion: 'Ningxia', factorId: 'cn-mee-co2-2022-ningxia' } },
    { id: 'AL-08', description: 'Natural gas for holding and casting furnaces', stage: 'production', category: 'fuel-combustion', location: 'installation', installationId: 'INST-1',
      activity: { amount: 4800000, unit: 'Nm3' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'Nm3', gases: NG, source: NG_SRC },
      dataType: 'primary', dataQuality: { rating: 1 } },
    { id: 'AL-09', description: 'Diesel for internal vehicles and cranes', stage: 'production', category: 'fuel-combustion', location: 'installation', installationId: 'INST-1',
      activity: { amount: 320000, unit: 'L' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'L', gases: { CO2_fossil: 2.66 }, source: DIESEL_SRC },
      dataType: 'primary', dataQuality: { rating: 1 } },
    { id: 'AL-10', description: 'Spent pot lining, treatment by a licensed contractor', stage: 'production', category: 'waste', location: 'downstream',
      activity: { amount: 4000, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 50 }, source: { name: ILL + ' (hazardous waste treatment)', year: 2020, geography: 'CN' } },
      dataType: 'secondary', dataQuality: { rating: 4 } },
  ],
};

const cement: DatasetInput = {
  format: 'carbonbridge.dataset',
  formatVersion: 2,
  id: 'sample-cement-grey-portland',
  title: 'Grey Portland cement P·O 42.5 — Ningxia plant (illustrative)',
  illustrative:
    'Illustrative sample. The plant and its figures are invented: clinker ratio 0.70, kiln fuel 3.3 GJ per t clinker, calcination 525 kg CO2 per t clinker (CSI/GCCA default), 90 kWh per t cement. Factors are cited per line. Not data of any real company.',
  product: {
    name: { zh: '普通硅酸盐水泥 P·O 42.5', en: 'Grey Portland cement (P·O 42.5)', ar: 'إسمنت بورتلاندي رمادي (P·O 42.5)' },
    cnCode: '2523 29 00',
    functionalUnit: { amount: 1, unit: 't', description: { zh: '1 吨散装水泥（出厂）', en: '1 t of bulk cement at the plant gate', ar: 'طن واحد من الإسمنت السائب عند بوابة المصنع' } },
  },
  producer: { name: 'Ningxia Example Cement Co., Ltd. (illustrative)', country: 'CN', region: 'Ningxia' },
  installations: [
    { id: 'KILN-1', name: '宁夏示例水泥 熟料及粉磨生产线（示例）', nameEn: 'Ningxia Example Cement clinker and grinding line (illustrative)', city: 'Yinchuan', country: 'CN', region: 'Ningxia', coordinates: { lat: 38.49, lon: 106.23 }, economicActivity: 'Cement and clinker production' },
  ],
  period: { start: '2024-01-01', end: '2024-12-31' },
  study: {
    standard: 'GB/T 24067-2024',
    boundary: 'cradle-to-gate',
    cutOff: { rule: 'Flows below 1 % of GHG emissions, in total below 5 %', excluded: ['Grinding media wear', 'Refractory bricks'] },
    allocation: { method: 'none' },
    gwpSet: 'AR6',
    date: '2025-05-20',
  },
  basis: { kind: 'per-period', production: { amount: 2000000, unit: 't' } },
  inventory: [
    { id: 'CE-01', description: 'Diesel for limestone quarrying and hauling (own quarry)', stage: 'raw-material-acquisition', category: 'fuel-combustion', location: 'installation', installationId: 'KILN-1',
      activity: { amount: 600000, unit: 'L' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'L', gases: { CO2_fossil: 2.66 }, source: DIESEL_SRC }, dataType: 'primary', dataQuality: { rating: 1 } },
    { id: 'CE-02', description: 'Calcination of raw meal (clinker produced 1,400,000 t)', stage: 'production', category: 'process-emission', location: 'installation', installationId: 'KILN-1',
      activity: { amount: 1400000, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2_fossil: 525 }, source: { name: 'GCCA/CSI Cement CO2 Protocol default, 525 kg CO2 per t clinker', year: 2011, geography: 'GLO' } }, dataType: 'primary', dataQuality: { rating: 2 } },
    { id: 'CE-03', description: 'Bituminous coal in the kiln and precalciner (3.3 GJ per t clinker)', stage: 'production', category: 'fuel-combustion', location: 'installation', installationId: 'KILN-1',
      activity: { amount: 4620000, unit: 'GJ' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'GJ', gases: { CO2_fossil: 94.6, CH4_fossil: 0.01, N2O: 0.0015 }, source: { name: IPCC_COMB + ', other bituminous coal', year: 2006, geography: 'GLO' } }, dataType: 'primary', dataQuality: { rating: 2 } },
    { id: 'CE-04', description: 'Rice husk and straw co-fired as alternative fuel', stage: 'production', category: 'fuel-combustion', location: 'installation', installationId: 'KILN-1',
      activity: { amount: 80000, unit: 'GJ' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'GJ', gases: { CO2_biogenic: 100, CH4_biogenic: 0.03, N2O: 0.004 }, source: { name: IPCC_COMB + ', other primary solid biomass', year: 2006, geography: 'GLO' } }, dataType: 'primary', dataQuality: { rating: 2 } },
    { id: 'CE-05', description: 'Electricity from the Northwest regional grid', stage: 'production', category: 'electricity', location: 'installation', installationId: 'KILN-1',
      activity: { amount: 180000, unit: 'MWh' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'kWh', gases: { CO2_fossil: 0.5543 }, source: { name: 'MEE/NBS 2023 electricity CO2 emission factor, Northwest grid', year: 2023, geography: 'CN-Northwest', factorId: 'cn-mee-co2-2023-northwest' } },
      dataType: 'primary', dataQuality: { rating: 2 }, electricity: { source: 'regional-grid', gridRegion: 'Northwest', factorId: 'cn-mee-co2-2023-northwest' } },
    { id: 'CE-06', description: 'Natural gypsum, purchased', stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream',
      activity: { amount: 100000, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 5 }, source: { name: ILL, year: 2020, geography: 'CN' } }, dataType: 'secondary', dataQuality: { rating: 4 } },
    { id: 'CE-07', description: 'Granulated blast-furnace slag and fly ash (by-products of other systems, cut-off)', stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream',
      activity: { amount: 500000, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 0 }, source: { name: 'Cut-off: burdens stay with the steel and power systems that produce them', year: 2024, geography: 'CN' } }, dataType: 'secondary', dataQuality: { rating: 3 } },
    { id: 'CE-08', description: 'Road transport of gypsum, slag and fly ash', stage: 'raw-material-acquisition', category: 'transport', location: 'upstream',
      activity: { amount: 150000000, unit: 'tkm' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'tkm', gases: { CO2e: 0.062 }, source: { name: ILL + ' (heavy truck, diesel)', year: 2021, geography: 'CN' } }, dataType: 'secondary', dataQuality: { rating: 3 } },
    { id: 'CE-09', description: 'Kraft paper bags for the bagged share', stage: 'production', category: 'packaging', location: 'upstream',
      activity: { amount: 640, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 1100 }, source: { name: ILL, year: 2020, geography: 'CN' } }, dataType: 'secondary', dataQuality: { rating: 4 } },
  ],
};

const battery: DatasetInput = {
  format: 'carbonbridge.dataset',
  formatVersion: 2,
  id: 'sample-lfp-battery-pack',
  title: 'LFP battery pack for energy storage (illustrative)',
  illustrative:
    'Illustrative sample. The plant and its figures are invented: bill of materials per kWh typical of LFP packs (about 2.2 kg cathode active material, 1.1 kg graphite per kWh), 40 kWh of grid electricity per kWh of cells. Material factors are orders of magnitude, not database values. Not data of any real company.',
  product: {
    name: { zh: '储能用磷酸铁锂电池包', en: 'LFP battery pack for stationary energy storage', ar: 'حزمة بطاريات فوسفات الحديد والليثيوم لتخزين الطاقة' },
    cnCode: '8507 60 00',
    functionalUnit: { amount: 1, unit: 'kWh', description: { zh: '1 kWh 额定能量（声明单位，从摇篮到大门）', en: '1 kWh of rated energy (declared unit, cradle-to-gate)', ar: 'كيلوواط ساعة واحد من الطاقة المقدّرة (وحدة معلنة، من المهد إلى البوابة)' } },
  },
  producer: { name: 'Example Energy Storage Co., Ltd. (illustrative)', country: 'CN', region: 'Ningxia' },
  installations: [{ id: 'PACK-1', name: '示例储能 电芯及电池包工厂（示例）', nameEn: 'Example cell and pack plant (illustrative)', city: 'Yinchuan', country: 'CN', region: 'Ningxia' }],
  period: { start: '2024-01-01', end: '2024-12-31' },
  study: {
    standard: 'GB/T 24067-2024',
    boundary: 'cradle-to-gate',
    cutOff: { rule: 'Flows below 1 % of mass, in total below 5 %', excluded: ['Adhesives and sealants', 'Labels'] },
    allocation: { method: 'physical', note: 'Plant-level energy allocated to cells by rated energy' },
    gwpSet: 'AR6',
    date: '2025-06-30',
  },
  basis: { kind: 'per-period', production: { amount: 2000, unit: 'MWh' } },
  inventory: [
    { id: 'BP-01', description: 'LFP cathode active material', stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream', activity: { amount: 4400, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 12000 }, source: { name: ILL, year: 2023, geography: 'CN' } }, dataType: 'secondary', dataQuality: { rating: 3 } },
    { id: 'BP-02', description: 'Graphite anode material', stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream', activity: { amount: 2200, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 9000 }, source: { name: ILL, year: 2023, geography: 'CN' } }, dataType: 'secondary', dataQuality: { rating: 3 } },
    { id: 'BP-03', description: 'Electrolyte (LiPF6 in carbonate solvents)', stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream', activity: { amount: 2400, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 5500 }, source: { name: ILL, year: 2022, geography: 'CN' } }, dataType: 'secondary', dataQuality: { rating: 4 } },
    { id: 'BP-04', description: 'Copper foil', stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream', activity: { amount: 1200, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 8000 }, source: { name: ILL, year: 2022, geography: 'CN' } }, dataType: 'secondary', dataQuality: { rating: 3 } },
    { id: 'BP-05', description: 'Aluminium foil and housings (from Chinese primary aluminium)', stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream', activity: { amount: 2800, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 16000 }, source: { name: ILL, year: 2022, geography: 'CN' } }, dataType: 'secondary', dataQuality: { rating: 3 }, precursor: { cnCode: '7607 11', countryOfProduction: 'CN' } },
    { id: 'BP-06', description: 'Separator film (PE/PP)', stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream', activity: { amount: 300, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 6000 }, source: { name: ILL, year: 2021, geography: 'CN' } }, dataType: 'secondary', dataQuality: { rating: 4 } },
    { id: 'BP-07', description: 'Steel for module frames and pack enclosure', stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream', activity: { amount: 2000, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 2300 }, source: { name: ILL + ' (BF-BOF steel)', year: 2022, geography: 'CN' } }, dataType: 'secondary', dataQuality: { rating: 3 }, precursor: { cnCode: '7209', countryOfProduction: 'CN' } },
    { id: 'BP-08', description: 'Battery management system electronics', stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream', activity: { amount: 200, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 40000 }, source: { name: ILL + ' (printed circuit assemblies)', year: 2021, geography: 'GLO' } }, dataType: 'secondary', dataQuality: { rating: 4 } },
    { id: 'BP-09', description: 'Road transport of materials, about 1,200 km', stage: 'raw-material-acquisition', category: 'transport', location: 'upstream', activity: { amount: 24000000, unit: 'tkm' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'tkm', gases: { CO2e: 0.062 }, source: { name: ILL + ' (heavy truck, diesel)', year: 2021, geography: 'CN' } }, dataType: 'secondary', dataQuality: { rating: 3 } },
    { id: 'BP-10', description: 'Grid electricity for electrode, cell assembly, formation and dry rooms', stage: 'production', category: 'electricity', location: 'installation', installationId: 'PACK-1', activity: { amount: 80000, unit: 'MWh' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'kWh', gases: { CO2e: 0.5777 }, source: { name: 'MEE/NBS/NEA 2024 national electricity carbon-footprint factor', year: 2024, geography: 'CN', factorId: 'cn-cfp-2024-national' } }, dataType: 'primary', dataQuality: { rating: 2 }, electricity: { source: 'national-grid', factorId: 'cn-cfp-2024-national' } },
    { id: 'BP-11', description: 'Rooftop photovoltaic electricity, self-consumed', stage: 'production', category: 'electricity', location: 'installation', installationId: 'PACK-1', activity: { amount: 10000, unit: 'MWh' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'kWh', gases: { CO2e: 0.0545 }, source: { name: 'MEE/NBS/NEA 2023 carbon-footprint factor of PV power', year: 2023, geography: 'CN', factorId: 'cn-cfp-2023-pv' } }, dataType: 'primary', dataQuality: { rating: 2 }, electricity: { source: 'onsite-generation', factorId: 'cn-cfp-2023-pv' } },
    { id: 'BP-12', description: 'Natural gas for electrode drying and NMP recovery', stage: 'production', category: 'fuel-combustion', location: 'installation', installationId: 'PACK-1', activity: { amount: 3000000, unit: 'Nm3' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'Nm3', gases: NG, source: NG_SRC }, dataType: 'primary', dataQuality: { rating: 1 } },
    { id: 'BP-13', description: 'Refrigerant leakage from dry-room chillers (refill records)', stage: 'production', category: 'other', location: 'installation', installationId: 'PACK-1', activity: { amount: 2000, unit: 'MWh' }, emissions: { kind: 'measured', massUnit: 'kg', gases: { 'HFC-134a': 120 }, source: { name: 'Refill records 2024', year: 2024, geography: 'Installation' } }, dataType: 'primary', dataQuality: { rating: 1 } },
    { id: 'BP-14', description: 'Wooden pallets and cartons', stage: 'production', category: 'packaging', location: 'upstream', activity: { amount: 400, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 800 }, source: { name: ILL, year: 2020, geography: 'CN' } }, dataType: 'secondary', dataQuality: { rating: 4 } },
    { id: 'BP-15', description: 'Scrap cells and electrode waste to recycling (treatment only)', stage: 'production', category: 'waste', location: 'downstream', activity: { amount: 300, unit: 't' }, emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 200 }, source: { name: ILL, year: 2020, geography: 'CN' } }, dataType: 'secondary', dataQuality: { rating: 4 } },
  ],
  battery: {
    format: 'carbonbridge.battery',
    formatVersion: 1,
    category: 'stationary',
    chemistry: 'LFP (LiFePO4 / graphite)',
    usableEnergyKWh: 200,
    ratedEnergyKWh: 215,
    serviceLife: { warrantyYears: 10 },
    cyclesPerYear: {
      value: 330,
      justification: 'Illustrative: one full-equivalent cycle a day on 330 operating days a year, the duty the maker warrants for this cabinet (no default exists for stationary batteries)',
    },
    manufacturer: { name: 'Example Energy Storage Co., Ltd. (illustrative)', address: 'Yinchuan, Ningxia, China' },
    model: 'ESS-LFP-215 (illustrative)',
    plant: { town: 'Yinchuan', region: 'Ningxia', country: 'CN' },
    publicStudyUrl: 'https://example.com/ess-lfp-215/carbon-footprint-study-public.pdf',
    confidentialLines: ['BP-08'],
    note: 'Illustrative battery details: one 215 kWh cabinet (200 kWh usable); the model, the study link and the duty cycle are invented. No EU declaration-of-conformity id yet.',
  },
};

const out: [string, DatasetInput, 'kgCO2e' | 'tCO2e', number][] = [
  ['aluminium-ingot-ningxia.json', aluminium, 'tCO2e', 3],
  ['cement-grey-portland.json', cement, 'kgCO2e', 1],
  ['lfp-battery-pack.json', battery, 'kgCO2e', 2],
];
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 && process.argv[outArg + 1] ? resolve(process.argv[outArg + 1]!) : join(import.meta.dirname, '..', 'public', 'samples');
mkdirSync(outDir, { recursive: true });
for (const [file, ds, unit, dp] of out) {
  const done = finish(ds, unit, dp);
  Dataset.parse(done);
  writeFileSync(join(outDir, file), `${JSON.stringify(done, null, 2)}\n`);
  console.log(file, JSON.stringify(done.study.reported));
}

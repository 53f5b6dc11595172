/**
 * CBAM test cases shared by the documents' tests (src/core/cbam/docs-model.test.ts) and the template read-back tests
 * (test/cbam-template-check.test.ts).
 */
import { Dataset, type DatasetInput } from '../../src/core/model/dataset';
import { sampleJson } from './samples';

/** Hot-rolled coil from purchased slabs: 96,000 MWh of electricity, slabs whose supplier gave 1.9 / 0.35 t/t (and, where asked, its own 0.5 MWh/t at 0.7 tCO2/MWh). */
export function hotRolledCoil(supplierElectricity = false): Dataset {
  const d = sampleJson('cement-grey-portland.json') as DatasetInput & Record<string, unknown>;
  d.id = 'test-hrc';
  d.title = 'Hot-rolled coil (test)';
  d.product = { name: { en: 'Hot-rolled coil' }, cnCode: '7208 39 00', functionalUnit: { amount: 1, unit: 't' } } as DatasetInput['product'];
  d.basis = { kind: 'per-period', production: { amount: 1_000_000, unit: 't' } } as DatasetInput['basis'];
  const inst = (d.installations as { id: string }[])[0]!.id;
  d.inventory = [
    {
      id: 'HR-01',
      description: 'Natural gas, reheating furnace',
      stage: 'production',
      category: 'fuel-combustion',
      location: 'installation',
      installationId: inst,
      activity: { amount: 30_000_000, unit: 'Nm3' },
      emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'Nm3', gases: { CO2_fossil: 1.96 }, source: { name: 'Test factor' } },
      dataType: 'primary',
    },
    {
      id: 'HR-02',
      description: 'Electricity, hot strip mill',
      stage: 'production',
      category: 'electricity',
      location: 'installation',
      installationId: inst,
      activity: { amount: 96_000, unit: 'MWh' },
      emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'kWh', gases: { CO2_fossil: 0.61 }, source: { name: 'Grid factor (footprint)' } },
      dataType: 'secondary',
    },
    {
      id: 'HR-03',
      description: 'Purchased slabs',
      stage: 'raw-material-acquisition',
      category: 'precursor-material',
      location: 'upstream',
      activity: { amount: 1_050_000, unit: 't' },
      emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 2250 }, source: { name: 'Supplier' } },
      dataType: 'primary',
      precursor: {
        cnCode: '7207 12 10',
        countryOfProduction: 'CN',
        supplier: 'Slab supplier',
        embedded: {
          direct: 1.9,
          indirect: 0.35,
          source: 'Supplier communication 2024',
          ...(supplierElectricity ? { electricityMWhPerT: 0.5, electricityEf: 0.7, electricityEfSource: 'D.4(b)' as const } : {}),
        },
      },
    },
  ] as DatasetInput['inventory'];
  return Dataset.parse(d);
}

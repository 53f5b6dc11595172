/** Core benchmark: validate + compute of a generated 100,000-line dataset, against JSON.parse of the same text. */
import { compute } from '../src/core/engine/compute';
import { validateDataset } from '../src/core/model/validate';
import { getFootprintPack } from '../src/core/packs/registry';

const STAGES = ['raw-material-acquisition', 'production'] as const;

export function generateDataset(lines: number): string {
  const inventory = [];
  for (let i = 0; i < lines; i++) {
    const k = i % 4;
    inventory.push(
      k === 0
        ? {
            id: `L-${i}`,
            description: `Electricity meter ${i}`,
            stage: 'production',
            category: 'electricity',
            location: 'installation',
            installationId: 'I1',
            activity: { amount: 1000 + (i % 97), unit: 'MWh' },
            emissions: {
              kind: 'factors',
              massUnit: 'kg',
              perUnit: 'kWh',
              gases: { CO2_fossil: 0.6423 },
              source: { name: 'MEE 2022 Ningxia', year: 2022, geography: 'CN-NX', factorId: 'cn-mee-co2-2022-ningxia' },
            },
            dataType: 'primary',
            dataQuality: { rating: 2 },
            electricity: { source: 'provincial-grid', factorId: 'cn-mee-co2-2022-ningxia' },
          }
        : k === 1
          ? {
              id: `L-${i}`,
              description: `Natural gas burner ${i}`,
              stage: 'production',
              category: 'fuel-combustion',
              location: 'installation',
              installationId: 'I1',
              activity: { amount: 5000 + (i % 13), unit: 'Nm3' },
              emissions: {
                kind: 'factors',
                massUnit: 'kg',
                perUnit: 'Nm3',
                gases: { CO2_fossil: 2.162, CH4_fossil: 0.0000389, N2O: 0.00000389 },
                source: { name: 'IPCC 2006', year: 2006, geography: 'GLO' },
              },
              dataType: 'primary',
              dataQuality: { rating: 1 },
            }
          : k === 2
            ? {
                id: `L-${i}`,
                description: `Purchased material ${i}`,
                stage: STAGES[i % 2],
                category: 'precursor-material',
                location: 'upstream',
                activity: { amount: 12.5 + (i % 7), unit: 't' },
                emissions: { kind: 'factors', massUnit: 'kg', perUnit: 't', gases: { CO2e: 1350 }, source: { name: 'secondary', year: 2022, geography: 'CN' } },
                dataType: 'secondary',
                dataQuality: { rating: 3 },
              }
            : {
                id: `L-${i}`,
                description: `Anode effect ${i}`,
                stage: 'production',
                category: 'process-emission',
                location: 'installation',
                installationId: 'I1',
                activity: { amount: 100, unit: 't' },
                emissions: { kind: 'measured', massUnit: 'kg', gases: { CF4: 0.3, C2F6: 0.03 } },
                dataType: 'primary',
              },
    );
  }
  return JSON.stringify({
    format: 'carbonbridge.dataset',
    formatVersion: 1,
    title: 'bench',
    product: { name: { en: 'Bench product' }, functionalUnit: { amount: 1, unit: 't' } },
    producer: { name: 'Bench', country: 'CN' },
    installations: [{ id: 'I1', name: 'Bench installation', country: 'CN' }],
    period: { start: '2024-01-01', end: '2024-12-31' },
    study: { standard: 'GB/T 24067-2024', boundary: 'cradle-to-gate', allocation: { method: 'none' }, gwpSet: 'AR6' },
    basis: { kind: 'per-period', production: { amount: 1000000, unit: 't' } },
    inventory,
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchCore(lines = 100_000, runs = 5): Promise<Record<string, number>> {
  const text = generateDataset(lines);
  const pack = getFootprintPack('cn-gbt24067-2024')!;
  // warm-up (JIT, schema compilation)
  for (let i = 0; i < 2; i++) {
    JSON.parse(text);
    const v = validateDataset(text);
    compute(v.dataset!, pack);
  }
  const parse: number[] = [];
  const total: number[] = [];
  const engine: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    JSON.parse(text);
    parse.push(performance.now() - t0);
    t0 = performance.now();
    const v = validateDataset(text);
    if (!v.ok) throw new Error('bench dataset invalid');
    const r = compute(v.dataset!, pack);
    total.push(performance.now() - t0);
    if (r.lines.length !== lines) throw new Error('bench compute lost lines');
    // the same work on the already-parsed object, to separate the engine from JSON parsing
    const obj = JSON.parse(text);
    t0 = performance.now();
    const v2 = validateDataset(obj);
    compute(v2.dataset!, pack);
    engine.push(performance.now() - t0);
  }
  const ms = median(total);
  const parseMs = median(parse);
  return {
    lines,
    fileMB: Math.round((text.length / 1e6) * 10) / 10,
    jsonParseMs: Math.round(parseMs * 10) / 10,
    validateComputeMs: Math.round(ms * 10) / 10,
    validateComputeExclParseMs: Math.round(median(engine) * 10) / 10,
    linesPerSecond: Math.round(lines / (ms / 1000)),
    ratioToJsonParse: Math.round((ms / parseMs) * 100) / 100,
  };
}

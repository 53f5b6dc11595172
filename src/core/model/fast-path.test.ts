import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../bench/core';
import { sampleFiles, sampleJson } from '../../../test/helpers/samples';
import { Dataset, InventoryLine } from './dataset';
import { isCanonicalLine } from './fast-path';
import { validateDataset } from './validate';

const lines: unknown[] = [...sampleFiles().flatMap((f) => sampleJson(f).inventory), ...JSON.parse(generateDataset(8)).inventory];

/** Small mutations, valid and invalid, applied to canonical lines. */
const MUTATIONS: ((l: any) => void)[] = [
  (l) => (l.activity.amount = -1),
  (l) => (l.activity.amount = '12'),
  (l) => (l.activity.amount = '١٢'),
  (l) => (l.activity.unit = 'kwh'),
  (l) => (l.activity.unit = 'barrel'),
  (l) => (l.id = ' padded '),
  (l) => (l.id = ''),
  (l) => (l.stage = 'use'),
  (l) => (l.stage = 'Use'),
  (l) => (l.extra = 1),
  (l) => (l.emissions.gases.N2O = 0.001),
  (l) => (l.emissions.gases.XYZ = 1),
  (l) => (l.emissions.gases.CO2_fossil = -2),
  (l) => (l.emissions.kind = 'guess'),
  (l) => delete l.emissions.massUnit,
  (l) => (l.emissions.source = { name: 'x', year: 1800 }),
  (l) => (l.emissions.source = { name: 'x', year: 2020.5 }),
  (l) => (l.emissions.source = { name: '  x' }),
  (l) => (l.dataQuality = { rating: 6 }),
  (l) => (l.dataQuality = { rating: 3, note: 'ok' }),
  (l) => (l.electricity = { source: 'ppa', evidence: 'contract 12' }),
  (l) => (l.electricity = { source: 'moon' }),
  (l) => (l.precursor = { cnCode: '7601 10 00', countryOfProduction: 'CN' }),
  (l) => (l.notes = 7),
  (l) => delete l.description,
  (l) => (l.installationId = null),
];

describe('fast path agrees with the zod schema', () => {
  it('accepts every canonical sample line (except precursor lines, left to zod)', () => {
    for (const l of lines) expect(isCanonicalLine(l)).toBe((l as { precursor?: unknown }).precursor === undefined);
  });
  it('whatever it accepts, zod accepts and returns unchanged', () => {
    let accepted = 0;
    let refused = 0;
    for (const base of lines) {
      for (const m of MUTATIONS) {
        const l = structuredClone(base) as any;
        try {
          m(l);
        } catch {
          continue;
        }
        const z = InventoryLine.safeParse(l);
        if (isCanonicalLine(l)) {
          accepted++;
          expect(z.success).toBe(true);
          expect(z.data).toEqual(l);
        } else refused++;
      }
    }
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(200);
  });
  it('validateDataset returns exactly what the full schema returns', () => {
    for (const f of sampleFiles()) {
      const raw = sampleJson(f);
      expect(validateDataset(raw).dataset).toEqual(Dataset.parse(raw));
    }
  });
});

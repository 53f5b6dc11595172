import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InventoryLine } from '../../model/dataset';

type InventoryLineInput = z.input<typeof InventoryLine>;
import { lineGasTonnes, studyCo2e } from './lines';

const line = (emissions: InventoryLineInput['emissions'], activity: InventoryLineInput['activity']) =>
  InventoryLine.parse({
    id: 'L1',
    description: 'x',
    stage: 'production',
    category: 'fuel-combustion',
    location: 'installation',
    activity,
    emissions,
    dataType: 'primary',
  });

describe('gas tonnes of a line', () => {
  it('factors: amount converted to the factor unit × factor × mass unit (4,620,000 GJ × 94.6 kg/GJ = 437,052 t)', () => {
    const l = line(
      { kind: 'factors', massUnit: 'kg', perUnit: 'GJ', gases: { CO2_fossil: 94.6, N2O: 0.0015 }, source: { name: 's' } },
      { amount: 4620, unit: 'TJ' },
    );
    const t = lineGasTonnes(l);
    expect(t.CO2_fossil).toBeCloseTo((4_620_000 * 94.6) / 1000, 6);
    expect(t.N2O).toBeCloseTo((4_620_000 * 0.0015) / 1000, 9);
  });
  it('measured masses: only the mass unit (12,000 kg CF4 = 12 t)', () => {
    const l = line({ kind: 'measured', massUnit: 'kg', gases: { CF4: 12_000 } }, { amount: 1, unit: 't' });
    expect(lineGasTonnes(l)).toEqual({ CF4: 12 });
  });
  it("the study's own CO2e uses its GWP set; a gas without a GWP in the set gives null (not 0)", () => {
    const l = line({ kind: 'measured', massUnit: 't', gases: { CO2_fossil: 100, N2O: 1 } }, { amount: 1, unit: 't' });
    expect(studyCo2e(l, { CO2_fossil: 1, N2O: 273 })).toBe(373);
    expect(studyCo2e(l, { CO2_fossil: 1 })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InventoryLine } from '../../model/dataset';
import { definitivePack } from '../packs';
import { categoryById } from '../screen';
import { Findings } from './findings';
import { directEmissions, gasRule } from './gases';

type LineInput = z.input<typeof InventoryLine>;
const pack = definitivePack();
const K = pack.constants;
const line = (id: string, gases: Record<string, number>, o: Partial<LineInput> = {}) => ({
  l: InventoryLine.parse({
    id,
    description: id,
    stage: 'production',
    category: 'process-emission',
    location: 'installation',
    activity: { amount: 1, unit: 't' },
    emissions: { kind: 'measured', massUnit: 't', gases },
    dataType: 'primary',
    ...o,
  }),
  row: Number(id.slice(1)),
});

describe('stage 3: gas rules of the pack', () => {
  const nitric = categoryById(pack, 'nitric-acid');
  const alu = categoryById(pack, 'unwrought-aluminium');
  it.each([
    ['nitric acid counts N2O with its AR5 GWP', nitric, 'N2O', 'counted', K.gwp.N2O.value],
    ['aluminium counts CF4', alu, 'CF4', 'counted', K.gwp.CF4.value],
    ['aluminium counts C2F6', alu, 'C2F6', 'counted', K.gwp.C2F6.value],
    ['aluminium does not count N2O', alu, 'N2O', 'dropped', undefined],
    ['CH4 never counts', nitric, 'CH4_fossil', 'dropped', undefined],
    ['biogenic CO2 is zero-rated', nitric, 'CO2_biogenic', 'zero-rated', undefined],
    ['fossil CO2 counts with 1', alu, 'CO2_fossil', 'counted', 1],
  ] as const)('%s', (_n, cat, gas, outcome, gwp) => {
    const r = gasRule(pack, cat, gas, 'L1');
    expect(r.outcome).toBe(outcome);
    expect(r.gwp?.value).toBe(gwp);
    if (outcome !== 'counted') {
      expect(r.reason!.params?.line).toBe('L1');
      expect(r.legalRef!.act).toMatch(/Regulation/);
    }
  });
});

describe('stage 3: direct emissions gas by gas', () => {
  const nitric = categoryById(pack, 'nitric-acid');
  it('sums by gas family and installation from the pack GWPs; dropped and zero-rated gases listed', () => {
    const f = new Findings();
    const d = directEmissions(
      pack,
      nitric,
      [
        line('L1', { CO2_fossil: 1_000, N2O: 2, CH4_fossil: 3 }, { installationId: 'A' }),
        line('L2', { CO2_biogenic: 50, CO2_fossil: 10 }, { stage: 'raw-material-acquisition' }),
      ],
      { CO2_fossil: 1, N2O: 273, CH4_fossil: 29.8 },
      'B',
      f,
    );
    const n2o = 2 * K.gwp.N2O.value;
    expect(d.total).toBe(1_000 + n2o + 10);
    expect(d.sums).toEqual({ co2: 1_010, n2o, pfc: 0, bio: 50 });
    expect(d.byInstallation).toEqual([
      { installationId: 'A', co2e: 1_000 + n2o },
      { installationId: 'B', co2e: 10 },
    ]);
    expect(d.droppedGases.map((g) => [g.lineId, g.gas, g.outcome])).toEqual([
      ['L1', 'CH4_fossil', 'dropped'],
      ['L2', 'CO2_biogenic', 'zero-rated'],
    ]);
    expect(d.recharacterisation).toEqual([{ gas: 'N2O', massT: 2, studyGwp: 273, cbamGwp: K.gwp.N2O.value, studyCo2e: 546, cbamCo2e: n2o }]);
    expect(d.lines[0]!.co2e).toMatchObject({ value: 1_000 + n2o, unit: 'tCO2e', source: { kind: 'computed' } });
    // a line at the installation outside the production stage is kept, with an info naming it
    expect(f.list.map((p) => [p.message.key, p.line?.id])).toEqual([['cbamconvert:warnings.installationLineNotProduction', 'L2']]);
  });

  it('a CO2e-only line counts in full and is flagged', () => {
    const f = new Findings();
    const d = directEmissions(pack, nitric, [line('L3', { CO2e: 7 })], {}, 'B', f);
    expect(d.total).toBe(7);
    expect(f.list[0]).toMatchObject({
      severity: 'warning',
      message: { key: 'cbamconvert:warnings.co2eOnDirectLine', params: { line: 'L3' } },
      line: { id: 'L3', row: 3 },
    });
  });
});

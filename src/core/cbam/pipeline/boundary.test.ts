import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sampleJson } from '../../../../test/helpers/samples';
import { Dataset, InventoryLine, type DatasetInput } from '../../model/dataset';
import { definitivePack } from '../packs';
import { categoryById } from '../screen';
import { classifyLines, placeLine } from './boundary';
import { Findings } from './findings';

type LineInput = z.input<typeof InventoryLine>;
const pack = definitivePack();
const cement = categoryById(pack, 'cement');
const line = (o: Partial<LineInput>): InventoryLine =>
  InventoryLine.parse({
    id: 'L1',
    description: 'x',
    stage: 'production',
    category: 'fuel-combustion',
    location: 'installation',
    activity: { amount: 1, unit: 't' },
    emissions: { kind: 'measured', massUnit: 't', gases: { CO2_fossil: 1 } },
    dataType: 'primary',
    ...o,
  });

describe('stage 2: the boundary (where a line goes, with the reason and the legal reference)', () => {
  it.each<[string, Partial<LineInput>, string]>([
    ['fuel at the installation, production', {}, 'direct'],
    ['process emission at the installation', { category: 'process-emission' }, 'direct'],
    ['fuel burnt upstream (energy supply chain)', { location: 'upstream' }, 'drop:cbamconvert:drop.upstreamEnergy'],
    ['transport', { category: 'transport', location: 'upstream' }, 'drop:cbamconvert:drop.transport'],
    ['use stage', { stage: 'use', location: 'downstream' }, 'drop:cbamconvert:drop.use'],
    ['electricity', { category: 'electricity', activity: { amount: 10, unit: 'MWh' } }, 'electricity'],
    ['purchased heat', { category: 'purchased-heat-steam', activity: { amount: 1, unit: 'TJ' } }, 'heat'],
    ['material without precursor data', { category: 'precursor-material', location: 'upstream' }, 'drop:cbamconvert:drop.materialNotPrecursor'],
    [
      'gypsum (2520 10 00) is not a CBAM good',
      { category: 'precursor-material', location: 'upstream', precursor: { cnCode: '2520 10 00' } },
      'drop:cbamconvert:drop.materialNotCbamGood',
    ],
    [
      'rebar is a CBAM good but not a precursor of cement',
      { category: 'precursor-material', location: 'upstream', precursor: { cnCode: '7214 20 00' } },
      'drop:cbamconvert:drop.notRelevantPrecursor',
    ],
    [
      'clinker is a relevant precursor of cement',
      { category: 'precursor-material', location: 'upstream', precursor: { cnCode: '2523 10 00' } },
      'precursor:cement-clinker',
    ],
    [
      'clinker by its 10-digit TARIC code',
      { category: 'precursor-material', location: 'upstream', precursor: { cnCode: '2523 10 00 90' } },
      'precursor:cement-clinker',
    ],
  ])('%s', (_n, o, want) => {
    const d = placeLine(pack, cement, line(o));
    const got = d.kind === 'drop' ? `drop:${d.reason.key}` : d.kind === 'precursor' ? `precursor:${d.cat}` : d.kind;
    expect(got).toBe(want);
    if (d.kind === 'drop') {
      expect(d.legalRef.act).toMatch(/Regulation \(EU\) 20\d\d\/\d+/);
      expect(d.reason.params?.line).toBe('L1');
    }
  });

  it('without drop rules in the pack, the boundary itself drops what is not at the installation', () => {
    const bare = { ...pack, rules: { ...pack.rules, drops: [] } };
    const d = placeLine(bare, cement, line({ category: 'process-emission', location: 'upstream' }));
    expect(d).toEqual({ kind: 'drop', reason: { key: 'cbamconvert:drop.outsideInstallation', params: { line: 'L1' } }, legalRef: pack.rules.refs.boundary });
    expect(placeLine(bare, cement, line({ category: 'waste' })).kind).toBe('drop');
  });

  it('classifies the cement sample: every line placed once; dropped lines carry what the study counted', () => {
    const ds = Dataset.parse(sampleJson('cement-grey-portland.json') as DatasetInput);
    const f = new Findings();
    const b = classifyLines(pack, cement, ds, { CO2_fossil: 1, CO2e: 1 }, f);
    const ids = [...b.direct, ...b.electricity, ...b.heat, ...b.precursors].map((x) => x.l.id).concat(b.dropped.map((d) => d.id));
    expect(ids.sort()).toEqual(ds.inventory.map((l) => l.id).sort());
    expect(b.electricity.map((e) => [e.l.id, e.mwh])).toEqual([['CE-05', 180_000]]);
    const bags = b.dropped.find((d) => d.id === 'CE-09')!;
    expect(bags.pcfCo2e).toBe((640 * 1100) / 1000); // 640 t paper × 1,100 kg CO2e/t
    expect(f.list).toEqual([]);
  });

  it('electricity or heat not given as energy is an error naming the line, and the line is not used', () => {
    const ds = Dataset.parse(sampleJson('cement-grey-portland.json') as DatasetInput);
    ds.inventory[4] = { ...ds.inventory[4]!, activity: { amount: 5, unit: 't' } };
    const f = new Findings();
    const b = classifyLines(pack, cement, ds, {}, f);
    expect(b.electricity).toEqual([]);
    expect(f.list).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: { key: 'cbamconvert:errors.electricityUnit', params: { line: 'CE-05', unit: 't' } },
        line: { id: 'CE-05', row: 5 },
      }),
    ]);
  });
});

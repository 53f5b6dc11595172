import { describe, expect, it } from 'vitest';
import { sampleJson } from '../../../../test/helpers/samples';
import { Dataset, type DatasetInput } from '../../model/dataset';
import { categoryById } from '../screen';
import { definitivePack } from '../packs';
import { activityLevel, cnOfTaric, inferRoute, resolveGood, templateRouteName } from './good';
import type { DirectLine } from './types';

const load = (f: string, edit?: (d: DatasetInput) => void): Dataset => {
  const raw = sampleJson(f) as DatasetInput;
  edit?.(raw);
  return Dataset.parse(raw);
};
const CE = 'cement-grey-portland.json';

describe('stage 1: the good', () => {
  it('the period picks the pack; the CN code gives the aggregated category', () => {
    const g = resolveGood(load(CE), { period: '2026' });
    if (!g.ok) throw new Error(JSON.stringify(g.errors));
    expect(g.pack.id).toBe('eu-cbam-definitive');
    expect(g.cn).toEqual({ digits: '25232900', printed: '2523 29 00' });
    expect(g.cat.id).toBe('cement');
    const t = resolveGood(load(CE), { period: '2025-Q3' });
    expect(t.ok && t.pack.id).toBe('eu-cbam-transitional');
  });

  it('a 10-digit TARIC code is read at its 8-digit CN level (2523 10 00 90 → clinker)', () => {
    expect(cnOfTaric('2523 10 00 90')).toBe('25231000');
    expect(cnOfTaric('2523.29.00')).toBe('2523.29.00');
    const g = resolveGood(load(CE), { period: '2026', cnCode: '2523 10 00 90' });
    expect(g.ok && g.cat.id).toBe('cement-clinker');
  });

  it.each([
    [{ cnCode: '8507 60 00' }, 'not-cbam', 'cbamconvert:errors.notCbamGood'],
    [{ cnCode: '25O3' }, 'invalid', 'cbamconvert:errors.cnInvalid'],
    [{ cnCode: '2716 00 00' }, 'invalid', 'cbamconvert:errors.electricityGood'],
    [{ period: '2019' }, 'invalid', 'cbam:errors.periodBeforeCbam'],
  ])('refused: %j → %s (%s)', (o, status, key) => {
    const r = resolveGood(load(CE), { period: '2026', ...o });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status).toBe(status);
    expect(r.errors[0]!.key).toBe(key);
  });

  it('no CN code at all → asks for it', () => {
    const r = resolveGood(
      load(CE, (d) => void delete d.product.cnCode),
      { period: '2026' },
    );
    expect(!r.ok && r.errors[0]!.key).toBe('cbamconvert:errors.noCnCode');
  });
});

describe('stage 1: the activity level', () => {
  it('per period: the production in tonnes (2,000,000 t); kg are converted', () => {
    const a = activityLevel(load(CE));
    expect(a.ok && a.tonnes).toBe(2_000_000);
    expect(a.ok && a.fig).toEqual({ value: 2_000_000, unit: 't', source: { kind: 'dataset', lines: [], note: 'basis.production' } });
    const kg = activityLevel(
      load(CE, (d) => {
        d.basis = { kind: 'per-period', production: { amount: 2_500, unit: 'kg' } };
      }),
    );
    expect(kg.ok && kg.tonnes).toBe(2.5);
  });
  it('per functional unit: the functional unit in tonnes; not a mass → refused naming the unit', () => {
    const fu = activityLevel(
      load(CE, (d) => {
        d.basis = { kind: 'per-functional-unit' };
      }),
    );
    expect(fu.ok && fu.tonnes).toBe(1);
    const piece = activityLevel(
      load(CE, (d) => {
        d.basis = { kind: 'per-period', production: { amount: 5, unit: 'piece' } };
      }),
    );
    expect(!piece.ok && piece.errors[0]).toEqual({ key: 'cbamconvert:errors.productionNotMass', params: { unit: 'piece' } });
  });
});

describe('stage 1: the route', () => {
  const pack = definitivePack();
  const al = categoryById(pack, 'unwrought-aluminium');
  const pfcLine = { gases: [{ gas: 'CF4', massT: 12, outcome: 'counted', co2eT: 0 }] } as unknown as DirectLine;
  it.each([
    ['explicit and allowed', al, [], al.routes[0]!, { id: al.routes[0]!, inferred: false }],
    ['PFC emitted → primary (electrolytic) smelting', al, [pfcLine], undefined, { id: 'primary', inferred: true }],
  ])('%s', (_n, cat, lines, explicit, want) => {
    expect(inferRoute(cat, lines, explicit)).toEqual(want);
  });
  it('an unknown route is an error listing the allowed ones', () => {
    const r = inferRoute(al, [], 'magic');
    expect(r.error).toEqual({ key: 'cbamconvert:errors.unknownRoute', params: { route: 'magic', allowed: al.routes.join(', ') } });
  });
  it("a category with one route takes it; without evidence the 'unknown' route (or the last) is inferred", () => {
    const single = pack.categories.find((c) => c.routes.length === 1)!;
    expect(inferRoute(single, [], undefined)).toEqual({ id: single.routes[0], inferred: false });
    const r = inferRoute(al, [], undefined);
    expect(r.inferred).toBe(true);
    expect(r.id).toBe(al.routes.includes('unknown') ? 'unknown' : al.routes.at(-1));
  });
  it("the template's route name where the lists map one to one", () => {
    expect(templateRouteName(al, 'primary')).toBe('Primary (electrolytic) smelting');
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InventoryLine } from '../../model/dataset';
import type { DefaultValue } from '../pack-schema';
import { cbamPackForPeriod, definitivePack } from '../packs';
import { categoryById, chinaDefaultRows, markupFor } from '../screen';
import { Findings } from './findings';
import { chooseDefaultRow, precursorStage } from './precursors';

type LineInput = z.input<typeof InventoryLine>;
const pack = definitivePack();
const cement = categoryById(pack, 'cement');
const clinkerRows = chinaDefaultRows(pack, '25231000').rows;
const grey = clinkerRows.find((r) => r.variant === 'grey')!;
const white = clinkerRows.find((r) => r.variant === 'white')!;
const prec = (id: string, precursor: LineInput['precursor'], amount = 1_000) => ({
  l: InventoryLine.parse({
    id, description: `${id} purchased`, stage: 'raw-material-acquisition', category: 'precursor-material', location: 'upstream',
    activity: { amount, unit: 't' }, emissions: { kind: 'measured', massUnit: 't', gases: { CO2e: 1 } }, dataType: 'secondary', precursor,
  }),
  row: Number(id.slice(1)),
  cat: 'cement-clinker' as const,
});
const period2026 = (() => {
  const r = cbamPackForPeriod('2026');
  if (!r.ok) throw new Error('2026');
  return r.period;
})();

describe('stage 6: the default row of a precursor (variants)', () => {
  it('the pack splits 2523 10 00 into white and grey clinker', () => {
    expect(clinkerRows.map((r) => r.variant)).toEqual(['white', 'grey']);
  });
  it.each<[string, string | undefined, string | undefined, string]>([
    ['no variant, 8-digit code → the variants to choose from', undefined, '25231000', 'error:cbamconvert:errors.precursorVariantNeeded'],
    ['variant id', 'grey', undefined, 'row:grey'],
    ['variant label (case-insensitive)', 'Grey/Other', undefined, 'row:grey'],
    ['white', 'white', '2523100090', 'row:white'],
    ['a variant the table does not have', 'blue', undefined, 'error:cbamconvert:errors.precursorVariantUnknown'],
  ])('%s', (_n, variant, taric, want) => {
    const r = chooseDefaultRow(clinkerRows, 'P1', '2523 10 00', variant, taric);
    expect(r.ok ? `row:${r.row.variant}` : `error:${r.key}`).toBe(want);
    if (!r.ok) expect(r.params).toMatchObject({ line: 'P1', cn: '2523 10 00', variants: 'white, grey' });
  });
  it('a 10-digit TARIC code picks the row that lists it', () => {
    const rows: DefaultValue[] = [{ ...white, taric: ['2523100010'] }, { ...grey, taric: ['2523100090'] }];
    const r = chooseDefaultRow(rows, 'P1', '2523 10 00', undefined, '2523100090');
    expect(r.ok && r.row.direct).toBe(grey.direct);
    const none = chooseDefaultRow(rows, 'P1', '2523 10 00', undefined, '2523100050');
    expect(!none.ok && none.key).toBe('cbamconvert:errors.precursorVariantNeeded');
  });
  it('a single row is used whatever the variant; no usable row → no default', () => {
    const one = chinaDefaultRows(pack, '25232900').rows;
    expect(chooseDefaultRow(one, 'P1', '2523 29 00').ok).toBe(true);
    expect(chooseDefaultRow(one, 'P1', '2523 29 00', 'grey').ok).toBe(true);
    const none = chooseDefaultRow([{ ...grey, direct: null }], 'P1', '2523 10 00');
    expect(!none.ok && none.key).toBe('cbamconvert:errors.precursorNoDefault');
  });
});

describe('stage 6: precursors at their own SEE', () => {
  const mk = markupFor(pack, 'cement-clinker', 2026)!.value;
  it('grey clinker from China by variant: default × (1 + mark-up 2026), uncertain; embedded = mass × SEE', () => {
    const f = new Findings();
    const p = precursorStage(pack, period2026, cement, [prec('P1', { cnCode: '2523 10 00 90', countryOfProduction: 'CN', variant: 'grey' }, 200_000)], f);
    const seeDir = Math.round(grey.direct! * (1 + mk) * 1e7) / 1e7;
    const seeInd = Math.round(grey.indirect! * (1 + mk) * 1e7) / 1e7;
    expect(p.lines[0]!.seeDirect).toMatchObject({ value: seeDir, uncertain: true, source: { kind: 'rule', ref: { act: grey.source.act } } });
    expect(p.lines[0]!.seeDirect!.source.kind === 'rule' && p.lines[0]!.seeDirect!.source.ref.note).toContain('grey/other');
    expect(p.embeddedDirect).toBe(Math.round(200_000 * seeDir * 1e6) / 1e6);
    expect(p.embeddedIndirect).toBe(Math.round(200_000 * seeInd * 1e6) / 1e6);
    expect(p.defaultDirect).toBe(p.embeddedDirect);
    expect(f.list.map((x) => x.message.key)).toEqual(['cbamconvert:warnings.precursorDefaultUsed']);
  });

  it('without the variant: an error naming the line and the variants; the sums are unknown (null), not 0', () => {
    const f = new Findings();
    const p = precursorStage(pack, period2026, cement, [prec('P2', { cnCode: '2523 10 00', countryOfProduction: 'CN' })], f);
    expect(p.embeddedDirect).toBeNull();
    expect(p.lines[0]!.seeDirect).toBeNull();
    expect(f.list[0]).toMatchObject({ severity: 'error', message: { key: 'cbamconvert:errors.precursorVariantNeeded', params: { line: 'P2', variants: 'white, grey' } }, line: { id: 'P2', row: 2 } });
  });

  it("the supplier's value wins; only defaults count in the default share", () => {
    const f = new Findings();
    const p = precursorStage(pack, period2026, cement, [
      prec('P1', { cnCode: '2523 10 00', countryOfProduction: 'CN', embedded: { direct: 0.8, indirect: 0.05 } }, 100),
      prec('P2', { cnCode: '2523 10 00', countryOfProduction: 'CN', variant: 'white' }, 10),
    ], f);
    const whiteDir = Math.round(white.direct! * (1 + mk) * 1e7) / 1e7;
    expect(p.embeddedDirect).toBe(Math.round((80 + 10 * whiteDir) * 1e6) / 1e6);
    expect(p.defaultDirect).toBe(Math.round(10 * whiteDir * 1e6) / 1e6);
    expect(p.lines.map((l) => l.basis)).toEqual(['supplier', 'default']);
  });

  it('no country of production, or another country than the table → error naming the line', () => {
    const f = new Findings();
    precursorStage(pack, period2026, cement, [prec('P1', { cnCode: '2523 10 00', variant: 'grey' }), prec('P2', { cnCode: '2523 10 00', countryOfProduction: 'IN', variant: 'grey' })], f);
    expect(f.list.map((x) => [x.message.key, x.line?.id])).toEqual([['cbamconvert:errors.precursorNoCountry', 'P1'], ['cbamconvert:errors.precursorDefaultCountry', 'P2']]);
  });
});

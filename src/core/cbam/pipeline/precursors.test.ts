import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InventoryLine } from '../../model/dataset';
import { cbamPackForPeriod, definitivePack } from '../packs';
import { categoryById, chinaDefaultRows, markupFor } from '../screen';
import { Findings } from './findings';
import { precursorDefaultRow, precursorStage, variantOptions } from './precursors';

type LineInput = z.input<typeof InventoryLine>;
const pack = definitivePack();
const cement = categoryById(pack, 'cement');
const clinkerRows = chinaDefaultRows(pack, '25231000').rows;
const grey = clinkerRows.find((r) => r.variant === 'grey')!;
const white = clinkerRows.find((r) => r.variant === 'white')!;
const prec = (id: string, precursor: LineInput['precursor'], amount = 1_000) => ({
  l: InventoryLine.parse({
    id,
    description: `${id} purchased`,
    stage: 'raw-material-acquisition',
    category: 'precursor-material',
    location: 'upstream',
    activity: { amount, unit: 't' },
    emissions: { kind: 'measured', massUnit: 't', gases: { CO2e: 1 } },
    dataType: 'secondary',
    precursor,
  }),
  row: Number(id.slice(1)),
  cat: 'cement-clinker' as const,
});
const period2026 = (() => {
  const r = cbamPackForPeriod('2026');
  if (!r.ok) throw new Error('2026');
  return r.period;
})();

describe('stage 6: the default row of a precursor (variants, through the screening lookup)', () => {
  const OPTIONS = 'white (TARIC 2523 10 00 10), grey (TARIC 2523 10 00 90)';
  it('the pack splits 2523 10 00 into white and grey clinker, each with its TARIC code', () => {
    expect(clinkerRows.map((r) => [r.variant, r.taric])).toEqual([
      ['white', ['2523100010']],
      ['grey', ['2523100090']],
    ]);
  });
  it.each<[string, string, string | undefined, string]>([
    ['8-digit code, no variant → the variants to choose from', '25231000', undefined, 'error:cbamconvert:errors.precursorVariantNeeded'],
    ['TARIC 2523 10 00 90 alone → grey', '2523100090', undefined, 'row:grey'],
    ['TARIC 2523 10 00 10 alone → white', '2523100010', undefined, 'row:white'],
    ['variant id', '25231000', 'grey', 'row:grey'],
    ['variant id, any case', '25231000', 'White', 'row:white'],
    ['a variant the table does not have', '25231000', 'blue', 'error:cbamconvert:errors.precursorVariantUnknown'],
    ['TARIC and variant disagree → the screening names the conflict', '2523100090', 'white', 'error:cbam:errors.variantConflict'],
  ])('%s', (_n, cn, variant, want) => {
    const r = precursorDefaultRow(pack, 'P1', cn, variant);
    expect(r.ok ? `row:${r.row.variant}` : `error:${r.errors[0]!.key}`).toBe(want);
    if (!r.ok && r.errors[0]!.key.startsWith('cbamconvert:')) expect(r.errors[0]!.params).toMatchObject({ line: 'P1', cn: '2523 10 00', variants: OPTIONS });
  });
  it('a single row is used whatever the variant; a code without a China default names the line', () => {
    const one = precursorDefaultRow(pack, 'P1', '25232900');
    expect(one.ok && one.row.direct).toBe(chinaDefaultRows(pack, '25232900').rows[0]!.direct);
    expect(precursorDefaultRow(pack, 'P1', '25232900', 'grey').ok).toBe(true);
    const none = precursorDefaultRow(pack, 'P1', '72029980');
    expect(!none.ok && none.errors[0]).toMatchObject({ key: expect.stringMatching(/^cbam(convert)?:errors\./) });
  });
  it('the variants as the screening prints them', () => {
    expect(
      variantOptions([
        { variant: 'white', label: 'white', taric: ['2523100010'] },
        { variant: 'x', label: null, taric: [] },
      ]),
    ).toBe('white (TARIC 2523 10 00 10), x');
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
    expect(f.list[0]).toMatchObject({
      severity: 'error',
      message: {
        key: 'cbamconvert:errors.precursorVariantNeeded',
        params: { line: 'P2', variants: 'white (TARIC 2523 10 00 10), grey (TARIC 2523 10 00 90)' },
      },
      line: { id: 'P2', row: 2 },
    });
  });

  it("the supplier's value wins; only defaults count in the default share", () => {
    const f = new Findings();
    const p = precursorStage(
      pack,
      period2026,
      cement,
      [
        prec('P1', { cnCode: '2523 10 00', countryOfProduction: 'CN', embedded: { direct: 0.8, indirect: 0.05 } }, 100),
        prec('P2', { cnCode: '2523 10 00', countryOfProduction: 'CN', variant: 'white' }, 10),
      ],
      f,
    );
    const whiteDir = Math.round(white.direct! * (1 + mk) * 1e7) / 1e7;
    expect(p.embeddedDirect).toBe(Math.round((80 + 10 * whiteDir) * 1e6) / 1e6);
    expect(p.defaultDirect).toBe(Math.round(10 * whiteDir * 1e6) / 1e6);
    expect(p.lines.map((l) => l.basis)).toEqual(['supplier', 'default']);
  });

  it('no country of production, or another country than the table → error naming the line', () => {
    const f = new Findings();
    precursorStage(
      pack,
      period2026,
      cement,
      [prec('P1', { cnCode: '2523 10 00', variant: 'grey' }), prec('P2', { cnCode: '2523 10 00', countryOfProduction: 'IN', variant: 'grey' })],
      f,
    );
    expect(f.list.map((x) => [x.message.key, x.line?.id])).toEqual([
      ['cbamconvert:errors.precursorNoCountry', 'P1'],
      ['cbamconvert:errors.precursorDefaultCountry', 'P2'],
    ]);
  });
});

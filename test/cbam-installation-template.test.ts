// The whole workbook of an installation read as the recipient will: convertInstallation → fill the official template →
// LibreOffice recalculates every formula → per process and product SEE, installation totals, controls and flags agree
// with CarbonBridge (test/helpers/template-check.ts); a figure not known stays empty and listed, never 0.
import { describe, expect, it } from 'vitest';
import { sampleJson } from './helpers/samples';
import { checkFilledTemplate, templateCheckAvailable } from './helpers/template-check';
import { SHARED } from './helpers/tools';
import { Dataset } from '../src/core/model/dataset';
import { convertInstallation, type InstallationConversion } from '../src/core/cbam/installation';

const sample = (ef?: number) =>
  convertInstallation(Dataset.parse(sampleJson('cement-plant-kiln-grinding.json')), {
    period: '2026',
    ...(ef ? { electricity: { euDefaultEf: ef } } : {}),
  }) as InstallationConversion;

describe(`cement plant sample (kiln → grinding) in the official template, recalculated by LibreOffice ${SHARED}`, () => {
  it(
    'with every figure known: the template equals CarbonBridge, except the default indirect SEE of the bought clinker, which the template cannot take (listed)',
    { timeout: 240_000 },
    (ctx) => {
      if (!templateCheckAvailable()) return ctx.skip();
      const c = sample(0.6);
      const r = checkFilledTemplate(c.docs!);
      // the template takes a purchased precursor's indirect emissions only as the supplier's MWh/t × factor (sheet E); a
      // default value gives the indirect SEE itself (IR (EU) 2025/2621 Annex I), so that cell stays empty and is listed
      const pp = c.docs!.purchasedPrecursors![0]!;
      const ppInd = typeof pp.seeIndirect === 'number' ? pp.seeIndirect : pp.seeIndirect!.value;
      expect(r.fill.report.gaps.map((g) => g.reason.key)).toContain('cbamdocs:gaps.precursorIndirectNotInTemplate');
      const cem = c.products[1]!;
      const lost = (100000 * ppInd) / 1500000;
      expect(r.failures).toEqual(
        ['P2', 'Summary_Products 25232900', 'Summary_Communication 25232900'].flatMap((w) => [
          `${w} SEE indirect: template ${+(cem.see.indirect!.value - lost).toFixed(7)}, CarbonBridge ${cem.see.indirect!.value}`,
          `${w} SEE total: template ${+(cem.see.total!.value - lost).toFixed(7)}, CarbonBridge ${cem.see.total!.value}`,
        ]),
      );
      // everything else agrees: both processes' direct SEE, the clinker completely, installation totals, controls, flags
      expect(r.readback.products.map((p) => [p.seeDirect, p.seeIndirect, p.seeTotal])).toEqual([
        [
          expect.closeTo(c.products[0]!.see.direct!.value, 6),
          expect.closeTo(c.products[0]!.see.indirect!.value, 6),
          expect.closeTo(c.products[0]!.see.total!.value, 6),
        ],
        [expect.closeTo(cem.see.direct!.value, 6), expect.closeTo(cem.see.indirect!.value - lost, 6), expect.closeTo(cem.see.total!.value - lost, 6)],
      ]);
    },
  );

  it('without the electricity factor: direct SEE equal, indirect cells left empty (not 0) and listed', { timeout: 240_000 }, (ctx) => {
    if (!templateCheckAvailable()) return ctx.skip();
    const c = sample();
    const r = checkFilledTemplate(c.docs!);
    expect(r.readback.products.map((p) => p.seeDirect)).toEqual(c.products.map((p) => expect.closeTo(p.see.direct!.value, 6)));
    expect(c.missing.map((m) => [m.processId, m.figure])).toEqual([
      ['KILN', 'indirect'],
      ['GRIND', 'indirect'],
    ]);
    // the factor's cells are listed as gaps, the MWh consumed are written
    expect(r.fill.report.gaps.some((g) => /electricity/.test(g.field))).toBe(true);
    expect(r.failures.filter((f) => !/SEE (indirect|total)/.test(f))).toEqual([]);
  });
});

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
    'with every figure known: the template equals CarbonBridge, the bought clinker’s default indirect SEE included (E_PurchPrec guidance)',
    { timeout: 240_000 },
    (ctx) => {
      if (!templateCheckAvailable()) return ctx.skip();
      const c = sample(0.6);
      const r = checkFilledTemplate(c.docs!);
      // the template's remark on default values for indirect embedded emissions (sheet E_PurchPrec ii–iv): the factor of the
      // country of origin, and MWh/t = default indirect SEE ÷ that factor, basis "Default"
      const pp = c.docs!.purchasedPrecursors![0]!;
      const v = (x: number | { value: number } | undefined) => (typeof x === 'number' ? x : x?.value);
      const ppInd = v(pp.seeIndirect)!;
      expect(v(pp.electricityEf)).toBe(0.6);
      expect(v(pp.electricityMWhPerT)).toBeCloseTo(ppInd / 0.6, 9);
      expect(pp.electricityEfBasis).toBe('Default');
      expect(r.fill.report.gaps.map((g) => g.reason.key)).not.toContain('cbamdocs:gaps.precursorIndirectNotInTemplate');
      expect(r.failures).toEqual([]);
      // both processes' SEE as CarbonBridge computes them, read back from the recalculated workbook
      expect(r.readback.products.map((p) => [p.seeDirect, p.seeIndirect, p.seeTotal])).toEqual(
        c.products.map((p) => [expect.closeTo(p.see.direct!.value, 6), expect.closeTo(p.see.indirect!.value, 6), expect.closeTo(p.see.total!.value, 6)]),
      );
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

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CbamPackError, parseCbamPack } from './pack-schema';
import { cbamPack, cbamPackForPeriod, definitivePack, rawCbamPack, transitionalPack } from './packs';
import { SHARED, sharedFile } from '../../../test/helpers/tools';

const CN_CSV = sharedFile('cbam/cn_codes_from_commission_template_v2.1.1.csv');
const DV_CSV = sharedFile('cbam/default_values_china_IR2025-2621.csv');

describe('CBAM rule packs', () => {
  it('both committed packs validate and carry their metadata', () => {
    const d = definitivePack();
    const t = transitionalPack();
    expect([d.id, d.kind, d.jurisdiction, d.status, d.effectiveFrom, d.effectiveTo]).toEqual([
      'eu-cbam-definitive',
      'definitive',
      'EU',
      'in-force',
      '2026-01-01',
      null,
    ]);
    expect([t.effectiveFrom, t.effectiveTo]).toEqual(['2023-10-01', '2025-12-31']);
    expect(Object.keys(d.title)).toEqual(['en', 'zh', 'ar']);
    expect(d.dataVersion.defaultValues).toContain('default_values_china_IR2025-2621.csv');
  });

  it.skipIf(!CN_CSV)(`carries all 749 CN codes of the shared CSV, with their category ${SHARED}`, () => {
    const lines = readFileSync(CN_CSV!, 'utf8').trim().split('\n').slice(1);
    const codes = definitivePack().cnCodes.codes;
    expect(codes).toHaveLength(749);
    expect(lines).toHaveLength(749);
    lines.forEach((l, i) => expect(l.startsWith(`${codes[i]!.printed},`)).toBe(true));
    expect(codes.find((c) => c.code === '72083900')?.category).toBe('iron-steel-products');
    expect(transitionalPack().cnCodes.codes).toHaveLength(749);
  });

  it.skipIf(!DV_CSV)(`carries the 260 China default values of the shared CSV unchanged ${SHARED}`, () => {
    const rows = readFileSync(DV_CSV!, 'utf8')
      .split('\n')
      .filter((l) => /^\d/.test(l));
    const vals = definitivePack().defaultValues.values;
    expect(vals).toHaveLength(260);
    expect(rows).toHaveLength(260);
    rows.forEach((l, i) => {
      const [cn, , direct, indirect, total, route] = l.split(',');
      const v = vals[i]!;
      expect([v.cn, v.direct, v.indirect, v.total, v.route]).toEqual([
        cn,
        direct ? Number(direct) : null,
        indirect ? Number(indirect) : null,
        total ? Number(total) : null,
        route || null,
      ]);
      expect(v.source.act).toBe('Implementing Regulation (EU) 2025/2621');
      expect(v.source.annex).toContain('2026/1740');
    });
  });

  it('keeps the figures and uncertainty marks of the reference', () => {
    const d = definitivePack();
    expect(d.constants.gwp.N2O.value).toBe(265);
    expect(d.constants.gwp.CF4.value).toBe(6630);
    expect(d.constants.gwp.C2F6.value).toBe(11100);
    expect([d.constants.naturalGasEf.value, d.constants.wasteGasExportCorrection.value]).toEqual([56.1, 0.667]);
    expect(d.cbamFactor.map((f) => f.value.value)).toEqual([0.975, 0.95, 0.9, 0.775, 0.515, 0.39, 0.265, 0.14, 0]);
    expect(d.certificatePrices.map((p) => [p.period, p.price.value, !!p.price.uncertain])).toEqual([
      ['2026-Q1', 75.36, false],
      ['2026-Q2', 75.28, true],
      ['2026-Q3', 82.32, true],
    ]);
    expect(d.threshold.massPerYear.value).toBe(50);
    expect(d.quarterlyHolding).toMatchObject({ fromYear: 2027, share: { value: 0.5 } });
    const ammonia = d.categories.find((c) => c.id === 'ammonia')!;
    expect(ammonia.indirectCounted).toMatchObject({ value: true, uncertain: true });
    expect(d.categories.find((c) => c.id === 'unwrought-aluminium')!.gases).toEqual(['CO2', 'PFC']);
    expect(d.benchmarks.entries.find((b) => b.id === 'hrc-A')!.value.uncertain).toBe(true);
  });

  it('refuses a broken pack with a message naming the field', () => {
    const raw = structuredClone(rawCbamPack('eu-cbam-definitive')) as Record<string, any>;
    raw.cbamFactor[1].value.value = 'ninety-five';
    expect(() => parseCbamPack(raw)).toThrow(CbamPackError);
    try {
      parseCbamPack(raw);
    } catch (e) {
      expect((e as CbamPackError).detail).toMatchObject({
        key: 'cbam:errors.packInvalid',
        params: { pack: 'eu-cbam-definitive', field: 'cbamFactor.1.value.value' },
      });
    }
    const raw2 = structuredClone(rawCbamPack('eu-cbam-definitive')) as Record<string, any>;
    delete raw2.certificatePrices[0].price.source;
    expect(() => parseCbamPack(raw2)).toThrow(/certificatePrices\.0\.price\.source/);
    const raw3 = structuredClone(rawCbamPack('eu-cbam-transitional')) as Record<string, any>;
    raw3.categories[1].precursors = ['not-a-category'];
    expect(() => parseCbamPack(raw3)).toThrow(/categories\.1\.precursors\.0/);
  });

  it('chooses the pack by period', () => {
    const id = (p: string) => {
      const r = cbamPackForPeriod(p);
      return r.ok ? r.pack.id : r.error.key;
    };
    expect(id('2025-Q3')).toBe('eu-cbam-transitional');
    expect(id('2023-Q4')).toBe('eu-cbam-transitional');
    expect(id('2026')).toBe('eu-cbam-definitive');
    expect(id('2026-Q1')).toBe('eu-cbam-definitive');
    expect(id('Q2-2027')).toBe('eu-cbam-definitive');
    expect(id('2025-12-31')).toBe('eu-cbam-transitional');
    expect(id('2026-01-01')).toBe('eu-cbam-definitive');
    expect(id('2023-Q2')).toBe('cbam:errors.periodBeforeCbam');
    expect(id('2023')).toBe('cbam:errors.periodSpansPacks');
    expect(id('2026-13-01')).toBe('cbam:errors.periodInvalid');
    expect(cbamPack('eu-cbam-definitive')).toBe(definitivePack());
  });
});

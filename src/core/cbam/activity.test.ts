// Activity data → installation figures: the worked examples TC1–TC9 of reference/cbam.md §9 (fixtures in
// rules/eu-cbam-definitive/worked-examples), validation messages naming the stream and field, and the dataset lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createT } from '../../cli/i18n';
import { translateMessage, type TFunction } from '../i18n/translate';
import { validateDataset } from '../model/validate';
import { round } from '../num';
import { activityLines, addLinesToDataset, calculateInstallation, parseActivity, type CalcFigure, type InstallationResult } from './activity';

const FIX = join(import.meta.dirname, '..', '..', '..', 'rules', 'eu-cbam-definitive', 'worked-examples');
const SAMPLES = join(import.meta.dirname, '..', '..', '..', 'public', 'samples');
const fixture = (tc: string) => JSON.parse(readFileSync(join(FIX, `${tc}.json`), 'utf8'));
const calc = (raw: unknown): InstallationResult => {
  const r = calculateInstallation(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
};
const figure = (r: InstallationResult, id: string): CalcFigure => {
  const f = r.figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}: ${r.figures.map((x) => x.id).join(', ')}`);
  return f;
};

describe('worked examples (reference/cbam.md §9)', () => {
  it('TC1 combustion: 11,340 TJ, 827,820 tCO2', () => {
    const r = calc(fixture('tc1'));
    expect(figure(r, 'sourceStreams.0.energy').value).toBe(11_340);
    expect(figure(r, 'sourceStreams.0.fossil').value).toBe(827_820);
    expect(r.dirEm.value).toBe(827_820);
    expect(r.attributedDirect.value).toBe(827_820);
    expect(r.see).toBeNull();
  });
  it('TC2 process emissions: 10,640.74 tCO2', () => {
    expect(calc(fixture('tc2')).dirEm.value).toBe(10_640.74);
  });
  it('TC3 mass balance: −25,693.07 tCO2 with the pack factor 3.664 and its source', () => {
    const r = calc(fixture('tc3'));
    const f = figure(r, 'sourceStreams.0.fossil');
    expect(round(f.value, 2)).toBe(-25_693.07);
    expect(round(r.dirEm.value, 2)).toBe(-25_693.07);
    expect(f.constants).toHaveLength(1);
    expect(f.constants[0]).toMatchObject({ id: 'carbonToCo2', value: 3.664, unit: 'tCO2/tC', source: { act: 'Implementing Regulation (EU) 2025/2547' } });
    expect(f.substituted).toBe('3.664 × -1808226 × 0.003878 × (1 − 0)');
  });
  it('TC4 PFC slope: CF4 194.8443 t, C2F6 23.7710 t, 1,291,817.71 + 263,858.15 → 1,587,424.35 tCO2e (AR5 from the pack)', () => {
    const r = calc(fixture('tc4'));
    expect(round(figure(r, 'pfc.0.cf4').value, 4)).toBe(194.8443);
    expect(round(figure(r, 'pfc.0.c2f6').value, 4)).toBe(23.771);
    expect(round(figure(r, 'pfc.0.co2eCf4').value, 2)).toBe(1_291_817.71);
    expect(round(figure(r, 'pfc.0.co2eC2F6').value, 2)).toBe(263_858.15);
    expect(round(figure(r, 'pfc.0.total').value, 2)).toBe(1_587_424.35);
    expect(round(r.dirEm.value, 2)).toBe(1_587_424.35);
    expect(figure(r, 'pfc.0.total').constants.map((c) => [c.id, c.value, c.source.annex])).toEqual([
      ['gwp.CF4', 6630, 'Annex II'],
      ['gwp.C2F6', 11100, 'Annex II'],
    ]);
  });
  it('TC5 CEMS N2O: 68.15005 t → 18,059.76 tCO2e (GWP 265)', () => {
    const r = calc(fixture('tc5'));
    expect(figure(r, 'cems.0.mass').value).toBe(68.15005);
    expect(round(figure(r, 'cems.0.co2e').value, 2)).toBe(18_059.76);
    expect(figure(r, 'cems.0.co2e').constants[0]).toMatchObject({ id: 'gwp.N2O', value: 265 });
  });
  it('TC6 CEMS CO2: 455,000 t, 386,750 fossil, 68,250 biogenic (not counted)', () => {
    const r = calc(fixture('tc6'));
    expect(figure(r, 'cems.0.mass').value).toBe(455_000);
    expect(figure(r, 'cems.0.fossil').value).toBe(386_750);
    expect(figure(r, 'cems.0.biogenic').value).toBe(68_250);
    expect(r.dirEm.value).toBe(386_750);
    expect(r.biogenic.value).toBe(68_250);
  });
  it('TC7 heat EF: 96 / 0.9 → 106.67 tCO2/TJ', () => {
    const r = calc(fixture('tc7'));
    expect(round(figure(r, 'heatImported.ef').value, 2)).toBe(106.67);
    expect(figure(r, 'heatImported.ef').source.formula).toBe('EF_fuel / η');
    expect(round(r.attributedDirect.value, 2)).toBe(106.67);
  });
  it('TC7 without an efficiency: the pack assumes 0.9 and says so', () => {
    const r = calc({ heatExported: { tj: 10, fuelEf: 96 } });
    expect(figure(r, 'heatExported.ef').constants[0]).toMatchObject({ id: 'unknownHeatEfficiency', value: 0.9 });
    expect(r.notes.some((m) => m.key === 'cbamcalc:notes.assumedEfficiency')).toBe(true);
    expect(figure(r, 'heatExported.ef').value).toBe(106.666667);
    expect(r.attributedDirect.value).toBe(-1066.66667);
  });
  it('TC8 waste gas: +5,610 / −3,741.87', () => {
    const r = calc(fixture('tc8'));
    expect(figure(r, 'wasteGas.import').value).toBe(5610);
    expect(figure(r, 'wasteGas.export').value).toBe(3741.87);
    expect(r.attributedDirect.value).toBe(1868.13);
    expect(figure(r, 'wasteGas.export').constants.map((c) => c.value)).toEqual([56.1, 0.667]);
  });
  it('TC9 EAF + rolling: SEE_dir 1.440, SEE_ind 1.732; 100 t → 144 + 173.2 = 317.2 tCO2e', () => {
    const r = calc(fixture('tc9'));
    expect(round(r.see!.direct.value, 3)).toBe(1.44);
    expect(round(r.see!.indirect.value, 3)).toBe(1.732);
    expect(r.see!.direct.unit).toBe('tCO2e/t');
    expect(r.importedGoods.map((f) => f.value)).toEqual([144, 173.2, 317.2]);
  });
  it('TC16 complex good: rebar mill → SEE_dir 2.14, SEE_ind 0.16667 (precursor at the supplier SEE)', () => {
    const r = calc({
      sourceStreams: [{ name: 'Natural gas', method: 'process', ad: 8000, ef: 1 }],
      electricityConsumed: { mwh: 12_000, ef: 0.5306 },
      production: { activityLevel: 100_000 },
      precursors: [{ name: 'Billets', mass: 103_000, seeDirect: 2.0, seeIndirect: 0.1 }],
    });
    expect(r.attributedIndirect!.value).toBe(6367.2);
    expect(r.see!.direct.value).toBe(2.14);
    expect(round(r.see!.indirect.value, 5)).toBe(0.16667);
    expect(r.see!.complex).toBe(true);
    expect(figure(r, 'precursors.direct').value).toBe(206_000);
    expect(r.see!.direct.source.formula).toBe('SEE_dir = (AttrEm_dir + EE_InpMat,dir) / AL');
  });
});

describe('every figure', () => {
  const all = ['tc1', 'tc2', 'tc3', 'tc4', 'tc5', 'tc6', 'tc7', 'tc8', 'tc9'].map((tc) => calc(fixture(tc)));
  it('has a unit, a formula with its numbers, a function and a legal basis; no float tails', () => {
    for (const r of all)
      for (const f of r.figures) {
        expect(f.unit.length, f.id).toBeGreaterThan(0);
        expect(f.source.formula.length, f.id).toBeGreaterThan(0);
        expect(f.substituted, f.id).toMatch(/\d/);
        expect(f.fn.length, f.id).toBeGreaterThan(0);
        expect(f.ref.act, f.id).toMatch(/Regulation/);
        expect(String(f.value), f.id).toMatch(/^-?\d+(\.\d{1,6})?$/);
      }
  });
  it('DirEm* is the exact decimal sum of the stream figures shown', () => {
    const r = calc({
      ...fixture('tc1'),
      sourceStreams: [...fixture('tc1').sourceStreams, ...fixture('tc2').sourceStreams, ...fixture('tc3').sourceStreams],
      pfc: fixture('tc4').pfc,
    });
    const shown = r.streams.map((s) => s.fossil);
    expect(shown.slice(0, 3)).toEqual([827_820, 10_640.74, -25_693.068768]);
    const scaled = shown.reduce((a, v) => a + BigInt(Math.round(v * 1e6)), 0n);
    expect(r.dirEm.value).toBe(Number(scaled) / 1e6);
    expect(r.dirEm.substituted).toBe(shown.map(String).join(' + '));
    expect(String(r.dirEm.value)).toMatch(/^\d+\.\d{1,6}$/);
  });
});

describe('validation', () => {
  it('a negative activity data is refused with the stream name and the field', () => {
    const r = calculateInstallation({ sourceStreams: [{ name: 'Coal', method: 'combustion', ad: -5, ncv: 25, ef: 95 }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      {
        path: ['sourceStreams', 0, 'ad'],
        message: {
          key: 'cbamcalc:errors.negative',
          params: { section: '$t:cbamcalc:section.sourceStreams', item: '$raw: “Coal”', field: '$t:cbamcalc:field.ad', value: '-5' },
        },
      },
    ]);
  });
  it('reports text, shares above 1, unknown methods, a missing heat factor and a zero activity level, each at its path', () => {
    const r = calculateInstallation({
      sourceStreams: [
        { method: 'combustion', ad: 'abc', ncv: 25, ef: 95, oxidationFactor: 98 },
        { method: 'burning', ad: 1 },
      ],
      pfc: [{ method: 'slope', alProduced: 1, aef: 1, aed: 1, sefCf4: 1, fC2F6: 0.1, collectionEfficiency: 0 }],
      heatImported: { tj: 5 },
      production: { activityLevel: 0 },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const got = r.errors.map((e) => [e.path.join('.'), e.message.key]);
    expect(got).toEqual([
      ['sourceStreams.0.ad', 'cbamcalc:errors.notANumber'],
      ['sourceStreams.0.oxidationFactor', 'cbamcalc:errors.aboveMax'],
      ['sourceStreams.1.method', 'cbamcalc:errors.unknownMethod'],
      ['pfc.0.collectionEfficiency', 'cbamcalc:errors.notPositive'],
      ['heatImported.ef', 'cbamcalc:errors.heatEf'],
      ['production.activityLevel', 'cbamcalc:errors.notPositive'],
    ]);
    expect(r.errors[0]!.message.params).toMatchObject({ item: '$raw: “#1”', value: 'abc' });
  });
  it('typed numbers (Arabic-Indic digits, grouping) are read; an empty optional field is "not entered"', () => {
    const r = calc({ sourceStreams: [{ name: 'HFO', method: 'combustion', ad: '٢٥٢٬٠٠٠', ncv: '45', ef: '73', oxidationFactor: '', biomassShare: '' }] });
    expect(r.dirEm.value).toBe(827_820);
    expect(r.notes.map((m) => m.key)).toContain('cbamcalc:notes.oxidationDefault');
  });
  it('refuses what is not activity data', () => {
    expect(parseActivity('{oops')).toEqual({ ok: false, errors: [{ path: [], message: { key: 'cbamcalc:errors.notJson' } }] });
    expect(parseActivity([1, 2])).toMatchObject({ ok: false, errors: [{ message: { key: 'cbamcalc:errors.notActivity' } }] });
    const r = parseActivity({ sourceStream: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatchObject({ key: 'cbamcalc:errors.unknownField', params: { keys: 'sourceStream' } });
  });
  describe('messages read well in every language', () => {
    let ts: Record<string, TFunction>;
    beforeAll(async () => {
      ts = { en: await createT('en'), zh: await createT('zh'), ar: await createT('ar') };
    });
    it('errors, figure labels and notes are translated, with their parameters filled in', () => {
      const bad = calculateInstallation({ sourceStreams: [{ name: 'Coal', method: 'combustion', ad: -5, ncv: 25, ef: 95 }], heatImported: { tj: 1 } });
      const good = calc({
        ...fixture('tc9'),
        sourceStreams: [{ method: 'combustion', ad: 1, ncv: 1, ef: 1 }],
        precursors: [{ name: 'Billets', mass: 1, seeDirect: 1, source: 'default' }],
      });
      const msgs = [...(bad.ok ? [] : bad.errors.map((e) => e.message)), ...good.figures.map((f) => f.label), ...good.notes];
      expect(msgs.length).toBeGreaterThan(10);
      for (const [lng, t] of Object.entries(ts))
        for (const m of msgs) {
          const s = translateMessage(t, m);
          expect(s, `${lng} ${m.key}`).not.toContain('cbamcalc:');
          expect(s, `${lng} ${m.key}`).not.toContain('{{');
          expect(s, `${lng} ${m.key}`).not.toContain('$t:');
        }
      if (bad.ok) throw new Error('expected errors');
      const zh = translateMessage(ts.zh!, bad.errors[0]!.message);
      expect(zh).toBe('源流 “Coal” — 活动数据（AD）：不能为负数（输入值 -5）。请输入 0 或更大的数；只有质量平衡的输出流为负。');
    });
  });
});

describe('dataset lines', () => {
  const all = calc({
    installation: { id: 'INST-1' },
    sourceStreams: [...fixture('tc1').sourceStreams, ...fixture('tc2').sourceStreams],
    pfc: fixture('tc4').pfc,
    cems: [...fixture('tc5').cems, ...fixture('tc6').cems],
  });
  it('one line per stream with the measured gas masses, category, location and the method with its inputs as source', () => {
    const { lines, skipped } = activityLines(all, { installationId: 'INST-1' });
    expect(skipped).toEqual([]);
    expect(lines.map((l) => [l.id, l.category, l.location, l.stage, l.installationId])).toEqual([
      ['CALC-HFO', 'fuel-combustion', 'installation', 'production', 'INST-1'],
      ['CALC-RAWMEAL', 'process-emission', 'installation', 'production', 'INST-1'],
      ['CALC-POTLINE', 'process-emission', 'installation', 'production', 'INST-1'],
      ['CALC-N2O-STACK', 'process-emission', 'installation', 'production', 'INST-1'],
      ['CALC-CO2-STACK', 'fuel-combustion', 'installation', 'production', 'INST-1'],
    ]);
    expect(lines[0]).toEqual({
      id: 'CALC-HFO',
      description: 'Heavy fuel oil',
      stage: 'production',
      category: 'fuel-combustion',
      location: 'installation',
      installationId: 'INST-1',
      activity: { amount: 252_000, unit: 't' },
      emissions: {
        kind: 'measured',
        massUnit: 't',
        gases: { CO2_fossil: 827_820 },
        source: {
          name: 'CBAM combustion (calculation-based) — Implementing Regulation (EU) 2025/2547, Annex II',
          reference:
            'AD × NCV / 1000 = 252000 × 45 / 1000 = 11340 TJ; AD × NCV × EF × OxF × (1 − BioC) / 1000 = 252000 × 45 × 73 × 1 × (1 − 0) / 1000 = 827820 tCO2',
        },
      },
      dataType: 'primary',
    });
    expect(lines[3]!.emissions.gases).toEqual({ N2O: 68.15005 });
    expect(lines[3]!.activity).toEqual({ amount: 1060, unit: '1000 Nm3' });
    expect(lines[4]!.emissions.gases).toEqual({ CO2_fossil: 386_750, CO2_biogenic: 68_250 });
    // PFC: the gases emitted including the fugitive part, so AR5 weighting gives the figure shown
    const g = lines[2]!.emissions.gases;
    expect(round(g.CF4! * 6630 + g.C2F6! * 11100, 2)).toBe(1_587_424.35);
  });
  it('the lines added to a sample are exactly what validateDataset accepts', () => {
    const sample = JSON.parse(readFileSync(join(SAMPLES, 'aluminium-ingot-ningxia.json'), 'utf8'));
    const { lines } = activityLines(all, { installationId: 'INST-1' });
    const v = validateDataset({ ...sample, inventory: [...sample.inventory, ...lines] });
    expect(v.ok).toBe(true);
    expect(v.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(v.dataset!.inventory.slice(-lines.length)).toEqual(lines);
  });
  it('addLinesToDataset: ids made unique, the single installation assigned, checked by the validator', () => {
    const sample = JSON.parse(readFileSync(join(SAMPLES, 'aluminium-ingot-ningxia.json'), 'utf8'));
    const { lines } = activityLines(calc(fixture('tc1')));
    const once = addLinesToDataset(sample, lines);
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    const twice = addLinesToDataset(once.dataset, lines);
    expect(twice.ok && twice.added).toEqual(['CALC-HFO-2']);
    if (!twice.ok) return;
    expect(twice.dataset.inventory.at(-1)).toMatchObject({ id: 'CALC-HFO-2', installationId: 'INST-1', emissions: { gases: { CO2_fossil: 827_820 } } });
    expect(validateDataset(twice.dataset).ok).toBe(true);
    expect(twice.dataset.inventory).toHaveLength(sample.inventory.length + 2);
  });
  it('refuses a dataset given per functional unit, and an unknown installation', () => {
    const sample = JSON.parse(readFileSync(join(SAMPLES, 'aluminium-ingot-ningxia.json'), 'utf8'));
    const { lines } = activityLines(calc(fixture('tc1')));
    expect(addLinesToDataset({ ...sample, basis: { kind: 'per-functional-unit' } }, lines)).toEqual({
      ok: false,
      errors: [{ key: 'cbamcalc:lines.perFunctionalUnit' }],
    });
    expect(addLinesToDataset(sample, lines, { installationId: 'X' })).toEqual({
      ok: false,
      errors: [{ key: 'cbamcalc:lines.unknownInstallation', params: { id: 'X' } }],
    });
  });
  it('a net negative mass balance cannot be a line and says why; a positive one is one line', () => {
    const neg = activityLines(calc(fixture('tc3')));
    expect(neg.lines).toEqual([]);
    expect(neg.skipped).toEqual([{ key: 'cbamcalc:lines.negativeBalance', params: { value: -25_693.068768 } }]);
    const pos = activityLines(
      calc({
        sourceStreams: [
          { id: 'COKE', method: 'mass-balance', ad: 1000, carbonContent: 0.85 },
          { id: 'STEEL', method: 'mass-balance', ad: -10_000, carbonContent: 0.004 },
        ],
      }),
    );
    expect(pos.lines).toHaveLength(1);
    expect(pos.lines[0]).toMatchObject({
      id: 'CALC-MB',
      category: 'process-emission',
      activity: { amount: 1000, unit: 't' },
      emissions: { gases: { CO2_fossil: 2967.84 } },
    });
  });
});

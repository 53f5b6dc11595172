/**
 * The battery family (EU Battery Regulation Art. 7, China MIIT declaration) against the acceptance points:
 * the draft act's worked example (60 kWh M1 × 60 × 8 = 28,800 kWh; 4,800 kg → 0.1667 kg CO2e/kWh) and the L (20) and
 * M3 (250) cycles; for each battery sample the stages add up exactly to the total, the national mix changes only the
 * electricity lines, each by the factor ratio, a green-certificate line is refused by the EU pack (reason and rule)
 * and accepted by the China pack (its rule named); the due date from the pack's rule; EU↔CN causes add up.
 */
import { describe, expect, it } from 'vitest';
import {
  apportion,
  compareBatteryPacks,
  computeDue,
  declare,
  functionalUnitOf,
  getBatteryPack,
  parseBatteryDetails,
  passportExcerpt,
  type BatteryDetails,
} from '../src/core/battery';
import { compute } from '../src/core/engine/compute';
import { perServiceUnit, serviceLifeTotal, serviceYears } from '../src/core/engine/service-life';
import { Dataset, type DatasetInput } from '../src/core/model/dataset';
import { validateDataset } from '../src/core/model/validate';
import { toScaled } from '../src/core/num';
import { sampleText } from './helpers/samples';
import { loadBatteryPack } from '../src/core/battery/rules';
import euPackRaw from '../rules/eu-battery-cf/pack.json';
import euRulesRaw from '../rules/eu-battery-cf/battery.json';

const EU = getBatteryPack('eu-battery-cf')!;
const CN = getBatteryPack('cn-miit-battery')!;
const AS_OF = '2026-11-27';
const SAMPLES = ['nmc-ev-battery-pack.json', 'lfp-battery-pack.json'];

function sample(f: string) {
  const v = validateDataset(sampleText(f));
  expect(v.ok, JSON.stringify(v.problems)).toBe(true);
  return v.dataset!;
}

const details = (over: Partial<BatteryDetails> = {}): BatteryDetails => {
  const r = parseBatteryDetails({
    category: 'ev',
    vehicleClass: 'M1',
    chemistry: 'NMC',
    usableEnergyKWh: 60,
    serviceLife: { warrantyYears: 8 },
    manufacturer: { name: 'M', address: 'A' },
    model: 'X',
    plant: { town: 'T', country: 'CN' },
    euDeclarationOfConformityId: 'DoC-1',
    publicStudyUrl: 'https://example.com/s',
    ...over,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.details;
};

/** A pack of 4,800 kg CO2e over the four stages (FU = one battery). */
function workedDataset(): Dataset {
  const line = (id: string, stage: string, kg: number) => ({
    id,
    description: id,
    stage,
    category: 'other',
    location: 'upstream',
    activity: { amount: 1, unit: 'piece' },
    emissions: { kind: 'measured', massUnit: 'kg', gases: { CO2_fossil: kg } },
    dataType: 'primary',
  });
  const raw: DatasetInput = {
    format: 'carbonbridge.dataset',
    formatVersion: 2,
    product: { name: { en: 'pack' }, functionalUnit: { amount: 1, unit: 'piece' } },
    producer: { name: 'P', country: 'CN' },
    period: { start: '2025-01-01', end: '2025-12-31' },
    study: { standard: 'x', boundary: 'cradle-to-grave', allocation: { method: 'none' }, gwpSet: 'AR6' },
    basis: { kind: 'per-functional-unit' },
    inventory: [
      line('a', 'raw-material-acquisition', 3000),
      line('b', 'production', 1200),
      line('c', 'distribution', 200),
      line('d', 'end-of-life', 400),
    ] as never,
  };
  return Dataset.parse(raw);
}

describe('functional unit over the service life (draft delegated act)', () => {
  it('worked example: 60 kWh M1, 8-year warranty → 28,800 kWh; 4,800 kg → 0.1667 kg CO2e/kWh', () => {
    const { fu } = functionalUnitOf(details(), EU.rules);
    expect(fu!.cyclesPerYear).toMatchObject({ value: 60, basis: 'default', vehicleClass: 'M1' });
    expect(fu!.cyclesPerYear.source.uncertain).toMatch(/Draft delegated act/);
    expect(fu!.eTotalKWh).toBe(28800);
    expect(serviceLifeTotal(60, 60, 8)).toBe(28800);
    expect(perServiceUnit(4800, 28800)).toBe(0.166667);
    const d = declare(workedDataset(), details(), EU, { asOf: AS_OF });
    expect(d.total.kgPerBattery).toBe(4800);
    expect(d.total.kgPerKWh!.toFixed(4)).toBe('0.1667');
    expect(d.functionalUnit!.eTotalKWh).toBe(28800);
  });
  it.each([
    ['L', 20, 9600],
    ['M3', 250, 120000],
    ['N1', 60, 28800],
  ] as const)('vehicle class %s: %d cycles a year → %d kWh', (cls, cycles, total) => {
    const { fu } = functionalUnitOf(details({ vehicleClass: cls }), EU.rules);
    expect(fu!.cyclesPerYear.value).toBe(cycles);
    expect(fu!.eTotalKWh).toBe(total);
    const d = declare(workedDataset(), details({ vehicleClass: cls }), EU, { asOf: AS_OF });
    expect(d.total.kgPerKWh).toBe(Number((4800 / total).toFixed(6)));
  });
  it('a km warranty is converted with the stated rate and the shorter term applies', () => {
    expect(serviceYears({ years: 8, usage: 160000, usagePerYear: 25000 })).toMatchObject({ years: 6.4, basis: 'shorter-of-both' });
    expect(serviceYears({ usage: 150000, usagePerYear: 15000 })).toMatchObject({ years: 10, basis: 'usage' });
    expect(serviceYears({ usage: 150000 })).toBeNull();
    const { fu } = functionalUnitOf(details({ serviceLife: { warrantyYears: 8, warrantyKm: 160000, kmPerYear: 25000 } }), EU.rules);
    expect(fu!.eTotalKWh).toBe(60 * 60 * 6.4);
  });
  it('an override of the cycles needs a justification and is used; no default for a stationary battery is named missing', () => {
    const { fu } = functionalUnitOf(details({ cyclesPerYear: { value: 100, justification: 'fleet duty' } }), EU.rules);
    expect(fu!.cyclesPerYear).toMatchObject({ value: 100, basis: 'override', justification: 'fleet duty' });
    const st = functionalUnitOf(details({ category: 'stationary', vehicleClass: undefined }), EU.rules);
    expect(st.fu).toBeNull();
    expect(st.missing.map((m) => m.key)).toContain('battery:missing.cyclesPerYear');
  });
});

describe('the battery samples', () => {
  for (const f of SAMPLES) {
    describe(f, () => {
      const ds = sample(f);
      const b = ds.battery!;
      it('carries the battery details', () => {
        expect(b.model).toBeTruthy();
        expect(b.usableEnergyKWh).toBeGreaterThan(2);
      });
      for (const bp of [EU, CN]) {
        it(`${bp.pack.id}: the stage figures add up exactly to the total (per battery and per kWh)`, () => {
          const d = declare(ds, b, bp, { asOf: AS_OF });
          const present = d.stages.filter((s) => s.kgPerBattery !== null);
          expect(present.length).toBeGreaterThanOrEqual(2);
          expect(present.reduce((s, x) => s + toScaled(x.kgPerBattery!, 3), 0n)).toBe(toScaled(d.total.kgPerBattery!, 3));
          expect(present.reduce((s, x) => s + toScaled(x.kgPerKWh!, 6), 0n)).toBe(toScaled(d.total.kgPerKWh!, 6));
          // stages the study cannot fill are missing, never 0
          for (const s of d.stages.filter((x) => x.status !== 'present')) {
            expect(s.kgPerKWh).toBeNull();
            expect(s.advice?.en).toBeTruthy();
          }
          expect(d.total.complete).toBe(present.length === d.stages.length);
        });
      }
      it('EU: the national mix changes only the electricity lines, each by the factor ratio', () => {
        const d = declare(ds, b, EU, { asOf: AS_OF });
        const asReported = compute(ds, { ...EU.pack, electricity: { ...EU.pack.electricity, rules: [] } }, { skipChecks: true });
        const euLines = d.result.lines;
        let changed = 0;
        euLines.forEach((l, i) => {
          if (l.category !== 'electricity') expect(l.co2eIfIncluded).toBe(asReported.lines[i]!.co2eIfIncluded);
        });
        for (const e of d.electricity.filter((x) => x.source.endsWith('grid'))) {
          expect(e.applied.factorId).toMatch(/^cn-cfp-\d{4}-national$/);
          expect(e.ratio).toBeCloseTo(e.applied.value! / e.reported.value!, 6);
          expect(e.kgApplied).toBeCloseTo(e.kgReported * (e.applied.value! / e.reported.value!), 5);
          if (e.kgApplied !== e.kgReported) changed++;
        }
        if (f.startsWith('nmc')) {
          const prov = d.electricity.find((e) => e.source === 'provincial-grid')!;
          expect(prov.reported).toMatchObject({ factorId: 'cn-mee-co2-2022-inner-mongolia', value: 0.6849, kind: 'combustion-co2' });
          expect(prov.applied).toMatchObject({ factorId: 'cn-cfp-2024-national', value: 0.5777 });
          expect(prov.kgApplied).toBe(1733.1);
          expect(prov.kgReported).toBe(2054.7);
          expect(changed).toBe(1);
        }
      });
      it('a green-certificate line: refused by the EU pack with its reason, accepted by the China pack under its named rule', () => {
        // the LFP sample has none: add one, a copy of its grid line claimed through certificates at 0
        const withCert: Dataset = f.startsWith('nmc')
          ? ds
          : {
              ...ds,
              inventory: [
                ...ds.inventory,
                {
                  ...ds.inventory.find((l) => l.category === 'electricity')!,
                  id: 'GEC-1',
                  emissions: { kind: 'factors', massUnit: 'kg', perUnit: 'kWh', gases: { CO2e: 0 }, source: { name: 'GEC' } },
                  electricity: { source: 'green-certificate' },
                },
              ],
            };
        const eu = declare(withCert, b, EU, { asOf: AS_OF }).electricity.find((e) => e.source === 'green-certificate')!;
        expect(eu.instrument).toBe('refused');
        expect(eu.ruleId).toBe('eu-bat-contractual-refused');
        expect(eu.message?.key).toBe('battery:elec.contractualRefused');
        expect(eu.legalRef?.clause).toMatch(/2\.4/);
        expect(eu.kgApplied).toBeGreaterThan(0);
        expect(eu.kgReported).toBe(0);
        const cn = declare(withCert, b, CN, { asOf: AS_OF }).electricity.find((e) => e.source === 'green-certificate')!;
        expect(cn.instrument).toBe('accepted');
        expect(cn.ruleId).toBe('cn-miit-contractual-accepted');
        expect(cn.legalRef?.act).toMatch(/GB\/T 24067-2024/);
        expect(cn.legalRef?.uncertain).toMatch(/MIIT/);
        expect(cn.kgApplied).toBe(0);
        // the open rule of the draft, as a pack option: the JRC 2023 choice accepts it
        const jrc = declare(withCert, b, EU, { asOf: AS_OF, options: { 'contractual-electricity': 'jrc-2023-contractual' } });
        expect(jrc.electricity.find((e) => e.source === 'green-certificate')!.instrument).toBe('accepted');
        expect(jrc.options[0]!.chosen).toBe('jrc-2023-contractual');
      });
      it('EU → China: the causes add up exactly to the difference per kWh', () => {
        const c = compareBatteryPacks(ds, b, EU, CN, { asOf: AS_OF });
        expect(c.differencePerKWh).not.toBeNull();
        expect(c.causes.map((k) => k.cause)).toEqual(['boundary', 'electricity', 'gwp', 'functional-unit']);
        expect(c.causes.reduce((s, k) => s + toScaled(k.deltaPerKWh, 6), 0n)).toBe(toScaled(c.differencePerKWh!, 6));
        if (f.startsWith('nmc')) {
          expect(c.differencePerKWh).toBe(-0.007114);
          expect(c.causes.find((k) => k.cause === 'electricity')!.deltaPerKWh).toBe(-0.007114);
        }
      });
    });
  }
  it('the NMC use stage is excluded with its reason; the study counts it under GB/T', () => {
    const ds = sample('nmc-ev-battery-pack.json');
    const d = declare(ds, ds.battery!, EU, { asOf: AS_OF });
    const use = d.excludedStages.find((e) => e.stage === 'use')!;
    expect(use.lines).toBe(1);
    expect(use.kgPerBatteryIfIncluded).toBe(2079.72);
    expect(use.reason.key).toBe('core:exclude.stageNotCounted');
    expect(use.source.clause).toMatch(/Annex II/);
  });
  it('the cradle-to-gate LFP study: distribution and end of life missing, with how to add them', () => {
    const ds = sample('lfp-battery-pack.json');
    const d = declare(ds, ds.battery!, EU, { asOf: AS_OF });
    expect(d.stages.filter((s) => s.status === 'outside-boundary').map((s) => s.id)).toEqual(['distribution', 'end-of-life-and-recycling']);
    expect(d.stages.find((s) => s.id === 'distribution')!.advice!.en).toMatch(/international shipping/);
    expect(d.missing.map((m) => m.key)).toContain('battery:missing.stageOutsideBoundary');
    expect(passportExcerpt(d).ok).toBe(false);
  });
});

describe('legal status and due date from the pack rule', () => {
  it('EU: not yet due while the delegated and implementing acts are drafts', () => {
    const d = computeDue(EU.rules, { category: 'ev' }, AS_OF);
    expect(d).toMatchObject({ dueDate: null, legallyDue: false, pending: ['methodology-da', 'format-ia'], statutory: '2025-02-18', lagMonths: 12 });
    expect(EU.pack.status).toBe('draft');
  });
  it.each([
    [{ category: 'ev' as const }, { 'methodology-da': '2027-03-10', 'format-ia': '2027-01-05' }, '2028-03-10'],
    [{ category: 'ev' as const }, { 'methodology-da': '2023-01-01', 'format-ia': '2023-06-30' }, '2025-02-18'],
    [{ category: 'industrial' as const }, { 'methodology-da': '2027-08-31', 'format-ia': '2027-08-31' }, '2029-02-28'],
    [{ category: 'stationary' as const, exclusivelyExternalStorage: true }, { 'methodology-da': '2027-01-01', 'format-ia': '2027-01-01' }, '2030-08-18'],
    [{ category: 'lmt' as const }, { 'methodology-da': '2028-01-01', 'format-ia': '2028-01-01' }, '2029-07-01'],
  ])('the later of the statutory date and entry into force + lag (%o, %o → %s)', (b, acts, due) => {
    expect((computeDue(EU.rules, b, AS_OF, acts) as { dueDate: string | null }).dueDate).toBe(due);
  });
  it('China: trial until 31 Dec 2026, routine from 1 Jan 2027', () => {
    expect(computeDue(CN.rules, { category: 'ev' }, '2026-11-27')).toMatchObject({ phase: 'trial' });
    expect(computeDue(CN.rules, { category: 'ev' }, '2027-01-01')).toMatchObject({ phase: 'routine' });
    expect(computeDue(CN.rules, { category: 'ev' }, '2025-06-01')).toMatchObject({ phase: 'before' });
  });
});

describe('performance class', () => {
  it('is not adopted: nothing computed without thresholds; thresholds entered by the user give a class', () => {
    const ds = workedDataset();
    const none = declare(ds, details(), EU, { asOf: AS_OF });
    expect(none.performanceClass).toMatchObject({ status: 'not-adopted', userClass: null });
    const withT = declare(
      ds,
      details({
        performanceClasses: [
          { class: 'A', maxKgPerKWh: 0.1 },
          { class: 'B', maxKgPerKWh: 0.2 },
        ],
      }),
      EU,
      { asOf: AS_OF },
    );
    expect(withT.performanceClass.userClass).toBe('B');
  });
  it('a later pack version with adopted thresholds gives the class from the pack', () => {
    const raw = structuredClone(euRulesRaw) as any;
    raw.performanceClass = {
      ...raw.performanceClass,
      status: 'adopted',
      thresholds: [
        { class: 'A', maxKgPerKWh: 0.15 },
        { class: 'B', maxKgPerKWh: 0.17 },
      ],
    };
    const later = loadBatteryPack(euPackRaw, raw);
    const d = declare(workedDataset(), details(), later, { asOf: AS_OF });
    expect(d.performanceClass).toMatchObject({ status: 'adopted', userClass: 'B', thresholdsFrom: 'pack' });
    // a broken pack is refused, naming the field
    raw.performanceClass.thresholds[0].maxKgPerKWh = -1;
    expect(() => loadBatteryPack(euPackRaw, raw)).toThrow(/performanceClass\.thresholds\.0\.maxKgPerKWh/);
  });
});

describe('apportion', () => {
  it('rounded parts add up to the rounded total', () => {
    const r = apportion([1200 / 28800, 1200 / 28800, 1200 / 28800, 1200 / 28800], 6);
    expect(r.total).toBe(0.166667);
    expect(r.parts.reduce((s, x) => s + toScaled(x, 6), 0n)).toBe(toScaled(0.166667, 6));
  });
});

describe('battery details refused with the field named', () => {
  it.each([
    ['negative kWh', { usableEnergyKWh: -5 }, 'usableEnergyKWh', 'battery:validation.notPositive'],
    ['zero years', { serviceLife: { warrantyYears: 0 } }, 'serviceLife.warrantyYears', 'battery:validation.notPositive'],
    ['unknown vehicle class', { vehicleClass: 'M9' }, 'vehicleClass', 'battery:validation.unknownValue'],
    ['km without a conversion', { serviceLife: { warrantyKm: 160000 } }, 'serviceLife.kmPerYear', 'battery:validation.kmWithoutConversion'],
    ['EV without a class', { vehicleClass: undefined }, 'vehicleClass', 'battery:validation.vehicleClassRequired'],
  ])('%s', (_n, over, path, key) => {
    const r = parseBatteryDetails({
      category: 'ev',
      vehicleClass: 'M1',
      chemistry: 'NMC',
      usableEnergyKWh: 60,
      serviceLife: { warrantyYears: 8 },
      manufacturer: { name: 'M' },
      model: 'X',
      plant: { country: 'CN' },
      ...over,
    });
    expect(r.ok).toBe(false);
    const p = (r as { problems: { path: (string | number)[]; message: { key: string; params?: Record<string, unknown> } }[] }).problems.find(
      (x) => x.path.join('.') === path,
    )!;
    expect(p.message.key).toBe(key);
    expect(String(p.message.params?.field)).toBe(`$t:battery:field.${path}`);
  });
});

describe('the rules manifest', () => {
  it('lists each built-in battery pack with its folder, files and dates', async () => {
    const manifest = (await import('../rules/manifest.json')).default as unknown as {
      battery: { id: string; dir: string; files: string[]; effectiveFrom: string; effectiveTo: string | null }[];
    };
    const { batteryPacks } = await import('../src/core/battery');
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    expect(manifest.battery.map((e) => e.id).sort()).toEqual([...batteryPacks().keys()].sort());
    for (const e of manifest.battery) {
      const bp = batteryPacks().get(e.id)!;
      expect([e.effectiveFrom, e.effectiveTo]).toEqual([bp.pack.effectiveFrom, bp.pack.effectiveTo]);
      for (const f of e.files) expect(existsSync(join(import.meta.dirname, '..', 'rules', e.dir, f))).toBe(true);
    }
  });
});

describe('the declaration document escapes what the user typed', () => {
  it('no markup from line descriptions, model, manufacturer, study link or justification reaches the HTML', async () => {
    const { declarationBody, declarationHtml } = await import('../src/core/battery');
    const ds = workedDataset();
    ds.inventory[0]!.description = '<img src=x onerror=alert(1)>';
    ds.inventory[0]!.id = '"><script>alert(2)</script>';
    const b = details({ model: '<b>M</b>', manufacturer: { name: '<svg onload=alert(3)>' }, cyclesPerYear: { value: 60, justification: '<i>why</i>' } });
    const d = declare(ds, b, EU, { asOf: AS_OF });
    const t = (k: string, o?: Record<string, unknown>) => `${k}${o ? JSON.stringify(o) : ''}`;
    for (const html of [declarationBody(d, { lang: 'en', t }), declarationHtml(d, { lang: 'ar', t }, { publicVersion: true })]) {
      expect(html).not.toMatch(/<img|<script|<svg|<b>M|<i>why/);
      expect(html).toContain('&lt;');
    }
  });
});

describe('electricity outside China', () => {
  it('no national mix in the library for the country: the factor is kept, the rule says so and the declaration names it missing', () => {
    const ds = sample('nmc-ev-battery-pack.json');
    const hu: Dataset = { ...ds, installations: ds.installations.map((i) => ({ ...i, country: 'HU' })) };
    const d = declare(hu, ds.battery!, EU, { asOf: AS_OF });
    const prov = d.electricity.find((e) => e.lineId === 'EV-10')!;
    expect(prov.ruleId).toBe('eu-bat-national-mix-missing');
    expect(prov.kgApplied).toBe(prov.kgReported);
    expect(d.missing.some((m) => m.key === 'battery:missing.nationalMix' && m.params?.line === 'EV-10' && m.params?.country === 'HU')).toBe(true);
    // the Chinese plant still gets China's national mix
    expect(declare(ds, ds.battery!, EU, { asOf: AS_OF }).electricity.find((e) => e.lineId === 'EV-10')!.applied.factorId).toBe('cn-cfp-2024-national');
  });
});

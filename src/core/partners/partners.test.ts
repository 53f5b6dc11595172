import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare } from '../engine/compare';
import { validateDataset } from '../model/validate';
import type { Dataset } from '../model/dataset';
import { getFootprintPack, library, PackError } from '../packs/registry';
import { rowStatus, crosswalkRows } from './crosswalk';
import { loadCrosswalk, loadPartnerProfiles, partnerProfiles, standardsCrosswalk } from './registry';
import { buildStatement, resolveTarget, studyPackId } from './statement';
import type { CrosswalkCell, CrosswalkFn } from './schema';
import profilesRaw from '../../../rules/partners/profiles.json';

const samplesDir = join(import.meta.dirname, '..', '..', '..', 'public', 'samples');
const sample = (f: string): Dataset => validateDataset(readFileSync(join(samplesDir, f), 'utf8')).dataset!;
const SAMPLES = ['aluminium-ingot-ningxia.json', 'cement-grey-portland.json', 'lfp-battery-pack.json'];
const al = sample('aluminium-ingot-ningxia.json');
const lib = library();
const T = { en: 'x', zh: 'x', ar: 'x' };
const cell = (c: Partial<CrosswalkCell>): CrosswalkCell => ({ text: T, source: { act: 'A' }, ...c });
const withStudy = (patch: Partial<Dataset['study']>, inv?: (d: Dataset) => Dataset['inventory']): Dataset => {
  const d = structuredClone(al);
  Object.assign(d.study, patch);
  if (inv) d.inventory = inv(d);
  return d;
};

describe('partner profiles and crosswalk data', () => {
  it('load, and every partner says plainly that no product scheme was found and cites its legal basis', () => {
    const p = partnerProfiles();
    expect(p.partners.map((x) => x.id)).toEqual(['ae', 'sa', 'eg', 'gcc']);
    for (const x of p.partners) {
      expect(x.productScheme).toBe('none-found');
      expect(x.legalBasis.length).toBeGreaterThan(0);
      for (const id of x.referencePacks) expect(getFootprintPack(id), id).toBeDefined();
    }
    expect(p.mutualRecognition.status).toBe('none-found');
    expect(
      p.partners
        .find((x) => x.id === 'ae')!
        .legalBasis.map((s) => s.act)
        .join(' '),
    ).toMatch(/Decree-Law No\. 11 of 2024.*National Register for Carbon Credits/);
  });
  it('refuses a broken profile file naming the field', () => {
    const bad = structuredClone(profilesRaw) as any;
    delete bad.partners[0].doesNotRegulate;
    expect(() => loadPartnerProfiles(bad)).toThrow(PackError);
    try {
      loadPartnerProfiles(bad);
    } catch (e) {
      expect(JSON.stringify((e as PackError).problems)).toContain('partners.0.doesNotRegulate');
    }
  });
  it('refuses a crosswalk cell for an unknown standard', () => {
    const cw = structuredClone(standardsCrosswalk()) as any;
    cw.dimensions[0].cells['no-such-standard'] = cw.dimensions[0].cells['iso14067-2018'];
    expect(() => loadCrosswalk(cw)).toThrow(/no-such-standard/);
  });
  it('covers the 14 dimensions for the five standards', () => {
    const cw = standardsCrosswalk();
    expect(cw.dimensions.map((d) => d.id)).toEqual([
      'object',
      'unit',
      'boundary',
      'cutOff',
      'capitalGoods',
      'allocation',
      'recycling',
      'electricity',
      'biogenic',
      'landUse',
      'offsets',
      'gwp',
      'dataQuality',
      'verification',
    ]);
    for (const d of cw.dimensions)
      expect(Object.keys(d.cells).sort()).toEqual(['cn-gbt24067-2024', 'eu-pef-2021', 'ghg-protocol-product-2011', 'iso14067-2018', 'pas2050-2011']);
  });
});

describe('crosswalk rules: valid and invalid cases', () => {
  const noElec = (d: Dataset) => d.inventory.filter((l) => l.category !== 'electricity');
  const capital = (d: Dataset) => [...d.inventory, { ...d.inventory[0]!, id: 'CAP', category: 'capital-goods' as const }];
  const cases: [string, CrosswalkFn, CrosswalkCell | undefined, CrosswalkCell | undefined, Dataset, string][] = [
    ['no reference rule', 'static', undefined, undefined, al, 'not-covered'],
    ['static same', 'static', cell({ relation: 'same' }), cell({ relation: 'same', text: { ...T, en: 'y' } }), al, 'same'],
    ['static differs', 'static', cell({ relation: 'differs', text: { ...T, en: 'p' } }), cell({ relation: 'same' }), al, 'differs'],
    ['boundary allowed', 'boundary', cell({ values: ['cradle-to-gate'] }), undefined, al, 'same'],
    ['boundary not allowed', 'boundary', cell({ values: ['cradle-to-grave'] }), undefined, al, 'differs'],
    ['gwp same', 'gwp', cell({ value: 'AR6' }), undefined, al, 'same'],
    ['gwp differs', 'gwp', cell({ value: 'AR5' }), undefined, al, 'differs'],
    ['allocation other', 'allocation', cell({ values: ['none', 'physical'] }), undefined, withStudy({ allocation: { method: 'other' } }), 'differs'],
    ['cut-off missing', 'cutOff', cell({ relation: 'same' }), cell({ relation: 'same' }), withStudy({ cutOff: undefined }), 'not-covered'],
    ['capital goods excluded, study has none', 'capitalGoods', cell({ included: 'excluded' }), undefined, al, 'same'],
    ['capital goods excluded, study counts them', 'capitalGoods', cell({ included: 'excluded' }), undefined, withStudy({}, capital), 'differs'],
    ['electricity: no lines', 'electricity', cell({ sources: ['national-grid'] }), undefined, withStudy({}, noElec), 'not-covered'],
    ['electricity: source not accepted', 'electricity', cell({ sources: ['national-grid'] }), undefined, al, 'differs'],
    [
      'electricity: combustion factor where life cycle required',
      'electricity',
      cell({ sources: ['provincial-grid'], lifeCycle: true }),
      undefined,
      al,
      'differs',
    ],
    ['electricity: accepted', 'electricity', cell({ sources: ['provincial-grid'] }), undefined, al, 'same'],
    ['verifier named', 'verification', cell({ required: true }), undefined, al, 'same'],
    ['verifier missing, required', 'verification', cell({ required: true }), undefined, withStudy({ verifier: undefined }), 'differs'],
    ['verifier missing, optional', 'verification', cell({ required: false }), undefined, withStudy({ verifier: undefined }), 'not-covered'],
    ['not in dataset', 'notInDataset', cell({}), undefined, al, 'not-covered'],
  ];
  it.each(cases)('%s', (_name, fn, r, s, ds, want) => {
    expect(rowStatus(fn, r, s, ds, lib)).toBe(want);
  });
  it('aluminium against EU PEF: boundary, GWP-neutral, electricity differs and is re-computed', () => {
    const rows = crosswalkRows(standardsCrosswalk(), al, 'cn-gbt24067-2024', 'eu-pef-2021', lib);
    const by = Object.fromEntries(rows.map((r) => [r.dimension, r]));
    expect(by.boundary!.status).toBe('differs');
    expect(by.electricity!.status).toBe('differs');
    expect(by.electricity!.cause).toBe('electricity');
    expect(by.gwp!.status).toBe('same');
    expect(by.recycling!.status).toBe('not-covered');
    expect(by.gwp!.reference!.source.act).toMatch(/2021\/2279/);
  });
});

describe('equivalence statement', () => {
  it('maps the declared standard to the study pack', () => {
    expect(studyPackId('GB/T 24067-2024')).toBe('cn-gbt24067-2024');
    expect(studyPackId('ISO 14067:2018')).toBe('iso14067-2018');
    expect(studyPackId('PAS 2050:2011')).toBe('pas2050-2011');
  });
  it('refuses an unknown target and lists the valid ones', () => {
    const r = resolveTarget('xx');
    expect('pack' in r).toBe(false);
    expect(JSON.stringify(r)).toContain('ghg-protocol-product-2011');
  });
  it('a partner without an explicit reference uses its first reference pack', () => {
    const r = resolveTarget('ae');
    expect('pack' in r && r.pack.id).toBe('ghg-protocol-product-2011');
  });
  for (const f of SAMPLES)
    for (const ref of ['iso14067-2018', 'ghg-protocol-product-2011', 'pas2050-2011', 'eu-pef-2021'])
      it(`${f} against ${ref}: the figure is the engine's comparison and the causes add up`, () => {
        const ds = sample(f);
        const tg = resolveTarget(ref);
        if (!('pack' in tg)) throw new Error('target');
        const st = buildStatement(ds, tg);
        const c = compare(ds, [getFootprintPack('cn-gbt24067-2024')!, getFootprintPack(ref)!]);
        expect(st.figure.study.total).toBe(c.results[0]!.total);
        expect(st.figure.reference.total).toBe(c.results[1]!.total);
        expect(st.figure.differenceKg).toBe(c.pairs[0]!.differenceKg);
        const sum = st.figure.causes.reduce((a, k) => a + k.deltaKg, 0);
        expect(sum).toBeCloseTo(st.figure.differenceKg, 6);
        expect(st.rows).toHaveLength(14);
        expect(st.mutualRecognition.status).toBe('none-found');
      });
  it('aluminium against PAS 2050 shows the AR6 → AR4 GWP effect', () => {
    const tg = resolveTarget('pas2050-2011');
    if (!('pack' in tg)) throw new Error('target');
    const st = buildStatement(al, tg);
    expect(st.figure.reference.gwpSet).toBe('AR4');
    expect(st.figure.causes.find((k) => k.cause === 'gwp')!.deltaKg).toBeLessThan(0);
    expect(st.verification.accreditation?.arrangements.map((a) => a.id)).toContain('APAC-MRA-GHG');
  });
});

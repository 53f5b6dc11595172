import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compute } from '../engine/compute';
import { validateDataset } from '../model/validate';
import type { Dataset } from '../model/dataset';
import { getFootprintPack } from '../packs/registry';
import { gradeFor, labelCatalogue, labelGrading, loadGrading, loadLabelCatalogue, matchCatalogue } from './catalogue';
import { buildLabelSheet } from './sheet';
import gradingRaw from '../../../rules/cn-label/grading.json';
import catalogueRaw from '../../../rules/cn-label/catalogue.json';

const samplesDir = join(import.meta.dirname, '..', '..', '..', 'public', 'samples');
const sample = (f: string): Dataset => validateDataset(readFileSync(join(samplesDir, f), 'utf8')).dataset!;
const al = sample('aluminium-ingot-ningxia.json');

describe('label catalogue data', () => {
  it('has the 17 classes of batch 1, electrolytic aluminium among them as 电解铝', () => {
    const c = labelCatalogue();
    expect(c.catalogue.classes).toHaveLength(17);
    expect(c.catalogue.classes.find((k) => k.id === 'electrolytic-aluminium')!.name.zh).toBe('电解铝');
  });
  it('refuses a catalogue with a class missing, and grades that do not ascend', () => {
    const bad = structuredClone(catalogueRaw) as any;
    bad.catalogue.classes.pop();
    expect(() => loadLabelCatalogue(bad)).toThrow(/catalogue\.classes/);
    const g = structuredClone(gradingRaw) as any;
    g.schemes[0].grades[1].max = 600;
    expect(() => loadGrading(g)).toThrow(/grades/);
  });
});

describe('catalogue matching: valid and invalid cases', () => {
  const c = labelCatalogue();
  const cases: [string, string | undefined, string[], string | undefined, string, string | undefined][] = [
    ['unwrought aluminium', '76011000', [], undefined, 'matched', 'electrolytic-aluminium'],
    ['alloyed aluminium', '7601 20 20', [], undefined, 'matched', 'electrolytic-aluminium'],
    ['cement', '25232900', [], undefined, 'matched', 'cement'],
    ['clinker is not cement', '25231000', [], undefined, 'outside', undefined],
    ['polysilicon', '28046100', [], undefined, 'outside', undefined],
    ['no code', undefined, [], undefined, 'no-code', undefined],
    ['battery without a hint', '85076000', ['Battery pack'], undefined, 'ambiguous', undefined],
    ['storage battery by keyword', '85076000', ['储能电池'], undefined, 'matched', 'li-ion-storage'],
    ['EAF steel by keyword', '72083900', ['hot-rolled coil, EAF route'], undefined, 'matched', 'steel-eaf'],
    ['steel without a route', '72083900', ['hot-rolled coil'], undefined, 'ambiguous', undefined],
    ['chosen class wins', '85076000', [], 'li-ion-power', 'matched', 'li-ion-power'],
    ['PV module', '85414300', [], undefined, 'matched', 'pv-modules'],
  ];
  it.each(cases)('%s', (_n, cn, texts, chosen, status, id) => {
    const m = matchCatalogue(c, cn, texts, chosen);
    expect(m.status).toBe(status);
    if (id) expect(m.status === 'matched' && m.class.id).toBe(id);
  });
});

describe('grading (Korea PV grades as the worked example)', () => {
  const g = labelGrading();
  const cases: [string, string | undefined, number, number | undefined, string, string | undefined][] = [
    ['no scheme for aluminium', 'electrolytic-aluminium', 13000, undefined, 'none', undefined],
    ['PV without rated power', 'pv-modules', 300, undefined, 'needs-input', undefined],
    ['PV 670 kg/kW is grade 1 (inclusive)', 'pv-modules', 268, 0.4, 'graded', '1'],
    ['PV 671 kg/kW is grade 2', 'pv-modules', 268.4, 0.4, 'graded', '2'],
    ['PV 830 kg/kW is grade 2', 'pv-modules', 332, 0.4, 'graded', '2'],
    ['PV 900 kg/kW is grade 3', 'pv-modules', 360, 0.4, 'graded', '3'],
    ['zero power is refused', 'pv-modules', 360, 0, 'needs-input', undefined],
  ];
  it.each(cases)('%s', (_n, cls, total, kw, status, grade) => {
    const r = gradeFor(g, cls, total, kw);
    expect(r.status).toBe(status);
    if (grade) expect(r.status === 'graded' && r.grade).toBe(grade);
  });
  it('China has no published grading', () => expect(g.china.status).toBe('not-published'));
});

describe('label sheet', () => {
  it('aluminium: catalogue entry electrolytic aluminium, the figure is the engine result, validity named as missing', () => {
    const s = buildLabelSheet(al);
    expect(s.catalogue.match.status === 'matched' && s.catalogue.match.class.name.zh).toBe('电解铝');
    const fig = s.label.items.find((i) => i.id === 'figure')!;
    expect(fig.figure!.value).toBe(compute(al, getFootprintPack('cn-gbt24067-2024')!).total);
    expect(s.missing.label).toEqual(['validity']);
    expect(s.missing.ningxia).toEqual(['validity']);
    expect(s.label.items.find((i) => i.id === 'validity')!.value).toBeUndefined();
    expect(s.grading.result.status).toBe('none');
  });
  it('a product outside the catalogue says so and names the missing class', () => {
    const d = structuredClone(al);
    d.product.cnCode = '28046100';
    d.study.verifier = undefined;
    const s = buildLabelSheet(d);
    expect(s.catalogue.match.status).toBe('outside');
    expect(s.missing.label).toEqual(['certificationBody', 'validity', 'catalogueClass']);
    expect(s.missing.ningxia).toEqual(['verificationBody', 'validity']);
  });
  it('a PV module with rated power gets its Korean grade', () => {
    const d = structuredClone(al);
    d.product.cnCode = '85414300';
    const s = buildLabelSheet(d, { ratedPowerKw: 20 });
    expect(s.grading.result.status).toBe('graded');
  });
});

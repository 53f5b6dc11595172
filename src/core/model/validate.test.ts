import { beforeAll, describe, expect, it } from 'vitest';
import { allT, LANGS } from '../../../test/helpers/i18n';
import { sampleFiles, sampleJson, sampleText } from '../../../test/helpers/samples';
import { translateProblem, type TFunction } from '../i18n/translate';
import { validateDataset } from './validate';

let T: Record<(typeof LANGS)[number], TFunction>;
beforeAll(async () => {
  T = await allT();
});

const base = () => sampleJson('aluminium-ingot-ningxia.json');

/** Every problem must translate in every language without falling back to a raw key. */
function expectTranslated(problems: ReturnType<typeof validateDataset>['problems']) {
  for (const p of problems) {
    for (const lng of LANGS) {
      const text = translateProblem(T[lng], p);
      expect(text, `${lng}: ${p.message.key}`).not.toMatch(/core:|\{\{|\$t:/);
    }
  }
}

describe('validateDataset: the samples', () => {
  it.each(sampleFiles())('%s is valid', (f) => {
    const r = validateDataset(sampleText(f));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.dataset?.inventory.length).toBeGreaterThan(5);
  });
});

type Case = { name: string; mutate: (d: any) => void; key: string; row?: number; id?: string; field?: RegExp };
const cases: Case[] = [
  { name: 'a wrong unit', mutate: (d) => (d.inventory[2].activity.unit = 'barrels'), key: 'core:validation.unknownUnit', row: 3, id: 'AL-03' },
  { name: 'a negative mass', mutate: (d) => (d.inventory[5].emissions.gases.CF4 = -12), key: 'core:validation.negative', row: 6, id: 'AL-06' },
  { name: 'a negative activity amount', mutate: (d) => (d.inventory[0].activity.amount = -5), key: 'core:validation.negative', row: 1, id: 'AL-01' },
  { name: 'a missing factor (no emission data)', mutate: (d) => delete d.inventory[3].emissions, key: 'core:validation.missingEmissions', row: 4, id: 'AL-04' },
  { name: 'a factor without any gas', mutate: (d) => (d.inventory[3].emissions.gases = {}), key: 'core:validation.missingFactor', row: 4, id: 'AL-04' },
  {
    name: 'text where a number belongs',
    mutate: (d) => (d.inventory[6].activity.amount = 'about five million'),
    key: 'core:validation.notANumber',
    row: 7,
    id: 'AL-07',
  },
  { name: 'an ambiguous decimal comma', mutate: (d) => (d.inventory[6].activity.amount = '3,5'), key: 'core:validation.notANumber', row: 7, id: 'AL-07' },
  { name: 'an unknown stage', mutate: (d) => (d.inventory[1].stage = 'manufacturing'), key: 'core:validation.unknownStage', row: 2, id: 'AL-02' },
  { name: 'a duplicate line id', mutate: (d) => (d.inventory[4].id = 'AL-01'), key: 'core:validation.duplicateId', row: 5, id: 'AL-01' },
  {
    name: 'a factor unit of another dimension',
    mutate: (d) => (d.inventory[8].emissions.perUnit = 'kg'),
    key: 'core:validation.unitMismatch',
    row: 9,
    id: 'AL-09',
  },
  {
    name: 'an unknown installation',
    mutate: (d) => (d.inventory[4].installationId = 'INST-9'),
    key: 'core:validation.unknownInstallation',
    row: 5,
    id: 'AL-05',
  },
  { name: 'an unknown gas', mutate: (d) => (d.inventory[5].emissions.gases.XYZ = 1), key: 'core:validation.unknownGas', row: 6, id: 'AL-06' },
  { name: 'a misspelt field', mutate: (d) => (d.inventory[0].activty = 1), key: 'core:validation.unknownField', row: 1, id: 'AL-01' },
  { name: 'a bad date', mutate: (d) => (d.period.end = '31/12/2024'), key: 'core:validation.format.date' },
  { name: 'a bad CN code', mutate: (d) => (d.product.cnCode = '76A1'), key: 'core:validation.format.cnCode' },
  { name: 'a missing producer name', mutate: (d) => delete d.producer.name, key: 'core:validation.required' },
  { name: 'period in the wrong order', mutate: (d) => (d.period.start = '2025-01-01'), key: 'core:validation.periodOrder' },
  { name: 'production in a unit unlike the functional unit', mutate: (d) => (d.basis.production.unit = 'MWh'), key: 'core:validation.productionUnit' },
];

describe('validateDataset: malformed datasets get one translated message each, naming the line', () => {
  it.each(cases)('$name', ({ mutate, key, row, id }) => {
    const d = base();
    mutate(d);
    const r = validateDataset(JSON.stringify(d));
    expect(r.ok).toBe(false);
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((e) => e.message.key)).toEqual([key]);
    if (row) {
      expect(errors[0]!.line).toEqual({ id, row });
      for (const lng of LANGS) expect(translateProblem(T[lng], errors[0]!)).toContain(id!);
    }
    expectTranslated(r.problems);
  });

  it('reports several problems at once, one per problem', () => {
    const d = base();
    d.inventory[0].activity.unit = 'bbl';
    d.inventory[1].stage = 'x';
    d.inventory[2].activity.amount = 'n/a';
    const r = validateDataset(d);
    expect(r.problems.map((p) => [p.message.key, p.line?.row]).sort((x, y) => Number(x[1]) - Number(y[1]))).toEqual([
      ['core:validation.unknownUnit', 1],
      ['core:validation.unknownStage', 2],
      ['core:validation.notANumber', 3],
    ]);
    expect(new Set(r.problems.map((p) => p.line?.row))).toEqual(new Set([1, 2, 3]));
  });
});

describe('validateDataset: unusable files', () => {
  it.each([
    ['a truncated file', (t: string) => t.slice(0, Math.floor(t.length / 2)), 'core:validation.truncatedJson'],
    ['a non-JSON file', () => 'Product,Total\nAluminium,13.2\n', 'core:validation.notJson'],
    ['an empty file', () => '  \n', 'core:validation.emptyFile'],
    ['JSON that is not a dataset', () => '{"hello": 1}', 'core:validation.notADataset'],
    ['a dataset of a newer format', (t: string) => t.replace('"formatVersion": 2', '"formatVersion": 7'), 'core:validation.newerVersion'],
  ])('%s', (_n, make, key) => {
    const r = validateDataset(make(sampleText('aluminium-ingot-ningxia.json')));
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.message.key)).toEqual([key]);
    expectTranslated(r.problems);
  });
  it('gives the line and column of a JSON syntax error', () => {
    const r = validateDataset('{\n  "format": "carbonbridge.dataset",\n  "formatVersion": 1,,\n}');
    expect(r.problems[0]!.message).toEqual({ key: 'core:validation.notJson', params: { line: 3, column: expect.any(Number) } });
  });
});

describe('validateDataset: a dataset without inventory lines (issue 10, defect 10)', () => {
  it('is not silently valid: a translated warning names the missing lines', () => {
    const d = base();
    d.inventory = [];
    const r = validateDataset(d);
    expect(r.problems.map((p) => [p.severity, p.message.key, p.path.join('.')])).toEqual([['warning', 'core:validation.emptyInventory', 'inventory']]);
    expectTranslated(r.problems);
    expect(translateProblem(T.zh, r.problems[0]!)).toMatch(/清单行/);
  });
  it('one line is enough: no warning', () => {
    const d = base();
    d.inventory = d.inventory.slice(0, 1);
    expect(validateDataset(d).problems.map((p) => p.message.key)).not.toContain('core:validation.emptyInventory');
  });
});

describe('validateDataset: numbers typed with other digits are normalised, not rejected', () => {
  it('Arabic-Indic and full-width digits', () => {
    const d = base();
    d.inventory[6].activity.amount = '٥٣٢٠٠٠٠';
    d.inventory[8].emissions.gases.CO2_fossil = '２．６６';
    d.inventory[5].emissions.gases.CF4 = '١٢٠٠٠٫٠';
    const r = validateDataset(d);
    expect(r.ok).toBe(true);
    expect(r.dataset!.inventory[6]!.activity.amount).toBe(5320000);
    expect(r.dataset!.inventory[8]!.emissions.gases.CO2_fossil).toBe(2.66);
    expect(r.dataset!.inventory[5]!.emissions.gases.CF4).toBe(12000);
  });
  it('unit spellings are normalised to canonical units', () => {
    const d = base();
    d.inventory[6].activity.unit = 'mwh';
    d.inventory[8].activity.unit = '升';
    const r = validateDataset(d);
    expect(r.ok).toBe(true);
    expect(r.dataset!.inventory[6]!.activity.unit).toBe('MWh');
    expect(r.dataset!.inventory[8]!.activity.unit).toBe('L');
  });
});

describe('field labels', () => {
  it('every labelled field has its name in all three languages', async () => {
    const { FIELD_LABELS, fieldLabel } = await import('./validate');
    const { resolveParam } = await import('../i18n/translate');
    for (const f of FIELD_LABELS) {
      const label = fieldLabel(f.split('.'));
      expect(label.startsWith('$t:')).toBe(true);
      for (const lng of LANGS) {
        const text = String(resolveParam(T[lng], label));
        expect(text, `${lng} ${f}`).not.toMatch(/^(core:)?field\./);
        expect(text.length).toBeGreaterThan(0);
      }
    }
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { allT, LANGS } from '../../../test/helpers/i18n';
import { sampleFiles, sampleJson } from '../../../test/helpers/samples';
import { translateProblem, type TFunction } from '../i18n/translate';
import { Dataset } from './dataset';
import { flowCycle, processProblems, TEMPLATE_LIMITS } from './processes';
import { validateDataset } from './validate';

let T: Record<(typeof LANGS)[number], TFunction>;
beforeAll(async () => {
  T = await allT();
});

const SAMPLE = 'cement-plant-kiln-grinding.json';
const base = () => sampleJson(SAMPLE);
const product = (id: string, cnCode = '2523 29 00') => ({ id, cnCode, name: `Cement ${id}` });
const process = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Process ${id}`,
  category: 'cement',
  production: { amount: 1000, unit: 't' },
  inputs: [],
  products: [product(`${id}-C`)],
  ...extra,
});

describe('processProblems: valid datasets', () => {
  it.each(sampleFiles())('%s has no process problem', (f) => {
    expect(processProblems(Dataset.parse(sampleJson(f)))).toEqual([]);
  });
  it('the multi-process sample is valid through validateDataset', () => {
    const r = validateDataset(JSON.stringify(base()));
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.dataset?.processes?.map((p) => p.id)).toEqual(['KILN', 'GRIND']);
  });
  it('a 10-digit TARIC code of the category, a process without category, and a chain P1 → P2 → P3 are accepted', () => {
    const d = base();
    d.processes.push(process('BAG', { category: undefined, inputs: [{ fromProcess: 'GRIND', amount: 10, unit: 't' }] }));
    expect(processProblems(Dataset.parse(d))).toEqual([]);
  });
  it('the template limits are 10 processes, 100 products, 20 purchased precursors', () => {
    expect(TEMPLATE_LIMITS).toEqual({ processes: 10, products: 100, purchasedPrecursors: 20 });
  });
});

type Case = {
  name: string;
  mutate: (d: any) => void;
  key: string;
  path: (string | number)[];
  line?: { id: string; row: number };
  params?: Record<string, unknown>;
};
const cases: Case[] = [
  {
    name: 'two processes with the same id',
    mutate: (d) => d.processes.push(process('KILN')),
    key: 'core:processes.duplicateProcess',
    path: ['processes', 2, 'id'],
    params: { id: 'KILN', first: 1, row: 3 },
  },
  {
    name: 'two products with the same id',
    mutate: (d) => (d.processes[1].products[0].id = 'CLK'),
    key: 'core:processes.duplicateProduct',
    path: ['processes', 1, 'products', 0, 'id'],
    params: { id: 'CLK', process: 'GRIND', first: 'KILN' },
  },
  {
    name: "a line naming a process that doesn't exist",
    mutate: (d) => (d.inventory[4].processId = 'MILL'),
    key: 'core:processes.unknownProcess',
    path: ['inventory', 4, 'processId'],
    line: { id: 'G-01', row: 5 },
    params: { line: 'G-01', id: 'MILL' },
  },
  {
    name: 'an installation line without its process',
    mutate: (d) => delete d.inventory[1].processId,
    key: 'core:processes.lineWithoutProcess',
    path: ['inventory', 1, 'processId'],
    line: { id: 'K-02', row: 2 },
    params: { line: 'K-02', row: 2, allowed: 'KILN, GRIND' },
  },
  {
    name: 'a purchased precursor without its process',
    mutate: (d) => delete d.inventory[6].processId,
    key: 'core:processes.precursorWithoutProcess',
    path: ['inventory', 6, 'processId'],
    line: { id: 'G-03', row: 7 },
  },
  {
    name: 'a flow from an unknown process',
    mutate: (d) => (d.processes[1].inputs[0].fromProcess = 'KILN-2'),
    key: 'core:processes.unknownFromProcess',
    path: ['processes', 1, 'inputs', 0, 'fromProcess'],
    params: { process: 'GRIND', id: 'KILN-2' },
  },
  {
    name: 'a flow from the process itself',
    mutate: (d) => (d.processes[1].inputs[0].fromProcess = 'GRIND'),
    key: 'core:processes.selfInput',
    path: ['processes', 1, 'inputs', 0, 'fromProcess'],
  },
  {
    name: 'a cycle of flows',
    mutate: (d) => d.processes[0].inputs.push({ fromProcess: 'GRIND', amount: 5, unit: 't' }),
    key: 'core:processes.cycle',
    path: ['processes'],
    params: { cycle: 'KILN → GRIND → KILN' },
  },
  {
    name: 'production in MWh',
    mutate: (d) => (d.processes[0].production.unit = 'MWh'),
    key: 'core:processes.productionNotMass',
    path: ['processes', 0, 'production', 'unit'],
    params: { process: 'KILN', unit: 'MWh' },
  },
  {
    name: 'a product of another category',
    mutate: (d) => (d.processes[0].products[0].cnCode = '2523 29 00'),
    key: 'core:processes.productOtherCategory',
    path: ['processes', 0, 'products', 0, 'cnCode'],
    params: { cn: '2523 29 00', found: '$t:cbam:categories.cement', category: '$t:cbam:categories.cement-clinker' },
  },
  {
    name: 'a product that is no CBAM good',
    mutate: (d) => (d.processes[1].products[0].cnCode = '6810 11 10'),
    key: 'core:processes.productNotCbam',
    path: ['processes', 1, 'products', 0, 'cnCode'],
    params: { cn: '6810 11 10' },
  },
  {
    name: 'an unknown goods category',
    mutate: (d) => (d.processes[1].category = 'concrete'),
    key: 'core:processes.unknownCategory',
    path: ['processes', 1, 'category'],
    params: { value: 'concrete' },
  },
  {
    name: 'a route of another category',
    mutate: (d) => (d.processes[1].route = 'eaf'),
    key: 'core:processes.unknownRoute',
    path: ['processes', 1, 'route'],
    params: { value: 'eaf', allowed: 'all' },
  },
  {
    name: 'an unknown installation',
    mutate: (d) => (d.processes[0].installationId = 'PLANT-9'),
    key: 'core:processes.unknownInstallation',
    path: ['processes', 0, 'installationId'],
  },
  {
    name: 'more than 100 products',
    mutate: (d) => (d.processes[1].products = Array.from({ length: 100 }, (_, i) => product(`C${i}`))),
    key: 'core:processes.tooManyProducts',
    path: ['processes'],
    params: { count: 101, max: 100 },
  },
  {
    name: 'more than 20 purchased precursors',
    mutate: (d) => {
      for (let i = 0; i < 20; i++) d.inventory.push({ ...structuredClone(d.inventory[6]), id: `PP-${i}` });
    },
    key: 'core:processes.tooManyPrecursors',
    path: ['inventory'],
    params: { count: 21, max: 20 },
  },
];

describe('processProblems: each invalid case gets one translated problem naming the field and the row or process', () => {
  it.each(cases)('$name', ({ mutate, key, path, line, params }) => {
    const d = base();
    mutate(d);
    const r = validateDataset(JSON.stringify(d));
    expect(r.ok).toBe(false);
    const hits = r.problems.filter((p) => p.message.key === key);
    expect(hits, JSON.stringify(r.problems.map((p) => p.message))).toHaveLength(1);
    expect(r.problems.filter((p) => p.severity === 'error')).toHaveLength(1);
    const p = hits[0]!;
    expect(p.severity).toBe('error');
    expect(p.path).toEqual(path);
    if (line) expect(p.line).toEqual(line);
    if (params) expect(p.message.params).toMatchObject(params);
    for (const lng of LANGS) expect(translateProblem(T[lng], p), `${lng}: ${key}`).not.toMatch(/core:|\{\{|\$t:/);
  });

  it('a line naming a process in a dataset without processes', () => {
    const d = sampleJson('cement-grey-portland.json');
    d.inventory[1].processId = 'KILN';
    const r = validateDataset(JSON.stringify(d));
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.message.key, p.line])).toEqual([['core:processes.noProcesses', { id: 'CE-02', row: 2 }]]);
  });

  it('more than 10 processes are refused (the schema, then the template limit when called directly)', () => {
    const d = base();
    for (let i = 0; i < 9; i++) d.processes.push(process(`X${i}`));
    expect(validateDataset(JSON.stringify(d)).ok).toBe(false);
    const ds = Dataset.parse(base());
    ds.processes = [...ds.processes!, ...Array.from({ length: 9 }, (_, i) => Dataset.shape.processes.unwrap().element.parse(process(`X${i}`)))];
    expect(processProblems(ds).map((p) => p.message.key)).toEqual(['core:processes.tooManyProcesses']);
  });
});

describe('flowCycle', () => {
  const ps = (edges: Record<string, string[]>) =>
    Object.entries(edges).map(([id, from]) =>
      Dataset.shape.processes.unwrap().element.parse(process(id, { inputs: from.map((f) => ({ fromProcess: f, amount: 1, unit: 't' })) })),
    );
  it('finds no cycle in a chain or a diamond', () => {
    expect(flowCycle(ps({ A: [], B: ['A'], C: ['B'] }))).toBeUndefined();
    expect(flowCycle(ps({ A: [], B: ['A'], C: ['A'], D: ['B', 'C'] }))).toBeUndefined();
  });
  it('names the processes of a cycle in the direction of the flows', () => {
    expect(flowCycle(ps({ A: ['C'], B: ['A'], C: ['B'] }))).toEqual(['A', 'B', 'C', 'A']);
  });
});

describe('qualifying parameters in per cent (…Pct, …Share are fractions, as the template expects: % Mn 0.1395)', () => {
  it('a value above 1 gets a translated warning naming the product and the parameter; fractions and other names none', () => {
    const d = base();
    d.processes[1].products[0].qualifying = { clinkerShare: 0.76, mnPct: 13.95, reducingAgent: 'Coke', calcined: 2 };
    const ps = processProblems(Dataset.parse(d));
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({
      severity: 'warning',
      path: ['processes', 1, 'products', 0, 'qualifying', 'mnPct'],
      message: { key: 'core:processes.qualifyingPercent', params: { name: '$t:qualifying:param.mnPct', value: 13.95, fraction: 0.1395 } },
    });
    for (const lang of LANGS) {
      const text = translateProblem(T[lang], ps[0]!);
      expect(text, lang).toContain('13.95');
      expect(text, lang).toContain('0.1395');
      expect(text, lang).not.toMatch(/\{\{|core:/);
      // the parameter in words, not its code
      expect(text, lang).not.toContain('mnPct');
      expect(text, lang).toContain(T[lang]('qualifying:param.mnPct'));
    }
    d.processes[1].products[0].qualifying = { clinkerShare: 0.76, mnPct: 0.1395 };
    expect(processProblems(Dataset.parse(d))).toEqual([]);
  });
});

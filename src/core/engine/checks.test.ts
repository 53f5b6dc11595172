/**
 * One case table per check function (ESLint RuleTester / Spectral style): each check is run on the
 * aluminium sample as it is (valid) and on mutated copies (invalid), and must fire exactly where expected.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { allT, LANGS } from '../../../test/helpers/i18n';
import { sampleJson } from '../../../test/helpers/samples';
import { translateProblem, type TFunction } from '../i18n/translate';
import { Dataset } from '../model/dataset';
import { getFootprintPack, library } from '../packs/registry';
import { CHECK_FUNCTIONS, type CheckDef, type CheckFunctionName, type FootprintPack } from '../packs/schema';
import { runCheck } from './checks';
import { compute } from './compute';

type Case = { name: string; mutate?: (d: any) => void; options?: Record<string, unknown>; hits: { line?: string; path?: (string | number)[] }[] };

const gbt = getFootprintPack('cn-gbt24067-2024')!;
let T: Record<(typeof LANGS)[number], TFunction>;
beforeAll(async () => (T = await allT()));

function run(fn: CheckFunctionName, c: Case, pack: FootprintPack = gbt) {
  const d = structuredClone(sampleJson('aluminium-ingot-ningxia.json'));
  c.mutate?.(d);
  const ds = Dataset.parse(d);
  const result = compute(ds, pack, { skipChecks: true });
  const def: CheckDef = {
    id: `test-${fn}`,
    fn,
    severity: 'warning',
    messageKey: `core:check.${MESSAGE[fn]}`,
    legalRef: { act: 'Test act', clause: '1' },
    options: c.options ?? {},
  };
  return runCheck(def, { dataset: ds, pack, result, lib: library() });
}

const MESSAGE: Record<CheckFunctionName, string> = {
  reconcileReportedTotal: 'reconcileTotal',
  reconcileReportedStages: 'reconcileStage',
  boundaryAllowed: 'boundaryAllowed',
  stageOutsideBoundary: 'stageOutsideBoundary',
  primaryDataAtInstallation: 'primaryData',
  factorSourceRepresentativeness: 'factorRepresentativeness',
  dataQualityRated: 'dataQualityRated',
  gwpSetDiffers: 'gwpSetDiffers',
  aggregatedCo2e: 'aggregatedCo2e',
  periodLength: 'periodLength',
  cutOffDocumented: 'cutOffDocumented',
  allocationHierarchy: 'allocationHierarchy',
  verifierPresent: 'verifierPresent',
  electricityFactorKind: 'electricityLifeCycle',
};

const TABLE: Record<CheckFunctionName, Case[]> = {
  reconcileReportedTotal: [
    { name: 'reported total reproduced', options: { tolerancePct: 1 }, hits: [] },
    {
      name: 'reported total 5 % too low',
      options: { tolerancePct: 1 },
      mutate: (d) => (d.study.reported.total = 12.5),
      hits: [{ path: ['study', 'reported', 'total'] }],
    },
    { name: 'within a wide tolerance', options: { tolerancePct: 10 }, mutate: (d) => (d.study.reported.total = 12.5), hits: [] },
    { name: 'nothing reported, nothing to reconcile', mutate: (d) => delete d.study.reported, hits: [] },
  ],
  reconcileReportedStages: [
    { name: 'stages reproduced', hits: [] },
    {
      name: 'production stage off',
      mutate: (d) => (d.study.reported.perStage.production = 9),
      hits: [{ path: ['study', 'reported', 'perStage', 'production'] }],
    },
  ],
  boundaryAllowed: [{ name: 'cradle-to-gate allowed', hits: [] }],
  stageOutsideBoundary: [
    { name: 'all lines inside cradle-to-gate', hits: [] },
    { name: 'an end-of-life line in a cradle-to-gate study', mutate: (d) => (d.inventory[9].stage = 'end-of-life'), hits: [{ line: 'AL-10' }] },
    {
      name: 'a raw-material line in a gate-to-gate study',
      mutate: (d) => {
        d.study.boundary = 'gate-to-gate';
        d.inventory.splice(1, 9);
      },
      hits: [{ line: 'AL-01' }],
    },
  ],
  primaryDataAtInstallation: [
    { name: 'installation lines are primary', hits: [] },
    { name: 'secondary data inside the installation', mutate: (d) => (d.inventory[6].dataType = 'secondary'), hits: [{ line: 'AL-07' }] },
  ],
  factorSourceRepresentativeness: [
    { name: 'year and geography given', hits: [] },
    { name: 'no year', mutate: (d) => delete d.inventory[0].emissions.source.year, hits: [{ line: 'AL-01' }] },
    { name: 'measured masses are not factors', mutate: (d) => delete d.inventory[5].emissions.source.year, hits: [] },
  ],
  dataQualityRated: [
    { name: 'every line rated', hits: [] },
    {
      name: 'two lines unrated',
      mutate: (d) => {
        delete d.inventory[0].dataQuality;
        delete d.inventory[1].dataQuality;
      },
      hits: [{ path: ['inventory'] }],
    },
  ],
  gwpSetDiffers: [
    { name: 'study on AR6, pack on AR6', hits: [] },
    { name: 'study on AR5', mutate: (d) => (d.study.gwpSet = 'AR5'), hits: [{ path: ['study', 'gwpSet'] }] },
  ],
  aggregatedCo2e: [
    { name: 'lines with CO2e factors are reported once, together', hits: [{ path: ['inventory'] }] },
    {
      name: 'no CO2e factors',
      mutate: (d) => {
        d.inventory = d.inventory.filter((l: any) => !l.emissions.gases.CO2e);
      },
      hits: [],
    },
  ],
  periodLength: [
    { name: 'a calendar year', options: { minMonths: 12 }, hits: [] },
    { name: 'a half year', options: { minMonths: 12 }, mutate: (d) => (d.period.end = '2024-06-30'), hits: [{ path: ['period'] }] },
  ],
  cutOffDocumented: [
    { name: 'cut-off documented', hits: [] },
    { name: 'no cut-off rule', mutate: (d) => delete d.study.cutOff, hits: [{ path: ['study', 'cutOff'] }] },
  ],
  allocationHierarchy: [
    { name: 'no allocation', hits: [] },
    { name: 'economic allocation', mutate: (d) => (d.study.allocation.method = 'economic'), hits: [{ path: ['study', 'allocation', 'method'] }] },
  ],
  verifierPresent: [
    { name: 'verifier named', hits: [] },
    { name: 'no verifier', mutate: (d) => delete d.study.verifier, hits: [{ path: ['study', 'verifier'] }] },
  ],
  electricityFactorKind: [
    {
      name: 'combustion-only provincial factor',
      options: { expected: 'life-cycle', compareWith: { scope: 'national', kind: 'life-cycle' } },
      hits: [{ line: 'AL-07' }],
    },
    { name: 'life-cycle factor', options: { expected: 'life-cycle' }, mutate: (d) => (d.inventory[6].electricity.factorId = 'cn-cfp-2024-national'), hits: [] },
    {
      name: 'unknown factor id is not judged',
      options: { expected: 'life-cycle' },
      mutate: (d) => (d.inventory[6].electricity.factorId = 'my-own-factor'),
      hits: [],
    },
    { name: 'a PPA is not a grid factor', options: { expected: 'life-cycle' }, mutate: (d) => (d.inventory[6].electricity.source = 'ppa'), hits: [] },
  ],
};

describe('every check function has a case table', () => {
  it('covers all functions', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...CHECK_FUNCTIONS].sort());
  });
});

describe.each(Object.entries(TABLE) as [CheckFunctionName, Case[]][])('%s', (fn, cases) => {
  it.each(cases)('$name', (c) => {
    // the library is needed by electricityFactorKind
    const hits = run(fn, c);
    expect(hits.map((h) => (c.hits[0]?.line ? h.line?.id : undefined) ?? h.path)).toEqual(c.hits.map((h) => h.line ?? h.path));
    for (const h of hits) {
      expect(h.checkId).toBe(`test-${fn}`);
      expect(h.legalRef).toBe('Test act, 1');
      for (const lng of LANGS) expect(translateProblem(T[lng], h)).not.toMatch(/core:|\{\{|\$t:/);
    }
  });
});

describe('boundaryAllowed with a restrictive pack', () => {
  it('fires when the pack does not accept the boundary', () => {
    const pack = { ...gbt, boundaries: { ...gbt.boundaries, allowed: ['cradle-to-grave' as const] } };
    expect(run('boundaryAllowed', { name: 'x', hits: [] }, pack).map((h) => h.path)).toEqual([['study', 'boundary']]);
  });
});

describe('the installed packs', () => {
  it.each(['cn-gbt24067-2024', 'iso14067-2018'])('%s: every check names a message that exists in all three languages and a legal reference', async (id) => {
    const p = getFootprintPack(id)!;
    expect(p.checks.length).toBeGreaterThan(10);
    for (const c of p.checks) {
      expect(c.legalRef.act.length).toBeGreaterThan(3);
      // count given: messages about several lines have plural forms (Arabic has six)
      for (const lng of LANGS) expect(T[lng](c.messageKey, { count: 2 })).not.toBe(c.messageKey.split(':')[1]);
    }
  });
});

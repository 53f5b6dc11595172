import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import Dexie from 'dexie';
import { CarbonBridgeDb, DB_VERSION, SCHEMAS } from './db';
import { rememberMapping, knownMappings, rememberedMapping, forgetMapping, MAX_MAPPINGS } from '../state/import-mappings';
import { importBytes } from '../../core/io/import';
import type { Mapping } from '../../core/io/schemas';

let n = 0;
const freshName = () => `cb-map-test-${Date.now()}-${n++}`;

const CSV = '名称,阶段,类别,用量,单位,排放因子,排放因子单位,来源\n外购电力,生产,电力,1200,MWh,0.5703,tCO2/MWh,生态环境部 2022\n';
const mappingOf = (csv: string): Mapping => {
  const r = importBytes(new TextEncoder().encode(csv), 'lines.csv');
  if (r.kind !== 'generic') throw new Error(r.kind);
  return r.mapping;
};

describe('remembered column mappings (database version 3)', () => {
  it('upgrades a version 2 database: datasets, results and settings kept, an empty mappings table added', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(2).stores(SCHEMAS[2]!);
    await old.open();
    await old
      .table('datasets')
      .put({ id: 'a', name: 'Alu', createdAt: 1, updatedAt: 2, cn: '76011000', origin: 'sample', data: { product: { cnCode: '7601 10 00' } } });
    await old.table('results').put({ id: 'r', datasetId: 'a', kind: 'cbam', updatedAt: 3, data: { see: 1 } });
    await old.table('settings').put({ key: 'digits', value: 'arab' });
    expect(old.tables.map((t) => t.name)).not.toContain('mappings');
    old.close();

    const d = new CarbonBridgeDb(name);
    await d.open();
    expect(d.verno).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(3);
    expect(d.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['datasets', 'mappings', 'results', 'settings']));
    expect(await d.datasets.get('a')).toMatchObject({ name: 'Alu', cn: '76011000', origin: 'sample', createdAt: 1 });
    expect(await d.results.get('r')).toMatchObject({ kind: 'cbam', data: { see: 1 } });
    expect(await d.settings.get('digits')).toEqual({ key: 'digits', value: 'arab' });
    expect(await d.mappings.count()).toBe(0);
    // the new table works after the upgrade
    const m = mappingOf(CSV);
    await rememberMapping(d, m, 'lines.csv');
    expect((await d.mappings.get(m.signature!))?.file).toBe('lines.csv');
    d.close();
  });

  it('upgrades a version 1 database straight to the current version', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(1).stores(SCHEMAS[1]!);
    await old.open();
    await old.table('datasets').put({ id: 's', name: 'S', updatedAt: 5, sample: 'x.json', data: {} });
    old.close();
    const d = new CarbonBridgeDb(name);
    await d.open();
    expect(d.verno).toBe(DB_VERSION);
    expect(await d.datasets.get('s')).toMatchObject({ origin: 'sample', createdAt: 5 });
    expect(await d.mappings.count()).toBe(0);
    d.close();
  });

  it('remembers a mapping by its signature; the core uses it for the next file of the same shape', async () => {
    const d = new CarbonBridgeDb(freshName());
    const m = mappingOf(CSV);
    // the user corrects the suggestion: 来源 is not mapped, a default stage is added
    const edited: Mapping = { ...m, columns: m.columns.filter((c) => c.field !== 'source.name'), defaults: { sourceName: 'Consultant annex' } };
    await rememberMapping(d, edited, 'lines.csv');
    await rememberMapping(d, edited, 'lines.csv'); // same shape: replaced, not added
    expect(await d.mappings.count()).toBe(1);
    expect(await rememberedMapping(d, m.signature!)).toEqual(edited);

    const next = CSV + '天然气,生产,燃料燃烧,30,GJ,56.1,kgCO2/GJ,IPCC 2006\n';
    const r = importBytes(new TextEncoder().encode(next), 'other-name.csv', { knownMappings: await knownMappings(d) });
    expect(r.kind).toBe('generic');
    if (r.kind !== 'generic') return;
    expect(r.problems.some((p) => p.message.key === 'import:info.mappingRemembered')).toBe(true);
    expect(r.mapping.columns.map((c) => c.field)).not.toContain('source.name');
    expect(r.lines.map((l) => l.emissions.source?.name)).toEqual(['Consultant annex', 'Consultant annex']);

    // another shape is not matched
    const other = CSV.replace('名称', '描述');
    const r2 = importBytes(new TextEncoder().encode(other), 'x.csv', { knownMappings: await knownMappings(d) });
    expect(r2.kind === 'generic' && r2.problems.some((p) => p.message.key === 'import:info.mappingRemembered')).toBe(false);

    await forgetMapping(d, m.signature!);
    expect(await d.mappings.count()).toBe(0);
    d.close();
  });

  it('keeps at most MAX_MAPPINGS, dropping the oldest, and ignores mappings without a signature', async () => {
    const d = new CarbonBridgeDb(freshName());
    const m = mappingOf(CSV);
    expect(await rememberMapping(d, { ...m, signature: undefined })).toBeUndefined();
    await d.mappings.bulkPut(
      Array.from({ length: MAX_MAPPINGS }, (_, i) => ({ signature: `old${i}`, updatedAt: i + 1, mapping: { ...m, signature: `old${i}` } })),
    );
    await rememberMapping(d, m);
    expect(await d.mappings.count()).toBe(MAX_MAPPINGS);
    expect(await d.mappings.get('old0')).toBeUndefined();
    expect(await d.mappings.get(m.signature!)).toBeDefined();
    expect((await knownMappings(d))[0]!.signature).toBe(m.signature);
    d.close();
  });
});

import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import Dexie from 'dexie';
import { CarbonBridgeDb, DB_VERSION, SCHEMAS, UNASSIGNED_CLIENT_ID, productCode, saveDataset } from './db';
import { sampleFiles, sampleJson } from '../../../test/helpers/samples';

let n = 0;
const freshName = () => `cb-v4-test-${Date.now()}-${n++}`;

/** Builds a database exactly as the version 3 code wrote it (same schema, same row shape). */
async function makeV3(name: string) {
  const old = new Dexie(name);
  old.version(3).stores(SCHEMAS[3]!);
  await old.open();
  const rows = sampleFiles().map((f, i) => {
    const data = sampleJson(f);
    return {
      id: `ds-${i}`,
      name: data.product?.name?.en ?? f,
      createdAt: 1000 + i,
      updatedAt: 2000 + i,
      cn: productCode(data),
      origin: 'sample',
      sample: f,
      data,
    };
  });
  rows.push({ id: 'ds-new', name: 'Blank', createdAt: 5, updatedAt: 6, cn: '', origin: 'new', sample: undefined as unknown as string, data: { product: {} } });
  await old.table('datasets').bulkPut(rows);
  await old.table('results').put({ id: 'r1', datasetId: 'ds-0', kind: 'cbam', updatedAt: 7, data: { see: 1.5 } });
  await old.table('settings').put({ key: 'digits', value: 'arab' });
  await old.table('mappings').put({ signature: 'sig', updatedAt: 8, mapping: { columns: [] } });
  const before = {
    datasets: await old.table('datasets').toArray(),
    results: await old.table('results').toArray(),
    settings: await old.table('settings').toArray(),
    mappings: await old.table('mappings').toArray(),
  };
  old.close();
  return before;
}

describe('database version 4 (clients, cases, evidence, snapshots, user packs)', () => {
  it('upgrades a version 3 database: every dataset present and unchanged, placed in the "Unassigned" client', async () => {
    const name = freshName();
    const before = await makeV3(name);
    expect(before.datasets.length).toBe(sampleFiles().length + 1);

    const d = new CarbonBridgeDb(name);
    await d.open();
    expect(d.verno).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(4);
    const after = await d.datasets.toArray();
    expect(after.length).toBe(before.datasets.length);
    for (const b of before.datasets) {
      const a = after.find((r) => r.id === b.id)!;
      const { clientId, caseId, ...rest } = a;
      expect(rest).toEqual(b); // the dataset row, including the dataset JSON, is byte-for-byte the same
      expect(clientId).toBe(UNASSIGNED_CLIENT_ID);
      const c = await d.cases.get(caseId!);
      expect(c).toMatchObject({ clientId: UNASSIGNED_CLIENT_ID, title: b.name, mainDatasetId: b.id, status: 'open' });
    }
    expect(await d.clients.get(UNASSIGNED_CLIENT_ID)).toMatchObject({ names: { en: 'Unassigned' }, archived: 0 });
    expect(await d.cases.count()).toBe(before.datasets.length);
    expect(await d.results.toArray()).toEqual(before.results);
    expect(await d.settings.toArray()).toEqual(before.settings);
    expect(await d.mappings.toArray()).toEqual(before.mappings);
    expect(await d.datasets.where('clientId').equals(UNASSIGNED_CLIENT_ID).count()).toBe(before.datasets.length);
    d.close();
  });

  it('an empty version 3 database gets no "Unassigned" client', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(3).stores(SCHEMAS[3]!);
    await old.open();
    old.close();
    const d = new CarbonBridgeDb(name);
    await d.open();
    expect(await d.clients.count()).toBe(0);
    expect(d.tables.map((t) => t.name).sort()).toEqual([
      'cases',
      'clients',
      'datasets',
      'evidence',
      'mappings',
      'results',
      'settings',
      'snapshots',
      'userPacks',
    ]);
    d.close();
  });

  it('stores user packs by id', async () => {
    const d = new CarbonBridgeDb(freshName());
    await d.userPacks.put({ id: 'eu-cbam-x', version: '1.0', status: 'draft', loadedAt: 1, json: '{"id":"eu-cbam-x"}' });
    expect(await d.userPacks.get('eu-cbam-x')).toMatchObject({ version: '1.0', json: '{"id":"eu-cbam-x"}' });
    d.close();
  });

  it('a save that does not mention the case keeps the dataset in its case', async () => {
    const d = new CarbonBridgeDb(freshName());
    await saveDataset(d, { id: 'a', name: 'A', origin: 'new', data: {}, clientId: 'c1', caseId: 'k1' });
    await saveDataset(d, { id: 'a', name: 'A2', origin: 'new', data: { v: 1 } });
    expect(await d.datasets.get('a')).toMatchObject({ name: 'A2', clientId: 'c1', caseId: 'k1' });
    d.close();
  });
});

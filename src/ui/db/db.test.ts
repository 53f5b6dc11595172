import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import Dexie from 'dexie';
import {
  CarbonBridgeDb,
  DB_VERSION,
  SCHEMAS,
  saveDataset,
  listDatasets,
  deleteDataset,
  saveResult,
  latestResult,
  getSetting,
  setSetting,
  productCode,
} from './db';

let n = 0;
const freshName = () => `cb-test-${Date.now()}-${n++}`;

describe('browser database', () => {
  it('stores, lists and deletes datasets with their results', async () => {
    const d = new CarbonBridgeDb(freshName());
    await saveDataset(d, { id: 'a', name: 'Alu', origin: 'sample', data: { product: { cnCode: '7601 10 00' } } });
    await new Promise((r) => setTimeout(r, 5));
    await saveDataset(d, { id: 'b', name: 'Cement', origin: 'new', data: { product: { cnCode: '2523 29 00' } } });
    const list = await listDatasets(d);
    expect(list.map((r) => r.id)).toEqual(['b', 'a']);
    expect(list[1]!.cn).toBe('76011000');
    await saveResult(d, { id: 'r1', datasetId: 'a', kind: 'cbam', data: { see: 1 } });
    await new Promise((r) => setTimeout(r, 5));
    await saveResult(d, { id: 'r2', datasetId: 'a', kind: 'cbam', data: { see: 2 } });
    expect((await latestResult(d, 'a', 'cbam'))?.id).toBe('r2');
    expect(await latestResult(d, 'a', 'compute')).toBeUndefined();
    await deleteDataset(d, 'a');
    expect(await d.datasets.get('a')).toBeUndefined();
    expect(await d.results.count()).toBe(0);
    d.close();
  });

  it('keeps createdAt across saves and updates updatedAt', async () => {
    const d = new CarbonBridgeDb(freshName());
    const first = await saveDataset(d, { id: 'x', name: 'X', origin: 'new', data: {} });
    await new Promise((r) => setTimeout(r, 5));
    const second = await saveDataset(d, { id: 'x', name: 'X2', origin: 'new', data: { v: 2 } });
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.updatedAt).toBeGreaterThan(first.updatedAt);
    expect((await d.datasets.get('x'))?.name).toBe('X2');
    d.close();
  });

  it('settings fall back to a default', async () => {
    const d = new CarbonBridgeDb(freshName());
    expect(await getSetting(d, 'digits', 'latn')).toBe('latn');
    await setSetting(d, 'digits', 'arab');
    expect(await getSetting(d, 'digits', 'latn')).toBe('arab');
    d.close();
  });

  it('upgrades a version 1 database to the current version, filling the new fields', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(1).stores(SCHEMAS[1]!);
    await old.open();
    await old.table('datasets').bulkPut([
      { id: 's', name: 'Sample', updatedAt: 1000, sample: 'aluminium.json', data: { product: { cnCode: '7601 10' } } },
      { id: 'i', name: 'Imported', updatedAt: 2000, data: { product: { hsCode: '2523' } } },
    ]);
    await old.table('results').put({ id: 'r', datasetId: 's', data: {} });
    old.close();

    const d = new CarbonBridgeDb(name);
    await d.open();
    expect(d.verno).toBe(DB_VERSION);
    const s = await d.datasets.get('s');
    expect(s).toMatchObject({ createdAt: 1000, cn: '760110', origin: 'sample' });
    const i = await d.datasets.get('i');
    expect(i).toMatchObject({ createdAt: 2000, cn: '2523', origin: 'import' });
    expect(await d.datasets.where('cn').equals('760110').count()).toBe(1);
    const r = await latestResult(d, 's', 'cbam');
    expect(r?.id).toBe('r');
    d.close();
  });

  it('reads the product code from several shapes', () => {
    expect(productCode({ product: { cnCode: '7601 10 00' } })).toBe('76011000');
    expect(productCode({ product: {} })).toBe('');
    expect(productCode(null)).toBe('');
  });
});

import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { db } from '../db/db';
import { validateDataset } from '../core';
import { hasAcceptedType, isCsvName, wrongTypeResult, saveAsNew, replaceExisting, loadBase, mapFieldLabelKey, MAP_FIELDS } from './import';
import { mapFieldLabelKey as coreLabelKey } from '../../core/io/mapping';
import { ImportResultSchema } from '../../core/io/result';

const sample = () =>
  validateDataset(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'samples', 'aluminium-ingot-ningxia.json'), 'utf8'))).dataset!;

describe('import screen plumbing', () => {
  it('accepts Excel and CSV names only; a wrong type is an error result in the core\u2019s own form', () => {
    expect(['a.xlsx', 'B.XLS', 'c.csv'].map(hasAcceptedType)).toEqual([true, true, true]);
    expect(['a.pdf', 'a.json', 'xlsx', 'a.csv.txt'].map(hasAcceptedType)).toEqual([false, false, false, false]);
    expect(isCsvName('x.CSV')).toBe(true);
    const r = wrongTypeResult('report.pdf');
    expect(ImportResultSchema.parse(r)).toEqual(r);
    expect(r.kind === 'error' && r.problems[0]!.message).toEqual({ key: 'import:error.notSpreadsheet', params: { file: 'report.pdf' } });
  });

  it('labels mapping fields with the core\u2019s keys', () => {
    for (const f of MAP_FIELDS) expect(mapFieldLabelKey(f)).toBe(coreLabelKey(f));
  });

  it('saves an import as a new dataset; replaces a saved one only with the confirmation', async () => {
    const ds = sample();
    const row = await saveAsNew(ds);
    expect(row.origin).toBe('import');
    expect((await db().datasets.get(row.id))!.data).toEqual(ds);

    const changed = structuredClone(ds);
    changed.inventory = changed.inventory.slice(0, 3);
    expect(await replaceExisting(row.id, changed, false)).toBeUndefined();
    expect(((await db().datasets.get(row.id))!.data as typeof ds).inventory).toHaveLength(ds.inventory.length);
    const replaced = await replaceExisting(row.id, changed, true);
    expect(replaced!.id).toBe(row.id);
    expect(replaced!.origin).toBe('import');
    expect(((await db().datasets.get(row.id))!.data as typeof ds).inventory).toHaveLength(3);
    expect(await replaceExisting('no-such-id', changed, true)).toBeUndefined();
  });

  it('loads a saved base dataset through the core\u2019s checks; an invalid one is refused with its problems', async () => {
    const ds = sample();
    const good = await saveAsNew(ds);
    const b = await loadBase(`ds:${good.id}`);
    expect(b.ok && b.dataset).toEqual(ds);
    expect(b.ok && b.savedId).toBe(good.id);
    const broken = structuredClone(ds) as unknown as { inventory: { activity: { amount: unknown } }[] };
    broken.inventory[0]!.activity.amount = 'abc';
    const bad = await saveAsNew(broken as never);
    const r = await loadBase(`ds:${bad.id}`);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.length).toBeGreaterThan(0);
    expect((await loadBase('ds:missing')).ok).toBe(false);
    expect((await loadBase('nonsense')).ok).toBe(false);
  });
});

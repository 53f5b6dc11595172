import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { db, saveDataset } from '../db/db';
import { saveIfCurrent } from './dataset-save';
import { DatasetEditor } from './editor.svelte';

const sample = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'samples', 'aluminium-ingot-ningxia.json'), 'utf8'));

describe('revisions: a tab holding an older revision never silently overwrites a newer one', () => {
  it('every save raises the revision; a save based on an older revision is refused with the newer record', async () => {
    const row = await saveDataset(db(), { id: `r-${Math.random()}`, name: 'x', origin: 'new', data: { a: 1 } });
    expect(row.rev).toBe(1);
    const a = await saveIfCurrent(db(), { ...row, data: { a: 2 } }, 1);
    expect(a.ok && a.row.rev).toBe(2);
    const stale = await saveIfCurrent(db(), { ...row, data: { a: 3 } }, 1);
    expect(stale.ok).toBe(false);
    expect(!stale.ok && stale.current.rev).toBe(2);
    expect((await db().datasets.get(row.id))!.data).toEqual({ a: 2 });
  });

  it("two editors on one dataset: the second one stops at a conflict and keeps the first one's edit until the user chooses", async () => {
    const row = await saveDataset(db(), { id: `t-${Math.random()}`, name: 'x', origin: 'sample', data: sample });
    const a = new DatasetEditor(row);
    const b = new DatasetEditor(row);
    a.set(['product', 'name', 'en'], 'From tab A');
    await a.flush();
    expect(a.status).toBe('saved');
    expect(a.baseRev).toBe(2);
    b.set(['product', 'description'], 'From tab B');
    await b.flush();
    expect(b.status).toBe('conflict');
    expect(b.conflict?.rev).toBe(2);
    let stored = (await db().datasets.get(row.id))!;
    expect((stored.data as typeof sample).product.name.en).toBe('From tab A');
    expect(b.unsaved).toBe(true);
    // the user keeps the edits of tab B: written on top of revision 2
    await b.keepMine();
    await b.flush();
    stored = (await db().datasets.get(row.id))!;
    expect(stored.rev).toBe(3);
    expect((stored.data as typeof sample).product.description).toBe('From tab B');
    expect(b.status).toBe('saved');
  });

  it('"show the newer version" takes the other tab\'s record and undo brings this tab\'s edits back', async () => {
    const row = await saveDataset(db(), { id: `u-${Math.random()}`, name: 'x', origin: 'sample', data: sample });
    const a = new DatasetEditor(row);
    const b = new DatasetEditor(row);
    a.set(['product', 'name', 'en'], 'A');
    await a.flush();
    b.set(['product', 'name', 'en'], 'B');
    await b.flush();
    expect(b.status).toBe('conflict');
    b.useTheirs();
    expect(b.get(['product', 'name', 'en'])).toBe('A');
    expect(b.status).toBe('saved');
    b.undo();
    expect(b.get(['product', 'name', 'en'])).toBe('B');
    await b.flush();
    expect(((await db().datasets.get(row.id))!.data as typeof sample).product.name.en).toBe('B');
  });

  it('edits are written through without waiting for a debounce (a browser killed 100 ms later keeps them)', async () => {
    const row = await saveDataset(db(), { id: `w-${Math.random()}`, name: 'x', origin: 'sample', data: sample });
    const a = new DatasetEditor(row);
    a.set(['product', 'name', 'en'], 'typed');
    await new Promise((r) => setTimeout(r, 60));
    expect(((await db().datasets.get(row.id))!.data as typeof sample).product.name.en).toBe('typed');
  });
});

import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { db, saveDataset } from '../db/db';
import { DatasetEditor } from './editor.svelte';

const sample = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'samples', 'aluminium-ingot-ningxia.json'), 'utf8'));

async function editor() {
  const row = await saveDataset(db(), { id: `t-${Math.random()}`, name: 'x', origin: 'sample', data: sample });
  return new DatasetEditor(row);
}

describe('dataset editor state', () => {
  it('shows the core finding at the path of a bad value, and clears it on undo', async () => {
    const ed = await editor();
    expect(ed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    ed.set(['inventory', 0, 'activity', 'amount'], 'abc');
    ed.validateNow();
    const at = ed.at(['inventory', 0, 'activity', 'amount']);
    expect(at).toHaveLength(1);
    expect(at[0]!.message.key).toBe('core:validation.notANumber');
    expect(ed.under(['inventory', 0]).length).toBeGreaterThan(0);
    ed.undo();
    ed.validateNow();
    expect(ed.get(['inventory', 0, 'activity', 'amount'])).toBe(sample.inventory[0].activity.amount);
    expect(ed.at(['inventory', 0, 'activity', 'amount'])).toEqual([]);
    ed.redo();
    expect(ed.get(['inventory', 0, 'activity', 'amount'])).toBe('abc');
  });

  it('coalesces typing in one field into one undo step, structural changes are their own steps', async () => {
    const ed = await editor();
    ed.set(['inventory', 0, 'description'], 'a');
    ed.set(['inventory', 0, 'description'], 'ab');
    ed.set(['inventory', 0, 'description'], 'abc');
    ed.change(null, (d) => (d.inventory as unknown[]).splice(1, 1));
    expect((ed.get(['inventory']) as unknown[]).length).toBe(sample.inventory.length - 1);
    ed.undo();
    expect((ed.get(['inventory']) as unknown[]).length).toBe(sample.inventory.length);
    expect(ed.get(['inventory', 0, 'description'])).toBe('abc');
    ed.undo();
    expect(ed.get(['inventory', 0, 'description'])).toBe(sample.inventory[0].description);
    expect(ed.canUndo).toBe(false);
  });

  it('saves to the database (autosave path)', async () => {
    const ed = await editor();
    ed.set(['product', 'name', 'en'], 'Renamed ingot');
    await ed.saveNow();
    const row = await db().datasets.get(ed.row.id);
    expect((row!.data as typeof sample).product.name.en).toBe('Renamed ingot');
    expect(row!.cn).toBe('76011000');
    expect(ed.status).toBe('saved');
  });
});

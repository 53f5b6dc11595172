import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { db, saveDataset } from '../db/db';
import { DatasetEditor } from './editor.svelte';
import { ProcessesState, MAX_PROCESSES, processesOf, INSTRUMENTS, EF_SOURCES } from './processes.svelte';

const sample = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'samples', 'cement-grey-portland.json'), 'utf8'));

async function editor() {
  const row = await saveDataset(db(), { id: `p-${Math.random()}`, name: 'x', origin: 'user', data: sample });
  const ed = new DatasetEditor(row);
  return { ed, ps: new ProcessesState(ed), id: row.id };
}
const errors = (ed: DatasetEditor) => ed.problems.filter((p) => p.severity === 'error');

describe('production processes (editor state)', () => {
  it('the first process takes the product and every installation line; the dataset stays valid', async () => {
    const { ed, ps } = await editor();
    expect(ps.has).toBe(false);
    ps.add();
    ed.validateNow();
    expect(ps.processes).toHaveLength(1);
    const p = ps.processes[0]!;
    expect(p.products[0]!.cnCode).toBe(sample.product.cnCode);
    const inst = (ed.get(['inventory']) as { location: string; processId?: string }[]).filter((l) => l.location === 'installation');
    expect(inst.length).toBeGreaterThan(0);
    expect(inst.every((l) => l.processId === p.id)).toBe(true);
    expect(p.name).toBe(sample.product.name.en);
    expect(ed.get(['processes', 0, 'production'])).toEqual(sample.basis.production);
    expect(errors(ed)).toEqual([]);
    // a second process starts empty: the core names what is still to be given
    ps.add();
    ed.validateNow();
    expect(ed.at(['processes', 1, 'name'])[0]?.message.params?.field).toBe('$t:core:field.processes.name');
    expect(ed.at(['processes', 1, 'production', 'amount']).length).toBeGreaterThan(0);
  });

  it('a bad CN code of a product is named in the message; what was typed is kept and saved', async () => {
    const { ed, ps, id } = await editor();
    ps.add();
    ed.set(['processes', 0, 'products', 0, 'cnCode'], '25AB');
    ed.validateNow();
    const at = ed.at(['processes', 0, 'products', 0, 'cnCode']);
    expect(at).toHaveLength(1);
    expect(at[0]!.message.key).toBe('core:validation.format.cnCode');
    expect(at[0]!.message.params?.field).toBe('$t:core:field.processes.products.cnCode');
    await ed.flush();
    const row = await db().datasets.get(id);
    expect((row!.data as { processes: { products: { cnCode: string }[] }[] }).processes[0]!.products[0]!.cnCode).toBe('25AB');
  });

  it('rename carries lines and flows along; remove drops references; the last removal gives a dataset without processes', async () => {
    const { ed, ps } = await editor();
    ps.add();
    ps.add();
    expect(ps.processes.map((p) => p.id)).toEqual(['P1', 'P2']);
    ps.addInput(1);
    expect(ed.get(['processes', 1, 'inputs', 0, 'fromProcess'])).toBe('P1');
    ps.rename(0, 'clinker');
    expect(ed.get(['processes', 1, 'inputs', 0, 'fromProcess'])).toBe('clinker');
    expect((ed.get(['inventory']) as { processId?: string }[]).some((l) => l.processId === 'clinker')).toBe(true);
    expect((ed.get(['inventory']) as { processId?: string }[]).some((l) => l.processId === 'P1')).toBe(false);
    ps.remove(0);
    expect(ed.get(['processes', 0, 'inputs'])).toEqual([]);
    expect((ed.get(['inventory']) as { processId?: string }[]).some((l) => l.processId === 'clinker')).toBe(false);
    ps.remove(0);
    expect(ed.get(['processes'])).toBeUndefined();
    expect(ps.has).toBe(false);
    ed.undo();
    expect(ps.processes).toHaveLength(1);
  });

  it('stops at the template limit of 10 processes', async () => {
    const { ps } = await editor();
    for (let k = 0; k < MAX_PROCESSES + 3; k++) ps.add();
    expect(ps.processes).toHaveLength(MAX_PROCESSES);
    expect(ps.canAdd).toBe(false);
  });

  it('qualifying parameters: add, rename (a taken name refused), remove', async () => {
    const { ed, ps } = await editor();
    ps.add();
    ps.addQualifying(0, 0);
    ps.addQualifying(0, 0);
    const [a, b] = ps.qualifying(0, 0).map(([k]) => k);
    ed.set(['processes', 0, 'products', 0, 'qualifying', a!], 0.95);
    expect(ps.renameQualifying(0, 0, a!, 'clinkerShare')).toBe(true);
    expect(ps.qualifying(0, 0)[0]).toEqual(['clinkerShare', 0.95]);
    expect(ps.renameQualifying(0, 0, b!, 'clinkerShare')).toBe(false);
    ps.removeQualifying(0, 0, b!);
    ps.removeQualifying(0, 0, 'clinkerShare');
    expect(ed.get(['processes', 0, 'products', 0, 'qualifying'])).toBeUndefined();
  });

  it('offers the pack\'s categories, routes and default-value variants, and the schema\'s lists', async () => {
    const { ps } = await editor();
    expect(ps.categories()).toContain('cement-clinker');
    expect(ps.routes('crude-steel')).toEqual(expect.arrayContaining(['bof', 'eaf']));
    expect(ps.routes('')).toEqual([]);
    expect(ps.variants('2523 10 00').map((v) => v.value).sort()).toEqual(['grey', 'white']);
    expect(ps.variants('7601 10 00')).toEqual([]);
    expect(INSTRUMENTS).toContain('national-ets');
    expect(EF_SOURCES).toContain('D.4.3.2');
    expect(processesOf({ processes: [{ id: 'a', name: 'A' }] })).toEqual([{ id: 'a', name: 'A' }]);
    expect(processesOf({})).toEqual([]);
  });
});

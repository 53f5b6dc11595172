import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { db, saveDataset } from '../db/db';
import { DatasetEditor } from './editor.svelte';
import { ProcessesState, InstallationResultState, MAX_PROCESSES, processesOf, INSTRUMENTS, EF_SOURCES } from './processes.svelte';
import { validateDataset, calculateInstallation } from '../core';
import { EXAMPLES, addToDataset, fromActivity, toActivityInput } from './calculate';

const sample = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'samples', 'cement-grey-portland.json'), 'utf8'));

async function editor() {
  const row = await saveDataset(db(), { id: `p-${Math.random()}`, name: 'x', origin: 'new', data: sample });
  const ed = new DatasetEditor(row);
  return { ed, ps: new ProcessesState(ed), id: row.id };
}
const errors = (ed: DatasetEditor) => ed.problems.filter((p) => p.severity === 'error');

function clinkerCement(ed: DatasetEditor, ps: ProcessesState) {
  ps.add();
  ps.add();
  ps.rename(0, 'clinker');
  ps.rename(1, 'cement');
  ed.set(['processes', 0, 'name'], 'Kiln');
  ed.set(['processes', 0, 'category'], 'cement-clinker');
  ed.set(['processes', 0, 'production'], { amount: 1400000, unit: 't' });
  ed.set(['processes', 0, 'products', 0], { id: 'G1', cnCode: '2523 10 00', name: 'Grey clinker' });
  ed.set(['processes', 1, 'name'], 'Grinding');
  ed.set(['processes', 1, 'category'], 'cement');
  ed.set(['processes', 1, 'production'], { amount: 2000000, unit: 't' });
  ed.set(['processes', 1, 'products', 0], { id: 'G2', cnCode: '2523 29 00', name: 'Portland cement' });
  ps.addInput(1);
  ed.set(['processes', 1, 'inputs', 0, 'amount'], 1400000);
  const elec = (ed.get(['inventory']) as { category: string }[]).findIndex((l) => l.category === 'electricity');
  ed.set(['inventory', elec, 'processId'], 'cement');
}

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

  it('the first process also takes the purchased precursors (aluminium sample): the dataset stays valid', async () => {
    const alu = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'samples', 'aluminium-ingot-ningxia.json'), 'utf8'));
    const row = await saveDataset(db(), { id: `a-${Math.random()}`, name: 'x', origin: 'new', data: alu });
    const ed = new DatasetEditor(row);
    const ps = new ProcessesState(ed);
    ps.add();
    ed.validateNow();
    const lines = ed.get(['inventory']) as { id: string; processId?: string }[];
    expect(lines.find((l) => l.id === 'AL-01')!.processId).toBe('P1');
    expect(lines.find((l) => l.id === 'AL-03')!.processId).toBeUndefined();
    expect(errors(ed)).toEqual([]);
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

  it("offers the pack's categories, routes and default-value variants, and the schema's lists", async () => {
    const { ps } = await editor();
    expect(ps.categories()).toContain('cement-clinker');
    expect(ps.routes('crude-steel')).toEqual(expect.arrayContaining(['bof', 'eaf']));
    expect(ps.routes('')).toEqual([]);
    expect(
      ps
        .variants('2523 10 00')
        .map((v) => v.value)
        .sort(),
    ).toEqual(['grey', 'white']);
    expect(ps.variants('7601 10 00')).toEqual([]);
    expect(INSTRUMENTS).toContain('national-ets');
    expect(EF_SOURCES).toContain('D.4.3.2');
    expect(processesOf({ processes: [{ id: 'a', name: 'A' }] })).toEqual([{ id: 'a', name: 'A' }]);
    expect(processesOf({})).toEqual([]);
  });

  it('the installation result: clinker → cement counted once, per product SEE; an unknown factor is listed, never 0', async () => {
    const { ed, ps } = await editor();
    clinkerCement(ed, ps);
    ed.validateNow();
    expect(errors(ed)).toEqual([]);
    const v = validateDataset(ed.snapshot());
    const st = new InstallationResultState();
    await st.run(v.dataset!, { period: '2026', electricity: { choice: 'eu-default' } });
    const r = st.result!;
    expect(r.processes.map((p) => [p.id, p.templateId])).toEqual([
      ['clinker', 'P1'],
      ['cement', 'P2'],
    ]);
    const clinker = r.processes[0]!.see.direct!.value;
    expect(clinker).toBeGreaterThan(0);
    // the grinding has no direct emissions of its own here: its SEE direct is the clinker's, 1.4 t per 2 t of cement
    expect(r.products[1]!.see.direct!.value).toBeCloseTo((1400000 * clinker) / 2000000, 6);
    expect(r.processes[1]!.inputs[0]!.seeDirect!.value).toBeCloseTo(clinker, 9);
    // no electricity factor: the indirect SEE of the grinding is missing (null, listed), never 0
    expect(r.complete).toBe(false);
    expect(r.products[1]!.see.indirect).toBeNull();
    expect(r.missing.map((m) => [m.processId, m.figure])).toEqual([['cement', 'indirect']]);
    // with the factor: 180,000 MWh × 0.6 tCO2/MWh / 2,000,000 t
    await st.run(v.dataset!, { period: '2026', electricity: { choice: 'eu-default', euDefaultEf: 0.6 } });
    expect(st.result!.complete).toBe(true);
    expect(st.result!.products[1]!.see.indirect!.value).toBeCloseTo((180000 * 0.6) / 2000000, 9);
    expect(st.result!.missing).toEqual([]);
  });

  it('Calculate view: the lines added to a dataset with processes belong to the process chosen; without one the core refuses', async () => {
    const { ed, ps, id } = await editor();
    clinkerCement(ed, ps);
    await ed.flush();
    const calc = calculateInstallation(toActivityInput(fromActivity(EXAMPLES[0]!.data)));
    if (!calc.ok) throw new Error('example TC1 does not calculate');
    const before = (await db().datasets.get(id))!.data as { inventory: unknown[] };
    const refused = await addToDataset(id, calc);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems?.some((p) => p.path[0] === 'inventory' && p.path[2] === 'processId')).toBe(true);
    expect(((await db().datasets.get(id))!.data as { inventory: unknown[] }).inventory).toHaveLength(before.inventory.length);
    const res = await addToDataset(id, calc, 'clinker');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const stored = (await db().datasets.get(id))!.data as { inventory: { id: string; processId?: string }[] };
    const added = stored.inventory.filter((l) => res.added.includes(l.id));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((l) => l.processId === 'clinker')).toBe(true);
    expect(validateDataset(stored).ok).toBe(true);
  });
});

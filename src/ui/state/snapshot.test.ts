import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import { CarbonBridgeDb } from '../db/db';
import { createClient } from './clients';
import { createCase, newDatasetInCase, setEvidence, updateCase } from './cases';
import { freezeCase, snapshotState } from './snapshot';
import { verifySnapshot } from '../../core/snapshot';
import { sampleJson } from '../../../test/helpers/samples';

describe('verification snapshot of a case', () => {
  it('detects a changed inventory amount field by field; the old snapshot still verifies; snapshots cannot be edited', async () => {
    const d = new CarbonBridgeDb(`cb-snap-${Date.now()}`);
    const c = await createClient(d, { names: { en: 'Ningxia Aluminium' } });
    const k0 = await createCase(d, c.id, { title: 'Ingot', period: '2026', mass: 100 });
    const data = sampleJson('aluminium-ingot-ningxia.json');
    const ds = await newDatasetInCase(d, k0.id, data, 'Alu', 'sample');
    await setEvidence(d, k0.id, 'monitoringPlan', { state: 'present', note: 'v2' });
    let k = (await d.cases.get(k0.id))!;
    const s1 = await freezeCase(d, k);
    expect(s1.hash).toMatch(/^[0-9a-f]{64}$/);
    let st = await snapshotState(d, k);
    expect(st).toMatchObject({ unchanged: true, intact: true, changes: [] });
    // status and notes do not touch the verified content
    await updateCase(d, k.id, { status: 'ready', notes: 'called' });
    k = (await d.cases.get(k0.id))!;
    expect((await snapshotState(d, k)).unchanged).toBe(true);

    // change one inventory amount
    const row = (await d.datasets.get(ds.id))!;
    const edited = structuredClone(row.data) as { inventory: { id: string; activity: { amount: number } }[] };
    const idx = edited.inventory.findIndex((l) => l.id === 'AL-07'); // electricity
    const old = edited.inventory[idx]!.activity.amount;
    edited.inventory[idx]!.activity.amount = old * 2;
    await d.datasets.update(ds.id, { data: edited });
    st = await snapshotState(d, k);
    expect(st.unchanged).toBe(false);
    expect(st.currentHash).not.toBe(s1.hash);
    const amount = st.changes.find((ch) => ch.path === `datasets[0].data.inventory[${idx}].activity.amount`);
    expect(amount).toEqual({ path: `datasets[0].data.inventory[${idx}].activity.amount`, kind: 'changed', before: old, after: old * 2 });
    expect(await verifySnapshot(s1)).toBe(true);

    await expect(d.snapshots.update(s1.id, { hash: '0'.repeat(64) })).rejects.toThrow();
    await expect(d.snapshots.put({ ...s1, canonical: '{}' })).rejects.toThrow();
    expect((await d.snapshots.get(s1.id))!.hash).toBe(s1.hash);

    const s2 = await freezeCase(d, k);
    st = await snapshotState(d, k);
    expect(st).toMatchObject({ unchanged: true, latest: { id: s2.id } });
    expect(s2.hash).not.toBe(s1.hash);
    d.close();
  });
});

import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import { CarbonBridgeDb } from '../db/db';
import { createClient } from './clients';
import { createCase, newDatasetInCase, attachEvidence } from './cases';
import { freezeCase } from './snapshot';
import { exportBackup, readBackup, restoreBackup, backupReminder, markBackedUp, REMINDER_AFTER_MS } from './backup';
import { sampleJson } from '../../../test/helpers/samples';

let n = 0;
const fresh = () => new CarbonBridgeDb(`cb-backup-${Date.now()}-${n++}`);
const strip = (b: { exportedAt: string }) => ({ ...b, exportedAt: '' });

async function filled() {
  const d = fresh();
  const c = await createClient(d, { names: { zh: '宁夏铝业', en: 'Ningxia Aluminium', ar: 'نينغشيا للألمنيوم' }, sector: 'aluminium' });
  const k = await createCase(d, c.id, { title: 'Ingot', period: '2026', mass: 100 });
  await newDatasetInCase(d, k.id, sampleJson('aluminium-ingot-ningxia.json'), 'Alu', 'sample');
  const bytes = new TextEncoder().encode('%PDF-1.4 meter reading');
  await attachEvidence(d, k.id, 'electricityMeters', {
    name: 'meter.pdf',
    type: 'application/pdf',
    size: bytes.length,
    arrayBuffer: async () => bytes.slice().buffer,
  });
  await freezeCase(d, (await d.cases.get(k.id))!);
  await d.settings.put({ key: 'digits', value: 'arab' });
  await d.mappings.put({ signature: 's', updatedAt: 1, mapping: { columns: [] } });
  await d.userPacks.put({ id: 'p', version: '1', status: 'draft', loadedAt: 2, json: '{}' });
  await d.results.put({ id: 'r', datasetId: 'x', kind: 'cbam', updatedAt: 3, data: { a: 1 } });
  return d;
}

describe('backup and restore of the database', () => {
  it('restoring into an empty database reproduces it exactly (zero difference), evidence bytes included', async () => {
    const a = await filled();
    const file = await exportBackup(a);
    const text = JSON.stringify(file);
    const b = fresh();
    const parsed = await readBackup(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const out = await restoreBackup(b, parsed.backup, null);
    expect(out).toMatchObject({ ok: true, skipped: 0 });
    expect(strip(await exportBackup(b))).toEqual(strip(file));
    const ev = (await b.evidence.toArray())[0]!;
    expect(new TextDecoder().decode(ev.file!)).toBe('%PDF-1.4 meter reading');
    a.close();
    b.close();
  });

  it('a non-empty database needs merge or replace; merge keeps what is there, replace makes it the file', async () => {
    const a = await filled();
    const file = await exportBackup(a);
    const b = fresh();
    const other = await createClient(b, { names: { en: 'Other' } });
    expect(await restoreBackup(b, file, null)).toEqual({ ok: false, reasons: [{ key: 'advisory:backup.needsChoice' }] });
    expect(await b.clients.count()).toBe(1);
    const merged = await restoreBackup(b, file, 'merge');
    expect(merged.ok).toBe(true);
    expect(await b.clients.get(other.id)).toBeDefined();
    expect(await b.clients.count()).toBe(2);
    // merging the same file again adds nothing and overwrites nothing
    await b.clients.update(other.id, { notes: 'kept' });
    const again = await restoreBackup(b, file, 'merge');
    expect(again).toMatchObject({ ok: true, counts: { clients: 0, datasets: 0 } });
    await restoreBackup(b, file, 'replace');
    expect(strip(await exportBackup(b))).toEqual(strip(file));
    a.close();
    b.close();
  });

  it('a refused file leaves the database untouched', async () => {
    const a = await filled();
    const before = strip(await exportBackup(a));
    const file = await exportBackup(a);
    const tampered = structuredClone(file);
    (tampered.tables.datasets[0]!.data as { inventory: { activity: { amount: number } }[] }).inventory[0]!.activity.amount = 1;
    for (const text of [JSON.stringify(file).slice(0, 500), JSON.stringify({ ...file, formatVersion: 99 }), JSON.stringify(tampered)]) {
      const p = await readBackup(text);
      expect(p.ok).toBe(false);
    }
    expect(strip(await exportBackup(a))).toEqual(before);
    a.close();
  });

  it('reminds when changes are more than a week past the last backup', async () => {
    const d = fresh();
    expect((await backupReminder(d)).due).toBe(false); // nothing to back up
    await createClient(d, { names: { en: 'A' } });
    expect((await backupReminder(d)).due).toBe(true); // never backed up
    await markBackedUp(d);
    expect((await backupReminder(d)).due).toBe(false);
    await new Promise((r) => setTimeout(r, 3));
    await createClient(d, { names: { en: 'B' } });
    expect((await backupReminder(d)).due).toBe(false); // changed, but the backup is recent
    expect((await backupReminder(d, Date.now() + REMINDER_AFTER_MS + 1000)).due).toBe(true);
    d.close();
  });
});

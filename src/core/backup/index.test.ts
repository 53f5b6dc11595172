import { describe, it, expect } from 'vitest';
import { buildBackup, parseBackup, restoredRows, bytesToBase64, base64ToBytes, BACKUP_FORMAT_VERSION, BACKUP_TABLES, type BackupTables } from './index';
import { sha256Hex } from '../snapshot';

const empty = (): BackupTables => Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])) as unknown as BackupTables;

async function sample() {
  const t = empty();
  t.clients.push({ id: 'c1', names: { zh: '宁夏铝业', en: 'Ningxia Aluminium' }, archived: 0, createdAt: 1, updatedAt: 2, sector: 'aluminium' });
  t.cases.push({ id: 'k1', clientId: 'c1', title: '铝锭 2026', status: 'open', createdAt: 1, updatedAt: 2 });
  t.datasets.push({
    id: 'd1',
    name: 'Alu',
    createdAt: 1,
    updatedAt: 2,
    cn: '76011000',
    origin: 'new',
    clientId: 'c1',
    caseId: 'k1',
    data: { lines: [{ id: 'l1', amount: 10 }] },
  });
  t.settings.push({ key: 'digits', value: 'arab' });
  const file = new Uint8Array([1, 2, 3, 250]);
  t.evidence.push({
    id: 'e1',
    caseId: 'k1',
    item: 'monitoringPlan',
    state: 'present',
    updatedAt: 3,
    fileName: 'plan.pdf',
    fileBase64: bytesToBase64(file),
    sha256: await sha256Hex(file),
  });
  t.userPacks.push({ id: 'p', version: '1', status: 'draft', loadedAt: 4, json: '{}' });
  return buildBackup(t, '2026-11-27T00:00:00.000Z', '0.1.0');
}

describe('backup file', () => {
  it('round trip: what is built parses back to the same rows', async () => {
    const b = await sample();
    expect(b.formatVersion).toBe(BACKUP_FORMAT_VERSION);
    const p = await parseBackup(JSON.stringify(b));
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const rows = restoredRows(p.backup);
    expect(rows.datasets[0]).toEqual({
      id: 'd1',
      name: 'Alu',
      createdAt: 1,
      updatedAt: 2,
      cn: '76011000',
      origin: 'new',
      clientId: 'c1',
      caseId: 'k1',
      data: { lines: [{ id: 'l1', amount: 10 }] },
    });
    expect(rows.clients[0]).toMatchObject({ sector: 'aluminium' }); // unknown fields kept
    expect(Array.from(base64ToBytes(rows.evidence[0]!.fileBase64 as string))).toEqual([1, 2, 3, 250]);
    // rebuilding from the restored rows gives the same file
    expect(await buildBackup(rows, b.exportedAt, b.app)).toEqual(b);
  });

  it('refuses a truncated file', async () => {
    const text = JSON.stringify(await sample());
    const p = await parseBackup(text.slice(0, Math.floor(text.length / 2)));
    expect(p).toMatchObject({ ok: false, reasons: [{ key: 'advisory:backup.refused.truncated' }] });
    for (const cut of ['{"format":"carbonbridge-backup","formatVersion":1', '{"format":"carbon', '{"a":[1,', '{"a"'])
      expect((await parseBackup(cut)) as unknown, cut).toMatchObject({ ok: false, reasons: [{ key: 'advisory:backup.refused.truncated' }] });
  });

  it('refuses a file from a newer version, naming both versions', async () => {
    const b = { ...(await sample()), formatVersion: BACKUP_FORMAT_VERSION + 1 };
    expect(await parseBackup(JSON.stringify(b))).toEqual({
      ok: false,
      reasons: [{ key: 'advisory:backup.refused.newerVersion', params: { version: BACKUP_FORMAT_VERSION + 1, supported: BACKUP_FORMAT_VERSION } }],
    });
  });

  it('refuses a tampered dataset, naming it', async () => {
    const b = await sample();
    (b.tables.datasets[0]!.data as { lines: { amount: number }[] }).lines[0]!.amount = 1;
    expect(await parseBackup(JSON.stringify(b))).toEqual({
      ok: false,
      reasons: [{ key: 'advisory:backup.refused.datasetTampered', params: { name: 'Alu', id: 'd1' } }],
    });
  });

  it('refuses other edits through the overall checksum, and a changed evidence file by name', async () => {
    const b = await sample();
    b.tables.clients[0]!.names = { en: 'Other' };
    expect(await parseBackup(JSON.stringify(b))).toMatchObject({ ok: false, reasons: [{ key: 'advisory:backup.refused.checksum' }] });
    const c = await sample();
    c.tables.evidence[0]!.fileBase64 = bytesToBase64(new Uint8Array([9]));
    expect(await parseBackup(JSON.stringify(c))).toMatchObject({
      ok: false,
      reasons: [{ key: 'advisory:backup.refused.evidenceTampered', params: { name: 'plan.pdf' } }],
    });
  });

  it('refuses files that are not backups or miss fields, naming the field', async () => {
    expect(await parseBackup('{"hello":1}')).toMatchObject({ ok: false, reasons: [{ key: 'advisory:backup.refused.notBackup' }] });
    expect(await parseBackup('not json at all')).toMatchObject({ ok: false, reasons: [{ key: 'advisory:backup.refused.notJson' }] });
    const b = await sample();
    delete (b.tables.cases[0] as Record<string, unknown>).clientId;
    expect(await parseBackup(JSON.stringify(b))).toMatchObject({
      ok: false,
      reasons: [{ key: 'advisory:backup.refused.invalidField', params: { field: 'tables.cases.0.clientId' } }],
    });
  });
});

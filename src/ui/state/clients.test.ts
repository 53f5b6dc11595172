import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import { CarbonBridgeDb, type ClientRow } from '../db/db';
import { clientName, filterClients, summarise, loadClientSummaries, createClient, duplicateClient, setArchived } from './clients';
import { createCase, addDatasetToCase } from './cases';

const client = (id: string, names: ClientRow['names'], extra: Partial<ClientRow> = {}): ClientRow => ({
  id,
  names,
  archived: 0,
  createdAt: 1,
  updatedAt: Number(id.replace(/\D/g, '')) || 1,
  ...extra,
});

describe('client list', () => {
  const clients = [
    client('c1', { zh: '宁夏铝业有限公司', en: 'Ningxia Aluminium Co.' }, { sector: 'aluminium' }),
    client('c2', { zh: '海螺水泥', en: 'Conch Cement', ar: 'أسمنت كونش' }, { sector: 'cement', region: 'Anhui' }),
    client('c3', { en: 'Old Battery Ltd' }, { sector: 'batteries', archived: 1 }),
  ];
  const cases = [
    { id: 'k1', clientId: 'c1', status: 'open' as const, title: '原铝锭 2026', cn: '76011000' },
    { id: 'k2', clientId: 'c1', status: 'ready' as const, title: 'Alloy 2026' },
    { id: 'k3', clientId: 'c2', status: 'waiting' as const, title: 'Clinker' },
  ];
  const list = summarise(clients, cases, ['k1', 'k1', 'k2', 'k3']);

  it('counts cases and datasets per client', () => {
    expect(list.map((s) => [s.client.id, s.cases, s.datasets])).toEqual([
      ['c1', 2, 3],
      ['c2', 1, 1],
      ['c3', 0, 0],
    ]);
  });
  it('finds by a Chinese substring, an Arabic name, a case title or CN code, case-insensitive', () => {
    const ids = (text: string) => filterClients(list, { text, lang: 'en' }).map((s) => s.client.id);
    expect(ids('铝业')).toEqual(['c1']);
    expect(ids('水泥')).toEqual(['c2']);
    expect(ids('كونش')).toEqual(['c2']);
    expect(ids('clinker')).toEqual(['c2']);
    expect(ids('7601')).toEqual(['c1']);
    expect(ids('ANHUI')).toEqual(['c2']);
    expect(ids('battery')).toEqual([]); // archived hidden
    expect(filterClients(list, { text: 'battery', archived: true, lang: 'en' }).map((s) => s.client.id)).toEqual(['c3']);
  });
  it('filters by status and sector and sorts', () => {
    expect(filterClients(list, { status: 'ready', lang: 'en' }).map((s) => s.client.id)).toEqual(['c1']);
    expect(filterClients(list, { sector: 'cement', lang: 'en' }).map((s) => s.client.id)).toEqual(['c2']);
    expect(filterClients(list, { sort: 'name', lang: 'en' }).map((s) => s.client.id)).toEqual(['c2', 'c1']);
    expect(filterClients(list, { sort: 'updated', lang: 'en' }).map((s) => s.client.id)).toEqual(['c2', 'c1']);
    expect(filterClients(list, { sort: 'cases', lang: 'en' }).map((s) => s.client.id)).toEqual(['c1', 'c2']);
  });
  it('names fall back across languages', () => {
    expect(clientName({ en: 'A' }, 'zh')).toBe('A');
    expect(clientName({ zh: '甲', en: 'A' }, 'zh')).toBe('甲');
    expect(clientName({ ar: 'ب' }, 'en')).toBe('ب');
  });
});

describe('clients in the database', () => {
  it('creates, lists, duplicates with cases and datasets, archives', async () => {
    const d = new CarbonBridgeDb(`cb-clients-${Date.now()}`);
    const c = await createClient(d, { names: { zh: '宁夏铝业', en: 'Ningxia Aluminium' }, sector: 'aluminium' });
    const k = await createCase(d, c.id, { title: 'Ingot 2026', period: '2026' });
    await d.datasets.put({ id: 'ds', name: 'Alu', createdAt: 1, updatedAt: 1, cn: '76011000', origin: 'new', data: { v: 1 } });
    await addDatasetToCase(d, 'ds', k.id);
    expect(await d.datasets.get('ds')).toMatchObject({ clientId: c.id, caseId: k.id });
    let list = await loadClientSummaries(d);
    expect(list.map((s) => s.cases)).toEqual([1]);
    const copy = (await duplicateClient(d, c.id, '(2)'))!;
    expect(copy.names.en).toBe('Ningxia Aluminium (2)');
    list = await loadClientSummaries(d);
    expect(list.find((s) => s.client.id === copy.id)).toMatchObject({ cases: 1 });
    expect(await d.datasets.where('clientId').equals(copy.id).count()).toBe(1);
    expect(await d.datasets.count()).toBe(2);
    expect((await d.datasets.get('ds'))!.data).toEqual({ v: 1 }); // original untouched
    await setArchived(d, c.id, true);
    expect(filterClients(await loadClientSummaries(d), { lang: 'en' }).map((s) => s.client.id)).toEqual([copy.id]);
    d.close();
  });
});

/**
 * Clients of the advisory window: the list (a pure filter/sort over summaries, measured in `npm run bench`)
 * and the repository functions (Dexie). A client holds cases; a case holds datasets.
 */
import { newId, UNASSIGNED_CLIENT_ID, type CarbonBridgeDb, type CaseRow, type CaseStatus, type ClientRow, type DatasetRow } from '../db/db';

export type ClientNames = ClientRow['names'];
export type NameLang = 'zh' | 'en' | 'ar';

/** The client's name in a language, falling back to the others. */
export function clientName(names: ClientNames | undefined, lang: NameLang): string {
  if (!names) return '';
  return names[lang] || names.en || names.zh || names.ar || '';
}

export interface ClientSummary {
  client: ClientRow;
  cases: number;
  /** datasets in the client's cases (0 when the summaries were built without them) */
  datasets: number;
  statuses: CaseStatus[];
  /** lower-cased text the search looks in: names in every language, contact, region, sector, notes, case titles and codes */
  text: string;
}

export type ClientSort = 'name' | 'updated' | 'cases';
export interface ClientQuery {
  text?: string;
  status?: CaseStatus | '';
  sector?: string;
  sort?: ClientSort;
  /** include archived clients */
  archived?: boolean;
  lang: NameLang;
}

export const normalise = (s: string): string => s.normalize('NFKC').toLocaleLowerCase();

/** Summaries for the list; `datasetCaseIds` (the case of each dataset) only where the caller already has them. */
export function summarise(
  clients: ClientRow[],
  cases: Pick<CaseRow, 'id' | 'clientId' | 'status' | 'title' | 'cn' | 'period'>[],
  datasetCaseIds: string[] = [],
): ClientSummary[] {
  const perCase = new Map<string, number>();
  for (const c of datasetCaseIds) perCase.set(c, (perCase.get(c) ?? 0) + 1);
  const byClient = new Map<string, { n: number; ds: number; st: Set<CaseStatus>; text: string[] }>();
  for (const k of cases) {
    let e = byClient.get(k.clientId);
    if (!e) byClient.set(k.clientId, (e = { n: 0, ds: 0, st: new Set(), text: [] }));
    e.n++;
    e.ds += perCase.get(k.id) ?? 0;
    e.st.add(k.status);
    e.text.push(k.title, k.cn ?? '', k.period ?? '');
  }
  return clients.map((c) => {
    const e = byClient.get(c.id);
    const text = [c.names.zh, c.names.en, c.names.ar, c.contact, c.region, c.sector, c.notes, ...(e?.text ?? [])].filter(Boolean).join('\u0000');
    return { client: c, cases: e?.n ?? 0, datasets: e?.ds ?? 0, statuses: e ? [...e.st] : [], text: normalise(text) };
  });
}

const collators = new Map<string, Intl.Collator>();
const collator = (lang: NameLang) => {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(lang === 'zh' ? 'zh-CN' : lang, { sensitivity: 'base', numeric: true })));
  return c;
};

/** Filter and sort the list (search in any language: a plain substring, so Chinese needs no pinyin). */
export function filterClients(list: ClientSummary[], q: ClientQuery): ClientSummary[] {
  const needle = normalise((q.text ?? '').trim());
  const words = needle ? needle.split(/\s+/) : [];
  const out = list.filter(
    (s) =>
      (q.archived || s.client.archived === 0) &&
      (!q.status || s.statuses.includes(q.status)) &&
      (!q.sector || s.client.sector === q.sector) &&
      words.every((w) => s.text.includes(w)),
  );
  const sort = q.sort ?? 'name';
  if (sort === 'name') {
    const col = collator(q.lang);
    const keyed = out.map((s) => [clientName(s.client.names, q.lang), s] as const);
    keyed.sort((a, b) => col.compare(a[0], b[0]) || a[1].client.id.localeCompare(b[1].client.id));
    return keyed.map((k) => k[1]);
  }
  if (sort === 'updated') return out.sort((a, b) => b.client.updatedAt - a.client.updatedAt);
  return out.sort((a, b) => b.cases - a.cases || b.client.updatedAt - a.client.updatedAt);
}

/**
 * Reads what the list needs: clients and cases, in one transaction. Datasets are not read (scanning 1,500 dataset
 * rows, even by index key, costs more than the whole list; their count is shown on the client's page).
 */
export async function loadClientSummaries(d: CarbonBridgeDb): Promise<ClientSummary[]> {
  const [clients, cases] = await d.transaction('r', d.clients, d.cases, () => Promise.all([d.clients.toArray(), d.cases.toArray()]));
  return summarise(clients, cases);
}

export const SECTORS = ['aluminium', 'cement', 'iron-steel', 'fertilisers', 'hydrogen', 'electricity', 'batteries', 'other'] as const;

export type ClientInput = Omit<ClientRow, 'id' | 'createdAt' | 'updatedAt' | 'archived'> & { archived?: 0 | 1 };

export async function createClient(d: CarbonBridgeDb, input: ClientInput): Promise<ClientRow> {
  const now = Date.now();
  const row: ClientRow = { archived: 0, ...input, id: newId(), createdAt: now, updatedAt: now };
  await d.clients.add(row);
  return row;
}

export async function updateClient(d: CarbonBridgeDb, id: string, patch: Partial<Omit<ClientRow, 'id' | 'createdAt'>>): Promise<void> {
  await d.clients.update(id, { ...patch, updatedAt: Date.now() });
}

export async function setArchived(d: CarbonBridgeDb, id: string, archived: boolean): Promise<void> {
  await updateClient(d, id, { archived: archived ? 1 : 0 });
}

/** A copy of the client with its cases and their datasets (new ids; evidence and snapshots stay with the original). */
export async function duplicateClient(d: CarbonBridgeDb, id: string, suffix: string): Promise<ClientRow | undefined> {
  return d.transaction('rw', d.clients, d.cases, d.datasets, async () => {
    const c = await d.clients.get(id);
    if (!c) return undefined;
    const now = Date.now();
    const names = Object.fromEntries(Object.entries(c.names).map(([k, v]) => [k, v ? `${v} ${suffix}` : v]));
    const copy: ClientRow = { ...structuredClone(c), id: newId(), names, createdAt: now, updatedAt: now, archived: 0 };
    await d.clients.add(copy);
    for (const k of await d.cases.where('clientId').equals(id).toArray()) {
      const caseId = newId();
      const datasets = await d.datasets.where('caseId').equals(k.id).toArray();
      const idMap = new Map(datasets.map((r) => [r.id, newId()]));
      await d.cases.add({
        ...structuredClone(k),
        id: caseId,
        clientId: copy.id,
        status: 'open',
        documents: [],
        mainDatasetId: k.mainDatasetId ? idMap.get(k.mainDatasetId) : undefined,
        createdAt: now,
        updatedAt: now,
      });
      await d.datasets.bulkAdd(
        datasets.map((r): DatasetRow => ({ ...structuredClone(r), id: idMap.get(r.id)!, clientId: copy.id, caseId, createdAt: now, updatedAt: now })),
      );
    }
    return copy;
  });
}

export const isUnassigned = (id: string | undefined) => id === UNASSIGNED_CLIENT_ID;

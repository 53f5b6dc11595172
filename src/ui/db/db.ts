/**
 * The browser database (IndexedDB through Dexie). Versioned schema with an upgrade path:
 *  v1: datasets(id, name, updatedAt), results(id, datasetId), settings(key)
 *  v2: datasets gain `createdAt`, `cn` (CN/HS code, indexed for the library/search) and `origin`
 *      (sample | import | new); results gain a compound index [datasetId+kind]. Upgrade fills the new
 *      fields from the stored dataset.
 *  v3: mappings(signature, updatedAt): column mappings of the import screen, remembered per sheet shape
 *      (the core's shape signature); no change to the other tables.
 *  v4: the advisory window. clients(id, updatedAt, archived, sector), cases(id, clientId, status, updatedAt),
 *      evidence(id, caseId, [caseId+item]), snapshots(id, caseId, createdAt), userPacks(id) (rule packs the user
 *      loaded in the Library: id, version, status, loadedAt, json); datasets gain `clientId` and `caseId`.
 *      Upgrade: every existing dataset goes into an "Unassigned" client, one case per dataset, the dataset
 *      row itself unchanged except for the two new keys.
 * Rows hold the dataset JSON exactly as validated by the core; nothing here interprets it beyond reading
 * the product code and name for listing.
 */
import Dexie, { type Table } from 'dexie';

export const DB_NAME = 'carbonbridge';
export const DB_VERSION = 4;

export type DatasetOrigin = 'sample' | 'import' | 'new';

export interface DatasetRow {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  cn: string;
  origin: DatasetOrigin;
  /** sample file name when opened from the gallery */
  sample?: string;
  /** client and case the dataset belongs to (v4); absent for a dataset made outside any case */
  clientId?: string;
  caseId?: string;
  /** revision of the saved record: 1 on creation, +1 on every save (data only, not indexed); a tab holding an
   *  older revision must not overwrite a newer one without asking (src/ui/state/dataset-save.ts) */
  rev?: number;
  data: unknown;
}

export interface ResultRow {
  id: string;
  datasetId: string;
  kind: string;
  updatedAt: number;
  params?: Record<string, unknown>;
  data: unknown;
}

/** A column mapping saved from the import screen (the core's Mapping document), keyed by the sheet's shape signature. */
export interface MappingRow {
  signature: string;
  updatedAt: number;
  /** Name of the file it was made for (shown to the user only). */
  file?: string;
  mapping: unknown;
}

/** A rule pack the user loaded (Library upload); `json` is the pack file's text exactly as loaded. */
export interface UserPackRow {
  id: string;
  version: string;
  status: string;
  loadedAt: number;
  json: string;
}

export type CaseStatus = 'open' | 'waiting' | 'ready' | 'closed';
export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'waiting', 'ready', 'closed'];

/** A company the adviser helps. Names in up to three languages; at least one is set. */
export interface ClientRow {
  id: string;
  names: { zh?: string; en?: string; ar?: string };
  contact?: string;
  region?: string;
  sector?: string;
  notes?: string;
  /** language the handout is printed in by default */
  lang?: 'zh' | 'en' | 'ar';
  /** 0 or 1 (IndexedDB cannot index booleans) */
  archived: 0 | 1;
  createdAt: number;
  updatedAt: number;
}

/** One product and period for one client. */
export interface CaseRow {
  id: string;
  clientId: string;
  title: string;
  /** CN code of the product (spaces removed) */
  cn?: string;
  /** reporting period, e.g. "2026" or "2026-Q1" */
  period?: string;
  status: CaseStatus;
  /** adviser name shown on the handout */
  adviser?: string;
  notes?: string;
  nextSteps?: string;
  /** free-text list of data still missing (one per line) */
  missing?: string;
  /** the dataset the handout is made from (one of the case's datasets) */
  mainDatasetId?: string;
  /** inputs for the conversion and the cost comparison (passed to the core as they are) */
  mass?: number;
  route?: string;
  price?: number;
  electricity?: string;
  euDefaultEf?: number;
  actualEf?: number;
  documents?: { kind: string; at: number; snapshotHash?: string }[];
  createdAt: number;
  updatedAt: number;
}

/** One line of the verification checklist for a case, with an optional attached file. */
export interface EvidenceRow {
  id: string;
  caseId: string;
  /** checklist item id (from the pack's verifier requirements) */
  item: string;
  state: 'present' | 'missing' | 'na';
  note?: string;
  fileName?: string;
  fileType?: string;
  fileSize?: number;
  sha256?: string;
  file?: ArrayBuffer;
  updatedAt: number;
}

/** A frozen case: canonical JSON of its content and the SHA-256 of it. Never modified after creation. */
export interface SnapshotRow {
  id: string;
  caseId: string;
  createdAt: number;
  hash: string;
  /** canonical JSON text that was hashed */
  canonical: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** Schema of each version (kept so the upgrade test can create an old database). */
export const SCHEMAS: Record<number, Record<string, string>> = {
  1: { datasets: 'id, name, updatedAt', results: 'id, datasetId', settings: 'key' },
  2: { datasets: 'id, name, updatedAt, cn, origin', results: 'id, datasetId, [datasetId+kind], updatedAt', settings: 'key' },
  3: { datasets: 'id, name, updatedAt, cn, origin', results: 'id, datasetId, [datasetId+kind], updatedAt', settings: 'key', mappings: 'signature, updatedAt' },
  4: {
    datasets: 'id, name, updatedAt, cn, origin, clientId, caseId',
    results: 'id, datasetId, [datasetId+kind], updatedAt',
    settings: 'key',
    mappings: 'signature, updatedAt',
    clients: 'id, updatedAt, archived, sector',
    cases: 'id, clientId, status, updatedAt',
    evidence: 'id, caseId, [caseId+item]',
    snapshots: 'id, caseId, createdAt',
    userPacks: 'id',
  },
};

/** Id of the client that receives datasets from before clients existed. */
export const UNASSIGNED_CLIENT_ID = 'unassigned';

/** Reads the product code from a dataset object without depending on the exact schema. */
export function productCode(data: unknown): string {
  const p = (data as { product?: Record<string, unknown> } | null)?.product;
  const raw = p?.cnCode ?? p?.cn ?? p?.hsCode ?? p?.code ?? '';
  return typeof raw === 'string' ? raw.replace(/\s+/g, '') : '';
}

export class CarbonBridgeDb extends Dexie {
  datasets!: Table<DatasetRow, string>;
  results!: Table<ResultRow, string>;
  settings!: Table<SettingRow, string>;
  mappings!: Table<MappingRow, string>;
  clients!: Table<ClientRow, string>;
  cases!: Table<CaseRow, string>;
  evidence!: Table<EvidenceRow, string>;
  snapshots!: Table<SnapshotRow, string>;
  userPacks!: Table<UserPackRow, string>;

  constructor(name = DB_NAME, opts?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, opts);
    this.version(1).stores(SCHEMAS[1]!);
    this.version(2)
      .stores(SCHEMAS[2]!)
      .upgrade(async (tx) => {
        await tx
          .table('datasets')
          .toCollection()
          .modify((row: Partial<DatasetRow> & { updatedAt?: number; sample?: string }) => {
            row.createdAt ??= row.updatedAt ?? Date.now();
            row.cn ??= productCode(row.data);
            row.origin ??= row.sample ? 'sample' : 'import';
          });
        await tx
          .table('results')
          .toCollection()
          .modify((row: Partial<ResultRow>) => {
            row.kind ??= 'cbam';
            row.updatedAt ??= Date.now();
          });
      });
    this.version(3).stores(SCHEMAS[3]!);
    this.version(4)
      .stores(SCHEMAS[4]!)
      .upgrade(async (tx) => {
        const rows = (await tx.table('datasets').toArray()) as DatasetRow[];
        if (rows.length === 0) return;
        const now = Date.now();
        await tx.table('clients').put(unassignedClient(now));
        const cases: CaseRow[] = rows.map((r) => ({
          id: `unassigned-${r.id}`,
          clientId: UNASSIGNED_CLIENT_ID,
          title: r.name,
          cn: r.cn || undefined,
          status: 'open',
          mainDatasetId: r.id,
          createdAt: r.createdAt ?? now,
          updatedAt: r.updatedAt ?? now,
        }));
        await tx.table('cases').bulkPut(cases);
        await tx
          .table('datasets')
          .toCollection()
          .modify((row: DatasetRow) => {
            row.clientId = UNASSIGNED_CLIENT_ID;
            row.caseId = `unassigned-${row.id}`;
          });
      });
    // a snapshot is evidence for a verifier: once written it is never changed (a new freeze adds a new row)
    this.snapshots.hook('updating', () => {
      throw new Error('snapshots cannot be edited');
    });
  }
}

/** The "Unassigned" client (names are translated on display; these are the stored defaults). */
export function unassignedClient(now = Date.now()): ClientRow {
  return {
    id: UNASSIGNED_CLIENT_ID,
    names: { zh: '未分配', en: 'Unassigned', ar: 'غير مخصص' },
    archived: 0,
    createdAt: now,
    updatedAt: now,
  };
}

let instance: CarbonBridgeDb | null = null;
export function db(): CarbonBridgeDb {
  return (instance ??= new CarbonBridgeDb());
}

export function newId(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/* ---- repository helpers (used by the UI and the tests) ---- */

export async function saveDataset(d: CarbonBridgeDb, row: Omit<DatasetRow, 'createdAt' | 'updatedAt' | 'cn'> & Partial<DatasetRow>): Promise<DatasetRow> {
  const now = Date.now();
  const prev = await d.datasets.get(row.id);
  const full: DatasetRow = {
    ...row,
    // a save that does not mention the case (an editor holding an older row) keeps the dataset in its case
    ...('clientId' in row ? {} : prev?.clientId !== undefined ? { clientId: prev.clientId } : {}),
    ...('caseId' in row ? {} : prev?.caseId !== undefined ? { caseId: prev.caseId } : {}),
    createdAt: prev?.createdAt ?? row.createdAt ?? now,
    updatedAt: now,
    cn: productCode(row.data),
    rev: (prev?.rev ?? 0) + 1,
  };
  await d.datasets.put(full);
  return full;
}

export async function listDatasets(d: CarbonBridgeDb): Promise<DatasetRow[]> {
  return d.datasets.orderBy('updatedAt').reverse().toArray();
}

export async function deleteDataset(d: CarbonBridgeDb, id: string): Promise<void> {
  await d.transaction('rw', d.datasets, d.results, async () => {
    await d.datasets.delete(id);
    await d.results.where('datasetId').equals(id).delete();
  });
}

export async function saveResult(d: CarbonBridgeDb, row: Omit<ResultRow, 'updatedAt'>): Promise<ResultRow> {
  const full: ResultRow = { ...row, updatedAt: Date.now() };
  await d.results.put(full);
  return full;
}

export async function latestResult(d: CarbonBridgeDb, datasetId: string, kind: string): Promise<ResultRow | undefined> {
  const rows = await d.results.where('[datasetId+kind]').equals([datasetId, kind]).toArray();
  return rows.sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

export async function getSetting<T>(d: CarbonBridgeDb, key: string, fallback: T): Promise<T> {
  const row = await d.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function setSetting(d: CarbonBridgeDb, key: string, value: unknown): Promise<void> {
  await d.settings.put({ key, value });
}

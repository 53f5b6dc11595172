/**
 * The browser database (IndexedDB through Dexie). Versioned schema with an upgrade path:
 *  v1: datasets(id, name, updatedAt), results(id, datasetId), settings(key)
 *  v2: datasets gain `createdAt`, `cn` (CN/HS code, indexed for the library/search) and `origin`
 *      (sample | import | new); results gain a compound index [datasetId+kind]. Upgrade fills the new
 *      fields from the stored dataset.
 *  v3: mappings(signature, updatedAt): column mappings of the import screen, remembered per sheet shape
 *      (the core's shape signature); no change to the other tables.
 * Rows hold the dataset JSON exactly as validated by the core; nothing here interprets it beyond reading
 * the product code and name for listing.
 */
import Dexie, { type Table } from 'dexie';

export const DB_NAME = 'carbonbridge';
export const DB_VERSION = 3;

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

export interface SettingRow {
  key: string;
  value: unknown;
}

/** Schema of each version (kept so the upgrade test can create an old database). */
export const SCHEMAS: Record<number, Record<string, string>> = {
  1: { datasets: 'id, name, updatedAt', results: 'id, datasetId', settings: 'key' },
  2: { datasets: 'id, name, updatedAt, cn, origin', results: 'id, datasetId, [datasetId+kind], updatedAt', settings: 'key' },
  3: { datasets: 'id, name, updatedAt, cn, origin', results: 'id, datasetId, [datasetId+kind], updatedAt', settings: 'key', mappings: 'signature, updatedAt' },
};

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
  }
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
    createdAt: prev?.createdAt ?? row.createdAt ?? now,
    updatedAt: now,
    cn: productCode(row.data),
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

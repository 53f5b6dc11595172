/**
 * The import screen's plumbing: file type gate, running the core's import in its worker (through the client in
 * src/ui/workers), base datasets (a saved one or a sample), and saving the imported dataset (as a new dataset, or
 * replacing a saved one only when the caller has the user's explicit confirmation). No import logic lives here:
 * reading, mapping, checking and merging are the core's (src/core/io), through `importFile`.
 */
import { importFile, type ImportFileOptions, type ImportResult } from '../workers/import-client';
import { db, saveDataset, type DatasetRow } from '../db/db';
import { validateDataset, type Dataset, type Problem } from '../core';
import { createFromRaw, datasetName } from './datasets';
import { knownMappings } from './import-mappings';

export type { ImportResult, ImportProblem } from '../workers/import-client';
export type { Mapping, MapField } from '../core';
import type { Mapping } from '../core';
/** Default values of a mapping (for fields no column gives). */
export type MappingDefaults = NonNullable<Mapping['defaults']>;
export { MAP_FIELDS, mapFieldLabelKey, LISTS, LIMITS } from '../core';

/** File name endings the import screen offers (what the core reads: Excel workbooks and CSV text). */
export const ACCEPTED = ['.xlsx', '.xls', '.csv'] as const;
export const ACCEPT_ATTR = [...ACCEPTED, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel', 'text/csv'].join(',');

export const isCsvName = (name: string): boolean => /\.csv$/i.test(name);
export const hasAcceptedType = (name: string): boolean => ACCEPTED.some((x) => name.toLowerCase().endsWith(x));

/** An error result in the core's own form (same messages as the core's file checks). */
export function wrongTypeResult(name: string): ImportResult {
  return {
    kind: 'error',
    problems: [{ severity: 'error', message: { key: 'import:error.notSpreadsheet', params: { file: name } }, fix: { key: 'import:fix.chooseSpreadsheet' } }],
  };
}

export interface RunOptions extends Omit<ImportFileOptions, 'knownMappings'> {
  /** Hand the remembered mappings to the core (it uses the one with this file's signature). */
  remembered?: boolean;
}

/** Run one import in the worker. `base` must be a plain object (not a reactive proxy): it is posted to the worker. */
export async function runImport(file: File, opts: RunOptions = {}): Promise<ImportResult> {
  const { remembered = false, ...rest } = opts;
  if (!hasAcceptedType(file.name)) return wrongTypeResult(file.name);
  const known = remembered && rest.mapping === undefined ? await knownMappings(db()) : undefined;
  return importFile(file, { ...rest, ...(known?.length ? { knownMappings: known } : {}) });
}

/** A base dataset: a saved dataset (`ds:<id>`) or a sample (`sample:<file>`), checked by the core. */
export type BaseOutcome = { ok: true; dataset: Dataset; label: string; savedId?: string } | { ok: false; problems: Problem[] };

export async function loadBase(choice: string): Promise<BaseOutcome> {
  let raw: unknown;
  let savedId: string | undefined;
  let fallback = '';
  if (choice.startsWith('ds:')) {
    const row = await db().datasets.get(choice.slice(3));
    if (!row) return { ok: false, problems: [] };
    raw = row.data;
    savedId = row.id;
    fallback = row.name;
  } else if (choice.startsWith('sample:')) {
    const file = choice.slice(7);
    const res = await fetch(`samples/${encodeURIComponent(file)}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    raw = await res.json();
    fallback = file;
  } else return { ok: false, problems: [] };
  const v = validateDataset(raw);
  if (!v.ok || !v.dataset) return { ok: false, problems: v.problems.filter((p) => p.severity === 'error') };
  return { ok: true, dataset: v.dataset, label: datasetName(raw, fallback), ...(savedId ? { savedId } : {}) };
}

/** Save as a new dataset (origin: import). */
export async function saveAsNew(dataset: Dataset): Promise<DatasetRow> {
  return createFromRaw(structuredClone(dataset), 'import');
}

/**
 * Replace a saved dataset's content. `confirmed` must carry the user's explicit confirmation (the screen asks);
 * without it nothing is written.
 */
export async function replaceExisting(id: string, dataset: Dataset, confirmed: boolean): Promise<DatasetRow | undefined> {
  if (!confirmed) return undefined;
  const d = db();
  const row = await d.datasets.get(id);
  if (!row) return undefined;
  return saveDataset(d, { ...row, name: datasetName(dataset, row.name), data: structuredClone(dataset) });
}

/** Megabytes for messages, one decimal. */
export const megabytes = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

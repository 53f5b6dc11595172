/**
 * The dataset being edited: the raw JSON (which may be invalid while the user types), the core's findings
 * for it (re-validated on every change), undo/redo history and autosave to the browser database.
 */
import { validateDataset, type Problem } from '../core';
import { db, saveDataset, type DatasetRow } from '../db/db';
import { getAt, setAt, pathKey, type Path } from './path';
import { datasetName } from './datasets';
import { ensurePersistence } from './storage.svelte';

const HISTORY_LIMIT = 200;
const COALESCE_MS = 1200;
export const AUTOSAVE_MS = 300;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export class DatasetEditor {
  row: DatasetRow;
  data = $state<Record<string, unknown>>({});
  problems = $state<Problem[]>([]);
  status = $state<SaveStatus>('saved');
  savedAt = $state<number>(0);
  canUndo = $state(false);
  canRedo = $state(false);

  private past: string[] = [];
  private future: string[] = [];
  private lastKey = '';
  private lastTime = 0;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private validateTimer: ReturnType<typeof setTimeout> | null = null;

  byPath = $derived.by(() => {
    const m = new Map<string, Problem[]>();
    for (const p of this.problems) {
      const k = pathKey(p.path);
      const list = m.get(k);
      if (list) list.push(p);
      else m.set(k, [p]);
    }
    return m;
  });

  constructor(row: DatasetRow) {
    this.row = row;
    this.data = structuredClone(row.data ?? {}) as Record<string, unknown>;
    this.savedAt = row.updatedAt;
    this.validateNow();
  }

  snapshot(): Record<string, unknown> {
    return $state.snapshot(this.data) as Record<string, unknown>;
  }

  get(path: Path): unknown {
    return getAt(this.data, path);
  }

  /** Problems exactly at a path. */
  at(path: Path): Problem[] {
    return this.byPath.get(pathKey(path)) ?? [];
  }

  /** Problems at or below a path (e.g. one inventory line). */
  under(path: Path): Problem[] {
    const k = pathKey(path);
    return this.problems.filter((p) => {
      const pk = pathKey(p.path);
      return pk === k || pk.startsWith(k + '.');
    });
  }

  /** Set one value; typing in the same field within a moment is one undo step. */
  set(path: Path, value: unknown): void {
    this.change(`set:${pathKey(path)}`, (d) => setAt(d, path, value));
  }

  /** Apply a structural change (add, delete, duplicate …) as its own undo step, or coalesced by key. */
  change(key: string | null, fn: (d: Record<string, unknown>) => void): void {
    const now = Date.now();
    const coalesce = key !== null && key === this.lastKey && now - this.lastTime < COALESCE_MS;
    if (!coalesce) {
      this.past.push(JSON.stringify(this.snapshot()));
      if (this.past.length > HISTORY_LIMIT) this.past.shift();
    }
    this.lastKey = key ?? '';
    this.lastTime = now;
    this.future = [];
    fn(this.data);
    this.afterChange();
  }

  undo(): void {
    const prev = this.past.pop();
    if (prev === undefined) return;
    this.future.push(JSON.stringify(this.snapshot()));
    this.data = JSON.parse(prev);
    this.lastKey = '';
    this.afterChange();
  }

  redo(): void {
    const next = this.future.pop();
    if (next === undefined) return;
    this.past.push(JSON.stringify(this.snapshot()));
    this.data = JSON.parse(next);
    this.lastKey = '';
    this.afterChange();
  }

  private afterChange(): void {
    this.canUndo = this.past.length > 0;
    this.canRedo = this.future.length > 0;
    this.status = 'pending';
    if (this.validateTimer) clearTimeout(this.validateTimer);
    this.validateTimer = setTimeout(() => this.validateNow(), 120);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveNow(), AUTOSAVE_MS);
  }

  validateNow(): void {
    this.validateTimer = null;
    this.problems = validateDataset(this.snapshot()).problems;
  }

  async saveNow(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    this.status = 'saving';
    try {
      const data = this.snapshot();
      const saved = await saveDataset(db(), { ...this.row, name: datasetName(data, this.row.name), data });
      this.row = saved;
      this.savedAt = saved.updatedAt;
      this.status = this.saveTimer ? 'pending' : 'saved';
      ensurePersistence();
    } catch {
      this.status = 'error';
    }
  }

  /** Save anything pending (leaving the page). */
  flush(): Promise<void> {
    return this.saveTimer || this.status === 'pending' ? this.saveNow() : Promise.resolve();
  }
}

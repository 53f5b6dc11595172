/**
 * The dataset being edited: the raw JSON (which may be invalid while the user types), the core's findings
 * for it (re-validated on every change), undo/redo history and autosave to the browser database.
 */
import { validateDataset, type Problem } from '../core';
import { db, type DatasetRow } from '../db/db';
import { saveIfCurrent, writeJournal, readJournal, clearJournal, announce, onRevision, sameData, type RevMessage } from './dataset-save';
import { getAt, setAt, pathKey, type Path } from './path';
import { datasetName } from './datasets';
import { ensurePersistence } from './storage.svelte';

const HISTORY_LIMIT = 200;
const COALESCE_MS = 1200;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

export class DatasetEditor {
  row: DatasetRow;
  data = $state<Record<string, unknown>>({});
  problems = $state<Problem[]>([]);
  status = $state<SaveStatus>('saved');
  savedAt = $state<number>(0);
  canUndo = $state(false);
  canRedo = $state(false);
  /** a newer revision saved in another tab while this one has edits not written (the user chooses) */
  conflict = $state.raw<DatasetRow | null>(null);
  /** the dataset shown was replaced by a newer revision saved in another tab */
  updatedElsewhere = $state(false);
  /** the revision the edits here are made on */
  baseRev = $state(0);
  /** edits made since the last write started */
  private dirty = false;
  private again = false;
  private inFlight: Promise<void> | null = null;

  private past: string[] = [];
  private future: string[] = [];
  private lastKey = '';
  private lastTime = 0;
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
    this.baseRev = row.rev ?? 0;
    // edits kept when the page went away before they were written: take them back
    const j = readJournal(row.id);
    if (j && !sameData(j.data, row.data)) {
      this.data = structuredClone(j.data ?? {}) as Record<string, unknown>;
      this.baseRev = j.rev;
      this.dirty = true;
      this.status = 'pending';
      this.validateNow();
      void this.saveNow();
      return;
    }
    if (j) clearJournal(row.id);
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
    this.dirty = true;
    if (this.status !== 'conflict') this.status = 'pending';
    if (this.validateTimer) clearTimeout(this.validateTimer);
    this.validateTimer = setTimeout(() => this.validateNow(), 120);
    // written through at once (a save in flight is followed by one more): a browser killed 100 ms after an
    // edit keeps it; the journal covers the page going away before the write ends
    void this.saveNow();
  }

  validateNow(): void {
    this.validateTimer = null;
    this.problems = validateDataset(this.snapshot()).problems;
  }

  /** Write the edits now (or after the save in flight); a newer revision saved elsewhere stops it (conflict). */
  saveNow(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    if (this.status === 'conflict') return Promise.resolve();
    this.inFlight = this.doSave();
    return this.inFlight;
  }

  private async doSave(): Promise<void> {
    this.status = 'saving';
    this.dirty = false;
    this.again = false;
    const data = this.snapshot();
    try {
      const out = await saveIfCurrent(db(), { ...this.row, name: datasetName(data, this.row.name), data }, this.baseRev);
      if (!out.ok && sameData(out.current.data, data)) {
        // the newer revision already holds exactly these edits (the journal written back, or the same edit
        // saved by the page that went away): take it, nothing to ask
        this.row = out.current;
        this.baseRev = out.current.rev ?? 0;
        this.savedAt = out.current.updatedAt;
        if (!this.dirty) clearJournal(this.row.id);
        this.status = this.dirty ? 'pending' : 'saved';
      } else if (!out.ok) {
        this.dirty = true;
        this.conflict = out.current;
        this.status = 'conflict';
        this.writeJournal();
        return;
      } else {
        this.row = out.row;
        this.baseRev = out.row.rev ?? this.baseRev + 1;
        this.savedAt = out.row.updatedAt;
        if (!this.dirty) clearJournal(this.row.id);
        announce(this.row.id, this.baseRev);
        this.status = this.dirty ? 'pending' : 'saved';
        ensurePersistence();
      }
    } catch {
      this.dirty = true;
      this.status = 'error';
      this.writeJournal();
    } finally {
      this.inFlight = null;
    }
    const st = this.status as SaveStatus;
    if ((this.dirty || this.again) && st !== 'error' && st !== 'conflict') await this.saveNow();
  }

  /** Edits not yet in the database. */
  get unsaved(): boolean {
    return this.dirty || this.inFlight !== null || this.status === 'conflict' || this.status === 'error';
  }

  /** Keep the unsaved edits in the journal (the page is going away) and start writing them. */
  writeJournal(): void {
    if (this.dirty || this.inFlight || this.status === 'conflict' || this.status === 'error')
      writeJournal({ id: this.row.id, rev: this.baseRev, at: Date.now(), data: this.snapshot() });
  }

  /** Save anything pending (leaving the view or the page). */
  async flush(): Promise<void> {
    for (let i = 0; i < 20 && (this.inFlight || (this.dirty && this.status !== 'conflict' && this.status !== 'error')); i++)
      await (this.inFlight ?? this.saveNow());
  }

  /** Conflict: take the newer revision saved in another tab (undo brings the edits of this tab back). */
  useTheirs(): void {
    const c = this.conflict;
    if (!c) return;
    this.past.push(JSON.stringify(this.snapshot()));
    this.future = [];
    this.adopt(c);
    this.canUndo = true;
    this.canRedo = false;
    clearJournal(c.id);
  }

  /** Conflict: the user chose to overwrite the newer revision with the edits of this tab. */
  keepMine(): Promise<void> {
    const c = this.conflict;
    if (!c) return Promise.resolve();
    this.baseRev = c.rev ?? 0;
    this.conflict = null;
    this.status = 'pending';
    this.dirty = true;
    return this.saveNow();
  }

  private adopt(row: DatasetRow): void {
    this.row = row;
    this.baseRev = row.rev ?? 0;
    this.data = JSON.parse(JSON.stringify(row.data ?? {})) as Record<string, unknown>;
    this.savedAt = row.updatedAt;
    this.conflict = null;
    this.dirty = false;
    this.status = 'saved';
    this.validateNow();
  }

  /** Another tab saved a revision: take it when nothing is pending here, otherwise ask. */
  private async onRemote(m: RevMessage): Promise<void> {
    if (m.id !== this.row.id || m.rev <= this.baseRev) return;
    const current = await db().datasets.get(m.id);
    if (!current || (current.rev ?? 0) <= this.baseRev) return;
    if (!this.dirty && !this.inFlight && this.status !== 'conflict') {
      this.adopt(current);
      this.updatedElsewhere = true;
    } else {
      this.conflict = current;
      this.status = 'conflict';
    }
  }

  /** Page lifecycle: journal on pagehide / hidden, prompt before unloading unsaved edits, hear other tabs. */
  attach(): () => void {
    if (typeof window === 'undefined') return () => {};
    const hide = () => {
      this.writeJournal();
      if (this.dirty && !this.inFlight && this.status !== 'conflict') void this.saveNow();
    };
    const vis = () => {
      if (document.visibilityState === 'hidden') hide();
    };
    const before = (e: BeforeUnloadEvent) => {
      if (!this.unsaved) return;
      this.writeJournal();
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('pagehide', hide);
    document.addEventListener('visibilitychange', vis);
    window.addEventListener('beforeunload', before);
    const stop = onRevision((m) => void this.onRemote(m));
    return () => {
      window.removeEventListener('pagehide', hide);
      document.removeEventListener('visibilitychange', vis);
      window.removeEventListener('beforeunload', before);
      stop();
    };
  }
}

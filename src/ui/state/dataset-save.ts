/**
 * Nothing saved is lost, nothing newer is overwritten:
 *  - saveIfCurrent writes a dataset only when the stored record still has the revision the editor started from
 *    (one read-write transaction, so a second tab cannot slip in between); otherwise it returns the newer record;
 *  - a journal in localStorage keeps edits not yet written when the page goes away (reload, tab closed,
 *    navigation) and is written back on the next start;
 *  - a BroadcastChannel tells the other tabs that a dataset has a new revision.
 */
import { productCode, type CarbonBridgeDb, type DatasetRow } from '../db/db';

export type SaveOutcome = { ok: true; row: DatasetRow } | { ok: false; current: DatasetRow };

class Stale {
  constructor(readonly current: DatasetRow) {}
}

/**
 * The read and the write go out together in one transaction (one round trip: a browser killed shortly after an
 * edit has it on disk); a stale revision found by the read aborts the transaction, so the write is rolled back.
 */
export async function saveIfCurrent(d: CarbonBridgeDb, row: DatasetRow, baseRev: number): Promise<SaveOutcome> {
  const now = Date.now();
  const full: DatasetRow = { ...row, createdAt: row.createdAt ?? now, updatedAt: now, cn: productCode(row.data), rev: baseRev + 1 };
  try {
    await d.transaction('rw', d.datasets, () => {
      const check = d.datasets.get(row.id).then((prev) => {
        if (prev && (prev.rev ?? 0) !== baseRev) throw new Stale(prev);
      });
      const put = d.datasets.put(full);
      return Promise.all([check, put]);
    });
    return { ok: true, row: full };
  } catch (e) {
    if (e instanceof Stale) return { ok: false, current: e.current };
    throw e;
  }
}

/* ---- journal of edits not yet written ---- */

const PREFIX = 'carbonbridge:pending:';
export interface Journal {
  id: string;
  /** the revision the edits were made on */
  rev: number;
  at: number;
  data: unknown;
}

function store(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function writeJournal(j: Journal): boolean {
  try {
    store()?.setItem(PREFIX + j.id, JSON.stringify(j));
    return true;
  } catch {
    return false; // quota: the database write still runs
  }
}

export function readJournal(id: string): Journal | null {
  try {
    const raw = store()?.getItem(PREFIX + id);
    return raw ? (JSON.parse(raw) as Journal) : null;
  } catch {
    return null;
  }
}

export function clearJournal(id: string): void {
  try {
    store()?.removeItem(PREFIX + id);
  } catch {
    /* ignore */
  }
}

export function journalIds(): string[] {
  const s = store();
  if (!s) return [];
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX)) out.push(k.slice(PREFIX.length));
  }
  return out;
}

export const sameData = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * At start: write back journaled edits whose record has not moved on since. A journal whose record is newer
 * and different is left for the editor, which asks the user.
 */
export async function recoverJournals(d: CarbonBridgeDb): Promise<number> {
  let n = 0;
  for (const id of journalIds()) {
    const j = readJournal(id);
    if (!j) {
      clearJournal(id);
      continue;
    }
    const row = await d.datasets.get(id);
    if (!row) continue;
    if (sameData(row.data, j.data)) clearJournal(id);
    else if ((row.rev ?? 0) === j.rev) {
      const out = await saveIfCurrent(d, { ...row, data: j.data }, j.rev);
      if (out.ok) {
        clearJournal(id);
        announce(id, out.row.rev ?? 0);
        n++;
      }
    }
  }
  return n;
}

/* ---- other tabs ---- */

export const TAB_ID = Math.random().toString(36).slice(2);
export interface RevMessage {
  id: string;
  rev: number;
  tab: string;
}
let channel: BroadcastChannel | null = null;
function bc(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  return (channel ??= new BroadcastChannel('carbonbridge:datasets'));
}

export function announce(id: string, rev: number): void {
  bc()?.postMessage({ id, rev, tab: TAB_ID } satisfies RevMessage);
}

/** Listen for new revisions saved by other tabs; returns the function that stops listening. */
export function onRevision(fn: (m: RevMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const own = new BroadcastChannel('carbonbridge:datasets');
  own.onmessage = (e: MessageEvent<RevMessage>) => {
    if (e.data && e.data.tab !== TAB_ID) fn(e.data);
  };
  return () => own.close();
}

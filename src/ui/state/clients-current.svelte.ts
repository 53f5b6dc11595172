/**
 * The client and case the adviser is working on, shown in the header of every view. Set when a client, a case,
 * its handout, or one of its datasets is opened; kept across reloads in localStorage.
 */
import { db, type CaseRow, type ClientRow } from '../db/db';

const LS_KEY = 'cb.current';

class CurrentState {
  client = $state<ClientRow | null>(null);
  case = $state<CaseRow | null>(null);
}
export const current = new CurrentState();

function remember(clientId: string | null, caseId: string | null): void {
  try {
    localStorage.setItem(LS_KEY, JSON.stringify({ clientId, caseId }));
  } catch {
    /* private mode */
  }
}

export async function setCurrentClient(clientId: string): Promise<void> {
  const c = clientId ? await db().clients.get(clientId) : undefined;
  current.client = c ?? null;
  if (current.case && current.case.clientId !== clientId) current.case = null;
  remember(c?.id ?? null, current.case?.id ?? null);
}

export async function setCurrentCase(caseId: string): Promise<void> {
  const k = caseId ? await db().cases.get(caseId) : undefined;
  if (!k) return;
  current.case = k;
  current.client = (await db().clients.get(k.clientId)) ?? null;
  remember(current.client?.id ?? null, k.id);
}

/** A dataset opened anywhere (editor, result) makes its case current. */
export async function setCurrentFromDataset(datasetId: string): Promise<void> {
  const r = datasetId ? await db().datasets.get(datasetId) : undefined;
  if (r?.caseId) await setCurrentCase(r.caseId);
}

/** Re-reads the rows after an edit (renamed client, case title). */
export async function refreshCurrent(): Promise<void> {
  if (current.case) return setCurrentCase(current.case.id);
  if (current.client) return setCurrentClient(current.client.id);
}

export async function restoreCurrent(): Promise<void> {
  try {
    const saved = JSON.parse(localStorage.getItem(LS_KEY) ?? 'null') as { clientId?: string; caseId?: string } | null;
    if (saved?.caseId) await setCurrentCase(saved.caseId);
    else if (saved?.clientId) await setCurrentClient(saved.clientId);
  } catch {
    /* nothing saved */
  }
}

export function clearCurrent(): void {
  current.client = null;
  current.case = null;
  remember(null, null);
}

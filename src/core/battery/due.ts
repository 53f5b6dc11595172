/**
 * When a declaration becomes due, from the pack's rule: for the EU, the later of the statutory date and the
 * entry into force of the methodology and format acts plus the lag; while an act is not in force no date
 * can be computed and the declaration is not yet legally due. For China, a trial phase then routine.
 */
import type { BatteryDetails } from './details';
import type { BatteryRules, DueKey } from './rules';

type Text3 = { en: string; zh: string; ar: string };

export type DueResult =
  | {
      kind: 'later-of-statutory-and-acts';
      key: DueKey;
      statutory: string | null;
      lagMonths: number | null;
      acts: { id: string; title: Text3; status: string; entryIntoForce: string | null }[];
      /** Acts not yet in force (ids): while any is pending, dueDate is null. */
      pending: string[];
      dueDate: string | null;
      legallyDue: boolean;
      source: BatteryRules['due']['source'];
    }
  | {
      kind: 'trial-then-routine';
      phase: 'before' | 'trial' | 'routine';
      trialFrom: string;
      trialUntil: string;
      routineFrom: string;
      source: BatteryRules['due']['source'];
    };

/** The Art. 7 date row a battery falls under. */
export function dueKeyOf(b: Pick<BatteryDetails, 'category' | 'exclusivelyExternalStorage'>): DueKey {
  if (b.category === 'ev') return 'ev';
  if (b.category === 'lmt') return 'lmt';
  return b.exclusivelyExternalStorage ? 'industrial-external' : 'industrial';
}

/** ISO date + n months (the day is clamped to the month's last day). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * @param asOf the date the status is judged on (ISO)
 * @param actDates entry-into-force dates to assume for acts the pack lists as pending (what-if), by act id
 */
export function computeDue(
  rules: BatteryRules,
  b: Pick<BatteryDetails, 'category' | 'exclusivelyExternalStorage'>,
  asOf: string,
  actDates: Record<string, string> = {},
): DueResult {
  const due = rules.due;
  if (due.kind === 'trial-then-routine') {
    const phase = asOf < due.trialFrom ? 'before' : asOf <= due.trialUntil ? 'trial' : 'routine';
    return { kind: due.kind, phase, trialFrom: due.trialFrom, trialUntil: due.trialUntil, routineFrom: due.routineFrom, source: due.source };
  }
  const key = dueKeyOf(b);
  const statutory = due.statutory[key] ?? null;
  const lagMonths = due.lagMonths[key] ?? null;
  const acts = due.acts.map((a) => ({ id: a.id, title: a.title, status: a.status, entryIntoForce: a.entryIntoForce ?? actDates[a.id] ?? null }));
  const pending = acts.filter((a) => a.entryIntoForce === null).map((a) => a.id);
  let dueDate: string | null = null;
  if (statutory && lagMonths !== null && pending.length === 0) {
    const latestAct = acts
      .map((a) => a.entryIntoForce!)
      .sort()
      .at(-1);
    const afterActs = latestAct ? addMonths(latestAct, lagMonths) : statutory;
    dueDate = afterActs > statutory ? afterActs : statutory;
  }
  return { kind: due.kind, key, statutory, lagMonths, acts, pending, dueDate, legallyDue: dueDate !== null && asOf >= dueDate, source: due.source };
}

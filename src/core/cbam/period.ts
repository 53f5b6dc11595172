/** Reporting periods of border-adjustment schemes: a calendar year, a quarter or a single day. */
import type { Message } from '../i18n/message';

/** A reporting period: a calendar year, a quarter or a single day, with its first and last day. */
export interface CbamPeriod {
  kind: 'year' | 'quarter' | 'date';
  label: string;
  year: number;
  quarter?: 1 | 2 | 3 | 4;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const QSTART = ['01-01', '04-01', '07-01', '10-01'];
const QEND = ['03-31', '06-30', '09-30', '12-31'];

/** Parses '2026', '2026-Q1' (also 'Q1-2026', '2026Q1', lower case), or a date '2026-02-15'. */
export function parseCbamPeriod(input: string): { ok: true; period: CbamPeriod } | { ok: false; error: Message } {
  const s = String(input ?? '')
    .trim()
    .toUpperCase()
    .replace(/\s+/g, '');
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})$/))) {
    const y = Number(m[1]);
    return { ok: true, period: { kind: 'year', label: `${y}`, year: y, start: `${y}-01-01`, end: `${y}-12-31` } };
  }
  const qm =
    s.match(/^(\d{4})-?Q([1-4])$/) ??
    s
      .match(/^Q([1-4])-?(\d{4})$/)
      ?.slice(1)
      .reverse();
  if (qm) {
    const [ys, qs] = s.startsWith('Q') ? [qm[0]!, qm[1]!] : [qm[1]!, qm[2]!];
    const y = Number(ys);
    const q = Number(qs) as 1 | 2 | 3 | 4;
    return {
      ok: true,
      period: { kind: 'quarter', label: `${y}-Q${q}`, year: y, quarter: q, start: `${y}-${QSTART[q - 1]}`, end: `${y}-${QEND[q - 1]}` },
    };
  }
  if ((m = s.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d) {
      const iso = `${y}-${pad(mo)}-${pad(d)}`;
      const q = (Math.floor((mo - 1) / 3) + 1) as 1 | 2 | 3 | 4;
      return { ok: true, period: { kind: 'date', label: iso, year: y, quarter: q, start: iso, end: iso } };
    }
  }
  return { ok: false, error: { key: 'cbam:errors.periodInvalid', params: { period: String(input ?? '') } } };
}

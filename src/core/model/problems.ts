import type { Message } from '../i18n/message';

export type Severity = 'error' | 'warning' | 'info';

/** One problem with a dataset or one finding of a rule pack, located by path (and line where it concerns one). */
export interface Problem {
  severity: Severity;
  message: Message;
  /** Path in the dataset JSON, e.g. ['inventory', 3, 'activity', 'amount']. */
  path: (string | number)[];
  /** Inventory line id and 1-based row, when the problem concerns a line. */
  line?: { id?: string; row: number };
  /** Check id and legal reference, for rule-pack findings. */
  checkId?: string;
  legalRef?: string;
}

export const pathString = (path: readonly (string | number)[]): string => path.map((p) => String(p)).join('.');

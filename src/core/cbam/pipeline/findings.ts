/** The findings of a conversion: severity, translated message, and the inventory line (row, id) they are about. */
import type { Message } from '../../i18n/message';
import type { Problem } from '../../model/problems';

export class Findings {
  readonly list: Problem[] = [];
  /** Add a finding; with a row (1-based inventory row) the finding names the line. */
  add(severity: Problem['severity'], message: Message, row?: number, id?: string): void {
    this.list.push({ severity, message, path: row ? ['inventory', row - 1] : [], ...(row ? { line: { id, row } } : {}) });
  }
  get hasError(): boolean {
    return this.list.some((f) => f.severity === 'error');
  }
  /** Append another stage's findings, line-level ones in inventory order (stable for the same row). */
  merge(other: Findings, byRow = false): void {
    const items = byRow ? [...other.list].sort((a, b) => (a.line?.row ?? 0) - (b.line?.row ?? 0)) : other.list;
    this.list.push(...items);
  }
}

/**
 * Import problems: where (sheet, 1-based row, column letter, field), what is wrong and how to fix it, each as a
 * translatable Message (namespace `import`, or `core` for dataset-schema messages re-used as they are).
 */
import { z } from 'zod';
import { msg, type Message } from '../i18n/message';

export type ImportSeverity = 'error' | 'warning' | 'info';

export interface ImportProblem {
  severity: ImportSeverity;
  sheet?: string;
  /** 1-based row as the spreadsheet shows it. */
  row?: number;
  /** Column letter as the spreadsheet shows it (A, B, …, AA). */
  column?: string;
  /** Dataset field the cell feeds (e.g. activity.amount). */
  field?: string;
  message: Message;
  fix?: Message;
}

const MessageSchema = z.object({ key: z.string().min(1), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).strict();
export const ImportProblemSchema = z
  .object({
    severity: z.enum(['error', 'warning', 'info']),
    sheet: z.string().optional(),
    row: z.number().int().positive().optional(),
    column: z
      .string()
      .regex(/^[A-Z]{1,3}$/)
      .optional(),
    field: z.string().optional(),
    message: MessageSchema,
    fix: MessageSchema.optional(),
  })
  .strict();

/** An import that cannot go on (unreadable file, limit exceeded …). Carries its problems. */
export class ImportError extends Error {
  readonly problems: ImportProblem[];
  constructor(problems: ImportProblem[]) {
    super(problems[0]?.message.key ?? 'import:error.internal');
    this.name = 'ImportError';
    this.problems = problems;
  }
}

/** A file-level error with its fix (keys relative to the `import` namespace). */
export const fileError = (key: string, params?: Record<string, string | number>, fixKey?: string, fixParams?: Record<string, string | number>): ImportError =>
  new ImportError([{ severity: 'error', message: msg(`import:error.${key}`, params), ...(fixKey ? { fix: msg(`import:fix.${fixKey}`, fixParams) } : {}) }]);

/** Collects problems, keeping at most `max` (the rest are counted in `dropped`). */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  dropped = 0;
  errors = 0;
  constructor(private readonly max: number) {}
  add(p: ImportProblem): void {
    if (p.severity === 'error') this.errors++;
    if (this.items.length < this.max) this.items.push(p);
    else this.dropped++;
  }
  /** The list, ending with a summary problem when some were dropped. */
  done(): ImportProblem[] {
    return this.dropped ? [...this.items, { severity: 'info', message: msg('import:warn.moreProblems', { count: this.dropped }) }] : this.items;
  }
}

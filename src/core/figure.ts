/**
 * The one shared type of the core for "a figure with its unit, its source and the rule that produced it".
 *
 * `Fig` is a number with its unit and a `FigSource` saying where it comes from: the dataset's lines, a rule of a pack
 * (with its `LegalRef`: act, annex, table, confidence), a field the user entered, a supplier's value, a library factor,
 * or a formula over other figures. `uncertain` carries the uncertainty flag of the reference material. A figure that
 * is not known is `null`, never 0.
 *
 * Used by the conversion pipeline, the certificate cost (cbam/cost.ts, cost-rate.ts) and the activity calculator
 * (`CalcFigure` extends it). Its written forms are derived from it, not declared beside it: the statements' printed
 * figure (`printedFigure`, cbam/docs/statements.ts) and the documents' sourced number (`sourcedNumberOf`,
 * cbam/docs/sourced.ts). figure.test.ts fails when a new look-alike type appears in src/core.
 */
import { z } from 'zod';

/**
 * A legal reference: act and annex (and table, note), with the confidence the reference material gives it. The one
 * schema of a legal reference in pack data (the rules' `legalRef`, `RuleRefSchema` of ./cbam/rules/schema) and the
 * type every figure's rule source carries.
 */
export const LegalRefSchema = z.object({
  act: z.string().min(1),
  annex: z.string().optional(),
  table: z.string().optional(),
  note: z.string().optional(),
  confidence: z.enum(['confirmed', 'likely', 'uncertain']).optional(),
});
export type LegalRef = z.infer<typeof LegalRefSchema>;

/** Where a figure comes from. */
export type FigSource =
  | { kind: 'dataset'; lines: string[]; note?: string }
  | { kind: 'rule'; ref: LegalRef }
  | { kind: 'user'; field: string }
  | { kind: 'supplier'; line: string; ref?: string; verified?: boolean }
  | { kind: 'library'; id: string; act: string }
  /** formula: the formula as text, or an i18n key (namespace:key) of the rule that produced the figure, with its params */
  | { kind: 'computed'; formula: string; params?: Record<string, string | number> };

/** A figure with its unit and source; `uncertain` carries the reference's uncertainty flag. */
export interface Fig {
  value: number;
  unit: string;
  source: FigSource;
  uncertain?: true;
}

const flag = (uncertain?: boolean): { uncertain?: true } => (uncertain ? { uncertain: true } : {});

/** A figure given by a rule (a pack constant, a default value) with its legal reference. */
export const ruleFig = (value: number, unit: string, ref: LegalRef, uncertain?: boolean): Fig => ({
  value,
  unit,
  source: { kind: 'rule', ref },
  ...flag(uncertain),
});
/** A figure computed by a formula (the formula text, or its i18n key with `params`, as the source). */
export const computedFig = (value: number, unit: string, formula: string, uncertain?: boolean, params?: Record<string, string | number>): Fig => ({
  value,
  unit,
  source: { kind: 'computed', formula, ...(params ? { params } : {}) },
  ...flag(uncertain),
});
/** A figure the user entered in an option field. */
export const userFig = (value: number, unit: string, field: string): Fig => ({ value, unit, source: { kind: 'user', field } });
/** A figure read from dataset lines. */
export const datasetFig = (value: number, unit: string, lines: string[], note?: string): Fig => ({
  value,
  unit,
  source: { kind: 'dataset', lines, ...(note ? { note } : {}) },
});

/** A pack source (act, annex, table, note) with its confidence, as a legal reference (absent fields left out). */
export function legalRefOf(
  source: { act: string; annex?: string | undefined; table?: string | undefined; note?: string | undefined },
  confidence?: LegalRef['confidence'],
): LegalRef {
  return {
    act: source.act,
    ...(source.annex ? { annex: source.annex } : {}),
    ...(source.table ? { table: source.table } : {}),
    ...(source.note ? { note: source.note } : {}),
    ...(confidence ? { confidence } : {}),
  };
}

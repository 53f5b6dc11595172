/**
 * Checked command-line input: numeric and enumerated options, reporting periods, input files (size and kind
 * checked with stat before a byte is read), JSON files read with the strict reader, and output paths (their
 * folder must exist). Each check prints one clear, translated message naming the option or the file and
 * returns exit code 2, so commands never go on with a silently wrong value.
 */
import { dirname, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { inNumberRange, JSON_LIMITS, NUMBER_RANGE_TEXT, parseJsonStrict } from '../core/model/json';
import { fieldLabel } from '../core/model/validate';
import { isCalendarDate } from '../core/model/dataset';
import { translateProblem } from '../core/i18n/translate';
import type { Problem } from '../core/model/problems';
import { EXIT, printJson, type CommandContext } from './command';

/** Largest file any command reads (a dataset of 100,000 inventory lines is about 55 MB). */
export const MAX_INPUT_BYTES = JSON_LIMITS.maxFileBytes;
/** Largest electricity emission factor accepted, tCO2/MWh (the most carbon-intensive generation, lignite, is about 1.2). */
export const MAX_EF_T_PER_MWH = 5;
/** Reporting periods accepted on the command line: from the first CBAM year to this year. */
export const PERIOD_YEARS = { min: 2023, max: 2050 } as const;

export type Checked<T> = { ok: true; value: T } | { ok: false; code: number };

/** Print one message (text or JSON) and give exit code 2. */
export function optionFail(ctx: CommandContext, key: string, params: Record<string, string | number> = {}): { ok: false; code: number } {
  const text = ctx.t(key, { ...params, interpolation: { escapeValue: false } }).trim();
  if (ctx.json) printJson(ctx.io, { ok: false, errors: [{ key, params, text }] });
  else ctx.io.stderr(`${text}\n`);
  return { ok: false, code: EXIT.UNUSABLE };
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export interface NumberSpec {
  /** Smallest value allowed (inclusive); default 0 (negative values refused). */
  min?: number;
  /** Largest value allowed (inclusive); default the documented number range. */
  max?: number;
  /** Zero is not allowed. */
  positive?: boolean;
  integer?: boolean;
  /** Unit shown in the message (tCO2/MWh …). */
  unit?: string;
}

/**
 * A decimal number option (`--ef 0.58`): only plain decimal notation (no hex `0x10`, no `Infinity`, no words),
 * finite, in the documented range, within [min, max]. Undefined when the option is absent.
 */
export function numberOption(ctx: CommandContext, name: string, spec: NumberSpec = {}): Checked<number | undefined> {
  const raw = ctx.options[name];
  if (raw === undefined) return { ok: true, value: undefined };
  const s = typeof raw === 'string' ? raw.trim() : '';
  const shown = typeof raw === 'string' ? raw.slice(0, 40) : String(raw);
  if (!DECIMAL.test(s)) return optionFail(ctx, 'cli:option.notANumber', { option: `--${name}`, value: shown });
  const n = Number(s);
  const min = spec.min ?? 0;
  const max = spec.max ?? Number(NUMBER_RANGE_TEXT.max);
  if (!inNumberRange(n) || n < min || n > max || (spec.positive && n === 0))
    return optionFail(ctx, 'cli:option.outOfRange', {
      option: `--${name}`,
      value: shown,
      min: spec.positive ? `> ${min}` : String(min),
      max: String(max),
      unit: spec.unit ?? '',
    });
  if (spec.integer && !Number.isInteger(n)) return optionFail(ctx, 'cli:option.notInteger', { option: `--${name}`, value: shown });
  return { ok: true, value: n };
}

/** An option that must be one of `allowed` (case-sensitive). */
export function enumOption<T extends string>(ctx: CommandContext, name: string, allowed: readonly T[]): Checked<T | undefined> {
  const raw = ctx.options[name];
  if (raw === undefined) return { ok: true, value: undefined };
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return { ok: true, value: raw as T };
  return optionFail(ctx, 'cli:option.notAllowed', { option: `--${name}`, value: String(raw).slice(0, 40), allowed: allowed.join(', ') });
}

/** A reporting period: a year (2026) or a quarter (2026-Q1) (or a date, with `allowDate`), within PERIOD_YEARS. Undefined when absent. */
export function periodOption(ctx: CommandContext, name = 'period', allowDate = false): Checked<string | undefined> {
  const raw = ctx.options[name];
  if (raw === undefined) return { ok: true, value: undefined };
  const s = typeof raw === 'string' ? raw.trim() : '';
  const m = /^(\d{4})(-Q[1-4])?$/i.exec(s) ?? (allowDate && isCalendarDate(s) ? /^(\d{4})-\d{2}-\d{2}$/.exec(s) : null);
  const year = m ? Number(m[1]) : NaN;
  if (!m || year < PERIOD_YEARS.min || year > PERIOD_YEARS.max)
    return optionFail(ctx, 'cli:option.badPeriod', { option: `--${name}`, value: String(raw).slice(0, 40), min: PERIOD_YEARS.min, max: PERIOD_YEARS.max });
  return { ok: true, value: s.toUpperCase() };
}

/** stat before reading: the file must exist, be a regular file (not /dev/zero, a pipe or a folder) and be small enough. */
export async function checkInputFile(ctx: CommandContext, file: string, maxBytes = MAX_INPUT_BYTES): Promise<Checked<number>> {
  let size: number;
  let isFile: boolean;
  try {
    const st = ctx.io.stat ? await ctx.io.stat(file) : await stat(file).then((s) => ({ size: s.size, isFile: s.isFile() }));
    size = st.size;
    isFile = st.isFile;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return optionFail(ctx, code === 'ENOENT' ? 'cli:error.fileNotFound' : 'cli:error.cannotRead', { file, detail: String((e as Error).message).slice(0, 200) });
  }
  if (!isFile) return optionFail(ctx, 'cli:file.notAFile', { file });
  if (size > maxBytes) return optionFail(ctx, 'cli:file.tooLarge', { file, size: mb(size), limit: mb(maxBytes) });
  return { ok: true, value: size };
}

const mb = (n: number): string => (Math.round((n / 1048576) * 10) / 10).toString();

/** The folder an output file goes to must exist (checked before any work is done). */
export async function checkOutputPath(ctx: CommandContext, file: string, option: string): Promise<Checked<string>> {
  const dir = dirname(resolve(file));
  try {
    const st = await stat(dir);
    if (!st.isDirectory()) return optionFail(ctx, 'cli:file.outFolderMissing', { option: `--${option}`, file, folder: dir });
  } catch {
    return optionFail(ctx, 'cli:file.outFolderMissing', { option: `--${option}`, file, folder: dir });
  }
  try {
    const st = await stat(file);
    if (st.isDirectory()) return optionFail(ctx, 'cli:file.outIsFolder', { option: `--${option}`, file });
  } catch {
    /* a new file */
  }
  return { ok: true, value: file };
}

/**
 * A JSON input file read with the strict reader (size checked first). `object` requires a JSON object: a file that
 * is `null`, a string, a number or an array is refused with a message naming the option.
 */
export async function readJsonInput(
  ctx: CommandContext,
  file: string,
  option: string | undefined,
  shape: 'object' | 'any' = 'object',
): Promise<Checked<unknown>> {
  const opt = option ? `--${option}` : '';
  const size = await checkInputFile(ctx, file);
  if (!size.ok) return size;
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await ctx.io.readFile(file));
  } catch (e) {
    return optionFail(ctx, 'cli:error.cannotRead', { file, detail: String((e as Error).message).slice(0, 200) });
  }
  return checkJsonText(ctx, text, file, opt, shape);
}

/**
 * The strict reader on text already read. With `syntax: false` a file that is not JSON at all passes (the caller's
 * own reader reports it in its words); duplicate keys, forbidden keys, depth, long text and numbers out of range
 * are still refused.
 */
export function checkJsonText(
  ctx: CommandContext,
  text: string,
  file: string,
  opt: string,
  shape: 'object' | 'any' = 'object',
  syntax = true,
): Checked<unknown> {
  const r = parseJsonStrict(text);
  if (!r.ok && !syntax && /^core:validation\.(notJson|truncatedJson|emptyFile)$/.test(r.problems[r.problems.length - 1]!.message.key))
    return { ok: true, value: undefined };
  if (!r.ok) {
    const problems = r.problems.map((p): Problem =>
      p.path.length ? { ...p, line: undefined, message: { ...p.message, params: { ...p.message.params, field: fieldLabel(p.path) } } } : p,
    );
    const lines = problems.map((p) => translateProblem(ctx.t, p));
    if (ctx.json) printJson(ctx.io, { ok: false, file, errors: problems.map((p, i) => ({ ...p.message, path: p.path, text: lines[i] })) });
    else
      ctx.io.stderr(
        `${ctx.t('cli:file.badJson', { option: opt, file, interpolation: { escapeValue: false } }).trim()}\n${lines.map((l) => `  ${l}`).join('\n')}\n`,
      );
    return { ok: false, code: EXIT.UNUSABLE };
  }
  const v = r.value;
  if (shape === 'object' && (v === null || typeof v !== 'object' || Array.isArray(v))) {
    const kind = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : 'boolean';
    return optionFail(ctx, 'cli:file.notAnObject', { option: opt, file, kind: ctx.t(`cli:file.kind.${kind}`) });
  }
  return { ok: true, value: v };
}

/** Terminal-safe text (its own module: the command line loads it at start, before any command). */
export { terminalSafe } from './terminal';

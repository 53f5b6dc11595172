/** Helpers shared by CLI commands: reading a dataset with translated problems, picking packs, formatting. */
import { basename } from 'node:path';
import { msg } from '../core/i18n/message';
import { translateMessage, translateProblem } from '../core/i18n/translate';
import type { Dataset } from '../core/model/dataset';
import type { Problem } from '../core/model/problems';
import { summariseProblems, validateDataset } from '../core/model/validate';
import { footprintPacks, getFootprintPack } from '../core/packs/registry';
import type { FootprintPack } from '../core/packs/schema';
import type { Fig } from '../core/figure';
import { EXIT, printJson, type CommandContext } from './command';

export interface JsonProblem extends Problem {
  text: string;
}

export const problemJson = (ctx: CommandContext, p: Problem): JsonProblem => ({ ...p, text: translateProblem(ctx.t, p) });

export function printProblems(ctx: CommandContext, problems: Problem[], stream: 'stdout' | 'stderr' = 'stderr'): void {
  const out = stream === 'stdout' ? ctx.io.stdout : ctx.io.stderr;
  for (const p of problems) {
    const sev = ctx.t(`cli:severity.${p.severity}`);
    const ref = p.legalRef ? `  [${p.legalRef}]` : '';
    out(`${sev}: ${translateProblem(ctx.t, p)}${ref}\n`);
  }
}

/** Problems printed one by one before the rest is summarised by kind. */
export const CLI_LISTED_PROBLEMS = 50;

/**
 * A long list of problems: the first CLI_LISTED_PROBLEMS one by one, then a count per kind (message and field) of
 * all problems found, and the number of lines not checked in detail. Short lists are printed whole.
 */
export function printProblemList(
  ctx: CommandContext,
  problems: Problem[],
  extra: { omitted?: number; uncheckedLines?: number } = {},
  stream: 'stdout' | 'stderr' = 'stderr',
): void {
  const out = stream === 'stdout' ? ctx.io.stdout : ctx.io.stderr;
  const total = problems.length + (extra.omitted ?? 0);
  printProblems(ctx, problems.slice(0, CLI_LISTED_PROBLEMS), stream);
  if (total > CLI_LISTED_PROBLEMS) {
    out(`\n${ctx.t('core:validation.summary', { shown: Math.min(CLI_LISTED_PROBLEMS, problems.length), total })}\n`);
    const kinds = summariseProblems(problems);
    for (const k of kinds.slice(0, 30)) {
      const example = problems[k.example]!;
      out(
        `  ${ctx.t('core:validation.summaryLine', { n: k.count, kind: `${ctx.t(`cli:severity.${k.severity}`)}: ${translateMessage(ctx.t, example.message)}`, interpolation: { escapeValue: false } })}\n`,
      );
    }
  }
  if (extra.uncheckedLines) out(`${ctx.t('core:validation.uncheckedLines', { count: extra.uncheckedLines })}\n`);
}

/** Read and validate a dataset file. On failure prints the problems (JSON with --json) and returns an exit code. */
export async function readDataset(ctx: CommandContext, file: string | undefined): Promise<{ dataset: Dataset; problems: Problem[] } | number> {
  if (!file) {
    ctx.io.stderr(`${ctx.t('cli:error.missingFile')}\n`);
    return EXIT.UNUSABLE;
  }
  let text: string;
  try {
    const bytes = await ctx.io.readFile(file);
    text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    ctx.io.stderr(`${ctx.t(code === 'ENOENT' ? 'cli:error.fileNotFound' : 'cli:error.cannotRead', { file, detail: String((e as Error).message) })}\n`);
    return EXIT.UNUSABLE;
  }
  const v = validateDataset(text);
  if (!v.ok || !v.dataset) {
    const extra = { omitted: v.omitted, uncheckedLines: v.uncheckedLines };
    if (ctx.json)
      printJson(ctx.io, {
        file: basename(file),
        valid: false,
        problems: v.problems.map((p) => problemJson(ctx, p)),
        ...(v.omitted ? { omitted: v.omitted } : {}),
        ...(v.uncheckedLines ? { uncheckedLines: v.uncheckedLines } : {}),
        ...(v.omitted || v.uncheckedLines ? { summary: summariseProblems(v.problems) } : {}),
      });
    else {
      ctx.io.stderr(`${ctx.t('cli:invalidHeader', { file, count: v.problems.filter((p) => p.severity === 'error').length + (v.omitted ?? 0) })}\n`);
      printProblemList(ctx, v.problems, extra);
    }
    return EXIT.UNUSABLE;
  }
  return { dataset: v.dataset, problems: v.problems };
}

export function pickPack(ctx: CommandContext, id: string | undefined): FootprintPack | number {
  const pid = id ?? 'cn-gbt24067-2024';
  const p = getFootprintPack(pid);
  if (!p) {
    ctx.io.stderr(`${translateMessage(ctx.t, msg('core:pack.unknown', { id: pid, available: [...footprintPacks().keys()].join(', ') }))}\n`);
    return EXIT.UNUSABLE;
  }
  return p;
}

/** Format a number for people: Latin digits, grouping, up to `dp` decimals (never used for JSON). */
export function fmt(n: number, lang: string, dp = 3): string {
  const digits = n !== 0 && Math.abs(n) < 1 ? Math.max(dp, 6) : dp;
  const s = new Intl.NumberFormat(`${lang}-u-nu-latn`, { maximumFractionDigits: digits }).format(n);
  return /^-0([.,]0*)?$/.test(s) ? '0' : s;
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

const pad = (s: string, n: number, left: boolean) => {
  const fill = ' '.repeat(Math.max(0, n - width(s)));
  return left ? s + fill : fill + s;
};

export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  return rows.map((r) => r.map((c, i) => pad(c, widths[i]!, i === 0)).join('  ')).join('\n');
}

/** A figure as the CLI prints it: value, unit and the uncertainty mark, or "missing". */
export function figText(ctx: CommandContext, f: Fig | null, dp = 6): string {
  if (!f) return ctx.t('cbamconvert:cli.missing');
  return `${fmt(f.value, ctx.lang, dp)} ${f.unit}${f.uncertain ? ` (${ctx.t('cbamconvert:cli.uncertain')})` : ''}`;
}
/** Where a figure comes from, in one line. */
export function srcText(f: Fig | null): string {
  if (!f) return '';
  const s = f.source;
  switch (s.kind) {
    case 'dataset':
      return s.lines.length ? s.lines.join(', ') : (s.note ?? '');
    case 'rule':
      return [s.ref.act, s.ref.annex].filter(Boolean).join(', ');
    case 'user':
      return `--${s.field}`;
    case 'supplier':
      return `${s.line}${s.ref ? `: ${s.ref}` : ''}`;
    case 'library':
      return s.id;
    case 'computed':
      return s.formula;
  }
}

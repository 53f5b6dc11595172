/**
 * carbonbridge cbam-calc <activity.json> [--lang zh|en|ar] [--json] [--lines-out <lines.json>]
 *
 * Calculates an installation's emissions, attributed emissions and SEE from raw activity data with the core's
 * CBAM monitoring formulas (src/core/cbam/activity.ts → methods.ts) and prints every figure with its unit, its
 * formula with the numbers put in, and the rule-pack constants used. With --lines-out the calculated streams are
 * written as footprint inventory lines (a JSON array) to add to a dataset.
 * Exit 0: calculated; 1: calculated, but some streams could not become lines; 2: unusable input.
 */
import { basename } from 'node:path';
import type { Message } from '../../core/i18n/message';
import { translateMessage } from '../../core/i18n/translate';
import {
  activityLines,
  annexIII,
  calculateInstallation,
  displayDp,
  type CalcFigure,
  type ConstantRef,
  type InstallationResult,
} from '../../core/cbam/activity';
import { EXIT, printJson, type Command, type CommandContext } from '../command';
import { fmt, width } from '../shared';
import { checkJsonText } from '../options';

const text = (ctx: CommandContext, m: Message) => translateMessage(ctx.t, m);
const withText = (ctx: CommandContext, m: Message) => ({ ...m, text: text(ctx, m) });
const value = (ctx: CommandContext, f: CalcFigure) => `${fmt(f.value, ctx.lang, displayDp(f.unit))} ${f.unit}`;

/** label left-aligned, value right-aligned (display width, CJK counts double), formula as is. */
function aligned(rows: string[][]): string {
  const w0 = Math.max(...rows.map((r) => width(r[0]!)));
  const w1 = Math.max(...rows.map((r) => width(r[1]!)));
  return rows.map(([a, b, c]) => `${a}${' '.repeat(w0 - width(a!))}  ${' '.repeat(w1 - width(b!))}${b}  ${c}`.trimEnd()).join('\n');
}
const constantText = (c: ConstantRef) =>
  `${c.id} = ${c.value} ${c.unit === '1' ? '' : c.unit} — ${[c.source.act, c.source.annex, c.source.table].filter(Boolean).join(', ')}${c.uncertain ? ' (uncertain)' : ''}`.replace(
    / {2,}/g,
    ' ',
  );

/** A figure in the --json output: its formula as the field `formula` (the format as documented), the label with its text. */
function figureJson(ctx: CommandContext, f: CalcFigure) {
  const { constants, ref, id, label, value, unit, source, substituted, fn, ...rest } = f;
  return { constants, ref, id, label: withText(ctx, label), value, unit, formula: source.formula, substituted, fn, ...rest };
}

export function calcJson(ctx: CommandContext, file: string, r: InstallationResult, lines?: ReturnType<typeof activityLines>) {
  const fj = (f: CalcFigure | null) => (f ? figureJson(ctx, f) : null);
  return {
    ok: true,
    file: basename(file),
    pack: r.pack,
    dirEm: fj(r.dirEm),
    biogenic: fj(r.biogenic),
    attributedDirect: fj(r.attributedDirect),
    attributedIndirect: fj(r.attributedIndirect),
    see: r.see ? { direct: fj(r.see.direct), indirect: fj(r.see.indirect), total: fj(r.see.total), complex: r.see.complex, unit: r.see.unit } : null,
    streams: r.streams.map((s) => ({ ...s, kindText: ctx.t(`cbamcalc:kind.${s.kind}`), figures: s.figures.map((f) => figureJson(ctx, f)) })),
    corrections: r.corrections.map((f) => figureJson(ctx, f)),
    precursors: r.precursors.map((f) => figureJson(ctx, f)),
    importedGoods: r.importedGoods.map((f) => figureJson(ctx, f)),
    figures: r.figures.map((f) => figureJson(ctx, f)),
    notes: r.notes.map((m) => withText(ctx, m)),
    ...(lines ? { lines: { count: lines.lines.length, skipped: lines.skipped.map((m) => withText(ctx, m)) } } : {}),
  };
}

function printText(ctx: CommandContext, file: string, title: string, r: InstallationResult, lines?: ReturnType<typeof activityLines>, linesFile?: string) {
  const t = ctx.t;
  const row = (f: CalcFigure) => [text(ctx, f.label), value(ctx, f), `${f.source.formula} = ${f.substituted}`];
  const out: string[] = [t('cbamcalc:cli.title', { title, interpolation: { escapeValue: false } }), t('cbamcalc:cli.pack', r.pack), ''];
  const body: string[][] = [[t('cbamcalc:cli.figure'), t('cbamcalc:cli.value'), t('cbamcalc:cli.formula')]];
  for (const s of r.streams) {
    body.push([`[${t(`cbamcalc:kind.${s.kind}`)}] ${s.name}`, '', '']);
    for (const f of s.figures) body.push(row(f).map((c, i) => (i === 0 ? `  ${c}` : c)));
  }
  body.push(row(r.dirEm));
  if (r.biogenic.value) body.push(row(r.biogenic));
  for (const f of r.corrections) body.push(row(f));
  body.push(row(r.attributedDirect));
  if (r.attributedIndirect) body.push(row(r.attributedIndirect));
  for (const f of r.precursors) body.push(row(f));
  out.push(aligned(body), '');
  const totals = [
    r.dirEm,
    r.attributedDirect,
    ...(r.attributedIndirect ? [r.attributedIndirect] : []),
    ...(r.see ? [r.see.direct, r.see.indirect, r.see.total] : []),
    ...r.importedGoods,
  ];
  out.push(
    `${t('cbamcalc:cli.totals')}:`,
    aligned(totals.map((f) => [`  ${text(ctx, f.label)}`, value(ctx, f), `${f.source.formula} = ${f.substituted}`])),
    '',
  );
  const constants = new Map<string, ConstantRef>();
  for (const f of r.figures) for (const c of f.constants) constants.set(c.id, c);
  if (constants.size) out.push(`${t('cbamcalc:cli.constants')}:`, ...[...constants.values()].map((c) => `  ${constantText(c)}`), '');
  out.push(t('cbamcalc:cli.legal', { ref: `${annexIII().act}, ${annexIII().annex} (${annexIII().note})`, interpolation: { escapeValue: false } }));
  if (r.notes.length) out.push('', `${t('cbamcalc:cli.notes')}:`, ...r.notes.map((m) => `  - ${text(ctx, m)}`));
  if (lines && linesFile) {
    out.push(
      '',
      lines.lines.length
        ? t('cbamcalc:cli.linesWritten', { count: lines.lines.length, file: linesFile, interpolation: { escapeValue: false } })
        : t('cbamcalc:cli.noLines'),
    );
    if (lines.skipped.length) out.push(`${t('cbamcalc:cli.skipped')}`, ...lines.skipped.map((m) => `  - ${text(ctx, m)}`));
  }
  ctx.io.stdout(`${out.join('\n')}\n`);
  void file;
}

export const cbamCalcCommand: Command = {
  name: 'cbam-calc',
  summaryKey: 'cbamcalc:cli.summary',
  usage: 'carbonbridge cbam-calc <activity.json> [--lines-out <lines.json>] [--lang zh|en|ar] [--json]',
  options: { 'lines-out': { type: 'string' } },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) {
      ctx.io.stderr(`${ctx.t('cbamcalc:cli.missingFile')}\n`);
      return EXIT.UNUSABLE;
    }
    let raw: string;
    try {
      raw = new TextDecoder('utf-8').decode(await ctx.io.readFile(file));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      ctx.io.stderr(`${ctx.t(code === 'ENOENT' ? 'cli:error.fileNotFound' : 'cli:error.cannotRead', { file, detail: String((e as Error).message) })}\n`);
      return EXIT.UNUSABLE;
    }
    // the strict reader first: duplicate keys, __proto__, depth, and numbers beyond 0 / 1e-12 … 1e15 (1e308 would overflow)
    const strict = checkJsonText(ctx, raw, file, '', 'any', false);
    if (!strict.ok) return strict.code;
    const r = calculateInstallation(raw);
    if (!r.ok) {
      if (ctx.json) printJson(ctx.io, { ok: false, file: basename(file), errors: r.errors.map((e) => ({ path: e.path, ...withText(ctx, e.message) })) });
      else {
        ctx.io.stderr(`${ctx.t('cbamcalc:cli.invalid', { file, count: r.errors.length, interpolation: { escapeValue: false } })}\n`);
        for (const e of r.errors) ctx.io.stderr(`  - ${text(ctx, e.message)}\n`);
      }
      return EXIT.UNUSABLE;
    }
    const linesOut = typeof ctx.options['lines-out'] === 'string' ? (ctx.options['lines-out'] as string) : undefined;
    let lines: ReturnType<typeof activityLines> | undefined;
    if (linesOut) {
      const inst = r.installation?.id;
      lines = activityLines(r, inst ? { installationId: inst } : {});
      try {
        await ctx.io.writeFile(linesOut, `${JSON.stringify(lines.lines, null, 2)}\n`);
      } catch (e) {
        ctx.io.stderr(`${ctx.t('cbamcalc:cli.cannotWrite', { file: linesOut, detail: String((e as Error).message) })}\n`);
        return EXIT.UNUSABLE;
      }
    }
    if (ctx.json) printJson(ctx.io, calcJson(ctx, file, r, lines));
    else {
      let title = basename(file);
      try {
        const j = JSON.parse(raw.replace(/^\uFEFF/, '')) as { title?: unknown };
        if (typeof j.title === 'string' && j.title.trim()) title = j.title.trim();
      } catch {
        /* parsed above */
      }
      printText(ctx, file, title, r, lines, linesOut);
    }
    return lines && lines.skipped.length ? EXIT.FINDINGS : EXIT.OK;
  },
};

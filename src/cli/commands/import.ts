/** carbonbridge import: our input workbook, any footprint sheet/CSV with a column mapping, or a supplier's CBAM template. */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { msg } from '../../core/i18n/message';
import { translateMessage } from '../../core/i18n/translate';
import type { Dataset } from '../../core/model/dataset';
import { buildInputWorkbook } from '../../core/io/workbook';
import { importBytes, type ImportOptions, type ImportResult } from '../../core/io/import';
import { parseMapping } from '../../core/io/mapping';
import type { ImportProblem } from '../../core/io/problems';
import { EXIT, printJson, type CommandContext, type Command } from '../command';
import { fmt, readDataset } from '../shared';
import { checkInputFile, checkOutputPath, numberOption } from '../options';
import { LIMITS } from '../../core/io/limits';

export function problemText(ctx: CommandContext, p: ImportProblem): string {
  const where =
    p.sheet === undefined
      ? ''
      : p.row === undefined
        ? ctx.t('import:cli.whereSheet', { sheet: p.sheet })
        : p.column === undefined
          ? ctx.t('import:cli.whereRow', { sheet: p.sheet, row: p.row })
          : ctx.t('import:cli.where', { sheet: p.sheet, row: p.row, column: p.column });
  const text = translateMessage(ctx.t, p.message);
  const fix = p.fix ? `\n    ${ctx.t('import:cli.fixPrefix')}: ${translateMessage(ctx.t, p.fix)}` : '';
  return `${ctx.t(`cli:severity.${p.severity}`)}: ${where ? `${where}: ` : ''}${text}${fix}`;
}

const fail = (ctx: CommandContext, key: string, params?: Record<string, string | number>, fixKey?: string): number => {
  const p: ImportProblem = { severity: 'error', message: msg(key, params), ...(fixKey ? { fix: msg(fixKey) } : {}) };
  if (ctx.json) printJson(ctx.io, { ok: false, problems: [{ ...p, text: problemText(ctx, p) }] });
  else ctx.io.stderr(`${problemText(ctx, p)}\n`);
  return EXIT.UNUSABLE;
};

async function readText(ctx: CommandContext, file: string): Promise<string | number> {
  try {
    return new TextDecoder().decode(await ctx.io.readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    ctx.io.stderr(`${ctx.t(code === 'ENOENT' ? 'cli:error.fileNotFound' : 'cli:error.cannotRead', { file, detail: String((e as Error).message) })}\n`);
    return EXIT.UNUSABLE;
  }
}

export const importCommand: Command = {
  name: 'import',
  summaryKey: 'import:cli.summary',
  usage:
    'carbonbridge import <file.xlsx|file.csv> --out <dataset.json> [--sheet S] [--header-row N] [--mapping mapping.json] [--save-mapping mapping.json] [--encoding auto|utf-8|gb18030] [--base dataset.json] [--replace] [--accept-valid] [--force] [--template-out workbook.xlsx] [--json]',
  options: {
    out: { type: 'string', short: 'o' },
    sheet: { type: 'string' },
    'header-row': { type: 'string' },
    mapping: { type: 'string' },
    'save-mapping': { type: 'string' },
    encoding: { type: 'string' },
    base: { type: 'string' },
    replace: { type: 'boolean' },
    'accept-valid': { type: 'boolean' },
    force: { type: 'boolean' },
    'template-out': { type: 'string' },
  },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) {
      ctx.io.stderr(`${ctx.t('cli:error.missingFile')}\n`);
      return EXIT.UNUSABLE;
    }
    const o = ctx.options;
    const out = typeof o.out === 'string' ? o.out : undefined;
    const force = o.force === true;
    for (const [option, target] of [
      ['out', out],
      ['template-out', o['template-out']],
      ['save-mapping', o['save-mapping']],
    ] as const) {
      if (typeof target !== 'string') continue;
      if (!force && existsSync(target)) return fail(ctx, 'import:error.wouldOverwrite', { file: target }, 'import:fix.force');
      // the folder must exist before any work is done
      const okOut = await checkOutputPath(ctx, target, option);
      if (!okOut.ok) return okOut.code;
    }
    // size and kind with stat before a byte is read (a 2 GB CSV or /dev/zero is refused at once)
    const size = await checkInputFile(ctx, file, LIMITS.maxFileBytes);
    if (!size.ok) return size.code;
    const opts: ImportOptions = { acceptValid: o['accept-valid'] === true, replace: o.replace === true };
    if (typeof o.sheet === 'string') opts.sheet = o.sheet;
    const headerRow = numberOption(ctx, 'header-row', { min: 1, max: LIMITS.maxRows, integer: true });
    if (!headerRow.ok) return headerRow.code;
    if (headerRow.value !== undefined) opts.headerRow = headerRow.value;
    if (typeof o.encoding === 'string') {
      const e = o.encoding.toLowerCase().replace('utf8', 'utf-8').replace('gbk', 'gb18030');
      if (e !== 'auto' && e !== 'utf-8' && e !== 'gb18030') return fail(ctx, 'import:cli.badOption', { option: '--encoding', value: o.encoding });
      opts.encoding = e;
    }
    if (typeof o.mapping === 'string') {
      const text = await readText(ctx, o.mapping);
      if (typeof text === 'number') return text;
      const pm = parseMapping(text);
      if (!pm.ok) return report(ctx, file, { kind: 'error', problems: [pm.problem] }, undefined);
      opts.mapping = pm.mapping;
    }
    if (typeof o.base === 'string') {
      const b = await readDataset(ctx, o.base);
      if (typeof b === 'number') return b;
      opts.base = b.dataset;
    }
    let bytes: Uint8Array;
    try {
      bytes = await ctx.io.readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      ctx.io.stderr(`${ctx.t(code === 'ENOENT' ? 'cli:error.fileNotFound' : 'cli:error.cannotRead', { file, detail: String((e as Error).message) })}\n`);
      return EXIT.UNUSABLE;
    }
    const r = importBytes(bytes, basename(file), opts);
    if (r.kind === 'generic' && typeof o['save-mapping'] === 'string') await ctx.io.writeFile(o['save-mapping'], `${JSON.stringify(r.mapping, null, 2)}\n`);
    const dataset = r.kind === 'error' ? undefined : r.dataset;
    const needsBase = (r.kind === 'generic' || r.kind === 'supplier') && !opts.base && out !== undefined;
    const written: string[] = [];
    if (dataset && out && !needsBase) {
      await ctx.io.writeFile(out, `${JSON.stringify(dataset, null, 2)}\n`);
      written.push(out);
    }
    if (dataset && typeof o['template-out'] === 'string') {
      await ctx.io.writeFile(o['template-out'], buildInputWorkbook(dataset));
      written.push(o['template-out']);
    }
    return report(ctx, file, r, dataset, written, needsBase);
  },
};

function report(ctx: CommandContext, file: string, r: ImportResult, dataset: Dataset | undefined, written: string[] = [], needsBase = false): number {
  const problems = [...r.problems];
  if (needsBase) problems.push({ severity: 'error', message: msg('import:error.baseRequired'), fix: msg('import:fix.giveBase') });
  const errors = problems.filter((p) => p.severity === 'error').length;
  const rows = r.kind === 'workbook' || r.kind === 'generic' ? r.rows : undefined;
  const unusable = r.kind === 'error' || needsBase || (r.kind === 'generic' && !r.ready) || (errors > 0 && !dataset && (!rows || rows.rejected === 0));
  const code = unusable ? EXIT.UNUSABLE : errors > 0 ? EXIT.FINDINGS : EXIT.OK;
  if (ctx.json) {
    printJson(ctx.io, {
      file: basename(file),
      kind: r.kind,
      ok: code === EXIT.OK,
      written,
      rows,
      ...(r.kind === 'generic' ? { sheet: r.sheet, headerRow: r.headerRow, mapping: r.mapping, lines: r.lines.length } : {}),
      ...(r.kind === 'supplier' ? { installation: r.installation, products: r.products, applied: r.applied } : {}),
      problems: problems.map((p) => ({ ...p, text: problemText(ctx, p) })),
    });
    return code;
  }
  const io = ctx.io;
  if (r.kind !== 'error') io.stdout(`${ctx.t('import:cli.kind', { kind: ctx.t(`import:kind.${r.kind}`) })}\n`);
  if (r.kind === 'generic') {
    io.stdout(
      `${ctx.t('import:cli.mappingUsed', { mapping: r.mapping.columns.map((c) => `${c.column}→${ctx.t(`import:mapField.${c.field.replace('.', '_')}`)}`).join(', ') || '—' })}\n`,
    );
  }
  if (r.kind === 'supplier')
    for (const p of r.products)
      io.stdout(
        `  ${ctx.t('import:cli.supplierProduct', { name: p.name ?? p.cnCode, cnCode: p.cnCode, direct: fmt(p.direct, ctx.lang, 4), indirect: fmt(p.indirect, ctx.lang, 4) })}\n`,
      );
  if (rows) io.stdout(`${ctx.t('import:cli.rows', { valid: rows.valid, rejected: rows.rejected })}\n`);
  for (const p of problems) (p.severity === 'error' ? io.stderr : io.stdout)(`${problemText(ctx, p)}\n`);
  if (rows && rows.rejected > 0 && !dataset && !unusable) io.stderr(`${ctx.t('import:cli.acceptHint')}\n`);
  for (const w of written) io.stdout(`${ctx.t('import:cli.written', { file: w })}\n`);
  return code;
}

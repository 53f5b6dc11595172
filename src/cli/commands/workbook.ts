/** carbonbridge workbook: write our input workbook, empty or filled from a dataset. */
import { existsSync } from 'node:fs';
import { msg } from '../../core/i18n/message';
import { buildInputWorkbook } from '../../core/io/workbook';
import { EXIT, printJson, type Command } from '../command';
import { readDataset } from '../shared';
import { checkOutputPath } from '../options';
import { problemText } from './import';

export const workbookCommand: Command = {
  name: 'workbook',
  summaryKey: 'import:cli.workbookSummary',
  usage: 'carbonbridge workbook [dataset.json] --out <input.xlsx> [--force] [--json]',
  options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  async run(ctx) {
    const out = typeof ctx.options.out === 'string' ? ctx.options.out : undefined;
    if (!out) {
      ctx.io.stderr(`${ctx.t('import:cli.missingOut')}\n`);
      return EXIT.UNUSABLE;
    }
    if (existsSync(out) && ctx.options.force !== true) {
      ctx.io.stderr(`${problemText(ctx, { severity: 'error', message: msg('import:error.wouldOverwrite', { file: out }), fix: msg('import:fix.force') })}\n`);
      return EXIT.UNUSABLE;
    }
    const okOut = await checkOutputPath(ctx, out, 'out');
    if (!okOut.ok) return okOut.code;
    let dataset;
    if (ctx.positionals[0]) {
      const r = await readDataset(ctx, ctx.positionals[0]);
      if (typeof r === 'number') return r;
      dataset = r.dataset;
    }
    const bytes = buildInputWorkbook(dataset);
    await ctx.io.writeFile(out, bytes);
    if (ctx.json) printJson(ctx.io, { ok: true, written: [out], bytes: bytes.length, lines: dataset?.inventory.length ?? 0 });
    else ctx.io.stdout(`${ctx.t('import:cli.written', { file: out })}\n`);
    return EXIT.OK;
  },
};

import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { batchPacks, batchTable, compareBatch, errorTable, toCsv, toXlsx } from '../../core/batch/index';
import { msg } from '../../core/i18n/message';
import { translateMessage } from '../../core/i18n/translate';
import { EXIT, printJson, type Command } from '../command';

export const compareBatchCommand: Command = {
  name: 'compare-batch',
  summaryKey: 'partners:cli.compareBatchSummary',
  usage: 'carbonbridge compare-batch <folder> --packs <id>,<id>[,…] --out <table.csv|table.xlsx> [--lang zh|en|ar] [--json]',
  options: { packs: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    const dir = ctx.positionals[0];
    if (!dir) {
      ctx.io.stderr(`${ctx.t('cli:error.missingFile')}\n`);
      return EXIT.UNUSABLE;
    }
    const out = typeof ctx.options.out === 'string' ? ctx.options.out : undefined;
    const ext = out ? extname(out).toLowerCase() : '';
    if (out && ext !== '.csv' && ext !== '.xlsx') {
      ctx.io.stderr(`${ctx.t('partners:batch.badOut', { file: out })}\n`);
      return EXIT.UNUSABLE;
    }
    const ids = String(ctx.options.packs ?? 'cn-gbt24067-2024,iso14067-2018')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const packs = batchPacks(ids);
    if (!Array.isArray(packs)) {
      ctx.io.stderr(`${translateMessage(ctx.t, packs)}\n`);
      return EXIT.UNUSABLE;
    }
    let files: string[];
    try {
      files = (await readdir(dir)).filter((f) => f.toLowerCase().endsWith('.json')).sort();
    } catch (e) {
      ctx.io.stderr(`${ctx.t('cli:error.cannotRead', { file: dir, detail: String((e as Error).message) })}\n`);
      return EXIT.UNUSABLE;
    }
    const loaded: { file: string; content: unknown }[] = [];
    const unreadable: { file: string; detail: string }[] = [];
    for (const f of files) {
      try {
        loaded.push({ file: f, content: new TextDecoder().decode(await ctx.io.readFile(join(dir, f))) });
      } catch (e) {
        unreadable.push({ file: f, detail: String((e as Error).message) });
      }
    }
    const r = compareBatch(loaded, packs);
    for (const u of unreadable)
      r.errors.push({ file: u.file, problems: [{ message: msg('cli:error.cannotRead', { file: u.file, detail: `$raw:${u.detail}` }) }] });
    const main = batchTable(r, ctx.t, ctx.lang);
    const errs = errorTable(r, ctx.t);
    if (out) {
      if (ext === '.csv') await ctx.io.writeFile(out, toCsv(main));
      else
        await ctx.io.writeFile(
          out,
          toXlsx(main, errs, { rows: ctx.t('partners:batch.sheetRows'), errors: ctx.t('partners:batch.sheetErrors') }, ctx.lang === 'ar'),
        );
      if (ext === '.csv' && errs.rows.length) await ctx.io.writeFile(out.replace(/\.csv$/i, '.errors.csv'), toCsv(errs));
    }
    if (ctx.json) printJson(ctx.io, { ...r, errors: errs.rows.map(([file, problem]) => ({ file, problem })), ...(out ? { out } : {}) });
    else {
      ctx.io.stdout(`${ctx.t('partners:batch.summary', { datasets: r.datasets, rows: r.rows.length, broken: r.errors.length })}\n`);
      for (const [file, problem] of errs.rows) ctx.io.stderr(`${ctx.t('partners:batch.brokenFile', { file, problem })}\n`);
      if (out) ctx.io.stdout(`${ctx.t('partners:cli.written', { file: out })}\n`);
    }
    return r.errors.length || r.rows.some((x) => x.errorFindings > 0) ? EXIT.FINDINGS : EXIT.OK;
  },
};

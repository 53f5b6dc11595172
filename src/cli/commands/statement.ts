import { basename } from 'node:path';
import { translateMessage } from '../../core/i18n/translate';
import { buildStatement, parseDocLangs, renderStatementHtml, resolveTarget, statementTargets, type LangT } from '../../core/partners/index';
import { EXIT, printJson, type Command, type CommandContext } from '../command';
import { createT } from '../i18n';
import { problemJson, readDataset } from '../shared';

/** The languages of a document (--lang zh|en|ar|zh+ar|zh+en), each with its own translator. */
export async function docLangs(ctx: CommandContext): Promise<LangT[] | number> {
  const raw = typeof ctx.options.lang === 'string' ? ctx.options.lang : ctx.lang;
  const langs = parseDocLangs(raw);
  if (!langs) {
    ctx.io.stderr(`${ctx.t('partners:error.badDocLang', { value: raw })}\n`);
    return EXIT.UNUSABLE;
  }
  return Promise.all(langs.map(async (lang) => ({ lang, t: lang === ctx.lang ? ctx.t : await createT(lang) })));
}

export const statementCommand: Command = {
  name: 'statement',
  summaryKey: 'partners:cli.statementSummary',
  usage:
    'carbonbridge statement <dataset.json> --against <iso14067-2018|ghg-protocol-product-2011|pas2050-2011|eu-pef-2021|ae|sa|eg|gcc> [--reference <pack>] [--lang zh|en|ar|zh+ar|zh+en] [--out statement.html] [--json]',
  options: { against: { type: 'string' }, reference: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    const r = await readDataset(ctx, ctx.positionals[0]);
    if (typeof r === 'number') return r;
    const against = typeof ctx.options.against === 'string' ? ctx.options.against : '';
    if (!against) {
      ctx.io.stderr(`${ctx.t('partners:error.missingAgainst', { available: statementTargets().join(', ') })}\n`);
      return EXIT.UNUSABLE;
    }
    const target = resolveTarget(against, typeof ctx.options.reference === 'string' ? ctx.options.reference : undefined);
    if (!('pack' in target)) {
      ctx.io.stderr(`${translateMessage(ctx.t, target)}\n`);
      return EXIT.UNUSABLE;
    }
    const langs = await docLangs(ctx);
    if (typeof langs === 'number') return langs;
    const st = buildStatement(r.dataset, target);
    const exit = st.findings.some((f) => f.severity === 'error') ? EXIT.FINDINGS : EXIT.OK;
    const out = typeof ctx.options.out === 'string' ? ctx.options.out : undefined;
    if (out) await ctx.io.writeFile(out, renderStatementHtml(st, langs));
    if (ctx.json) {
      const t = langs[0]!.t;
      printJson(ctx.io, {
        ...st,
        file: basename(ctx.positionals[0]!),
        rows: st.rows.map((x) => ({ ...x, studyText: translateMessage(t, x.study) })),
        figure: { ...st.figure, causes: st.figure.causes.map((k) => ({ ...k, text: translateMessage(t, k.explanation) })) },
        findings: st.findings.map((p) => problemJson(ctx, p)),
        ...(out ? { out } : {}),
      });
    } else if (!out) ctx.io.stdout(renderStatementHtml(st, langs));
    else ctx.io.stdout(`${ctx.t('partners:cli.written', { file: out })}\n`);
    return exit;
  },
};

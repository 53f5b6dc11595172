/** carbonbridge cbam-screen "<CN code>" [--period 2026] [--json]: is it a CBAM good, category, gases, precursors, China default. */
import type { Message } from '../../core/i18n/message';
import { translateMessage } from '../../core/i18n/translate';
import { printCn, screenCn, type ScreenResult } from '../../core/cbam/screen';

type ScreenCbam = Extract<ScreenResult, { status: 'cbam' }>;
import { EXIT, printJson, type Command, type CommandContext } from '../command';
import { fmt } from '../shared';
import { periodOption } from '../options';
import { applyRulesOption, RULES_OPTION } from '../rules-dir';
import { schemeOf } from '../../core/cbam/packs';

const withText = (ctx: CommandContext, m: Message) => ({ ...m, text: translateMessage(ctx.t, m) });

export function screenJson(ctx: CommandContext, r: ScreenResult): Record<string, unknown> {
  switch (r.status) {
    case 'invalid':
      return { ok: false, status: r.status, error: withText(ctx, r.error), ...(r.nearest ? { nearest: r.nearest } : {}) };
    case 'not-cbam':
      return { ok: true, isCbamGood: false, ...r, reason: withText(ctx, r.reason) };
    case 'partial':
      return {
        ok: true,
        isCbamGood: r.coverage === 'all' ? true : 'partial',
        ...r,
        reason: withText(ctx, r.reason),
        excluded: r.excluded.map((e) => ({ ...e, reason: withText(ctx, e.reason) })),
      };
    case 'cbam':
      return {
        ok: true,
        isCbamGood: true,
        ...r,
        category: { ...r.category, name: ctx.t(r.category.nameKey) },
        precursors: r.precursors.map((p) => ({ ...p, name: ctx.t(p.nameKey) })),
        routes: r.routes.map((p) => ({ ...p, name: ctx.t(p.nameKey) })),
        notes: r.notes.map((n) => withText(ctx, n)),
      };
  }
}

function printText(ctx: CommandContext, r: Exclude<ScreenResult, { status: 'invalid' }>): void {
  const out: string[] = [];
  const t = ctx.t;
  if (r.status === 'not-cbam') {
    out.push(t('cbam:cli.notCbam', { cn: r.cn.printed }), translateMessage(t, r.reason), `${t('cbam:cli.source')}: ${r.source.act}, ${r.source.annex ?? ''}`);
  } else if (r.status === 'partial') {
    out.push(t(r.coverage === 'all' ? 'cbam:cli.allCovered' : 'cbam:cli.partial', { cn: r.cn.printed }), translateMessage(t, r.reason));
    out.push(`${t('cbam:cli.covered')}:`, ...r.covered.map((c) => `  ${c.printed}  ${t(`cbam:categories.${c.category}`)}`));
    if (r.excluded.length) out.push(`${t('cbam:cli.excluded')}:`, ...r.excluded.map((e) => `  ${translateMessage(t, e.reason)}`));
  } else {
    const yn = (b: boolean) => t(b ? 'cbam:cli.yes' : 'cbam:cli.no');
    out.push(t('cbam:cli.isCbam', { cn: r.cn.printed, category: t(r.category.nameKey), sector: t(`cbam:sectors.${r.category.sector}`) }));
    out.push(`${t('cbam:cli.matched')}: ${r.matched.printed} — ${r.matched.name}`);
    out.push(`${t('cbam:cli.gases')}: ${r.gases.map((g) => t(`cbam:gases.${g}`)).join(', ')}`);
    out.push(
      `${t('cbam:cli.indirect', { period: r.period.label })}: ${yn(r.indirectCounted.value)}${r.indirectCounted.uncertain ? ` (${t('cbam:cli.uncertain')})` : ''}`,
    );
    out.push(`${t('cbam:cli.precursors')}: ${r.precursors.length ? r.precursors.map((p) => t(p.nameKey)).join(', ') : t('cbam:cli.none')}`);
    out.push(`${t('cbam:cli.routes')}: ${r.routes.map((p) => t(p.nameKey)).join(', ')}`);
    const variantName = (d: ScreenCbam['chinaDefaults'][number]) =>
      `${t(`cbam:variants.${d.variant}`)}${d.taric?.length ? ` (TARIC ${d.taric.map(printCn).join(', ')})` : ''}`;
    if (r.chinaDefaults.length > 1 && r.chinaDefaults.every((d) => d.variant))
      out.push(`${t('cbam:cli.variantsLine')}: ${r.chinaDefaults.map((d) => `${d.variant} = ${variantName(d)}`).join('; ')}`);
    for (const d of r.chinaDefaults) {
      const n = (x: number | null | undefined) => (x === null || x === undefined ? '-' : fmt(x, ctx.lang, 6));
      out.push(
        `${t('cbam:cli.chinaDefault')} (${d.printed}): ${t('cbam:cli.defaultLine', {
          variant: d.variant ? `${variantName(d)}: ` : '',
          direct: n(d.direct),
          indirect: n(d.indirect),
          total: n(d.total),
          route: d.route ?? '-',
          counted: n(d.countedBase),
          percent: d.markup ? fmt(d.markup.percent, ctx.lang) : '-',
          year: d.markup?.year ?? r.period.year,
          withMarkup: n(d.withMarkup),
        })}`,
      );
      out.push(`  ${t('cbam:cli.source')}: ${d.source.act}, ${d.source.annex ?? ''}, ${d.source.table ?? ''}${d.markup ? `; ${d.markup.source.act}` : ''}`);
    }
    if (r.notes.length) out.push(`${t('cbam:cli.notes')}:`, ...r.notes.map((m) => `  - ${translateMessage(t, m)}`));
  }
  ctx.io.stdout(`${out.join('\n')}\n`);
}

export const cbamScreenCommand: Command = {
  name: 'cbam-screen',
  summaryKey: 'cbam:cli.screen.summary',
  usage: 'carbonbridge cbam-screen "<CN code>" [--period 2026|2026-Q1|<date>] [--scheme eu-cbam|uk-cbam|…] [--rules <dir>] [--lang zh|en|ar] [--json]',
  options: { period: { type: 'string' }, scheme: { type: 'string' }, ...RULES_OPTION },
  async run(ctx) {
    const rulesCode = applyRulesOption(ctx);
    if (rulesCode !== null) return rulesCode;
    const scheme = typeof ctx.options.scheme === 'string' ? (schemeOf(ctx.options.scheme) ?? ctx.options.scheme) : 'eu-cbam';
    const cn = ctx.positionals.join(' ').trim();
    if (!cn) {
      if (ctx.json) printJson(ctx.io, { ok: false, error: withText(ctx, { key: 'cbam:errors.cnEmpty' }) });
      else ctx.io.stderr(`${ctx.t('cbam:cli.missingCn')}\n`);
      return EXIT.UNUSABLE;
    }
    const periodOpt = periodOption(ctx, 'period', true);
    if (!periodOpt.ok) return periodOpt.code;
    const r = screenCn(cn, { scheme, ...(typeof ctx.options.period === 'string' ? { period: ctx.options.period } : {}) });
    if (r.status === 'invalid') {
      if (ctx.json) printJson(ctx.io, screenJson(ctx, r));
      else ctx.io.stderr(`${translateMessage(ctx.t, r.error)}\n`);
      return EXIT.UNUSABLE;
    }
    if (ctx.json) printJson(ctx.io, screenJson(ctx, r));
    else printText(ctx, r);
    return EXIT.OK;
  },
};

import { compute } from '../../core/engine/compute';
import type { FootprintResult } from '../../core/engine/types';
import { translateMessage } from '../../core/i18n/translate';
import { STAGES } from '../../core/model/dataset';
import { EXIT, printJson, type Command, type CommandContext } from '../command';
import { fmt, pickPack, printProblems, problemJson, readDataset, table } from '../shared';

export function printResult(ctx: CommandContext, r: FootprintResult): void {
  const { t, lang } = ctx;
  const fu = `${r.functionalUnit.amount} ${r.functionalUnit.unit}`;
  const out: string[] = [];
  out.push(t('cli:compute.header', { pack: r.pack.title[ctx.lang], version: r.pack.version, status: t(`cli:status.${r.pack.status}`), gwp: r.gwpSet.id }));
  out.push(t('cli:compute.total', { total: fmt(r.total, lang), fu }));
  out.push('', t('cli:compute.byStage'));
  out.push(table(STAGES.map((s) => [`  ${t(`core:stage.${s}`)}`, fmt(r.byStage[s], lang), 'kg CO2e'])));
  out.push('', t('cli:compute.byGas'));
  out.push(
    table([
      [`  ${t('cli:compute.gas')}`, t('cli:compute.massKg'), 'GWP', 'kg CO2e'],
      ...Object.entries(r.byGas).map(([g, v]) => [`  ${g}`, fmt(v!.massKg, lang, 6), v!.gwp === null ? '—' : String(v!.gwp), fmt(v!.co2e, lang)]),
    ]),
  );
  if (r.biogenicCO2Kg) out.push(t('cli:compute.biogenic', { kg: fmt(r.biogenicCO2Kg, lang) }));
  out.push('', t('cli:compute.lines', { count: r.lines.length, excluded: r.excluded.lines }));
  const shown = r.lines.slice(0, 50);
  out.push(
    table([
      [`  ${t('cli:compute.line')}`, t('cli:compute.stage'), 'kg CO2e', t('cli:compute.note')],
      ...shown.map((l) => [`  ${l.id}`, t(`core:stage.${l.stage}`), fmt(l.co2e, lang), l.exclusion ? translateMessage(t, l.exclusion.message) : '']),
    ]),
  );
  if (r.lines.length > shown.length) out.push(t('cli:compute.moreLines', { count: r.lines.length - shown.length }));
  if (r.reconciliation) {
    const rc = r.reconciliation;
    out.push(
      '',
      t('cli:compute.reconciliation', {
        reported: fmt(rc.reportedKg, lang),
        recomputed: fmt(rc.recomputedKg, lang),
        diff: fmt(rc.differenceKg, lang),
        pct: rc.differencePct ?? '—',
        gwp: rc.gwpSet,
      }),
    );
  }
  ctx.io.stdout(`${out.join('\n')}\n`);
  if (r.findings.length) {
    ctx.io.stdout(`\n${t('cli:compute.findings', { count: r.findings.length })}\n`);
    printProblems(ctx, r.findings, 'stdout');
  }
}

export const computeCommand: Command = {
  name: 'compute',
  summaryKey: 'cli:commands.compute',
  usage: 'carbonbridge compute <dataset.json> --pack <cn-gbt24067-2024|iso14067-2018> [--lang zh|en|ar] [--json]',
  options: { pack: { type: 'string' } },
  async run(ctx) {
    const r = await readDataset(ctx, ctx.positionals[0]);
    if (typeof r === 'number') return r;
    const pack = pickPack(ctx, ctx.options.pack as string | undefined);
    if (typeof pack === 'number') return pack;
    const result = compute(r.dataset, pack);
    const findings = [...r.problems, ...result.findings];
    if (ctx.json) printJson(ctx.io, { ...result, findings: findings.map((p) => problemJson(ctx, p)) });
    else printResult(ctx, { ...result, findings });
    return findings.some((f) => f.severity === 'error') ? EXIT.FINDINGS : EXIT.OK;
  },
};

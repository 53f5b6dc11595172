import { compare } from '../../core/engine/compare';
import { translateMessage } from '../../core/i18n/translate';
import { STAGES } from '../../core/model/dataset';
import type { FootprintPack } from '../../core/packs/schema';
import { EXIT, printJson, type Command } from '../command';
import { fmt, pickPack, problemJson, readDataset, table } from '../shared';

export const compareCommand: Command = {
  name: 'compare',
  summaryKey: 'cli:commands.compare',
  usage: 'carbonbridge compare <dataset.json> --packs <id>,<id>[,…] [--lang zh|en|ar] [--json]',
  options: { packs: { type: 'string' } },
  async run(ctx) {
    const r = await readDataset(ctx, ctx.positionals[0]);
    if (typeof r === 'number') return r;
    const ids = String(ctx.options.packs ?? 'cn-gbt24067-2024,iso14067-2018').split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length < 2) {
      ctx.io.stderr(`${ctx.t('cli:error.comparePacks')}\n`);
      return EXIT.UNUSABLE;
    }
    const packs: FootprintPack[] = [];
    for (const id of ids) {
      const p = pickPack(ctx, id);
      if (typeof p === 'number') return p;
      packs.push(p);
    }
    const c = compare(r.dataset, packs);
    const findings = c.results.flatMap((x) => x.findings);
    if (ctx.json) {
      printJson(ctx.io, {
        ...c,
        results: c.results.map((x) => ({ ...x, findings: x.findings.map((p) => problemJson(ctx, p)) })),
        pairs: c.pairs.map((p) => ({ ...p, causes: p.causes.map((k) => ({ ...k, text: translateMessage(ctx.t, k.explanation) })) })),
      });
    } else {
      const { t, lang } = ctx;
      const head = ['', ...c.results.map((x) => `${x.pack.id} (${x.gwpSet.id})`)];
      const rows = [
        head,
        [t('cli:compute.totalShort'), ...c.results.map((x) => fmt(x.total, lang))],
        ...STAGES.map((s) => [t(`core:stage.${s}`), ...c.results.map((x) => fmt(x.byStage[s], lang))]),
      ];
      ctx.io.stdout(`${t('cli:compare.header', { fu: `${c.functionalUnit.amount} ${c.functionalUnit.unit}` })}\n${table(rows)}\n`);
      for (const p of c.pairs) {
        ctx.io.stdout(`\n${t('cli:compare.pair', { from: p.from, to: p.to, diff: fmt(p.differenceKg, lang), pct: p.differencePct ?? '—' })}\n`);
        for (const k of p.causes) {
          ctx.io.stdout(`  ${t(`cli:compare.cause.${k.cause}`)}: ${fmt(k.deltaKg, lang)} kg CO2e — ${translateMessage(t, k.explanation)}\n`);
          if (k.gases) for (const g of k.gases) if (g.deltaKg !== 0) ctx.io.stdout(`      ${g.gas}: GWP ${g.gwpFrom ?? '—'} → ${g.gwpTo ?? '—'}, ${fmt(g.deltaKg, lang)} kg CO2e\n`);
        }
      }
    }
    return findings.some((f) => f.severity === 'error') ? EXIT.FINDINGS : EXIT.OK;
  },
};

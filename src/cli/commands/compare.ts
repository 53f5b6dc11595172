import { schemeOf } from '../../core/cbam/packs';
import { borderPeriods, runComparison } from '../../core/cbam/comparison';
import { applyRulesOption, RULES_OPTION } from '../rules-dir';
import { printSchemeComparison, schemeComparisonJson } from './convert';
import type { CbamComparison } from '../../core/engine/compare-cbam';
import { batteryColumns, getBatteryPack } from '../../core/battery';
import { translateMessage } from '../../core/i18n/translate';
import { STAGES } from '../../core/model/dataset';
import type { FootprintPack } from '../../core/packs/schema';
import { EXIT, printJson, type Command } from '../command';
import { fmt, pickPack, problemJson, readDataset, table } from '../shared';
import { MAX_EF_T_PER_MWH, numberOption, periodOption } from '../options';

/** The battery packs' figure per kWh of lifetime energy as one more row (none when no battery pack is compared). */
const batteryRow = (label: string, cols: ReturnType<typeof batteryColumns>, ids: string[], extra: number, f: (v: number) => string): string[][] =>
  Object.keys(cols).length
    ? [[label, ...ids.map((id) => (cols[id] ? (cols[id]!.kgPerKWh === null ? '—' : f(cols[id]!.kgPerKWh!)) : '')), ...Array<string>(extra).fill('')]]
    : [];

/** A border-adjustment pack or scheme (eu-cbam, eu-cbam-definitive, uk-cbam, an installed one …), from the data. */
const isCbam = (id: string) => schemeOf(id) !== undefined;

export const compareCommand: Command = {
  name: 'compare',
  summaryKey: 'cli:commands.compare',
  usage: 'carbonbridge compare <dataset.json> --packs <id>,<id>[,…] [--period <2026|2025-Q4> (for eu-cbam)] [--ef <tCO2/MWh>] [--lang zh|en|ar] [--json]',
  options: { packs: { type: 'string' }, period: { type: 'string' }, ef: { type: 'string' }, ...RULES_OPTION },
  async run(ctx) {
    const rulesCode = applyRulesOption(ctx);
    if (rulesCode !== null) return rulesCode;
    const efOpt = numberOption(ctx, 'ef', { max: MAX_EF_T_PER_MWH, unit: 'tCO2/MWh' });
    if (!efOpt.ok) return efOpt.code;
    const periodOpt = periodOption(ctx);
    if (!periodOpt.ok) return periodOpt.code;
    const r = await readDataset(ctx, ctx.positionals[0]);
    if (typeof r === 'number') return r;
    const ids = String(ctx.options.packs ?? 'cn-gbt24067-2024,iso14067-2018')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const fpIds = ids.filter((id) => !isCbam(id));
    const cbamIds = ids.filter(isCbam);
    if (ids.length < 2 || fpIds.length < 1) {
      ctx.io.stderr(`${ctx.t('cli:error.comparePacks')}\n`);
      return EXIT.UNUSABLE;
    }
    const packs: FootprintPack[] = [];
    for (const id of fpIds) {
      const p = getBatteryPack(id)?.pack ?? pickPack(ctx, id);
      if (typeof p === 'number') return p;
      packs.push(p);
    }
    // the core's comparison: footprint packs by cause, each CBAM column converted for its period and bridged from the
    // first footprint result, and each other scheme against the EU CBAM of the same year
    const periods = borderPeriods(cbamIds, periodOpt.value);
    const ef = efOpt.value;
    const out = runComparison(
      r.dataset,
      packs,
      cbamIds.map((id, i) => ({ id, period: periods[i]!, ...(ef !== undefined ? { euDefaultEf: ef } : {}) })),
    )!;
    const c = out.comparison;
    const cbam: (CbamComparison | { to: string; error: string })[] = out.border.map((x) =>
      x.ok
        ? x.bridge
        : {
            to: x.id,
            error: x.packMismatch
              ? ctx.t('cli:error.comparePacks')
              : [x.reason, ...x.errors]
                  .filter(Boolean)
                  .map((m) => translateMessage(ctx.t, m!))
                  .join(' '),
          },
    );
    const schemes = out.schemes;

    const findings = c.results.flatMap((x) => x.findings);
    if (ctx.json) {
      printJson(ctx.io, {
        ...c,
        results: c.results.map((x) => ({ ...x, findings: x.findings.map((p) => problemJson(ctx, p)) })),
        battery: batteryColumns(r.dataset, fpIds),
        pairs: c.pairs.map((p) => ({ ...p, causes: p.causes.map((k) => ({ ...k, text: translateMessage(ctx.t, k.explanation) })) })),
        cbam: cbam.map((x) => ('causes' in x ? { ...x, causes: x.causes.map((k) => ({ ...k, text: translateMessage(ctx.t, k.explanation) })) } : x)),
        schemes: schemes.map((s) => schemeComparisonJson(ctx, s)),
      });
    } else {
      const { t, lang } = ctx;
      const cbamOk = cbam.filter((x): x is CbamComparison => 'causes' in x);
      const head = ['', ...c.results.map((x) => `${x.pack.id} (${x.gwpSet.id})`), ...cbamOk.map((x) => `${x.to} ${x.period}`)];
      const rows = [
        head,
        [t('cli:compute.totalShort'), ...c.results.map((x) => fmt(x.total, lang)), ...cbamOk.map((x) => (x.toTotal === null ? '—' : fmt(x.toTotal, lang)))],
        ...STAGES.map((s) => [t(`core:stage.${s}`), ...c.results.map((x) => fmt(x.byStage[s], lang)), ...cbamOk.map(() => '')]),
        ...batteryRow(
          t('battery:compare.column'),
          batteryColumns(r.dataset, fpIds),
          c.results.map((x) => x.pack.id),
          cbamOk.length,
          (v) => fmt(v, lang, 6),
        ),
      ];
      ctx.io.stdout(`${t('cli:compare.header', { fu: `${c.functionalUnit.amount} ${c.functionalUnit.unit}` })}\n${table(rows)}\n`);
      for (const p of c.pairs) {
        ctx.io.stdout(`\n${t('cli:compare.pair', { from: p.from, to: p.to, diff: fmt(p.differenceKg, lang), pct: p.differencePct ?? '—' })}\n`);
        for (const k of p.causes) {
          ctx.io.stdout(`  ${t(`cli:compare.cause.${k.cause}`)}: ${fmt(k.deltaKg, lang)} kg CO2e — ${translateMessage(t, k.explanation)}\n`);
          if (k.gases)
            for (const g of k.gases)
              if (g.deltaKg !== 0) ctx.io.stdout(`      ${g.gas}: GWP ${g.gwpFrom ?? '—'} → ${g.gwpTo ?? '—'}, ${fmt(g.deltaKg, lang)} kg CO2e\n`);
        }
      }
      for (const x of cbam) {
        if (!('causes' in x)) {
          ctx.io.stdout(`\n${t('cli:compare.cbamMissing', { pack: x.to, reason: x.error })}\n`);
          continue;
        }
        const pct = x.differenceKg === null || x.fromTotal === 0 ? '—' : fmt((x.differenceKg / x.fromTotal) * 100, lang, 1);
        ctx.io.stdout(
          `\n${t('cli:compare.pair', { from: x.from, to: `${x.to} (${x.period})`, diff: x.differenceKg === null ? '—' : fmt(x.differenceKg, lang), pct })}\n`,
        );
        for (const k of x.causes) {
          ctx.io.stdout(
            `  ${t(`cli:compare.cause.${k.cause}`)}: ${k.deltaKg === null ? t('cbamconvert:cli.missing') : `${fmt(k.deltaKg, lang)} kg CO2e`} — ${translateMessage(t, k.explanation)}\n`,
          );
          for (const l of k.lines.slice(0, 5))
            ctx.io.stdout(`      ${l.id}: ${fmt(l.fromKg, lang)} → ${l.toKg === null ? t('cbamconvert:cli.missing') : fmt(l.toKg, lang)}\n`);
        }
      }
      for (const s of schemes) printSchemeComparison(ctx, s);
    }
    return findings.some((f) => f.severity === 'error') ? EXIT.FINDINGS : EXIT.OK;
  },
};

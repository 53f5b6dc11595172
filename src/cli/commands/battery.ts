/**
 * carbonbridge battery <dataset.json> --pack eu-battery-cf|cn-miit-battery [--battery battery.json] [--json]
 *   [--out declaration.html|passport.json] — the battery carbon-footprint declaration of one footprint dataset.
 * Exit 0 fine, 1 findings of severity error (or a document that cannot be produced), 2 unusable input.
 */
import { basename, extname } from 'node:path';
import {
  batteryPacks,
  compareBatteryPacks,
  declarationHtml,
  declare,
  dueText,
  getBatteryPack,
  parseBatteryDetails,
  passportExcerpt,
  type BatteryDeclaration,
  type BatteryDetails,
} from '../../core/battery';
import { translateMessage } from '../../core/i18n/translate';
import { parseJsonText, validateDataset } from '../../core/model/validate';
import type { Problem } from '../../core/model/problems';
import { EXIT, printJson, type Command, type CommandContext } from '../command';
import { fmt, printProblems, problemJson, table } from '../shared';
import { PACK_LISTERS } from './packs';

PACK_LISTERS.push(() =>
  [...batteryPacks().values()].map(({ pack: p }) => ({
    id: p.id,
    version: p.version,
    kind: 'battery',
    title: p.title,
    status: p.status,
    effectiveFrom: p.effectiveFrom,
    effectiveTo: p.effectiveTo,
    legalBasis: [p.legalBasis.act, p.legalBasis.clause].filter(Boolean).join(', '),
  })),
);

async function readJson(ctx: CommandContext, file: string): Promise<unknown | number> {
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await ctx.io.readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    ctx.io.stderr(`${ctx.t(code === 'ENOENT' ? 'cli:error.fileNotFound' : 'cli:error.cannotRead', { file, detail: String((e as Error).message) })}\n`);
    return EXIT.UNUSABLE;
  }
  const p = parseJsonText(text);
  if (!p.ok) return fail(ctx, file, [p.problem]);
  return p.value;
}

function fail(ctx: CommandContext, file: string, problems: Problem[]): number {
  if (ctx.json) printJson(ctx.io, { file: basename(file), valid: false, problems: problems.map((p) => problemJson(ctx, p)) });
  else {
    ctx.io.stderr(`${ctx.t('cli:invalidHeader', { file, count: problems.filter((p) => p.severity === 'error').length })}\n`);
    printProblems(ctx, problems);
  }
  return EXIT.UNUSABLE;
}

/** The dataset (without its battery field) and the battery details (from --battery, else from the dataset). */
async function readInputs(
  ctx: CommandContext,
): Promise<{ dataset: import('../../core/model/dataset').Dataset; battery: BatteryDetails; problems: Problem[] } | number> {
  const file = ctx.positionals[0];
  if (!file) {
    ctx.io.stderr(`${ctx.t('cli:error.missingFile')}\n`);
    return EXIT.UNUSABLE;
  }
  const raw = await readJson(ctx, file);
  if (typeof raw === 'number') return raw;
  const { battery: embedded, ...rest } = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const v = validateDataset(raw && typeof raw === 'object' && !Array.isArray(raw) ? rest : raw);
  if (!v.ok || !v.dataset) return fail(ctx, file, v.problems);
  const bFile = typeof ctx.options.battery === 'string' ? ctx.options.battery : undefined;
  let bRaw: unknown = embedded;
  if (bFile) {
    bRaw = await readJson(ctx, bFile);
    if (typeof bRaw === 'number') return bRaw;
  } else if (embedded === undefined) {
    ctx.io.stderr(`${ctx.t('battery:cli.noDetails')}\n`);
    return EXIT.UNUSABLE;
  }
  const b = parseBatteryDetails(bRaw, bFile ? [] : ['battery']);
  if (!b.ok) return fail(ctx, bFile ?? file, b.problems);
  return { dataset: v.dataset, battery: b.details, problems: v.problems };
}

/** Repeated `--name key=value` options as a record. */
function parseOptions(ctx: CommandContext, name = 'option'): Record<string, string> {
  const raw = ctx.options[name];
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return Object.fromEntries(
    list
      .map((s) => s.split('='))
      .filter((p) => p.length === 2)
      .map(([k, v]) => [k!.trim(), v!.trim()]),
  );
}

function printDeclaration(ctx: CommandContext, d: BatteryDeclaration): void {
  const { t, lang } = ctx;
  const n = (x: number | null, dp: number) => (x === null ? t('battery:doc.missingValue') : fmt(x, lang, dp));
  const out: string[] = [];
  out.push(`${t('battery:doc.title')} — ${d.pack.title[lang]} ${d.pack.version} (${t(`battery:status.${d.pack.status}`)})`);
  if (d.pack.notes) out.push(`! ${d.pack.notes[lang]}`);
  out.push(dueText(d.due, { lang, t }));
  if (d.functionalUnit) {
    const fu = d.functionalUnit;
    out.push(
      t('battery:doc.formula'),
      `${t('battery:doc.eTotal')} ${fmt(fu.usableEnergyKWh, lang)} kWh × ${fmt(fu.cyclesPerYear.value, lang)} × ${fmt(fu.years.years, lang)} = ${fmt(fu.eTotalKWh, lang)} kWh`,
    );
  } else out.push(t('battery:doc.fuMissing'));
  out.push(`${t('battery:doc.total')}: ${n(d.total.kgPerKWh, 4)} kg CO2e/kWh · ${n(d.total.kgPerBattery, 3)} kg CO2e / ${t('battery:doc.perBattery')}`);
  out.push(
    table([[`  ${t('battery:doc.stage')}`, 'kg CO2e', 'kg CO2e/kWh'], ...d.stages.map((s) => [`  ${s.title[lang]}`, n(s.kgPerBattery, 3), n(s.kgPerKWh, 4)])]),
  );
  for (const e of d.excludedStages) if (e.lines) out.push(`  ${translateMessage(t, e.reason)}`);
  if (d.electricity.length) {
    out.push('', t('battery:doc.electricity'));
    for (const e of d.electricity)
      out.push(
        `  ${e.lineId}: ${e.reported.value ?? '—'} → ${e.applied.value ?? '—'} (${e.ratio ?? '—'}); ${n(e.kgReportedPerBattery ?? e.kgReported, 3)} → ${n(e.kgAppliedPerBattery ?? e.kgApplied, 3)} kg CO2e${e.instrument ? ` [${t(`battery:doc.instrument.${e.instrument}`)}]` : ''} — ${e.message ? translateMessage(t, e.message) : ''} (${e.ruleId ?? ''})`,
      );
  }
  out.push('', d.performanceClass.userClass ? t('battery:doc.classUser', { cls: d.performanceClass.userClass }) : t('battery:doc.classNotAdopted'));
  if (d.missing.length) out.push('', t('battery:doc.missingTitle'), ...d.missing.map((m) => `  - ${translateMessage(t, m)}`));
  ctx.io.stdout(`${out.join('\n')}\n`);
  if (d.findings.length) printProblems(ctx, d.findings, 'stdout');
}

export const batteryCommand: Command = {
  name: 'battery',
  summaryKey: 'battery:cli.summary',
  usage:
    'carbonbridge battery <dataset.json> --pack <eu-battery-cf|cn-miit-battery> [--battery battery.json] [--option contractual-electricity=<choice>] [--as-of YYYY-MM-DD] [--act-date methodology-da=YYYY-MM-DD …] [--compare <pack>] [--public] [--format batterypass|batterypass-ready|declaration] [--out declaration.html|passport.json] [--lang zh|en|ar] [--json]',
  options: {
    pack: { type: 'string' },
    battery: { type: 'string' },
    out: { type: 'string' },
    option: { type: 'string', multiple: true },
    'act-date': { type: 'string', multiple: true },
    'as-of': { type: 'string' },
    compare: { type: 'string' },
    public: { type: 'boolean' },
    format: { type: 'string' },
  },
  async run(ctx) {
    const id = typeof ctx.options.pack === 'string' ? ctx.options.pack : 'eu-battery-cf';
    const bp = getBatteryPack(id);
    if (!bp) {
      ctx.io.stderr(`${ctx.t('battery:cli.unknownPack', { id, available: [...batteryPacks().keys()].join(', ') })}\n`);
      return EXIT.UNUSABLE;
    }
    const asOf = typeof ctx.options['as-of'] === 'string' ? ctx.options['as-of'] : undefined;
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
      ctx.io.stderr(`${ctx.t('battery:cli.badDate', { value: asOf })}\n`);
      return EXIT.UNUSABLE;
    }
    const input = await readInputs(ctx);
    if (typeof input === 'number') return input;
    const actDates = parseOptions(ctx, 'act-date');
    const badAct = Object.entries(actDates).find(([, v]) => !/^\d{4}-\d{2}-\d{2}$/.test(v));
    if (badAct) {
      ctx.io.stderr(`${ctx.t('battery:cli.badDate', { value: badAct[1] })}\n`);
      return EXIT.UNUSABLE;
    }
    const opts = { options: parseOptions(ctx), actDates, ...(asOf ? { asOf } : {}) };
    const d = declare(input.dataset, input.battery, bp, opts);
    let cmp = undefined;
    if (typeof ctx.options.compare === 'string') {
      const other = getBatteryPack(ctx.options.compare);
      if (!other) {
        ctx.io.stderr(`${ctx.t('battery:cli.unknownPack', { id: ctx.options.compare, available: [...batteryPacks().keys()].join(', ') })}\n`);
        return EXIT.UNUSABLE;
      }
      cmp = compareBatteryPacks(input.dataset, input.battery, bp, other, opts);
    }
    let code: number = d.findings.some((f) => f.severity === 'error') ? EXIT.FINDINGS : EXIT.OK;
    const outFile = typeof ctx.options.out === 'string' ? ctx.options.out : undefined;
    if (outFile) {
      const ext = extname(outFile).toLowerCase();
      const format = typeof ctx.options.format === 'string' ? ctx.options.format : ext === '.json' ? 'batterypass' : 'html';
      if (ext === '.html' || ext === '.htm')
        await ctx.io.writeFile(outFile, declarationHtml(d, { lang: ctx.lang, t: ctx.t }, { publicVersion: ctx.options.public === true }));
      else if (format === 'declaration') await ctx.io.writeFile(outFile, `${JSON.stringify(d, null, 2)}\n`);
      else {
        const p = passportExcerpt(d, ctx.t);
        if (!p.ok) {
          ctx.io.stderr(`${ctx.t('battery:cli.noPassport')}\n${p.missing.map((m) => `  - ${translateMessage(ctx.t, m)}`).join('\n')}\n`);
          code = EXIT.FINDINGS;
        } else await ctx.io.writeFile(outFile, `${JSON.stringify(format === 'batterypass-ready' ? p.batteryPassReady : p.batteryPass, null, 2)}\n`);
      }
      if (code !== EXIT.FINDINGS || ext === '.html') ctx.io.stderr(`${ctx.t('battery:cli.written', { file: outFile })}\n`);
    }
    if (ctx.json) {
      const tr = (m: import('../../core/i18n/message').Message) => translateMessage(ctx.t, m);
      printJson(ctx.io, {
        ...d,
        findings: [...input.problems, ...d.findings].map((p) => problemJson(ctx, p)),
        missing: d.missing.map((m) => ({ ...m, text: tr(m) })),
        passport: passportExcerpt(d, ctx.t),
        ...(cmp
          ? {
              comparison: {
                differencePerKWh: cmp.differencePerKWh,
                from: cmp.from.total,
                to: cmp.to.total,
                toPack: cmp.to.pack.id,
                causes: cmp.causes.map((k) => ({ ...k, text: tr(k.explanation) })),
              },
            }
          : {}),
      });
    } else {
      printDeclaration(ctx, d);
      if (cmp) {
        ctx.io.stdout(
          `\n${ctx.t('battery:compare.title')}: ${cmp.from.pack.id} → ${cmp.to.pack.id}: ${cmp.differencePerKWh === null ? '—' : fmt(cmp.differencePerKWh, ctx.lang, 6)} kg CO2e/kWh\n`,
        );
        for (const k of cmp.causes)
          ctx.io.stdout(`  ${ctx.t(`battery:compare.cause.${k.cause}`)}: ${fmt(k.deltaPerKWh, ctx.lang, 6)} — ${translateMessage(ctx.t, k.explanation)}\n`);
      }
    }
    return code;
  },
};

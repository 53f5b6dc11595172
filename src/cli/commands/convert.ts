/**
 * carbonbridge convert dataset.json --to eu-cbam --period 2026 [--electricity <choice>] [--ef <tCO2/MWh>] [--actual-ef <tCO2/MWh>]
 *   [--cn <8-digit CN>] [--route <id>] [--corrections <file.json>] [--json]
 *   [--template <official.xlsx> --out filled.xlsx]   official communication template, filled (the template is never changed)
 *   [--out report.xml --report-info <file.json>]     transitional quarterly report XML (periods up to 2025-Q4)
 *   [--out statement.xlsx --ledger imports.csv]      quarterly statement (quarter) or annual declaration (year), definitive period
 *   [--out workbook.xlsx]                             own workbook with the Summary_Communication columns
 *   [--out result.json]                               the conversion result
 * Exit codes: 0 converted (and written); 1 findings (incomplete conversion, not a CBAM good, a written file that failed
 * its check); 2 unusable input (arguments, files, template).
 */
import { createHash } from 'node:crypto';
import { basename, extname, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { translateMessage } from '../../core/i18n/translate';
import type { Message } from '../../core/i18n/message';
import {
  CbamConvertError,
  convertToCbam,
  ELECTRICITY_CHOICES,
  toDocsModel,
  type CbamConversion,
  type ConvertOptions,
  type ElectricityChoice,
  type Fig,
} from '../../core/cbam/convert';
import { CbamDocError } from '../../core/cbam/docs/errors';
import { toDocsModelPartial } from '../../core/cbam/docs-model';
import { fillOfficialTemplate, identifyTemplate } from '../../core/cbam/docs/template';
import { translateTemplate } from '../../core/templates-i18n/translate';
import { buildOwnWorkbook } from '../../core/cbam/docs/own-workbook';
import { qreportFromConversion, type QReportHeader } from '../../core/cbam/docs/qreport-from-conversion';
import { readLedgerCsv } from '../../core/cbam/docs/ledger';
import { seeFromConversion } from '../../core/cbam/docs/ledger-match';
import { annualDeclarationXlsx, buildAnnualDeclaration, buildQuarterlyStatement, quarterlyStatementXlsx } from '../../core/cbam/docs/statements';
import { EXIT, printJson, type Command, type CommandContext } from '../command';
import { figText, fmt, printProblems, problemJson, readDataset, srcText, table } from '../shared';
import { applyRulesOption, RULES_OPTION } from '../rules-dir';
import { cbamPack, schemeOf } from '../../core/cbam/packs';
import { compareConversions, type SchemeComparison } from '../../core/cbam/compare-schemes';
import { electricityChoiceLabel } from '../../core/cbam/scheme-wording';
import { checkOutputPath, MAX_EF_T_PER_MWH, numberOption, optionFail, periodOption, readJsonInput } from '../options';
import { runInstallation } from './convert-installation';

const tr = (ctx: CommandContext, m: Message): string => translateMessage(ctx.t, m);
const withText = (ctx: CommandContext, m: Message) => ({ ...m, text: tr(ctx, m) });
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function fail(ctx: CommandContext, messages: Message[], code: number, header?: string): number {
  if (ctx.json) printJson(ctx.io, { ok: false, errors: messages.map((m) => withText(ctx, m)) });
  else ctx.io.stderr(`${header ? `${header}\n` : ''}${messages.map((m) => tr(ctx, m)).join('\n')}\n`);
  return code;
}

/** The top-level groups of a --corrections file. */
const CORRECTION_KEYS = ['heat', 'wasteGas', 'electricityExported'];

/** A scheme comparison with the text of every explanation, for --json. */
export function schemeComparisonJson(ctx: CommandContext, c: SchemeComparison): Record<string, unknown> {
  return { ...c, differences: c.differences.map((d) => ({ ...d, text: tr(ctx, d.explanation) })) };
}

/** The comparison with the EU result as text: SEE of both sides, then each difference with its cause. */
export function printSchemeComparison(ctx: CommandContext, c: SchemeComparison): void {
  const v = (x: number | null) => (x === null ? ctx.t('cbamconvert:cli.missing') : fmt(x, ctx.lang, 7));
  ctx.io.stdout(`\n${ctx.t('cbampacks:cli.vsHeader', { from: c.from.pack, to: c.to.pack, year: c.year })}\n`);
  ctx.io.stdout(
    `${table([
      ['', c.from.pack, c.to.pack],
      [ctx.t('cbampacks:cli.seeDirect'), v(c.from.seeDirect), v(c.to.seeDirect)],
      [ctx.t('cbampacks:cli.seeCounted'), v(c.from.seeCounted), v(c.to.seeCounted)],
    ])}\n`,
  );
  if (!c.differences.length) ctx.io.stdout(`${ctx.t('cbampacks:cli.noDifference')}\n`);
  for (const d of c.differences) {
    ctx.io.stdout(
      `  ${ctx.t(`cbampacks:cause.${d.cause}`)}: ${d.deltaSee === null ? v(null) : `${fmt(d.deltaSee, ctx.lang, 7)} tCO2e/t`} — ${tr(ctx, d.explanation)}\n`,
    );
    for (const it of d.items.slice(0, 8)) ctx.io.stdout(`      ${it}\n`);
  }
}

/** Every message of the result with its text, for --json. */
function resultJson(ctx: CommandContext, r: CbamConversion): Record<string, unknown> {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') {
      const o = Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v)]));
      if (typeof (x as { key?: unknown }).key === 'string' && /^[a-z]+:/.test((x as { key: string }).key) && !('value' in x)) o.text = tr(ctx, x as Message);
      return o;
    }
    return x;
  };
  return { ...(walk({ ...r, findings: [] }) as Record<string, unknown>), findings: r.findings.map((p) => problemJson(ctx, p)) };
}

function printText(ctx: CommandContext, r: CbamConversion, productName: string): void {
  const t = ctx.t;
  const out: string[] = [];
  out.push(
    t('cbamconvert:cli.header', {
      product: productName,
      cn: r.good.printed,
      category: t(r.good.category.nameKey),
      pack: r.pack.id,
      version: r.pack.version,
      period: r.period.label,
    }),
  );
  out.push('');
  const row = (label: string, f: Fig | null, dp = 6) => [label, figText(ctx, f, dp), srcText(f)];
  const rows: string[][] = [row(t('cbamconvert:cli.production'), r.production), row(t('cbamconvert:cli.directTotal'), r.direct.total)];
  if (r.corrections.items.length)
    rows.push(row(t('cbamconvert:cli.corrections'), r.corrections.total), row(t('cbamconvert:cli.attributedDirect'), r.attributedDirect));
  rows.push(row(`${t('cbamconvert:cli.electricity')}${r.electricity.counted ? '' : ` ${t('cbamconvert:cli.notCounted')}`}`, r.electricity.mwh));
  // the default factor of the country named after the pack's scheme (not "EU" under the UK CBAM)
  const choiceText = (c: string) => tr(ctx, electricityChoiceLabel(r.pack.scheme, r.pack.id, c));
  rows.push(row(t('cbamconvert:cli.ef', { choice: choiceText(r.electricity.choice) }), r.electricity.ef));
  rows.push(row(t('cbamconvert:cli.indirect'), r.electricity.indirect));
  if (r.precursors.lines.length)
    rows.push(
      row(t('cbamconvert:cli.precursorsDirect'), r.precursors.embeddedDirect),
      row(t('cbamconvert:cli.precursorsIndirect'), r.precursors.embeddedIndirect),
    );
  rows.push(
    row(t('cbamconvert:cli.seeDirect'), r.see.direct, 7),
    row(t('cbamconvert:cli.seeIndirect'), r.see.indirect, 7),
    row(t('cbamconvert:cli.seeTotal'), r.see.total, 7),
  );
  rows.push(
    row(
      `${t('cbamconvert:cli.seeCounted')} (${t(r.see.counted === 'direct' ? 'cbamconvert:cli.countedDirect' : 'cbamconvert:cli.countedTotal')})`,
      r.see.countedValue,
      7,
    ),
  );
  out.push(table(rows));

  out.push('', t('cbamconvert:cli.kept'));
  out.push(
    table(
      r.direct.lines.map((l) => [
        `  ${l.id}`,
        fmt(l.co2e.value, ctx.lang),
        'tCO2e',
        l.gases.map((g) => `${g.gas} ${t(`cbamconvert:outcome.${g.outcome}`)}${g.gwp && g.gas !== 'CO2_fossil' ? ` ×${g.gwp.value}` : ''}`).join(', '),
      ]),
    ),
  );
  if (r.precursors.lines.length) {
    out.push('', t('cbamconvert:cli.precursors'));
    out.push(
      table(
        r.precursors.lines.map((p) => [`  ${p.id}`, `CN ${p.cn}`, p.country ?? '?', figText(ctx, p.massT), figText(ctx, p.seeDirect, 7), srcText(p.seeDirect)]),
      ),
    );
  }
  out.push('', t('cbamconvert:cli.dropped', { count: r.dropped.length }));
  for (const d of r.dropped) out.push(`  - ${tr(ctx, d.reason)} [${[d.legalRef.act, d.legalRef.annex].filter(Boolean).join(', ')}]`);
  if (r.droppedGases.length) {
    out.push('', t('cbamconvert:cli.droppedGases'));
    for (const g of r.droppedGases) out.push(`  - ${tr(ctx, g.reason)} (${fmt(g.massT, ctx.lang, 6)} t)`);
  }
  out.push('', t('cbamconvert:cli.options'));
  out.push(
    table([
      [`  ${t('cbamconvert:cli.choiceCol')}`, t('cbamconvert:cli.statusCol'), t('cbamconvert:cli.efCol'), t('cbamconvert:cli.seeTotalCol'), ''],
      ...r.electricity.options.map((o) => [
        `  ${o.choice === r.electricity.choice ? '* ' : '  '}${choiceText(o.choice)}`,
        t(`cbamconvert:status.${o.status}`),
        o.ef ? fmt(o.ef.value, ctx.lang, 4) : '-',
        o.seeTotal ? fmt(o.seeTotal.value, ctx.lang, 7) : '-',
        tr(ctx, o.note),
      ]),
    ]),
  );
  out.push('', t('cbamconvert:cli.verifier'));
  for (const v of r.verifier) out.push(`  - ${tr(ctx, v.message)} [${v.legalRef}]`);
  ctx.io.stdout(`${out.join('\n')}\n`);
  if (r.findings.length) {
    ctx.io.stdout(`\n${t('cbamconvert:cli.findings')}\n`);
    printProblems(ctx, r.findings, 'stdout');
  }
}

type Written = { file: string; what: string; bytes: number; sha256: string; checks?: Record<string, unknown> };

/** Writes the requested document; returns what was written or an exit code. */
async function writeDocument(
  ctx: CommandContext,
  r: CbamConversion,
  dataset: Parameters<typeof toDocsModel>[1],
  out: string,
  productCn: string | undefined,
): Promise<Written | number> {
  const o = ctx.options;
  const ext = extname(out).toLowerCase();
  const template = typeof o.template === 'string' ? o.template : undefined;
  const ledger = typeof o.ledger === 'string' ? o.ledger : undefined;
  if (!['.xlsx', '.xml', '.json'].includes(ext) || (template && ext !== '.xlsx'))
    return fail(ctx, [{ key: 'cbamconvert:cli.outExtension', params: { file: out } }], EXIT.UNUSABLE);
  if (ext !== '.json' && !cbamPack(r.pack.id).rules.documents.length)
    return fail(ctx, [{ key: 'cbampacks:errors.noDocuments', params: { pack: r.pack.id, file: out } }], EXIT.UNUSABLE);

  let bytes: Uint8Array;
  let what: string;
  let checks: Record<string, unknown> | undefined;
  let templateBytes: Uint8Array | undefined;
  try {
    if (ext === '.json') {
      bytes = new TextEncoder().encode(`${JSON.stringify(resultJson(ctx, r), null, 2)}\n`);
      what = 'json';
    } else if (template) {
      const tl = o['template-lang'];
      if (tl !== undefined && tl !== 'zh' && tl !== 'ar')
        return fail(ctx, [{ key: 'partners:error.badTemplateLang', params: { value: String(tl) } }], EXIT.UNUSABLE);
      if (resolve(template) === resolve(out)) return fail(ctx, [{ key: 'cbamconvert:cli.sameFile' }], EXIT.UNUSABLE);
      try {
        templateBytes = await ctx.io.readFile(template);
      } catch (e) {
        return fail(ctx, [{ key: 'cbamconvert:cli.cannotRead', params: { file: template, detail: (e as Error).message } }], EXIT.UNUSABLE);
      }
      const before = sha(templateBytes);
      // partial mode: what is known is written, what is not stays empty and is listed (never 0)
      const partial = toDocsModelPartial(r, dataset, productCn ? { productCn } : {});
      const filled = fillOfficialTemplate(templateBytes, partial.model);
      if (sha(templateBytes) !== before) return fail(ctx, [{ key: 'cbamconvert:cli.templateChanged' }], EXIT.UNUSABLE);
      bytes = filled.bytes;
      what = 'template';
      const rep = filled.report;
      checks = {
        templateVersion: rep.templateVersion,
        written: rep.written,
        verified: rep.verified,
        mismatches: rep.mismatches.length,
        formulasUnchanged: rep.formulasUnchanged,
        protectionUnchanged: rep.protectionUnchanged,
        validationsUnchanged: rep.validationsUnchanged,
        fullCalcOnLoad: rep.fullCalcOnLoad,
        see: rep.see.products,
        warnings: rep.warnings.map((m) => withText(ctx, m)),
        gaps: rep.gaps.map((g) => ({ sheet: g.sheet, ref: g.ref, field: g.field, reason: withText(ctx, g.reason) })),
        missing: partial.missing.map((m) => withText(ctx, m)),
      };
      if (!rep.ok)
        return fail(
          ctx,
          [{ key: 'cbamconvert:cli.verifyFailed', params: { file: out, detail: `${rep.mismatches.length} mismatches` } }, ...rep.warnings],
          EXIT.FINDINGS,
        );
      // --template-lang zh|ar: the template's own Translations sheet filled and that language selected
      if (tl === 'zh' || tl === 'ar') {
        const tt = translateTemplate(bytes, tl);
        bytes = tt.bytes;
        checks = { ...checks, templateLang: tt.report };
      }
    } else if (ext === '.xml') {
      if (r.pack.kind !== 'transitional')
        return fail(ctx, [{ key: 'cbamconvert:cli.xmlNeedsTransitional', params: { period: r.period.label } }], EXIT.UNUSABLE);
      if (r.period.kind !== 'quarter') return fail(ctx, [{ key: 'cbamconvert:cli.xmlNeedsQuarter' }], EXIT.UNUSABLE);
      const infoFile = typeof o['report-info'] === 'string' ? (o['report-info'] as string) : undefined;
      if (!infoFile) return fail(ctx, [{ key: 'cbamconvert:cli.xmlNeedsReportInfo' }], EXIT.UNUSABLE);
      const info = await readJsonInput(ctx, infoFile, 'report-info');
      if (!info.ok) return info.code;
      const v = info.value as Record<string, unknown> & { netMass?: number };
      const netMass = typeof v.netMass === 'number' ? v.netMass : NaN;
      const { netMass: _n, ...rest } = v;
      bytes = new TextEncoder().encode(
        qreportFromConversion(r, dataset, { netMass, now: new Date(), ...(productCn ? { productCn } : {}), report: rest as unknown as QReportHeader }).xml,
      );
      what = 'qreport';
    } else if (ledger) {
      if (r.pack.kind !== 'definitive') return fail(ctx, [{ key: 'cbamconvert:cli.ledgerNeedsDefinitive' }], EXIT.UNUSABLE);
      let lbytes: Uint8Array;
      try {
        lbytes = await ctx.io.readFile(ledger);
      } catch (e) {
        return fail(ctx, [{ key: 'cbamconvert:cli.cannotRead', params: { file: ledger, detail: (e as Error).message } }], EXIT.UNUSABLE);
      }
      const lines = readLedgerCsv(lbytes);
      const seeFor = seeFromConversion(r, dataset);
      if (r.period.kind === 'quarter') {
        bytes = quarterlyStatementXlsx(buildQuarterlyStatement(lines, r.period.label, { seeFor, t: (k, p) => ctx.t(k, p) }), (k, p) => ctx.t(k, p));
        what = 'quarterly';
      } else {
        bytes = annualDeclarationXlsx(buildAnnualDeclaration(lines, r.period.year, { seeFor, t: (k, p) => ctx.t(k, p) }), (k, p) => ctx.t(k, p));
        what = 'annual';
      }
    } else {
      bytes = buildOwnWorkbook(toDocsModel(r, dataset, productCn ? { productCn } : {}), { t: (k, p) => ctx.t(k, p) });
      what = 'ownWorkbook';
    }
  } catch (e) {
    if (e instanceof CbamConvertError) return fail(ctx, e.messages, EXIT.FINDINGS, ctx.t('cbamconvert:cli.docError'));
    if (e instanceof CbamDocError) return fail(ctx, e.messages, EXIT.UNUSABLE, ctx.t('cbamconvert:cli.docError'));
    throw e;
  }

  try {
    await ctx.io.writeFile(out, bytes);
  } catch (e) {
    return fail(ctx, [{ key: 'cbamconvert:cli.cannotWrite', params: { file: out, detail: (e as Error).message } }], EXIT.UNUSABLE);
  }
  // re-read what was written and check it
  let back: Uint8Array;
  try {
    back = await ctx.io.readFile(out);
  } catch (e) {
    return fail(ctx, [{ key: 'cbamconvert:cli.cannotRead', params: { file: out, detail: (e as Error).message } }], EXIT.FINDINGS);
  }
  const problems: string[] = [];
  if (sha(back) !== sha(bytes)) problems.push('bytes differ');
  try {
    if (ext === '.xlsx') {
      const files = unzipSync(back);
      if (!files['xl/workbook.xml']) problems.push('no xl/workbook.xml');
      if (what === 'template') identifyTemplate(files);
    } else if (ext === '.xml') {
      if (!new TextDecoder().decode(back).startsWith('<?xml')) problems.push('not XML');
    } else JSON.parse(new TextDecoder().decode(back));
  } catch (e) {
    problems.push(e instanceof CbamDocError ? tr(ctx, e.messages[0]!) : (e as Error).message);
  }
  if (templateBytes && typeof o.template === 'string') {
    const now = await ctx.io.readFile(o.template).catch(() => undefined);
    if (!now || sha(now) !== sha(templateBytes)) problems.push('template changed');
  }
  if (problems.length) return fail(ctx, [{ key: 'cbamconvert:cli.verifyFailed', params: { file: out, detail: problems.join('; ') } }], EXIT.FINDINGS);
  return { file: out, what, bytes: back.length, sha256: sha(back), ...(checks ? { checks } : {}) };
}

export const convertCommand: Command = {
  name: 'convert',
  summaryKey: 'cbamconvert:cli.summary',
  usage:
    'carbonbridge convert <dataset.json> --to <eu-cbam|uk-cbam|…> --period <2026|2026-Q1|2025-Q3|2027> [--rules <dir>] [--electricity <eu-default|cn-mee-national|cn-mee-northwest|cn-mee-ningxia|actual-ppa|actual-direct-line>] [--ef <tCO2/MWh>] [--actual-ef <tCO2/MWh>] [--cn <CN>] [--route <id>] [--corrections <file.json>] [--template <official.xlsx>] [--template-lang zh|ar] [--out <file.xlsx|.xml|.json>] [--report-info <file.json>] [--ledger <imports.csv>] [--json]',
  options: {
    to: { type: 'string' },
    period: { type: 'string' },
    electricity: { type: 'string' },
    ef: { type: 'string' },
    'actual-ef': { type: 'string' },
    cn: { type: 'string' },
    route: { type: 'string' },
    corrections: { type: 'string' },
    template: { type: 'string' },
    'template-lang': { type: 'string' },
    out: { type: 'string' },
    'report-info': { type: 'string' },
    ledger: { type: 'string' },
    ...RULES_OPTION,
  },
  async run(ctx) {
    const o = ctx.options;
    const rulesCode = applyRulesOption(ctx);
    if (rulesCode !== null) return rulesCode;
    if (typeof o.to !== 'string') return fail(ctx, [{ key: 'cbamconvert:cli.missingOption', params: { option: 'to' } }], EXIT.UNUSABLE);
    const scheme = schemeOf(o.to);
    if (!scheme) return fail(ctx, [{ key: 'cbamconvert:cli.badTo', params: { value: o.to } }], EXIT.UNUSABLE);
    if (typeof o.period !== 'string' || !o.period.trim())
      return fail(ctx, [{ key: 'cbamconvert:cli.missingOption', params: { option: 'period' } }], EXIT.UNUSABLE);
    const periodOpt = periodOption(ctx);
    if (!periodOpt.ok) return periodOpt.code;
    if (typeof o.out === 'string') {
      const okOut = await checkOutputPath(ctx, o.out, 'out');
      if (!okOut.ok) return okOut.code;
    }
    if (typeof o.template === 'string' && typeof o.out !== 'string')
      return fail(ctx, [{ key: 'cbamconvert:cli.missingOption', params: { option: 'out' } }], EXIT.UNUSABLE);
    const choice = o.electricity as string | undefined;
    if (choice !== undefined && !(ELECTRICITY_CHOICES as readonly string[]).includes(choice))
      return fail(ctx, [{ key: 'cbamconvert:cli.badChoice', params: { value: choice, allowed: ELECTRICITY_CHOICES.join(', ') } }], EXIT.UNUSABLE);
    const efOpt = numberOption(ctx, 'ef', { max: MAX_EF_T_PER_MWH, unit: 'tCO2/MWh' });
    if (!efOpt.ok) return efOpt.code;
    const actualEfOpt = numberOption(ctx, 'actual-ef', { max: MAX_EF_T_PER_MWH, unit: 'tCO2/MWh' });
    if (!actualEfOpt.ok) return actualEfOpt.code;
    const ef = efOpt.value;
    const actualEf = actualEfOpt.value;

    const ds = await readDataset(ctx, ctx.positionals[0]);
    if (typeof ds === 'number') return ds;
    let corrections: ConvertOptions['corrections'];
    if (typeof o.corrections === 'string') {
      const j = await readJsonInput(ctx, o.corrections, 'corrections');
      if (!j.ok) return j.code;
      const unknown = Object.keys(j.value as object).filter((k) => !CORRECTION_KEYS.includes(k));
      if (unknown.length)
        return optionFail(ctx, 'cli:file.unknownKeys', {
          option: '--corrections',
          file: o.corrections,
          keys: unknown.join(', ').slice(0, 200),
          allowed: CORRECTION_KEYS.join(', '),
        }).code;
      corrections = j.value as ConvertOptions['corrections'];
    }
    const cn = typeof o.cn === 'string' ? o.cn : undefined;
    const opts: ConvertOptions = {
      period: o.period,
      ...(cn ? { cnCode: cn } : {}),
      ...(typeof o.route === 'string' ? { route: o.route } : {}),
      electricity: {
        ...(choice ? { choice: choice as ElectricityChoice } : {}),
        ...(typeof ef === 'number' ? { euDefaultEf: ef } : {}),
        ...(typeof actualEf === 'number' ? { actualEf } : {}),
      },
      ...(corrections ? { corrections } : {}),
    };
    if (ds.dataset.processes?.length) return runInstallation(ctx, ds, { ...opts, scheme });
    // the electricity texts are in the words of the pack's scheme (written so by the conversion)
    const r = convertToCbam(ds.dataset, { ...opts, scheme });
    if (!r.ok) {
      if (r.status === 'not-cbam') {
        if (ctx.json)
          printJson(ctx.io, {
            ok: false,
            status: r.status,
            isCbamGood: false,
            reason: r.reason ? withText(ctx, r.reason) : null,
            legalRef: r.legalRef,
            errors: r.errors.map((m) => withText(ctx, m)),
          });
        else
          ctx.io.stdout(
            `${ctx.t('cbamconvert:cli.notCbam')}: ${r.errors.map((m) => tr(ctx, m)).join(' ')}${r.legalRef ? ` [${[r.legalRef.act, r.legalRef.annex].filter(Boolean).join(', ')}]` : ''}\n`,
          );
        return EXIT.FINDINGS;
      }
      return fail(ctx, r.errors, EXIT.UNUSABLE);
    }
    const productName = ds.dataset.product.name[ctx.lang] ?? ds.dataset.product.name.en ?? ds.dataset.product.name.zh ?? '';
    // another scheme than the EU CBAM: the EU result for the same year, and every difference with its cause
    let vsEu: SchemeComparison | undefined;
    if (scheme !== 'eu-cbam') {
      const eu = convertToCbam(ds.dataset, { ...opts, period: String(r.period.year), scheme: 'eu-cbam' });
      if (eu.ok) vsEu = compareConversions(eu, r);
    }
    let written: Written | undefined;
    if (typeof o.out === 'string') {
      const w = await writeDocument(ctx, r, ds.dataset, o.out, cn && cn.replace(/\s+/g, '').length === 8 ? cn : undefined);
      if (typeof w === 'number') {
        if (!ctx.json) printText(ctx, r, productName);
        return w;
      }
      written = w;
    }
    if (ctx.json)
      printJson(ctx.io, {
        ok: true,
        file: basename(ctx.positionals[0]!),
        ...resultJson(ctx, r),
        ...(written ? { written } : {}),
        ...(vsEu ? { comparedWithEu: schemeComparisonJson(ctx, vsEu) } : {}),
      });
    else {
      printText(ctx, r, productName);
      if (vsEu) printSchemeComparison(ctx, vsEu);
      if (written) ctx.io.stdout(`\n${ctx.t('cbamconvert:cli.written', { file: written.file, what: ctx.t(`cbamconvert:cli.what.${written.what}`) })}\n`);
      for (const g of (written?.checks?.gaps ?? []) as { sheet: string; ref: string; reason: { text: string } }[])
        ctx.io.stdout(`  ${g.sheet}!${g.ref}: ${g.reason.text}\n`);
    }
    const errors = [...ds.problems, ...r.findings].some((f) => f.severity === 'error');
    return errors || !r.complete ? EXIT.FINDINGS : EXIT.OK;
  },
};

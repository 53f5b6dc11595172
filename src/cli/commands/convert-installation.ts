/**
 * `carbonbridge convert` on a dataset with production processes (format version 2): the installation as the
 * communication template sees it. Prints per process and per product SEE direct / indirect / total with units and
 * sources, lists the figures not known; `--template official.xlsx --out filled.xlsx` fills the whole workbook (all
 * processes, purchased precursors, products), `--out result.json` / `--json` give the installation result,
 * `--out own.xlsx` our own workbook.
 */
import { createHash } from 'node:crypto';
import { basename, extname, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { translateMessage } from '../../core/i18n/translate';
import type { Message } from '../../core/i18n/message';
import type { ConvertOptions, Fig } from '../../core/cbam/convert';
import { convertInstallation, type InstallationConversion, type InstallationSee } from '../../core/cbam/installation';
import { CbamDocError } from '../../core/cbam/docs/errors';
import { fillOfficialTemplate, identifyTemplate } from '../../core/cbam/docs/template';
import { buildOwnWorkbook } from '../../core/cbam/docs/own-workbook';
import type { Dataset } from '../../core/model/dataset';
import type { Problem } from '../../core/model/problems';
import { EXIT, printJson, type CommandContext } from '../command';
import { figText, fmt, printProblems, problemJson, srcText, table } from '../shared';

const tr = (ctx: CommandContext, m: Message): string => translateMessage(ctx.t, m);
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function fail(ctx: CommandContext, messages: Message[], code: number): number {
  if (ctx.json) printJson(ctx.io, { ok: false, errors: messages.map((m) => ({ ...m, text: tr(ctx, m) })) });
  else ctx.io.stderr(`${messages.map((m) => tr(ctx, m)).join('\n')}\n`);
  return code;
}

/** The installation result with the text of every message, for --json and --out result.json. */
export function installationJson(ctx: CommandContext, r: InstallationConversion): Record<string, unknown> {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') {
      const o = Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v)]));
      const key = (x as { key?: unknown }).key;
      if (typeof key === 'string' && /^[a-z]+:/.test(key) && !('value' in x)) o.text = tr(ctx, x as Message);
      return o;
    }
    return x;
  };
  const prob = (p: Problem) => problemJson(ctx, p);
  const processes = r.processes.map((p) => ({
    ...(walk({ ...p, conversion: p.conversion.ok ? { ...p.conversion, findings: [] } : p.conversion }) as Record<string, unknown>),
    findings: p.conversion.ok ? p.conversion.findings.map(prob) : [],
  }));
  return { ...(walk({ ...r, processes: [], findings: [] }) as Record<string, unknown>), processes, findings: r.findings.map(prob) };
}

function seeRows(ctx: CommandContext, s: InstallationSee, indent: string): string[][] {
  const t = ctx.t;
  const row = (label: string, f: Fig | null) => [`${indent}${label}`, figText(ctx, f, 7), srcText(f)];
  const rows = [
    row(t('cbamconvert:installation.cli.seeDirect'), s.direct),
    row(t('cbamconvert:installation.cli.seeIndirect'), s.indirect),
    row(t('cbamconvert:installation.cli.seeTotal'), s.total),
  ];
  rows.push(
    row(`${t('cbamconvert:cli.seeCounted')} (${t(s.counted === 'direct' ? 'cbamconvert:cli.countedDirect' : 'cbamconvert:cli.countedTotal')})`, s.countedValue),
  );
  if (s.shareDefault !== null)
    rows.push([`${indent}${t('cbamconvert:installation.cli.shareDefault')}`, fmt(s.shareDefault, ctx.lang, 6), 'AttrEm_dir,default / (SEE_dir × AL)']);
  return rows;
}

export function printInstallation(ctx: CommandContext, r: InstallationConversion, dataset: Dataset): void {
  const t = ctx.t;
  const out: string[] = [];
  const inst = dataset.installations[0];
  out.push(
    t('cbamconvert:installation.cli.header', {
      installation: inst?.nameEn ?? inst?.name ?? dataset.producer.name,
      count: r.processes.length,
      pack: r.pack?.id ?? '-',
      version: r.pack?.version ?? '',
      period: r.period?.label ?? '-',
    }),
  );
  for (const p of r.processes) {
    const c = p.conversion;
    out.push(
      '',
      t('cbamconvert:installation.cli.process', { id: p.id, template: p.templateId, name: p.name, category: c.ok ? t(c.good.category.nameKey) : '-' }),
    );
    const rows: string[][] = [[`  ${t('cbamconvert:installation.cli.production')}`, figText(ctx, p.production, 6), srcText(p.production)]];
    if (c.ok) {
      rows.push([`  ${t('cbamconvert:installation.cli.attributedDirect')}`, figText(ctx, c.attributedDirect, 6), srcText(c.attributedDirect)]);
      rows.push([`  ${t('cbamconvert:cli.electricity')}`, figText(ctx, c.electricity.mwh, 6), srcText(c.electricity.mwh)]);
      rows.push([`  ${t('cbamconvert:installation.cli.indirect')}`, figText(ctx, c.electricity.indirect, 6), srcText(c.electricity.indirect)]);
      if (c.precursors.lines.length)
        rows.push([`  ${t('cbamconvert:cli.precursorsDirect')}`, figText(ctx, c.precursors.embeddedDirect, 6), srcText(c.precursors.embeddedDirect)]);
    } else for (const e of c.errors) rows.push([`  ${tr(ctx, e)}`, '', '']);
    for (const f of p.inputs)
      rows.push([
        `  ${t('cbamconvert:installation.cli.fromProcess', { from: f.from, amount: fmt(f.amount.value, ctx.lang, 3) })}`,
        figText(ctx, f.seeDirect, 7),
        srcText(f.seeDirect),
      ]);
    rows.push(...seeRows(ctx, p.see, '  '));
    out.push(table(rows));
  }
  out.push('', t('cbamconvert:installation.cli.products'));
  for (const pr of r.products) {
    out.push(t('cbamconvert:installation.cli.product', { id: pr.id, cn: pr.printed, name: pr.name, process: pr.processId }));
    out.push(table(seeRows(ctx, pr.see, '  ')));
  }
  out.push('', r.missing.length ? t('cbamconvert:installation.cli.missing') : t('cbamconvert:installation.cli.noMissing'));
  for (const m of r.missing) out.push(`  - ${tr(ctx, m.reason)}`);
  ctx.io.stdout(`${out.join('\n')}\n`);
  if (r.findings.length) {
    ctx.io.stdout(`\n${t('cbamconvert:cli.findings')}\n`);
    printProblems(ctx, r.findings, 'stdout');
  }
}

type Written = { file: string; what: string; bytes: number; sha256: string; checks?: Record<string, unknown> };

/** Writes the filled template, our own workbook or the result JSON; returns what was written or an exit code. */
async function writeInstallation(ctx: CommandContext, r: InstallationConversion, out: string): Promise<Written | number> {
  const o = ctx.options;
  const ext = extname(out).toLowerCase();
  const template = typeof o.template === 'string' ? o.template : undefined;
  if (!['.xlsx', '.json'].includes(ext) || typeof o.ledger === 'string' || typeof o['report-info'] === 'string')
    return fail(ctx, [{ key: 'cbamconvert:installation.cli.outNotForInstallation', params: { file: out } }], EXIT.UNUSABLE);
  let bytes: Uint8Array;
  let what: string;
  let checks: Record<string, unknown> | undefined;
  let templateBytes: Uint8Array | undefined;
  if (ext === '.json') {
    bytes = new TextEncoder().encode(`${JSON.stringify(installationJson(ctx, r), null, 2)}\n`);
    what = 'json';
  } else {
    if (!r.docs) return fail(ctx, [{ key: 'cbamconvert:installation.cli.noDocs' }], EXIT.FINDINGS);
    try {
      if (template) {
        if (resolve(template) === resolve(out)) return fail(ctx, [{ key: 'cbamconvert:cli.sameFile' }], EXIT.UNUSABLE);
        try {
          templateBytes = await ctx.io.readFile(template);
        } catch (e) {
          return fail(ctx, [{ key: 'cbamconvert:cli.cannotRead', params: { file: template, detail: (e as Error).message } }], EXIT.UNUSABLE);
        }
        const before = sha(templateBytes);
        const filled = fillOfficialTemplate(templateBytes, r.docs);
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
          see: rep.see.products,
          warnings: rep.warnings.map((m) => ({ ...m, text: tr(ctx, m) })),
        };
        if (!rep.ok)
          return fail(
            ctx,
            [{ key: 'cbamconvert:cli.verifyFailed', params: { file: out, detail: `${rep.mismatches.length} mismatches` } }, ...rep.warnings],
            EXIT.FINDINGS,
          );
      } else {
        bytes = buildOwnWorkbook(r.docs, { t: (k, p) => ctx.t(k, p) });
        what = 'ownWorkbook';
      }
    } catch (e) {
      if (e instanceof CbamDocError) return fail(ctx, e.messages, EXIT.UNUSABLE);
      throw e;
    }
  }
  try {
    await ctx.io.writeFile(out, bytes);
  } catch (e) {
    return fail(ctx, [{ key: 'cbamconvert:cli.cannotWrite', params: { file: out, detail: (e as Error).message } }], EXIT.UNUSABLE);
  }
  const back = await ctx.io.readFile(out).catch(() => undefined);
  const problems: string[] = [];
  if (!back || sha(back) !== sha(bytes)) problems.push('bytes differ');
  else if (ext === '.xlsx') {
    try {
      const files = unzipSync(back);
      if (what === 'template') identifyTemplate(files);
    } catch (e) {
      problems.push(e instanceof CbamDocError ? tr(ctx, e.messages[0]!) : (e as Error).message);
    }
  }
  if (templateBytes && template) {
    const now = await ctx.io.readFile(template).catch(() => undefined);
    if (!now || sha(now) !== sha(templateBytes)) problems.push('template changed');
  }
  if (problems.length) return fail(ctx, [{ key: 'cbamconvert:cli.verifyFailed', params: { file: out, detail: problems.join('; ') } }], EXIT.FINDINGS);
  return { file: out, what, bytes: back!.length, sha256: sha(back!), ...(checks ? { checks } : {}) };
}

/** The convert command for a dataset with production processes. */
export async function runInstallation(ctx: CommandContext, ds: { dataset: Dataset; problems: Problem[] }, opts: ConvertOptions): Promise<number> {
  const o = ctx.options;
  for (const option of ['cn', 'route', 'corrections'] as const)
    if (typeof o[option] === 'string') ctx.io.stderr(`${ctx.t('cbamconvert:installation.cli.optionIgnored', { option })}\n`);
  const { cnCode: _c, route: _r, corrections: _k, ...rest } = opts;
  const r = convertInstallation(ds.dataset, rest);
  if (!r.ok) return fail(ctx, r.errors, EXIT.UNUSABLE);
  if (r.status !== 'installation') return fail(ctx, [{ key: 'cbamconvert:installation.cli.noDocs' }], EXIT.UNUSABLE);
  let written: Written | undefined;
  if (typeof o.out === 'string') {
    const w = await writeInstallation(ctx, r, o.out);
    if (typeof w === 'number') {
      if (!ctx.json) printInstallation(ctx, r, ds.dataset);
      return w;
    }
    written = w;
  }
  if (ctx.json) printJson(ctx.io, { ok: true, file: basename(ctx.positionals[0]!), ...installationJson(ctx, r), ...(written ? { written } : {}) });
  else {
    printInstallation(ctx, r, ds.dataset);
    if (written) ctx.io.stdout(`\n${ctx.t('cbamconvert:cli.written', { file: written.file, what: ctx.t(`cbamconvert:cli.what.${written.what}`) })}\n`);
  }
  const errors = [...ds.problems, ...r.findings].some((f) => f.severity === 'error');
  return errors || !r.complete ? EXIT.FINDINGS : EXIT.OK;
}

/**
 * carbonbridge cbam-cost --cn "7208 39 00" --origin CN --mass 100 --period 2026-Q1 [--see <tCO2e/t> --route C]
 *   [--price <EUR>] [--carbon-price-paid <EUR/t>] [--variant white|grey] [--benchmark <tCO2e/t>] [--projection] [--json]
 */
import type { Message } from '../../core/i18n/message';
import { translateMessage } from '../../core/i18n/translate';
import { cbamCost, projectCosts, type CostInput, type CostResult, type ProjectionResult } from '../../core/cbam/cost';
import type { Fig, FigSource } from '../../core/figure';
import { EXIT, printJson, type Command, type CommandContext } from '../command';
import { fmt, table } from '../shared';
import { periodOption } from '../options';
import { inNumberRange } from '../../core/model/json';
import { applyRulesOption, RULES_OPTION } from '../rules-dir';
import { cbamPackForPeriod, schemeOf } from '../../core/cbam/packs';
import { rateCost, type RateCostResult } from '../../core/cbam/cost-rate';

const withText = (ctx: CommandContext, m: Message) => ({ ...m, text: translateMessage(ctx.t, m) });

export function sourceLabel(ctx: CommandContext, s: FigSource): string {
  if (s.kind === 'user') return ctx.t('cbam:cli.cost.user');
  if (s.kind === 'computed') return translateMessage(ctx.t, { key: s.formula, ...(s.params ? { params: s.params } : {}) });
  if (s.kind === 'rule') return [s.ref.act, s.ref.annex, s.ref.table].filter(Boolean).join(', ');
  return '';
}

const COST_UNITS: Record<string, string> = { mass: 't', see: 'tCO2e/t', price: 'EUR', 'carbon-price-paid': 'EUR/t', benchmark: 'tCO2e/t' };

/** Parses the command-line options into a CostInput, or returns the message of the first unusable option. */
export function costInputFromOptions(o: Record<string, unknown>): { ok: true; input: CostInput } | { ok: false; error: Message } {
  for (const req of ['cn', 'origin', 'mass', 'period'])
    if (typeof o[req] !== 'string' || !(o[req] as string).trim()) return { ok: false, error: { key: 'cbam:cli.missingOption', params: { option: req } } };
  const nums: Record<string, number> = {};
  for (const name of ['mass', 'see', 'price', 'carbon-price-paid', 'benchmark']) {
    const v = o[name];
    if (typeof v !== 'string') continue;
    const s = v.trim();
    const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : NaN;
    // finite and in the documented range (0 or 1e-12 … 1e15): a mass of 1e308 would give ∞ certificates
    if (!Number.isFinite(n) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s))
      return { ok: false, error: { key: 'cbam:cli.badNumber', params: { option: name, value: v } } };
    if (!inNumberRange(n))
      return {
        ok: false,
        error: { key: 'cli:option.outOfRange', params: { option: `--${name}`, value: v.slice(0, 40), min: '0', max: '1e15', unit: COST_UNITS[name] ?? '' } },
      };
    nums[name] = n;
  }
  const input: CostInput = {
    cn: o.cn as string,
    origin: o.origin as string,
    mass: nums.mass!,
    period: o.period as string,
    ...(nums.see !== undefined ? { see: nums.see } : {}),
    ...(typeof o.route === 'string' ? { route: o.route } : {}),
    ...(typeof o.variant === 'string' ? { variant: o.variant } : {}),
    ...(nums.price !== undefined ? { price: nums.price } : {}),
    ...(nums['carbon-price-paid'] !== undefined ? { carbonPricePaid: nums['carbon-price-paid'] } : {}),
    ...(nums.benchmark !== undefined ? { benchmark: nums.benchmark } : {}),
  };
  return { ok: true, input };
}

export function costJson(ctx: CommandContext, r: CostResult, projection?: ProjectionResult): Record<string, unknown> {
  const tr = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(tr);
    if (x && typeof x === 'object') {
      const o = Object.fromEntries(Object.entries(x).map(([k, v]) => [k, tr(v)]));
      if ((o as { kind?: unknown }).kind === 'computed') o.text = sourceLabel(ctx, o as FigSource);
      return o;
    }
    return x;
  };
  return {
    ok: true,
    certificates: r.certificates.value,
    costEur: r.costEur.value,
    costPerTonne: r.costPerTonne.value,
    currency: 'EUR',
    path: r.path,
    uncertain: r.uncertain,
    uncertainFigures: r.uncertainFigures,
    inputs: r.inputs,
    good: { ...r.good, categoryName: ctx.t(r.good.categoryKey) },
    pack: r.pack,
    figures: tr({
      see: r.see,
      ...(r.defaultValue ? { defaultValue: { base: r.defaultValue.base, markup: r.defaultValue.markup, row: r.defaultValue.row } } : {}),
      benchmark: r.benchmark,
      cbamFactor: r.cbamFactor,
      cscf: r.cscf,
      sefa: r.sefa,
      netPerTonne: r.netPerTonne,
      grossCertificates: r.grossCertificates,
      carbonPriceDeduction: r.carbonPriceDeduction,
      certificates: r.certificates,
      price: r.price,
      costEur: r.costEur,
      costPerTonne: r.costPerTonne,
    }),
    messages: r.messages.map((m) => withText(ctx, m)),
    ...(projection
      ? {
          projection: {
            ...projection,
            messages: projection.messages.map((m) => withText(ctx, m)),
            ...(projection.defaultUnavailable ? { defaultUnavailable: projection.defaultUnavailable.map((m) => withText(ctx, m)) } : {}),
          },
        }
      : {}),
  };
}

function printText(ctx: CommandContext, r: CostResult, projection?: ProjectionResult): void {
  const t = ctx.t;
  const n = (s: Fig, dp = 6) => `${fmt(s.value, ctx.lang, dp)}${s.unit === '1' ? '' : ` ${s.unit}`}${s.uncertain ? ` (${t('cbam:cli.uncertain')})` : ''}`;
  const row = (label: string, s: Fig, dp = 6) => [label, n(s, dp), sourceLabel(ctx, s.source)];
  const lines: string[][] = [
    row(t('cbam:cli.cost.see'), r.see),
    ...(r.defaultValue
      ? [
          row(`  ${t('cbam:cli.chinaDefault')}`, r.defaultValue.base),
          row(`  ${t('cbam:cli.cost.markup')}`, { ...r.defaultValue.markup, value: r.defaultValue.markup.value * 100, unit: '%' }, 4),
        ]
      : []),
    row(`${t('cbam:cli.cost.benchmark')} (${r.benchmark.column}${r.benchmark.route ? `, ${r.benchmark.route}` : ''})`, r.benchmark),
    row(t('cbam:cli.cost.cbamFactor'), r.cbamFactor),
    row(t('cbam:cli.cost.cscf'), r.cscf),
    row(t('cbam:cli.cost.sefa'), r.sefa),
    row(t('cbam:cli.cost.net'), r.netPerTonne),
    row(t('cbam:cli.cost.deduction'), r.carbonPriceDeduction),
    row(t('cbam:cli.cost.certificates'), r.certificates),
    row(t('cbam:cli.cost.price', { period: r.price.period }), r.price, 2),
    row(t('cbam:cli.cost.cost'), r.costEur, 2),
    row(t('cbam:cli.cost.perTonne'), r.costPerTonne, 2),
  ];
  const out = [
    t('cbam:cli.cost.title', {
      mass: fmt(r.inputs.mass.value, ctx.lang),
      unit: r.inputs.mass.unit,
      cn: `${r.good.printed} (${t(r.good.categoryKey)})`,
      origin: r.inputs.origin,
      period: r.inputs.period.label,
      path: t(`cbam:paths.${r.path}`),
    }),
    '',
    ...aligned(lines),
  ];
  if (r.uncertainFigures.length) out.push('', t('cbam:cli.cost.uncertainFigures', { list: r.uncertainFigures.join(', ') }));
  if (projection) {
    out.push('', t('cbam:cli.cost.projection'));
    const head = [t('cbam:cli.cost.year'), t('cbam:cli.cost.defaultCol'), t('cbam:cli.cost.actualCol'), t('cbam:cli.cost.savedCol'), 'EUR'];
    const body = projection.rows.map((p) => [
      String(p.year),
      p.default ? fmt(p.default.certificates, ctx.lang) : '-',
      p.actual ? fmt(p.actual.certificates, ctx.lang) : '-',
      p.savedCertificates !== null ? fmt(p.savedCertificates, ctx.lang) : '-',
      p.savedEur !== null ? fmt(p.savedEur, ctx.lang, 2) : p.default?.costEur != null ? fmt(p.default.costEur, ctx.lang, 2) : '-',
    ]);
    out.push(table([head, ...body]));
    for (const m of projection.messages) out.push(`  - ${translateMessage(t, m)}`);
  }
  out.push('', `${t('cbam:cli.notes')}:`, ...r.messages.map((m) => `  - ${translateMessage(t, m)}`));
  ctx.io.stdout(`${out.join('\n')}\n`);
}

/** label left-aligned, value right-aligned, source as is (long legal references are not padded). */
function aligned(rows: string[][]): string[] {
  const w0 = Math.max(...rows.map((r) => [...r[0]!].length));
  const w1 = Math.max(...rows.map((r) => [...r[1]!].length));
  return rows.map(([a, b, c]) => `${a!.padEnd(w0)}  ${b!.padStart(w1)}   ${c}`);
}

/** Liability under a rate pack (UK CBAM …): figures with unit and source, or the published inputs that are missing. */
function printRate(ctx: CommandContext, r: RateCostResult): void {
  const t = ctx.t;
  const n = (s: Fig | null, dp = 6) =>
    s ? `${fmt(s.value, ctx.lang, dp)} ${s.unit}${s.uncertain ? ` (${t('cbam:cli.uncertain')})` : ''}` : t('cbamconvert:cli.missing');
  const row = (label: string, s: Fig | null, dp = 6) => [label, n(s, dp), s ? sourceLabel(ctx, s.source) : ''];
  const out = [
    `${r.pack.id} ${r.pack.version} · ${r.good.printed} (${t(r.good.categoryKey)}) · ${r.period.label}`,
    '',
    ...aligned([
      row(t('cbam:cli.cost.see'), r.see),
      row(t('cbampacks:cli.rate'), r.rate, 2),
      row(t('cbampacks:cli.embedded'), r.embedded),
      row(t('cbam:cli.cost.deduction'), r.relief, 2),
      row(t('cbampacks:cli.liability'), r.liability, 2),
      row(t('cbam:cli.cost.perTonne'), r.liabilityPerTonne, 2),
    ]),
  ];
  if (r.missing.length) out.push('', t('cbampacks:cli.missingInputs'), ...r.missing.map((m) => `  - ${translateMessage(t, m)}`));
  out.push('', `${t('cbam:cli.notes')}:`, ...r.messages.map((m) => `  - ${translateMessage(t, m)}`));
  ctx.io.stdout(`${out.join('\n')}\n`);
}

export const cbamCostCommand: Command = {
  name: 'cbam-cost',
  summaryKey: 'cbam:cli.cost.summary',
  usage:
    'carbonbridge cbam-cost --cn "<CN>" --origin CN --mass <t> --period 2026-Q1 [--scheme eu-cbam|uk-cbam|…] [--rate <per tCO2e>] [--rules <dir>] [--see <tCO2e/t> --route C] [--price <EUR>] [--carbon-price-paid <EUR/t>] [--variant white|grey] [--benchmark <tCO2e/t>] [--projection] [--json]',
  options: {
    cn: { type: 'string' },
    origin: { type: 'string' },
    mass: { type: 'string' },
    period: { type: 'string' },
    see: { type: 'string' },
    route: { type: 'string' },
    price: { type: 'string' },
    'carbon-price-paid': { type: 'string' },
    variant: { type: 'string' },
    benchmark: { type: 'string' },
    projection: { type: 'boolean' },
    scheme: { type: 'string' },
    rate: { type: 'string' },
    ...RULES_OPTION,
  },
  async run(ctx) {
    const rulesCode = applyRulesOption(ctx);
    if (rulesCode !== null) return rulesCode;
    const periodOpt = periodOption(ctx);
    if (!periodOpt.ok) return periodOpt.code;
    const opts = { ...ctx.options };
    if (opts.cn === undefined && ctx.positionals.length) opts.cn = ctx.positionals.join(' ');
    const parsed = costInputFromOptions(opts);
    const fail = (errors: Message[], code: number) => {
      if (ctx.json) printJson(ctx.io, { ok: false, errors: errors.map((m) => withText(ctx, m)) });
      else for (const m of errors) ctx.io.stderr(`${translateMessage(ctx.t, m)}\n`);
      return code;
    };
    if (!parsed.ok) return fail([parsed.error], EXIT.UNUSABLE);
    const scheme = typeof ctx.options.scheme === 'string' ? schemeOf(ctx.options.scheme) : 'eu-cbam';
    if (!scheme) return fail([{ key: 'cbampacks:errors.unknownScheme', params: { scheme: String(ctx.options.scheme), available: '' } }], EXIT.UNUSABLE);
    const chosen = cbamPackForPeriod(parsed.input.period, scheme);
    if (!chosen.ok) return fail([chosen.error], EXIT.UNUSABLE);
    if (chosen.pack.kind === 'rate') {
      const rateS = typeof ctx.options.rate === 'string' ? ctx.options.rate.trim() : undefined;
      const rate = rateS === undefined ? undefined : /^\d+(\.\d+)?$/.test(rateS) ? Number(rateS) : NaN;
      if (rate !== undefined && !Number.isFinite(rate))
        return fail([{ key: 'cbam:cli.badNumber', params: { option: 'rate', value: String(ctx.options.rate) } }], EXIT.UNUSABLE);
      const { price: _p, route: _r, benchmark: _b, ...common } = parsed.input;
      const rr = rateCost({ ...common, scheme, ...(rate !== undefined ? { rate } : {}) });
      if (!rr.ok) return fail(rr.errors, rr.severity === 'input' ? EXIT.UNUSABLE : EXIT.FINDINGS);
      if (ctx.json) printJson(ctx.io, { ...rr, missing: rr.missing.map((m) => withText(ctx, m)), messages: rr.messages.map((m) => withText(ctx, m)) });
      else printRate(ctx, rr);
      return rr.complete ? EXIT.OK : EXIT.FINDINGS;
    }
    const r = cbamCost(parsed.input);
    if (!r.ok) return fail(r.errors, r.severity === 'input' ? EXIT.UNUSABLE : EXIT.FINDINGS);
    let projection: ProjectionResult | undefined;
    if (ctx.options.projection) {
      const { period: _p, price: _pr, ...rest } = parsed.input;
      const p = projectCosts({ ...rest, ...(parsed.input.price !== undefined ? { price: parsed.input.price } : {}) });
      if (!p.ok) return fail(p.errors, p.severity === 'input' ? EXIT.UNUSABLE : EXIT.FINDINGS);
      projection = p;
    }
    if (ctx.json) printJson(ctx.io, costJson(ctx, r, projection));
    else printText(ctx, r, projection);
    return EXIT.OK;
  },
};

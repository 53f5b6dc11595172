/**
 * Stage 5 — electricity: the lines' MWh, the factor of each line (a documented PPA or direct line at its own factor,
 * else the grid factor of the choice), the choice's status in the period (the pack's electricity rules: the EU default
 * for the country, or other public data where the period allows it), and the table of every choice with its effect.
 * The EU default factor is never invented: not in the pack = entered by the user, or not found. The texts about the
 * default factor of the country are written in the words of the pack's scheme (the EU's own, or naming the pack's
 * jurisdiction: scheme-wording.ts).
 */
import { msg, type Message } from '../../i18n/message';
import type { InventoryLine } from '../../model/dataset';
import { ExactSum, round } from '../../num';
import type { Library } from '../../packs/registry';
import type { ElectricityFactor } from '../../packs/schema';
import { computedFig, datasetFig, legalRefOf, ruleFig, userFig, type Fig } from '../../figure';
import type { CbamPack } from '../pack-schema';
import type { CbamPeriod } from '../packs';
import { choiceVerdict, electricityChoiceIds, electricityChoiceRule } from '../rules/electricity';
import { defaultFactorMessage, type DefaultFactorText } from '../scheme-wording';
import { EM_DP, roundSee } from '../kernel';
import type { Placed } from './boundary';
import type { Findings } from './findings';
import { lineGasTonnes } from './lines';
import type { ConvertOptions, ElectricityChoice, ElectricityLineResult, ElectricityOption } from './types';

/** The pack's EU default electricity factor for a country (null value when not found in the sources). */
export function euDefaultElectricityFactor(pack: CbamPack, country: string) {
  return pack.electricityDefaults.find((f) => f.country === country) ?? { ...pack.electricityDefaults[0]!, country, value: null, status: 'not-found' as const };
}

interface EfCandidate {
  value: number | null;
  fig: Fig | null;
  status: ElectricityOption['status'];
  note: Message;
  efSource: ElectricityLineResult['efSource'];
}

/** The newest published library factor of a scope up to the year, and a newer one that is listed but has no value. */
export function libraryFactor(lib: Library, prefix: string, scope: string, year: number): { f?: ElectricityFactor; newerMissing?: ElectricityFactor } {
  const all = lib.electricity.factors.filter((f) => f.kind === 'combustion-co2' && f.id.startsWith(prefix) && f.id.endsWith(`-${scope}`));
  const published = all.filter((f) => f.status === 'published' && f.value !== null && f.year <= year).sort((a, b) => b.year - a.year);
  const f = published[0];
  const newerMissing = all.filter((x) => x.value === null && x.year <= year && (!f || x.year > f.year)).sort((a, b) => b.year - a.year)[0];
  return { ...(f ? { f } : {}), ...(newerMissing ? { newerMissing } : {}) };
}

/** A PPA or direct line counts as documented only with evidence. */
export function documentedKind(l: InventoryLine): 'ppa' | 'direct-line' | null {
  const e = l.electricity;
  if (!e || !e.evidence?.trim()) return null;
  return e.source === 'ppa' ? 'ppa' : e.source === 'direct-line' ? 'direct-line' : null;
}

/** The line's own CO2 factor (tCO2/MWh) from its emissions, for a documented PPA/direct line. */
export function ownEf(l: InventoryLine, mwh: number): number | null {
  if (!(mwh > 0)) return null;
  const g = lineGasTonnes(l);
  return round(((g.CO2_fossil ?? 0) + (g.CO2e ?? 0)) / mwh, 6);
}

function euDefaultCandidate(pack: CbamPack, country: string, opts: ConvertOptions): EfCandidate {
  const nf = euDefaultElectricityFactor(pack, country);
  const act = [nf.source.act, nf.source.annex].filter(Boolean).join(', ');
  const v = opts.electricity?.euDefaultEf;
  if (v !== undefined)
    return {
      value: v,
      fig: userFig(v, 'tCO2/MWh', 'electricity.euDefaultEf'),
      status: 'available',
      efSource: 'D.4(a)',
      note: defaultFactorMessage(pack, 'cbamconvert:electricity.euDefaultEntered', { act }),
    };
  if (nf.value !== null)
    return {
      value: nf.value,
      fig: ruleFig(nf.value, 'tCO2/MWh', legalRefOf({ act: nf.source.act, annex: nf.source.annex }, nf.confidence)),
      status: 'available',
      efSource: 'D.4(a)',
      note: defaultFactorMessage(pack, 'cbamconvert:electricity.euDefaultEntered', { act }),
    };
  return {
    value: null,
    fig: null,
    status: 'not-found',
    efSource: 'D.4(a)',
    note: defaultFactorMessage(pack, 'cbamconvert:electricity.euDefaultNotFound', { country, act }),
  };
}

/** The grid factor of a choice for the country and period, with its status and note. */
export function gridCandidate(choice: ElectricityChoice, pack: CbamPack, period: CbamPeriod, country: string, opts: ConvertOptions, lib: Library): EfCandidate {
  if (choice === 'eu-default') return euDefaultCandidate(pack, country, opts);
  const rule = electricityChoiceRule(pack.rules.electricity, choice);
  if (!rule || rule.fn === 'documented')
    return {
      value: null,
      fig: null,
      status: 'not-documented',
      efSource: null,
      note: msg('cbamconvert:electricity.notDocumented', { kind: `$t:cbamconvert:electricity.kind.${choice.replace(/^actual-/, '')}` }),
    };
  const scope = rule.options.scope ?? choice;
  const verdict = choiceVerdict(pack.rules.electricity, choice, country);
  if (verdict === 'not-applicable')
    return { value: null, fig: null, status: 'not-applicable', efSource: rule.efSource, note: msg('cbamconvert:electricity.meeNotApplicable', { country }) };
  const { f, newerMissing } = libraryFactor(lib, rule.options.libraryPrefix ?? '', scope, period.year);
  const fig: Fig | null = f ? { value: f.value!, unit: 'tCO2/MWh', source: { kind: 'library', id: f.id, act: f.source.act } } : null;
  if (verdict === 'not-allowed')
    return {
      value: null,
      fig,
      status: 'not-allowed',
      efSource: rule.efSource,
      note: msg('cbamconvert:electricity.meeNotAllowed', { factor: f ? `${f.id} = ${f.value}` : '-' }),
    };
  if (!f) return { value: null, fig: null, status: 'not-found', efSource: rule.efSource, note: msg('cbamconvert:electricity.meeNotFound', { scope }) };
  const note = newerMissing
    ? msg('cbamconvert:electricity.meeOlderYear', { id: f.id, year: f.year, missing: newerMissing.id })
    : msg('cbamconvert:electricity.meeAllowed', { id: f.id, year: f.year });
  return { value: f.value, fig, status: 'available', efSource: rule.efSource, note };
}

export interface Resolved {
  lines: ElectricityLineResult[];
  total: number | null;
  status: ElectricityOption['status'];
  note: Message;
  ef: Fig | null;
  shownEf: Fig | null;
}

export interface ElectricityContext {
  pack: CbamPack;
  period: CbamPeriod;
  country: string;
  options: ConvertOptions;
  lib: Library;
  lines: Array<Placed & { mwh: number }>;
}

const isActual = (ch: ElectricityChoice): ch is 'actual-ppa' | 'actual-direct-line' => ch === 'actual-ppa' || ch === 'actual-direct-line';

/** A documented line's factor: entered (electricity.actualEf) or its own emissions per MWh. */
function documentedEf(ctx: ElectricityContext, l: InventoryLine, mwh: number): Fig | null {
  const entered = ctx.options.electricity?.actualEf;
  const v = entered ?? ownEf(l, mwh);
  if (v === null) return null;
  return entered !== undefined ? userFig(v, 'tCO2/MWh', 'electricity.actualEf') : datasetFig(v, 'tCO2/MWh', [l.id], `evidence: ${l.electricity!.evidence}`);
}

/** Every line's factor and emissions under a choice; for the comparison table a not-allowed factor is still applied. */
export function resolveLines(ctx: ElectricityContext, ch: ElectricityChoice, forComparison = false): Resolved {
  const grid = gridCandidate(isActual(ch) ? 'eu-default' : ch, ctx.pack, ctx.period, ctx.country, ctx.options, ctx.lib);
  let status = grid.status;
  let note = grid.note;
  let ef: Fig | null = grid.status === 'available' ? grid.fig : null;
  if (isActual(ch)) {
    const kind = ch === 'actual-ppa' ? 'ppa' : 'direct-line';
    const docd = ctx.lines.filter((e) => documentedKind(e.l) === kind);
    status = docd.length ? 'available' : 'not-documented';
    note = msg(docd.length ? 'cbamconvert:electricity.actualAvailable' : 'cbamconvert:electricity.notDocumented', {
      kind: `$t:cbamconvert:electricity.kind.${kind}`,
      lines: docd.map((d) => d.l.id).join(', ') || '-',
    });
    ef = null;
  }
  const lines: ElectricityLineResult[] = [];
  const sum = new ExactSum(EM_DP);
  let missing = false;
  for (const e of ctx.lines) {
    const mwh = round(e.mwh, 6);
    const doc = documentedKind(e.l);
    let lineEf: Fig | null = null;
    let efSource: ElectricityLineResult['efSource'] = null;
    if (doc) {
      lineEf = documentedEf(ctx, e.l, mwh);
      if (lineEf) efSource = doc === 'ppa' ? 'D.4.3.2' : 'D.4.3.1';
    } else if (!isActual(ch) && (grid.status === 'available' || (forComparison && grid.status === 'not-allowed' && grid.fig))) {
      lineEf = grid.fig;
      efSource = grid.efSource;
    }
    const emissions = lineEf ? computedFig(round(mwh * lineEf.value, EM_DP), 'tCO2e', 'E_el,cons (MWh) × EF_el (tCO2/MWh)', !!lineEf.uncertain) : null;
    if (!emissions) missing = true;
    else sum.add(emissions.value);
    lines.push({
      id: e.l.id,
      description: e.l.description,
      ...(e.l.installationId ? { installationId: e.l.installationId } : {}),
      mwh: datasetFig(mwh, 'MWh', [e.l.id]),
      documented: doc,
      ef: lineEf,
      efSource,
      emissions,
    });
  }
  if (isActual(ch) && status === 'available' && missing) status = 'not-documented';
  return { lines, total: missing ? null : sum.value, status, note, ef, shownEf: ef ?? grid.fig };
}

export interface ElectricitySetup {
  choice: ElectricityChoice;
  explicit: boolean;
  packChoices: ElectricityChoice[];
  mwh: number;
}

/** The choice (explicit or the EU default), the pack's choices, the total MWh; an unknown choice is returned as an error. */
export function electricitySetup(ctx: ElectricityContext, findings: Findings): ElectricitySetup | { error: Message } {
  const explicitChoice = ctx.options.electricity?.choice;
  const packChoices = electricityChoiceIds(ctx.pack.rules.electricity) as ElectricityChoice[];
  if (explicitChoice && !packChoices.includes(explicitChoice))
    return { error: msg('cbamconvert:errors.unknownChoice', { choice: String(explicitChoice), allowed: packChoices.join(', ') }) };
  for (const [k, v] of [
    ['electricity.euDefaultEf', ctx.options.electricity?.euDefaultEf],
    ['electricity.actualEf', ctx.options.electricity?.actualEf],
  ] as const)
    if (v !== undefined && (!Number.isFinite(v) || v < 0)) findings.add('error', msg('cbamconvert:errors.negativeInput', { field: k, value: String(v) }));
  const mwh = new ExactSum(6);
  for (const e of ctx.lines) mwh.add(round(e.mwh, 6));
  return { choice: explicitChoice ?? 'eu-default', explicit: !!explicitChoice, packChoices, mwh: mwh.value };
}

/**
 * The table of every choice with its effect on the SEE (given SEE_dir and the precursors' indirect embedded emissions;
 * null where unknown). `perT` is the kernel's per-tonne rounding for the activity level.
 */
export function electricityOptions(
  ctx: ElectricityContext,
  setup: ElectricitySetup,
  seeDirect: number | null,
  precursorsIndirect: number | null,
  indirectCounted: boolean,
  perT: (v: number) => number,
): ElectricityOption[] {
  return setup.packChoices.map((ch) => {
    const r = resolveLines(ctx, ch, true);
    const ind = r.total === null || precursorsIndirect === null ? null : new ExactSum(EM_DP).add(r.total).add(precursorsIndirect).value;
    const seeInd = ind === null ? null : perT(ind);
    const seeTot = seeDirect === null || seeInd === null ? null : roundSee(seeDirect + (indirectCounted ? seeInd : 0));
    return {
      choice: ch,
      status: ctx.lines.length === 0 ? 'not-applicable' : r.status,
      ef: r.shownEf,
      indirect: r.total === null ? null : computedFig(r.total, 'tCO2e', 'Σ E_el,cons × EF_el'),
      seeIndirect: seeInd === null ? null : computedFig(seeInd, 'tCO2e/t', '(AttrEm_ind + Σ M_i × SEE_ind,i) / AL'),
      seeTotal: seeTot === null ? null : computedFig(seeTot, 'tCO2e/t', indirectCounted ? 'SEE_dir + SEE_ind' : 'SEE_dir (indirect not counted)'),
      note: ctx.lines.length === 0 ? msg('cbamconvert:electricity.noLines') : r.note,
    } satisfies ElectricityOption;
  });
}

/** Findings on the chosen factor (missing, not allowed) and on the lines (certificates, own generation, evidence). */
export function electricityFindings(
  ctx: ElectricityContext,
  setup: ElectricitySetup,
  chosen: Resolved,
  options: ElectricityOption[],
  indirectCounted: boolean,
  findings: Findings,
): void {
  if (!ctx.lines.length) return;
  const { choice } = setup;
  const chosenOpt = options.find((o) => o.choice === choice)!;
  const choiceName = `$t:cbamconvert:electricity.choice.${choice}`;
  // about the country's default factor: in the words of the pack's scheme
  const say = (key: DefaultFactorText, params: Record<string, string>): Message =>
    choice === 'eu-default' ? defaultFactorMessage(ctx.pack, key, params) : msg(key, params);
  if (chosen.total === null) {
    const key =
      chosenOpt.status === 'not-allowed'
        ? 'cbamconvert:errors.choiceNotAllowed'
        : indirectCounted
          ? 'cbamconvert:errors.efMissing'
          : 'cbamconvert:warnings.efMissingNotCounted';
    findings.add(
      indirectCounted ? 'error' : 'warning',
      say(key, {
        choice: choiceName,
        alternatives:
          options
            .filter((o) => o.status === 'available')
            .map((o) => o.choice)
            .join(', ') || '-',
      }),
    );
  } else if (setup.explicit && chosenOpt.status === 'not-allowed')
    findings.add('error', say('cbamconvert:errors.choiceNotAllowed', { choice: choiceName, alternatives: '-' }));
  for (const { l, row } of ctx.lines) {
    const src = l.electricity?.source;
    if (src === 'green-certificate') findings.add('warning', msg('cbamconvert:warnings.greenCertificate', { line: l.id }), row, l.id);
    if (src === 'onsite-generation') findings.add('warning', msg('cbamconvert:warnings.onsiteGeneration', { line: l.id }), row, l.id);
    if ((src === 'ppa' || src === 'direct-line') && !documentedKind(l))
      findings.add('warning', msg('cbamconvert:warnings.ppaNoEvidence', { line: l.id }), row, l.id);
    if (l.location !== 'installation') findings.add('info', msg('cbamconvert:warnings.electricityLocation', { line: l.id }), row, l.id);
  }
}

/**
 * Stage 6 — relevant precursors at their own specific embedded emissions: the supplier's actual values where given,
 * zero where the pack exempts the country of production, else the pack's default value for the country of
 * production with the mark-up of the year (uncertain for precursors). Where the default table splits a code into
 * variants (2523 10 00: white / grey clinker), the line's 10-digit TARIC code or its `precursor.variant` chooses the
 * row (the screening's `defaultRowFor`, the one lookup of default values); without either the line is an error naming
 * the variants to choose from.
 */
import { msg, type Message } from '../../i18n/message';
import type { InventoryLine } from '../../model/dataset';
import { convert as convertUnit, dimensionOf, type Unit } from '../../model/units';
import { ExactSum, round } from '../../num';
import { computedFig, datasetFig, legalRefOf, ruleFig, type Fig, type FigSource, type LegalRef } from '../../figure';
import { defaultValuesOf, type Category, type CategoryId, type CbamPack, type DefaultValue, type DefinitivePack, type RatePack } from '../pack-schema';
import type { CbamPeriod } from '../packs';
import { defaultRowFor, markupFor, printCn, type DefaultVariant } from '../screen';
import { EM_DP, SEE_DP } from '../kernel';
import type { Placed } from './boundary';
import type { Findings } from './findings';
import type { PrecursorLineResult } from './types';

export interface Precursors {
  lines: PrecursorLineResult[];
  /** Σ M_i × SEE_dir,i and Σ M_i × SEE_ind,i, tCO2e; null when a precursor's value is missing */
  embeddedDirect: number | null;
  embeddedIndirect: number | null;
  /** the part of the direct embedded emissions that comes from default values, tCO2e */
  defaultDirect: number;
  uncertain: boolean;
}

type RowChoice = { ok: true; row: DefaultValue } | { ok: false; errors: Message[] };

/** The variants of a split default, as the screening prints them ('white (TARIC 2523 10 00 10), grey (…)'). */
export const variantOptions = (variants: DefaultVariant[]): string =>
  variants.map((v) => (v.taric.length ? `${v.variant} (TARIC ${v.taric.map(printCn).join(', ')})` : (v.variant ?? v.label ?? '-'))).join(', ');

/**
 * The default row of a precursor line through the one default lookup of the screening (`defaultRowFor`: the only row,
 * the row its 10-digit TARIC code names, or the row of `precursor.variant`), with errors that name the line: the
 * variants to choose from, an unknown variant, or no default value.
 */
export function precursorDefaultRow(pack: DefinitivePack | RatePack, line: string, cnCode: string, variant?: string): RowChoice {
  const cn = printCn(cnCode.slice(0, 8));
  const c = defaultRowFor(pack, cnCode, variant);
  if (c.ok)
    return c.row.direct === null ? { ok: false, errors: [msg('cbamconvert:errors.precursorNoDefault', { line, cn, count: 0 })] } : { ok: true, row: c.row };
  if (c.variants && c.error.key !== 'cbam:errors.variantConflict') {
    const variants = variantOptions(c.variants);
    const known = variant !== undefined && c.variants.some((v) => v.variant === variant.trim().toLowerCase());
    return {
      ok: false,
      errors: [
        msg(variant && !known ? 'cbamconvert:errors.precursorVariantUnknown' : 'cbamconvert:errors.precursorVariantNeeded', {
          line,
          cn,
          variants,
          ...(variant ? { variant } : {}),
        }),
      ],
    };
  }
  if (c.error.key === 'cbam:errors.noChinaDefault') return { ok: false, errors: [msg('cbamconvert:errors.precursorNoDefault', { line, cn, count: 0 })] };
  return { ok: false, errors: c.errors };
}

interface Ctx {
  pack: CbamPack;
  period: CbamPeriod;
  indirectCounted: boolean;
  findings: Findings;
}

/** Fills `base` with the default value (with mark-up) of the pack for the line; false (error added) when there is none. */
function applyDefault(ctx: Ctx, l: InventoryLine, row: number, pcat: CategoryId, base: PrecursorLineResult): boolean {
  const { pack, period, findings } = ctx;
  const pr = l.precursor!;
  const dv = defaultValuesOf(pack);
  if (!dv) {
    findings.add(
      'error',
      msg(pack.kind === 'rate' ? 'cbampacks:convert.precursorNoDefaultsPublished' : 'cbamconvert:errors.precursorNoDefaultInPeriod', {
        line: l.id,
        period: period.label,
      }),
      row,
      l.id,
    );
    return false;
  }
  if (pr.countryOfProduction !== dv.country) {
    findings.add('error', msg('cbamconvert:errors.precursorDefaultCountry', { line: l.id, country: pr.countryOfProduction!, have: dv.country }), row, l.id);
    return false;
  }
  const dp = pack as DefinitivePack | RatePack;
  const choice = precursorDefaultRow(dp, l.id, pr.cnCode, pr.variant);
  if (!choice.ok) {
    for (const e of choice.errors) findings.add('error', e, row, l.id);
    return false;
  }
  const r = choice.row;
  const mk = markupFor(dp, pcat, period.year);
  const f = 1 + (mk?.value ?? 0);
  const variant = r.variant ? ` (${r.variantLabel ?? r.variant})` : '';
  const ref: LegalRef = {
    ...legalRefOf({ act: r.source.act, annex: r.source.annex, table: r.source.table }),
    note: `CN ${printCn(r.cn)}${variant}, ${dv.country}${mk ? `; × (1 + ${mk.value}) mark-up ${period.year}` : ''}`,
    confidence: dv.confidence,
  };
  // the mark-up on precursor defaults used inside actual calculations is uncertain
  base.seeDirect = ruleFig(round(r.direct! * f, SEE_DP), 'tCO2e/t', ref, true);
  base.seeIndirect = ruleFig(round((r.indirect ?? 0) * f, SEE_DP), 'tCO2e/t', ref, true);
  if (mk) base.markup = ruleFig(mk.value, '1', legalRefOf(mk.source, mk.confidence), true);
  findings.add('info', msg('cbamconvert:warnings.precursorDefaultUsed', { line: l.id, cn: printCn(r.cn), value: base.seeDirect.value }), row, l.id);
  return true;
}

/** SEE of one precursor line (supplier, exempt origin or default); false when its value cannot be determined. */
function precursorSee(ctx: Ctx, l: InventoryLine, row: number, pcat: CategoryId, base: PrecursorLineResult): boolean {
  const pr = l.precursor!;
  if (!pr.countryOfProduction) {
    ctx.findings.add('error', msg('cbamconvert:errors.precursorNoCountry', { line: l.id, description: l.description, cn: base.cn }), row, l.id);
    return false;
  }
  const exempt = ctx.pack.rules.precursorOriginExempt;
  if (exempt && exempt.countries.includes(pr.countryOfProduction)) {
    const zero: Fig = ruleFig(0, 'tCO2e/t', exempt.legalRef);
    base.seeDirect = zero;
    base.seeIndirect = zero;
    ctx.findings.add('info', msg('cbampacks:convert.precursorOriginExempt', { line: l.id, country: pr.countryOfProduction }), row, l.id);
    return true;
  }
  if (pr.embedded) {
    const src: FigSource = {
      kind: 'supplier',
      line: l.id,
      ...(pr.embedded.source ? { ref: pr.embedded.source } : {}),
      ...(pr.embedded.verified !== undefined ? { verified: pr.embedded.verified } : {}),
    };
    base.seeDirect = { value: pr.embedded.direct, unit: 'tCO2e/t', source: src };
    base.seeIndirect = { value: pr.embedded.indirect ?? 0, unit: 'tCO2e/t', source: src };
    if (pr.embedded.indirect === undefined && ctx.indirectCounted)
      ctx.findings.add('warning', msg('cbamconvert:warnings.supplierNoIndirect', { line: l.id }), row, l.id);
    return true;
  }
  return applyDefault(ctx, l, row, pcat, base);
}

/** Every relevant precursor line with its SEE and embedded emissions, and the sums (null when one is missing). */
export function precursorStage(pack: CbamPack, period: CbamPeriod, cat: Category, placed: Array<Placed & { cat: CategoryId }>, findings: Findings): Precursors {
  const ctx: Ctx = { pack, period, indirectCounted: cat.indirectCounted.value, findings };
  const lines: PrecursorLineResult[] = [];
  const dir = new ExactSum(EM_DP);
  const ind = new ExactSum(EM_DP);
  const defaultDirect = new ExactSum(EM_DP);
  let missing = false;
  for (const { l, row, cat: pcat } of placed) {
    const pr = l.precursor!;
    const cn8 = pr.cnCode.slice(0, 8);
    if (dimensionOf(l.activity.unit as Unit) !== 'mass') {
      findings.add('error', msg('cbamconvert:errors.precursorMassUnit', { line: l.id, unit: l.activity.unit }), row, l.id);
      missing = true;
      continue;
    }
    const massT = round(convertUnit(l.activity.amount, l.activity.unit as Unit, 't'), 9);
    const base: PrecursorLineResult = {
      id: l.id,
      description: l.description,
      cn: printCn(cn8),
      category: pcat,
      ...(pr.countryOfProduction ? { country: pr.countryOfProduction } : {}),
      massT: datasetFig(massT, 't', [l.id]),
      basis: pr.embedded ? 'supplier' : 'default',
      seeDirect: null,
      seeIndirect: null,
      embeddedDirect: null,
      embeddedIndirect: null,
      ...(pr.supplier || pr.supplierInstallation ? { supplier: pr.supplierInstallation ?? pr.supplier } : {}),
    };
    lines.push(base);
    if (!precursorSee(ctx, l, row, pcat, base)) {
      missing = true;
      continue;
    }
    base.embeddedDirect = computedFig(round(massT * base.seeDirect!.value, EM_DP), 'tCO2e', 'M_i × SEE_dir,i', !!base.seeDirect!.uncertain);
    base.embeddedIndirect = computedFig(round(massT * base.seeIndirect!.value, EM_DP), 'tCO2e', 'M_i × SEE_ind,i', !!base.seeIndirect!.uncertain);
    dir.add(base.embeddedDirect.value);
    ind.add(base.embeddedIndirect.value);
    if (base.basis === 'default') defaultDirect.add(base.embeddedDirect.value);
  }
  return {
    lines,
    embeddedDirect: missing ? null : dir.value,
    embeddedIndirect: missing ? null : ind.value,
    defaultDirect: defaultDirect.value,
    uncertain: lines.some((p) => p.seeDirect?.uncertain),
  };
}

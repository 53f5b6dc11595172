/**
 * GB/T 24067 / ISO 14067 footprint → border-adjustment embedded emissions (EU CBAM, UK CBAM, any installed pack): the
 * PCF → CBAM mapping as a pipeline of small stages, each in ./pipeline with its own tests:
 *
 *  1. good and route (pipeline/good.ts): the period picks the pack, the CN code is screened, the activity level read;
 *  2. boundary (pipeline/boundary.ts): which lines count, and as what; the rest dropped with reason and legal reference;
 *  3. gases (pipeline/gases.ts): installation direct emissions gas by gas with the pack's GWPs;
 *  4. attribution corrections (pipeline/corrections.ts): measurable heat, waste gases, exported electricity;
 *  5. electricity (pipeline/electricity.ts): MWh, the factor of the choice, the table of choices with their effect;
 *  6. precursors (pipeline/precursors.ts): supplier SEE, else the default for the country with the mark-up;
 *  7. SEE (pipeline/see.ts): through the formula kernel (./kernel.ts), the counted figure, the share by default value.
 *
 * `convertToCbam` is pure: it reads the dataset it is given (a subset of an inventory, e.g. one production process,
 * converts the same way) and returns every figure with its unit, source and rule. Emissions in tCO2e rounded once
 * (6 decimals) and summed exactly; SEE in tCO2e/t (7 decimals).
 */
import { msg } from '../i18n/message';
import { CATEGORIES, type Dataset } from '../model/dataset';
import { convert as convertUnit, type Unit } from '../model/units';
import { round } from '../num';
import { library } from '../packs/registry';
import { computedFig, legalRefOf, ruleFig, type Fig } from '../figure';
import { EM_DP, MASS_DP, SEE_DP, formulaTexts, perTonne, roundSee } from './kernel';
import { verifierItems } from './rules/verifier';
import { classifyLines, type Boundary } from './pipeline/boundary';
import { attribution, type Attribution } from './pipeline/corrections';
import {
  electricityFindings,
  electricityOptions,
  electricitySetup,
  resolveLines,
  type ElectricityContext,
  type ElectricitySetup,
  type Resolved,
} from './pipeline/electricity';
import { Findings } from './pipeline/findings';
import { directEmissions, type DirectEmissions } from './pipeline/gases';
import { activityLevel, fail, inferRoute, resolveGood, templateRouteName, type Good } from './pipeline/good';
import { precursorStage, type Precursors } from './pipeline/precursors';
import { seeDirect, seeStage } from './pipeline/see';
import type { CbamConversion, ConvertOptions, ConvertResult } from './pipeline/types';
import { verifierFacts } from './pipeline/verifier-facts';
import type { Message } from '../i18n/message';
import { originCountry } from './origin';

export { EM_DP, MASS_DP, SEE_DP };
export type { Fig, FigSource, LegalRef } from '../figure';
export type {
  ElectricityChoice,
  ConvertOptions,
  GasRuleOutcome,
  GasTrace,
  DirectLine,
  ElectricityLineResult,
  ElectricityOption,
  PrecursorLineResult,
  DroppedLine,
  DroppedGas,
  CorrectionResult,
  ConvertedProcess,
  CbamConversion,
  ConvertFailure,
  ConvertResult,
} from './pipeline/types';
export { ELECTRICITY_CHOICES } from './pipeline/types';
export { euDefaultElectricityFactor } from './pipeline/electricity';

/** Thrown by toDocsModel when the conversion cannot feed the documents. */
export class CbamConvertError extends Error {
  readonly messages: Message[];
  constructor(first: Message, more: Message[] = []) {
    super(first.key);
    this.name = 'CbamConvertError';
    this.messages = [first, ...more];
  }
}

/** What the stages computed, for the assembly of the result. */
interface Stages {
  good: Good;
  dataset: Dataset;
  options: ConvertOptions;
  production: { tonnes: number; fig: Fig };
  boundary: Boundary;
  direct: DirectEmissions;
  attr: Attribution;
  elec: { ctx: ElectricityContext; setup: ElectricitySetup; chosen: Resolved; options: CbamConversion['electricity']['options'] };
  prec: Precursors;
  findings: Findings;
}

export function convertToCbam(dataset: Dataset, options: ConvertOptions): ConvertResult {
  const lib = options.lib ?? library();
  const good = resolveGood(dataset, options);
  if (!good.ok) return good;
  const production = activityLevel(dataset);
  if (!production.ok) return production;
  const { pack, period, cat } = good;
  const findings = new Findings();
  const studyGwps = lib.gwp.sets[dataset.study.gwpSet]?.values ?? {};

  // 2–3. boundary and direct emissions (line findings in inventory order)
  const lineFindings = new Findings();
  const boundary = classifyLines(pack, cat, dataset, studyGwps, lineFindings);
  const direct = directEmissions(pack, cat, boundary.direct, studyGwps, dataset.installations[0]?.id ?? '-', lineFindings);
  findings.merge(lineFindings, true);
  // 4. attribution corrections
  const attr = attribution(pack, cat, boundary.heat, options.corrections, direct.total, findings);
  // 5. electricity (the choice first: an unknown one stops the conversion)
  const ctx: ElectricityContext = {
    pack,
    period,
    country: originCountry(dataset),
    options,
    lib,
    lines: boundary.electricity,
  };
  const setup = electricitySetup(ctx, findings);
  if ('error' in setup) return fail('invalid', [setup.error]);
  // 6. precursors
  const prec = precursorStage(pack, period, cat, boundary.precursors, findings);
  const indirectCounted = cat.indirectCounted.value;
  const elecOptions = electricityOptions(
    ctx,
    setup,
    seeDirect(production.tonnes, attr.attributedDirect, prec.embeddedDirect),
    prec.embeddedIndirect,
    indirectCounted,
    (v) => perTonne(v, production.tonnes),
  );
  const chosen = resolveLines(ctx, setup.choice);
  electricityFindings(ctx, setup, chosen, elecOptions, indirectCounted, findings);
  if (!indirectCounted && boundary.electricity.length)
    findings.add('info', msg('cbamconvert:warnings.indirectNotCounted', { category: `$t:cbam:categories.${cat.id}`, period: period.label }));

  // study-level findings
  if (dataset.study.allocation.method !== 'none') findings.add('warning', msg('cbamconvert:warnings.allocation', { method: dataset.study.allocation.method }));
  if (dataset.study.gwpSet !== 'AR5' && direct.recharacterisation.length)
    findings.add('info', msg('cbamconvert:warnings.recharacterised', { from: dataset.study.gwpSet }));
  if (!direct.lines.length) findings.add('warning', msg('cbamconvert:warnings.noDirectLines'));
  if (dataset.installations.length > 1) findings.add('info', msg('cbamconvert:warnings.severalInstallations', { count: dataset.installations.length }));

  const route = inferRoute(cat, direct.lines, options.route);
  if (route.error) return fail('invalid', [route.error]);
  if (route.inferred && cat.routes.length > 1) findings.add('info', msg('cbamconvert:warnings.routeInferred', { route: `$t:cbam:routes.${route.id}` }));

  return assemble({ good, dataset, options, production, boundary, direct, attr, elec: { ctx, setup, chosen, options: elecOptions }, prec, findings }, route);
}

/** The result object from the stages' figures (no arithmetic beyond the kernel's SEE). */
function assemble(s: Stages, route: { id: string; inferred: boolean }): CbamConversion {
  const { good, dataset, production, boundary, direct, attr, elec, prec, findings } = s;
  const { pack, period, cat } = good;
  const indirectCounted = cat.indirectCounted.value;
  const see = seeStage({
    activityLevel: production.tonnes,
    attributedDirect: attr.attributedDirect,
    attributedIndirect: elec.chosen.total,
    hasElectricity: boundary.electricity.length > 0,
    precursorsDirect: prec.embeddedDirect,
    precursorsIndirect: prec.embeddedIndirect,
    defaultDirect: prec.defaultDirect,
    indirectCounted,
    uncertainDirect: direct.uncertain,
    uncertainPrecursors: prec.uncertain,
    uncertainEf: !!elec.chosen.ef?.uncertain,
  });
  const verifier = verifierItems(
    pack.rules.verifier,
    verifierFacts({
      pack,
      dataset,
      direct: direct.lines,
      electricity: boundary.electricity,
      indirectCounted,
      efChoice: elec.setup.choice,
      precursors: prec.lines,
      corrections: attr.items,
    }),
  );
  const fig = (value: number, formula: string, unc = false): Fig => computedFig(value, 'tCO2e', formula, unc);
  const ft = formulaTexts(pack.constants);
  const tName = templateRouteName(cat, route.id);
  const ic = cat.indirectCounted;
  return {
    ok: true,
    status: 'converted',
    complete: !findings.hasError && see.countedValue !== null,
    pack: { id: pack.id, version: pack.version, kind: pack.kind, status: pack.status, scheme: pack.scheme, jurisdiction: pack.jurisdiction },
    period,
    dataset: {
      ...(dataset.id ? { id: dataset.id } : {}),
      ...(dataset.title ? { title: dataset.title } : {}),
      product: dataset.product.name,
      period: dataset.period,
      gwpSet: dataset.study.gwpSet,
      basis: dataset.basis.kind,
    },
    good: {
      cn: good.cn.digits,
      printed: good.cn.printed,
      category: good.category,
      gases: cat.gases,
      indirectCounted: {
        value: ic.value,
        source: legalRefOf({ act: ic.source.act, annex: ic.source.annex, note: ic.source.note }, ic.confidence),
        ...(ic.uncertain ? { uncertain: true as const } : {}),
      },
      precursorCategories: cat.precursors,
    },
    process: {
      id: 'P1',
      categoryId: cat.id,
      route: { id: route.id, ...(tName ? { templateName: tName } : {}), inferred: route.inferred },
      installationIds: dataset.installations.map((x) => x.id),
      production: production.fig,
      directByInstallation: direct.byInstallation.map((b) => ({ installationId: b.installationId, co2e: fig(b.co2e, 'Σ DirEm_line') })),
    },
    production: production.fig,
    direct: {
      lines: direct.lines,
      total: fig(direct.total, 'DirEm* = Σ m_gas × GWP_AR5', direct.uncertain),
      byGas: { co2: fig(direct.sums.co2, 'Σ CO2_fossil'), n2o: fig(direct.sums.n2o, ft.n2o), pfc: fig(direct.sums.pfc, ft.pfc) },
      biogenicZeroRated: ruleFig(direct.sums.bio, 'tCO2', pack.rules.refs.biomass),
    },
    corrections: { items: attr.items, total: fig(attr.total, 'Σ Corr') },
    attributedDirect: fig(attr.attributedDirect, 'DirEm* + Em_H,imp − Em_H,exp + WG_imp − WG_exp − Em_el,exp', direct.uncertain),
    electricity: {
      lines: elec.chosen.lines,
      mwh: { value: elec.setup.mwh, unit: 'MWh', source: { kind: 'dataset', lines: boundary.electricity.map((e) => e.l.id) } },
      mwhPerTonne: computedFig(roundSee(elec.setup.mwh / production.tonnes), 'MWh/t', 'E_el,cons / AL'),
      counted: indirectCounted,
      choice: elec.setup.choice,
      ef: elec.chosen.ef,
      indirect: elec.chosen.total === null ? null : fig(elec.chosen.total, 'AttrEm_ind = Σ E_el,cons × EF_el'),
      options: elec.options,
    },
    precursors: {
      lines: prec.lines,
      embeddedDirect: prec.embeddedDirect === null ? null : fig(prec.embeddedDirect, 'Σ M_i × SEE_dir,i', prec.uncertain),
      embeddedIndirect: prec.embeddedIndirect === null ? null : fig(prec.embeddedIndirect, 'Σ M_i × SEE_ind,i', prec.uncertain),
    },
    see,
    recharacterisation: direct.recharacterisation,
    dropped: boundary.dropped,
    droppedGases: direct.droppedGases,
    verifier,
    findings: findings.list,
  };
}

export { toDocsModel, type DocsModelOptions } from './docs-model';

/**
 * The CBAM figure on the footprint's own scale, for `carbonbridge compare` and the UI comparison: embedded emissions that
 * count for the good, in kg CO2e per functional unit (SEE × functional unit in t × 1000), next to what the PCF reported.
 * Null where the SEE that counts is incomplete.
 */
export function cbamPerFunctionalUnit(
  result: CbamConversion,
  dataset: Dataset,
): {
  kgCo2ePerFu: number | null;
  direct: number | null;
  indirect: number | null;
  counted: 'direct' | 'total';
  droppedLines: number;
  functionalUnit: { amount: number; unit: string };
} {
  const fu = dataset.product.functionalUnit;
  const fuT = convertUnit(fu.amount, fu.unit as Unit, 't');
  const k = (f: Fig | null) => (f === null ? null : round(f.value * fuT * 1000, EM_DP));
  return {
    kgCo2ePerFu: k(result.see.countedValue),
    direct: k(result.see.direct),
    indirect: k(result.see.indirect),
    counted: result.see.counted,
    droppedLines: result.dropped.length,
    functionalUnit: { amount: fu.amount, unit: fu.unit },
  };
}

/** The inventory categories, re-exported for the UI's legend. */
export const INVENTORY_CATEGORIES = CATEGORIES;

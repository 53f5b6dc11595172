/**
 * The documents' input model (src/core/cbam/docs/model.ts) from a conversion: installation, goods category, the
 * production process, purchased precursors and the product, each figure with its source citation.
 */
import { msg, type Message } from '../i18n/message';
import type { Dataset } from '../model/dataset';
import { convert as convertUnit } from '../model/units';
import type { ActivityInput } from './activity';
import { round } from '../num';
import type { CategoryId } from './pack-schema';
import { originCountry } from './origin';
import { cbamPackForPeriod } from './packs';
import { categoryById, printCn } from './screen';
import type { CbamDocInput } from './docs/model';
import { TEMPLATE_MAP, templateRoutes } from './docs/template';
import { CbamConvertError, type CbamConversion, type Fig } from './convert';
import { euDefaultElectricityFactor } from './pipeline/electricity';
import { legalRefOf, ruleFig } from '../figure';
import { sourcedNumberOf, sourceRefOf } from './docs/sourced';

// ---------------------------------------------------------------------------------------------------------------
// Documents' input model

export interface DocsModelOptions {
  /** 8-digit CN code of the template's list for the product, where the dataset's code is shorter or not in the list. */
  productCn?: string;
  /** Name of the product as on invoices (default: English name of the dataset's product). */
  productName?: string;
}

const srcRef = sourceRefOf;
const sn = sourcedNumberOf;

/** The documents' input model from a conversion that may be incomplete, with what could not be determined. */
export interface PartialDocsModel {
  model: CbamDocInput;
  /** False when the conversion left a figure undetermined: those cells stay empty (never 0) and are listed. */
  complete: boolean;
  /** Figures not determined, translated messages (the conversion's errors, precursors left out of sheet E). */
  missing: Message[];
}

/** The input model of the CBAM documents (src/core/cbam/docs/model.ts) from a complete conversion. Throws CbamConvertError. */
export function toDocsModel(result: CbamConversion, dataset: Dataset, opts: DocsModelOptions = {}): CbamDocInput {
  if (!result.complete) {
    const errs = result.findings.filter((f) => f.severity === 'error').map((f) => f.message);
    throw new CbamConvertError(msg('cbamconvert:errors.incomplete', { count: errs.length }), errs);
  }
  return toDocsModelPartial(result, dataset, opts).model;
}

/**
 * Partial mode: the documents' input model with every figure the conversion knows (production, direct emissions by
 * gas, the MWh consumed, the suppliers' own figures …) even when another is missing (the electricity factor, a
 * precursor's SEE). What is not known stays out of the model — the template's cell stays empty — and is listed in
 * `missing`; the cells themselves are listed by the template fill (`report.gaps`). Throws CbamConvertError only for
 * what the template cannot take at all (a category or CN code it does not list).
 */
export function toDocsModelPartial(result: CbamConversion, dataset: Dataset, opts: DocsModelOptions = {}): PartialDocsModel {
  const templateName = result.good.category.templateName;
  const cn8 = templateCn(result, opts);
  const missing: Message[] = result.findings.filter((f) => f.severity === 'error').map((f) => f.message);
  const single = templateRoutes(templateName).length === 1;
  const routeName = single ? undefined : (result.process.route.templateName ?? templateRoutes(templateName).at(-1)!);
  const { purchasedPrecursors, uses } = purchasedOf(result, dataset, missing);
  const electricity = electricityOf(result);
  const process = {
    id: 'P1',
    name: `${templateName} (${dataset.title ?? dataset.product.name.en ?? dataset.product.name.zh ?? 'process'})`.slice(0, 200),
    category: templateName,
    production: [{ ...(routeName ? { route: routeName } : {}), amount: sn(result.production) }],
    directEmissions: sn(result.direct.total),
    ...correctionsOf(result),
    ...(electricity ? { electricity } : {}),
    precursors: uses,
  };
  const name = opts.productName ?? dataset.product.name.en ?? dataset.product.name.zh ?? dataset.product.name.ar ?? cn8;
  const product = {
    processId: 'P1',
    cnCode: cn8,
    name,
    ...(result.see.direct ? { seeDirect: sn(result.see.direct) } : {}),
    ...(result.see.indirect ? { seeIndirect: sn(result.see.indirect) } : {}),
    ...(result.see.total ? { seeTotal: sn(result.see.total) } : {}),
    dataSource: (result.precursors.lines.some((p) => p.basis === 'default') ? 'mixed' : 'actual') as 'mixed' | 'actual',
    ...(result.see.shareDefault !== null ? { shareDefault: Math.min(1, Math.max(0, result.see.shareDefault)) } : {}),
    ...(electricity?.ef ? { electricityEf: electricity.ef, ...(electricity.efSource ? { electricityEfSource: electricity.efSource } : {}) } : {}),
  };
  const model: CbamDocInput = {
    installation: installationOf(dataset),
    reportingPeriod: { start: dataset.period.start, end: dataset.period.end },
    ...(dataset.study.verifier ? { verifier: { company: dataset.study.verifier.name } } : {}),
    goods: [{ category: templateName, routes: routeName ? [routeName] : [] }],
    processes: [process],
    purchasedPrecursors,
    products: [product],
    sourceStreams: streamsOf(result, dataset),
    emissionsBalance: balanceOf(result, dataset),
    additionalInformation: `Converted by CarbonBridge from a ${dataset.study.standard} footprint (${dataset.study.gwpSet} → AR5), pack ${result.pack.id} ${result.pack.version}, period ${result.period.label}. Dropped lines: ${result.dropped.map((d) => d.id).join(', ') || 'none'}.`,
  };
  return { model, complete: result.complete && missing.length === 0, missing };
}

/** The product's 8-digit CN code as the template lists it for the category (asks for the exact code where several fit). */
function templateCn(result: CbamConversion, opts: DocsModelOptions): string {
  const cat = result.good.category;
  const templateName = cat.templateName;
  const goodsList = (TEMPLATE_MAP.lists.CONST_LIST_Goods as string[]).filter(Boolean);
  if (!goodsList.includes(templateName)) throw new CbamConvertError(msg('cbamconvert:errors.templateCategory', { category: `$t:cbam:categories.${cat.id}` }));
  const cnList = TEMPLATE_MAP.cnByGood[templateName] ?? [];
  let cn8 = opts.productCn?.replace(/[\s.]/g, '') ?? result.good.cn;
  if (cn8.length === 10 && !cnList.includes(cn8)) cn8 = cn8.slice(0, 8); // TARIC code: its CN part
  if (!cnList.includes(cn8)) {
    const cands = cnList.filter((x) => x.startsWith(cn8.slice(0, cn8.length === 8 && cn8.endsWith('00') ? 6 : cn8.length)));
    if (cands.length === 1 && !opts.productCn) cn8 = cands[0]!;
    else throw new CbamConvertError(msg('cbamconvert:errors.templateCn', { cn: printCn(cn8), candidates: cands.map(printCn).join(', ') || '-' }));
  }
  return cn8;
}

function installationOf(dataset: Dataset): CbamDocInput['installation'] {
  const inst = dataset.installations[0];
  return {
    ...(inst?.name ? { name: inst.name } : {}),
    nameEn: inst?.nameEn ?? inst?.name ?? dataset.producer.name,
    ...((inst?.address ?? dataset.producer.address) ? { street: inst?.address ?? dataset.producer.address } : {}),
    ...(inst?.economicActivity ? { economicActivity: inst.economicActivity } : {}),
    ...(inst?.postCode ? { postCode: inst.postCode } : {}),
    ...(inst?.city ? { city: inst.city } : {}),
    country: originCountry(dataset),
    ...(inst?.unlocode ? { unlocode: inst.unlocode } : {}),
    ...(inst?.coordinates ? { latitude: inst.coordinates.lat, longitude: inst.coordinates.lon } : {}),
    operatorName: dataset.producer.name,
  };
}

type Basis = 'Measured' | 'Default';
/**
 * Purchased precursors with the supplier's own figures: SEE direct and indirect, and — only where the supplier gave them
 * (dataset format v2: precursor.embedded.electricityMWhPerT / electricityEf / electricityEfSource) — its specific
 * electricity consumption and factor. Nothing is back-calculated from the reporting installation's factor.
 */
function purchasedOf(result: CbamConversion, dataset: Dataset, missing: Message[]) {
  const pack = cbamPackForPeriod(result.period.label, result.pack.scheme);
  const catName = (id: CategoryId): string => (pack.ok ? categoryById(pack.pack, id).templateName : id);
  const known = result.precursors.lines.filter((p) => p.seeDirect !== null);
  for (const p of result.precursors.lines)
    if (p.seeDirect === null) missing.push(msg('cbamdocs:gaps.precursorSee', { precursor: `${p.id}: ${p.description}` }));
  if (known.length > 20) throw new CbamConvertError(msg('cbamconvert:errors.tooManyPrecursors', { count: known.length }));
  const inv = new Map(dataset.inventory.map((l) => [l.id, l]));
  const purchasedPrecursors = known.map((p, i) => {
    const basis: Basis = p.basis === 'supplier' ? 'Measured' : 'Default';
    const dflt = p.basis === 'default' ? defaultElectricityOf(result, dataset, p) : undefined;
    const sup = p.basis === 'default' ? undefined : inv.get(p.id)?.precursor?.embedded;
    const emb = dflt ?? sup;
    const supplierSrc = dflt
      ? { ref: dflt.ref, kind: 'default' as const }
      : { ref: `Supplier communication (line ${p.id}${sup?.source ? `: ${sup.source}` : ''})`, kind: 'supplier' as const };
    const efSrc = dflt ? { ref: dflt.efRef, kind: 'default' as const } : supplierSrc;
    return {
      id: `PP${i + 1}`,
      name: `${p.id}: ${p.description}`.slice(0, 200),
      category: catName(p.category),
      country: p.country!,
      seeDirect: sn(p.seeDirect!),
      seeDirectBasis: basis,
      ...(p.seeIndirect ? { seeIndirect: sn(p.seeIndirect) } : {}),
      ...(emb?.electricityMWhPerT !== undefined
        ? { electricityMWhPerT: { value: emb.electricityMWhPerT, source: supplierSrc }, electricityEfBasis: basis }
        : {}),
      ...(emb?.electricityEf !== undefined ? { electricityEf: { value: emb.electricityEf, source: efSrc } } : {}),
      ...(emb?.electricityEfSource ? { electricityEfSource: emb.electricityEfSource } : {}),
      ...(p.basis === 'default' ? { defaultJustification: 'Data gaps' as const } : {}),
      ...(p.supplier ? { supplier: p.supplier } : {}),
    };
  });
  return { purchasedPrecursors, uses: known.map((p, i) => ({ from: `PP${i + 1}`, amount: sn(p.massT) })) };
}

type PrecursorLine = CbamConversion['precursors']['lines'][number];
/**
 * A default-value precursor's indirect SEE as the template takes it (E_PurchPrec, "Remark on how to enter default values
 * for indirect embedded emissions", items ii–iv): the electricity factor of the country of origin (iii) and the specific
 * electricity consumption = default SEE (indirect) ÷ that factor (ii). The factor is the conversion's for that country:
 * the EU default factor as the conversion chose it (entered by the user or in the pack) for the installation's country,
 * the pack's EU default factor for another country. Not known: undefined (both cells stay empty and are listed).
 */
function defaultElectricityOf(result: CbamConversion, dataset: Dataset, p: PrecursorLine) {
  if (!p.seeIndirect || !p.country) return undefined;
  const home = originCountry(dataset);
  let ef: Fig | null = null;
  if (p.country === home) {
    const opt = result.electricity.options.find((o) => o.choice === 'eu-default');
    ef = opt?.status === 'available' ? opt.ef : null;
  } else {
    const pack = cbamPackForPeriod(result.period.label, result.pack.scheme);
    const nf = pack.ok ? euDefaultElectricityFactor(pack.pack, p.country) : null;
    if (nf && nf.value !== null) ef = ruleFig(nf.value, 'tCO2/MWh', legalRefOf({ act: nf.source.act, annex: nf.source.annex }, nf.confidence));
  }
  if (!ef || !(ef.value > 0)) return undefined;
  const efRef = `EF of electricity of ${p.country}: ${srcRef(ef)}`;
  return {
    electricityMWhPerT: round(p.seeIndirect.value / ef.value, 12),
    electricityEf: ef.value,
    electricityEfSource: 'D.4(a)' as const,
    ref: `Default SEE (indirect) ${p.seeIndirect.value} tCO2e/t (${srcRef(p.seeIndirect)}) ÷ ${efRef}`,
    efRef,
  };
}

/** Electricity consumed: the MWh whenever the dataset has electricity lines; the factor and its source only when known. */
function electricityOf(result: CbamConversion) {
  const el = result.electricity;
  if (!el.lines.length) return undefined;
  const efSources = new Set(el.lines.map((l) => l.efSource).filter(Boolean));
  type EfSource = 'D.4(a)' | 'D.4(b)' | 'D.4.3.1' | 'D.4.3.2' | 'Mix';
  const efSource: EfSource | undefined = efSources.size > 1 ? 'Mix' : ([...efSources][0] as EfSource | undefined);
  const effEf = el.indirect && el.mwh.value > 0 ? round(el.indirect.value / el.mwh.value, 6) : null;
  return {
    consumptionMWh: sn(el.mwh),
    ...(effEf !== null
      ? { ef: { value: effEf, source: { ref: el.ef ? srcRef(el.ef) : 'Σ E_el × EF_el / Σ E_el', kind: 'default' as const } }, efSource: efSource ?? 'D.4(a)' }
      : {}),
  };
}

/** Measurable heat, waste gases and exported electricity of the process (sheet D (h), (i), (k)). */
function correctionsOf(result: CbamConversion) {
  const heatIn = result.corrections.items.filter((x) => x.kind === 'heat-imported');
  const heatOut = result.corrections.items.find((x) => x.kind === 'heat-exported');
  const wgIn = result.corrections.items.find((x) => x.kind === 'waste-gas-imported');
  const wgOut = result.corrections.items.find((x) => x.kind === 'waste-gas-exported');
  const elOut = result.corrections.items.find((x) => x.kind === 'electricity-exported');
  const heatInTJ = heatIn.reduce((s, x) => s + x.amount.value, 0);
  const heatInEm = heatIn.reduce((s, x) => s + x.effect.value, 0);
  return {
    ...(heatInTJ || heatOut
      ? {
          heat: {
            ...(heatInTJ ? { importedTJ: round(heatInTJ, 9), importedEf: round(heatInEm / heatInTJ, 6) } : {}),
            ...(heatOut ? { exportedTJ: heatOut.amount.value, exportedEf: heatOut.ef.value } : {}),
          },
        }
      : {}),
    ...(wgIn || wgOut ? { wasteGas: { ...(wgIn ? { importedTJ: wgIn.amount.value } : {}), ...(wgOut ? { exportedTJ: wgOut.amount.value } : {}) } } : {}),
    ...(elOut ? { electricityExported: { mwh: elOut.amount.value, ef: elOut.ef.value } } : {}),
  };
}

/**
 * Installation totals for sheet C (a) ii: direct emissions by gas (fossil CO2, biomass CO2, N2O, PFC) and the indirect
 * total when known; the fuel balance's total fuel input (C 1 ii) when every fuel line of the installation is given in
 * energy units (how it splits between CBAM goods, electricity and other goods is not in a footprint: left empty).
 */
function balanceOf(result: CbamConversion, dataset: Dataset): NonNullable<CbamDocInput['emissionsBalance']> {
  const g = result.direct.byGas;
  const bio = result.direct.biogenicZeroRated;
  const inv = new Map(dataset.inventory.map((l) => [l.id, l]));
  const fuels = result.direct.lines.map((d) => inv.get(d.id)).filter((l) => l?.category === 'fuel-combustion');
  const energy =
    fuels.length && fuels.every((l) => ['MJ', 'GJ', 'TJ', 'kWh', 'MWh', 'GWh'].includes(l!.activity.unit))
      ? fuels.reduce((a, l) => a + convertUnit(l!.activity.amount, l!.activity.unit, 'TJ'), 0)
      : null;
  return {
    ...(energy !== null
      ? { fuel: { totalTJ: { value: round(energy, 9), source: { ref: `Dataset lines ${fuels.map((l) => l!.id).join(', ')}`, kind: 'measured' as const } } } }
      : {}),
    co2: sn(g.co2),
    ...(g.n2o.value ? { n2o: sn(g.n2o) } : {}),
    ...(g.pfc.value ? { pfc: sn(g.pfc) } : {}),
    ...(bio.value ? { biomass: sn(bio) } : {}),
    ...(result.electricity.indirect ? { totalIndirect: sn(result.electricity.indirect) } : {}),
  };
}

const ENERGY_UNITS: readonly string[] = ['MJ', 'GJ', 'TJ', 'kWh', 'MWh', 'GWh'];
const ENERGY_NOTE = ' (activity as energy in GJ, NCV 1 GJ/GJ)';
/**
 * A fuel given as energy: the template's sheet B takes activity data only in t or 1000 Nm3 (NCV in GJ/t, EF in tCO2/TJ;
 * emissions = AD × NCV / 1000 × EF). The one exact expression is AD = the energy in GJ with NCV = 1 GJ per unit and
 * EF = CO2 per TJ; the stream's name says so, for the reader of the workbook.
 */
function energyStream(label: string, gj: number, co2: number, ref: string): NonNullable<CbamDocInput['sourceStreams']>[number] {
  return {
    method: 'Combustion',
    name: `${label.slice(0, 200 - ENERGY_NOTE.length)}${ENERGY_NOTE}`,
    activityData: { value: gj, source: { ref, kind: 'measured' } },
    adUnit: 't',
    ncv: { value: 1, source: { ref: `${ref}: activity in GJ, so NCV = 1 GJ/GJ`, kind: 'calculated' } },
    ef: { value: (co2 * 1000) / gj, source: { ref: `${ref}: fossil CO2 / energy (tCO2/TJ)`, kind: 'calculated' } },
    efUnit: 'tCO2/TJ',
  };
}

/**
 * Source streams (sheet B (a)) from the dataset's direct lines where the template can express them exactly: a fuel or
 * process line with an emission factor per tonne or per Nm3 and counted fossil CO2 gives one stream (activity data in
 * t or 1000 Nm3, EF = the line's CO2 per unit); a fuel given as energy (MJ … GWh) one combustion stream with the energy
 * in GJ as activity data and NCV 1 (energyStream). Measured lines (emissions kind 'measured'), N2O and PFC stay in the
 * totals by gas (sheet C): the template's measurement-based section (B (c)) takes only concentration × hours × flue-gas
 * flow, which a footprint's measured annual mass does not give; they appear as "Other" in the breakdown by method.
 */
function streamsOf(result: CbamConversion, dataset: Dataset): NonNullable<CbamDocInput['sourceStreams']> {
  const inv = new Map(dataset.inventory.map((l) => [l.id, l]));
  const out: NonNullable<CbamDocInput['sourceStreams']> = [];
  for (const d of result.direct.lines) {
    const l = inv.get(d.id);
    if (!l || l.emissions.kind !== 'factors' || out.length >= 75) continue;
    const method = l.category === 'fuel-combustion' ? 'Combustion' : l.category === 'process-emission' ? 'Process emissions' : null;
    const co2 = d.gases.find((x) => x.gas === 'CO2_fossil' && x.outcome === 'counted')?.co2eT ?? 0;
    if (!method || !(co2 > 0)) continue;
    const u = l.activity.unit;
    const ref = `Dataset line ${l.id}${l.emissions.source.name ? ` (${l.emissions.source.name})` : ''}`;
    if (method === 'Combustion' && ENERGY_UNITS.includes(u) && l.activity.amount > 0) {
      out.push(energyStream(`${l.id}: ${l.description}`, convertUnit(l.activity.amount, u, 'GJ'), co2, ref));
      continue;
    }
    const ad =
      u === 't' || u === 'kg' || u === 'g'
        ? { value: convertUnit(l.activity.amount, u, 't'), unit: 't' as const }
        : u === 'Nm3' || u === '1000 Nm3'
          ? { value: convertUnit(l.activity.amount, u, '1000 Nm3'), unit: '1000Nm3' as const }
          : null;
    if (!ad || !(ad.value > 0)) continue;
    out.push({
      method,
      name: `${l.id}: ${l.description}`.slice(0, 200),
      activityData: { value: ad.value, source: { ref, kind: 'measured' } },
      adUnit: ad.unit,
      ef: { value: co2 / ad.value, source: { ref, kind: 'calculated' } },
      efUnit: ad.unit === 't' ? 'tCO2/t' : 'tCO2/1000Nm3',
    });
  }
  return out;
}

/**
 * Sheet B of the template from the activity calculator's input (src/core/cbam/activity.ts): each source stream and PFC
 * row as entered, so the template recomputes the same emissions with its own formulas (combustion: AD × NCV × EF × OxF,
 * process: AD × EF × ConvF, mass balance: AD × C × 3.664, PFC: slope or overvoltage). Continuous measurements have no
 * place in the documents' model: their emissions reach sheet C as totals by gas.
 */
export function sheetBFromActivity(input: ActivityInput): Pick<CbamDocInput, 'sourceStreams' | 'pfc'> {
  const pct = (x: number | undefined) => (x === undefined ? undefined : round(x * 100, 9));
  const nameOf = (s: { id?: string | undefined; name?: string | undefined }, fallback: string) => s.name || s.id || fallback;
  const sourceStreams = input.sourceStreams.slice(0, 75).map((s, i): NonNullable<CbamDocInput['sourceStreams']>[number] => {
    const bio = pct(s.biomassShare);
    const common = { name: nameOf(s, `Source stream ${i + 1}`), ...(bio !== undefined ? { biomassPct: bio } : {}) };
    if (s.method === 'combustion') {
      const ox = pct(s.oxidationFactor);
      return {
        ...common,
        method: 'Combustion',
        activityData: s.ad,
        adUnit: s.unit === '1000 Nm3' ? '1000Nm3' : 't',
        ncv: s.ncv,
        ef: s.ef,
        efUnit: 'tCO2/TJ',
        ...(ox !== undefined ? { oxidationFactorPct: ox } : {}),
      };
    }
    if (s.method === 'process') {
      const cf = pct(s.conversionFactor);
      return {
        ...common,
        method: 'Process emissions',
        activityData: s.ad,
        adUnit: 't',
        ef: s.ef,
        efUnit: 'tCO2/t',
        ...(cf !== undefined ? { conversionFactorPct: cf } : {}),
      };
    }
    return { ...common, method: 'Mass Balance', activityData: s.ad, adUnit: 't', carbonContent: s.carbonContent };
  });
  const pfc = input.pfc.slice(0, 10).map((q): NonNullable<CbamDocInput['pfc']>[number] => {
    const common = { activityData: q.alProduced, fC2F6: q.fC2F6, collectionEfficiency: q.collectionEfficiency };
    return q.method === 'slope'
      ? { ...common, method: 'Slope method', frequency: q.aef, duration: q.aed, sefCf4: q.sefCf4 }
      : { ...common, method: 'Overvoltage method', ovc: q.ovc, aeo: q.aeo, currentEfficiency: q.currentEfficiency };
  });
  return { sourceStreams, pfc };
}

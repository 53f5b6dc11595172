/**
 * The documents' input model (src/core/cbam/docs/model.ts) from a conversion: installation, goods category, the
 * production process, purchased precursors and the product, each figure with its source citation.
 */
import { msg } from '../i18n/message';
import type { Dataset } from '../model/dataset';
import { round } from '../num';
import type { CategoryId } from './pack-schema';
import { cbamPackForPeriod } from './packs';
import { categoryById, printCn } from './screen';
import type { CbamDocInput } from './docs/model';
import { TEMPLATE_MAP, templateRoutes } from './docs/template';
import { CbamConvertError, type CbamConversion, type Fig } from './convert';

// ---------------------------------------------------------------------------------------------------------------
// Documents' input model

export interface DocsModelOptions {
  /** 8-digit CN code of the template's list for the product, where the dataset's code is shorter or not in the list. */
  productCn?: string;
  /** Name of the product as on invoices (default: English name of the dataset's product). */
  productName?: string;
}

const srcRef = (f: Fig): string => {
  const s = f.source;
  switch (s.kind) {
    case 'dataset': return `Dataset${s.lines.length ? ` line ${s.lines.join(', ')}` : ''}${s.note ? ` (${s.note})` : ''}`;
    case 'rule': return [s.ref.act, s.ref.annex, s.ref.table, s.ref.note].filter(Boolean).join(', ');
    case 'user': return `Entered by the user: ${s.field}`;
    case 'supplier': return `Supplier communication (line ${s.line}${s.ref ? `: ${s.ref}` : ''}${s.verified ? ', verified' : ''})`;
    case 'library': return `${s.act} [${s.id}]`;
    case 'computed': return s.formula;
  }
};
const kindOf = (f: Fig): 'measured' | 'calculated' | 'default' | 'supplier' | 'user' | 'other' =>
  f.source.kind === 'rule' ? 'default' : f.source.kind === 'supplier' ? 'supplier' : f.source.kind === 'user' ? 'user' : f.source.kind === 'dataset' ? 'measured' : f.source.kind === 'computed' ? 'calculated' : 'other';
const sn = (f: Fig) => ({ value: f.value, source: { ref: srcRef(f), kind: kindOf(f), ...(f.uncertain ? { uncertain: true } : {}) } });

/** The input model of the CBAM documents (src/core/cbam/docs/model.ts) from a complete conversion. Throws CbamConvertError. */
export function toDocsModel(result: CbamConversion, dataset: Dataset, opts: DocsModelOptions = {}): CbamDocInput {
  if (!result.complete) {
    const errs = result.findings.filter((f) => f.severity === 'error').map((f) => f.message);
    throw new CbamConvertError(msg('cbamconvert:errors.incomplete', { count: errs.length }), errs);
  }
  const cat = result.good.category;
  const templateName = cat.templateName;
  const goodsList = (TEMPLATE_MAP.lists.CONST_LIST_Goods as string[]).filter(Boolean);
  if (!goodsList.includes(templateName)) throw new CbamConvertError(msg('cbamconvert:errors.templateCategory', { category: `$t:cbam:categories.${cat.id}` }));
  const cnList = TEMPLATE_MAP.cnByGood[templateName] ?? [];
  let cn8 = opts.productCn?.replace(/[\s.]/g, '') ?? result.good.cn;
  if (!cnList.includes(cn8)) {
    const cands = cnList.filter((x) => x.startsWith(cn8.slice(0, cn8.length === 8 && cn8.endsWith('00') ? 6 : cn8.length)));
    if (cands.length === 1 && !opts.productCn) cn8 = cands[0]!;
    else throw new CbamConvertError(msg('cbamconvert:errors.templateCn', { cn: printCn(cn8), candidates: cands.map(printCn).join(', ') || '-' }));
  }

  const inst = dataset.installations[0];
  const installation = {
    ...(inst?.name ? { name: inst.name } : {}),
    nameEn: inst?.nameEn ?? inst?.name ?? dataset.producer.name,
    ...(inst?.address ?? dataset.producer.address ? { street: inst?.address ?? dataset.producer.address } : {}),
    ...(inst?.economicActivity ? { economicActivity: inst.economicActivity } : {}),
    ...(inst?.postCode ? { postCode: inst.postCode } : {}),
    ...(inst?.city ? { city: inst.city } : {}),
    country: inst?.country ?? dataset.producer.country,
    ...(inst?.unlocode ? { unlocode: inst.unlocode } : {}),
    ...(inst?.coordinates ? { latitude: inst.coordinates.lat, longitude: inst.coordinates.lon } : {}),
    operatorName: dataset.producer.name,
  };

  const single = templateRoutes(templateName).length === 1;
  const routeName = single ? undefined : (result.process.route.templateName ?? templateRoutes(templateName).at(-1)!);
  const pps = result.precursors.lines.filter((p) => p.seeDirect !== null);
  if (pps.length > 20) throw new CbamConvertError(msg('cbamconvert:errors.tooManyPrecursors', { count: pps.length }));
  const pack = cbamPackForPeriod(result.period.label, result.pack.scheme);
  const catName = (id: CategoryId): string => (pack.ok ? categoryById(pack.pack, id).templateName : id);
  const purchasedPrecursors = pps.map((p, i) => {
    const ind = p.seeIndirect?.value ?? 0;
    const efFig = result.electricity.ef;
    return {
      id: `PP${i + 1}`,
      name: `${p.id}: ${p.description}`.slice(0, 200),
      category: catName(p.category),
      country: p.country!,
      seeDirect: sn(p.seeDirect!),
      seeDirectBasis: (p.basis === 'supplier' ? 'Measured' : 'Default') as 'Measured' | 'Default',
      ...(ind > 0 && efFig ? { seeIndirect: sn(p.seeIndirect!), electricityEf: sn(efFig), electricityEfBasis: (p.basis === 'supplier' ? 'Measured' : 'Default') as 'Measured' | 'Default' } : {}),
      ...(p.basis === 'default' ? { defaultJustification: 'Data gaps' as const } : {}),
      ...(p.supplier ? { supplier: p.supplier } : {}),
    };
  });

  const heatIn = result.corrections.items.filter((x) => x.kind === 'heat-imported');
  const heatOut = result.corrections.items.find((x) => x.kind === 'heat-exported');
  const wgIn = result.corrections.items.find((x) => x.kind === 'waste-gas-imported');
  const wgOut = result.corrections.items.find((x) => x.kind === 'waste-gas-exported');
  const elOut = result.corrections.items.find((x) => x.kind === 'electricity-exported');
  const heatInTJ = heatIn.reduce((s, x) => s + x.amount.value, 0);
  const heatInEm = heatIn.reduce((s, x) => s + x.effect.value, 0);

  const el = result.electricity;
  const efSources = new Set(el.lines.map((l) => l.efSource).filter(Boolean));
  const efSource = (efSources.size > 1 ? 'Mix' : ([...efSources][0] ?? 'D.4(a)')) as 'D.4(a)' | 'D.4(b)' | 'D.4.3.1' | 'D.4.3.2' | 'Mix';
  const effEf = el.indirect && el.mwh.value > 0 ? round(el.indirect.value / el.mwh.value, 6) : null;
  const electricity = el.indirect && effEf !== null
    ? { consumptionMWh: sn(el.mwh), ef: { value: effEf, source: { ref: el.ef ? srcRef(el.ef) : 'Σ E_el × EF_el / Σ E_el', kind: 'default' as const } }, efSource }
    : undefined;

  const process = {
    id: 'P1',
    name: `${templateName} (${dataset.title ?? dataset.product.name.en ?? dataset.product.name.zh ?? 'process'})`.slice(0, 200),
    category: templateName,
    production: [{ ...(routeName ? { route: routeName } : {}), amount: sn(result.production) }],
    directEmissions: sn(result.direct.total),
    ...(heatInTJ || heatOut ? { heat: { ...(heatInTJ ? { importedTJ: round(heatInTJ, 9), importedEf: round(heatInEm / heatInTJ, 6) } : {}), ...(heatOut ? { exportedTJ: heatOut.amount.value, exportedEf: heatOut.ef.value } : {}) } } : {}),
    ...(wgIn || wgOut ? { wasteGas: { ...(wgIn ? { importedTJ: wgIn.amount.value } : {}), ...(wgOut ? { exportedTJ: wgOut.amount.value } : {}) } } : {}),
    ...(electricity ? { electricity } : {}),
    ...(elOut ? { electricityExported: { mwh: elOut.amount.value, ef: elOut.ef.value } } : {}),
    precursors: pps.map((p, i) => ({ from: `PP${i + 1}`, amount: sn(p.massT) })),
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
    ...(electricity ? { electricityEf: electricity.ef, electricityEfSource: efSource } : {}),
  };

  return {
    installation,
    reportingPeriod: { start: dataset.period.start, end: dataset.period.end },
    ...(dataset.study.verifier ? { verifier: { company: dataset.study.verifier.name } } : {}),
    goods: [{ category: templateName, routes: routeName ? [routeName] : [] }],
    processes: [process],
    purchasedPrecursors,
    products: [product],
    ...(el.indirect ? { emissionsBalance: { totalIndirect: sn(el.indirect) } } : {}),
    additionalInformation: `Converted by CarbonBridge from a ${dataset.study.standard} footprint (${dataset.study.gwpSet} → AR5), pack ${result.pack.id} ${result.pack.version}, period ${result.period.label}. Dropped lines: ${result.dropped.map((d) => d.id).join(', ') || 'none'}.`,
  };
}


/**
 * China's label data sheet (CNCA-CFP-00:2025) and the Ningxia guide's disclosure items for one dataset. Each item is
 * present (with its value from the dataset or the engine) or missing (named, never filled). The figure is the engine's
 * result under GB/T 24067-2024.
 */
import { compute } from '../engine/compute';
import { msg, type Message } from '../i18n/message';
import type { Dataset, LocalText } from '../model/dataset';
import { getFootprintPack, library, type Library } from '../packs/registry';
import type { SourceRef } from '../packs/schema';
import { gradeFor, labelCatalogue, labelGrading, labelItems, matchCatalogue, type CatalogueMatch, type GradeResult } from './catalogue';
import type { LabelCatalogue } from './schema';

export interface SheetItem {
  id: string;
  status: 'present' | 'missing';
  value?: Message;
  local?: LocalText;
  figure?: { value: number; unit: string; source: SourceRef };
  /** Why it is missing, or a caveat about a present value. */
  note?: Message;
}

export interface LabelSheet {
  kind: 'carbonbridge.label-sheet';
  sheetVersion: 1;
  data: { catalogue: string; items: string; grading: string };
  scheme: LabelCatalogue['scheme'];
  catalogue: { title: LabelCatalogue['catalogue']['title']; source: SourceRef; match: CatalogueMatch };
  product: LocalText;
  label: { source: SourceRef; items: SheetItem[] };
  ningxia: { source: SourceRef; items: SheetItem[] };
  grading: { result: GradeResult; china: ReturnType<typeof labelGrading>['china'] };
  missing: { label: string[]; ningxia: string[] };
}

export interface LabelOptions {
  /** A catalogue class chosen by the user (when the CN code covers several). */
  classId?: string;
  /** Rated power per functional unit (kW), for per-kW grading schemes. */
  ratedPowerKw?: number;
}

function commonItems(ds: Dataset, lib: Library): Record<string, SheetItem> {
  const pack = getFootprintPack('cn-gbt24067-2024')!;
  const r = compute(ds, pack, { lib, skipChecks: true });
  const fu = ds.product.functionalUnit;
  const v = ds.study.verifier;
  const product: SheetItem = {
    id: 'product',
    status: 'present',
    local: ds.product.name,
    ...(ds.product.cnCode ? { value: msg('partners:label.cnCode', { code: ds.product.cnCode }) } : {}),
  };
  return {
    product,
    functionalUnit: {
      id: 'functionalUnit',
      status: 'present',
      value: msg('partners:study.unit', { amount: fu.amount, unit: fu.unit }),
      ...(fu.description ? { local: fu.description } : {}),
    },
    boundary: {
      id: 'boundary',
      status: 'present',
      value: msg('partners:label.boundary', { boundary: `$t:core:boundary.${ds.study.boundary}`, start: ds.period.start, end: ds.period.end }),
    },
    figure: {
      id: 'figure',
      status: 'present',
      figure: {
        value: r.total,
        unit: `kg CO2e / ${fu.amount} ${fu.unit}`,
        source: { act: pack.legalBasis.act, note: `rule pack ${pack.id} ${pack.version}, IPCC ${pack.gwpSet.id}` },
      },
    },
    standard: { id: 'standard', status: 'present', value: msg('partners:label.raw', { text: `$raw:${ds.study.standard}` }) },
    body: v
      ? {
          id: 'certificationBody',
          status: 'present',
          value: msg('partners:study.verifier', { name: `$raw:${v.name}`, accreditation: `$raw:${v.accreditation ?? '—'}` }),
          note: msg('partners:label.bodyNote'),
        }
      : { id: 'certificationBody', status: 'missing', note: msg('partners:label.noBody') },
    validity: { id: 'validity', status: 'missing', note: msg('partners:label.noValidity') },
  };
}

export function buildLabelSheet(ds: Dataset, opts: LabelOptions = {}, lib: Library = library()): LabelSheet {
  const cat = labelCatalogue();
  const items = labelItems();
  const g = labelGrading();
  const texts = [ds.product.name.zh, ds.product.name.en, ds.product.name.ar, ds.product.description, ds.title].filter((x): x is string => !!x);
  const match = matchCatalogue(cat, ds.product.cnCode, texts, opts.classId);
  const c = commonItems(ds, lib);
  const catItem: SheetItem =
    match.status === 'matched'
      ? { id: 'catalogueClass', status: 'present', local: match.class.name, note: msg(`partners:label.matchedBy.${match.by}`) }
      : {
          id: 'catalogueClass',
          status: 'missing',
          note: msg(`partners:label.catalogue.${match.status}`, {
            candidates: match.status === 'ambiguous' ? match.candidates.map((k) => k.id).join(', ') : '',
          }),
        };
  const labelMap: Record<string, SheetItem> = { ...c, certificationBody: c.body!, catalogueClass: catItem };
  const nx: Record<string, SheetItem> = {
    targetProduct: { ...c.product!, id: 'targetProduct' },
    productInformation: {
      id: 'productInformation',
      status: 'present',
      value: msg('partners:label.producer', { name: `$raw:${ds.producer.name}`, country: ds.producer.country, region: `$raw:${ds.producer.region ?? '—'}` }),
      ...(ds.product.description ? { note: msg('partners:label.raw', { text: `$raw:${ds.product.description}` }) } : {}),
    },
    functionalUnit: c.functionalUnit!,
    systemBoundary: { ...c.boundary!, id: 'systemBoundary' },
    quantifiedResult: { ...c.figure!, id: 'quantifiedResult' },
    verificationBody: { ...c.body!, id: 'verificationBody', ...(c.body!.status === 'missing' ? { note: msg('partners:label.noVerifier') } : {}) },
    validity: c.validity!,
  };
  const labelList = items.label.items.map((id) => labelMap[id]!);
  const nxList = items.ningxia.items.map((id) => nx[id]!);
  const classId = match.status === 'matched' ? match.class.id : undefined;
  return {
    kind: 'carbonbridge.label-sheet',
    sheetVersion: 1,
    data: { catalogue: cat.version, items: items.version, grading: g.version },
    scheme: cat.scheme,
    catalogue: { title: cat.catalogue.title, source: cat.catalogue.source, match },
    product: ds.product.name,
    label: { source: items.label.source, items: labelList },
    ningxia: { source: items.ningxia.source, items: nxList },
    grading: { result: gradeFor(g, classId, c.figure!.figure!.value, opts.ratedPowerKw), china: g.china },
    missing: {
      label: labelList.filter((i) => i.status === 'missing').map((i) => i.id),
      ningxia: nxList.filter((i) => i.status === 'missing').map((i) => i.id),
    },
  };
}

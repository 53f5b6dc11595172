/**
 * Transitional-period quarterly report (QReport, schema v17.03, namespace
 * http://xmlns.ec.eu/BusinessObjects/CBAM/Types/V1) for periods from Q4-2023 up to Q4-2025 — for corrections and
 * records. Code values follow the Commission's sample report (DeterminationType 01 actual / 02 default; emissions unit
 * EMU1; goods unit 01 = tonnes; ImportArea EU; procedure 40 = release for free circulation). Their official code-list
 * meanings are marked uncertain (not confirmed against the XML guidance); the user can override every code.
 * All text is XML-escaped and checked against the schema lengths; decimals are written without exponent.
 */
import { z } from 'zod';
import { CbamDocError } from './errors';
import { msg } from '../../i18n/message';
import { xmlEscape } from './ooxml';
import { issuesToMessages, parseCbamDocData } from './parse';
import type { CbamDocData, CbamDocInput } from './model';
import { computeSee } from './see';
import { cbamPackForPeriod } from '../packs';
import { round } from '../../num';

export const QREPORT_NS = 'http://xmlns.ec.eu/BusinessObjects/CBAM/Types/V1';

const AddressSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, { message: 'cbamdocs:errors.country' }),
  subDivision: z.string().optional(),
  city: z.string().min(1),
  street: z.string().optional(),
  streetAdditionalLine: z.string().optional(),
  number: z.string().optional(),
  postcode: z.string().optional(),
  poBox: z.string().optional(),
});
const PartySchema = z.object({ id: z.string().min(1), name: z.string().min(1), address: AddressSchema });

const EmissionSchema = z.object({
  productionCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  operator: z
    .object({
      id: z.string().min(1),
      name: z.string().min(1),
      address: AddressSchema,
      contacts: z
        .array(z.object({ name: z.string().min(1), phone: z.string().min(1), email: z.string().min(1) }))
        .min(1)
        .max(9),
    })
    .optional(),
  installation: z
    .object({
      id: z.string().min(1),
      name: z.string().min(1),
      economicActivity: z.string().optional(),
      country: z.string().regex(/^[A-Z]{2}$/),
      city: z.string().optional(),
      street: z.string().optional(),
      postcode: z.string().optional(),
      unlocode: z.string().optional(),
      latitude: z.number().optional(),
      longitude: z.number().optional(),
    })
    .optional(),
  /** Mass of the imported good that comes from this installation (t). */
  netMass: z.number().finite().min(0),
  seeDirect: z.number().finite().min(0),
  seeIndirect: z.number().finite().min(0).default(0),
  /** 01 actual data, 02 default value (sample usage; code-list meaning uncertain). */
  determinationType: z.enum(['01', '02']).default('01'),
  indirectDeterminationType: z.enum(['01', '02']).default('01'),
  reportingMethodology: z.string().default('TOM01'),
  electricityEf: z.number().finite().min(0).optional(),
  electricitySource: z.string().default('SOE01'),
  /** Electricity consumed per tonne (MWh/t), dec5-2. */
  electricityConsumed: z.number().finite().min(0).optional(),
  methodId: z.string().min(1).max(5),
  methodName: z.string().min(1),
  /** Free text on the source of the values (e.g. the communication template and its date). */
  sourceNote: z.string().optional(),
  carbonPrice: z
    .object({
      instrumentType: z.string().min(1),
      legalAct: z.string().min(1),
      amount: z.number().finite(),
      currency: z.string().regex(/^[A-Z]{3}$/),
      exchangeRate: z.string().min(1).max(5),
      euro: z.number().finite(),
      country: z.string().regex(/^[A-Z]{2}$/),
    })
    .optional(),
});

const GoodSchema = z.object({
  cnCode: z
    .string()
    .transform((s) => s.replace(/\s+/g, ''))
    .refine((s) => /^\d{8}$/.test(s), { message: 'cbamdocs:errors.cnCode' }),
  description: z.string().optional(),
  origin: z.string().regex(/^[A-Z]{2}$/, { message: 'cbamdocs:errors.country' }),
  netMass: z.number().finite().min(0, { message: 'cbamdocs:errors.negative' }),
  requestedProcedure: z.string().length(2).default('40'),
  importArea: z.string().default('EU'),
  emissions: z.array(EmissionSchema).min(1).max(999),
  remarks: z.string().optional(),
});

export const QReportInputSchema = z.object({
  /** "2025-Q4" (transitional period only: 2023-Q4 … 2025-Q4). */
  period: z.string().regex(/^\d{4}-Q[1-4]$/, { message: 'cbamdocs:errors.quarter' }),
  submissionDate: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
  draftReportId: z.string().min(1),
  reportId: z.string().optional(),
  declarant: PartySchema.extend({ role: z.string().default('01') }),
  representative: PartySchema.optional(),
  importer: PartySchema.optional(),
  nationalCompetentAuthority: z.string().min(1),
  signature: z.object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'cbamdocs:errors.date' }),
    place: z.string().min(1),
    name: z.string().min(1),
    position: z.string().min(1),
    globalDataConfirmation: z.boolean().default(true),
    useOfDataConfirmation: z.boolean().default(true),
    otherMethodology: z.boolean().optional(),
  }),
  remarks: z.string().optional(),
  goods: z.array(GoodSchema).min(1).max(99999),
});
export type QReportInput = z.input<typeof QReportInputSchema>;
export type QReportGoodEmissionInput = z.input<typeof EmissionSchema>;

/** Decimal without exponent and without float tails, at most `dp` decimals. */
export function decimal(x: number, dp: number): string {
  const s = round(x, dp).toFixed(dp);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

class Xml {
  parts: string[] = [];
  open(tag: string): this {
    this.parts.push(`<${tag}>`);
    return this;
  }
  close(tag: string): this {
    this.parts.push(`</${tag}>`);
    return this;
  }
  /** Text element, XML-escaped; `max` is the schema length (an..N). Omitted when empty and optional. */
  text(tag: string, value: string | undefined, max: number, required = false, exact?: number): this {
    const v = value?.trim();
    if (!v) {
      if (required) throw new CbamDocError(msg('cbamdocs:errors.invalidField', { field: tag, detail: 'required' }));
      return this;
    }
    const len = [...v].length;
    if (len > max || (exact !== undefined && len !== exact)) throw new CbamDocError(msg('cbamdocs:errors.tooLong', { field: tag, max }));
    this.parts.push(`<${tag}>${xmlEscape(v)}</${tag}>`);
    return this;
  }
  raw(tag: string, v: string): this {
    this.parts.push(`<${tag}>${v}</${tag}>`);
    return this;
  }
  toString(): string {
    return this.parts.join('');
  }
}

function address(x: Xml, tag: string, a: z.output<typeof AddressSchema>): void {
  x.open(tag)
    .text('Country', a.country, 2, true)
    .text('SubDivision', a.subDivision, 35)
    .text('City', a.city, 35, true)
    .text('Street', a.street, 70)
    .text('StreetAdditionalLine', a.streetAdditionalLine, 70)
    .text('Number', a.number, 35)
    .text('Postcode', a.postcode, 17)
    .text('POBox', a.poBox, 70)
    .close(tag);
}
function party(x: Xml, tag: string, addrTag: string, p: z.output<typeof PartySchema> & { role?: string }): void {
  x.open(tag).text('IdentificationNumber', p.id, 17, true).text('Name', p.name, 70, true);
  if (p.role !== undefined) x.text('Role', p.role, 5, true);
  address(x, addrTag, p.address);
  x.close(tag);
}

/** Build a QReport XML document (string, UTF-8). Throws CbamDocError on invalid input or a definitive-period quarter. */
export function buildQReportXml(input: QReportInput): string {
  const r = QReportInputSchema.safeParse(input);
  if (!r.success) {
    const [first, ...more] = issuesToMessages(r.error.issues);
    throw new CbamDocError(first!, more);
  }
  const q = r.data;
  // the quarter must lie in the transitional pack's effective dates (read from the pack, not copied here)
  const inPack = cbamPackForPeriod(q.period);
  if (!inPack.ok || inPack.pack.kind !== 'transitional') throw new CbamDocError(msg('cbamdocs:errors.periodNotTransitional', { period: q.period }));
  const [year, quarter] = [inPack.period.year, q.period.slice(5)];

  const goods = q.goods.map((g) => {
    const em = g.emissions.map((e) => ({ e, dir: e.netMass * e.seeDirect, ind: e.netMass * e.seeIndirect }));
    const dir = em.reduce((s, x) => s + x.dir, 0);
    const ind = em.reduce((s, x) => s + x.ind, 0);
    return { g, em, dir, ind, total: dir + ind };
  });
  const x = new Xml();
  x.parts.push(`<?xml version="1.0" encoding="UTF-8"?>\n<QReport xmlns="${QREPORT_NS}">`);
  x.raw('SubmissionDate', q.submissionDate);
  x.text('DraftReportId', q.draftReportId, 22, true).text('ReportId', q.reportId, 22);
  x.raw('ReportingPeriod', quarter).raw('Year', String(year));
  x.raw('TotalImported', String(goods.length));
  x.raw(
    'TotalEmissions',
    decimal(
      goods.reduce((s, g) => s + g.total, 0),
      7,
    ),
  );
  party(x, 'Declarant', 'ActorAddress', q.declarant);
  if (q.representative) party(x, 'Representative', 'RepresentativeAddress', q.representative);
  if (q.importer) party(x, 'Importer', 'ImporterAddress', q.importer);
  x.open('NationalCompetentAuth').text('ReferenceNumber', q.nationalCompetentAuthority, 128, true).close('NationalCompetentAuth');
  const s = q.signature;
  x.open('Signatures')
    .open('ReportConfirmation')
    .raw('GlobalDataConfirmation', String(s.globalDataConfirmation))
    .raw('UseOfDataConfirmation', String(s.useOfDataConfirmation))
    .raw('SignatureDate', s.date.replace(/-/g, ''))
    .text('SignaturePlace', s.place, 128, true)
    .text('Signature', s.name, 128, true)
    .text('PositionOfPersonSending', s.position, 128, true)
    .close('ReportConfirmation');
  if (s.otherMethodology !== undefined)
    x.open('ApplicableMethodologyConfirmation')
      .raw('OtherApplicableReportingMethodology', String(s.otherMethodology))
      .close('ApplicableMethodologyConfirmation');
  x.close('Signatures');
  if (q.remarks) x.open('Remarks').text('AdditionalInformation', q.remarks, 512, true).close('Remarks');

  goods.forEach(({ g, em, dir, ind, total }, gi) => {
    x.open('ImportedGood').raw('ItemNumber', String(gi + 1));
    x.open('CommodityCode')
      .raw('HsCode', g.cnCode.slice(0, 6))
      .raw('CnCode', g.cnCode.slice(6, 8))
      .open('CommodityDetails')
      .text('Description', g.description ?? g.cnCode, 512, true)
      .close('CommodityDetails')
      .close('CommodityCode');
    x.open('OriginCountry').raw('Country', g.origin).close('OriginCountry');
    x.open('ImportedQuantity')
      .raw('SequenceNumber', '1')
      .open('Procedure')
      .text('RequestedProc', g.requestedProcedure, 2, true, 2)
      .close('Procedure')
      .open('ImportArea')
      .text('ImportArea', g.importArea, 5, true)
      .close('ImportArea')
      .open('MeasureProcedureImported')
      .raw('Indicator', '0')
      .raw('NetMass', decimal(g.netMass, 6))
      .raw('MeasurementUnit', '01')
      .close('MeasureProcedureImported')
      .close('ImportedQuantity');
    x.open('MeasureImported').raw('NetMass', decimal(g.netMass, 6)).raw('MeasurementUnit', '01').close('MeasureImported');
    x.open('TotalEmissions')
      .raw('EmissionsPerUnit', decimal(g.netMass > 0 ? total / g.netMass : 0, 7))
      .raw('OverallEmissions', decimal(total, 7))
      .raw('TotalDirect', decimal(dir, 7))
      .raw('TotalIndirect', decimal(ind, 7))
      .raw('MeasurementUnit', 'EMU1')
      .close('TotalEmissions');
    if (g.remarks) x.open('Remarks').text('AdditionalInformation', g.remarks, 512, true).close('Remarks');
    em.forEach(({ e, dir: d, ind: i }, ei) => goodsEmissionsXml(x, e, d, i, ei));
    x.close('ImportedGood');
  });
  x.parts.push('</QReport>\n');
  return x.toString();
}

/** One GoodsEmissions element: the installation, its emissions and the SEE of one production of an imported good. */
function goodsEmissionsXml(x: Xml, e: z.output<typeof EmissionSchema>, d: number, i: number, ei: number): void {
  x.open('GoodsEmissions').raw('SequenceNumber', String(ei + 1));
  if (e.productionCountry) x.raw('ProductionCountry', e.productionCountry);
  if (e.operator) {
    x.open('InstallationOperator').text('OperatorId', e.operator.id, 17, true).text('OperatorName', e.operator.name, 70, true);
    address(x, 'OperatorAddress', e.operator.address);
    for (const c of e.operator.contacts)
      x.open('ContactDetails').text('Name', c.name, 70, true).text('Phone', c.phone, 35, true).text('Email', c.email, 256, true).close('ContactDetails');
    x.close('InstallationOperator');
  }
  if (e.installation) {
    const n = e.installation;
    x.open('Installation')
      .text('InstallationId', n.id, 17, true)
      .text('InstallationName', n.name, 256, true)
      .text('EconomicActivity', n.economicActivity, 256)
      .open('Address')
      .text('EstablishmentCountry', n.country, 2, true)
      .text('City', n.city, 35)
      .text('Street', n.street, 70)
      .text('Postcode', n.postcode, 17)
      .text('UNLOCODE', n.unlocode, 17)
      .text('Latitude', n.latitude === undefined ? undefined : decimal(n.latitude, 7), 17)
      .text('Longitude', n.longitude === undefined ? undefined : decimal(n.longitude, 7), 17);
    if (n.latitude !== undefined) x.raw('CoordinatesType', '01');
    x.close('Address').close('Installation');
  }
  x.open('ProducedMeasure').raw('NetMass', decimal(e.netMass, 6)).raw('MeasurementUnit', '01').close('ProducedMeasure');
  x.open('InstallationEmissions')
    .raw('OverallEmissions', decimal(d + i, 7))
    .raw('TotalDirect', decimal(d, 7))
    .raw('TotalIndirect', decimal(i, 7))
    .raw('MeasurementUnit', 'EMU1')
    .close('InstallationEmissions');
  x.open('DirectEmissions')
    .raw('DeterminationType', e.determinationType)
    .text('ApplicableReportingTypeMethodology', e.reportingMethodology, 5, true)
    .raw('SpecificEmbeddedEmissions', decimal(e.seeDirect, 7))
    .raw('MeasurementUnit', 'EMU1')
    .text('EmissionFactorSourceValue', e.sourceNote, 512)
    .close('DirectEmissions');
  x.open('IndirectEmissions').raw('DeterminationType', e.indirectDeterminationType);
  if (e.electricityEf !== undefined) x.raw('EmissionFactor', decimal(e.electricityEf, 5));
  x.raw('SpecificEmbeddedEmissions', decimal(e.seeIndirect, 7)).raw('MeasurementUnit', 'EMU1');
  if (e.electricityConsumed !== undefined) {
    if (e.electricityConsumed >= 100000) throw new CbamDocError(msg('cbamdocs:errors.tooLong', { field: 'ElectricityConsumed', max: 7 }));
    x.raw('ElectricityConsumed', decimal(e.electricityConsumed, 2));
  }
  x.text('ElectricitySource', e.electricitySource, 5, true).close('IndirectEmissions');
  x.open('ProdMethodQualifyingParams')
    .raw('SequenceNumber', '1')
    .text('MethodId', e.methodId, 5, true)
    .text('MethodName', e.methodName, 256, true)
    .close('ProdMethodQualifyingParams');
  if (e.carbonPrice) {
    const c = e.carbonPrice;
    x.open('CarbonPriceDue')
      .raw('SequenceNumber', '1')
      .text('InstrumentType', c.instrumentType, 5, true)
      .text('LegalActDescription', c.legalAct, 512, true)
      .raw('Amount', decimal(c.amount, 7))
      .raw('Currency', c.currency)
      .text('ExchangeRate', c.exchangeRate, 5, true)
      .raw('EURO', decimal(c.euro, 7))
      .raw('Country', c.country)
      .close('CarbonPriceDue');
  }
  x.close('GoodsEmissions');
}

/** Method ids seen in the Commission's sample (uncertain code list): per aggregated goods category and route. */
const METHOD: Record<string, { id: string; name: string }> = {
  'Primary (electrolytic) smelting': { id: 'P11', name: 'Primary Al (with pre-baked Anodes)' },
  'Secondary melting (recycling)': { id: 'P10', name: 'Secondary Al (using scrap)' },
};

/** GoodsEmissions entry for an imported product, from an installation's communication data (SEE of its process). */
export function qreportEmissionsFromDocData(input: CbamDocInput | CbamDocData, cnCode: string, netMass: number): QReportGoodEmissionInput {
  const data = parseCbamDocData(input);
  const cn = cnCode.replace(/\s+/g, '');
  const see = computeSee(data);
  const pi = data.products.findIndex((p) => p.cnCode === cn || cn.startsWith(p.cnCode));
  if (pi < 0) throw new CbamDocError(msg('cbamdocs:errors.noSee', { cn: cnCode, country: data.installation.country, supplier: data.installation.nameEn }));
  const prod = data.products[pi]!;
  const s = see.products[pi]!;
  const proc = data.processes.find((p) => p.id === prod.processId)!;
  const route = data.goods.find((g) => g.category === proc.category)?.routes[0];
  const method = (route && METHOD[route]) || { id: 'P00', name: `${proc.category}${route ? ` – ${route}` : ''}`.slice(0, 256) };
  const inst = data.installation;
  return {
    productionCountry: inst.country,
    ...(inst.installationId
      ? {
          installation: {
            id: inst.installationId,
            name: inst.nameEn,
            ...(inst.economicActivity ? { economicActivity: inst.economicActivity } : {}),
            country: inst.country,
            ...(inst.city ? { city: inst.city } : {}),
            ...(inst.street ? { street: inst.street } : {}),
            ...(inst.postCode ? { postcode: inst.postCode } : {}),
            ...(inst.unlocode ? { unlocode: inst.unlocode } : {}),
            ...(inst.latitude !== undefined ? { latitude: inst.latitude } : {}),
            ...(inst.longitude !== undefined ? { longitude: inst.longitude } : {}),
          },
        }
      : {}),
    netMass,
    seeDirect: prod.seeDirect?.value ?? s.seeDirect,
    seeIndirect: prod.seeIndirect?.value ?? s.seeIndirect,
    determinationType: prod.dataSource === 'default' ? '02' : '01',
    indirectDeterminationType: prod.dataSource === 'default' ? '02' : '01',
    ...(proc.electricity?.ef ? { electricityEf: proc.electricity.ef.value } : {}),
    methodId: method.id,
    methodName: method.name,
    sourceNote: `Communication template data ${data.reportingPeriod.start}/${data.reportingPeriod.end}, process ${proc.name}`,
  };
}

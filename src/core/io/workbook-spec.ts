/**
 * Layout of our input workbook: which sheet carries which part of the dataset, one row (key/value sheets) or
 * one column (table sheets) per field, with the field's type and drop-down list. The same spec drives the
 * writer and the reader, so a dataset written and read back is identical.
 */
import { GASES } from '../model/gases';
import { STAGES } from '../model/dataset';
import type { ListName } from './values';

export type FieldType = 'text' | 'code' | 'number' | 'int' | 'date' | 'bool' | 'unit' | 'massUnit' | 'country' | 'cn' | { list: ListName };

export interface FieldSpec {
  /** Dotted path (relative to the dataset for key/value sheets, to one item for table sheets). */
  key: string;
  type: FieldType;
  /** May be repeated on several rows (key/value sheets): an array of values. */
  repeat?: boolean;
  /** Text cells that stay '' rather than absent when empty (required strings that may be empty). */
  emptyString?: boolean;
}

export type SheetId = 'product' | 'producer' | 'study' | 'installations' | 'inventory';

export interface SheetSpec {
  id: SheetId;
  kind: 'kv' | 'table';
  /** For table sheets: the dataset array the rows go to. */
  array?: 'installations' | 'inventory';
  fields: FieldSpec[];
}

const f = (key: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, type, ...extra });
const L = (list: ListName): FieldType => ({ list });

export const WORKBOOK_SHEETS: SheetSpec[] = [
  {
    id: 'product',
    kind: 'kv',
    fields: [
      f('id', 'code'),
      f('title', 'text'),
      f('illustrative', 'text'),
      f('product.name.zh', 'text'),
      f('product.name.en', 'text'),
      f('product.name.ar', 'text'),
      f('product.cnCode', 'cn'),
      f('product.description', 'text'),
      f('product.functionalUnit.amount', 'number'),
      f('product.functionalUnit.unit', 'unit'),
      f('product.functionalUnit.description.zh', 'text'),
      f('product.functionalUnit.description.en', 'text'),
      f('product.functionalUnit.description.ar', 'text'),
      f('product.referenceFlow.amount', 'number'),
      f('product.referenceFlow.unit', 'unit'),
      f('product.referenceFlow.description', 'text'),
    ],
  },
  {
    id: 'producer',
    kind: 'kv',
    fields: [
      f('producer.name', 'text'),
      f('producer.address', 'text'),
      f('producer.country', 'country'),
      f('producer.region', 'text'),
      f('period.start', 'date'),
      f('period.end', 'date'),
      f('basis.kind', L('basisKind')),
      f('basis.production.amount', 'number'),
      f('basis.production.unit', 'unit'),
    ],
  },
  {
    id: 'study',
    kind: 'kv',
    fields: [
      f('study.standard', 'text'),
      f('study.boundary', L('boundary')),
      f('study.cutOff.rule', 'text', { emptyString: true }),
      f('study.cutOff.excluded', 'text', { repeat: true }),
      f('study.allocation.method', L('allocation')),
      f('study.allocation.note', 'text'),
      f('study.gwpSet', L('gwpSet')),
      f('study.practitioner', 'text'),
      f('study.verifier.name', 'text'),
      f('study.verifier.accreditation', 'text'),
      f('study.verifier.statementDate', 'date'),
      f('study.date', 'date'),
      f('study.reported.unit', L('reportedUnit')),
      f('study.reported.total', 'number'),
      ...STAGES.map((s) => f(`study.reported.perStage.${s}`, 'number')),
    ],
  },
  {
    id: 'installations',
    kind: 'table',
    array: 'installations',
    fields: [
      f('id', 'code'),
      f('name', 'text'),
      f('nameEn', 'text'),
      f('address', 'text'),
      f('city', 'text'),
      f('postCode', 'code'),
      f('country', 'country'),
      f('region', 'text'),
      f('unlocode', 'code'),
      f('coordinates.lat', 'number'),
      f('coordinates.lon', 'number'),
      f('economicActivity', 'text'),
    ],
  },
  {
    id: 'inventory',
    kind: 'table',
    array: 'inventory',
    fields: [
      f('id', 'code'),
      f('description', 'text', { emptyString: true }),
      f('stage', L('stage')),
      f('category', L('category')),
      f('location', L('location')),
      f('installationId', 'code'),
      f('activity.amount', 'number'),
      f('activity.unit', 'unit'),
      f('emissions.kind', L('emissionsKind')),
      f('emissions.massUnit', 'massUnit'),
      f('emissions.perUnit', 'unit'),
      ...GASES.map((g) => f(`emissions.gases.${g}`, 'number')),
      f('emissions.source.name', 'text'),
      f('emissions.source.year', 'int'),
      f('emissions.source.geography', 'text'),
      f('emissions.source.reference', 'text'),
      f('emissions.source.factorId', 'code'),
      f('dataType', L('dataType')),
      f('dataQuality.rating', 'int'),
      f('dataQuality.note', 'text'),
      f('electricity.source', L('electricitySource')),
      f('electricity.gridRegion', 'text'),
      f('electricity.factorId', 'code'),
      f('electricity.evidence', 'text'),
      f('precursor.cnCode', 'cn'),
      f('precursor.countryOfProduction', 'country'),
      f('precursor.supplier', 'text'),
      f('precursor.supplierInstallation', 'text'),
      f('precursor.embedded.direct', 'number'),
      f('precursor.embedded.indirect', 'number'),
      f('precursor.embedded.source', 'text'),
      f('precursor.embedded.verified', 'bool'),
      // format version 2: the supplier's own electricity figures, the default-value variant and the line's process
      f('precursor.embedded.electricityMWhPerT', 'number'),
      f('precursor.embedded.electricityEf', 'number'),
      f('precursor.embedded.electricityEfSource', L('efSource')),
      f('precursor.variant', 'code'),
      f('processId', 'code'),
      f('notes', 'text'),
    ],
  },
];

export const WORKBOOK_FORMAT = 'carbonbridge.input-workbook';
/** 2: optional production-process sheets (dataset format version 2); a version-1 workbook still reads. */
export const WORKBOOK_VERSION = 2;
/** Name of the hidden sheet that marks our workbook (format and version). */
export const META_SHEET = '_carbonbridge';
export const LISTS_SHEET_ID = 'lists';
export const INSTRUCTIONS_SHEET_ID = 'instructions';
/** First data row of table sheets (row 1: bilingual header, row 2: hidden field keys). */
export const TABLE_FIRST_ROW = 3;

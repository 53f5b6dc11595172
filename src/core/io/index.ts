/** Import of footprint spreadsheets and CSV (pure TS: node and browser worker). */
export { importBytes, type ImportOptions, type ImportResult, type ImportKind, type ErrorImport } from './import';
export { buildInputWorkbook, readInputWorkbook, isInputWorkbook, type WorkbookImport } from './workbook';
export {
  applyMapping,
  suggestColumns,
  sheetHeaders,
  shapeSignature,
  guessHeaderRow,
  parseMapping,
  parseFactorUnit,
  MappingSchema,
  MAP_FIELDS,
  mapFieldLabelKey,
  type Mapping,
  type MappingInput,
  type MapField,
  type GenericImport,
  type HeaderInfo,
  type PreviewRow,
} from './mapping';
export { readSupplierTemplate, applySupplierSee, type SupplierImport, type SupplierProduct } from './supplier';
export { readBook, checkSize, type Book, type Grid, type CellValue } from './read';
export { decodeCsv, detectEncoding, parseCsvRows } from './csv';
export { guardZip } from './zipguard';
export { ImportError, ImportProblemSchema, type ImportProblem } from './problems';
export { ImportResultSchema, packResult, type PackedResult } from './result';
export { LIMITS } from './limits';
export { writeWorkbook, type WSheet } from '../xlsx/write';

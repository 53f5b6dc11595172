/**
 * The UI's single door into the core (src/core). Views import core functions from here so the wiring to
 * the core's public API lives in one place. No logic is re-implemented here: only re-exports and thin
 * adapters that turn core objects into what the views display.
 */
export {
  validateDataset,
  STAGES,
  CATEGORIES,
  LOCATIONS,
  BOUNDARIES,
  ALLOCATION_METHODS,
  GWP_SET_IDS,
  ELECTRICITY_SOURCES,
  DATA_TYPES,
  DATASET_FORMAT,
  DATASET_FORMAT_VERSION,
  UNITS,
  MASS_UNITS,
  GASES,
  pathString,
  parseNumberText,
  translateMessage,
  compute,
  footprintPacks,
  library,
  legalRefText,
} from '../core';
export type {
  ValidationResult,
  Dataset,
  InventoryLine,
  Problem,
  Severity,
  Message,
  FootprintResult,
  FootprintPack,
  SourceRef,
  LineTrace,
  Comparison,
} from '../core';
/** Limits of the strict JSON reader (file size checked before reading). */
export { JSON_LIMITS } from '../core/model/json';
export type { QualifyingParam } from '../core/model/qualifying';

/* CBAM (the core's CBAM layer; lazy-loaded with the views that use them) */
export {
  screenCn,
  printCn,
  cbamCost,
  projectCosts,
  allCbamPacks,
  definitivePack,
  transitionalPack,
  parseCbamPeriod,
  installCbamPacks,
  uninstallCbamPacks,
  parseUserPack,
  packOrigin,
  cbamSchemes,
  schemePeriods,
  cbamPackForPeriod,
  defaultPeriodOf,
  rateCost,
  compareConversions,
  schemeNameParams,
  originCountry,
  runComparison as runBorderComparison,
  borderErrors,
  REFERENCE_SCHEME,
  type BorderColumn,
  type ComparisonOutcome,
  type CbamPack,
  type SchemeComparison,
  type RateCostResult,
  type ScreenResult,
  type ChinaDefault,
  type CostInput,
  type CostResult,
  type CostError,
  type ProjectionResult,
  type ProjectionRow,
} from '../core/cbam';
export type { Source as CbamSource } from '../core/cbam';
export { convertToCbam, ELECTRICITY_CHOICES, type CbamConversion, type ConvertResult, type Fig } from '../core/cbam/convert';
export type { FigSource, LegalRef } from '../core/figure';
export { magnitudeFindings, MAGNITUDE_FACTOR } from '../core/cbam/magnitude';
/* Batteries (EU Art. 7, China MIIT): details, declarations, passport, comparison, documents */
export * from '../core/battery';
/* Partners: equivalence statements, China's label sheet, batch comparison across many products */
export {
  buildStatement,
  resolveTarget,
  statementBody,
  renderStatementHtml,
  partnerProfiles,
  REFERENCE_PACK_IDS,
  type LangT,
  type DocLang,
} from '../core/partners';
export { buildLabelSheet, labelBody, labelCatalogue, renderLabelHtml } from '../core/label';
export { batchTable, compareBatch, errorTable, toCsv, toXlsx, type BatchResult, type BatchRow } from '../core/batch';
export { translateProblem } from '../core/i18n/translate';

/* Advisory: backup and snapshot checks */
export {
  BACKUP_TABLES,
  buildBackup,
  parseBackup,
  restoredRows,
  rowKey,
  bytesToBase64,
  base64ToBytes,
  type BackupFile,
  type BackupParse,
  type BackupTable,
  type BackupTables,
} from '../core/backup';
export { verifySnapshot, hashContent, diffJson, sha256Hex, type FieldChange } from '../core/snapshot';

/* Installation calculator (Calculate view) */
export {
  calculateInstallation,
  ACTIVITY_FORMAT,
  activityLines,
  addLinesToDataset,
  parseActivity,
  displayDp,
  type CalculateResult,
  type InstallationResult,
  type CalcFigure,
} from '../core/cbam/activity';

/* Import (the Import view, its workers and the input workbook) */
export {
  importBytes,
  buildInputWorkbook,
  packResult,
  LIMITS,
  MAP_FIELDS,
  mapFieldLabelKey,
  type ImportOptions,
  type ImportResult,
  type ImportProblem,
  type PackedResult,
  type Mapping,
  type MapField,
} from '../core/io';
export { unpackResult } from '../core/io/result';
export { LISTS } from '../core/io/values';

/* Exact sums (the causes of a comparison add up at the core's decimals) */
export { sumExact, msg } from '../core';

/* Footprint vs CBAM, side by side (result page) */
export { compareWithCbam, type CbamComparison } from '../core/engine/compare-cbam';

/* Installation: production processes of dataset format v2 (editor, Calculate view, installation result) */
export { CarbonPricePaid, PrecursorInfo, ProductionProcess } from '../core/model/dataset';
export { sourceNoteIn, sourceNoteKey } from '../core/i18n/source-note';

/**
 * The UI's door into the core's document layer (src/core/cbam/docs and the conversion's document use cases). It is
 * a door of its own because it is loaded on demand (dynamic import): it carries the official template's cell map and
 * the zip code, which the first page must not download. Only re-exports; no logic.
 */
export {
  buildOwnWorkbook,
  buildFillSourcesWorkbook,
  buildQuarterlyStatement,
  buildAnnualDeclaration,
  quarterlyStatementXlsx,
  annualDeclarationXlsx,
  fillOfficialTemplate,
  TEMPLATE_MAP,
  type CbamDocData,
  type CbamDocInput,
} from '../core/cbam/docs';
export { qreportFromConversion } from '../core/cbam/docs/qreport-from-conversion';
export { ledgerLineFromConversion, type ConversionLedgerForm } from '../core/cbam/docs/ledger-match';
export { toDocsModel, toDocsModelPartial } from '../core/cbam/docs-model';
/* a whole installation (dataset with production processes): per-process and per-product SEE, flows, missing figures, documents model */
export {
  convertInstallation,
  type InstallationConversion,
  type InstallationProcess,
  type InstallationProduct,
  type MissingFigure,
} from '../core/cbam/installation';

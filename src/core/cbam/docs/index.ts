/** CBAM documents: public API (pure TS; node and browser). */
export * from './model';
export { parseCbamDocData, issuesToMessages } from './parse';
export { CbamDocError, docError } from './errors';
export {
  computeSee,
  installationTotals,
  streamEmissions,
  pfcEmissions,
  EF_NATURAL_GAS,
  WASTE_GAS_EXPORT_FACTOR,
  type SeeResult,
  type ProcessSee,
  type ProductSee,
  type InstallationTotals,
} from './see';
export {
  fillOfficialTemplate,
  fillReportRows,
  identifyTemplate,
  planTemplate,
  planTemplateCells,
  TEMPLATE_MAP,
  TEMPLATE_VERSION,
  TEMPLATE_GOODS,
  templateRoutes,
  templateGood,
  type CellWrite,
  type FillResult,
  type VerificationReport,
  type TemplateGap,
} from './template';
export {
  buildOwnWorkbook,
  buildFillSourcesWorkbook,
  communicationRows,
  sourceRows,
  COMMUNICATION_COLUMNS,
  type CommunicationRow,
  type OwnWorkbookOptions,
} from './own-workbook';
export { writeXlsx, type SheetData, type Cell } from './xlsx-writer';
export { ImportLineSchema, parseLedger, readLedgerCsv, decodeText, parseCsv, quarterOf, type ImportLine, type ImportLineInput } from './ledger';
export {
  buildQuarterlyStatement,
  buildAnnualDeclaration,
  seeLookupFromInstallations,
  quarterlyStatementXlsx,
  annualDeclarationXlsx,
  sourceText,
  printedFigure,
  type QuarterlyStatement,
  type AnnualDeclaration,
  type StatementLine,
  type DeclarationRow,
  type StatementOptions,
  type PrintedFigure,
} from './statements';
export {
  buildQReportXml,
  qreportEmissionsFromDocData,
  QReportInputSchema,
  QREPORT_NS,
  decimal,
  type QReportInput,
  type QReportGoodEmissionInput,
} from './qreport';
export { englishT, type Translate } from './i18n';

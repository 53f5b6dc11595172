/**
 * The companion workbook of a filled official template: every cell written into the Commission's template with the
 * data field it holds, its value and its source. The template itself stays the Commission's (English) document;
 * this companion is ours and speaks the reader's language: its sheet name and headers through locale keys, the
 * field as field names, the source in words (../docs/own-workbook-words.ts, as in the importer's summary workbook).
 * The template's sheet names and cell references are kept: they are where the reader finds the cell in the template.
 */
import { writeXlsx, type Cell } from './xlsx-writer';
import { englishT, type Translate } from './i18n';
import { fillReportRows, type VerificationReport } from './template';
import { printedFieldPath, printedSourceRef } from './own-workbook-words';

export interface FillSourcesOptions {
  t?: Translate;
}

/** xlsx listing every cell written into the official template, with its source (the template has no Sources column). */
export function buildFillSourcesWorkbook(report: VerificationReport, opts: FillSourcesOptions = {}): Uint8Array {
  const t = opts.t ?? englishT;
  const rows: Cell[][] = [
    [t('cbamdocs:columns.sheet'), t('cbamdocs:columns.cell'), t('cbamdocs:columns.field'), t('cbamdocs:columns.value'), t('cbamdocs:columns.sources')],
    ...fillReportRows(report).map((r) => [r.sheet, r.ref, printedFieldPath(t, r.field), r.value, r.source ? printedSourceRef(t, r.source) : null]),
  ];
  return writeXlsx([{ name: t('cbamdocs:sheets.fillSources'), rows, widths: [22, 8, 50, 24, 60] }]);
}

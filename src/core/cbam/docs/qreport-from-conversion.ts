/**
 * The transitional quarterly report (QReport XML) for the good of a CBAM conversion — one use case for
 * `carbonbridge convert --out report.xml --report-info info.json` and the app's XML download: the documents' model
 * of the conversion, the emissions block computed from it (qreportEmissionsFromDocData), the good's CN code and
 * country of origin (the one origin rule), and the report's own parts (declarant, authority, signature …) given by
 * the caller. Throws CbamDocError / CbamConvertError (translated messages) like the builders it calls.
 */
import { toDocsModel } from '../docs-model';
import type { CbamConversion } from '../convert';
import type { Dataset } from '../../model/dataset';
import { originCountry } from '../origin';
import { buildQReportXml, qreportEmissionsFromDocData, type QReportInput } from './qreport';

/** The report's parts that do not come from the conversion; any of them overrides the defaults below. */
export type QReportHeader = Omit<QReportInput, 'goods' | 'period' | 'submissionDate' | 'draftReportId'> &
  Partial<Pick<QReportInput, 'period' | 'submissionDate' | 'draftReportId'>>;

export interface QReportFromConversionOptions {
  /** net mass imported (t) */
  netMass: number;
  /** the submission time (default submission date, UTC to the second) */
  now: Date;
  /** 8-digit CN code of the template's list chosen for the product */
  productCn?: string;
  report: QReportHeader;
}

/** Submission date in the report's format (UTC, to the second, "Z"). */
export const qreportDate = (now: Date): string => now.toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * The QReport input and XML. Defaults: the conversion's period, the submission date from `now`, a draft report id
 * `CB-<period>-<CN>`; the good's origin is the dataset's country of origin.
 */
export function qreportFromConversion(r: CbamConversion, dataset: Dataset, o: QReportFromConversionOptions): { input: QReportInput; xml: string } {
  const model = toDocsModel(r, dataset, o.productCn ? { productCn: o.productCn } : {});
  const cn = (model.products![0]!.cnCode as string).replace(/\s+/g, '');
  const period = o.report.period ?? r.period.label;
  const input = {
    period,
    submissionDate: qreportDate(o.now),
    draftReportId: `CB-${period}-${cn}`,
    ...o.report,
    goods: [{ cnCode: cn, origin: originCountry(dataset), netMass: o.netMass, emissions: [qreportEmissionsFromDocData(model, cn, o.netMass)] }],
  } as QReportInput;
  return { input, xml: buildQReportXml(input) };
}

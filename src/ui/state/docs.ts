/**
 * Documents from a CBAM conversion, built by the core's document layer (loaded on demand: it carries the
 * template map and the zip code). The UI only gathers the user's inputs and saves the bytes as a file.
 */
import i18next from 'i18next';
import type { CbamConversion, Dataset, Message } from '../core';
import type { ConversionLedgerForm } from '../core-docs';
import { downloadBlob } from './datasets';
import { fillTemplateInWorker } from '../workers/template-client';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const translate = (key: string, params?: Record<string, string | number>): string => i18next.t(key, params) as string;

export type DocOutcome = { ok: true; file: string; report?: unknown; warnings?: Message[] } | { ok: false; errors: Message[] };

/** Messages out of what the core throws (CbamDocError / CbamConvertError carry `messages`; zod errors carry issues). */
export function errorMessages(e: unknown): Message[] {
  const m = (e as { messages?: Message[] })?.messages;
  if (Array.isArray(m) && m.length) return m;
  const issues = (e as { issues?: { message: string; path: (string | number)[] }[] })?.issues;
  if (Array.isArray(issues))
    return issues.map((i) => ({ key: i.message.includes(':') ? i.message : 'ui:docs.invalidField', params: { field: i.path.join('.'), detail: i.message } }));
  return [{ key: 'ui:docs.failed', params: { detail: String((e as Error)?.message ?? e) } }];
}

/** The core's document layer, through the UI's lazy door (loaded with the first document asked for). */
async function load() {
  return { docs: await import('../core-docs') };
}

export async function docModel(result: CbamConversion, dataset: Dataset, cnOpt: { productCn?: string } = {}) {
  const { docs } = await load();
  return docs.toDocsModel(result, dataset, cnOpt);
}

export async function filledTemplate(
  result: CbamConversion,
  dataset: Dataset,
  template: File,
  base: string,
  cnOpt: { productCn?: string } = {},
): Promise<DocOutcome> {
  try {
    const { docs } = await load();
    // partial mode: what is known is written; a figure not known stays empty (never 0) and is listed
    const partial = docs.toDocsModelPartial(result, dataset, cnOpt);
    // filled in a worker (zip guard, unzip, write, verify): a large or hostile template never blocks the page
    const out = await fillTemplateInWorker(template, partial.model);
    if (!out.ok) return { ok: false, errors: out.errors };
    const file = `${base}.CBAM-communication-filled.xlsx`;
    downloadBlob(new Blob([out.bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), file);
    const gaps = ((out.report as { gaps?: { reason: Message }[] } | undefined)?.gaps ?? []).map((g) => g.reason);
    const warnings = [...partial.missing, ...gaps];
    return { ok: true, file, report: out.report, ...(warnings.length ? { warnings } : {}) };
  } catch (e) {
    return { ok: false, errors: errorMessages(e) };
  }
}

/** The companion of a filled template: every cell written with its field, value and source, in the user's language. */
export async function fillSourcesWorkbook(report: unknown, base: string): Promise<DocOutcome> {
  try {
    const { docs } = await load();
    const bytes = docs.buildFillSourcesWorkbook(report as Parameters<typeof docs.buildFillSourcesWorkbook>[0], { t: translate });
    const file = `${base}.CBAM-communication-fill-sources.xlsx`;
    downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), file);
    return { ok: true, file };
  } catch (e) {
    return { ok: false, errors: errorMessages(e) };
  }
}

export async function ownWorkbook(result: CbamConversion, dataset: Dataset, base: string, cnOpt: { productCn?: string } = {}): Promise<DocOutcome> {
  try {
    const { docs } = await load();
    const bytes = docs.buildOwnWorkbook(docs.toDocsModel(result, dataset, cnOpt), { t: translate });
    const file = `${base}.CBAM-summary.xlsx`;
    downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), file);
    return { ok: true, file };
  } catch (e) {
    return { ok: false, errors: errorMessages(e) };
  }
}

/** The app's statement form: the ledger line is the core's (the converted good, its origin and SEE), the price the user's. */
export type LedgerForm = ConversionLedgerForm & { price?: number };

export async function quarterlyStatement(result: CbamConversion, dataset: Dataset, f: LedgerForm, base: string): Promise<DocOutcome> {
  try {
    const { docs } = await load();
    const s = docs.buildQuarterlyStatement([docs.ledgerLineFromConversion(result, dataset, f)], f.quarter, {
      ...(f.price ? { prices: { [f.quarter]: f.price } } : {}),
      t: translate,
    });
    const bytes = docs.quarterlyStatementXlsx(s, translate);
    const file = `${base}.CBAM-quarterly-${f.quarter}.xlsx`;
    downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), file);
    return { ok: true, file };
  } catch (e) {
    return { ok: false, errors: errorMessages(e) };
  }
}

export async function annualDeclaration(result: CbamConversion, dataset: Dataset, f: LedgerForm, year: number, base: string): Promise<DocOutcome> {
  try {
    const { docs } = await load();
    const d = docs.buildAnnualDeclaration([docs.ledgerLineFromConversion(result, dataset, f)], year, {
      ...(f.price ? { prices: { [f.quarter]: f.price } } : {}),
      t: translate,
    });
    const bytes = docs.annualDeclarationXlsx(d, translate);
    const file = `${base}.CBAM-annual-${year}.xlsx`;
    downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), file);
    return { ok: true, file };
  } catch (e) {
    return { ok: false, errors: errorMessages(e) };
  }
}

export interface Declarant {
  eori: string;
  name: string;
  country: string;
  city: string;
  nca: string;
  place: string;
  signatory: string;
  position: string;
}

export async function qreportXml(
  result: CbamConversion,
  dataset: Dataset,
  d: Declarant,
  quarter: string,
  netMass: number,
  base: string,
  cnOpt: { productCn?: string } = {},
): Promise<DocOutcome> {
  try {
    const { docs } = await load();
    const now = new Date();
    const party = { id: d.eori, name: d.name, address: { country: d.country, city: d.city } };
    const { xml } = docs.qreportFromConversion(result, dataset, {
      netMass,
      now,
      ...cnOpt,
      report: {
        period: quarter,
        draftReportId: `CB-${now.getTime()}`,
        declarant: party,
        nationalCompetentAuthority: d.nca,
        signature: { date: now.toISOString().slice(0, 10), place: d.place, name: d.signatory, position: d.position },
      },
    });
    const file = `${base}.QReport-${quarter}.xml`;
    downloadBlob(new Blob([xml], { type: 'application/xml' }), file);
    return { ok: true, file };
  } catch (e) {
    return { ok: false, errors: errorMessages(e) };
  }
}

/** CN codes the official template lists for a goods category (template name), for the user to pick the exact one. */
export async function templateCnCodes(templateName: string): Promise<string[]> {
  const { docs } = await load();
  return ((docs.TEMPLATE_MAP as unknown as { cnByGood: Record<string, string[]> }).cnByGood[templateName] ?? []).slice();
}

/** The whole installation (a dataset with production processes): the official template filled from the installation's documents model. */
export async function filledInstallationTemplate(model: Parameters<typeof fillTemplateInWorker>[1], template: File, base: string): Promise<DocOutcome> {
  try {
    const out = await fillTemplateInWorker(template, model);
    if (!out.ok) return { ok: false, errors: out.errors };
    const file = `${base}.CBAM-communication-installation-filled.xlsx`;
    downloadBlob(new Blob([out.bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), file);
    // the cells left empty (a figure not known is never written as 0), each with its reason
    const gaps = ((out.report as { gaps?: { reason: Message }[] } | undefined)?.gaps ?? []).map((g) => g.reason);
    return { ok: true, file, report: out.report, ...(gaps.length ? { warnings: gaps } : {}) };
  } catch (e) {
    return { ok: false, errors: errorMessages(e) };
  }
}

/** The whole installation: our own summary workbook from the installation's documents model. */
export async function installationWorkbook(model: Parameters<typeof fillTemplateInWorker>[1], base: string): Promise<DocOutcome> {
  try {
    const { docs } = await load();
    const bytes = docs.buildOwnWorkbook(model as never, { t: translate });
    const file = `${base}.CBAM-installation-summary.xlsx`;
    downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), file);
    return { ok: true, file };
  } catch (e) {
    return { ok: false, errors: errorMessages(e) };
  }
}

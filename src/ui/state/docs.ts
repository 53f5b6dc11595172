/**
 * Documents from a CBAM conversion, built by the core's document layer (loaded on demand: it carries the
 * template map and the zip code). The UI only gathers the user's inputs and saves the bytes as a file.
 */
import i18next from 'i18next';
import type { CbamConversion } from '../../core/cbam/convert';
import type { Dataset, Message } from '../core';
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
  if (Array.isArray(issues)) return issues.map((i) => ({ key: i.message.includes(':') ? i.message : 'ui:docs.invalidField', params: { field: i.path.join('.'), detail: i.message } }));
  return [{ key: 'ui:docs.failed', params: { detail: String((e as Error)?.message ?? e) } }];
}

async function load() {
  const [docs, conv] = await Promise.all([import('../../core/cbam/docs'), import('../../core/cbam/convert')]);
  return { docs, conv };
}

export async function docModel(result: CbamConversion, dataset: Dataset, cnOpt: { productCn?: string } = {}) {
  const { conv } = await load();
  return conv.toDocsModel(result, dataset, cnOpt);
}

export async function filledTemplate(result: CbamConversion, dataset: Dataset, template: File, base: string, cnOpt: { productCn?: string } = {}): Promise<DocOutcome> {
  try {
    const { conv } = await load();
    const model = conv.toDocsModel(result, dataset, cnOpt);
    // filled in a worker (zip guard, unzip, write, verify): a large or hostile template never blocks the page
    const out = await fillTemplateInWorker(template, model);
    if (!out.ok) return { ok: false, errors: out.errors };
    const file = `${base}.CBAM-communication-filled.xlsx`;
    downloadBlob(new Blob([out.bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), file);
    return { ok: true, file, report: out.report };
  } catch (e) {
    return { ok: false, errors: errorMessages(e) };
  }
}

export async function ownWorkbook(result: CbamConversion, dataset: Dataset, base: string, cnOpt: { productCn?: string } = {}): Promise<DocOutcome> {
  try {
    const { docs, conv } = await load();
    const bytes = docs.buildOwnWorkbook(conv.toDocsModel(result, dataset, cnOpt), { t: translate });
    const file = `${base}.CBAM-summary.xlsx`;
    downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), file);
    return { ok: true, file };
  } catch (e) {
    return { ok: false, errors: errorMessages(e) };
  }
}

export interface LedgerInput {
  cn: string;
  origin: string;
  netMass: number;
  quarter: string;
  see?: number;
  seeSource?: string;
  route?: string;
  price?: number;
}

export async function quarterlyStatement(l: LedgerInput, base: string): Promise<DocOutcome> {
  try {
    const { docs } = await load();
    const line = { cnCode: l.cn, origin: l.origin, netMass: l.netMass, quarter: l.quarter, ...(l.see !== undefined ? { see: l.see, seeSource: l.seeSource } : {}), ...(l.route ? { route: l.route } : {}) };
    const s = docs.buildQuarterlyStatement([line], l.quarter, l.price ? { prices: { [l.quarter]: l.price } } : {});
    const bytes = docs.quarterlyStatementXlsx(s, translate);
    const file = `${base}.CBAM-quarterly-${l.quarter}.xlsx`;
    downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), file);
    return { ok: true, file };
  } catch (e) {
    return { ok: false, errors: errorMessages(e) };
  }
}

export async function annualDeclaration(l: LedgerInput, year: number, base: string): Promise<DocOutcome> {
  try {
    const { docs } = await load();
    const line = { cnCode: l.cn, origin: l.origin, netMass: l.netMass, quarter: l.quarter, ...(l.see !== undefined ? { see: l.see, seeSource: l.seeSource } : {}), ...(l.route ? { route: l.route } : {}) };
    const d = docs.buildAnnualDeclaration([line], year, l.price ? { prices: { [l.quarter]: l.price } } : {});
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

export async function qreportXml(result: CbamConversion, dataset: Dataset, d: Declarant, quarter: string, netMass: number, base: string, cnOpt: { productCn?: string } = {}): Promise<DocOutcome> {
  try {
    const { docs, conv } = await load();
    const model = conv.toDocsModel(result, dataset, cnOpt);
    const cn = cnOpt.productCn?.replace(/\s+/g, '') || result.good.cn;
    const em = docs.qreportEmissionsFromDocData(model, cn, netMass);
    const now = new Date();
    const party = { id: d.eori, name: d.name, address: { country: d.country, city: d.city } };
    const xml = docs.buildQReportXml({
      period: quarter,
      submissionDate: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      draftReportId: `CB-${now.getTime()}`,
      declarant: party,
      nationalCompetentAuthority: d.nca,
      signature: { date: now.toISOString().slice(0, 10), place: d.place, name: d.signatory, position: d.position },
      goods: [{ cnCode: cn, origin: dataset.installations[0]?.country ?? dataset.producer.country, netMass, emissions: [em] }],
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
    return { ok: true, file, report: out.report };
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

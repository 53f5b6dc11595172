/**
 * Our own workbook with the columns of the template's Summary_Communication sheet (one row per product), for
 * users without the official template. Sheets: products (SEE + qualifying parameters + carbon price), installation,
 * sources (every figure with its source).
 */
import { parseCbamDocData } from './parse';
import type { CbamDocData, CbamDocInput, SourcedNumber } from './model';
import { computeSee } from './see';
import { writeXlsx, type Cell } from './xlsx-writer';
import { englishT, type Translate } from './i18n';
import { round } from '../../num';
import { definitivePack } from '../packs';
import { printedCategory, printedChoice, printedCnName, printedFieldPath, printedProcessName, printedSourceRef } from './own-workbook-words';

const cnName = (cn: string): string | undefined => {
  const codes = definitivePack().cnCodes.codes;
  return (codes.find((c) => c.code === cn) ?? codes.find((c) => cn.startsWith(c.code)))?.name;
};

/** Summary_Communication columns (template letters of the qualifying parameters P..AK kept as ids). */
export const COMMUNICATION_COLUMNS = [
  'process',
  'category',
  'cnCode',
  'cnName',
  'productName',
  'seeDirect',
  'seeIndirect',
  'seeTotal',
  'unit',
  'shareDefault',
  'elecEfSource',
  'embeddedElectricity',
  'elecEf',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
  'V',
  'W',
  'X',
  'Y',
  'Z',
  'AA',
  'AB',
  'AC',
  'AD',
  'AE',
  'AF',
  'AG',
  'AH',
  'AI',
  'AJ',
  'AK',
  'cpInstrument',
  'cpShare',
  'cpCovered',
  'cpCurrency',
  'cpDue',
  'rebateType',
  'rebateShare',
  'rebateCovered',
  'rebateAmount',
  'cpEffective',
  'dataSource',
  'sources',
] as const;

export interface CommunicationRow {
  [column: string]: string | number | undefined;
}

const QUAL = COMMUNICATION_COLUMNS.slice(13, 35);

/** The Summary_Communication rows as data (numbers rounded, no float tails). */
export function communicationRows(input: CbamDocInput | CbamDocData): CommunicationRow[] {
  const data = parseCbamDocData(input);
  const see = computeSee(data);
  return data.products.map((pr, i) => {
    const proc = data.processes.find((p) => p.id === pr.processId)!;
    const s = see.products[i]!;
    const dir = pr.seeDirect?.value ?? s.seeDirect;
    const ind = pr.seeIndirect?.value ?? s.seeIndirect;
    const total = pr.seeTotal?.value ?? round(dir + ind, 7);
    const ef = pr.electricityEf?.value ?? proc.electricity?.ef?.value;
    const cp = pr.carbonPrice;
    const sources = [pr.seeDirect, pr.seeIndirect, pr.electricityEf, proc.directEmissions, proc.electricity?.ef, cp?.amountPerT]
      .map((n: SourcedNumber | undefined) => n?.source?.ref)
      .filter((x): x is string => !!x);
    const row: CommunicationRow = {
      process: proc.name,
      category: proc.category,
      cnCode: pr.cnCode,
      cnName: pr.cnName ?? cnName(pr.cnCode),
      productName: pr.name,
      seeDirect: round(dir, 7),
      seeIndirect: round(ind, 7),
      seeTotal: round(total, 7),
      unit: proc.category.startsWith('Electricity') ? 'tCO2e/MWh' : 'tCO2e/t',
      shareDefault: pr.shareDefault ?? (pr.dataSource === 'default' ? 1 : pr.dataSource === 'actual' ? 0 : undefined),
      elecEfSource: pr.electricityEfSource ?? proc.electricity?.efSource,
      embeddedElectricity: ef ? round(ind / ef, 7) : undefined,
      elecEf: ef,
      cpInstrument: cp?.instrument,
      cpShare: cp?.shareCovered,
      cpCovered: cp?.shareCovered !== undefined ? round(total * cp.shareCovered, 7) : undefined,
      cpCurrency: cp?.currency,
      cpDue: cp?.amountPerT?.value,
      rebateType: cp?.rebate,
      rebateShare: cp?.rebateShare,
      rebateCovered: cp?.rebateShare !== undefined ? round(total * cp.rebateShare, 7) : undefined,
      rebateAmount: cp?.rebatePerT?.value,
      cpEffective: cp?.amountPerT ? round(cp.amountPerT.value - (cp.rebatePerT?.value ?? 0), 7) : undefined,
      dataSource: pr.dataSource,
      sources: [...new Set(sources)].join('; ') || undefined,
    };
    for (const q of QUAL) if (pr.qualifying?.[q] !== undefined) row[q] = pr.qualifying[q];
    return row;
  });
}

/** Every figure of the data with its source, for the Sources sheet. */
export function sourceRows(data: CbamDocData): { field: string; value: number; source: string; uncertain: boolean }[] {
  const out: { field: string; value: number; source: string; uncertain: boolean }[] = [];
  const walk = (o: unknown, path: string): void => {
    if (Array.isArray(o)) {
      o.forEach((x, i) => walk(x, `${path}[${i}]`));
      return;
    }
    if (!o || typeof o !== 'object') return;
    const rec = o as Record<string, unknown>;
    if (typeof rec.value === 'number' && Object.keys(rec).every((k) => k === 'value' || k === 'source')) {
      const src = rec.source as { ref: string; uncertain?: boolean } | undefined;
      out.push({ field: path, value: rec.value, source: src?.ref ?? '', uncertain: !!src?.uncertain });
      return;
    }
    for (const [k, v] of Object.entries(rec)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(data, '');
  return out;
}

export interface OwnWorkbookOptions {
  t?: Translate;
}

/** A row of the Summary_Communication sheet as printed: the words in the reader's language, the numbers and the user's texts as they are. */
function printedRow(t: Translate, r: CommunicationRow, cnCode: string, cnGiven: string | undefined): Cell[] {
  const category = String(r.category);
  const text = (v: string | number | undefined): string | undefined => (v === undefined ? undefined : String(v));
  const printed: CommunicationRow = {
    ...r,
    process: printedProcessName(t, String(r.process), category),
    category: printedCategory(t, category),
    cnName: printedCnName(t, cnCode, cnGiven),
    cpInstrument: printedChoice(t, 'instrument', text(r.cpInstrument)),
    rebateType: printedChoice(t, 'rebate', text(r.rebateType)),
    dataSource: printedChoice(t, 'dataSource', text(r.dataSource)),
    sources: r.sources === undefined ? undefined : printedSourceRef(t, String(r.sources)),
  };
  return COMMUNICATION_COLUMNS.map((c) => printed[c] ?? null);
}

/** Build our own workbook (xlsx bytes) with the Summary_Communication columns, in the language of `t`. */
export function buildOwnWorkbook(input: CbamDocInput | CbamDocData, opts: OwnWorkbookOptions = {}): Uint8Array {
  const t = opts.t ?? englishT;
  const data = parseCbamDocData(input);
  const rows = communicationRows(data);
  const header = COMMUNICATION_COLUMNS.map((c) => t(`cbamdocs:columns.${c}`));
  const body: Cell[][] = rows.map((r, i) => printedRow(t, r, data.products[i]!.cnCode, data.products[i]!.cnName));
  const inst = data.installation;
  const instRows: Cell[][] = [
    [t('cbamdocs:columns.field'), t('cbamdocs:columns.value')],
    [t('cbamdocs:installation.name'), inst.name ?? null],
    [t('cbamdocs:installation.nameEn'), inst.nameEn],
    [t('cbamdocs:installation.street'), inst.street ?? null],
    [t('cbamdocs:installation.economicActivity'), inst.economicActivity ?? null],
    [t('cbamdocs:installation.city'), inst.city ?? null],
    [t('cbamdocs:installation.country'), inst.country],
    [t('cbamdocs:installation.unlocode'), inst.unlocode ?? null],
    [t('cbamdocs:installation.latitude'), inst.latitude ?? null],
    [t('cbamdocs:installation.longitude'), inst.longitude ?? null],
    [t('cbamdocs:installation.reportingPeriod'), `${data.reportingPeriod.start} – ${data.reportingPeriod.end}`],
  ];
  const src: Cell[][] = [
    [t('cbamdocs:columns.field'), t('cbamdocs:columns.value'), t('cbamdocs:columns.sources'), t('cbamdocs:columns.uncertain')],
    ...sourceRows(data).map((s) => [
      printedFieldPath(t, s.field),
      s.value,
      s.source ? printedSourceRef(t, s.source) : null,
      s.uncertain ? t('cbamdocs:columns.yes') : null,
    ]),
  ];
  return writeXlsx([
    { name: t('cbamdocs:sheets.communication'), rows: [header, ...body], widths: header.map((h) => Math.min(40, Math.max(10, h.length))) },
    { name: t('cbamdocs:sheets.installation'), rows: instRows, widths: [36, 50] },
    { name: t('cbamdocs:sheets.sources'), rows: src, widths: [50, 16, 60, 10] },
  ]);
}

/** The companion workbook of a filled template (its own module: ./fill-sources.ts). */
export { buildFillSourcesWorkbook } from './fill-sources';

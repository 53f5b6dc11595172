/**
 * Our input workbook: a dataset ⇄ an .xlsx with one sheet per part of the dataset (headers in Chinese and
 * English, drop-down lists, an instructions sheet in zh/en/ar, a hidden sheet naming the format and version).
 * Written with our own writer (fflate); read back through SheetJS (see read.ts). Round trip: a dataset written
 * and imported again is deep-equal to the original.
 */
import { msg } from '../i18n/message';
import type { Dataset } from '../model/dataset';
import { DATASET_FORMAT, DATASET_FORMAT_VERSION } from '../model/dataset';
import { validateDataset } from '../model/validate';
import { MASS_UNITS, UNITS, parseUnit } from '../model/units';
import type { Problem } from '../model/problems';
import { codeLabel, fieldLabel, importText, instructionLines } from './labels';
import { LIMITS } from './limits';
import { ProblemList, fileError, type ImportProblem } from './problems';
import { colLetter } from '../xlsx/columns';
import { cellKey, type Book, type CellValue, type Grid } from './read';
import { LISTS, cellBool, cellDate, cellNumber, cellText, isEmpty, listCode, type ListName } from './values';
import {
  INSTRUCTIONS_SHEET_ID,
  LISTS_SHEET_ID,
  META_SHEET,
  TABLE_FIRST_ROW,
  WORKBOOK_FORMAT,
  WORKBOOK_SHEETS,
  WORKBOOK_VERSION,
  type FieldSpec,
  type FieldType,
  type SheetId,
} from './workbook-spec';
import { writeWorkbook, type WCell, type WSheet } from '../xlsx/write';
import {
  BATTERY_FIELDS,
  BATTERY_LISTS,
  BATTERY_SHEET_ID,
  batteryCodeLabel,
  batteryListCode,
  formatPerformanceClass,
  parsePerformanceClass,
  type BatteryListName,
  type PerformanceClass,
  type XFieldSpec,
  type XFieldType,
} from './workbook-battery';
import { PROCESS_SPECS, parseQualifying, processSheetItems, type ProcessSheetId } from './workbook-processes';

// ------------------------------------------------------------------------------------------------------------
// lists

interface ListDef {
  id: string;
  codes: readonly string[];
  labelGroup?: string;
  battery?: BatteryListName;
}
const LIST_DEFS: ListDef[] = [
  { id: 'stage', codes: LISTS.stage.codes, labelGroup: 'stage' },
  { id: 'category', codes: LISTS.category.codes, labelGroup: 'category' },
  { id: 'location', codes: LISTS.location.codes, labelGroup: 'location' },
  { id: 'dataType', codes: LISTS.dataType.codes, labelGroup: 'dataType' },
  { id: 'electricitySource', codes: LISTS.electricitySource.codes, labelGroup: 'electricitySource' },
  { id: 'gas', codes: LISTS.gas.codes },
  { id: 'unit', codes: UNITS },
  { id: 'massUnit', codes: MASS_UNITS },
  { id: 'emissionsKind', codes: LISTS.emissionsKind.codes },
  { id: 'boundary', codes: LISTS.boundary.codes, labelGroup: 'boundary' },
  { id: 'allocation', codes: LISTS.allocation.codes, labelGroup: 'allocation' },
  { id: 'gwpSet', codes: LISTS.gwpSet.codes },
  { id: 'basisKind', codes: LISTS.basisKind.codes },
  { id: 'reportedUnit', codes: LISTS.reportedUnit.codes },
  // read from the EU definitive pack when the workbook is written, not at import
  {
    id: 'processCategory',
    get codes() {
      return LISTS.processCategory.codes;
    },
  },
  {
    id: 'processRoute',
    get codes() {
      return LISTS.processRoute.codes;
    },
  },
  { id: 'carbonInstrument', codes: LISTS.carbonInstrument.codes },
  { id: 'rebate', codes: LISTS.rebate.codes },
  { id: 'efSource', codes: LISTS.efSource.codes },
  ...(Object.keys(BATTERY_LISTS) as BatteryListName[]).map((id) => ({ id, codes: BATTERY_LISTS[id], battery: id })),
];

const listIdOf = (t: XFieldType): string | undefined =>
  typeof t === 'object' ? ('list' in t ? t.list : t.batteryList) : t === 'unit' ? 'unit' : t === 'massUnit' ? 'massUnit' : undefined;

type AnySheetId = SheetId | typeof BATTERY_SHEET_ID | ProcessSheetId;
/** A table sheet: its id (labels) and columns. */
interface TableSpec {
  id: AnySheetId;
  fields: FieldSpec[];
}
/** A key/value sheet: the spec's own or the optional battery sheet. */
interface KvSpec {
  id: AnySheetId;
  fields: XFieldSpec[];
}
const BATTERY_SPEC: KvSpec = { id: BATTERY_SHEET_ID, fields: BATTERY_FIELDS };

export const sheetTitle = (id: AnySheetId | 'instructions' | 'lists'): string => importText('zh', `workbook.sheet.${id}`);

// ------------------------------------------------------------------------------------------------------------
// writer

function getPath(obj: unknown, path: string): unknown {
  let o: unknown = obj;
  for (const k of path.split('.')) {
    if (!o || typeof o !== 'object' || !Object.prototype.hasOwnProperty.call(o, k)) return undefined;
    o = (o as Record<string, unknown>)[k];
  }
  return o;
}

function toCell(v: unknown, type: XFieldType): WCell {
  if (v === undefined || v === null) return undefined;
  if (type === 'performanceClass') return { v: formatPerformanceClass(v as PerformanceClass), s: 'text' };
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return type === 'code' || type === 'cn' || type === 'country' ? { v, s: 'text' } : v;
  return JSON.stringify(v);
}

const bilingual = (sheet: string, key: string): string => `${fieldLabel('zh', sheet, key)}\n${fieldLabel('en', sheet, key)}`;

/** Build our input workbook (.xlsx bytes): empty when no dataset is given, filled otherwise. */
export function buildInputWorkbook(dataset?: Dataset, opts: { blankRows?: number } = {}): Uint8Array {
  const blank = opts.blankRows ?? 200;
  const listsName = sheetTitle(LISTS_SHEET_ID);
  const listCol = new Map<string, { col: string; n: number }>();
  // lists sheet: per list three columns (code, 中文, English)
  const listRows: WCell[][] = [[], []];
  LIST_DEFS.forEach((l, i) => {
    const c0 = i * 3;
    listRows[0]![c0] = { v: l.id, s: 'header' };
    listRows[0]![c0 + 1] = { v: '中文', s: 'header' };
    listRows[0]![c0 + 2] = { v: 'English', s: 'header' };
    l.codes.forEach((code, k) => {
      const row = (listRows[k + 1] ??= []);
      row[c0] = code;
      if (l.labelGroup) {
        row[c0 + 1] = codeLabel('zh', l.labelGroup, code);
        row[c0 + 2] = codeLabel('en', l.labelGroup, code);
      } else if (l.battery) {
        row[c0 + 1] = batteryCodeLabel('zh', l.battery, code);
        row[c0 + 2] = batteryCodeLabel('en', l.battery, code);
      }
    });
    listCol.set(l.id, { col: colLetter(c0), n: l.codes.length });
  });
  const listFormula = (id: string): string | undefined => {
    const lc = listCol.get(id);
    return lc ? `'${listsName}'!$${lc.col}$2:$${lc.col}$${lc.n + 1}` : undefined;
  };

  const sheets: WSheet[] = [];
  // instructions
  const ins: WCell[][] = [[{ v: `${importText('zh', 'workbook.title')} · ${importText('en', 'workbook.title')}`, s: 'title' }], []];
  for (const [lang, head] of [
    ['zh', '中文'],
    ['en', 'English'],
    ['ar', 'العربية'],
  ] as const) {
    ins.push([{ v: `${head} — ${importText(lang, 'workbook.title')}`, s: 'header' }]);
    instructionLines(lang).forEach((line, i) => ins.push([{ v: `${i + 1}. ${line}`, s: 'wrap' }]));
    ins.push([]);
  }
  sheets.push({ name: sheetTitle(INSTRUCTIONS_SHEET_ID), rows: ins, widths: [120] });

  for (const spec of WORKBOOK_SHEETS) {
    if (spec.kind === 'kv') sheets.push(kvSheet(spec, dataset, listFormula));
    else sheets.push(tableSheet(spec, (dataset ? (dataset[spec.array!] as unknown[]) : []) ?? [], listFormula, blank));
  }
  // the production-process sheets: written for datasets with processes, and as optional sheets in the empty workbook
  const withProcesses = !dataset || (dataset.processes?.length ?? 0) > 0;
  if (withProcesses) {
    const items = processSheetItems(dataset);
    for (const spec of PROCESS_SPECS) sheets.push(tableSheet(spec, items[spec.id], listFormula, blank));
  }
  // the battery sheet: written for battery datasets, and as an optional sheet in the empty workbook
  const withBattery = !dataset || dataset.battery !== undefined;
  if (withBattery) sheets.push(kvSheet(BATTERY_SPEC, dataset, listFormula));
  sheets.push({ name: listsName, rows: listRows, widths: LIST_DEFS.flatMap(() => [22, 16, 26]), freezeRows: 1 });
  const meta: WCell[][] = [
    ['format', WORKBOOK_FORMAT],
    ['version', WORKBOOK_VERSION],
    ['datasetFormat', DATASET_FORMAT],
    ['datasetFormatVersion', DATASET_FORMAT_VERSION],
    ...WORKBOOK_SHEETS.map((s) => ['sheet', s.id, sheetTitle(s.id)] as WCell[]),
    ...(withBattery ? [['sheet', BATTERY_SHEET_ID, sheetTitle(BATTERY_SHEET_ID)] as WCell[]] : []),
    ...(withProcesses ? PROCESS_SPECS.map((s) => ['sheet', s.id, sheetTitle(s.id)] as WCell[]) : []),
    // the battery document's own format marker (kept so that the details read back are identical)
    ...(dataset?.battery && (dataset.battery.format !== undefined || dataset.battery.formatVersion !== undefined)
      ? [['batteryFormat', dataset.battery.format, dataset.battery.formatVersion] as WCell[]]
      : []),
  ];
  sheets.push({ name: META_SHEET, rows: meta, hidden: true });
  return writeWorkbook(sheets);
}

function kvSheet(spec: KvSpec, ds: Dataset | undefined, listFormula: (id: string) => string | undefined): WSheet {
  const rows: WCell[][] = [
    [
      { v: `${importText('zh', 'workbook.header.key')}\n${importText('en', 'workbook.header.key')}`, s: 'header' },
      { v: '中文', s: 'header' },
      { v: 'English', s: 'header' },
      { v: `${importText('zh', 'workbook.header.value')}\n${importText('en', 'workbook.header.value')}`, s: 'header' },
    ],
  ];
  const validations: WSheet['validations'] = [];
  for (const f of spec.fields) {
    const value = ds ? getPath(ds, f.key) : undefined;
    const values: unknown[] = f.repeat ? [...(Array.isArray(value) ? value : []), undefined, undefined, undefined] : [value];
    for (const v of values) {
      rows.push([
        { v: f.key, s: 'key' },
        { v: fieldLabel('zh', spec.id, f.key), s: 'hint' },
        { v: fieldLabel('en', spec.id, f.key), s: 'hint' },
        toCell(v, f.type),
      ]);
      const lf = listIdOf(f.type);
      if (lf) validations.push({ sqref: `D${rows.length}`, formula: listFormula(lf)! });
    }
  }
  return { name: sheetTitle(spec.id), rows, widths: [34, 26, 34, 48], textColumns: [0], freezeRows: 1, validations };
}

function tableSheet(spec: TableSpec, items: unknown[], listFormula: (id: string) => string | undefined, blank: number): WSheet {
  const rows: WCell[][] = [
    spec.fields.map((f) => ({ v: bilingual(spec.id, f.key), s: 'header' as const })),
    spec.fields.map((f) => ({ v: f.key, s: 'key' as const })),
  ];
  for (const it of items) rows.push(spec.fields.map((f) => toCell(getPath(it, f.key), f.type)));
  const last = TABLE_FIRST_ROW + items.length + blank - 1;
  const validations: WSheet['validations'] = [];
  const textColumns: number[] = [];
  spec.fields.forEach((f, i) => {
    const lf = listIdOf(f.type);
    const col = colLetter(i);
    if (lf) validations.push({ sqref: `${col}${TABLE_FIRST_ROW}:${col}${last}`, formula: listFormula(lf)! });
    if (f.type === 'code' || f.type === 'cn' || f.type === 'country') textColumns.push(i);
  });
  const widths = spec.fields.map((f) =>
    f.key === 'description' || f.key.endsWith('source.name') || f.key === 'notes' ? 40 : f.key.startsWith('emissions.gases.') ? 12 : 18,
  );
  return { name: sheetTitle(spec.id), rows, widths, textColumns, hiddenRows: [2], freezeRows: 2, validations };
}

// ------------------------------------------------------------------------------------------------------------
// reader

export interface WorkbookImport {
  kind: 'workbook';
  dataset?: Dataset;
  problems: ImportProblem[];
  rows: { total: number; valid: number; rejected: number };
  rejectedRows: number[];
}

interface Loc {
  sheet: string;
  row: number;
  column?: string;
  field: string;
}

/** Is this book our input workbook? (hidden sheet with the format marker) */
export function isInputWorkbook(book: Book): boolean {
  const meta = book.sheets.find((s) => s.name === META_SHEET);
  return !!meta && meta.rows[0]?.[0] === 'format' && meta.rows[0]?.[1] === WORKBOOK_FORMAT;
}

const FIX_FOR_CORE: Record<string, string> = {
  'core:validation.required': 'fillCell',
  'core:validation.notANumber': 'typeNumber',
  'core:validation.negative': 'typeNumber',
  'core:validation.notPositive': 'typeNumber',
  'core:validation.unknownUnit': 'checkValue',
  'core:validation.unknownStage': 'checkValue',
  'core:validation.duplicateId': 'removeDuplicate',
  'core:validation.format.date': 'typeDate',
  'core:validation.format.country': 'typeCountry',
};
export const fixForCore = (key: string) => msg(`import:fix.${FIX_FOR_CORE[key] ?? 'checkValue'}`);

interface Converted {
  value?: unknown;
  problem?: { key: string; params: Record<string, string | number>; fix: string; fixParams?: Record<string, string | number> };
}

const showValue = (v: CellValue | undefined): string => {
  const s = String(v ?? '');
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/** Convert one cell to the value of a field of the given type. */
export function convertCell(v: CellValue | undefined, type: FieldType, date1904: boolean, emptyString = false): Converted {
  if (isEmpty(v)) return emptyString ? { value: '' } : {};
  switch (type) {
    case 'text':
      return { value: cellText(v) };
    case 'code':
      return { value: cellText(v)!.trim() };
    case 'country':
      return { value: cellText(v)!.trim().toUpperCase() };
    case 'cn': {
      if (typeof v === 'number' && Number.isInteger(v)) {
        const s = String(v);
        const len = [4, 6, 8, 10].find((n) => n >= s.length) ?? s.length;
        return { value: s.padStart(len, '0') };
      }
      return { value: cellText(v)!.trim() };
    }
    case 'number':
    case 'int': {
      const n = cellNumber(v);
      return n === undefined ? { problem: { key: 'notANumber', params: { value: showValue(v) }, fix: 'typeNumber' } } : { value: n };
    }
    case 'date': {
      const d = cellDate(v, date1904);
      return d === undefined ? { problem: { key: 'notADate', params: { value: showValue(v) }, fix: 'typeDate' } } : { value: d };
    }
    case 'bool': {
      const b = cellBool(v);
      return b === undefined ? { problem: { key: 'notABool', params: { value: showValue(v) }, fix: 'typeBool' } } : { value: b };
    }
    case 'unit':
    case 'massUnit': {
      const u = typeof v === 'string' ? parseUnit(v) : undefined;
      const allowed: readonly string[] = type === 'unit' ? UNITS : MASS_UNITS;
      return u && allowed.includes(u)
        ? { value: u }
        : { problem: { key: 'unknownUnit', params: { value: showValue(v) }, fix: 'useList', fixParams: { allowed: allowed.join(', ') } } };
    }
    default: {
      const code = listCode(type.list, v);
      return code === undefined
        ? {
            problem: {
              key: 'notInList',
              params: { value: showValue(v) },
              fix: 'useList',
              fixParams: { allowed: LISTS[type.list as ListName].codes.join(', ') },
            },
          }
        : { value: code };
    }
  }
}

/** Set a value at a dotted path built only from our spec's keys (never from file content). */
function setPath(obj: Record<string, unknown>, path: string[], value: unknown, append: boolean): number {
  let o = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    if (!Object.prototype.hasOwnProperty.call(o, k)) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (append) {
    const arr = (Object.prototype.hasOwnProperty.call(o, last) ? o[last] : (o[last] = [])) as unknown[];
    arr.push(value);
    return arr.length - 1;
  }
  o[last] = value;
  return -1;
}

function findSheet(book: Book, id: AnySheetId): Grid | undefined {
  const meta = book.sheets.find((s) => s.name === META_SHEET);
  const named = meta?.rows.find((r) => r[0] === 'sheet' && r[1] === id)?.[2];
  return (
    book.sheets.find((s) => s.name === named) ??
    book.sheets.find((s) => s.name === sheetTitle(id)) ??
    book.sheets.find((s) => s.name.toLowerCase().endsWith(id))
  );
}

interface ReadCtx {
  book: Book;
  problems: ProblemList;
  raw: Record<string, unknown>;
  locs: Map<string, Loc>;
  reported: Set<string>;
}

const cellIssue = (g: Grid, r: number, c: number, field: string): ImportProblem | undefined =>
  g.bad.get(cellKey(r, c)) && { ...g.bad.get(cellKey(r, c))!, field };

function formulaNote(problems: ProblemList, g: Grid): void {
  for (const f of g.formulas)
    problems.add({
      severity: 'warning',
      sheet: g.name,
      row: f.r + 1,
      column: colLetter(f.c),
      message: msg(f.cached ? 'import:warn.formula' : 'import:warn.formulaNoValue', { formula: `=${f.f.slice(0, 80)}` }),
      fix: msg('import:fix.formula'),
    });
}

/** Convert one cell of a workbook field (the core types, the battery lists and performance-class rows). */
function convertField(v: CellValue | undefined, type: XFieldType, date1904: boolean, emptyString?: boolean): Converted {
  if (type === 'performanceClass') {
    if (isEmpty(v)) return {};
    const p = parsePerformanceClass(v);
    return p ? { value: p } : { problem: { key: 'performanceClass', params: { value: showValue(v) }, fix: 'performanceClass' } };
  }
  if (typeof type === 'object' && 'batteryList' in type) {
    if (isEmpty(v)) return {};
    const code = batteryListCode(type.batteryList, v);
    return code === undefined
      ? { problem: { key: 'notInList', params: { value: showValue(v) }, fix: 'useList', fixParams: { allowed: BATTERY_LISTS[type.batteryList].join(', ') } } }
      : { value: code };
  }
  return convertCell(v, type, date1904, emptyString);
}

/** Read a key/value sheet into ctx.raw; true when a problem there makes the whole dataset unusable. */
function readKvSheet(g: Grid, spec: KvSpec, ctx: ReadCtx): boolean {
  const { problems, locs, reported } = ctx;
  const fields = new Map<string, XFieldSpec>(spec.fields.map((f) => [f.key, f]));
  let structural = false;
  for (let r = 1; r < g.rows.length; r++) {
    const row = g.rows[r];
    const key = typeof row?.[0] === 'string' ? row[0].trim() : '';
    if (!key) continue;
    const f = fields.get(key);
    if (!f) {
      problems.add({ severity: 'warning', sheet: g.name, row: r + 1, column: 'A', message: msg('import:warn.unknownKey', { key: key.slice(0, 60) }) });
      continue;
    }
    const issue = cellIssue(g, r, 3, key);
    if (issue) {
      problems.add(issue);
      reported.add(key);
      structural = true;
      continue;
    }
    const conv = convertField(row?.[3], f.type, ctx.book.date1904, f.emptyString);
    if (conv.problem) {
      problems.add({
        severity: 'error',
        sheet: g.name,
        row: r + 1,
        column: 'D',
        field: key,
        message: msg(`import:problem.${conv.problem.key}`, conv.problem.params),
        fix: msg(`import:fix.${conv.problem.fix}`, conv.problem.fixParams),
      });
      reported.add(key);
      structural = true;
      continue;
    }
    const loc = { sheet: g.name, row: r + 1, column: 'D', field: key };
    if (conv.value === undefined) {
      // an empty row still locates a "missing" problem of its field
      if (!f.repeat && !locs.has(key)) locs.set(key, loc);
      continue;
    }
    const idx = setPath(ctx.raw, key.split('.'), conv.value, !!f.repeat);
    locs.set(f.repeat ? `${key}.${idx}` : key, loc);
  }
  return structural;
}

interface TableResult {
  items: Record<string, unknown>[];
  rows: number[];
  bad: Set<number>;
}

/** Read a table sheet (one item per row from TABLE_FIRST_ROW). */
function readTableSheet(g: Grid, spec: TableSpec, arrayName: string, ctx: ReadCtx): TableResult {
  const { problems, locs, reported } = ctx;
  const fields = new Map<string, FieldSpec>(spec.fields.map((f) => [f.key, f]));
  const keys = (g.rows[1] ?? []).map((k) => (typeof k === 'string' ? k.trim() : ''));
  const colField: (FieldSpec | undefined)[] = keys.map((k, c) => {
    if (!k) return undefined;
    const f = fields.get(k);
    if (!f)
      problems.add({ severity: 'warning', sheet: g.name, row: 2, column: colLetter(c), message: msg('import:warn.unknownColumn', { key: k.slice(0, 60) }) });
    return f;
  });
  if (!colField.some(Boolean)) {
    // row 2 deleted: fall back to the bilingual titles of row 1
    (g.rows[0] ?? []).forEach((h, c) => {
      if (typeof h !== 'string') return;
      const t = h.trim();
      colField[c] = spec.fields.find(
        (f) => t === bilingual(spec.id, f.key) || t === fieldLabel('zh', spec.id, f.key) || t === fieldLabel('en', spec.id, f.key),
      );
    });
  }
  const res: TableResult = { items: [], rows: [], bad: new Set() };
  for (let r = TABLE_FIRST_ROW - 1; r < g.rows.length; r++) {
    const row = g.rows[r];
    if (!row) continue;
    const hasBad = row.some((_, c) => g.bad.has(cellKey(r, c)));
    if (!hasBad && !row.some((v, c) => colField[c] !== undefined && !isEmpty(v))) continue;
    const item: Record<string, unknown> = {};
    const index = res.items.length;
    let bad = false;
    colField.forEach((f, c) => {
      if (!f) return;
      const path = `${arrayName}.${index}.${f.key}`;
      const issue = cellIssue(g, r, c, f.key);
      if (issue) {
        problems.add(issue);
        reported.add(path);
        bad = true;
        return;
      }
      const conv = convertCell(row[c], f.type, ctx.book.date1904, f.emptyString);
      if (conv.problem) {
        problems.add({
          severity: 'error',
          sheet: g.name,
          row: r + 1,
          column: colLetter(c),
          field: f.key,
          message: msg(`import:problem.${conv.problem.key}`, conv.problem.params),
          fix: msg(`import:fix.${conv.problem.fix}`, conv.problem.fixParams),
        });
        reported.add(path);
        bad = true;
        return;
      }
      if (conv.value === undefined) return;
      setPath(item, f.key.split('.'), conv.value, false);
      locs.set(path, { sheet: g.name, row: r + 1, column: colLetter(c), field: f.key });
    });
    locs.set(`${arrayName}.${index}`, { sheet: g.name, row: r + 1, field: arrayName });
    if (bad) res.bad.add(index);
    res.items.push(item);
    res.rows.push(r + 1);
  }
  return res;
}

/** The optional battery sheet: details go to raw.battery (with the format marker of the hidden sheet). */
function readBatterySheet(meta: Grid, ctx: ReadCtx): boolean {
  const g = findSheet(ctx.book, BATTERY_SHEET_ID);
  if (!g) return false;
  formulaNote(ctx.problems, g);
  const structural = readKvSheet(g, BATTERY_SPEC, ctx);
  const marker = meta.rows.find((r) => r[0] === 'batteryFormat');
  const bat = ctx.raw.battery as Record<string, unknown> | undefined;
  if (bat && marker) {
    if (!isEmpty(marker[1])) bat.format = marker[1];
    if (!isEmpty(marker[2])) bat.formatVersion = marker[2];
  }
  return structural;
}

/**
 * Move the locations (and reported marks) of row `from` of a process sheet (keys starting with "_", listed in
 * `keys`) to the dataset path `to`.
 */
function relocate(ctx: ReadCtx, keys: string[], from: string, to: string): void {
  for (const k of keys) {
    if (k !== from && !k.startsWith(`${from}.`)) continue;
    const l = ctx.locs.get(k);
    if (l) {
      ctx.locs.delete(k);
      ctx.locs.set(to + k.slice(from.length), l);
    }
    if (ctx.reported.delete(k)) ctx.reported.add(to + k.slice(from.length));
  }
}

/** A problem of one cell located by the reader (`path` of a read row), or of the row when the cell was empty. */
function rowProblem(
  ctx: ReadCtx,
  path: string,
  rowPath: string,
  field: string,
  column: string | undefined,
  key: string,
  params: Record<string, string | number>,
  fix: string,
  fixParams?: Record<string, string | number>,
): void {
  const l = ctx.locs.get(path) ?? ctx.locs.get(rowPath);
  ctx.problems.add({
    severity: 'error',
    ...(l ? { sheet: l.sheet, row: l.row } : {}),
    ...(column ? { column } : {}),
    field,
    message: msg(`import:problem.${key}`, params),
    fix: msg(`import:fix.${fix}`, fixParams),
  });
  ctx.reported.add(path);
}

/**
 * The optional production-process sheets (workbook-processes.ts): processes to raw.processes, each flow and product
 * row to its process (named in its `process` column). True when a problem there makes the dataset unusable.
 */
function readProcessSheets(ctx: ReadCtx): boolean {
  const grids = PROCESS_SPECS.map((spec) => ({ spec, g: findSheet(ctx.book, spec.id) }));
  const read = grids.map(({ spec, g }) => {
    if (!g) return { items: [], rows: [], bad: new Set<number>() } as TableResult;
    formulaNote(ctx.problems, g);
    return readTableSheet(g, spec, `_${spec.id}`, ctx);
  });
  const [procs, flows, products] = read as [TableResult, TableResult, TableResult];
  if (!read.some((t) => t.items.length)) return false;
  let structural = read.some((t) => t.bad.size > 0);
  const keys = [...new Set([...ctx.locs.keys(), ...ctx.reported])].filter((k) => k.startsWith('_'));
  const index = new Map<string, number>();
  procs.items.forEach((p, i) => {
    if (typeof p.id === 'string' && !index.has(p.id)) index.set(p.id, i);
    relocate(ctx, keys, `_processes.${i}`, `processes.${i}`);
  });
  const attach = (t: TableResult, sheet: 'flows' | 'products', into: 'inputs' | 'products'): void => {
    const g = grids.find((x) => x.spec.id === sheet)!.g!;
    const col = (key: string): string | undefined => {
      const c = (g.rows[1] ?? []).findIndex((k) => typeof k === 'string' && k.trim() === key);
      return c < 0 ? undefined : colLetter(c);
    };
    t.items.forEach((item, k) => {
      const from = `_${sheet}.${k}`;
      const { process, ...rest } = item;
      const pi = typeof process === 'string' ? index.get(process) : undefined;
      if (pi === undefined) {
        if (!ctx.reported.has(`${from}.process`))
          rowProblem(
            ctx,
            `${from}.process`,
            from,
            'process',
            col('process'),
            'unknownProcess',
            { value: typeof process === 'string' ? process : '' },
            'knownProcess',
            { allowed: [...index.keys()].join(', ') },
          );
        structural = true;
        return;
      }
      // a flow from a process not on the sheet: reported here, with the other problems of the sheets
      if (sheet === 'flows' && typeof rest.fromProcess === 'string' && !index.has(rest.fromProcess)) {
        rowProblem(ctx, `${from}.fromProcess`, from, 'fromProcess', col('fromProcess'), 'unknownProcess', { value: rest.fromProcess }, 'knownProcess', {
          allowed: [...index.keys()].join(', '),
        });
        structural = true;
      }
      if (typeof rest.qualifying === 'string') {
        const q = parseQualifying(rest.qualifying);
        if (q) rest.qualifying = q;
        else {
          rowProblem(ctx, `${from}.qualifying`, from, 'qualifying', col('qualifying'), 'qualifying', { value: rest.qualifying.slice(0, 60) }, 'qualifying');
          delete rest.qualifying;
          structural = true;
        }
      }
      const arr = ((procs.items[pi]![into] as unknown[] | undefined) ??= []);
      arr.push(rest);
      relocate(ctx, keys, from, `processes.${pi}.${into}.${arr.length - 1}`);
    });
  };
  if (flows.items.length) attach(flows, 'flows', 'inputs');
  if (products.items.length) attach(products, 'products', 'products');
  ctx.raw.processes = procs.items;
  return structural;
}

/** Read our input workbook back into a dataset. `acceptValid`: leave out inventory rows with errors. */
export function readInputWorkbook(book: Book, opts: { acceptValid?: boolean; maxProblems?: number } = {}): WorkbookImport {
  const meta = book.sheets.find((s) => s.name === META_SHEET)!;
  const version = meta.rows[1]?.[1];
  if (typeof version === 'number' && version > WORKBOOK_VERSION) throw fileError('newerWorkbook', { version }, 'newerApp');
  const problems = new ProblemList(opts.maxProblems ?? LIMITS.maxProblems);
  for (const p of book.problems) problems.add(p);
  const raw: Record<string, unknown> = { format: DATASET_FORMAT, formatVersion: DATASET_FORMAT_VERSION };
  const locs = new Map<string, Loc>();
  const reported = new Set<string>();
  const ctx: ReadCtx = { book, problems, raw, locs, reported };
  const badRows = new Map<'installations' | 'inventory', Set<number>>([
    ['installations', new Set()],
    ['inventory', new Set()],
  ]);
  const rowOf: Record<'installations' | 'inventory', number[]> = { installations: [], inventory: [] };
  let total = 0;
  let structural = false;

  for (const spec of WORKBOOK_SHEETS) {
    const g = findSheet(book, spec.id);
    if (!g) {
      structural = true;
      problems.add({
        severity: 'error',
        sheet: sheetTitle(spec.id),
        message: msg('import:error.sheetNotFound', { sheet: sheetTitle(spec.id), available: book.sheets.map((s) => s.name).join(', ') }),
        fix: msg('import:fix.newerApp'),
      });
      continue;
    }
    formulaNote(problems, g);
    if (spec.kind === 'kv') {
      if (readKvSheet(g, spec, ctx)) structural = true;
      continue;
    }
    const arrayName = spec.array!;
    const t = readTableSheet(g, spec, arrayName, ctx);
    badRows.set(arrayName, t.bad);
    rowOf[arrayName] = t.rows;
    if (arrayName === 'installations' && t.bad.size) structural = true;
    if (arrayName === 'inventory') total = t.items.length;
    raw[arrayName] = t.items;
  }
  if (readBatterySheet(meta, ctx)) structural = true;
  if (readProcessSheets(ctx)) structural = true;

  // validate; on failure leave out the inventory rows with errors and validate again (up to 3 passes), so that
  // every problem of the remaining rows is reported too
  const locate = (path: (string | number)[]): Loc | undefined => {
    for (let n = path.length; n > 0; n--) {
      const l = locs.get(path.slice(0, n).join('.'));
      if (l) return l;
    }
    return undefined;
  };
  const parents = new Set<string>();
  for (const r of reported) addParents(parents, r);
  const isReported = (path: (string | number)[]): boolean => {
    const key = path.join('.');
    if (parents.has(key)) return true;
    for (let n = 1; n <= path.length; n++) if (reported.has(path.slice(0, n).join('.'))) return true;
    return false;
  };
  const inv = (raw.inventory as unknown[] | undefined) ?? [];
  const rejected = new Set<number>();
  let keptIndex = inv.map((_, i) => i);
  let valid: Dataset | undefined;
  for (let pass = 0; pass < 3; pass++) {
    const current = pass === 0 ? raw : { ...raw, inventory: keptIndex.map((i) => inv[i]) };
    const v = validateDataset(current);
    const newBad = new Set<number>(pass === 0 ? badRows.get('inventory') : []);
    for (const p of v.problems) {
      const path = p.path[0] === 'inventory' && typeof p.path[1] === 'number' ? ['inventory', keptIndex[p.path[1]]!, ...p.path.slice(2)] : p.path;
      const lineIdx = path[0] === 'inventory' && typeof path[1] === 'number' ? path[1] : undefined;
      if (isReported(path)) {
        if (lineIdx !== undefined && p.severity === 'error') newBad.add(lineIdx);
        continue;
      }
      const key = path.join('.');
      reported.add(key);
      addParents(parents, key);
      problems.add(toImportProblem(p, locate(path), rowOf.inventory, keptIndex));
      if (p.severity === 'error') {
        if (lineIdx !== undefined) newBad.add(lineIdx);
        else structural = true;
      }
    }
    for (const i of newBad) rejected.add(i);
    if (v.ok && v.dataset && newBad.size === 0) {
      valid = v.dataset;
      break;
    }
    if (structural || newBad.size === 0) break;
    keptIndex = keptIndex.filter((i) => !rejected.has(i));
  }
  const dataset = valid && (rejected.size === 0 || opts.acceptValid) ? valid : undefined;
  const rejectedRows = [...rejected].map((i) => rowOf.inventory[i]!).sort((a, b) => a - b);
  if (dataset && rejected.size)
    problems.add({ severity: 'warning', message: msg('import:warn.rowsSkipped', { count: rejected.size, valid: total - rejected.size }) });
  return { kind: 'workbook', dataset, problems: problems.done(), rows: { total, valid: total - rejected.size, rejected: rejected.size }, rejectedRows };
}

function addParents(set: Set<string>, key: string): void {
  const parts = key.split('.');
  for (let n = 1; n < parts.length; n++) set.add(parts.slice(0, n).join('.'));
}

function toImportProblem(p: Problem, loc: Loc | undefined, rowOf: number[], keptIndex: number[]): ImportProblem {
  let message = p.message;
  if (message.key === 'core:validation.duplicateId' && message.params && typeof message.params.firstRow === 'number') {
    const orig = keptIndex[message.params.firstRow - 1];
    if (orig !== undefined && rowOf[orig] !== undefined) message = { ...message, params: { ...message.params, firstRow: rowOf[orig]! } };
  }
  return {
    severity: p.severity,
    ...(loc ? { sheet: loc.sheet, row: loc.row, ...(loc.column ? { column: loc.column } : {}), field: loc.field } : {}),
    message,
    fix: fixForCore(p.message.key),
  };
}

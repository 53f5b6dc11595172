/**
 * Any footprint sheet → inventory lines, through a column mapping: choose the sheet and the header row, map
 * columns to dataset fields (suggested from Chinese and English header text), read units with parseUnit and
 * numbers with parseNumberText, and preview before anything is saved. A mapping is a small JSON document,
 * remembered per "shape" (a signature of the sheet name and header cells).
 */
import { msg } from '../i18n/message';
import type { Dataset, InventoryLine } from '../model/dataset';
import { parseUnit, type Unit } from '../model/units';
import { parseJsonStrict } from '../model/json';
import { LIMITS } from './limits';
import { ProblemList, type ImportProblem } from './problems';
import { colIndex, colLetter } from '../xlsx/columns';
import type { Grid } from './read';
import { cellNumber, cellText } from './values';
import { parseFactorUnit } from './factor-unit';
import { readRows, type PreviewRow, type ReadRows, type RowContext } from './mapping-rows';
import { checkLines } from './mapping-check';

export { MAP_FIELDS, type MapField } from './schemas';
import { MAP_FIELDS, type MapField } from './schemas';
/** i18n key of a mapping field's label. */
import { mapFieldLabelKey } from './schemas';

export { mapFieldLabelKey };

/** Header words that suggest each field (Chinese and English; compared without spaces and punctuation). */
const HINTS: Record<MapField, string[]> = {
  id: ['序号', '编号', '行号', '代码', 'id', 'no', 'lineid', 'itemno', 'number', 'code'],
  description: [
    '名称',
    '描述',
    '说明',
    '项目',
    '物料',
    '物料名称',
    '排放源',
    '排放源名称',
    '投入物',
    'description',
    'name',
    'item',
    'flow',
    'material',
    'process',
    'emissionsource',
    'input',
  ],
  stage: ['阶段', '生命周期阶段', '所属阶段', 'stage', 'lifecyclestage', 'phase'],
  category: ['类别', '类型', '排放类别', '排放类型', '排放源类别', 'category', 'type', 'emissioncategory'],
  location: ['位置', '边界位置', '发生位置', 'location'],
  installationId: ['设施', '设施编号', '装置', 'installation', 'installationid', 'site'],
  'activity.amount': [
    '活动数据',
    '活动水平',
    '活动量',
    '消耗量',
    '用量',
    '使用量',
    '数量',
    '投入量',
    '用电量',
    '耗电量',
    '用气量',
    '耗煤量',
    '耗量',
    '消耗',
    '运输量',
    '周转量',
    'activitydata',
    'activity',
    'amount',
    'quantity',
    'consumption',
  ],
  'activity.unit': ['单位', '活动数据单位', '计量单位', 'unit', 'activityunit', 'uom'],
  'factor.value': ['排放因子', '因子', '碳排放因子', '排放系数', 'emissionfactor', 'ef', 'factor', 'gwpfactor'],
  'factor.unit': ['排放因子单位', '因子单位', '排放系数单位', 'emissionfactorunit', 'efunit', 'factorunit'],
  'factor.gas': ['气体', '温室气体', '温室气体种类', 'gas', 'ghg', 'substance'],
  'emissions.value': ['排放量', '碳排放量', '温室气体排放量', '碳足迹', 'emissions', 'ghgemissions', 'emission', 'result'],
  'emissions.unit': ['排放量单位', '碳排放量单位', 'emissionsunit', 'emissionunit'],
  'source.name': [
    '来源',
    '数据来源',
    '因子来源',
    '排放因子来源',
    '数据库',
    '参考文献',
    'source',
    'datasource',
    'factorsource',
    'reference',
    'database',
    'dataset',
  ],
  'source.year': ['年份', '年', '因子年份', 'year', 'sourceyear'],
  'source.geography': ['地区', '地理', '区域', '适用地区', 'geography', 'region', 'country'],
  dataType: ['数据类型', '数据类别', '数据性质', '初级次级', 'datatype', 'primarysecondary'],
  'dataQuality.rating': ['数据质量', '质量评级', '数据质量评级', 'dataquality', 'dqr', 'quality'],
  notes: ['备注', '注释', '说明备注', 'notes', 'note', 'remark', 'remarks', 'comment', 'comments'],
  'precursor.cnCode': ['cn编码', 'cn码', '海关编码', 'hs编码', 'hs码', '商品编码', '税则号', 'cncode', 'hscode', 'cn'],
  'precursor.country': ['生产国', '原产国', '原产地', 'countryofproduction', 'countryoforigin', 'origin'],
  'precursor.direct': ['直接隐含排放', '直接特定隐含排放', 'seedirect', 'directembeddedemissions', 'directsee', 'see直接'],
  'precursor.indirect': ['间接隐含排放', '间接特定隐含排放', 'seeindirect', 'indirectembeddedemissions', 'indirectsee', 'see间接'],
  'electricity.source': ['电力来源', '电源类型', '用电来源', 'electricitysource', 'powersource'],
  'electricity.gridRegion': ['电网区域', '电网', '区域电网', 'gridregion', 'grid'],
};

const normHeader = (s: string): string => s.toLowerCase().replace(/[\s_\-–—·.()（）[\]【】/、,，:：;；#№]+/g, '');

export { MappingSchema, type Mapping, type MappingInput } from './schemas';
import { MappingSchema, type Mapping } from './schemas';

export interface HeaderInfo {
  column: string;
  text: string;
  /** Unit or factor unit written in brackets in the title, e.g. 活动数据（kWh）. */
  unitHint?: string;
}

/** Titles of the header row (merged cells spread over their columns; a merged group title above is prefixed). */
export function sheetHeaders(g: Grid, headerRow: number, problems?: ProblemList): HeaderInfo[] {
  const r = headerRow - 1;
  const row = g.rows[r] ?? [];
  const width = Math.max(row.length, ...g.merges.filter((m) => m.s.r <= r && m.e.r >= r).map((m) => m.e.c + 1), 0);
  const text: string[] = [];
  for (let c = 0; c < width; c++) text[c] = cellText(row[c])?.trim() ?? '';
  for (const m of g.merges) {
    if (m.s.r <= r && m.e.r >= r && (m.e.c > m.s.c || m.s.r < r)) {
      const v = cellText(g.rows[m.s.r]?.[m.s.c])?.trim() ?? '';
      for (let c = m.s.c; c <= m.e.c && c < width; c++) if (!text[c] || m.s.r < r) text[c] = v || text[c]!;
      problems?.add({
        severity: 'info',
        sheet: g.name,
        row: headerRow,
        column: colLetter(m.s.c),
        message: msg('import:warn.mergedHeader', { range: `${colLetter(m.s.c)}${m.s.r + 1}:${colLetter(m.e.c)}${m.e.r + 1}` }),
      });
    }
    // a group title merged across columns in the row just above the header row
    if (r > 0 && m.s.r === r - 1 && m.e.r === r - 1 && m.e.c > m.s.c) {
      const group = cellText(g.rows[m.s.r]?.[m.s.c])?.trim();
      if (group) for (let c = m.s.c; c <= m.e.c && c < width; c++) text[c] = text[c] ? `${group} ${text[c]}` : group;
    }
  }
  const seen = new Map<string, number>();
  const out: HeaderInfo[] = [];
  for (let c = 0; c < width; c++) {
    const t = text[c]!;
    const m = /[(（[【]\s*([^()（）[\]【】]{1,30})\s*[)）\]】]\s*$/.exec(t);
    const info: HeaderInfo = { column: colLetter(c), text: t };
    if (m) info.unitHint = m[1]!.trim();
    if (t) {
      const n = (seen.get(t) ?? 0) + 1;
      seen.set(t, n);
      if (n === 2)
        problems?.add({
          severity: 'info',
          sheet: g.name,
          row: headerRow,
          column: colLetter(c),
          message: msg('import:warn.duplicateHeader', { header: t.slice(0, 60) }),
        });
    }
    out.push(info);
  }
  return out;
}

/** Suggested mapping from header text: the longest matching hint wins; each field and column used once. */
export function suggestColumns(headers: HeaderInfo[]): Mapping['columns'] {
  const cands: { field: MapField; col: number; score: number }[] = [];
  headers.forEach((h, col) => {
    if (!h.text) return;
    const full = normHeader(h.text);
    const base = normHeader(h.text.replace(/[(（[【][^()（）[\]【】]*[)）\]】]\s*$/, ''));
    for (const field of MAP_FIELDS) {
      let best = 0;
      for (const hint of HINTS[field]) {
        const nh = normHeader(hint);
        if (!nh) continue;
        if (base === nh || full === nh) best = Math.max(best, 1000 + nh.length);
        else if (nh.length >= 2 && (base.includes(nh) || (nh.length >= 4 && full.includes(nh))))
          best = Math.max(best, nh.length * (base.startsWith(nh) ? 3 : 2));
      }
      if (best > 0) cands.push({ field, col, score: best });
    }
  });
  cands.sort((a, b) => b.score - a.score || a.col - b.col);
  const usedF = new Set<MapField>();
  const usedC = new Set<number>();
  const out: Mapping['columns'] = [];
  for (const c of cands) {
    if (usedF.has(c.field) || usedC.has(c.col)) continue;
    usedF.add(c.field);
    usedC.add(c.col);
    out.push({ field: c.field, column: headers[c.col]!.column, header: headers[c.col]!.text });
  }
  return out.sort((a, b) => MAP_FIELDS.indexOf(a.field) - MAP_FIELDS.indexOf(b.field));
}

/** The first row (of the first 30) that looks most like a header row. */
export function guessHeaderRow(g: Grid): number {
  let best = 1;
  let bestScore = -1;
  for (let r = 0; r < Math.min(30, g.rows.length); r++) {
    const row = g.rows[r] ?? [];
    const texts = row.filter((v) => typeof v === 'string' && v.trim() !== '' && cellNumber(v) === undefined).length;
    if (texts < 2) continue;
    const score = suggestColumns(sheetHeaders(g, r + 1)).length * 10 + texts;
    if (score > bestScore) {
      bestScore = score;
      best = r + 1;
    }
  }
  return best;
}

function fnv(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Shape signature of a sheet: its name and header cells (row number included). */
export function shapeSignature(sheet: string, headerRow: number, headers: HeaderInfo[]): string {
  const s = [sheet.trim(), String(headerRow), ...headers.map((h) => h.text)].join('\u0001');
  return `${fnv(s, 0x811c9dc5)}${fnv(s, 0x01234567)}`;
}

/** Parse a mapping document (JSON text or object); returns problems rather than throwing. */
export function parseMapping(input: unknown): { ok: true; mapping: Mapping } | { ok: false; problem: ImportProblem } {
  let v = input;
  if (typeof input === 'string') {
    // the strict reader: duplicate keys, __proto__, depth, numbers out of range are reported, not taken last-wins
    const j = parseJsonStrict(input);
    if (!j.ok) {
      const p = j.problems[0]!;
      return {
        ok: false,
        problem: {
          severity: 'error',
          message: { key: p.message.key, params: { ...p.message.params, field: `$raw:${p.path.join('.') || '—'}` } },
          fix: msg('import:fix.mappingFile'),
        },
      };
    }
    v = j.value;
  }
  const r = MappingSchema.safeParse(v);
  if (!r.success) {
    const i = r.error.issues[0]!;
    return {
      ok: false,
      problem: { severity: 'error', message: msg('import:error.mappingInvalid', { detail: `${i.path.join('.') || '—'}` }), fix: msg('import:fix.mappingFile') },
    };
  }
  return { ok: true, mapping: r.data };
}

// ------------------------------------------------------------------------------------------------------------
// applying a mapping

export type { PreviewRow } from './mapping-rows';
export { parseFactorUnit } from './factor-unit';

export interface GenericImport {
  kind: 'generic';
  /** False when the mapping lacks required fields (the UI shows the mapping screen). */
  ready: boolean;
  sheets: { name: string; rows: number; hidden: boolean }[];
  sheet: string;
  headerRow: number;
  headers: HeaderInfo[];
  signature: string;
  suggested: Mapping['columns'];
  mapping: Mapping;
  preview: PreviewRow[];
  lines: InventoryLine[];
  /** The base dataset with the lines added (when a base was given and every row is valid, or acceptValid). */
  dataset?: Dataset;
  problems: ImportProblem[];
  rows: { total: number; valid: number; rejected: number };
  rejectedRows: number[];
}

const REQUIRED: { field: MapField; alt?: (m: Mapping, hint: (f: MapField) => string | undefined) => boolean }[] = [
  { field: 'stage', alt: (m) => !!m.defaults.stage },
  { field: 'category', alt: (m) => !!m.defaults.category },
  { field: 'activity.amount' },
  { field: 'activity.unit', alt: (m, hint) => !!m.defaults.activityUnit || !!hint('activity.amount') },
  { field: 'factor.value', alt: (m) => m.columns.some((c) => c.field === 'emissions.value') },
];

export interface ApplyOptions {
  date1904?: boolean;
  previewRows?: number;
  base?: Dataset;
  /** Replace the base dataset's inventory instead of appending to it. */
  replace?: boolean;
  acceptValid?: boolean;
  maxProblems?: number;
  sheets?: GenericImport['sheets'];
  extraProblems?: ImportProblem[];
}

/** The result before any row is read: the sheet, its headers and signature, the suggested and the given mapping. */
function emptyResult(g: Grid, mapping: Mapping, headers: HeaderInfo[], opts: ApplyOptions): GenericImport {
  return {
    kind: 'generic',
    ready: false,
    sheets: opts.sheets ?? [{ name: g.name, rows: g.rows.length, hidden: g.hidden }],
    sheet: g.name,
    headerRow: mapping.headerRow,
    headers,
    signature: shapeSignature(g.name, mapping.headerRow, headers),
    suggested: suggestColumns(headers),
    mapping,
    preview: [],
    lines: [],
    problems: [],
    rows: { total: 0, valid: 0, rejected: 0 },
    rejectedRows: [],
  };
}

/** Why no row can be read: a required field not mapped (nor given a default), or a header row past the sheet's end. */
function blockingProblem(g: Grid, mapping: Mapping, col: Map<MapField, number>, hintOf: (f: MapField) => string | undefined): ImportProblem | undefined {
  const headerRow = mapping.headerRow;
  const missing = REQUIRED.filter((r) => !col.has(r.field) && !(r.alt?.(mapping, hintOf) ?? false)).map((r) => r.field);
  if (missing.length)
    return {
      severity: 'error',
      sheet: g.name,
      row: headerRow,
      message: msg('import:error.mappingIncomplete', { fields: missing.map((f) => `$t:${mapFieldLabelKey(f)}`).join(', ') }),
      fix: msg('import:fix.mapColumns'),
    };
  if (headerRow > g.rows.length)
    return {
      severity: 'error',
      sheet: g.name,
      message: msg('import:error.headerRowOutOfRange', { row: headerRow, rows: g.rows.length }),
      fix: msg('import:fix.chooseHeaderRow', { rows: g.rows.length }),
    };
  return undefined;
}

/** The defaults rows are read with: the mapping's, and units written in brackets in the header titles (said once). */
function rowContext(g: Grid, mapping: Mapping, headers: HeaderInfo[], col: Map<MapField, number>, problems: ProblemList): RowContext {
  const d = mapping.defaults;
  const hintOf = (f: MapField): string | undefined => (col.has(f) ? headers[col.get(f)!]?.unitHint : undefined);
  let activityUnit: Unit | undefined = d.activityUnit ? parseUnit(d.activityUnit) : undefined;
  const actHint = hintOf('activity.amount');
  if (!col.has('activity.unit') && !activityUnit && actHint) {
    activityUnit = parseUnit(actHint);
    if (activityUnit)
      problems.add({
        severity: 'info',
        sheet: g.name,
        row: mapping.headerRow,
        column: colLetter(col.get('activity.amount')!),
        message: msg('import:warn.unitFromHeader', { unit: activityUnit, header: headers[col.get('activity.amount')!]!.text }),
      });
  }
  const fHint = hintOf('factor.value');
  const factorUnit = !col.has('factor.unit') && fHint ? parseFactorUnit(fHint) : undefined;
  const eHint = hintOf('emissions.value');
  const emissionsUnit = !col.has('emissions.unit') && eHint ? parseFactorUnit(eHint) : undefined;
  if (!col.has('location') && !d.location) problems.add({ severity: 'info', sheet: g.name, message: msg('import:warn.locationDerived') });
  if (!col.has('dataType') && !d.dataType)
    problems.add({ severity: 'info', sheet: g.name, message: msg('import:warn.dataTypeDefault', { value: '$t:core:dataType.secondary' }) });
  return { g, col, defaults: d, activityUnit, factorUnit, emissionsUnit, problems, reported: new Set() };
}

/** Formulas are never run: the value Excel last calculated is used, and each formula cell in a mapped column is reported. */
function reportFormulas(g: Grid, headerRow: number, col: Map<MapField, number>, problems: ProblemList): void {
  const mappedCols = new Set(col.values());
  for (const fm of g.formulas) {
    if (fm.r < headerRow || !mappedCols.has(fm.c)) continue;
    problems.add({
      severity: 'warning',
      sheet: g.name,
      row: fm.r + 1,
      column: colLetter(fm.c),
      message: msg(fm.cached ? 'import:warn.formula' : 'import:warn.formulaNoValue', { formula: `=${fm.f.slice(0, 80)}` }),
      fix: msg('import:fix.formula'),
    });
  }
}

/** The lines that passed, the rows rejected, and the dataset (when a base was given and the lines are accepted). */
function checkedResult(empty: GenericImport, ctx: RowContext, rows: ReadRows, opts: ApplyOptions): GenericImport {
  const { valid, rejected, offset } = checkLines(ctx, rows, opts);
  const validLines = valid ? valid.inventory.slice(offset) : [];
  const rejectedRows = [...rejected].map((i) => rows.rowOf[i]!).sort((a, b) => a - b);
  for (const pr of rows.preview) if (rejectedRows.includes(pr.row)) pr.ok = false;
  const accept = rejected.size === 0 || !!opts.acceptValid;
  if (valid && rejected.size && opts.acceptValid)
    ctx.problems.add({ severity: 'warning', message: msg('import:warn.rowsSkipped', { count: rejected.size, valid: validLines.length }) });
  return {
    ...empty,
    ready: true,
    preview: rows.preview,
    lines: validLines,
    ...(opts.base && valid && accept ? { dataset: valid } : {}),
    problems: ctx.problems.done(),
    rows: { total: rows.lines.length, valid: validLines.length, rejected: rejected.size },
    rejectedRows,
  };
}

/** Map the rows below the header row to inventory lines; validate them with the core's dataset checks. */
export function applyMapping(g: Grid, mapping: Mapping, opts: ApplyOptions = {}): GenericImport {
  const problems = new ProblemList(opts.maxProblems ?? LIMITS.maxProblems);
  for (const p of opts.extraProblems ?? []) problems.add(p);
  const headers = sheetHeaders(g, mapping.headerRow, problems);
  const empty = emptyResult(g, mapping, headers, opts);
  const col = new Map<MapField, number>();
  for (const c of mapping.columns) col.set(c.field, colIndex(c.column));
  const blocked = blockingProblem(g, mapping, col, (f) => (col.has(f) ? headers[col.get(f)!]?.unitHint : undefined));
  if (blocked) {
    problems.add(blocked);
    return { ...empty, problems: problems.done() };
  }
  const ctx = rowContext(g, mapping, headers, col, problems);
  reportFormulas(g, mapping.headerRow, col, problems);
  const rows = readRows(ctx, mapping.headerRow, opts.previewRows ?? LIMITS.previewRows);
  if (rows.lines.length === 0) {
    problems.add({
      severity: 'error',
      sheet: g.name,
      message: msg('import:error.noData', { sheet: g.name }),
      fix: msg('import:fix.chooseHeaderRow', { rows: g.rows.length }),
    });
    return { ...empty, ready: true, problems: problems.done() };
  }
  return checkedResult(empty, ctx, rows, opts);
}

/**
 * Any footprint sheet → inventory lines, through a column mapping: choose the sheet and the header row, map
 * columns to dataset fields (suggested from Chinese and English header text), read units with parseUnit and
 * numbers with parseNumberText, and preview before anything is saved. A mapping is a small JSON document,
 * remembered per "shape" (a signature of the sheet name and header cells).
 */
import { msg } from '../i18n/message';
import { DATASET_FORMAT, DATASET_FORMAT_VERSION, type Dataset, type InventoryLine } from '../model/dataset';
import { MASS_UNITS, parseUnit, type Unit } from '../model/units';
import { validateDataset } from '../model/validate';
import { parseJsonStrict } from '../model/json';
import { LIMITS } from './limits';
import { ProblemList, type ImportProblem } from './problems';
import { colIndex, colLetter } from '../xlsx/columns';
import { cellKey, type CellValue, type Grid } from './read';
import { LISTS, cellNumber, cellText, isEmpty, listCode, serialToIso } from './values';
import { fixForCore } from './workbook';

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

export interface PreviewRow {
  row: number;
  /** Mapped cells as read: [field, value]. */
  cells: [MapField, CellValue][];
  ok: boolean;
}

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

/** A valid dataset around the lines when no base is given: only used to run the dataset checks on lines. */
const SKELETON = {
  format: DATASET_FORMAT,
  formatVersion: DATASET_FORMAT_VERSION,
  product: { name: {}, functionalUnit: { amount: 1, unit: 't' } },
  producer: { name: '-', country: 'CN' },
  installations: [],
  period: { start: '2000-01-01', end: '2000-12-31' },
  study: { standard: '-', boundary: 'cradle-to-gate', allocation: { method: 'none' }, gwpSet: 'AR6' },
  basis: { kind: 'per-functional-unit' },
  inventory: [],
};

const REQUIRED: { field: MapField; alt?: (m: Mapping, hint: (f: MapField) => string | undefined) => boolean }[] = [
  { field: 'stage', alt: (m) => !!m.defaults.stage },
  { field: 'category', alt: (m) => !!m.defaults.category },
  { field: 'activity.amount' },
  { field: 'activity.unit', alt: (m, hint) => !!m.defaults.activityUnit || !!hint('activity.amount') },
  { field: 'factor.value', alt: (m) => m.columns.some((c) => c.field === 'emissions.value') },
];

interface FactorUnit {
  massUnit?: string;
  gas?: string;
  perUnit?: Unit;
}
/** "kgCO2e/kWh", "t CO2 / t", "吨CO2/吨", "kg/t" → parts (undefined where not given). */
export function parseFactorUnit(s: string): FactorUnit | undefined {
  const t = s.trim().replace(/[₂]/g, '2').replace(/\s+/g, ' ');
  const [num, den, ...rest] = t.split(/\s*[/／]\s*|\s+per\s+|\s*每\s*/i);
  if (rest.length || num === undefined) return undefined;
  const m = /^(kg|g|t|tonnes?|tons?|千克|公斤|克|吨)\s*(.*)$/i.exec(num.trim());
  if (!m) return undefined;
  const mass = parseUnit(m[1]!);
  if (!mass || !(MASS_UNITS as readonly string[]).includes(mass)) return undefined;
  const gasText = m[2]!.trim();
  const gas = gasText ? listCode('gas', gasText) : undefined;
  if (gasText && !gas) return undefined;
  const out: FactorUnit = { massUnit: mass };
  if (gas) out.gas = gas;
  if (den !== undefined) {
    const u = parseUnit(den);
    if (!u) return undefined;
    out.perUnit = u;
  }
  return out;
}

const LINE_PATH_FIELD: [string, MapField[]][] = [
  ['id', ['id']],
  ['description', ['description']],
  ['stage', ['stage']],
  ['category', ['category']],
  ['location', ['location']],
  ['installationId', ['installationId']],
  ['activity.amount', ['activity.amount']],
  ['activity.unit', ['activity.unit', 'activity.amount']],
  ['activity', ['activity.amount']],
  ['emissions.massUnit', ['factor.unit', 'emissions.unit', 'factor.value', 'emissions.value']],
  ['emissions.perUnit', ['factor.unit', 'factor.value']],
  ['emissions.gases', ['factor.value', 'emissions.value']],
  ['emissions.source', ['source.name', 'factor.value']],
  ['emissions', ['factor.value', 'emissions.value']],
  ['dataType', ['dataType']],
  ['dataQuality', ['dataQuality.rating']],
  ['precursor.cnCode', ['precursor.cnCode']],
  ['precursor.countryOfProduction', ['precursor.country', 'precursor.cnCode']],
  ['precursor.embedded.indirect', ['precursor.indirect']],
  ['precursor.embedded', ['precursor.direct']],
  ['precursor', ['precursor.cnCode']],
  ['electricity', ['electricity.source']],
  ['notes', ['notes']],
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

/** Map the rows below the header row to inventory lines; validate them with the core's dataset checks. */
export function applyMapping(g: Grid, mapping: Mapping, opts: ApplyOptions = {}): GenericImport {
  const problems = new ProblemList(opts.maxProblems ?? LIMITS.maxProblems);
  for (const p of opts.extraProblems ?? []) problems.add(p);
  const headerRow = mapping.headerRow;
  const headers = sheetHeaders(g, headerRow, problems);
  const signature = shapeSignature(g.name, headerRow, headers);
  const suggested = suggestColumns(headers);
  const col = new Map<MapField, number>();
  for (const c of mapping.columns) col.set(c.field, colIndex(c.column));
  const hintOf = (f: MapField): string | undefined => (col.has(f) ? headers[col.get(f)!]?.unitHint : undefined);
  const base: GenericImport = {
    kind: 'generic',
    ready: false,
    sheets: opts.sheets ?? [{ name: g.name, rows: g.rows.length, hidden: g.hidden }],
    sheet: g.name,
    headerRow,
    headers,
    signature,
    suggested,
    mapping,
    preview: [],
    lines: [],
    problems: [],
    rows: { total: 0, valid: 0, rejected: 0 },
    rejectedRows: [],
  };
  const missing = REQUIRED.filter((r) => !col.has(r.field) && !(r.alt?.(mapping, hintOf) ?? false)).map((r) => r.field);
  if (missing.length) {
    problems.add({
      severity: 'error',
      sheet: g.name,
      row: headerRow,
      message: msg('import:error.mappingIncomplete', { fields: missing.map((f) => `$t:${mapFieldLabelKey(f)}`).join(', ') }),
      fix: msg('import:fix.mapColumns'),
    });
    return { ...base, problems: problems.done() };
  }
  if (headerRow > g.rows.length) {
    problems.add({
      severity: 'error',
      sheet: g.name,
      message: msg('import:error.headerRowOutOfRange', { row: headerRow, rows: g.rows.length }),
      fix: msg('import:fix.chooseHeaderRow', { rows: g.rows.length }),
    });
    return { ...base, problems: problems.done() };
  }
  // defaults from the header's bracketed units
  const d = mapping.defaults;
  let activityUnitDefault: Unit | undefined = d.activityUnit ? parseUnit(d.activityUnit) : undefined;
  const actHint = hintOf('activity.amount');
  if (!col.has('activity.unit') && !activityUnitDefault && actHint) {
    activityUnitDefault = parseUnit(actHint);
    if (activityUnitDefault)
      problems.add({
        severity: 'info',
        sheet: g.name,
        row: headerRow,
        column: colLetter(col.get('activity.amount')!),
        message: msg('import:warn.unitFromHeader', { unit: activityUnitDefault, header: headers[col.get('activity.amount')!]!.text }),
      });
  }
  const fHint = hintOf('factor.value');
  const factorUnitDefault = !col.has('factor.unit') && fHint ? parseFactorUnit(fHint) : undefined;
  const eHint = hintOf('emissions.value');
  const emUnitDefault = !col.has('emissions.unit') && eHint ? parseFactorUnit(eHint) : undefined;
  if (!col.has('location') && !d.location) problems.add({ severity: 'info', sheet: g.name, message: msg('import:warn.locationDerived') });
  if (!col.has('dataType') && !d.dataType)
    problems.add({ severity: 'info', sheet: g.name, message: msg('import:warn.dataTypeDefault', { value: '$t:core:dataType.secondary' }) });

  // formulas are never run: the value Excel last calculated is used, and each formula cell is reported
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
  const previewN = opts.previewRows ?? LIMITS.previewRows;
  const lines: InventoryLine[] = [];
  const rowOf: number[] = [];
  const bad = new Set<number>();
  const reported = new Set<string>();
  const preview: PreviewRow[] = [];
  const mapped = [...col.entries()];
  const ids = new Set<string>();
  let bothWarned = false;

  for (let r = headerRow; r < g.rows.length; r++) {
    const row = g.rows[r];
    if (!row) continue;
    let any = false;
    for (const [, c] of mapped)
      if (!isEmpty(row[c]) || g.bad.has(cellKey(r, c))) {
        any = true;
        break;
      }
    if (!any) continue;
    const index = lines.length;
    const sheetRow = r + 1;
    let rowBad = false;
    const err = (f: MapField, key: string, params: Record<string, string | number>, fix: string, fixParams?: Record<string, string | number>) => {
      rowBad = true;
      reported.add(`${index}.${f}`);
      problems.add({
        severity: 'error',
        sheet: g.name,
        row: sheetRow,
        ...(col.has(f) ? { column: colLetter(col.get(f)!) } : {}),
        field: f,
        message: msg(`import:${key}`, params),
        fix: msg(`import:fix.${fix}`, fixParams),
      });
    };
    const cell = (f: MapField): CellValue | undefined => {
      const c = col.get(f);
      if (c === undefined) return undefined;
      const issue = g.bad.get(cellKey(r, c));
      if (issue) {
        rowBad = true;
        reported.add(`${index}.${f}`);
        problems.add({ ...issue, field: f });
        return undefined;
      }
      const v = row[c];
      if (typeof v === 'string' && /^[=+\-@]/.test(v) && cellNumber(v) === undefined)
        problems.add({
          severity: 'warning',
          sheet: g.name,
          row: sheetRow,
          column: colLetter(c),
          field: f,
          message: msg('import:warn.looksLikeFormula'),
          fix: msg('import:fix.formulaText'),
        });
      return v;
    };
    const show = (v: CellValue | undefined) => String(v ?? '').slice(0, 60);
    const num = (f: MapField): number | undefined => {
      const v = cell(f);
      if (isEmpty(v)) return undefined;
      const n = cellNumber(v);
      if (n === undefined) err(f, 'problem.notANumber', { value: show(v) }, 'typeNumber');
      return n;
    };
    const text = (f: MapField): string | undefined => {
      const v = cell(f);
      return isEmpty(v) ? undefined : cellText(v);
    };
    const list = (f: MapField, name: keyof typeof LISTS, dflt?: string): string | undefined => {
      const v = cell(f);
      if (isEmpty(v)) return dflt;
      const code = listCode(name, v);
      if (code === undefined) err(f, 'problem.notInList', { value: show(v) }, 'useList', { allowed: LISTS[name].codes.join(', ') });
      return code;
    };

    const line: Record<string, unknown> = {};
    const idText = text('id')?.trim();
    let id = idText || `R${sheetRow}`;
    if (!idText && ids.has(id)) id = `R${sheetRow}-${index}`;
    ids.add(id);
    line.id = id;
    line.description = text('description') ?? '';
    const stage = list('stage', 'stage', d.stage);
    if (stage) line.stage = stage;
    const category = list('category', 'category', d.category);
    if (category) line.category = category;
    const location =
      list('location', 'location', d.location) ??
      (stage ? (stage === 'raw-material-acquisition' ? 'upstream' : stage === 'production' ? 'installation' : 'downstream') : undefined);
    if (location) line.location = location;
    const inst = text('installationId')?.trim();
    if (inst) line.installationId = inst;
    const amount = num('activity.amount');
    const unitCell = cell('activity.unit');
    let unit: Unit | undefined = activityUnitDefault;
    if (!isEmpty(unitCell)) {
      unit = typeof unitCell === 'string' ? parseUnit(unitCell) : undefined;
      if (!unit)
        err('activity.unit', 'problem.unknownUnit', { value: show(unitCell) }, 'useList', {
          allowed: 't, kg, g, kWh, MWh, GJ, TJ, MJ, Nm3, 1000 Nm3, m3, L, tkm, piece',
        });
    }
    line.activity = { ...(amount !== undefined ? { amount } : {}), ...(unit ? { unit } : {}) };

    // emissions: a factor, else a measured amount
    const fv = num('factor.value');
    const ev = num('emissions.value');
    const gasCell = cell('factor.gas');
    let gas: string | undefined;
    if (!isEmpty(gasCell)) {
      gas = listCode('gas', gasCell);
      if (!gas) err('factor.gas', 'problem.notInList', { value: show(gasCell) }, 'useList', { allowed: LISTS.gas.codes.join(', ') });
    }
    const source: Record<string, unknown> = {};
    const sn = text('source.name') ?? d.sourceName;
    if (sn !== undefined) source.name = sn;
    const syCell = cell('source.year');
    if (!isEmpty(syCell)) {
      let y = cellNumber(syCell);
      if (y !== undefined && y > 3000) {
        const iso = serialToIso(y);
        y = iso ? Number(iso.slice(0, 4)) : y;
      }
      if (y === undefined) err('source.year', 'problem.notANumber', { value: show(syCell) }, 'typeNumber');
      else source.year = y;
    } else if (d.sourceYear !== undefined) source.year = d.sourceYear;
    const sg = text('source.geography') ?? d.sourceGeography;
    if (sg !== undefined) source.geography = sg;
    if (fv !== undefined) {
      if (ev !== undefined && !bothWarned) {
        bothWarned = true;
        problems.add({ severity: 'info', sheet: g.name, row: sheetRow, message: msg('import:warn.emissionsIgnored') });
      }
      const fuCell = cell('factor.unit');
      let fu: FactorUnit | undefined = factorUnitDefault;
      if (!isEmpty(fuCell)) {
        fu = typeof fuCell === 'string' ? parseFactorUnit(fuCell) : undefined;
        if (!fu) err('factor.unit', 'problem.factorUnit', { value: show(fuCell) }, 'factorUnit');
      }
      const g2 = gas ?? fu?.gas ?? d.gas;
      if (!g2 && !rowBad) err('factor.gas', 'problem.noGas', {}, 'mapColumns');
      const massUnit = fu?.massUnit ?? d.massUnit;
      if (!massUnit && !rowBad) err('factor.unit', 'problem.factorUnit', { value: show(fuCell) }, 'factorUnit');
      line.emissions = {
        kind: 'factors',
        ...(massUnit ? { massUnit } : {}),
        ...((fu?.perUnit ?? unit) ? { perUnit: fu?.perUnit ?? unit } : {}),
        gases: g2 ? { [g2]: fv } : {},
        source,
      };
    } else if (ev !== undefined) {
      const euCell = cell('emissions.unit');
      let eu: FactorUnit | undefined = emUnitDefault;
      if (!isEmpty(euCell)) {
        eu = typeof euCell === 'string' ? parseFactorUnit(euCell) : undefined;
        if (!eu) err('emissions.unit', 'problem.factorUnit', { value: show(euCell) }, 'factorUnit');
      }
      const g2 = gas ?? eu?.gas ?? d.gas;
      if (!g2 && !rowBad) err('factor.gas', 'problem.noGas', {}, 'mapColumns');
      const massUnit = eu?.massUnit ?? d.massUnit;
      if (!massUnit && !rowBad) err('emissions.unit', 'problem.factorUnit', { value: show(euCell) }, 'factorUnit');
      line.emissions = {
        kind: 'measured',
        ...(massUnit ? { massUnit } : {}),
        gases: g2 ? { [g2]: ev } : {},
        ...(Object.keys(source).length ? { source } : {}),
      };
    }
    const dt = list('dataType', 'dataType', d.dataType) ?? 'secondary';
    line.dataType = dt;
    const q = num('dataQuality.rating');
    if (q !== undefined) line.dataQuality = { rating: q };
    const cn = text('precursor.cnCode')?.trim();
    if (cn) {
      const pc: Record<string, unknown> = { cnCode: cn };
      const country = text('precursor.country')?.trim().toUpperCase();
      if (country) pc.countryOfProduction = country;
      const dir = num('precursor.direct');
      const ind = num('precursor.indirect');
      if (dir !== undefined) pc.embedded = { direct: dir, ...(ind !== undefined ? { indirect: ind } : {}) };
      line.precursor = pc;
    }
    const es = list('electricity.source', 'electricitySource');
    if (es) {
      const gr = text('electricity.gridRegion');
      line.electricity = { source: es, ...(gr ? { gridRegion: gr } : {}) };
    }
    const notes = text('notes');
    if (notes !== undefined) line.notes = notes;

    if (rowBad) bad.add(index);
    lines.push(line as unknown as InventoryLine);
    rowOf.push(sheetRow);
    if (preview.length < previewN) preview.push({ row: sheetRow, cells: mapped.map(([f, c]) => [f, row[c] ?? null]), ok: !rowBad });
  }
  if (lines.length === 0) {
    problems.add({
      severity: 'error',
      sheet: g.name,
      message: msg('import:error.noData', { sheet: g.name }),
      fix: msg('import:fix.chooseHeaderRow', { rows: g.rows.length }),
    });
    return { ...base, ready: true, problems: problems.done() };
  }

  // dataset checks: the lines inside the base dataset (or a neutral skeleton), bad rows left out pass by pass
  const baseDs = (opts.base ?? SKELETON) as Record<string, unknown> & { inventory: unknown[] };
  const offset = opts.replace ? 0 : baseDs.inventory.length;
  const before = opts.replace ? [] : baseDs.inventory;
  const rejected = new Set<number>(bad);
  let kept = lines.map((_, i) => i).filter((i) => !rejected.has(i));
  let valid: Dataset | undefined;
  const locate = (rest: (string | number)[]): MapField | undefined => {
    const p = rest.filter((x) => typeof x === 'string').join('.');
    for (const [prefix, fields] of LINE_PATH_FIELD) if (p === prefix || p.startsWith(`${prefix}.`)) return fields.find((f) => col.has(f)) ?? fields[0];
    return undefined;
  };
  for (let pass = 0; pass < 3; pass++) {
    const v = validateDataset({ ...baseDs, inventory: [...before, ...kept.map((i) => lines[i])] });
    const newBad = new Set<number>();
    for (const p of v.problems) {
      if (p.path[0] !== 'inventory' || typeof p.path[1] !== 'number' || p.path[1] < offset) continue;
      const li = kept[p.path[1] - offset]!;
      const f = locate(p.path.slice(2));
      if (p.severity === 'error') newBad.add(li);
      if (f && reported.has(`${li}.${f}`)) continue;
      if (f) reported.add(`${li}.${f}`);
      let message = p.message;
      if (message.key === 'core:validation.duplicateId' && typeof message.params?.firstRow === 'number') {
        const first = message.params.firstRow - 1 - offset;
        if (first >= 0 && kept[first] !== undefined) message = { ...message, params: { ...message.params, firstRow: rowOf[kept[first]!]! } };
      }
      problems.add({
        severity: p.severity,
        sheet: g.name,
        row: rowOf[li]!,
        ...(f && col.has(f) ? { column: colLetter(col.get(f)!) } : {}),
        ...(f ? { field: f } : {}),
        message,
        fix: fixForCore(p.message.key),
      });
    }
    if (v.ok && v.dataset && newBad.size === 0) {
      valid = v.dataset;
      break;
    }
    if (newBad.size === 0) break;
    for (const i of newBad) rejected.add(i);
    kept = kept.filter((i) => !rejected.has(i));
  }
  const validLines = valid ? valid.inventory.slice(offset) : [];
  const rejectedRows = [...rejected].map((i) => rowOf[i]!).sort((a, b) => a - b);
  for (const pr of preview) if (rejectedRows.includes(pr.row)) pr.ok = false;
  const accept = rejected.size === 0 || !!opts.acceptValid;
  if (valid && rejected.size && opts.acceptValid)
    problems.add({ severity: 'warning', message: msg('import:warn.rowsSkipped', { count: rejected.size, valid: validLines.length }) });
  return {
    ...base,
    ready: true,
    preview,
    lines: validLines,
    ...(opts.base && valid && accept ? { dataset: valid } : {}),
    problems: problems.done(),
    rows: { total: lines.length, valid: validLines.length, rejected: rejected.size },
    rejectedRows,
  };
}

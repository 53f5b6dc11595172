#!/usr/bin/env node
// Builds src/core/cbam/docs/template-map.json from a copy of the Commission's
// "CBAM Communication template for installations" (v2.1.1, 13 Dec 2024).
//
//   node tools/build-template-map.mjs [template.xlsx] [out.json]
//
// The map lists, per sheet, the cells a user may write: cells whose cell style (cellXfs entry) has
// <protection locked="0"/> in a protected sheet. Of a merged range only the top-left cell is listed.
// It also records how to recognise the template (sheet names, version cells) and the drop-down lists the
// input cells are validated against (values read from the cached cell values of the named ranges), so the
// filler can refuse a value the template would reject. The template itself is never shipped with the app.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';

const src = process.argv[2] ?? '../shared/cbam/official/CBAM Communication template for installations_en_20241213.xlsx';
const out = process.argv[3] ?? 'src/core/cbam/docs/template-map.json';
const bytes = new Uint8Array(readFileSync(src));
const files = unzipSync(bytes);
const text = (p) => {
  const f = files[p];
  if (!f) throw new Error(`missing part ${p}`);
  return strFromU8(f);
};
const unesc = (s) =>
  s.replace(/&(lt|gt|amp|quot|apos|#x?[0-9a-fA-F]+);/g, (m, e) =>
    e === 'lt'
      ? '<'
      : e === 'gt'
        ? '>'
        : e === 'amp'
          ? '&'
          : e === 'quot'
            ? '"'
            : e === 'apos'
              ? "'"
              : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

// --- styles: which cellXfs are unlocked
const styles = text('xl/styles.xml');
const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)[1];
const xfs = cellXfs.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g);
const unlocked = new Set();
xfs.forEach((x, i) => {
  if (/<protection\b[^>]*locked="0"/.test(x)) unlocked.add(i);
});

// --- shared strings
const sst = (text('xl/sharedStrings.xml').match(/<si>[\s\S]*?<\/si>/g) ?? []).map((si) =>
  unesc((si.match(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')),
);

// --- workbook: sheet name -> part
const wb = text('xl/workbook.xml');
const rels = text('xl/_rels/workbook.xml.rels');
const relTarget = {};
for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
  const id = /Id="([^"]+)"/.exec(m[0])[1];
  const t = /Target="([^"]+)"/.exec(m[0])[1];
  relTarget[id] = t.startsWith('/') ? t.slice(1) : `xl/${t}`;
}
const sheets = [];
for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
  const name = unesc(/name="([^"]+)"/.exec(m[0])[1]);
  const rid = /r:id="([^"]+)"/.exec(m[0])[1];
  sheets.push({ name, path: relTarget[rid], hidden: /state="hidden"/.test(m[0]) });
}
const definedNames = {};
for (const m of wb.matchAll(/<definedName name="([^"]+)"[^>]*>([^<]*)<\/definedName>/g)) definedNames[m[1]] = unesc(m[2]);

const colNum = (c) => [...c].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colName = (n) => {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

// parse a sheet into cells {ref: {s, t, v}}
function parseSheet(xml) {
  const cells = new Map();
  for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, col, row, attrs, inner = ''] = m;
    const s = Number(/\ss="(\d+)"/.exec(attrs)?.[1] ?? 0);
    const t = /\st="(\w+)"/.exec(attrs)?.[1] ?? 'n';
    let v = /<v(?:\s[^>]*)?>([^<]*)<\/v>/.exec(inner)?.[1];
    if (v !== undefined) v = unesc(v);
    if (t === 's' && v !== undefined) v = sst[Number(v)];
    if (t === 'inlineStr') v = unesc((/<t[^>]*>([^<]*)<\/t>/.exec(inner) ?? [])[1] ?? '');
    cells.set(`${col}${row}`, { col, row: Number(row), s, t, v, formula: /<f[\s>]/.test(inner) });
  }
  return cells;
}
const parsed = {};
for (const sh of sheets) parsed[sh.name] = { xml: text(sh.path), cells: null };
const cellsOf = (name) => (parsed[name].cells ??= parseSheet(parsed[name].xml));

// --- writable cells per protected sheet
const sheetMap = {};
for (const sh of sheets) {
  const xml = parsed[sh.name].xml;
  const isProtected = /<sheetProtection\b[^>]*sheet="1"/.test(xml);
  const covered = new Set(); // non-anchor cells of merged ranges
  for (const m of xml.matchAll(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const [c1, r1, c2, r2] = [colNum(m[1]), Number(m[2]), colNum(m[3]), Number(m[4])];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) covered.add(`${colName(c)}${r}`);
  }
  const writable = [];
  for (const [ref, c] of cellsOf(sh.name)) if (unlocked.has(c.s) && !c.formula && !covered.has(ref)) writable.push(ref);
  const validations = [];
  for (const m of xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)) {
    const type = /type="(\w+)"/.exec(m[1])?.[1];
    const sqref = /sqref="([^"]+)"/.exec(m[1])[1];
    const f1 = unesc(/<formula1>([^<]*)<\/formula1>/.exec(m[2])?.[1] ?? '');
    const f2 = unesc(/<formula2>([^<]*)<\/formula2>/.exec(m[2])?.[1] ?? '');
    if (type) validations.push({ sqref, type, formula1: f1, ...(f2 ? { formula2: f2 } : {}) });
  }
  sheetMap[sh.name] = { path: sh.path, hidden: sh.hidden, protected: isProtected, writable, validations };
}

// --- values of a named range (cached values)
function rangeValues(ref) {
  const m = /^'?([^'!]+)'?!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return null;
  const [, sheet, c1, r1, c2 = c1, r2 = r1] = m;
  const cells = cellsOf(sheet);
  const vals = [];
  for (let r = Number(r1); r <= Number(r2); r++)
    for (let c = colNum(c1); c <= colNum(c2); c++) {
      const cell = cells.get(`${colName(c)}${r}`);
      vals.push(cell?.t === 'b' ? cell.v === '1' : (cell?.v ?? ''));
    }
  return vals;
}
const lists = {};
for (const name of [
  'CONST_LIST_Goods',
  'CONST_LIST_GoodsUnit',
  'CONST_ElecSource',
  'CONST_TrueFalse',
  'CONST_MonitoringApproach',
  'CONST_torkNm3',
  'CONST_tCO2pTJOrtCO2pt',
  'CONST_PFCSlopeOrOvervoltage',
  'CONST_CEMSType',
  'CONST_DataQuality',
  'CONST_DataQualityJustification',
  'CONST_DataVerification',
  'CONST_CarbonPriceType',
  'CONST_RebateType',
  'CONST_ReducingAgent',
  'CONST_MeasDefaultUnknown',
  'CONST_MeasuredOrDefault',
  'CNTR_ListCountriesCode',
  'CNTR_ListCountriesName',
  'CNTR_ListCurrenciesCode',
]) {
  lists[name] = rangeValues(definedNames[name]);
}
// production routes per aggregated good (CONST_MATRIX_ProductionRoute, G..P of rows 89..106), minus "n.a."
const na = rangeValues(definedNames.CONST_NA)[0];
const matrix = /!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)/.exec(definedNames.CONST_MATRIX_ProductionRoute);
const goods = lists.CONST_LIST_Goods;
const routes = {};
goods.forEach((g, i) => {
  if (!g) return;
  const row = Number(matrix[2]) + i;
  routes[g] = rangeValues(`Parameters_Constants!$${matrix[1]}$${row}:$${matrix[3]}$${row}`).filter((v) => v && v !== na);
});
// CN codes usable per aggregated good (Summary_Products!F is validated against these lists)
const cnByGood = {};
const listForCN = rangeValues(definedNames.CONST_CNTR_ListGoodsForCN);
const pcCells = cellsOf('Parameters_Constants');
goods.forEach((g, i) => {
  const addr = listForCN[i];
  if (!g || !addr) return;
  cnByGood[g] = rangeValues(addr).filter(Boolean).map(String);
});
void pcCells;
// qualifying parameters the template asks for per aggregated good (Parameters_Constants K110:AF127, TRUE = asked),
// as Summary_Products columns P..AK, matched by header name (Summary_Products row 8 = matrix header K109:AF109, as the
// template's own MATCH does: the two orders differ)
const qualifyingNames = {};
rangeValues('Summary_Products!$P$8:$AK$8').forEach((name, k) => {
  qualifyingNames[colName(colNum('P') + k)] = String(name);
});
const matrixNames = rangeValues('Parameters_Constants!$K$109:$AF$109').map(String);
const qualifying = {};
goods.forEach((g, i) => {
  if (!g) return;
  const flags = rangeValues(`Parameters_Constants!$K$${110 + i}:$AF$${110 + i}`);
  qualifying[g] = Object.entries(qualifyingNames)
    .filter(([, name]) => flags[matrixNames.indexOf(name)] === true)
    .map(([col]) => col);
});

const vdoc = cellsOf('VersionDocumentation');
const versions = cellsOf('0_Versions');
let lastVersion = '';
for (const [, c] of versions) if (c.col === 'E' && /^\d+(\.\d+)+$/.test(String(c.v ?? ''))) lastVersion = String(c.v);

const map = {
  $comment:
    'Generated by tools/build-template-map.mjs from the Commission template; do not edit by hand. Writable = unlocked, non-formula cells of protected sheets (top-left cell of merged ranges only).',
  source: { file: basename(src), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length },
  template: {
    version: lastVersion,
    typeCell: { sheet: 'VersionDocumentation', ref: 'B2', value: vdoc.get('B2')?.v },
    versionCell: { sheet: 'VersionDocumentation', ref: 'B3', value: Number(vdoc.get('B3')?.v) },
    sheetNames: sheets.map((s) => s.name),
  },
  constants: { NA: na, OnlyDirProd: rangeValues(definedNames.CONST_OnlyDirProd)[0] },
  lists,
  routes,
  cnByGood,
  qualifying,
  qualifyingNames,
  sheets: sheetMap,
};
writeFileSync(out, `${JSON.stringify(map, null, 1)}\n`);
const n = Object.values(sheetMap).reduce((a, s) => a + s.writable.length, 0);
console.log(`template ${map.template.version}: ${n} writable cells in ${Object.values(sheetMap).filter((s) => s.writable.length).length} sheets -> ${out}`);

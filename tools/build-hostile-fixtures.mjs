#!/usr/bin/env node
/**
 * Builds the hostile / broken import corpus in test/fixtures/hostile/ and its manifest (what each file must give).
 * Small files are committed; the large ones (a million empty rows, an over-size file) are built at test time by
 * calling `buildLarge()`. xlsx files are assembled by hand (raw OOXML + fflate) so each defect is exactly the
 * one intended. Run: node tools/build-hostile-fixtures.mjs
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'hostile');

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const col = (n) => {
  let s = '';
  n += 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** A cell: string | number | { f, v, t } (formula with cached value) | null */
function cellXml(ref, c) {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
  if (typeof c === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(c)}</t></is></c>`;
  if (c.f !== undefined) {
    const t = c.t ? ` t="${c.t}"` : typeof c.v === 'string' ? ' t="str"' : '';
    return `<c r="${ref}"${t}><f>${esc(c.f)}</f>${c.v !== undefined ? `<v>${esc(c.v)}</v>` : ''}</c>`;
  }
  return '';
}

function sheetXml(rows, { merges = [], extraRows = '' } = {}) {
  const body = rows.map((r, i) => `<row r="${i + 1}">${r.map((c, j) => cellXml(`${col(j)}${i + 1}`, c)).join('')}</row>`).join('');
  const m = merges.length ? `<mergeCells count="${merges.length}">${merges.map((x) => `<mergeCell ref="${x}"/>`).join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}${extraRows}</sheetData>${m}</worksheet>`;
}

/** Zip parts of a minimal workbook; `sheets` = [{ name, xml }]. */
export function xlsxParts(sheets) {
  return {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
    ...Object.fromEntries(sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, strToU8(s.xml)])),
  };
}
export const xlsx = (sheets) => zipSync(xlsxParts(sheets), { level: 6 });

const HEAD = [
  '名称 Description',
  '阶段 Stage',
  '类别 Category',
  '活动数据 Activity data',
  '单位 Unit',
  '排放因子 Emission factor',
  '排放因子单位 EF unit',
  '来源 Source',
];
const ROWS = [
  ['外购电力 Grid electricity', '生产', '电力', 13300, 'kWh', 0.5703, 'kgCO2/kWh', 'MEE 2022 national'],
  ['天然气 Natural gas', 'production', 'fuel-combustion', 120, 'Nm3', 2.16, 'kgCO2/Nm3', 'GB/T 32151'],
  ['氧化铝 Alumina', '原材料获取', '原材料', 1.92, '吨', 1350, 'kgCO2e/t', 'Illustrative'],
];

// GB18030 encoder for the characters we need, built from the platform's decoder (no iconv needed)
function gb18030(text) {
  const dec = new TextDecoder('gb18030');
  const map = new Map();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [a, b]);
    }
  const out = [];
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c < 0x80) out.push(c);
    else if (map.has(ch)) out.push(...map.get(ch));
    else throw new Error(`no GB18030 two-byte code for ${ch}`);
  }
  return new Uint8Array(out);
}

const csvLine = (r) =>
  r
    .map((c) => {
      const s = String(c ?? '');
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');

/** Small fixtures: name → { bytes, expect } */
export function buildSmall() {
  const f = {};
  const ok = (bytes, lines, extra = {}) => ({ bytes, expect: { result: 'import', kind: 'generic', lines, ...extra } });
  const bad = (bytes, key, extra = {}) => ({ bytes, expect: { result: 'error', key, ...extra } });
  const good = xlsx([{ name: 'Footprint', xml: sheetXml([HEAD, ...ROWS]) }]);
  f['good.xlsx'] = ok(good, 3);
  f['corrupt-truncated.xlsx'] = bad(good.slice(0, Math.floor(good.length / 2)), 'import:error.corruptZip');
  const garbage = new Uint8Array(4096);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) & 0xff;
  garbage.set([0x50, 0x4b, 0x03, 0x04]);
  f['corrupt-garbage.xlsx'] = bad(garbage, 'import:error.corruptZip');
  // zip bomb: a 64 MB worksheet of spaces (≈ 64 KB compressed, ratio ≈ 1000)
  const big = new Uint8Array(64 * 1024 * 1024).fill(0x20);
  const bombParts = xlsxParts([{ name: 'S', xml: sheetXml([HEAD]) }]);
  bombParts['xl/worksheets/sheet2.xml'] = big;
  f['zip-bomb.xlsx'] = bad(zipSync(bombParts, { level: 9 }), 'import:error.zipBomb');
  // 1 MB cell
  f['huge-cell.xlsx'] = ok(xlsx([{ name: 'S', xml: sheetXml([HEAD, ['A'.repeat(1024 * 1024), ...ROWS[0].slice(1)], ...ROWS.slice(1)]) }]), 2, {
    errorRows: [2],
    errorKey: 'import:problem.cellTooLong',
  });
  // __proto__ / constructor headers
  f['proto-headers.xlsx'] = ok(
    xlsx([
      {
        name: 'S',
        xml: sheetXml([['__proto__', 'constructor', 'prototype', 'toString', ...HEAD], ...ROWS.map((r) => ['{"polluted":1}', 'x', 'y', 'z', ...r])]),
      },
    ]),
    3,
  );
  f['proto-headers.csv'] = ok(strToU8([csvLine(['__proto__', 'constructor', ...HEAD]), ...ROWS.map((r) => csvLine(['polluted', 'x', ...r]))].join('\r\n')), 3);
  // formulas: HYPERLINK with cached text, DDE with an error value, arithmetic with a cached number
  f['formulas.xlsx'] = ok(
    xlsx([
      {
        name: 'S',
        xml: sheetXml([
          HEAD,
          [
            { f: 'HYPERLINK("http://evil.example/x","Grid electricity")', v: 'Grid electricity' },
            '生产',
            '电力',
            { f: '2*6650', v: 13300 },
            'kWh',
            0.5703,
            'kgCO2/kWh',
            'MEE 2022',
          ],
          ['Natural gas', 'production', 'fuel-combustion', { f: "cmd|' /C calc'!A0", v: '#REF!', t: 'e' }, 'Nm3', 2.16, 'kgCO2/Nm3', 'GB/T 32151'],
          [{ f: 'WEBSERVICE("http://evil.example/")', v: 'Alumina' }, '原材料获取', '原材料', 1.92, 't', 1350, 'kgCO2e/t', 'Illustrative'],
        ]),
      },
    ]),
    2,
    { errorRows: [3], warningKey: 'import:warn.formula' },
  );
  f['formula-text.csv'] = ok(
    strToU8(
      [
        csvLine(HEAD),
        csvLine(["=cmd|' /C calc'!A0", '生产', '电力', 100, 'kWh', 0.57, 'kgCO2/kWh', '=HYPERLINK("http://evil.example")']),
        csvLine(['@SUM(1+1)', '生产', '电力', 5, 'kWh', 0.57, 'kgCO2/kWh', 'MEE']),
      ].join('\n'),
    ),
    2,
    { warningKey: 'import:warn.looksLikeFormula', description: "=cmd|' /C calc'!A0" },
  );
  // merged header cells: a group title over two columns, vertical merges
  f['merged-header.xlsx'] = ok(
    xlsx([
      {
        name: 'S',
        xml: sheetXml(
          [['名称', '阶段', '类别', '活动数据', null, '排放因子', null, '来源'], [null, null, null, '数量', '单位', '数值', '单位', null], ...ROWS],
          { merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:G1', 'H1:H2'] },
        ),
      },
    ]),
    3,
    { headerRow: 2 },
  );
  // numbers stored as text, Arabic-Indic and full-width digits
  f['numbers-as-text.xlsx'] = ok(
    xlsx([
      {
        name: 'S',
        xml: sheetXml([
          HEAD,
          ['Electricity', '生产', '电力', '13,300', 'kWh', ' 0.5703 ', 'kgCO2/kWh', 'MEE'],
          ['Gas', '生产', '燃料燃烧', '١٢٠', 'Nm3', '٢٫١٦', 'kgCO2/Nm3', 'GB/T 32151'],
          ['Alumina', '原材料获取', '原材料', '１．９２', '吨', '１３５０', 'kgCO2e/t', 'Illustrative'],
        ]),
      },
    ]),
    3,
    { amounts: [13300, 120, 1.92], factors: [0.5703, 2.16, 1350] },
  );
  f['arabic-digits.csv'] = ok(
    strToU8(
      [
        csvLine(HEAD),
        csvLine(['Electricity', 'production', 'electricity', '٣٫٥', 'MWh', '٠٫٥٧٠٣', 'tCO2/MWh', 'MEE']),
        csvLine(['Gas', 'production', 'fuel-combustion', '１２０', 'Nm3', '２．１６', 'kgCO2/Nm3', 'GB']),
      ].join('\n'),
    ),
    2,
    { amounts: [3.5, 120] },
  );
  // dates as serial numbers in a year column (45292 = 2024-01-01)
  f['dates-serial.xlsx'] = ok(xlsx([{ name: 'S', xml: sheetXml([[...HEAD, '年份 Year'], ...ROWS.map((r) => [...r, 45292])]) }]), 3, {
    years: [2024, 2024, 2024],
  });
  // CSV encodings
  const csvText = [csvLine(HEAD), ...ROWS.map(csvLine)].join('\r\n');
  f['gb18030.csv'] = ok(gb18030(csvText), 3, { encoding: 'gb18030' });
  f['utf8-bom.csv'] = ok(new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(csvText)]), 3, { encoding: 'utf-8' });
  // not spreadsheets
  f['empty.xlsx'] = bad(new Uint8Array(0), 'import:error.empty');
  f['binary.png'] = bad(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'import:error.notSpreadsheet');
  f['docx-like.xlsx'] = bad(
    zipSync({ 'word/document.xml': strToU8('<w:document/>'), '[Content_Types].xml': strToU8('<Types/>') }),
    'import:error.notSpreadsheet',
  );
  return f;
}

/** Large fixtures, built at test time: a million empty rows after three data rows; a file over the size limit. */
export function buildLarge() {
  const parts = [];
  for (let r = 5; r <= 1_000_004; r++) parts.push(`<row r="${r}"/>`);
  const xml = sheetXml([HEAD, ...ROWS], { extraRows: parts.join('') });
  return {
    'million-empty-rows.xlsx': { bytes: xlsx([{ name: 'S', xml }]), expect: { result: 'import', kind: 'generic', lines: 3 } },
    'over-size.csv': { bytes: new Uint8Array(21 * 1024 * 1024).fill(0x41), expect: { result: 'error', key: 'import:error.tooLarge' } },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(OUT, { recursive: true });
  const small = buildSmall();
  const manifest = {};
  for (const [name, { bytes, expect }] of Object.entries(small)) {
    writeFileSync(join(OUT, name), bytes);
    manifest[name] = expect;
  }
  const large = buildLarge();
  for (const [name, { expect }] of Object.entries(large)) manifest[name] = { ...expect, generated: true };
  writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${Object.keys(small).length} files written to ${OUT}; ${Object.keys(large).length} large ones are built by the tests`);
}

/**
 * A small .xlsx writer (fflate only, no spreadsheet library): inline strings, numbers, booleans; a few styles;
 * column widths and text-format columns; hidden rows and sheets; frozen header rows; list data validations.
 * Used for our input workbook (src/core/io/workbook.ts) and the CBAM documents (src/core/cbam/docs/xlsx-writer.ts).
 *
 * Formula-injection neutralisation: we never write a formula. Every text cell is an inline string
 * (`t="inlineStr"`), which spreadsheet programs never evaluate; text starting with = + - @ (or tab / CR) also
 * gets a `quotePrefix` style, so that editing the cell in Excel, WPS or LibreOffice keeps it as text. The text
 * itself is not altered (no leading apostrophe or invisible character), so a workbook written and read back
 * gives exactly the same strings. `_xHHHH_` sequences are escaped as `_x005F_xHHHH_` so readers that decode
 * OOXML escapes return the original text.
 */
import { zipSync, strToU8 } from 'fflate';
import { finiteNumberToXml, looksLikeFormula, xmlEscape } from './xml';
import { colLetter } from './columns';

export type WCell = string | number | boolean | null | undefined | { v: string | number | boolean; s: StyleName };
/** `header`: bold on a light fill, wrapped (input workbook); `bold`: bold only (CBAM documents' header rows). */
export type StyleName = 'default' | 'header' | 'key' | 'wrap' | 'text' | 'title' | 'hint' | 'bold';

const STYLE_IDS: Record<StyleName, number> = { default: 0, header: 2, key: 3, wrap: 4, text: 5, title: 7, hint: 8, bold: 14 };
/** quote-prefixed twin of each style (for formula-looking text) */
const QUOTED: Record<number, number> = { 0: 1, 2: 9, 3: 10, 4: 11, 5: 6, 7: 12, 8: 13, 14: 15 };

export interface WSheet {
  name: string;
  rows: WCell[][];
  widths?: number[];
  /** 0-based column indexes formatted as text (@) so Excel keeps typed codes as text. */
  textColumns?: number[];
  /** 1-based rows to hide. */
  hiddenRows?: number[];
  hidden?: boolean;
  /** Rows frozen at the top. */
  freezeRows?: number;
  /** List validations: sqref like "C3:C2000" and a formula such as `'Codes'!$A$2:$A$6`. */
  validations?: { sqref: string; formula: string }[];
  rtl?: boolean;
  /**
   * Write Excel's default row height (15 pt) and page margins explicitly (default true). `false` leaves both to the
   * program that opens the file (LibreOffice's own defaults differ: lower rows, wider print margins).
   */
  explicitDefaults?: boolean;
}

export const safeSheetName = (s: string): string => s.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet';

/** Escape text so that OOXML readers decoding `_xHHHH_` give the original string back. */
const escapeOoxml = (s: string): string => s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');

function cellXml(ref: string, c: WCell): string {
  if (c === null || c === undefined || c === '') return '';
  let v: string | number | boolean;
  let s = 0;
  if (typeof c === 'object') {
    v = c.v;
    s = STYLE_IDS[c.s];
  } else v = c;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${finiteNumberToXml(v)}</v></c>` : '';
  if (typeof v === 'boolean') return `<c r="${ref}"${s ? ` s="${s}"` : ''} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v === '') return '';
  if (looksLikeFormula(v)) s = QUOTED[s] ?? 1;
  return `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(escapeOoxml(v))}</t></is></c>`;
}

function sheetXml(sh: WSheet): string {
  const hidden = new Set(sh.hiddenRows ?? []);
  const textCols = new Set(sh.textColumns ?? []);
  const ncols = Math.max(sh.widths?.length ?? 0, ...sh.rows.map((r) => r.length), 1);
  const cols: string[] = [];
  for (let i = 0; i < ncols; i++) {
    const w = sh.widths?.[i];
    const style = textCols.has(i) ? ` style="${STYLE_IDS.text}"` : '';
    if (w || style) cols.push(`<col min="${i + 1}" max="${i + 1}"${w ? ` width="${w}" customWidth="1"` : ' width="14"'}${style}/>`);
  }
  const parts: string[] = [];
  const freeze = sh.freezeRows ?? 0;
  parts.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`,
    `<sheetViews><sheetView workbookViewId="0"${sh.rtl ? ' rightToLeft="1"' : ''}>${freeze ? `<pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/>` : ''}</sheetView></sheetViews>`,
    sh.explicitDefaults === false ? '' : '<sheetFormatPr defaultRowHeight="15"/>',
    cols.length ? `<cols>${cols.join('')}</cols>` : '',
    '<sheetData>',
  );
  for (let i = 0; i < sh.rows.length; i++) {
    const r = sh.rows[i]!;
    let cells = '';
    for (let j = 0; j < r.length; j++) cells += cellXml(`${colLetter(j)}${i + 1}`, r[j]);
    const hid = hidden.has(i + 1) ? ' hidden="1"' : '';
    if (cells || hid) parts.push(`<row r="${i + 1}"${hid}>${cells}</row>`);
  }
  for (const h of hidden) if (h > sh.rows.length) parts.push(`<row r="${h}" hidden="1"/>`);
  parts.push('</sheetData>');
  const dv = sh.validations ?? [];
  if (dv.length) {
    parts.push(`<dataValidations count="${dv.length}">`);
    for (const d of dv)
      parts.push(
        `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="warning" sqref="${d.sqref}"><formula1>${xmlEscape(d.formula)}</formula1></dataValidation>`,
      );
    parts.push('</dataValidations>');
  }
  if (sh.explicitDefaults !== false) parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  parts.push('</worksheet>');
  return parts.join('');
}

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="4"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><sz val="9"/><color rgb="FF808080"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEFE7"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="16">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` + // 0 default
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>` + // 1 default, quoted
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>` + // 2 header
  `<xf numFmtId="49" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>` + // 3 key
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>` + // 4 wrap
  `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` + // 5 text
  `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>` + // 6 text, quoted
  `<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>` + // 7 title
  `<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>` + // 8 hint
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1" quotePrefix="1"><alignment wrapText="1" vertical="top"/></xf>` + // 9 header, quoted
  `<xf numFmtId="49" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1" quotePrefix="1"/>` + // 10 key, quoted
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1" quotePrefix="1"><alignment wrapText="1" vertical="top"/></xf>` + // 11 wrap, quoted
  `<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/>` + // 12 title, quoted
  `<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1" quotePrefix="1"><alignment wrapText="1" vertical="top"/></xf>` + // 13 hint, quoted
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` + // 14 bold
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/>` + // 15 bold, quoted
  `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Build an .xlsx (bytes). */
export function writeWorkbook(sheets: WSheet[], opts: { level?: number } = {}): Uint8Array {
  const names = sheets.map((s) => safeSheetName(s.name));
  const ct = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const firstVisible = Math.max(
    0,
    sheets.findIndex((s) => !s.hidden),
  );
  const wb = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="${firstVisible}" firstSheet="${firstVisible}"/></bookViews><sheets>${names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}"${sheets[i]!.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(ct),
    '_rels/.rels': strToU8(rels),
    'xl/workbook.xml': strToU8(wb),
    'xl/_rels/workbook.xml.rels': strToU8(wbRels),
    'xl/styles.xml': strToU8(STYLES),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml({ ...s, name: names[i]! }));
  });
  return zipSync(files, { level: (opts.level ?? 6) as 6 });
}

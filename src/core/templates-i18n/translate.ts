/**
 * Fill the Translations sheet of a copy of the Commission's communication template with Chinese and Arabic texts and
 * select one of them (cell A3 = the column number), so every label the template shows through Translations!B reads in
 * that language. The English column C is never touched; rows without a translation (or whose English differs from the
 * text the translation was made for) get the English original, so no label goes blank. Only the Translations sheet's
 * D/E cells, its selector and header, cached label values and the workbook's recalculate-on-open flag change: every
 * formula, protection and validation is kept, by patching the XML parts in the zip (fflate).
 */
import { zipSync } from 'fflate';
import { msg } from '../i18n/message';
import { PackError } from '../packs/registry';
import { identifyTemplate } from '../cbam/docs/template';
import { parseSharedStrings, readCells, strToU8Utf8, u8ToStr, unzipOrThrow, xmlEscape, xmlUnescape } from '../cbam/docs/ooxml';
import raw from '../../../rules/cbam-template-i18n/translations.json';
import { TemplateTranslations, type TemplateLang } from './schema';

let data: TemplateTranslations | undefined;
export function templateTranslations(): TemplateTranslations {
  if (!data) {
    const r = TemplateTranslations.safeParse(raw);
    if (!r.success)
      throw new PackError(
        'cbam-template-i18n',
        r.error.issues.map((i) => msg('core:pack.invalidField', { field: i.path.join('.'), detail: i.message })),
      );
    data = r.data;
  }
  return data;
}

export interface TemplateI18nReport {
  lang: TemplateLang;
  column: string;
  /** Rows with a text in column C. */
  total: number;
  translated: { zh: number; ar: number };
  /** Rows left in English (no translation, or the template's English differs from the translated text). */
  englishFallback: { zh: number; ar: number };
  mismatchedRows: number[];
  cachedLabelsUpdated: number;
  arabicReview: 'for-expert-review';
}

const inlineCell = (ref: string, style: string, text: string) =>
  `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`;
const colNum = (c: string) => c.charCodeAt(0) - 64;
/** Line ends as in the workbook (CR LF) or as typed (LF) compare equal. */
const nl = (s: string) => s.replace(/\r\n?/g, '\n');

/** Set (or insert in column order) an inline-string cell in one row's XML, keeping the cell's style. */
function setCell(rowXml: string, col: string, row: number, text: string): string {
  const ref = `${col}${row}`;
  const re = new RegExp(`<c r="${ref}"((?:\\s+(?!t=)[\\w:]+="[^"]*")*)(?:\\s+t="[^"]*")?((?:\\s+[\\w:]+="[^"]*")*)\\s*(?:/>|>[\\s\\S]*?</c>)`);
  const m = re.exec(rowXml);
  if (m) {
    const style = /\ss="\d+"/.exec(m[1]! + m[2]!)?.[0] ?? '';
    return rowXml.replace(m[0], inlineCell(ref, style, text));
  }
  const cells = [...rowXml.matchAll(/<c r="([A-Z]+)\d+"/g)];
  const after = cells.find((c) => c[1]!.length === 1 && colNum(c[1]!) > colNum(col));
  const cell = inlineCell(ref, '', text);
  if (after) return rowXml.slice(0, after.index) + cell + rowXml.slice(after.index);
  return rowXml.replace(/<\/row>$/, `${cell}</row>`).replace(/<row ([^>]*)\/>$/, `<row $1>${cell}</row>`);
}

/** Replace the cached value of a formula cell (t="str") with `text`. */
const setCached = (xml: string, ref: string, text: string): string =>
  xml.replace(new RegExp(`(<c r="${ref}"[^>]*>\\s*<f>[^<]*</f>)<v>[^<]*</v>`), (_m, head: string) => `${head}<v>${xmlEscape(text)}</v>`);

export function translateTemplate(bytes: Uint8Array, lang: TemplateLang): { bytes: Uint8Array; report: TemplateI18nReport } {
  const tr = templateTranslations();
  const files = unzipOrThrow(bytes);
  const paths = identifyTemplate(files);
  const part = paths.get(tr.template.sheet)!;
  const sst = parseSharedStrings(files['xl/sharedStrings.xml'] ? u8ToStr(files['xl/sharedStrings.xml']) : undefined);
  let xml = u8ToStr(files[part]!);
  const report: TemplateI18nReport = {
    lang,
    column: tr.columns[lang].column,
    total: 0,
    translated: { zh: 0, ar: 0 },
    englishFallback: { zh: 0, ar: 0 },
    mismatchedRows: [],
    cachedLabelsUpdated: 0,
    arabicReview: 'for-expert-review',
  };
  const shown = new Map<number, string>();
  const keep = new Set(tr.keepEnglish.rows);
  xml = xml.replace(/<row r="(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g, (rowXml, rs: string) => {
    const r = Number(rs);
    if (r === 3) return rowXml.replace(/(<c r="A3"[^>]*>)<v>[^<]*<\/v>/, `$1<v>${colNum(tr.columns[lang].column)}</v>`);
    if (r === 4) return setCell(setCell(rowXml, tr.columns.zh.column, 4, tr.columns.zh.header), tr.columns.ar.column, 4, tr.columns.ar.header);
    if (r < tr.template.firstRow) return rowXml;
    const en = readCells(rowXml, [`C${r}`], sst).get(`C${r}`);
    if (typeof en !== 'string' || en === '') return rowXml;
    report.total++;
    const e = keep.has(r) ? undefined : tr.entries[String(r)];
    const ok = !!e && nl(e.en) === nl(en);
    if (e && !ok) report.mismatchedRows.push(r);
    let out = rowXml;
    for (const l of ['zh', 'ar'] as const) {
      const text = ok ? e[l] : en;
      if (ok) report.translated[l]++;
      else report.englishFallback[l]++;
      out = setCell(out, tr.columns[l].column, r, text);
      if (l === lang) shown.set(r, text);
    }
    const before = out;
    out = setCached(out, `B${r}`, shown.get(r)!);
    if (out !== before) report.cachedLabelsUpdated++;
    return out;
  });
  files[part] = strToU8Utf8(xml) as (typeof files)[string];
  report.cachedLabelsUpdated += updateCachedLabels(files, paths, part, shown);
  const wb = u8ToStr(files['xl/workbook.xml']!);
  files['xl/workbook.xml'] = strToU8Utf8(
    /<calcPr\b/.test(wb)
      ? wb.replace(
          /<calcPr\b([^>]*?)(\/?)>/,
          (_m, a: string, close: string) => `<calcPr${a.replace(/\sfullCalcOnLoad="[^"]*"/, '')} fullCalcOnLoad="1"${close}>`,
        )
      : wb.replace(/<\/workbook>/, '<calcPr fullCalcOnLoad="1"/></workbook>'),
  ) as (typeof files)[string];
  return { bytes: zipSync(files, { level: 6 }), report };
}

/** Cached values of cells elsewhere that show a label by the plain formula Translations!$B$n. */
function updateCachedLabels(files: Record<string, Uint8Array>, paths: Map<string, string>, own: string, shown: Map<number, string>): number {
  let n = 0;
  for (const p of paths.values()) {
    if (p === own || !files[p]) continue;
    const x = u8ToStr(files[p]);
    if (!x.includes('Translations!')) continue;
    const y = x.replace(
      /(<c r="[A-Z]+\d+"[^>]*\bt="str"[^>]*>\s*<f>Translations!\$?B\$?(\d+)<\/f>)<v>([^<]*)<\/v>/g,
      (m, head: string, row: string, old: string) => {
        const text = shown.get(Number(row));
        if (text === undefined || xmlUnescape(old) === text) return m;
        n++;
        return `${head}<v>${xmlEscape(text)}</v>`;
      },
    );
    if (y !== x) files[p] = strToU8Utf8(y) as (typeof files)[string];
  }
  return n;
}

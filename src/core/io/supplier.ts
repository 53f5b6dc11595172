/**
 * A supplier's filled EU "CBAM Communication template for installations" (v2.1.1) read back: the installation
 * (sheet A_InstData) and, per product of Summary_Products, the specific embedded emissions (direct, indirect)
 * as the workbook last calculated them. Formulas are never evaluated: a product whose SEE has no calculated
 * value is reported (open and save the file in Excel first). The values can then be taken as actual precursor
 * values of the lines with the same CN code (`precursor.embedded`), with the supplier's installation as source.
 */
import { msg } from '../i18n/message';
import type { Dataset } from '../model/dataset';
import { validateDataset } from '../model/validate';
import { TEMPLATE_MAP } from '../cbam/docs/template';
import { ProblemList, fileError, type ImportProblem } from './problems';
import type { Book, CellValue, Grid } from './read';
import { cellNumber, cellText, isEmpty } from './values';
import { fixForCore } from './workbook';
import { LIMITS } from './limits';

export const SUPPLIER_SHEETS = ['VersionDocumentation', 'A_InstData', 'Summary_Products'];
const PRODUCT_ROWS = { first: 10, last: 109 }; // the template has room for 100 products

export interface SupplierProduct {
  row: number;
  process?: string;
  cnCode: string;
  name?: string;
  direct: number;
  indirect: number;
  total?: number;
}

export interface SupplierImport {
  kind: 'supplier';
  templateVersion: string;
  installation: { name?: string; nameEn?: string; street?: string; city?: string; country?: string; countryName?: string; unlocode?: string };
  products: SupplierProduct[];
  /** Base dataset with the SEE taken over (when a base was given). */
  dataset?: Dataset;
  applied: { lineId: string; cnCode: string; row: number }[];
  problems: ImportProblem[];
}

export { SupplierProductSchema } from './schemas';

export function isSupplierTemplate(sheetNames: string[]): boolean {
  return SUPPLIER_SHEETS.every((s) => sheetNames.includes(s));
}

const at = (g: Grid | undefined, ref: string): CellValue | undefined => {
  if (!g) return undefined;
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
  return g.rows[Number(m[2]) - 1]?.[c - 1];
};
const txt = (v: CellValue | undefined): string | undefined => (isEmpty(v) ? undefined : cellText(v)!.trim());

/** Read the supplier's template (grids of the three sheets). Throws ImportError when it is not the template. */
export function readSupplierTemplate(book: Book, opts: { base?: Dataset; fileName?: string; maxProblems?: number } = {}): SupplierImport {
  const sheet = (n: string) => book.sheets.find((s) => s.name === n);
  const vd = sheet('VersionDocumentation');
  const t = TEMPLATE_MAP.template;
  if (!vd || at(vd, t.typeCell.ref) !== t.typeCell.value) throw fileError('notTemplate', undefined, 'chooseSpreadsheet');
  const ver = at(vd, t.versionCell.ref);
  if (ver !== t.versionCell.value) {
    const found = typeof ver === 'number' ? new Date(Date.UTC(1899, 11, 30) + ver * 86400000).toISOString().slice(0, 10) : String(ver ?? '?');
    throw fileError('templateVersion', { found, expected: `${t.version} (2024-12-13)` }, 'chooseSpreadsheet');
  }
  const problems = new ProblemList(opts.maxProblems ?? LIMITS.maxProblems);
  const a = sheet('A_InstData');
  const countryName = txt(at(a, 'I26'));
  const names = TEMPLATE_MAP.lists.CNTR_ListCountriesName as string[];
  const codes = TEMPLATE_MAP.lists.CNTR_ListCountriesCode as string[];
  const ci = countryName ? names.indexOf(countryName) : -1;
  const installation: SupplierImport['installation'] = {};
  const put = (k: keyof SupplierImport['installation'], v: string | undefined) => { if (v) installation[k] = v; };
  put('name', txt(at(a, 'I19')));
  put('nameEn', txt(at(a, 'I20')));
  put('street', txt(at(a, 'I21')));
  put('city', txt(at(a, 'I25')));
  put('countryName', countryName);
  put('country', ci >= 0 ? codes[ci] : countryName && /^[A-Z]{2}$/.test(countryName) ? countryName : undefined);
  put('unlocode', txt(at(a, 'I27')));

  const sp = sheet('Summary_Products');
  const products: SupplierProduct[] = [];
  for (let r = PRODUCT_ROWS.first; r <= PRODUCT_ROWS.last; r++) {
    const cnRaw = at(sp, `F${r}`);
    const process = txt(at(sp, `D${r}`));
    if (isEmpty(cnRaw) && !process) continue;
    const cnCode = (txt(cnRaw) ?? '').replace(/[\s.]/g, '');
    const name = txt(at(sp, `H${r}`)) ?? process ?? cnCode;
    const direct = at(sp, `I${r}`);
    const indirect = at(sp, `J${r}`);
    const total = at(sp, `K${r}`);
    const dn = typeof direct === 'number' ? direct : cellNumber(direct ?? null);
    const inn = typeof indirect === 'number' ? indirect : cellNumber(indirect ?? null);
    if (dn === undefined || inn === undefined) {
      problems.add({ severity: 'error', sheet: 'Summary_Products', row: r, column: dn === undefined ? 'I' : 'J', message: msg('import:supplier.notCalculated', { product: name, row: r }), fix: msg('import:fix.recalculate') });
      continue;
    }
    if (!/^\d{4,10}$/.test(cnCode)) {
      problems.add({ severity: 'error', sheet: 'Summary_Products', row: r, column: 'F', message: msg('core:validation.format.cnCode', { field: 'CN', value: cnCode }), fix: msg('import:fix.checkValue') });
      continue;
    }
    const p: SupplierProduct = { row: r, cnCode, name, direct: dn, indirect: inn };
    if (process) p.process = process;
    if (typeof total === 'number') p.total = total;
    products.push(p);
  }
  if (products.length === 0 && problems.errors === 0) problems.add({ severity: 'error', sheet: 'Summary_Products', message: msg('import:supplier.noProducts'), fix: msg('import:fix.recalculate') });
  const out: SupplierImport = { kind: 'supplier', templateVersion: t.version, installation, products, applied: [], problems: [] };
  if (opts.base && products.length) {
    const applied = applySupplierSee(opts.base, out, opts.fileName ?? '');
    out.applied = applied.applied;
    for (const p of applied.problems) problems.add(p);
    if (applied.dataset) out.dataset = applied.dataset;
  }
  out.problems = problems.done();
  return out;
}

/** Source text stored with the values (data, not UI text: the same in every language). */
export const supplierSourceText = (s: SupplierImport, product: SupplierProduct, fileName: string): string =>
  [`EU CBAM communication template v${s.templateVersion}`, s.installation.name ?? s.installation.nameEn, product.name, fileName].filter(Boolean).join(' · ');

/** Take the supplier's SEE as actual values of the precursor lines with the same CN code. */
export function applySupplierSee(base: Dataset, s: SupplierImport, fileName: string): { dataset?: Dataset; applied: SupplierImport['applied']; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const applied: SupplierImport['applied'] = [];
  const used = new Set<number>();
  const inventory = base.inventory.map((l) => {
    if (!l.precursor) return l;
    const code = l.precursor.cnCode;
    let matches = s.products.filter((p) => p.cnCode === code);
    if (matches.length === 0 && code.length < 8) matches = s.products.filter((p) => p.cnCode.startsWith(code));
    if (matches.length !== 1) {
      if (matches.length === 0) problems.push({ severity: 'info', message: msg('import:warn.supplierLineUnmatched', { cnCode: code, id: l.id }), fix: msg('import:fix.mapSupplierCn') });
      return l;
    }
    const p = matches[0]!;
    used.add(p.row);
    applied.push({ lineId: l.id, cnCode: p.cnCode, row: p.row });
    const installationName = s.installation.name ?? s.installation.nameEn;
    return {
      ...l,
      precursor: {
        ...l.precursor,
        ...(s.installation.country ? { countryOfProduction: s.installation.country } : {}),
        ...(installationName ? { supplierInstallation: installationName } : {}),
        embedded: { direct: p.direct, indirect: p.indirect, source: supplierSourceText(s, p, fileName) },
      },
    };
  });
  for (const p of s.products) if (!used.has(p.row)) problems.push({ severity: 'info', sheet: 'Summary_Products', row: p.row, message: msg('import:warn.supplierProductUnused', { name: p.name ?? p.cnCode, cnCode: p.cnCode }), fix: msg('import:fix.mapSupplierCn') });
  const v = validateDataset({ ...base, inventory });
  if (!v.ok || !v.dataset) {
    for (const p of v.problems) if (p.severity === 'error') problems.push({ severity: 'error', message: p.message, fix: fixForCore(p.message.key) });
    return { applied, problems };
  }
  if (applied.length) problems.push({ severity: 'info', message: msg('import:info.supplierApplied', { count: applied.length, installation: s.installation.name ?? s.installation.nameEn ?? '' }) });
  return { dataset: v.dataset, applied, problems };
}

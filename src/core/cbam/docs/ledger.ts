/**
 * Imports ledger: one line per shipment (with a date) or per quarter (with a quarter), read from a form or CSV.
 * CSV files may be UTF-8 (with or without BOM) or GB18030 (Chinese Excel default); comma, semicolon or tab separated.
 */
import { z } from 'zod';
import { CbamDocError } from './errors';
import { msg, type Message } from '../../i18n/message';
import { CnCode } from './model';

const quarterRe = /^(\d{4})-?Q([1-4])$/i;

export const ImportLineSchema = z
  .object({
    cnCode: CnCode,
    /** ISO-2 country of origin. */
    origin: z
      .string()
      .transform((s) => s.trim().toUpperCase())
      .refine((s) => /^[A-Z]{2}$/.test(s), { message: 'cbamdocs:errors.country' }),
    supplierInstallation: z.string().optional(),
    /** Net mass in tonnes (MWh for electricity). */
    netMass: z
      .number()
      .finite()
      .refine((n) => n >= 0, { message: 'cbamdocs:errors.negative' }),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'cbamdocs:errors.date' })
      .optional(),
    quarter: z.string().regex(quarterRe, { message: 'cbamdocs:errors.quarter' }).optional(),
    /** Actual SEE that counts for the good (tCO2e/t), from the supplier's communication; omitted = default value. */
    see: z.number().finite().min(0).optional(),
    seeSource: z.string().optional(),
    /** Benchmark route letter (C, D, E, K, L…) for the actual path. */
    route: z.string().optional(),
    variant: z.string().optional(),
    /** Effective carbon price paid in the country of origin, EUR per tonne of goods (default 0). */
    carbonPricePaid: z.number().finite().min(0).optional(),
  })
  .refine((l) => l.date || l.quarter, { message: 'cbamdocs:errors.quarter', path: ['quarter'] });

export type ImportLineInput = z.input<typeof ImportLineSchema>;
export type ImportLine = z.output<typeof ImportLineSchema> & { quarterLabel: string; line?: number };

export const quarterOf = (l: { date?: string; quarter?: string }): string => {
  if (l.quarter) {
    const m = quarterRe.exec(l.quarter.trim())!;
    return `${m[1]}-Q${m[2]}`;
  }
  const [y, mo] = l.date!.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.floor((mo - 1) / 3) + 1}`;
};

/** One translatable error per bad field of a ledger line: the field is given as "#<line> <field>". */
function lineError(line: number, iss: z.core.$ZodIssue): Message {
  const key = iss.message.startsWith('cbamdocs:') ? iss.message : 'cbamdocs:errors.invalidField';
  return msg(key, { field: `#${line} ${iss.path.join('.') || '-'}`, line, detail: iss.code });
}

/** Validate ledger lines (hand-entered). Throws CbamDocError listing every bad line. */
export function parseLedger(lines: ImportLineInput[]): ImportLine[] {
  const out: ImportLine[] = [];
  const errs: Message[] = [];
  lines.forEach((l, i) => {
    const r = ImportLineSchema.safeParse(l);
    if (!r.success) {
      for (const iss of r.error.issues) errs.push(lineError(i + 1, iss));
      return;
    }
    out.push({ ...r.data, quarterLabel: quarterOf(r.data), line: (l as { line?: number }).line ?? i + 1 });
  });
  if (errs.length) throw new CbamDocError(errs[0]!, errs.slice(1));
  return out;
}

/** Decode CSV bytes: UTF-8 (BOM allowed) or GB18030. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new CbamDocError(msg('cbamdocs:errors.encoding'));
    }
  }
}

/** RFC 4180-style CSV parser (quotes, doubled quotes, CRLF) with a given delimiter. */
export function parseCsv(text: string, delim: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else q = false;
      } else cell += c;
    } else if (c === '"') q = true;
    else if (c === delim) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      cell = '';
      if (row.some((x) => x.trim() !== '')) rows.push(row);
      row = [];
    } else cell += c;
  }
  row.push(cell);
  if (row.some((x) => x.trim() !== '')) rows.push(row);
  return rows;
}

const ALIASES: Record<string, string[]> = {
  cnCode: ['cn', 'cncode', 'cn_code', 'cn code', 'cn编码', 'cn代码', 'رمز cn'],
  origin: ['origin', 'country', 'country_of_origin', 'country of origin', 'origin country', '原产国', 'بلد المنشأ'],
  supplierInstallation: ['supplier', 'supplier_installation', 'supplier installation', 'installation', '供应商', '供应商装置', 'المنشأة الموردة'],
  netMass: ['net_mass', 'net mass', 'net_mass_t', 'net mass (t)', 'mass', 'mass_t', 'quantity', '净重', '净重(t)', '净重（吨）', 'الكتلة الصافية'],
  date: ['date', 'import_date', '日期', 'التاريخ'],
  quarter: ['quarter', '季度', 'الربع'],
  see: ['see', 'see_tco2e_per_t', 'see (tco2e/t)'],
  seeSource: ['see_source', 'see source', 'source'],
  route: ['route', 'benchmark_route'],
  variant: ['variant'],
  carbonPricePaid: ['carbon_price_paid', 'carbon price paid', 'carbon_price_paid_eur_per_t'],
};
const NUMERIC = new Set(['netMass', 'see', 'carbonPricePaid']);

const toNumber = (s: string): number => {
  const t = s.trim().replace(/\s/g, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^-?\d+,\d+$/.test(t)) return Number(t.replace(',', '.'));
  return t === '' ? NaN : Number(t);
};

/** Read an imports ledger from CSV bytes. Throws CbamDocError (missing column, bad lines, bad encoding). */
export function readLedgerCsv(bytes: Uint8Array): ImportLine[] {
  const text = decodeText(bytes);
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delim = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const rows = parseCsv(text, delim);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const col: Record<string, number> = {};
  for (const [field, names] of Object.entries(ALIASES)) {
    const i = header.findIndex((h) => names.includes(h) || h === field.toLowerCase());
    if (i >= 0) col[field] = i;
  }
  const required = ['cnCode', 'origin', 'netMass'];
  for (const r of required)
    if (col[r] === undefined)
      throw new CbamDocError(msg('cbamdocs:errors.ledgerHeader', { column: ALIASES[r]![0]!, required: 'cn_code, origin, net_mass, date | quarter' }));
  if (col.date === undefined && col.quarter === undefined)
    throw new CbamDocError(msg('cbamdocs:errors.ledgerHeader', { column: 'date | quarter', required: 'cn_code, origin, net_mass, date | quarter' }));
  const lines: (ImportLineInput & { line: number })[] = rows.slice(1).map((r, k) => {
    const o: Record<string, unknown> = { line: k + 2 };
    for (const [field, i] of Object.entries(col)) {
      const raw = (r[i] ?? '').trim();
      if (raw === '') continue;
      o[field] = NUMERIC.has(field) ? toNumber(raw) : raw;
    }
    return o as ImportLineInput & { line: number };
  });
  const errs: Message[] = [];
  const out: ImportLine[] = [];
  for (const l of lines) {
    const r = ImportLineSchema.safeParse(l);
    if (!r.success) {
      for (const iss of r.error.issues) errs.push(lineError(l.line, iss));
      continue;
    }
    out.push({ ...r.data, quarterLabel: quarterOf(r.data), line: l.line });
  }
  if (errs.length) throw new CbamDocError(errs[0]!, errs.slice(1));
  return out;
}

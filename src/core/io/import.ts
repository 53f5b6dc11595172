/**
 * One entry point for every import, used by the browser worker and the CLI: bytes + file name + options →
 * a result (our input workbook → dataset; supplier's CBAM template → precursor SEE; any other sheet or CSV →
 * inventory lines through a column mapping) or an error result. Never throws for bad files.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { msg } from '../i18n/message';
import type { Dataset } from '../model/dataset';
import { xmlUnescape } from '../xlsx/xml';
import { LIMITS } from './limits';
import {
  applyMapping,
  guessHeaderRow,
  parseMapping,
  sheetHeaders,
  shapeSignature,
  suggestColumns,
  type GenericImport,
  type Mapping,
  type MappingInput,
} from './mapping';
import { ImportError, type ImportProblem } from './problems';
import { checkSize, readBook, type Book } from './read';
import { isSupplierTemplate, readSupplierTemplate, SUPPLIER_SHEETS, type SupplierImport } from './supplier';
import { isInputWorkbook, readInputWorkbook, type WorkbookImport } from './workbook';
import { META_SHEET } from './workbook-spec';
import { guardZip, isZip } from './zipguard';

export type ImportKind = 'auto' | 'workbook' | 'generic' | 'supplier';

export interface ImportOptions {
  kind?: ImportKind;
  /** Sheet to read (generic import); the first visible sheet by default. */
  sheet?: string;
  /** 1-based header row (generic import); guessed by default. */
  headerRow?: number;
  mapping?: MappingInput | Mapping | string;
  /** Mappings saved earlier; the one whose signature matches this sheet's shape is used. */
  knownMappings?: (MappingInput | Mapping)[];
  encoding?: 'auto' | 'utf-8' | 'gb18030';
  /** Dataset the lines go into (generic) or whose precursor lines take the supplier's SEE (supplier). */
  base?: Dataset;
  /** Generic import: replace the base's inventory rather than appending. */
  replace?: boolean;
  /** Import the valid rows even when other rows have errors. */
  acceptValid?: boolean;
  previewRows?: number;
  maxRows?: number;
}

export interface ErrorImport {
  kind: 'error';
  problems: ImportProblem[];
}
export type ImportResult = WorkbookImport | GenericImport | SupplierImport | ErrorImport;

interface SheetEntry {
  name: string;
  hidden: boolean;
}

/** Sheet names (and hidden state) from xl/workbook.xml, without parsing any sheet. */
function xlsxSheets(bytes: Uint8Array): SheetEntry[] | undefined {
  let wb: Uint8Array | undefined;
  try {
    wb = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' })['xl/workbook.xml'];
  } catch {
    return undefined;
  }
  if (!wb) return undefined;
  const xml = strFromU8(wb);
  const out: SheetEntry[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    if (name !== undefined) out.push({ name: xmlUnescape(name), hidden: /\bstate="(hidden|veryHidden)"/.test(m[0]) });
  }
  return out;
}

export function importBytes(bytes: Uint8Array, fileName: string, opts: ImportOptions = {}): ImportResult {
  try {
    return run(bytes, fileName, opts);
  } catch (e) {
    if (e instanceof ImportError) return { kind: 'error', problems: e.problems };
    const detail = String((e as Error)?.message ?? e).slice(0, 200);
    return { kind: 'error', problems: [{ severity: 'error', message: msg('import:error.internal', { detail }), fix: msg('import:fix.resave') }] };
  }
}

function run(bytes: Uint8Array, fileName: string, opts: ImportOptions): ImportResult {
  checkSize(bytes.length);
  const maxRows = opts.maxRows ?? LIMITS.maxRows;
  const kind = opts.kind ?? 'auto';
  let sheets: SheetEntry[] | undefined;
  let guarded = false;
  if (isZip(bytes)) {
    guardZip(bytes);
    guarded = true;
    sheets = xlsxSheets(bytes);
  }
  const names = sheets?.map((s) => s.name);
  // our workbook and the supplier template are recognised by their sheets
  if (names && (kind === 'workbook' || (kind === 'auto' && names.includes(META_SHEET)))) {
    const book = readBook(bytes, fileName, { guarded, maxRows });
    if (!isInputWorkbook(book))
      throw new ImportError([{ severity: 'error', message: msg('import:error.notSpreadsheet', { file: fileName }), fix: msg('import:fix.chooseSpreadsheet') }]);
    return readInputWorkbook(book, { acceptValid: opts.acceptValid });
  }
  if (names && (kind === 'supplier' || (kind === 'auto' && isSupplierTemplate(names)))) {
    const book = readBook(bytes, fileName, { guarded, maxRows: 120, sheets: SUPPLIER_SHEETS });
    return readSupplierTemplate(book, { base: opts.base, fileName: fileName.replace(/^.*[\\/]/, '') });
  }
  let wanted: string | undefined;
  if (names) {
    const visible = sheets!.filter((s) => !s.hidden);
    wanted = opts.sheet ?? (typeof opts.mapping === 'object' && opts.mapping && 'sheet' in opts.mapping ? (opts.mapping as Mapping).sheet : undefined);
    if (wanted !== undefined && !names.includes(wanted)) {
      if (opts.sheet !== undefined)
        throw new ImportError([
          { severity: 'error', message: msg('import:error.sheetNotFound', { sheet: wanted, available: names.join(', ') }), fix: msg('import:fix.chooseSheet') },
        ]);
      wanted = undefined;
    }
    wanted ??= (visible[0] ?? sheets![0])?.name;
  }
  const book: Book = readBook(bytes, fileName, { guarded, maxRows, encoding: opts.encoding, ...(wanted !== undefined ? { sheets: [wanted] } : {}) });
  if (kind === 'auto' && isInputWorkbook(book)) return readInputWorkbook(book, { acceptValid: opts.acceptValid });
  const extra: ImportProblem[] = [...book.problems];
  if (book.kind === 'csv')
    extra.push({
      severity: 'info',
      message: msg('import:info.encoding', { encoding: book.encoding ?? 'utf-8', delimiter: book.delimiter === '\t' ? 'TAB' : (book.delimiter ?? ',') }),
    });
  let grid = wanted !== undefined ? book.sheets.find((s) => s.name === wanted) : undefined;
  if (!grid && opts.sheet !== undefined) {
    const g2 = book.sheets.find((s) => s.name === opts.sheet);
    if (!g2)
      throw new ImportError([
        {
          severity: 'error',
          message: msg('import:error.sheetNotFound', { sheet: opts.sheet, available: book.sheets.map((s) => s.name).join(', ') }),
          fix: msg('import:fix.chooseSheet'),
        },
      ]);
    grid = g2;
  }
  grid ??= book.sheets.find((s) => !s.hidden) ?? book.sheets[0];
  if (!grid) throw new ImportError([{ severity: 'error', message: msg('import:error.noSheet'), fix: msg('import:fix.chooseSpreadsheet') }]);
  const sheetList = sheets
    ? sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: s.name === grid!.name ? grid!.rows.length : 0 }))
    : book.sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: s.rows.length }));

  // mapping: given, remembered for this shape, or suggested
  let mapping: Mapping | undefined;
  if (opts.mapping !== undefined) {
    const pm = parseMapping(opts.mapping);
    if (!pm.ok) return { kind: 'error', problems: [pm.problem] };
    mapping = opts.headerRow ? { ...pm.mapping, headerRow: opts.headerRow } : pm.mapping;
  } else {
    for (const km of opts.knownMappings ?? []) {
      const pm = parseMapping(km);
      if (!pm.ok || !pm.mapping.signature) continue;
      const hr = opts.headerRow ?? pm.mapping.headerRow;
      if (shapeSignature(grid.name, hr, sheetHeaders(grid, hr)) === pm.mapping.signature) {
        mapping = { ...pm.mapping, headerRow: hr };
        extra.push({ severity: 'info', message: msg('import:info.mappingRemembered') });
        break;
      }
    }
  }
  if (!mapping) {
    const hr = opts.headerRow ?? guessHeaderRow(grid);
    const headers = sheetHeaders(grid, hr);
    mapping = {
      format: 'carbonbridge.import-mapping',
      version: 1,
      signature: shapeSignature(grid.name, hr, headers),
      sheet: grid.name,
      headerRow: hr,
      columns: suggestColumns(headers),
      defaults: {},
    };
  }
  const result = applyMapping(grid, mapping, {
    date1904: book.date1904,
    previewRows: opts.previewRows,
    base: opts.base,
    replace: opts.replace,
    acceptValid: opts.acceptValid,
    sheets: sheetList,
    extraProblems: extra,
  });
  // the mapping returned carries this sheet's signature, ready to be saved and remembered
  result.mapping = { ...result.mapping, signature: result.signature, sheet: grid.name };
  return result;
}

/**
 * Reading the rows below the header row through a column mapping: one line per row with data, each cell read as
 * the mapped field expects (number, text, list code, unit), each problem naming the row, column and field.
 */
import { msg } from '../i18n/message';
import type { InventoryLine } from '../model/dataset';
import { parseUnit, type Unit } from '../model/units';
import { colLetter } from '../xlsx/columns';
import { parseFactorUnit, type FactorUnit } from './factor-unit';
import type { ProblemList } from './problems';
import { cellKey, type CellValue, type Grid } from './read';
import type { Mapping, MapField } from './schemas';
import { LISTS, cellNumber, cellText, isEmpty, listCode, serialToIso } from './values';

export interface PreviewRow {
  row: number;
  /** Mapped cells as read: [field, value]. */
  cells: [MapField, CellValue][];
  ok: boolean;
}

/** What every row is read with: the sheet, the mapped columns and the defaults (the mapping's and the header's units). */
export interface RowContext {
  g: Grid;
  /** Mapped field → 0-based column. */
  col: Map<MapField, number>;
  defaults: Mapping['defaults'];
  activityUnit?: Unit;
  factorUnit?: FactorUnit;
  emissionsUnit?: FactorUnit;
  problems: ProblemList;
  /** `${line index}.${field}` of the fields already reported (one problem per field and line). */
  reported: Set<string>;
}

/** The lines read (bad ones included), the sheet row of each, the indexes of the bad ones, and the preview. */
export interface ReadRows {
  lines: InventoryLine[];
  rowOf: number[];
  bad: Set<number>;
  preview: PreviewRow[];
}

/** What rows share: ids taken so far, and whether "factor and emissions both given" was already said. */
interface Seen {
  ids: Set<string>;
  bothWarned: boolean;
}

const show = (v: CellValue | undefined): string => String(v ?? '').slice(0, 60);

/** One sheet row's mapped cells; an error marks the row bad. */
class RowReader {
  bad = false;
  readonly sheetRow: number;
  constructor(
    private readonly ctx: RowContext,
    private readonly row: CellValue[],
    private readonly r: number,
    readonly index: number,
  ) {
    this.sheetRow = r + 1;
  }

  err(f: MapField, key: string, params: Record<string, string | number>, fix: string, fixParams?: Record<string, string | number>): void {
    const { col } = this.ctx;
    this.bad = true;
    this.ctx.reported.add(`${this.index}.${f}`);
    this.ctx.problems.add({
      severity: 'error',
      sheet: this.ctx.g.name,
      row: this.sheetRow,
      ...(col.has(f) ? { column: colLetter(col.get(f)!) } : {}),
      field: f,
      message: msg(`import:${key}`, params),
      fix: msg(`import:fix.${fix}`, fixParams),
    });
  }

  /** The cell as read (undefined when not mapped or unusable); text that looks like a formula is reported. */
  cell(f: MapField): CellValue | undefined {
    const c = this.ctx.col.get(f);
    if (c === undefined) return undefined;
    const issue = this.ctx.g.bad.get(cellKey(this.r, c));
    if (issue) {
      this.bad = true;
      this.ctx.reported.add(`${this.index}.${f}`);
      this.ctx.problems.add({ ...issue, field: f });
      return undefined;
    }
    const v = this.row[c];
    if (typeof v === 'string' && /^[=+\-@]/.test(v) && cellNumber(v) === undefined)
      this.ctx.problems.add({
        severity: 'warning',
        sheet: this.ctx.g.name,
        row: this.sheetRow,
        column: colLetter(c),
        field: f,
        message: msg('import:warn.looksLikeFormula'),
        fix: msg('import:fix.formulaText'),
      });
    return v;
  }

  num(f: MapField): number | undefined {
    const v = this.cell(f);
    if (isEmpty(v)) return undefined;
    const n = cellNumber(v);
    if (n === undefined) this.err(f, 'problem.notANumber', { value: show(v) }, 'typeNumber');
    return n;
  }

  text(f: MapField): string | undefined {
    const v = this.cell(f);
    return isEmpty(v) ? undefined : cellText(v);
  }

  list(f: MapField, name: keyof typeof LISTS, dflt?: string): string | undefined {
    const v = this.cell(f);
    if (isEmpty(v)) return dflt;
    const code = listCode(name, v);
    if (code === undefined) this.err(f, 'problem.notInList', { value: show(v) }, 'useList', { allowed: LISTS[name].codes.join(', ') });
    return code;
  }
}

/** The row's id, else "R<row>" (made unique when another line already took it). */
function readId(rr: RowReader, ids: Set<string>): string {
  const idText = rr.text('id')?.trim();
  let id = idText || `R${rr.sheetRow}`;
  if (!idText && ids.has(id)) id = `R${rr.sheetRow}-${rr.index}`;
  ids.add(id);
  return id;
}

/** Stage, category, location (derived from the stage when not given) and installation. */
function readPlace(rr: RowReader, d: Mapping['defaults'], line: Record<string, unknown>): void {
  const stage = rr.list('stage', 'stage', d.stage);
  if (stage) line.stage = stage;
  const category = rr.list('category', 'category', d.category);
  if (category) line.category = category;
  const location =
    rr.list('location', 'location', d.location) ??
    (stage ? (stage === 'raw-material-acquisition' ? 'upstream' : stage === 'production' ? 'installation' : 'downstream') : undefined);
  if (location) line.location = location;
  const inst = rr.text('installationId')?.trim();
  if (inst) line.installationId = inst;
}

/** Activity amount and unit (the unit cell, else the default); returns the unit. */
function readActivity(rr: RowReader, dflt: Unit | undefined, line: Record<string, unknown>): Unit | undefined {
  const amount = rr.num('activity.amount');
  const unitCell = rr.cell('activity.unit');
  let unit: Unit | undefined = dflt;
  if (!isEmpty(unitCell)) {
    unit = typeof unitCell === 'string' ? parseUnit(unitCell) : undefined;
    if (!unit)
      rr.err('activity.unit', 'problem.unknownUnit', { value: show(unitCell) }, 'useList', {
        allowed: 't, kg, g, kWh, MWh, GJ, TJ, MJ, Nm3, 1000 Nm3, m3, L, tkm, piece',
      });
  }
  line.activity = { ...(amount !== undefined ? { amount } : {}), ...(unit ? { unit } : {}) };
  return unit;
}

function readGas(rr: RowReader): string | undefined {
  const gasCell = rr.cell('factor.gas');
  if (isEmpty(gasCell)) return undefined;
  const gas = listCode('gas', gasCell);
  if (!gas) rr.err('factor.gas', 'problem.notInList', { value: show(gasCell) }, 'useList', { allowed: LISTS.gas.codes.join(', ') });
  return gas;
}

/** Source name, year (a date serial is read as its year) and geography: the cells, else the mapping's defaults. */
function readSource(rr: RowReader, d: Mapping['defaults']): Record<string, unknown> {
  const source: Record<string, unknown> = {};
  const sn = rr.text('source.name') ?? d.sourceName;
  if (sn !== undefined) source.name = sn;
  const syCell = rr.cell('source.year');
  if (!isEmpty(syCell)) {
    let y = cellNumber(syCell);
    if (y !== undefined && y > 3000) {
      const iso = serialToIso(y);
      y = iso ? Number(iso.slice(0, 4)) : y;
    }
    if (y === undefined) rr.err('source.year', 'problem.notANumber', { value: show(syCell) }, 'typeNumber');
    else source.year = y;
  } else if (d.sourceYear !== undefined) source.year = d.sourceYear;
  const sg = rr.text('source.geography') ?? d.sourceGeography;
  if (sg !== undefined) source.geography = sg;
  return source;
}

/** The unit of a factor or a measured amount (cell, else header, else defaults); its gas and mass unit must be known. */
function emissionUnit(
  rr: RowReader,
  ctx: RowContext,
  field: 'factor.unit' | 'emissions.unit',
  dflt: FactorUnit | undefined,
  gas: string | undefined,
): { unit: FactorUnit | undefined; gas: string | undefined; massUnit: string | undefined } {
  const d = ctx.defaults;
  const unitCell = rr.cell(field);
  let unit = dflt;
  if (!isEmpty(unitCell)) {
    unit = typeof unitCell === 'string' ? parseFactorUnit(unitCell) : undefined;
    if (!unit) rr.err(field, 'problem.factorUnit', { value: show(unitCell) }, 'factorUnit');
  }
  const g2 = gas ?? unit?.gas ?? d.gas;
  if (!g2 && !rr.bad) rr.err('factor.gas', 'problem.noGas', {}, 'mapColumns');
  const massUnit = unit?.massUnit ?? d.massUnit;
  if (!massUnit && !rr.bad) rr.err(field, 'problem.factorUnit', { value: show(unitCell) }, 'factorUnit');
  return { unit, gas: g2, massUnit };
}

/** Emissions: a factor, else a measured amount (a factor wins when both are given, said once per import). */
function readEmissions(rr: RowReader, ctx: RowContext, seen: Seen, activityUnit: Unit | undefined, line: Record<string, unknown>): void {
  const fv = rr.num('factor.value');
  const ev = rr.num('emissions.value');
  const gas = readGas(rr);
  const source = readSource(rr, ctx.defaults);
  if (fv !== undefined) {
    if (ev !== undefined && !seen.bothWarned) {
      seen.bothWarned = true;
      ctx.problems.add({ severity: 'info', sheet: ctx.g.name, row: rr.sheetRow, message: msg('import:warn.emissionsIgnored') });
    }
    const e = emissionUnit(rr, ctx, 'factor.unit', ctx.factorUnit, gas);
    const perUnit = e.unit?.perUnit ?? activityUnit;
    line.emissions = {
      kind: 'factors',
      ...(e.massUnit ? { massUnit: e.massUnit } : {}),
      ...(perUnit ? { perUnit } : {}),
      gases: e.gas ? { [e.gas]: fv } : {},
      source,
    };
  } else if (ev !== undefined) {
    const e = emissionUnit(rr, ctx, 'emissions.unit', ctx.emissionsUnit, gas);
    line.emissions = {
      kind: 'measured',
      ...(e.massUnit ? { massUnit: e.massUnit } : {}),
      gases: e.gas ? { [e.gas]: ev } : {},
      ...(Object.keys(source).length ? { source } : {}),
    };
  }
}

/** A precursor (when a CN code is given): country of production and embedded emissions. */
function readPrecursor(rr: RowReader, line: Record<string, unknown>): void {
  const cn = rr.text('precursor.cnCode')?.trim();
  if (!cn) return;
  const pc: Record<string, unknown> = { cnCode: cn };
  const country = rr.text('precursor.country')?.trim().toUpperCase();
  if (country) pc.countryOfProduction = country;
  const dir = rr.num('precursor.direct');
  const ind = rr.num('precursor.indirect');
  if (dir !== undefined) pc.embedded = { direct: dir, ...(ind !== undefined ? { indirect: ind } : {}) };
  line.precursor = pc;
}

function readElectricity(rr: RowReader, line: Record<string, unknown>): void {
  const es = rr.list('electricity.source', 'electricitySource');
  if (!es) return;
  const gr = rr.text('electricity.gridRegion');
  line.electricity = { source: es, ...(gr ? { gridRegion: gr } : {}) };
}

/** One row → a line as read (the dataset checks come after). */
function readLine(rr: RowReader, ctx: RowContext, seen: Seen): Record<string, unknown> {
  const d = ctx.defaults;
  const line: Record<string, unknown> = {};
  line.id = readId(rr, seen.ids);
  line.description = rr.text('description') ?? '';
  readPlace(rr, d, line);
  const unit = readActivity(rr, ctx.activityUnit, line);
  readEmissions(rr, ctx, seen, unit, line);
  line.dataType = rr.list('dataType', 'dataType', d.dataType) ?? 'secondary';
  const q = rr.num('dataQuality.rating');
  if (q !== undefined) line.dataQuality = { rating: q };
  readPrecursor(rr, line);
  readElectricity(rr, line);
  const notes = rr.text('notes');
  if (notes !== undefined) line.notes = notes;
  return line;
}

/** A row counts when a mapped cell holds something (or something unusable). */
function hasData(g: Grid, row: CellValue[], r: number, mapped: [MapField, number][]): boolean {
  for (const [, c] of mapped) if (!isEmpty(row[c]) || g.bad.has(cellKey(r, c))) return true;
  return false;
}

/** Every row below the header row with data → a line; the first `previewN` are previewed. */
export function readRows(ctx: RowContext, headerRow: number, previewN: number): ReadRows {
  const { g } = ctx;
  const out: ReadRows = { lines: [], rowOf: [], bad: new Set(), preview: [] };
  const mapped = [...ctx.col.entries()];
  const seen: Seen = { ids: new Set(), bothWarned: false };
  for (let r = headerRow; r < g.rows.length; r++) {
    const row = g.rows[r];
    if (!row || !hasData(g, row, r, mapped)) continue;
    const rr = new RowReader(ctx, row, r, out.lines.length);
    const line = readLine(rr, ctx, seen);
    if (rr.bad) out.bad.add(rr.index);
    out.lines.push(line as unknown as InventoryLine);
    out.rowOf.push(rr.sheetRow);
    if (out.preview.length < previewN) out.preview.push({ row: rr.sheetRow, cells: mapped.map(([f, c]) => [f, row[c] ?? null]), ok: !rr.bad });
  }
  return out;
}

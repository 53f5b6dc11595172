/**
 * The dataset checks on mapped lines: the lines inside the base dataset (or a neutral skeleton) go through the
 * core's validateDataset; bad rows are left out pass by pass, and each problem is brought back to its sheet row,
 * column and mapping field.
 */
import { DATASET_FORMAT, DATASET_FORMAT_VERSION, type Dataset } from '../model/dataset';
import type { Problem } from '../model/problems';
import { validateDataset } from '../model/validate';
import { colLetter } from '../xlsx/columns';
import type { ReadRows, RowContext } from './mapping-rows';
import type { MapField } from './schemas';
import { fixForCore } from './workbook';

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

/** A line's path in the dataset → the mapping fields it comes from (the first mapped one is named). */
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

/** The mapping field behind a path inside a line. */
function fieldAt(col: Map<MapField, number>, rest: (string | number)[]): MapField | undefined {
  const p = rest.filter((x) => typeof x === 'string').join('.');
  for (const [prefix, fields] of LINE_PATH_FIELD) if (p === prefix || p.startsWith(`${prefix}.`)) return fields.find((f) => col.has(f)) ?? fields[0];
  return undefined;
}

export interface CheckedLines {
  /** The dataset with the kept lines, when it passed. */
  valid?: Dataset;
  /** Indexes of the lines left out. */
  rejected: Set<number>;
  /** Lines of the base dataset before the imported ones. */
  offset: number;
}

/** One pass's problems, reported on their sheet rows (once per line and field); returns the lines now bad. */
function reportPass(ctx: RowContext, rows: ReadRows, kept: number[], offset: number, problems: Problem[]): Set<number> {
  const newBad = new Set<number>();
  for (const p of problems) {
    if (p.path[0] !== 'inventory' || typeof p.path[1] !== 'number' || p.path[1] < offset) continue;
    const li = kept[p.path[1] - offset]!;
    const f = fieldAt(ctx.col, p.path.slice(2));
    if (p.severity === 'error') newBad.add(li);
    if (f && ctx.reported.has(`${li}.${f}`)) continue;
    if (f) ctx.reported.add(`${li}.${f}`);
    let message = p.message;
    if (message.key === 'core:validation.duplicateId' && typeof message.params?.firstRow === 'number') {
      const first = message.params.firstRow - 1 - offset;
      if (first >= 0 && kept[first] !== undefined) message = { ...message, params: { ...message.params, firstRow: rows.rowOf[kept[first]!]! } };
    }
    ctx.problems.add({
      severity: p.severity,
      sheet: ctx.g.name,
      row: rows.rowOf[li]!,
      ...(f && ctx.col.has(f) ? { column: colLetter(ctx.col.get(f)!) } : {}),
      ...(f ? { field: f } : {}),
      message,
      fix: fixForCore(p.message.key),
    });
  }
  return newBad;
}

/** Run the dataset checks on the lines (bad rows already out), leaving out newly bad rows, up to three passes. */
export function checkLines(ctx: RowContext, rows: ReadRows, opts: { base?: Dataset; replace?: boolean }): CheckedLines {
  const baseDs = (opts.base ?? SKELETON) as Record<string, unknown> & { inventory: unknown[] };
  const offset = opts.replace ? 0 : baseDs.inventory.length;
  const before = opts.replace ? [] : baseDs.inventory;
  const rejected = new Set<number>(rows.bad);
  let kept = rows.lines.map((_, i) => i).filter((i) => !rejected.has(i));
  for (let pass = 0; pass < 3; pass++) {
    const v = validateDataset({ ...baseDs, inventory: [...before, ...kept.map((i) => rows.lines[i])] });
    const newBad = reportPass(ctx, rows, kept, offset, v.problems);
    if (v.ok && v.dataset && newBad.size === 0) return { valid: v.dataset, rejected, offset };
    if (newBad.size === 0) break;
    for (const i of newBad) rejected.add(i);
    kept = kept.filter((i) => !rejected.has(i));
  }
  return { rejected, offset };
}

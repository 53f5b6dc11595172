/**
 * The optional production-process sheets of our input workbook (dataset format version 2): Processes (one row per
 * production process), Flows (one row per input from another process of the installation: the receiving process,
 * the process it comes from, amount, unit) and Products (one row per product of a process with its CN code,
 * qualifying parameters and the carbon price paid). Written only for datasets with processes, and as optional
 * sheets in the empty workbook; a workbook without them reads as a dataset without processes.
 *
 * Qualifying parameters take one cell, written "name=value; name=value": a number is written as a number
 * (clinkerShare=0.8), a text value as it is (grade=CEM I) or, when it would otherwise read as a number or holds a
 * separator, in double quotes with JSON escapes (grade="42.5"). Names may be quoted the same way. Full-width ＝ and
 * ； are accepted as separators. Written and read back, the parameters are identical (names, values, their types).
 */
import type { Dataset } from '../model/dataset';
import { parseNumberText } from '../model/normalise';
import type { FieldSpec, FieldType } from './workbook-spec';
import type { ListName } from './values';

export type ProcessSheetId = 'processes' | 'flows' | 'products';
export interface ProcessSheetSpec {
  id: ProcessSheetId;
  fields: FieldSpec[];
}

const f = (key: string, type: FieldType): FieldSpec => ({ key, type });
const L = (list: ListName): FieldType => ({ list });
const energy = (k: 'heat' | 'wasteGas'): FieldSpec[] => ['importedTJ', 'importedEf', 'exportedTJ', 'exportedEf'].map((x) => f(`${k}.${x}`, 'number'));

export const PROCESSES_SPEC: ProcessSheetSpec = {
  id: 'processes',
  fields: [
    f('id', 'code'),
    f('name', 'text'),
    f('installationId', 'code'),
    f('category', L('processCategory')),
    f('route', L('processRoute')),
    f('production.amount', 'number'),
    f('production.unit', 'unit'),
    f('producedForMarket', 'number'),
    f('consumedForNonCbam', 'number'),
    ...energy('heat'),
    ...energy('wasteGas'),
    f('electricityExported.mwh', 'number'),
    f('electricityExported.ef', 'number'),
  ],
};
/** The receiving process's id is the column `process`; the other columns are the flow's own fields. */
export const FLOWS_SPEC: ProcessSheetSpec = {
  id: 'flows',
  fields: [f('process', 'code'), f('fromProcess', 'code'), f('amount', 'number'), f('unit', 'massUnit')],
};
export const PRODUCTS_SPEC: ProcessSheetSpec = {
  id: 'products',
  fields: [
    f('process', 'code'),
    f('id', 'code'),
    f('cnCode', 'cn'),
    f('name', 'text'),
    f('amount', 'number'),
    f('qualifying', 'text'),
    f('carbonPrice.instrument', L('carbonInstrument')),
    f('carbonPrice.shareCovered', 'number'),
    f('carbonPrice.currency', 'country'),
    f('carbonPrice.amountPerT', 'number'),
    f('carbonPrice.rebate', L('rebate')),
    f('carbonPrice.rebateShare', 'number'),
    f('carbonPrice.rebatePerT', 'number'),
    f('carbonPrice.legalAct', 'text'),
  ],
};
export const PROCESS_SPECS: ProcessSheetSpec[] = [PROCESSES_SPEC, FLOWS_SPEC, PRODUCTS_SPEC];

type Qualifying = Record<string, string | number>;

const NUM_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;
/** An unquoted value as a number, or undefined when it is text. */
const asNumber = (s: string): number | undefined => parseNumberText(s) ?? (NUM_RE.test(s) ? Number(s) : undefined);
const SEPARATORS = /[=;＝；"]/;
const bareSafe = (s: string): boolean => s !== '' && s.trim() === s && !SEPARATORS.test(s);

/** "name=value; name=value" (see the header). */
export function formatQualifying(q: Qualifying): string {
  return Object.entries(q)
    .map(([k, v]) => {
      const name = bareSafe(k) ? k : JSON.stringify(k);
      const value = typeof v === 'number' ? String(v) : bareSafe(v) && asNumber(v) === undefined ? v : JSON.stringify(v);
      return `${name}=${value}`;
    })
    .join('; ');
}

/** Parse "name=value; name=value"; undefined when the text is not of that form (or names a parameter twice). */
export function parseQualifying(s: string): Qualifying | undefined {
  const out: [string, string | number][] = [];
  let i = 0;
  const ws = () => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const quoted = (): string | undefined => {
    let j = i + 1;
    while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
    if (j >= s.length) return undefined;
    try {
      const v: unknown = JSON.parse(s.slice(i, j + 1));
      i = j + 1;
      return typeof v === 'string' ? v : undefined;
    } catch {
      return undefined;
    }
  };
  const bare = (stop: RegExp): string => {
    const j0 = i;
    while (i < s.length && !stop.test(s[i]!)) i++;
    return s.slice(j0, i).trim();
  };
  const isEq = () => s[i] === '=' || s[i] === '＝';
  const isSemi = () => s[i] === ';' || s[i] === '；';
  for (;;) {
    ws();
    if (i >= s.length) break;
    const name = s[i] === '"' ? quoted() : bare(/[=;＝；]/);
    ws();
    if (!name || !isEq()) return undefined;
    i++;
    ws();
    let value: string | number | undefined;
    if (s[i] === '"') value = quoted();
    else {
      const b = bare(/[;；]/);
      value = b === '' ? undefined : (asNumber(b) ?? b);
    }
    if (value === undefined) return undefined;
    ws();
    if (i < s.length && !isSemi()) return undefined;
    i++;
    if (out.some(([k]) => k === name)) return undefined;
    out.push([name, value]);
  }
  return out.length ? Object.fromEntries(out) : undefined;
}

/** The rows of each process sheet for a dataset (flows and products carry their process's id in `process`). */
export function processSheetItems(ds: Dataset | undefined): Record<ProcessSheetId, unknown[]> {
  const procs = ds?.processes ?? [];
  return {
    processes: procs,
    flows: procs.flatMap((p) => p.inputs.map((i) => ({ process: p.id, ...i }))),
    products: procs.flatMap((p) =>
      p.products.map((pr) => ({ process: p.id, ...pr, ...(pr.qualifying ? { qualifying: formatQualifying(pr.qualifying) } : {}) })),
    ),
  };
}

/**
 * Dataset validation: JSON text or a parsed object → the typed dataset, or one precise problem per fault
 * (where, what is wrong, how to fix it) as translatable messages. Schema faults come from the zod schema;
 * the semantic checks below cover what a schema cannot say (duplicate ids, unit dimensions, references).
 */
import type { z } from 'zod';
import { msg } from '../i18n/message';
import { z as zod } from 'zod';
import { Dataset, DATASET_FORMAT, DATASET_FORMAT_VERSION, InventoryLine, STAGES } from './dataset';
import { isCanonicalLine } from './fast-path';
import { processProblems } from './processes';
import { migrateDataset } from './migrations';
import { checkParsedValue, parseJsonStrict, NUMBER_RANGE_TEXT } from './json';
import { GASES } from './gases';
import type { Problem } from './problems';
import { qualifyingParamAt, qualifyingParamLabel, qualifyingValueProblem } from './qualifying';
import { compatible, dimensionOf, type Unit } from './units';

export interface ValidationResult {
  ok: boolean;
  dataset?: Dataset;
  /** Errors make the dataset unusable; warnings do not. */
  problems: Problem[];
  migratedFrom?: number;
  /** Problems found but not listed (the list is capped at VALIDATION_LIMITS.maxProblems). */
  omitted?: number;
  /** Inventory lines not checked in detail because the list was already full (they are not in canonical form). */
  uncheckedLines?: number;
}

export const VALIDATION_LIMITS = {
  /** Most problems listed; the rest are counted (and summarised by kind by the callers). */
  maxProblems: 1000,
} as const;

/** Parse JSON text strictly (see ./json.ts), reporting the first problem (line and column of a syntax error). */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  const r = parseJsonStrict(text);
  return r.ok ? r : { ok: false, problem: r.problems[0]! };
}

export const FIELD_LABELS = new Set([
  'id',
  'description',
  'stage',
  'category',
  'location',
  'installationId',
  'activity.amount',
  'activity.unit',
  'emissions',
  'emissions.kind',
  'emissions.massUnit',
  'emissions.perUnit',
  'emissions.gases',
  'emissions.source',
  'emissions.source.name',
  'emissions.source.year',
  'dataType',
  'dataQuality.rating',
  'electricity.source',
  'precursor.cnCode',
  'precursor.countryOfProduction',
  'precursor.embedded.direct',
  'precursor.embedded.indirect',
  'product.name',
  'product.cnCode',
  'product.functionalUnit.amount',
  'product.functionalUnit.unit',
  'producer.name',
  'producer.country',
  'period.start',
  'period.end',
  'study.standard',
  'study.boundary',
  'study.gwpSet',
  'study.allocation.method',
  'study.reported.total',
  'basis',
  'basis.production.amount',
  'basis.production.unit',
  'inventory',
  'country',
  'unlocode',
  'name',
  'format',
  'formatVersion',
  // format version 2: the line's process, the supplier's electricity and variant, production processes and products
  'processId',
  'precursor.variant',
  'precursor.embedded.electricityMWhPerT',
  'precursor.embedded.electricityEf',
  'precursor.embedded.electricityEfSource',
  'processes',
  'processes.id',
  'processes.name',
  'processes.installationId',
  'processes.category',
  'processes.route',
  'processes.production.amount',
  'processes.production.unit',
  'processes.producedForMarket',
  'processes.consumedForNonCbam',
  'processes.inputs',
  'processes.inputs.fromProcess',
  'processes.inputs.amount',
  'processes.inputs.unit',
  'processes.heat.importedTJ',
  'processes.heat.importedEf',
  'processes.heat.exportedTJ',
  'processes.heat.exportedEf',
  'processes.wasteGas.importedTJ',
  'processes.wasteGas.importedEf',
  'processes.wasteGas.exportedTJ',
  'processes.wasteGas.exportedEf',
  'processes.electricityExported.mwh',
  'processes.electricityExported.ef',
  'processes.products',
  'processes.products.id',
  'processes.products.cnCode',
  'processes.products.name',
  'processes.products.amount',
  'processes.products.qualifying',
  'processes.products.carbonPrice.instrument',
  'processes.products.carbonPrice.shareCovered',
  'processes.products.carbonPrice.currency',
  'processes.products.carbonPrice.amountPerT',
  'processes.products.carbonPrice.rebate',
  'processes.products.carbonPrice.rebateShare',
  'processes.products.carbonPrice.rebatePerT',
  'processes.products.carbonPrice.legalAct',
]);

export const GROUP_FIELDS = new Set(['emissions', 'emissions.source', 'basis', 'processes', 'processes.inputs', 'processes.products']);

/** A translatable label for a field path (inventory line fields are named relative to the line). */
export function fieldLabel(path: readonly (string | number)[]): string {
  const param = qualifyingParamAt(path);
  if (param !== undefined) return qualifyingParamLabel(param);
  const rel = path[0] === 'inventory' && typeof path[1] === 'number' ? path.slice(2) : path[0] === 'installations' ? path.slice(2) : path;
  const named = rel.filter((p) => typeof p === 'string') as string[];
  if (named[0] === 'emissions' && named[1] === 'gases' && named[2]) return `$raw:${named.join('.')}`;
  const key = named.join('.');
  if (!FIELD_LABELS.has(key)) return `$raw:${path.join('.')}`;
  return GROUP_FIELDS.has(key) ? `$t:core:field.${key}._` : `$t:core:field.${key}`;
}

function lineOf(raw: unknown, path: readonly (string | number)[]): Problem['line'] {
  if (path[0] !== 'inventory' || typeof path[1] !== 'number') return undefined;
  const inv = (raw as { inventory?: unknown[] })?.inventory;
  const l = Array.isArray(inv) ? (inv[path[1]] as { id?: unknown } | undefined) : undefined;
  const id = l && typeof l.id === 'string' ? l.id : undefined;
  return { id, row: path[1] + 1 };
}

/** Kinds of value the messages name in words (core:type.*); zod's other kinds are "another kind of value". */
const KNOWN_TYPES = new Set(['string', 'number', 'object', 'array', 'boolean', 'record', 'null', 'integer', 'int']);

const show = (v: unknown): string => {
  if (v === undefined) return '';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

function issueToProblem(issue: z.core.$ZodIssue, raw: unknown): Problem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
  const field = fieldLabel(path);
  const last = path[path.length - 1];
  const input = (issue as { input?: unknown }).input;
  const base = { severity: 'error' as const, path, line: lineOf(raw, path) };
  const qualifying = qualifyingValueProblem(issue, path, raw, base.line);
  if (qualifying) return qualifying;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) {
        if (last === 'emissions') return { ...base, message: msg('core:validation.missingEmissions') };
        return { ...base, message: msg('core:validation.required', { field }) };
      }
      if (issue.expected === 'number') return { ...base, message: msg('core:validation.notANumber', { field, value: show(input) }) };
      return {
        ...base,
        message: msg('core:validation.wrongType', {
          field,
          expected: `$t:core:type.${KNOWN_TYPES.has(issue.expected) ? issue.expected : 'other'}`,
          value: show(input),
        }),
      };
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      if (issue.code === 'too_small' && issue.origin === 'number' && Number(bound) === 0)
        return { ...base, message: msg(issue.inclusive ? 'core:validation.negative' : 'core:validation.notPositive', { field, value: show(input) }) };
      if (issue.origin === 'string' && issue.code === 'too_small') return { ...base, message: msg('core:validation.required', { field }) };
      return {
        ...base,
        message: msg(issue.code === 'too_small' ? 'core:validation.tooSmall' : 'core:validation.tooBig', { field, value: show(input), bound: String(bound) }),
      };
    }
    case 'invalid_value': {
      if (input === undefined) return { ...base, message: msg('core:validation.required', { field }) };
      const allowed = issue.values.map(String).join(', ');
      if (last === 'format') return { ...base, message: msg('core:validation.notADataset') };
      if (last === 'formatVersion')
        return { ...base, message: msg('core:validation.unknownVersion', { value: show(input), supported: DATASET_FORMAT_VERSION }) };
      if (last === 'unit' || last === 'perUnit' || last === 'massUnit')
        return { ...base, message: msg('core:validation.unknownUnit', { field, value: show(input), allowed }) };
      if (last === 'stage') return { ...base, message: msg('core:validation.unknownStage', { value: show(input), allowed }) };
      if (path[path.length - 2] === 'gases' || last === 'gases')
        return { ...base, message: msg('core:validation.unknownGas', { value: show(input), allowed }) };
      return { ...base, message: msg('core:validation.unknownValue', { field, value: show(input), allowed }) };
    }
    case 'invalid_key': {
      if (last === 'gases') return { ...base, message: msg('core:validation.unknownGas', { value: show(input), allowed: '' }) };
      return { ...base, message: msg('core:validation.unknownValue', { field, value: show(input), allowed: '' }) };
    }
    case 'custom': {
      if (issue.message === 'range') return { ...base, message: msg('core:validation.numberRange', { field, value: show(input), ...NUMBER_RANGE_TEXT }) };
      if (issue.message === 'calendarDate') return { ...base, message: msg('core:validation.format.impossibleDate', { field, value: show(input) }) };
      return { ...base, message: msg('core:validation.generic', { field, detail: '' }) };
    }
    case 'invalid_format': {
      const kind = issue.message && ['date', 'country', 'cnCode', 'unlocode'].includes(issue.message) ? issue.message : 'generic';
      return { ...base, message: msg(`core:validation.format.${kind}`, { field, value: show(input) }) };
    }
    case 'unrecognized_keys':
      if (last === 'gases') return { ...base, message: msg('core:validation.unknownGas', { value: issue.keys.join(', '), allowed: GASES.join(', ') }) };
      return { ...base, severity: 'error', message: msg('core:validation.unknownField', { keys: issue.keys.join(', ') }) };
    case 'invalid_union':
      if (last === 'emissions') return { ...base, message: msg('core:validation.emissionsKind', { value: show((input as { kind?: unknown })?.kind) }) };
      if (last === 'basis') return { ...base, message: msg('core:validation.basisKind') };
      return { ...base, message: msg('core:validation.wrongType', { field, expected: '', value: show(input) }) };
    default:
      return { ...base, message: msg('core:validation.generic', { field, detail: issue.message }) };
  }
}

/** Semantic checks the schema cannot express. Runs on a schema-valid dataset. */
export function semanticProblems(ds: Dataset): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, number>();
  const installationIds = new Set(ds.installations.map((i) => i.id));
  const instSeen = new Set<string>();
  ds.installations.forEach((inst, i) => {
    if (instSeen.has(inst.id))
      out.push({ severity: 'error', path: ['installations', i, 'id'], message: msg('core:validation.duplicateInstallation', { id: inst.id }) });
    instSeen.add(inst.id);
  });
  const fu = ds.product.functionalUnit;
  if (ds.basis.kind === 'per-period' && !compatible(ds.basis.production.unit as Unit, fu.unit as Unit)) {
    out.push({
      severity: 'error',
      path: ['basis', 'production', 'unit'],
      message: msg('core:validation.productionUnit', { unit: ds.basis.production.unit, fuUnit: fu.unit }),
    });
  }
  if (ds.period.start > ds.period.end)
    out.push({ severity: 'error', path: ['period', 'end'], message: msg('core:validation.periodOrder', { start: ds.period.start, end: ds.period.end }) });
  // a dataset without lines computes nothing: say so instead of calling it valid and silent
  if (ds.inventory.length === 0) out.push({ severity: 'warning', path: ['inventory'], message: msg('core:validation.emptyInventory') });

  for (let i = 0; i < ds.inventory.length; i++) {
    const l = ds.inventory[i]!;
    const first = seen.get(l.id);
    if (first === undefined) seen.set(l.id, i);
    const em = l.emissions;
    let gasCount = 0;
    for (const _ in em.gases) gasCount++;
    const unitMismatch = em.kind === 'factors' && !compatible(l.activity.unit as Unit, em.perUnit as Unit);
    const badInstallation = l.installationId !== undefined && !installationIds.has(l.installationId);
    const elecNoInfo = l.category === 'electricity' && !l.electricity;
    const elecUnit = l.category === 'electricity' && dimensionOf(l.activity.unit as Unit) !== 'energy';
    const precursorCountry = l.precursor?.embedded !== undefined && !l.precursor.countryOfProduction;
    // the common case: nothing to report on this line
    if (first === undefined && gasCount > 0 && !unitMismatch && !badInstallation && !elecNoInfo && !elecUnit && !precursorCountry) continue;
    const line = { id: l.id, row: i + 1 };
    const at = (...p: (string | number)[]) => ['inventory', i, ...p];
    if (first !== undefined)
      out.push({ severity: 'error', path: at('id'), line, message: msg('core:validation.duplicateId', { id: l.id, firstRow: first + 1 }) });
    if (gasCount === 0) out.push({ severity: 'error', path: at('emissions', 'gases'), line, message: msg('core:validation.missingFactor') });
    if (unitMismatch && em.kind === 'factors') {
      out.push({
        severity: 'error',
        path: at('emissions', 'perUnit'),
        line,
        message: msg('core:validation.unitMismatch', {
          activityUnit: l.activity.unit,
          perUnit: em.perUnit,
          activityDim: `$t:core:dimension.${dimensionOf(l.activity.unit as Unit)}`,
          factorDim: `$t:core:dimension.${dimensionOf(em.perUnit as Unit)}`,
        }),
      });
    }
    if (badInstallation)
      out.push({ severity: 'error', path: at('installationId'), line, message: msg('core:validation.unknownInstallation', { id: l.installationId! }) });
    if (elecNoInfo) out.push({ severity: 'warning', path: at('electricity'), line, message: msg('core:validation.electricityInfoMissing') });
    if (elecUnit)
      out.push({ severity: 'error', path: at('activity', 'unit'), line, message: msg('core:validation.electricityUnit', { unit: l.activity.unit }) });
    if (precursorCountry)
      out.push({ severity: 'warning', path: at('precursor', 'countryOfProduction'), line, message: msg('core:validation.precursorCountry') });
  }
  const rep = ds.study.reported?.perStage;
  if (rep)
    for (const s of Object.keys(rep))
      if (!(STAGES as readonly string[]).includes(s))
        out.push({
          severity: 'error',
          path: ['study', 'reported', 'perStage', s],
          message: msg('core:validation.unknownStage', { value: s, allowed: STAGES.join(', ') }),
        });
  return out;
}

/** The dataset without its inventory lines, which are checked one by one. */
const DatasetHead = Dataset.extend({ inventory: zod.array(zod.unknown()) });

/** The reader's problems name their field (a translatable label) like the schema's. */
function withField(p: Problem): Problem {
  return p.path.length ? { ...p, message: { ...p.message, params: { ...p.message.params, field: fieldLabel(p.path) } } } : p;
}

/** Validate JSON text or an already-parsed value. */
export function validateDataset(input: string | unknown): ValidationResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseJsonStrict(input);
    if (!parsed.ok) return { ok: false, problems: parsed.problems.map(withField), ...(parsed.dropped ? { omitted: parsed.dropped } : {}) };
    raw = parsed.value;
  } else {
    // values that did not come through the strict reader (the app's database, the editor) get the same checks
    // lines in canonical form passed the same checks in the fast path; the rest of the value is walked
    const shape: Problem[] = [];
    if (input && typeof input === 'object' && !Array.isArray(input) && Array.isArray((input as { inventory?: unknown }).inventory)) {
      const { inventory, ...head } = input as { inventory: unknown[] };
      shape.push(...checkParsedValue(head));
      for (let i = 0; i < inventory.length && shape.length < VALIDATION_LIMITS.maxProblems; i++)
        if (!isCanonicalLine(inventory[i])) shape.push(...checkParsedValue(inventory[i], { prefix: ['inventory', i] }));
    } else shape.push(...checkParsedValue(input));
    if (shape.length) return { ok: false, problems: shape.map(withField) };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, problems: [{ severity: 'error', path: [], message: msg('core:validation.notADataset') }] };
  const fmt = (raw as { format?: unknown }).format;
  if (fmt !== DATASET_FORMAT) return { ok: false, problems: [{ severity: 'error', path: ['format'], message: msg('core:validation.notADataset') }] };
  const mig = migrateDataset(raw);
  if (!mig.ok) {
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          path: ['formatVersion'],
          message: msg(mig.reason === 'newer-version' ? 'core:validation.newerVersion' : 'core:validation.unknownVersion', {
            value: String(mig.version ?? ''),
            supported: DATASET_FORMAT_VERSION,
          }),
        },
      ],
    };
  }
  // The head is checked by the schema; lines already in canonical form are accepted by the fast path,
  // every other line goes through the zod schema for its precise messages, until the list of problems is full:
  // further lines are then only counted (a dataset with errors is not used, so their details can wait).
  const value = mig.value as Record<string, unknown>;
  const res = DatasetHead.safeParse(value, { reportInput: true });
  const issues = res.success ? [] : res.error.issues;
  const lines: InventoryLine[] = [];
  let unchecked = 0;
  if (Array.isArray(value.inventory)) {
    const inv = value.inventory as unknown[];
    for (let i = 0; i < inv.length; i++) {
      const l = inv[i];
      if (isCanonicalLine(l)) {
        lines.push(l as InventoryLine);
        continue;
      }
      if (issues.length >= VALIDATION_LIMITS.maxProblems) {
        unchecked++;
        continue;
      }
      const r = InventoryLine.safeParse(l, { reportInput: true });
      if (r.success) lines.push(r.data);
      else for (const is of r.error.issues) issues.push({ ...is, path: ['inventory', i, ...is.path] });
    }
  }
  if (!res.success || issues.length) {
    const listed = issues.slice(0, VALIDATION_LIMITS.maxProblems);
    return {
      ok: false,
      problems: listed.map((i) => issueToProblem(i, value)),
      ...(issues.length > listed.length ? { omitted: issues.length - listed.length } : {}),
      ...(unchecked ? { uncheckedLines: unchecked } : {}),
    };
  }
  const data: Dataset = { ...res.data, inventory: lines };
  const all = [...semanticProblems(data), ...processProblems(data)];
  const ok = !all.some((p) => p.severity === 'error');
  const problems = all.length > VALIDATION_LIMITS.maxProblems ? all.slice(0, VALIDATION_LIMITS.maxProblems) : all;
  return {
    ok,
    dataset: ok ? data : undefined,
    problems,
    migratedFrom: mig.ok ? mig.migratedFrom : undefined,
    ...(all.length > problems.length ? { omitted: all.length - problems.length } : {}),
  };
}

/** Problems grouped by kind (message key and field), most frequent first: what a capped list summarises. */
export function summariseProblems(
  problems: readonly Problem[],
): { key: string; severity: Problem['severity']; field?: string; count: number; example: number }[] {
  const m = new Map<string, { key: string; severity: Problem['severity']; field?: string; count: number; example: number }>();
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i]!;
    const rel = p.path[0] === 'inventory' && typeof p.path[1] === 'number' ? p.path.slice(2) : p.path;
    const field = rel.filter((x) => typeof x === 'string').join('.') || undefined;
    const id = `${p.severity}|${p.message.key}|${field ?? ''}`;
    const e = m.get(id);
    if (e) e.count++;
    else m.set(id, { key: p.message.key, severity: p.severity, ...(field ? { field } : {}), count: 1, example: i });
  }
  return [...m.values()].sort((a, b) => b.count - a.count);
}

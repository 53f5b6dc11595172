/**
 * Fast acceptance of inventory lines that are already in canonical form (what CarbonBridge itself
 * writes). It never decides that a line is wrong: anything it does not accept goes through the zod
 * schema, which stays the single source of the rules and of every error message. A property test
 * (fast-path.test.ts) checks that whatever this accepts, zod accepts and returns unchanged.
 */
import { CATEGORIES, DATA_TYPES, ELECTRICITY_SOURCES, LOCATIONS, STAGES } from './dataset';
import { GASES } from './gases';
import { inNumberRange, JSON_LIMITS } from './json';
import { MASS_UNITS, UNITS } from './units';

const set = (xs: readonly string[]) => new Set<unknown>(xs);
const S_STAGE = set(STAGES);
const S_CAT = set(CATEGORIES);
const S_LOC = set(LOCATIONS);
const S_UNIT = set(UNITS);
const S_MASS = set(MASS_UNITS);
const S_GAS = set(GASES);
const S_DT = set(DATA_TYPES);
const S_ELEC = set(ELECTRICITY_SOURCES);

const LINE_KEYS = set([
  'id',
  'description',
  'stage',
  'category',
  'location',
  'installationId',
  'activity',
  'emissions',
  'dataType',
  'dataQuality',
  'electricity',
  'precursor',
  'processId',
  'notes',
]);
const FACTOR_KEYS = set(['kind', 'massUnit', 'perUnit', 'gases', 'source']);
const MEASURED_KEYS = set(['kind', 'massUnit', 'gases', 'source']);
const SOURCE_KEYS = set(['name', 'year', 'geography', 'reference', 'factorId']);
const ELEC_KEYS = set(['source', 'gridRegion', 'factorId', 'evidence']);
const ACTIVITY_KEYS = set(['amount', 'unit']);
const QUALITY_KEYS = set(['rating', 'note']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const optStr = (v: unknown) => v === undefined || (typeof v === 'string' && v.length <= JSON_LIMITS.maxStringChars);
const nonNeg = (v: unknown) => typeof v === 'number' && v >= 0 && inNumberRange(v);
const trimmedText = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= JSON_LIMITS.maxStringChars && v.trim() === v;

function keysIn(o: Obj, allowed: Set<unknown>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

function source(v: unknown): boolean {
  if (!isObj(v) || !keysIn(v, SOURCE_KEYS) || !trimmedText(v.name)) return false;
  const y = v.year;
  if (y !== undefined && !(typeof y === 'number' && Number.isInteger(y) && y >= 1900 && y <= 2100)) return false;
  return optStr(v.geography) && optStr(v.reference) && optStr(v.factorId);
}

function gases(v: unknown): boolean {
  if (!isObj(v)) return false;
  for (const k in v) if (!S_GAS.has(k) || !nonNeg(v[k])) return false;
  return true;
}

export function isCanonicalLine(l: unknown): boolean {
  if (!isObj(l) || !keysIn(l, LINE_KEYS)) return false;
  if (l.precursor !== undefined) return false; // has a transform (CN code spaces): let zod handle it
  if (!trimmedText(l.id) || typeof l.description !== 'string' || l.description.length > JSON_LIMITS.maxStringChars) return false;
  if (!S_STAGE.has(l.stage) || !S_CAT.has(l.category) || !S_LOC.has(l.location) || !S_DT.has(l.dataType)) return false;
  if (!optStr(l.installationId) || !optStr(l.notes)) return false;
  if (l.processId !== undefined && !trimmedText(l.processId)) return false;
  const a = l.activity;
  if (!isObj(a) || !keysIn(a, ACTIVITY_KEYS) || !nonNeg(a.amount) || !S_UNIT.has(a.unit)) return false;
  const e = l.emissions;
  if (!isObj(e) || !S_MASS.has(e.massUnit) || !gases(e.gases)) return false;
  if (e.kind === 'factors') {
    if (!keysIn(e, FACTOR_KEYS) || !S_UNIT.has(e.perUnit) || !source(e.source)) return false;
  } else if (e.kind === 'measured') {
    if (!keysIn(e, MEASURED_KEYS) || (e.source !== undefined && !source(e.source))) return false;
  } else return false;
  const q = l.dataQuality;
  if (q !== undefined) {
    if (!isObj(q) || !keysIn(q, QUALITY_KEYS) || !optStr(q.note)) return false;
    if (!(typeof q.rating === 'number' && Number.isInteger(q.rating) && q.rating >= 1 && q.rating <= 5)) return false;
  }
  const el = l.electricity;
  if (el !== undefined) {
    if (!isObj(el) || !keysIn(el, ELEC_KEYS) || !S_ELEC.has(el.source)) return false;
    if (!optStr(el.gridRegion) || !optStr(el.factorId) || !optStr(el.evidence)) return false;
  }
  return true;
}

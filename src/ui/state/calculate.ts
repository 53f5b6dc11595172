/**
 * The calculation screen's plumbing: the form (every number kept as typed text, so nothing typed is lost and the
 * core can say what is wrong), its conversion to the core's activity input, the Commission's worked examples, the
 * autosave of the form in the browser database, and adding the calculated lines to a saved dataset. All
 * calculation and checking is the core's (src/core/cbam/activity.ts).
 */
import { ACTIVITY_FORMAT, activityLines, addLinesToDataset, parseActivity, type InstallationResult, type Message, type Problem } from '../core';
import { db, getSetting, listDatasets, newId, saveDataset, setSetting, type DatasetRow } from '../db/db';
import { datasetName, downloadJson, safeFileName } from './datasets';

export const SETTING_KEY = 'calculate.form';
export const AUTOSAVE_MS = 300;

export type StreamMethod = 'combustion' | 'process' | 'mass-balance';
export interface FormStream {
  key: string;
  id: string;
  name: string;
  method: StreamMethod;
  ad: string;
  unit: string;
  ncv: string;
  ef: string;
  oxidationFactor: string;
  biomassShare: string;
  conversionFactor: string;
  carbonContent: string;
}
export interface FormPfc {
  key: string;
  id: string;
  name: string;
  method: 'slope' | 'overvoltage';
  alProduced: string;
  aef: string;
  aed: string;
  sefCf4: string;
  ovc: string;
  aeo: string;
  currentEfficiency: string;
  fC2F6: string;
  collectionEfficiency: string;
}
export interface FormCems {
  key: string;
  id: string;
  name: string;
  gas: 'CO2' | 'N2O';
  concentration: string;
  hours: string;
  flow: string;
  biomassShare: string;
}
export interface FormHeat {
  tj: string;
  mode: 'ef' | 'fuel';
  ef: string;
  fuelEf: string;
  efficiency: string;
}
export interface FormPrecursor {
  key: string;
  name: string;
  mass: string;
  seeDirect: string;
  seeIndirect: string;
  source: 'actual' | 'default';
}
export interface CalcForm {
  title: string;
  streams: FormStream[];
  pfc: FormPfc[];
  cems: FormCems[];
  heatImported: FormHeat;
  heatExported: FormHeat;
  wasteGas: { importedTJ: string; exportedTJ: string };
  electricityExported: { mwh: string; ef: string };
  electricityConsumed: { mwh: string; ef: string };
  production: { activityLevel: string; unit: 't' | 'MWh'; good: string };
  precursors: FormPrecursor[];
  importedGoods: { mass: string; indirectCounted: boolean };
}

/** The fields each source-stream method uses (the others are kept in the form, not sent). */
type StreamField = Exclude<keyof FormStream, 'key' | 'method'>;
type PfcField = Exclude<keyof FormPfc, 'key' | 'method'>;
type CemsField = Exclude<keyof FormCems, 'key' | 'gas'>;
export const STREAM_FIELDS: Record<StreamMethod, StreamField[]> = {
  combustion: ['ad', 'unit', 'ncv', 'ef', 'oxidationFactor', 'biomassShare'],
  process: ['ad', 'ef', 'conversionFactor', 'biomassShare'],
  'mass-balance': ['ad', 'carbonContent', 'biomassShare'],
};
export const PFC_FIELDS: Record<FormPfc['method'], PfcField[]> = {
  slope: ['alProduced', 'aef', 'aed', 'sefCf4', 'fC2F6', 'collectionEfficiency'],
  overvoltage: ['alProduced', 'ovc', 'aeo', 'currentEfficiency', 'fC2F6', 'collectionEfficiency'],
};
export const CEMS_FIELDS: CemsField[] = ['concentration', 'hours', 'flow', 'biomassShare'];

const key = () => newId();
export const newStream = (method: StreamMethod = 'combustion'): FormStream => ({
  key: key(),
  id: '',
  name: '',
  method,
  ad: '',
  unit: 't',
  ncv: '',
  ef: '',
  oxidationFactor: '',
  biomassShare: '',
  conversionFactor: '',
  carbonContent: '',
});
export const newPfc = (): FormPfc => ({
  key: key(),
  id: '',
  name: '',
  method: 'slope',
  alProduced: '',
  aef: '',
  aed: '',
  sefCf4: '',
  ovc: '',
  aeo: '',
  currentEfficiency: '',
  fC2F6: '',
  collectionEfficiency: '',
});
export const newCems = (): FormCems => ({ key: key(), id: '', name: '', gas: 'CO2', concentration: '', hours: '', flow: '', biomassShare: '' });
export const newPrecursor = (): FormPrecursor => ({ key: key(), name: '', mass: '', seeDirect: '', seeIndirect: '', source: 'actual' });
const heat = (): FormHeat => ({ tj: '', mode: 'ef', ef: '', fuelEf: '', efficiency: '' });

export function emptyForm(): CalcForm {
  return {
    title: '',
    streams: [],
    pfc: [],
    cems: [],
    heatImported: heat(),
    heatExported: heat(),
    wasteGas: { importedTJ: '', exportedTJ: '' },
    electricityExported: { mwh: '', ef: '' },
    electricityConsumed: { mwh: '', ef: '' },
    production: { activityLevel: '', unit: 't', good: '' },
    precursors: [],
    importedGoods: { mass: '', indirectCounted: false },
  };
}

const filled = (o: Record<string, unknown>, keys: string[]) => keys.some((k) => typeof o[k] === 'string' && (o[k] as string).trim() !== '');
const pick = <T extends object>(o: T, keys: (keyof T)[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
const named = (o: { id: string; name: string }) => ({ ...(o.id.trim() ? { id: o.id.trim() } : {}), ...(o.name.trim() ? { name: o.name.trim() } : {}) });

function heatInput(h: FormHeat) {
  if (!filled(h as unknown as Record<string, unknown>, ['tj', 'ef', 'fuelEf', 'efficiency'])) return undefined;
  return h.mode === 'ef' ? { tj: h.tj, ef: h.ef } : { tj: h.tj, fuelEf: h.fuelEf, efficiency: h.efficiency };
}

/**
 * The core's activity input for the form. Items of lists are never dropped (error paths point at the same
 * index as the form); sections left entirely blank are left out.
 */
export function toActivityInput(f: CalcForm): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...(f.title.trim() ? { title: f.title.trim() } : {}),
    sourceStreams: f.streams.map((s) => ({ ...named(s), method: s.method, ...pick(s, STREAM_FIELDS[s.method]) })),
    pfc: f.pfc.map((p) => ({ ...named(p), method: p.method, ...pick(p, PFC_FIELDS[p.method]) })),
    cems: f.cems.map((c) => ({ ...named(c), gas: c.gas, ...pick(c, CEMS_FIELDS) })),
    precursors: f.precursors.map((p) => ({
      ...(p.name.trim() ? { name: p.name.trim() } : {}),
      mass: p.mass,
      seeDirect: p.seeDirect,
      seeIndirect: p.seeIndirect,
      source: p.source,
    })),
  };
  const hi = heatInput(f.heatImported);
  if (hi) out.heatImported = hi;
  const he = heatInput(f.heatExported);
  if (he) out.heatExported = he;
  if (filled(f.wasteGas, ['importedTJ', 'exportedTJ'])) out.wasteGas = { ...f.wasteGas };
  if (filled(f.electricityExported, ['mwh', 'ef'])) out.electricityExported = { ...f.electricityExported };
  if (filled(f.electricityConsumed, ['mwh', 'ef'])) out.electricityConsumed = { ...f.electricityConsumed };
  if (filled(f.production, ['activityLevel']))
    out.production = {
      activityLevel: f.production.activityLevel,
      unit: f.production.unit,
      ...(f.production.good.trim() ? { good: f.production.good.trim() } : {}),
    };
  if (filled(f.importedGoods, ['mass'])) out.importedGoods = { mass: f.importedGoods.mass, indirectCounted: f.importedGoods.indirectCounted };
  return out;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** A form from activity data (the worked examples, or a file): numbers become text as the user would type them. */
export function fromActivity(a: Record<string, any>): CalcForm {
  const f = emptyForm();
  f.title = str(a.title);
  f.streams = (a.sourceStreams ?? []).map((s: Record<string, unknown>) => {
    const n = newStream(s.method as StreamMethod);
    for (const k of Object.keys(n) as (keyof FormStream)[])
      if (k !== 'key' && k !== 'method' && s[k] !== undefined) (n as unknown as Record<string, string>)[k] = str(s[k]);
    return n;
  });
  f.pfc = (a.pfc ?? []).map((p: Record<string, unknown>) => {
    const n = newPfc();
    n.method = p.method === 'overvoltage' ? 'overvoltage' : 'slope';
    for (const k of Object.keys(n) as (keyof FormPfc)[])
      if (k !== 'key' && k !== 'method' && p[k] !== undefined) (n as unknown as Record<string, string>)[k] = str(p[k]);
    return n;
  });
  f.cems = (a.cems ?? []).map((c: Record<string, unknown>) => {
    const n = newCems();
    n.gas = c.gas === 'N2O' ? 'N2O' : 'CO2';
    for (const k of ['id', 'name', ...CEMS_FIELDS] as CemsField[]) if (c[k] !== undefined) (n as unknown as Record<string, string>)[k] = str(c[k]);
    return n;
  });
  const h = (x: Record<string, unknown> | undefined): FormHeat =>
    x ? { tj: str(x.tj), mode: x.fuelEf !== undefined ? 'fuel' : 'ef', ef: str(x.ef), fuelEf: str(x.fuelEf), efficiency: str(x.efficiency) } : heat();
  f.heatImported = h(a.heatImported);
  f.heatExported = h(a.heatExported);
  f.wasteGas = { importedTJ: str(a.wasteGas?.importedTJ), exportedTJ: str(a.wasteGas?.exportedTJ) };
  f.electricityExported = { mwh: str(a.electricityExported?.mwh), ef: str(a.electricityExported?.ef) };
  f.electricityConsumed = { mwh: str(a.electricityConsumed?.mwh), ef: str(a.electricityConsumed?.ef) };
  f.production = { activityLevel: str(a.production?.activityLevel), unit: a.production?.unit === 'MWh' ? 'MWh' : 't', good: str(a.production?.good) };
  f.precursors = (a.precursors ?? []).map((p: Record<string, unknown>) => ({
    ...newPrecursor(),
    name: str(p.name),
    mass: str(p.mass),
    seeDirect: str(p.seeDirect),
    seeIndirect: str(p.seeIndirect),
    source: p.source === 'default' ? 'default' : 'actual',
  }));
  f.importedGoods = { mass: str(a.importedGoods?.mass), indirectCounted: Boolean(a.importedGoods?.indirectCounted) };
  return f;
}

/**
 * The Commission's worked examples TC1–TC9 (template v2.1.1 examples and the operators' guidance): the same files the CLI and unit tests check,
 * bundled into this view's chunk at build time.
 */
const EXAMPLE_FILES = import.meta.glob<Record<string, unknown>>('../../../rules/eu-cbam-definitive/worked-examples/tc*.json', {
  eager: true,
  import: 'default',
});
export const EXAMPLES: { id: string; data: Record<string, unknown> }[] = Object.entries(EXAMPLE_FILES)
  .map(([p, data]) => ({ id: /(tc\d+)\.json$/.exec(p)![1]!, data }))
  .sort((a, b) => Number(a.id.slice(2)) - Number(b.id.slice(2)));

/** A form read back from the database; anything that is not a form gives undefined (the screen starts empty). */
export function reviveForm(v: unknown): CalcForm | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Partial<CalcForm>;
  if (!Array.isArray(o.streams) || !Array.isArray(o.pfc) || !Array.isArray(o.cems) || !Array.isArray(o.precursors)) return undefined;
  return { ...emptyForm(), ...o } as CalcForm;
}

export async function loadForm(): Promise<CalcForm | undefined> {
  return reviveForm(await getSetting<unknown>(db(), SETTING_KEY, undefined));
}
export async function saveForm(f: CalcForm): Promise<void> {
  await setSetting(db(), SETTING_KEY, JSON.parse(JSON.stringify(f)));
}

export async function savedDatasets(): Promise<DatasetRow[]> {
  return listDatasets(db());
}

export type AddOutcome = { ok: true; row: DatasetRow; added: string[]; skipped: Message[] } | { ok: false; errors: Message[]; problems?: Problem[] };

/**
 * Add the calculated streams as inventory lines to a saved dataset (checked by the core) and save it, as the editor does.
 * A dataset with production processes: the lines belong to the process chosen (`processId`).
 */
export async function addToDataset(id: string, result: InstallationResult, processId?: string): Promise<AddOutcome> {
  const d = db();
  const row = await d.datasets.get(id);
  if (!row) return { ok: false, errors: [{ key: 'ui:calculate.toDataset.notFound' }] };
  const { lines: calculated, skipped } = activityLines(result);
  const lines = processId ? calculated.map((l) => ({ ...l, processId })) : calculated;
  const r = addLinesToDataset(row.data, lines);
  if (!r.ok) return { ok: false, errors: r.errors, ...(r.problems ? { problems: r.problems.filter((p) => p.severity === 'error') } : {}) };
  // the user's own text stays as it was (the core's parsed copy normalises, e.g. spaces in CN codes): append the
  // checked lines to the stored dataset
  const raw = row.data as { inventory?: unknown[] };
  const data = JSON.parse(JSON.stringify({ ...raw, inventory: [...(raw.inventory ?? []), ...r.dataset.inventory.slice(-lines.length)] })) as unknown;
  const saved = await saveDataset(d, { ...row, name: datasetName(data, row.name), data });
  return { ok: true, row: saved, added: r.added, skipped };
}

/** The form as an activity data file (the same format `carbonbridge cbam-calc` reads): checked numbers when valid, else as typed. */
export function activityFile(f: CalcForm): Record<string, unknown> {
  const input = toActivityInput(f);
  const p = parseActivity(input);
  return { format: ACTIVITY_FORMAT, formatVersion: 1, ...(p.ok ? p.input : input) };
}
export function downloadActivity(f: CalcForm): void {
  downloadJson(activityFile(f), `${safeFileName(f.title || 'activity')}.cbam-activity.json`);
}

/** A form from an activity data file's text; what is not a JSON object is refused with the core's message. */
export function readActivityText(text: string): { ok: true; form: CalcForm } | { ok: false; error: Message } {
  let v: unknown;
  try {
    v = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: { key: 'cbamcalc:errors.notJson' } };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, error: { key: 'cbamcalc:errors.notActivity' } };
  return { ok: true, form: fromActivity(v as Record<string, unknown>) };
}

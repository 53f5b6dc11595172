/**
 * Calculation from raw activity data of one installation (one production process): source streams (combustion,
 * process emissions, mass balance), PFC (slope / overvoltage), continuous measurement (CO2, N2O), measurable heat,
 * waste gases, exported electricity, electricity consumed, production and precursors.
 *
 * The zod schema `ActivityInput` is the input model. `calculateInstallation` validates it (errors as translatable
 * messages naming the section, the item and the field) and runs the monitoring formulas of ./methods — nothing is
 * re-implemented here — returning every intermediate figure with its symbolic formula, the numbers put into it,
 * its unit, the function that computed it and the rule-pack constants it used (with their legal source).
 * `activityLines` turns the calculated streams into footprint dataset inventory lines (measured gas masses), and
 * `addLinesToDataset` appends them to a dataset, checked by the dataset validator.
 */
import { z } from 'zod';
import type { Message } from '../i18n/message';
import { msg } from '../i18n/message';
import { coerceNumberInput } from '../model/normalise';
import type { Dataset, InventoryLine } from '../model/dataset';
import type { Gas } from '../model/gases';
import { validateDataset } from '../model/validate';
import type { Problem } from '../model/problems';
import { round, sumExact } from '../num';
import { legalRefOf, type Fig, type LegalRef } from '../figure';
import type { Constants, Figure as PackFigure, Source as PackSource } from './pack-schema';
import { definitivePack } from './packs';
import {
  attributedDirect,
  attributedIndirect,
  CbamInputError,
  cems,
  combustion,
  DP,
  exportedElectricity,
  heatEmissionFactor,
  importEmbeddedEmissions,
  massBalance,
  measurableHeat,
  packConstants,
  pfcOvervoltage,
  pfcSlope,
  processEmissions,
  specificEmbeddedEmissions,
  wasteGasExportCorrection,
  wasteGasImportCorrection,
} from './methods';

export const ACTIVITY_FORMAT = 'carbonbridge.cbam-activity';

// ------------------------------------------------------------------------------------------------ input model

/** '' and null are "not entered"; typed text is read as a number (Arabic-Indic and full-width digits too). */
const blank = (v: unknown) => (v === '' || v === null ? undefined : coerceNumberInput(v));
const req = <T extends z.ZodType>(inner: T) => z.preprocess(blank, inner);
const opt = <T extends z.ZodType>(inner: T) => z.preprocess(blank, inner.optional());
const nonNeg = () => z.number().min(0);
const share = () => z.number().min(0).max(1);
/** An efficiency: above 0, at most 1. */
const eff = () => z.number().gt(0).max(1);
const label = () => z.string().trim().max(200).optional();

const base = { id: label(), name: label() };

export const CombustionStream = z
  .object({
    ...base,
    method: z.literal('combustion'),
    /** activity data, t or 1000 Nm3 */
    ad: req(nonNeg()),
    unit: z.enum(['t', '1000 Nm3']).default('t'),
    /** net calorific value, GJ/t or GJ/1000 Nm3 */
    ncv: req(nonNeg()),
    /** emission factor, tCO2/TJ */
    ef: req(nonNeg()),
    oxidationFactor: opt(share()),
    biomassShare: opt(share()),
  })
  .strict();
export const ProcessStream = z
  .object({
    ...base,
    method: z.literal('process'),
    /** t */
    ad: req(nonNeg()),
    unit: z.literal('t').default('t'),
    /** tCO2/t */
    ef: req(nonNeg()),
    conversionFactor: opt(share()),
    biomassShare: opt(share()),
  })
  .strict();
export const MassBalanceStream = z
  .object({
    ...base,
    method: z.literal('mass-balance'),
    /** t; inputs positive, outputs (products, slag, dust) negative */
    ad: req(z.number()),
    unit: z.literal('t').default('t'),
    /** tC/t */
    carbonContent: req(share()),
    biomassShare: opt(share()),
  })
  .strict();
export const SourceStream = z.discriminatedUnion('method', [CombustionStream, ProcessStream, MassBalanceStream]);

const pfcCommon = {
  ...base,
  /** primary aluminium produced, t */
  alProduced: req(nonNeg()),
  /** t C2F6 per t CF4 */
  fC2F6: req(nonNeg()),
  /** collection efficiency, above 0, at most 1 */
  collectionEfficiency: req(eff()),
};
export const PfcSlope = z.object({ ...pfcCommon, method: z.literal('slope'), aef: req(nonNeg()), aed: req(nonNeg()), sefCf4: req(nonNeg()) }).strict();
export const PfcOvervoltage = z
  .object({ ...pfcCommon, method: z.literal('overvoltage'), ovc: req(nonNeg()), aeo: req(nonNeg()), currentEfficiency: req(eff()) })
  .strict();
export const PfcInput = z.discriminatedUnion('method', [PfcSlope, PfcOvervoltage]);

export const CemsMeasurement = z
  .object({
    ...base,
    gas: z.enum(['CO2', 'N2O']),
    /** g/Nm3 */
    concentration: req(nonNeg()),
    /** h */
    hours: req(nonNeg()),
    /** 1000 Nm3/h */
    flow: req(nonNeg()),
    biomassShare: opt(share()),
    /** where the measured stack belongs in a footprint inventory (default: combustion for CO2, process for N2O) */
    category: z.enum(['fuel-combustion', 'process-emission']).optional(),
  })
  .strict();

export const HeatFlow = z
  .object({
    /** measurable heat, TJ */
    tj: req(nonNeg()),
    /** emission factor of the heat, tCO2/TJ … */
    ef: opt(nonNeg()),
    /** … or the emission factor of the fuel used to produce it, tCO2/TJ, with the boiler efficiency */
    fuelEf: opt(nonNeg()),
    efficiency: opt(eff()),
  })
  .strict()
  .superRefine((h, ctx) => {
    if ((h.ef === undefined) === (h.fuelEf === undefined)) ctx.addIssue({ code: 'custom', path: ['ef'], message: 'heatEf', input: h.ef });
  });

export const ActivityInput = z
  .object({
    format: z.literal(ACTIVITY_FORMAT).optional(),
    formatVersion: z.literal(1).optional(),
    title: z.string().optional(),
    note: z.string().optional(),
    installation: z.object({ id: label(), name: label() }).strict().optional(),
    sourceStreams: z.array(SourceStream).default([]),
    pfc: z.array(PfcInput).default([]),
    cems: z.array(CemsMeasurement).default([]),
    heatImported: HeatFlow.optional(),
    heatExported: HeatFlow.optional(),
    wasteGas: z
      .object({ importedTJ: opt(nonNeg()), exportedTJ: opt(nonNeg()) })
      .strict()
      .optional(),
    /** MWh and tCO2/MWh */
    electricityExported: z
      .object({ mwh: req(nonNeg()), ef: req(nonNeg()) })
      .strict()
      .optional(),
    electricityConsumed: z
      .object({ mwh: req(nonNeg()), ef: req(nonNeg()), efSource: z.string().optional() })
      .strict()
      .optional(),
    production: z
      .object({
        /** activity level: goods produced by the process in the period */
        activityLevel: req(z.number().gt(0)),
        unit: z.enum(['t', 'MWh']).default('t'),
        good: z.string().optional(),
        cnCode: z.string().optional(),
      })
      .strict()
      .optional(),
    precursors: z
      .array(
        z
          .object({
            ...base,
            cnCode: z.string().optional(),
            country: z.string().optional(),
            /** t consumed */
            mass: req(nonNeg()),
            /** tCO2e/t */
            seeDirect: req(nonNeg()),
            seeIndirect: opt(nonNeg()),
            /** actual value from the supplier or a default value */
            source: z.enum(['actual', 'default']).default('actual'),
          })
          .strict(),
      )
      .default([]),
    /** an import of the good: embedded emissions = mass × SEE */
    importedGoods: z
      .object({ mass: req(nonNeg()), indirectCounted: z.boolean() })
      .strict()
      .optional(),
  })
  .strict();

export type ActivityInput = z.infer<typeof ActivityInput>;
export type ActivityInputRaw = z.input<typeof ActivityInput>;
export type SourceStreamT = z.infer<typeof SourceStream>;
export type PfcInputT = z.infer<typeof PfcInput>;
export type CemsT = z.infer<typeof CemsMeasurement>;
export type HeatFlowT = z.infer<typeof HeatFlow>;

// ------------------------------------------------------------------------------------------------ errors

export interface CalcError {
  /** where in the input, e.g. ['sourceStreams', 0, 'ad'] */
  path: (string | number)[];
  message: Message;
}

const LIST_SECTIONS = ['sourceStreams', 'pfc', 'cems', 'precursors'] as const;
const SECTIONS = [
  ...LIST_SECTIONS,
  'heatImported',
  'heatExported',
  'wasteGas',
  'electricityExported',
  'electricityConsumed',
  'production',
  'importedGoods',
  'installation',
];
export const FIELD_KEYS = [
  'ad',
  'unit',
  'ncv',
  'ef',
  'oxidationFactor',
  'biomassShare',
  'conversionFactor',
  'carbonContent',
  'method',
  'alProduced',
  'aef',
  'aed',
  'sefCf4',
  'fC2F6',
  'collectionEfficiency',
  'ovc',
  'aeo',
  'currentEfficiency',
  'gas',
  'concentration',
  'hours',
  'flow',
  'category',
  'tj',
  'fuelEf',
  'efficiency',
  'importedTJ',
  'exportedTJ',
  'mwh',
  'efSource',
  'activityLevel',
  'good',
  'cnCode',
  'country',
  'mass',
  'seeDirect',
  'seeIndirect',
  'source',
  'indirectCounted',
  'name',
  'id',
] as const;

const show = (v: unknown): string => {
  if (v === undefined) return '';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
};

/** Section, item (the stream's name or number) and field of a path, as message parameters. */
export function where(raw: unknown, path: readonly (string | number)[]): { section: string; item: string; field: string } {
  const sec = String(path[0] ?? '');
  const section = SECTIONS.includes(sec) ? `$t:cbamcalc:section.${sec}` : `$raw:${sec}`;
  let item = '$raw:';
  let rest = path.slice(1);
  if ((LIST_SECTIONS as readonly string[]).includes(sec) && typeof path[1] === 'number') {
    const list = (raw as Record<string, unknown> | null)?.[sec];
    const it = Array.isArray(list) ? (list[path[1]] as { name?: unknown; id?: unknown } | undefined) : undefined;
    const name = typeof it?.name === 'string' && it.name.trim() ? it.name.trim() : typeof it?.id === 'string' && it.id.trim() ? it.id.trim() : '';
    item = `$raw: “${name || `#${path[1] + 1}`}”`;
    rest = path.slice(2);
  }
  const last = [...rest].reverse().find((p) => typeof p === 'string') as string | undefined;
  const field = last && (FIELD_KEYS as readonly string[]).includes(last) ? `$t:cbamcalc:field.${last}` : last ? `$raw:${last}` : '$raw:';
  return { section, item, field };
}

function issueToError(issue: z.core.$ZodIssue, raw: unknown): CalcError {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
  const w = where(raw, path);
  const input = (issue as { input?: unknown }).input;
  const e = (key: string, extra: Record<string, string | number> = {}): CalcError => ({ path, message: msg(`cbamcalc:errors.${key}`, { ...w, ...extra }) });
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return e('required');
      if (issue.expected === 'number') return e('notANumber', { value: show(input) });
      return e('wrongType', { value: show(input) });
    case 'too_small': {
      const min = Number(issue.minimum);
      if (min === 0 && issue.inclusive) return e('negative', { value: show(input) });
      if (min === 0) return e('notPositive', { value: show(input) });
      return e('belowMin', { value: show(input), min });
    }
    case 'too_big':
      return e('aboveMax', { value: show(input), max: Number(issue.maximum) });
    case 'invalid_value':
      return e('unknownValue', { value: show(input), allowed: issue.values.map(String).join(', ') });
    case 'invalid_union': {
      const m = (input as { method?: unknown } | undefined)?.method;
      const mp = path[path.length - 1] === 'method' ? path : [...path, 'method'];
      return { path: mp, message: msg('cbamcalc:errors.unknownMethod', { ...where(raw, mp), value: show(m), allowed: methodsFor(path[0]) }) };
    }
    case 'unrecognized_keys':
      return e('unknownField', { keys: issue.keys.join(', ') });
    case 'custom':
      if (issue.message === 'heatEf') return e('heatEf');
      return e('generic', { detail: issue.message });
    default:
      return e('generic', { detail: issue.message });
  }
}

const methodsFor = (sec: unknown) => (sec === 'pfc' ? 'slope, overvoltage' : 'combustion, process, mass-balance');

export type ParseActivity = { ok: true; input: ActivityInput } | { ok: false; errors: CalcError[] };

/** Validate activity data (an object, or JSON text). */
export function parseActivity(raw: unknown): ParseActivity {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, errors: [{ path: [], message: msg('cbamcalc:errors.notJson') }] };
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, errors: [{ path: [], message: msg('cbamcalc:errors.notActivity') }] };
  const r = ActivityInput.safeParse(value, { reportInput: true });
  if (!r.success) return { ok: false, errors: r.error.issues.map((i) => issueToError(i, value)) };
  return { ok: true, input: r.data };
}

// ------------------------------------------------------------------------------------------------ results

/** A rule-pack constant used by a figure, with its legal source. */
export interface ConstantRef {
  id: string;
  value: number;
  unit: string;
  source: PackSource;
  confidence: PackFigure['confidence'];
  uncertain?: boolean;
}

/**
 * One calculated figure: the core's figure (../figure.ts) computed by a formula — `source.formula` is the symbolic
 * formula (template notation), e.g. 'AD × NCV × EF × OxF × (1 − BioC) / 1000' — with the numbers put into it, the
 * function and the constants.
 */
export interface CalcFigure extends Fig {
  source: { kind: 'computed'; formula: string };
  /** stable id, e.g. 'sourceStreams.0.fossil', 'dirEm', 'see.direct' */
  id: string;
  label: Message;
  /** the formula with the numbers, e.g. '252000 × 45 × 73 × 1 × (1 − 0) / 1000' */
  substituted: string;
  /** the core function that computed it */
  fn: string;
  constants: ConstantRef[];
  /** the legal basis of the formula */
  ref: LegalRef;
}

/** The legal basis of a figure: the core's shared type (../figure.ts). */
export type { LegalRef };

/** The act of the monitoring and attribution methods, from the EU definitive pack (rules.refs.methods). */
function methodsRef(): LegalRef {
  const r = definitivePack().rules.refs.methods ?? definitivePack().rules.refs.boundary;
  return legalRefOf({ act: r.act, annex: r.annex, note: r.note });
}
let annexIIIRef: LegalRef | undefined;
let seeRefMemo: LegalRef | undefined;
/** The act of the monitoring methods (read from the pack on first use, not at import). */
export const annexIII = (): LegalRef => (annexIIIRef ??= methodsRef());
const seeRef = (): LegalRef =>
  (seeRefMemo ??= { ...annexIII(), note: 'Annex III, attribution of emissions and specific embedded emissions (simple and complex goods)' });

export type StreamKind = 'combustion' | 'process' | 'mass-balance' | 'pfc-slope' | 'pfc-overvoltage' | 'cems-CO2' | 'cems-N2O';

export interface StreamResult {
  kind: StreamKind;
  /** path of the input item, e.g. ['sourceStreams', 0] */
  path: [string, number];
  id: string;
  name: string;
  figures: CalcFigure[];
  /** counted in DirEm*, tCO2e */
  fossil: number;
  /** biogenic CO2, t (reported, not counted) */
  biogenic: number;
  /** emitted gas masses, t */
  gases: Partial<Record<Gas, number>>;
  activity: { amount: number; unit: 't' | '1000 Nm3' };
  category: 'fuel-combustion' | 'process-emission';
}

export interface InstallationResult {
  ok: true;
  streams: StreamResult[];
  dirEm: CalcFigure;
  biogenic: CalcFigure;
  corrections: CalcFigure[];
  attributedDirect: CalcFigure;
  attributedIndirect: CalcFigure | null;
  precursors: CalcFigure[];
  see: { direct: CalcFigure; indirect: CalcFigure; total: CalcFigure; complex: boolean; unit: string } | null;
  importedGoods: CalcFigure[];
  /** every figure in reading order */
  figures: CalcFigure[];
  /** notes for the reader (what was assumed, what is missing) */
  notes: Message[];
  /** the installation named in the input (its id is the dataset installation the lines belong to) */
  installation?: { id?: string | undefined; name?: string | undefined };
  pack: { id: string; version: string };
}
export type CalculateResult = InstallationResult | { ok: false; errors: CalcError[] };

const n = (x: number) => String(round(x, DP));
const cref = (id: string, f: PackFigure): ConstantRef => ({
  id,
  value: f.value,
  unit: f.unit,
  source: f.source,
  confidence: f.confidence,
  ...(f.uncertain ? { uncertain: true } : {}),
});

/** Calculate an installation from its activity data (object or JSON text). Never throws on bad input. */
export function calculateInstallation(raw: unknown): CalculateResult {
  const parsed = parseActivity(raw);
  if (!parsed.ok) return parsed;
  try {
    return calculate(parsed.input);
  } catch (e) {
    if (e instanceof CbamInputError) return { ok: false, errors: [{ path: [], message: e.detail }] };
    throw e;
  }
}

/** Runs a method; a CbamInputError is reported at the item's path. */
function at<T>(path: (string | number)[], raw: unknown, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CbamInputError) {
      const field = String(e.detail.params?.field ?? '');
      const p = [
        ...path,
        ...field
          .split('.')
          .filter(Boolean)
          .map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      ];
      const kind = (
        {
          'cbam:errors.mustBePositive': 'notPositive',
          'cbam:errors.belowMin': 'belowMin',
          'cbam:errors.aboveMax': 'aboveMax',
          'cbam:errors.notANumber': 'notANumber',
        } as Record<string, string>
      )[e.detail.key];
      const { field: _f, ...params } = e.detail.params ?? {};
      throw new CalcFailure({ path: p, message: kind ? msg(`cbamcalc:errors.${kind}`, { ...where(raw, p), ...params }) : e.detail });
    }
    throw e;
  }
}
class CalcFailure extends Error {
  constructor(public readonly error: CalcError) {
    super(error.message.key);
  }
}

function calculate(input: ActivityInput): CalculateResult {
  try {
    return calculateUnchecked(input);
  } catch (e) {
    if (e instanceof CalcFailure) return { ok: false, errors: [e.error] };
    throw e;
  }
}

type FigInput = Omit<CalcFigure, 'constants' | 'ref' | 'source' | 'uncertain'> & { formula: string; constants?: ConstantRef[]; ref?: LegalRef };
/** A figure rounded once (DP decimals), computed by its formula, by default under the methods annex with no pack constant. */
const fig = ({ formula, ...f }: FigInput): CalcFigure => ({
  constants: [],
  ref: annexIII(),
  ...f,
  value: round(f.value, DP),
  source: { kind: 'computed', formula },
});
const nameOf = (it: { name?: string | undefined; id?: string | undefined }, sec: string, i: number) => it.name?.trim() || it.id?.trim() || `${sec} #${i + 1}`;
const idOf = (it: { id?: string | undefined }, prefix: string, i: number) => it.id?.trim() || `${prefix}${String(i + 1).padStart(2, '0')}`;

/** Source streams: combustion and process one by one, mass balance as one balance over its streams (in input order). */
function sourceStreamResults(input: ActivityInput, K: Constants, notes: Message[]): StreamResult[] {
  const streams: StreamResult[] = [];
  const mbIdx: number[] = [];
  input.sourceStreams.forEach((s, i) => {
    const path: [string, number] = ['sourceStreams', i];
    const name = nameOf(s, 'stream', i);
    const id = idOf(s, 'SS-', i);
    const p = `sourceStreams.${i}`;
    const lp = { name };
    if (s.method === 'combustion') {
      const ox = s.oxidationFactor ?? 1;
      const bio = s.biomassShare ?? 0;
      const r = at(path, input, () => combustion({ ad: s.ad, ncv: s.ncv, ef: s.ef, oxidationFactor: ox, biomassShare: bio }));
      const figures = [
        fig({
          id: `${p}.energy`,
          label: msg('cbamcalc:figure.energy', lp),
          value: r.energyTJ,
          unit: 'TJ',
          formula: 'AD × NCV / 1000',
          substituted: `${n(s.ad)} × ${n(s.ncv)} / 1000`,
          fn: 'combustion',
        }),
        fig({
          id: `${p}.fossil`,
          label: msg('cbamcalc:figure.fossil', lp),
          value: r.fossil,
          unit: 'tCO2',
          formula: 'AD × NCV × EF × OxF × (1 − BioC) / 1000',
          substituted: `${n(s.ad)} × ${n(s.ncv)} × ${n(s.ef)} × ${n(ox)} × (1 − ${n(bio)}) / 1000`,
          fn: 'combustion',
        }),
      ];
      if (r.biogenic)
        figures.push(
          fig({
            id: `${p}.biogenic`,
            label: msg('cbamcalc:figure.biogenic', lp),
            value: r.biogenic,
            unit: 'tCO2',
            formula: 'AD × NCV × EF × OxF × BioC / 1000',
            substituted: `${n(s.ad)} × ${n(s.ncv)} × ${n(s.ef)} × ${n(ox)} × ${n(bio)} / 1000`,
            fn: 'combustion',
          }),
        );
      if (s.oxidationFactor === undefined) notes.push(msg('cbamcalc:notes.oxidationDefault', { name: `$raw:${name}` }));
      streams.push({
        kind: 'combustion',
        path,
        id,
        name,
        figures,
        fossil: r.fossil,
        biogenic: r.biogenic,
        gases: gasesCo2(r.fossil, r.biogenic),
        activity: { amount: s.ad, unit: s.unit },
        category: 'fuel-combustion',
      });
    } else if (s.method === 'process') {
      const cf = s.conversionFactor ?? 1;
      const bio = s.biomassShare ?? 0;
      const r = at(path, input, () => processEmissions({ ad: s.ad, ef: s.ef, conversionFactor: cf, biomassShare: bio }));
      const figures = [
        fig({
          id: `${p}.fossil`,
          label: msg('cbamcalc:figure.fossil', lp),
          value: r.fossil,
          unit: 'tCO2',
          formula: 'AD × EF × ConvF × (1 − BioC)',
          substituted: `${n(s.ad)} × ${n(s.ef)} × ${n(cf)} × (1 − ${n(bio)})`,
          fn: 'processEmissions',
        }),
      ];
      if (r.biogenic)
        figures.push(
          fig({
            id: `${p}.biogenic`,
            label: msg('cbamcalc:figure.biogenic', lp),
            value: r.biogenic,
            unit: 'tCO2',
            formula: 'AD × EF × ConvF × BioC',
            substituted: `${n(s.ad)} × ${n(s.ef)} × ${n(cf)} × ${n(bio)}`,
            fn: 'processEmissions',
          }),
        );
      streams.push({
        kind: 'process',
        path,
        id,
        name,
        figures,
        fossil: r.fossil,
        biogenic: r.biogenic,
        gases: gasesCo2(r.fossil, r.biogenic),
        activity: { amount: s.ad, unit: 't' },
        category: 'process-emission',
      });
    } else mbIdx.push(i);
  });
  if (mbIdx.length) {
    streams.push(...massBalanceResults(input, K, mbIdx));
    streams.sort((a, b) => a.path[1] - b.path[1]);
  }

  return streams;
}

/** The mass-balance streams together (their carbon only makes sense as one balance), in the order entered. */
function massBalanceResults(input: ActivityInput, K: Constants, mbIdx: number[]): StreamResult[] {
  const streams: StreamResult[] = [];
  const mbs = mbIdx.map((i) => input.sourceStreams[i] as z.infer<typeof MassBalanceStream>);
  const r = at(['sourceStreams'], input, () =>
    massBalance(
      mbs.map((s) => ({ ad: s.ad, carbonContent: s.carbonContent, biomassShare: s.biomassShare ?? 0 })),
      K,
    ),
  );
  const c = cref('carbonToCo2', r.factor);
  mbIdx.forEach((i, k) => {
    const s = mbs[k]!;
    const line = r.lines[k]!;
    const name = nameOf(s, 'stream', i);
    const bio = s.biomassShare ?? 0;
    const p = `sourceStreams.${i}`;
    const figures = [
      fig({
        id: `${p}.fossil`,
        label: msg('cbamcalc:figure.fossil', { name }),
        value: line.fossil,
        unit: 'tCO2',
        formula: 'F_C × AD × C × (1 − BioC)',
        substituted: `${n(r.factor.value)} × ${n(s.ad)} × ${n(s.carbonContent)} × (1 − ${n(bio)})`,
        fn: 'massBalance',
        constants: [c],
      }),
    ];
    if (line.biogenic)
      figures.push(
        fig({
          id: `${p}.biogenic`,
          label: msg('cbamcalc:figure.biogenic', { name }),
          value: line.biogenic,
          unit: 'tCO2',
          formula: 'F_C × AD × C × BioC',
          substituted: `${n(r.factor.value)} × ${n(s.ad)} × ${n(s.carbonContent)} × ${n(bio)}`,
          fn: 'massBalance',
          constants: [c],
        }),
      );
    streams.push({
      kind: 'mass-balance',
      path: ['sourceStreams', i],
      id: idOf(s, 'SS-', i),
      name,
      figures,
      fossil: line.fossil,
      biogenic: line.biogenic,
      gases: gasesCo2(line.fossil, line.biogenic),
      activity: { amount: s.ad, unit: 't' },
      category: 'process-emission',
    });
  });
  return streams;
}

/** PFC emissions by the slope or the overvoltage method. */
function pfcResults(input: ActivityInput, K: Constants): StreamResult[] {
  const streams: StreamResult[] = [];
  input.pfc.forEach((q, i) => {
    const path: [string, number] = ['pfc', i];
    const name = nameOf(q, 'PFC', i);
    const p = `pfc.${i}`;
    const lp = { name };
    const r = at(path, input, () => (q.method === 'slope' ? pfcSlope(q, K) : pfcOvervoltage(q, K)));
    const cCf4 = cref('gwp.CF4', r.gwp.CF4);
    const cC2f6 = cref('gwp.C2F6', r.gwp.C2F6);
    const fn = q.method === 'slope' ? 'pfcSlope' : 'pfcOvervoltage';
    const cf4Emitted = round(r.cf4 / q.collectionEfficiency, DP);
    const c2f6Emitted = round(r.c2f6 / q.collectionEfficiency, DP);
    const figures = [
      q.method === 'slope'
        ? fig({
            id: `${p}.cf4`,
            label: msg('cbamcalc:figure.cf4', lp),
            value: r.cf4,
            unit: 't CF4',
            formula: 'AD × AEF × AED × SEF_CF4 / 1000',
            substituted: `${n(q.alProduced)} × ${n(q.aef)} × ${n(q.aed)} × ${n(q.sefCf4)} / 1000`,
            fn,
          })
        : fig({
            id: `${p}.cf4`,
            label: msg('cbamcalc:figure.cf4', lp),
            value: r.cf4,
            unit: 't CF4',
            formula: 'AD × OVC × AEO / CE / 1000',
            substituted: `${n(q.alProduced)} × ${n(q.ovc)} × ${n(q.aeo)} / ${n(q.currentEfficiency)} / 1000`,
            fn,
          }),
      fig({
        id: `${p}.c2f6`,
        label: msg('cbamcalc:figure.c2f6', lp),
        value: r.c2f6,
        unit: 't C2F6',
        formula: 'CF4 × F_C2F6',
        substituted: `${n(r.cf4)} × ${n(q.fC2F6)}`,
        fn,
      }),
      fig({
        id: `${p}.co2eCf4`,
        label: msg('cbamcalc:figure.co2eCf4', lp),
        value: r.co2eCf4,
        unit: 'tCO2e',
        formula: 'CF4 × GWP_CF4',
        substituted: `${n(r.cf4)} × ${n(r.gwp.CF4.value)}`,
        fn,
        constants: [cCf4],
      }),
      fig({
        id: `${p}.co2eC2F6`,
        label: msg('cbamcalc:figure.co2eC2F6', lp),
        value: r.co2eC2F6,
        unit: 'tCO2e',
        formula: 'C2F6 × GWP_C2F6',
        substituted: `${n(r.c2f6)} × ${n(r.gwp.C2F6.value)}`,
        fn,
        constants: [cC2f6],
      }),
      fig({
        id: `${p}.total`,
        label: msg('cbamcalc:figure.pfcTotal', lp),
        value: r.total,
        unit: 'tCO2e',
        formula: '(CF4 × GWP_CF4 + C2F6 × GWP_C2F6) / CollEff',
        substituted: `(${n(r.co2eCf4)} + ${n(r.co2eC2F6)}) / ${n(q.collectionEfficiency)}`,
        fn,
        constants: [cCf4, cC2f6],
      }),
    ];
    streams.push({
      kind: q.method === 'slope' ? 'pfc-slope' : 'pfc-overvoltage',
      path,
      id: idOf(q, 'PFC-', i),
      name,
      figures,
      fossil: r.total,
      biogenic: 0,
      gases: { CF4: cf4Emitted, C2F6: c2f6Emitted },
      activity: { amount: q.alProduced, unit: 't' },
      category: 'process-emission',
    });
  });

  return streams;
}

/** Continuous emission measurement of CO2 and N2O. */
function cemsResults(input: ActivityInput, K: Constants): StreamResult[] {
  const streams: StreamResult[] = [];
  input.cems.forEach((m, i) => {
    const path: [string, number] = ['cems', i];
    const name = nameOf(m, m.gas, i);
    const p = `cems.${i}`;
    const lp = { name };
    const r = at(path, input, () => cems({ gas: m.gas, concentration: m.concentration, hours: m.hours, flow: m.flow, biomassShare: m.biomassShare ?? 0 }, K));
    const massF = fig({
      id: `${p}.mass`,
      label: msg(`cbamcalc:figure.cemsMass${m.gas}`, lp),
      value: r.mass,
      unit: `t ${m.gas}`,
      formula: 'conc × hours × flow × 1000 / 10^6',
      substituted: `${n(m.concentration)} × ${n(m.hours)} × ${n(m.flow)} × 1000 / 10^6`,
      fn: 'cems',
    });
    const volume = round(m.hours * m.flow, DP);
    const activity = { amount: volume, unit: '1000 Nm3' as const };
    if (r.gas === 'N2O') {
      const g = cref('gwp.N2O', r.gwp);
      const figures = [
        massF,
        fig({
          id: `${p}.co2e`,
          label: msg('cbamcalc:figure.co2eN2O', lp),
          value: r.co2e,
          unit: 'tCO2e',
          formula: 'N2O × GWP_N2O',
          substituted: `${n(r.mass)} × ${n(r.gwp.value)}`,
          fn: 'cems',
          constants: [g],
        }),
      ];
      streams.push({
        kind: 'cems-N2O',
        path,
        id: idOf(m, 'CEMS-', i),
        name,
        figures,
        fossil: r.co2e,
        biogenic: 0,
        gases: { N2O: r.mass },
        activity,
        category: m.category ?? 'process-emission',
      });
    } else {
      const bio = m.biomassShare ?? 0;
      const figures = [
        massF,
        fig({
          id: `${p}.fossil`,
          label: msg('cbamcalc:figure.fossil', lp),
          value: r.fossil,
          unit: 'tCO2',
          formula: 'CO2 × (1 − BioC)',
          substituted: `${n(r.mass)} × (1 − ${n(bio)})`,
          fn: 'cems',
        }),
      ];
      if (r.biogenic)
        figures.push(
          fig({
            id: `${p}.biogenic`,
            label: msg('cbamcalc:figure.biogenic', lp),
            value: r.biogenic,
            unit: 'tCO2',
            formula: 'CO2 × BioC',
            substituted: `${n(r.mass)} × ${n(bio)}`,
            fn: 'cems',
          }),
        );
      streams.push({
        kind: 'cems-CO2',
        path,
        id: idOf(m, 'CEMS-', i),
        name,
        figures,
        fossil: r.fossil,
        biogenic: r.biogenic,
        gases: gasesCo2(r.fossil, r.biogenic),
        activity,
        category: m.category ?? 'fuel-combustion',
      });
    }
  });

  return streams;
}

/** Attribution corrections (heat, waste gas, exported electricity), AttrEm_dir and AttrEm_indir. */
function attributionResults(input: ActivityInput, K: Constants, dirEm: CalcFigure, notes: Message[]) {
  const corrections: CalcFigure[] = [];
  const heat = (h: HeatFlowT, dir: 'Imported' | 'Exported') => {
    const sec = `heat${dir}`;
    let ef = h.ef;
    if (ef === undefined) {
      const e = at([sec], input, () => heatEmissionFactor(h.fuelEf!, h.efficiency, K));
      ef = e.value;
      if (e.assumedEfficiency) notes.push(msg('cbamcalc:notes.assumedEfficiency', { section: `$t:cbamcalc:section.${sec}`, value: e.efficiency }));
      corrections.push(
        fig({
          id: `${sec}.ef`,
          label: msg(`cbamcalc:figure.heatEf${dir}`),
          value: e.value,
          unit: 'tCO2/TJ',
          formula: 'EF_fuel / η',
          substituted: `${n(h.fuelEf!)} / ${n(e.efficiency)}`,
          fn: 'heatEmissionFactor',
          constants: e.assumedEfficiency ? [cref('unknownHeatEfficiency', K.unknownHeatEfficiency)] : [],
        }),
      );
    }
    const em = at([sec], input, () => measurableHeat(h.tj, ef!));
    corrections.push(
      fig({
        id: `${sec}.em`,
        label: msg(`cbamcalc:figure.heat${dir}`),
        value: em.value,
        unit: 'tCO2',
        formula: dir === 'Imported' ? 'Em_H,imp = Q × EF_H' : 'Em_H,exp = Q × EF_H',
        substituted: `${n(h.tj)} × ${n(ef!)}`,
        fn: 'measurableHeat',
      }),
    );
    return { tj: h.tj, ef: ef! };
  };
  const heatImport = input.heatImported ? heat(input.heatImported, 'Imported') : undefined;
  const heatExport = input.heatExported ? heat(input.heatExported, 'Exported') : undefined;
  const wgImp = input.wasteGas?.importedTJ;
  const wgExp = input.wasteGas?.exportedTJ;
  if (wgImp !== undefined) {
    const r = at(['wasteGas', 'importedTJ'], input, () => wasteGasImportCorrection(wgImp, K));
    corrections.push(
      fig({
        id: 'wasteGas.import',
        label: msg('cbamcalc:figure.wasteGasImport'),
        value: r.value,
        unit: 'tCO2',
        formula: 'WG_corr,imp = V × EF_NG',
        substituted: `${n(wgImp)} × ${n(r.ef.value)}`,
        fn: 'wasteGasImportCorrection',
        constants: [cref('naturalGasEf', r.ef)],
      }),
    );
  }
  if (wgExp !== undefined) {
    const r = at(['wasteGas', 'exportedTJ'], input, () => wasteGasExportCorrection(wgExp, K));
    corrections.push(
      fig({
        id: 'wasteGas.export',
        label: msg('cbamcalc:figure.wasteGasExport'),
        value: r.value,
        unit: 'tCO2',
        formula: 'WG_corr,exp = V × EF_NG × Corr_exp',
        substituted: `${n(wgExp)} × ${n(r.ef.value)} × ${n(r.correction.value)}`,
        fn: 'wasteGasExportCorrection',
        constants: [cref('naturalGasEf', r.ef), cref('wasteGasExportCorrection', r.correction)],
      }),
    );
  }
  const elExp = input.electricityExported;
  if (elExp) {
    const r = at(['electricityExported'], input, () => exportedElectricity(elExp.mwh, elExp.ef));
    corrections.push(
      fig({
        id: 'electricityExported',
        label: msg('cbamcalc:figure.electricityExported'),
        value: r.value,
        unit: 'tCO2',
        formula: 'Em_el,exp = E_el,exp × EF_el',
        substituted: `${n(elExp.mwh)} × ${n(elExp.ef)}`,
        fn: 'exportedElectricity',
      }),
    );
  }
  const ad = at([], input, () =>
    attributedDirect(
      {
        dirEm: dirEm.value,
        ...(heatImport ? { heatImport } : {}),
        ...(heatExport ? { heatExport } : {}),
        ...(wgImp !== undefined ? { wasteGasImportTJ: wgImp } : {}),
        ...(wgExp !== undefined ? { wasteGasExportTJ: wgExp } : {}),
        ...(elExp ? { electricityExport: { mwh: elExp.mwh, ef: elExp.ef } } : {}),
      },
      K,
    ),
  );
  const c = ad.components;
  const attrDirect = fig({
    id: 'attributedDirect',
    label: msg('cbamcalc:figure.attributedDirect'),
    value: ad.value,
    unit: 'tCO2e',
    formula: 'AttrEm_dir = DirEm* + Em_H,imp − Em_H,exp + WG_corr,imp − WG_corr,exp − Em_el,exp',
    substituted: `${n(c.dirEm)} + ${n(c.heatImport)} − ${n(c.heatExport)} + ${n(c.wasteGasImport)} − ${n(c.wasteGasExport)} − ${n(c.electricityExport)}`,
    fn: 'attributedDirect',
    ref: seeRef(),
  });
  let attrIndirect: CalcFigure | null = null;
  const elc = input.electricityConsumed;
  if (elc) {
    const r = at(['electricityConsumed'], input, () => attributedIndirect(elc.mwh, elc.ef));
    attrIndirect = fig({
      id: 'attributedIndirect',
      label: msg('cbamcalc:figure.attributedIndirect'),
      value: r.value,
      unit: 'tCO2',
      formula: 'AttrEm_indir = E_el,cons × EF_el',
      substituted: `${n(elc.mwh)} × ${n(elc.ef)}`,
      fn: 'attributedIndirect',
      ref: seeRef(),
    });
  }

  return { corrections, attrDirect, attrIndirect };
}

/** Embedded emissions of an imported quantity of the good at the installation's SEE (m × SEE). */
function importedGoodsResults(input: ActivityInput, s: { direct: number; indirect: number }): CalcFigure[] {
  const imp = input.importedGoods;
  if (!imp) return [];
  const e = at(['importedGoods'], input, () => importEmbeddedEmissions(imp.mass, s.direct, s.indirect, imp.indirectCounted));
  const m = n(imp.mass);
  return [
    fig({
      id: 'importedGoods.direct',
      label: msg('cbamcalc:figure.importDirect'),
      value: e.direct,
      unit: 'tCO2e',
      formula: 'EE_dir = m × SEE_dir',
      substituted: `${m} × ${n(s.direct)}`,
      fn: 'importEmbeddedEmissions',
      ref: seeRef(),
    }),
    fig({
      id: 'importedGoods.indirect',
      label: msg('cbamcalc:figure.importIndirect'),
      value: e.indirect,
      unit: 'tCO2e',
      formula: 'EE_ind = m × SEE_ind',
      substituted: `${m} × ${n(s.indirect)}`,
      fn: 'importEmbeddedEmissions',
      ref: seeRef(),
    }),
    fig({
      id: 'importedGoods.counted',
      label: msg(imp.indirectCounted ? 'cbamcalc:figure.importCountedBoth' : 'cbamcalc:figure.importCountedDirect'),
      value: e.counted,
      unit: 'tCO2e',
      formula: imp.indirectCounted ? 'EE = EE_dir + EE_ind' : 'EE = EE_dir',
      substituted: imp.indirectCounted ? `${n(e.direct)} + ${n(e.indirect)}` : n(e.direct),
      fn: 'importEmbeddedEmissions',
      ref: seeRef(),
    }),
  ];
}

/** Precursors' embedded emissions, the SEE (simple or complex good) and an import's embedded emissions. */
function seeResults(input: ActivityInput, attrDirect: CalcFigure, attrIndirect: CalcFigure | null, notes: Message[]) {
  const precursors: CalcFigure[] = [];
  input.precursors.forEach((q, i) => {
    const name = nameOf(q, 'precursor', i);
    const e = at(['precursors', i], input, () => importEmbeddedEmissions(q.mass, q.seeDirect, q.seeIndirect ?? 0, true));
    precursors.push(
      fig({
        id: `precursors.${i}.direct`,
        label: msg('cbamcalc:figure.precursorDirect', { name }),
        value: e.direct,
        unit: 'tCO2e',
        formula: 'M_i × SEE_dir,i',
        substituted: `${n(q.mass)} × ${n(q.seeDirect)}`,
        fn: 'importEmbeddedEmissions',
        ref: seeRef(),
      }),
    );
    precursors.push(
      fig({
        id: `precursors.${i}.indirect`,
        label: msg('cbamcalc:figure.precursorIndirect', { name }),
        value: e.indirect,
        unit: 'tCO2e',
        formula: 'M_i × SEE_ind,i',
        substituted: `${n(q.mass)} × ${n(q.seeIndirect ?? 0)}`,
        fn: 'importEmbeddedEmissions',
        ref: seeRef(),
      }),
    );
    if (q.source === 'default') notes.push(msg('cbamcalc:notes.precursorDefault', { name: `$raw:${name}` }));
  });
  let see: InstallationResult['see'] = null;
  const importedGoods: CalcFigure[] = [];
  const prod = input.production;
  if (prod) {
    const u = `tCO2e/${prod.unit}`;
    const s = at(['production'], input, () =>
      specificEmbeddedEmissions({
        activityLevel: prod.activityLevel,
        attributedDirect: attrDirect.value,
        attributedIndirect: attrIndirect?.value ?? 0,
        precursors: input.precursors.map((q) => ({ mass: q.mass, seeDirect: q.seeDirect, seeIndirect: q.seeIndirect ?? 0 })),
      }),
    );
    const al = n(prod.activityLevel);
    const complex = s.complex;
    if (complex) {
      precursors.push(
        fig({
          id: 'precursors.direct',
          label: msg('cbamcalc:figure.eeInpMatDirect'),
          value: s.embeddedInPrecursorsDirect,
          unit: 'tCO2e',
          formula: 'EE_InpMat,dir = Σ M_i × SEE_dir,i',
          substituted: input.precursors.map((q) => `${n(q.mass)} × ${n(q.seeDirect)}`).join(' + '),
          fn: 'specificEmbeddedEmissions',
          ref: seeRef(),
        }),
      );
      precursors.push(
        fig({
          id: 'precursors.indirect',
          label: msg('cbamcalc:figure.eeInpMatIndirect'),
          value: s.embeddedInPrecursorsIndirect,
          unit: 'tCO2e',
          formula: 'EE_InpMat,ind = Σ M_i × SEE_ind,i',
          substituted: input.precursors.map((q) => `${n(q.mass)} × ${n(q.seeIndirect ?? 0)}`).join(' + '),
          fn: 'specificEmbeddedEmissions',
          ref: seeRef(),
        }),
      );
    }
    const indirectValue = attrIndirect?.value ?? 0;
    see = {
      complex,
      unit: u,
      direct: fig({
        id: 'see.direct',
        label: msg('cbamcalc:figure.seeDirect'),
        value: s.direct,
        unit: u,
        formula: complex ? 'SEE_dir = (AttrEm_dir + EE_InpMat,dir) / AL' : 'SEE_dir = AttrEm_dir / AL',
        substituted: complex ? `(${n(attrDirect.value)} + ${n(s.embeddedInPrecursorsDirect)}) / ${al}` : `${n(attrDirect.value)} / ${al}`,
        fn: 'specificEmbeddedEmissions',
        ref: seeRef(),
      }),
      indirect: fig({
        id: 'see.indirect',
        label: msg('cbamcalc:figure.seeIndirect'),
        value: s.indirect,
        unit: u,
        formula: complex ? 'SEE_ind = (AttrEm_indir + EE_InpMat,ind) / AL' : 'SEE_ind = AttrEm_indir / AL',
        substituted: complex ? `(${n(indirectValue)} + ${n(s.embeddedInPrecursorsIndirect)}) / ${al}` : `${n(indirectValue)} / ${al}`,
        fn: 'specificEmbeddedEmissions',
        ref: seeRef(),
      }),
      total: fig({
        id: 'see.total',
        label: msg('cbamcalc:figure.seeTotal'),
        value: s.total,
        unit: u,
        formula: 'SEE = SEE_dir + SEE_ind',
        substituted: `${n(s.direct)} + ${n(s.indirect)}`,
        fn: 'specificEmbeddedEmissions',
        ref: seeRef(),
      }),
    };
    if (!input.electricityConsumed) notes.push(msg('cbamcalc:notes.noElectricity'));
    importedGoods.push(...importedGoodsResults(input, s));
  } else {
    notes.push(msg('cbamcalc:notes.noProduction'));
    if (input.importedGoods) notes.push(msg('cbamcalc:notes.importNeedsProduction'));
  }

  return { precursors, see, importedGoods };
}

function calculateUnchecked(input: ActivityInput): InstallationResult {
  const pack = definitivePack();
  const K = packConstants();
  const notes: Message[] = [];
  const streams = [...sourceStreamResults(input, K, notes), ...pfcResults(input, K), ...cemsResults(input, K)];

  // --- DirEm*: the exact decimal sum of the shown stream figures
  const dirEmValue = sumExact(
    streams.map((s) => s.fossil),
    DP,
  );
  const dirEm = fig({
    id: 'dirEm',
    label: msg('cbamcalc:figure.dirEm'),
    value: dirEmValue,
    unit: 'tCO2e',
    formula: 'Σ Em_fossil',
    substituted: streams.length ? streams.map((s) => n(s.fossil)).join(' + ') : '0',
    fn: 'sumExact',
  });
  const bioValue = sumExact(
    streams.map((s) => s.biogenic),
    DP,
  );
  const biogenic = fig({
    id: 'biogenic',
    label: msg('cbamcalc:figure.biogenicTotal'),
    value: bioValue,
    unit: 'tCO2',
    formula: 'Σ Em_bio',
    substituted: streams.length ? streams.map((s) => n(s.biogenic)).join(' + ') : '0',
    fn: 'sumExact',
  });
  if (!streams.length) notes.push(msg('cbamcalc:notes.noStreams'));

  const { corrections, attrDirect, attrIndirect } = attributionResults(input, K, dirEm, notes);
  const { precursors, see, importedGoods } = seeResults(input, attrDirect, attrIndirect, notes);
  const figures = [
    ...streams.flatMap((s) => s.figures),
    dirEm,
    ...(bioValue ? [biogenic] : []),
    ...corrections,
    attrDirect,
    ...(attrIndirect ? [attrIndirect] : []),
    ...precursors,
    ...(see ? [see.direct, see.indirect, see.total] : []),
    ...importedGoods,
  ];
  return {
    ok: true,
    streams,
    dirEm,
    biogenic,
    corrections,
    attributedDirect: attrDirect,
    attributedIndirect: attrIndirect,
    precursors,
    see,
    importedGoods,
    figures,
    notes,
    ...(input.installation ? { installation: input.installation } : {}),
    pack: { id: pack.id, version: pack.version },
  };
}

function gasesCo2(fossil: number, biogenic: number): Partial<Record<Gas, number>> {
  return biogenic ? { CO2_fossil: fossil, CO2_biogenic: biogenic } : { CO2_fossil: fossil };
}

/**
 * Decimals to show for a figure of this unit (values keep 6 decimals in the data and the JSON): emissions in
 * tCO2(e) and heat factors to 2 decimals as the Commission template shows them; gas masses, energy and SEE to 6.
 */
export function displayDp(unit: string): number {
  return /^tCO2e?$|^tCO2\/TJ$/.test(unit) ? 2 : 6;
}

// ------------------------------------------------------------------------------------------------ dataset lines

export interface LinesOptions {
  /** prefix of the line ids (default 'CALC-') */
  idPrefix?: string;
  /** the dataset installation the lines belong to */
  installationId?: string;
}
export interface LinesResult {
  lines: InventoryLine[];
  /** streams that could not become a line, with the reason */
  skipped: Message[];
}

const METHOD_NAME: Record<StreamKind, string> = {
  combustion: 'combustion (calculation-based)',
  process: 'process emissions (calculation-based)',
  'mass-balance': 'mass balance',
  'pfc-slope': 'PFC, slope method',
  'pfc-overvoltage': 'PFC, overvoltage method',
  'cems-CO2': 'continuous emission measurement, CO2',
  'cems-N2O': 'continuous emission measurement, N2O',
};

/**
 * Footprint inventory lines for the calculated streams: measured gas masses (t) per stream, stage production,
 * location installation, primary data, with the method, its legal basis and the inputs as the source. The mass
 * balance becomes one line (its streams only make sense together: outputs carry negative carbon); a net negative
 * balance cannot be a line (gas masses are never negative) and is reported in `skipped`. PFC lines carry the gases
 * emitted including the fugitive part (CF4 / collection efficiency), so that AR5 weighting gives the figure shown.
 */
export function activityLines(result: InstallationResult, opts: LinesOptions = {}): LinesResult {
  const prefix = opts.idPrefix ?? 'CALC-';
  const lines: InventoryLine[] = [];
  const skipped: Message[] = [];
  const used = new Set<string>();
  const uid = (id: string) => {
    let s = `${prefix}${id}`.trim();
    let k = 2;
    while (used.has(s)) s = `${prefix}${id}-${k++}`;
    used.add(s);
    return s;
  };
  const src = (kind: StreamKind, reference: string) => ({
    name: `CBAM ${METHOD_NAME[kind]} — ${annexIII().act}, ${annexIII().annex}`,
    reference,
  });
  const base = (id: string, description: string, category: InventoryLine['category'], activity: InventoryLine['activity']) => ({
    id: uid(id),
    description,
    stage: 'production' as const,
    category,
    location: 'installation' as const,
    ...(opts.installationId ? { installationId: opts.installationId } : {}),
    activity,
  });
  const mb = result.streams.filter((s) => s.kind === 'mass-balance');
  for (const s of result.streams) {
    if (s.kind === 'mass-balance') {
      if (s !== mb[0]) continue;
      const fossil = sumExact(
        mb.map((x) => x.fossil),
        DP,
      );
      const bio = sumExact(
        mb.map((x) => x.biogenic),
        DP,
      );
      const ref = mb.map((x) => `${x.name}: ${x.figures[0]!.source.formula} = ${x.figures[0]!.substituted} = ${n(x.fossil)} tCO2`).join('; ');
      if (fossil < 0 || bio < 0) {
        skipped.push(msg('cbamcalc:lines.negativeBalance', { value: fossil }));
        continue;
      }
      const inputMass = sumExact(
        mb.map((x) => Math.max(0, x.activity.amount)),
        DP,
      );
      lines.push({
        ...base(mb.length === 1 ? s.id : 'MB', mb.map((x) => x.name).join(' + '), 'process-emission', { amount: inputMass, unit: 't' }),
        emissions: { kind: 'measured', massUnit: 't', gases: gasesCo2(fossil, bio), source: src('mass-balance', ref) },
        dataType: 'primary',
      });
      continue;
    }
    const ref = s.figures.map((f) => `${f.source.formula} = ${f.substituted} = ${n(f.value)} ${f.unit}`).join('; ');
    const pfc = s.kind === 'pfc-slope' || s.kind === 'pfc-overvoltage';
    lines.push({
      ...base(s.id, s.name, s.category, { amount: s.activity.amount, unit: s.activity.unit }),
      emissions: { kind: 'measured', massUnit: 't', gases: { ...s.gases }, source: src(s.kind, pfc ? `${ref}; CF4, C2F6 emitted = mass / CollEff` : ref) },
      dataType: 'primary',
    });
  }
  return { lines, skipped };
}

export type AddLinesResult = { ok: true; dataset: Dataset; added: string[] } | { ok: false; errors: Message[]; problems?: Problem[] };

/**
 * Append calculated lines to a dataset (ids made unique against the dataset's lines). The dataset must give its
 * amounts per period (the lines are totals for the period); the result is checked by the dataset validator.
 */
export function addLinesToDataset(dataset: unknown, lines: InventoryLine[], opts: { installationId?: string } = {}): AddLinesResult {
  const v = validateDataset(dataset);
  if (!v.ok || !v.dataset) return { ok: false, errors: [msg('cbamcalc:lines.datasetInvalid')], problems: v.problems };
  const ds = v.dataset;
  if (ds.basis.kind !== 'per-period') return { ok: false, errors: [msg('cbamcalc:lines.perFunctionalUnit')] };
  if (!lines.length) return { ok: false, errors: [msg('cbamcalc:lines.none')] };
  const inst = opts.installationId ?? (ds.installations.length === 1 ? ds.installations[0]!.id : undefined);
  if (inst !== undefined && !ds.installations.some((i) => i.id === inst))
    return { ok: false, errors: [msg('cbamcalc:lines.unknownInstallation', { id: inst })] };
  const taken = new Set(ds.inventory.map((l) => l.id));
  const added: string[] = [];
  const fresh = lines.map((l) => {
    let id = l.id;
    let k = 2;
    while (taken.has(id)) id = `${l.id}-${k++}`;
    taken.add(id);
    added.push(id);
    const { installationId: _old, ...rest } = l;
    return { ...rest, id, ...(inst !== undefined ? { installationId: inst } : {}) };
  });
  const next = { ...ds, inventory: [...ds.inventory, ...fresh] };
  const check = validateDataset(next);
  if (!check.ok || !check.dataset) return { ok: false, errors: [msg('cbamcalc:lines.datasetInvalid')], problems: check.problems };
  return { ok: true, dataset: check.dataset, added };
}

/**
 * Battery details: what a footprint dataset does not say about the battery itself (category, chemistry,
 * energy, service life, manufacturer, plant, declaration of conformity, public study). A separate,
 * versioned document (`carbonbridge.battery`, CLI `--battery battery.json`) that may also be embedded in a
 * dataset as its optional `battery` field. Bad details are refused with one translated message per field.
 */
import { z } from 'zod';
import { msg } from '../i18n/message';
import { coerceNumberInput } from '../model/normalise';
import type { Problem } from '../model/problems';

export const BATTERY_FORMAT = 'carbonbridge.battery';
export const BATTERY_FORMAT_VERSION = 1;
export const BATTERY_CATEGORIES = ['ev', 'lmt', 'industrial', 'stationary'] as const;
export const VEHICLE_CLASSES = ['M1', 'N1', 'L', 'M2', 'M3', 'N2', 'N3'] as const;
export type BatteryCategory = (typeof BATTERY_CATEGORIES)[number];
export type VehicleClass = (typeof VEHICLE_CLASSES)[number];

const positive = () => z.preprocess(coerceNumberInput, z.number().positive());
const text = () => z.string().trim().min(1);
const optText = () => z.string().trim().optional();

export const BatteryDetails = z
  .object({
    format: z.literal(BATTERY_FORMAT).optional(),
    formatVersion: z.literal(BATTERY_FORMAT_VERSION).optional(),
    category: z.enum(BATTERY_CATEGORIES),
    /** For EV batteries: the vehicle class (Regulation (EU) 2018/858 categories). */
    vehicleClass: z.enum(VEHICLE_CLASSES).optional(),
    /** Industrial battery with exclusively external storage (its own, later Art. 7 date). */
    exclusivelyExternalStorage: z.boolean().optional(),
    chemistry: text(),
    /** Usable energy of a new, fully charged battery down to the BMS discharge limit (kWh). */
    usableEnergyKWh: positive(),
    /** Rated (nominal) energy (kWh): scales a dataset declared per kWh of rated energy up to one battery. */
    ratedEnergyKWh: positive().optional(),
    /** Mass of one battery (kg): scales a dataset declared per unit of mass up to one battery. */
    massKg: positive().optional(),
    serviceLife: z
      .object({
        warrantyYears: positive().optional(),
        warrantyKm: positive().optional(),
        /** km per year used to convert a distance warranty into years. */
        kmPerYear: positive().optional(),
        /** The stated rule behind kmPerYear (document, assumption). */
        kmRule: optText(),
      })
      .strict(),
    /** Full-equivalent cycles per year chosen instead of the rule's default, with its justification. */
    cyclesPerYear: z.object({ value: positive(), justification: text() }).strict().optional(),
    manufacturer: z.object({ name: text(), tradeName: optText(), address: optText(), web: optText(), email: optText() }).strict(),
    model: text(),
    plant: z.object({ town: optText(), region: optText(), country: z.string().regex(/^[A-Z]{2}$/, { message: 'country' }) }).strict(),
    euDeclarationOfConformityId: optText(),
    publicStudyUrl: z.url({ message: 'url' }).optional(),
    /** Inventory line ids the maker marks confidential: left out of the public version of the study. */
    confidentialLines: z.array(z.string()).default([]),
    /** Performance-class thresholds entered by the user (kg CO2e per kWh, upper bound of each class, best first). */
    performanceClasses: z.array(z.object({ class: z.string().regex(/^[A-Z]$/), maxKgPerKWh: positive() }).strict()).optional(),
    note: optText(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.category === 'ev' && !b.vehicleClass) ctx.addIssue({ code: 'custom', path: ['vehicleClass'], message: '$t:battery:validation.vehicleClassRequired' });
    const s = b.serviceLife;
    if (s.warrantyKm !== undefined && s.kmPerYear === undefined)
      ctx.addIssue({ code: 'custom', path: ['serviceLife', 'kmPerYear'], message: '$t:battery:validation.kmWithoutConversion' });
    if (s.warrantyYears === undefined && s.warrantyKm === undefined)
      ctx.addIssue({ code: 'custom', path: ['serviceLife', 'warrantyYears'], message: '$t:battery:validation.serviceLifeRequired' });
  });
export type BatteryDetails = z.infer<typeof BatteryDetails>;
export type BatteryDetailsInput = z.input<typeof BatteryDetails>;

/** Field paths with a translated label (battery:field.<path>). */
const LABELLED = new Set([
  'category',
  'vehicleClass',
  'chemistry',
  'usableEnergyKWh',
  'ratedEnergyKWh',
  'massKg',
  'serviceLife.warrantyYears',
  'serviceLife.warrantyKm',
  'serviceLife.kmPerYear',
  'serviceLife.kmRule',
  'cyclesPerYear.value',
  'cyclesPerYear.justification',
  'manufacturer.name',
  'model',
  'plant.country',
  'plant.town',
  'plant.region',
  'euDeclarationOfConformityId',
  'publicStudyUrl',
  'performanceClasses',
  'format',
  'formatVersion',
  'exclusivelyExternalStorage',
]);

export function batteryFieldLabel(path: readonly (string | number)[]): string {
  const key = path.filter((p) => typeof p === 'string').join('.');
  return LABELLED.has(key) ? `$t:battery:field.${key}` : `$raw:${path.join('.')}`;
}

const show = (v: unknown): string => (v === undefined ? '' : typeof v === 'string' ? v.slice(0, 60) : (JSON.stringify(v)?.slice(0, 60) ?? ''));

function issueProblem(i: z.core.$ZodIssue, prefix: (string | number)[]): Problem {
  const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
  const field = batteryFieldLabel(path);
  const input = (i as { input?: unknown }).input;
  const base = { severity: 'error' as const, path: [...prefix, ...path] };
  switch (i.code) {
    case 'invalid_type':
      if (input === undefined) return { ...base, message: msg('battery:validation.required', { field }) };
      return { ...base, message: msg('battery:validation.wrongType', { field, value: show(input) }) };
    case 'too_small':
      if (i.origin === 'number') return { ...base, message: msg('battery:validation.notPositive', { field, value: show(input) }) };
      return { ...base, message: msg('battery:validation.required', { field }) };
    case 'invalid_value':
      return { ...base, message: msg('battery:validation.unknownValue', { field, value: show(input), allowed: i.values.map(String).join(', ') }) };
    case 'unrecognized_keys':
      return { ...base, message: msg('battery:validation.unknownField', { keys: i.keys.join(', ') }) };
    case 'custom':
      // custom messages are written `$t:ns:key` so a dataset validator that only shows them as a detail still translates them
      return { ...base, message: msg(i.message.replace(/^\$t:/, ''), { field }) };
    case 'invalid_format':
      return { ...base, message: msg('battery:validation.format', { field, value: show(input) }) };
    default:
      return { ...base, message: msg('battery:validation.generic', { field, detail: i.message }) };
  }
}

export type BatteryParse = { ok: true; details: BatteryDetails } | { ok: false; problems: Problem[] };

/** Validate battery details (a parsed object); `prefix` locates them (['battery'] when embedded in a dataset). */
export function parseBatteryDetails(raw: unknown, prefix: (string | number)[] = []): BatteryParse {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, problems: [{ severity: 'error', path: prefix, message: msg('battery:validation.notDetails') }] };
  const r = BatteryDetails.safeParse(raw, { reportInput: true });
  if (r.success) return { ok: true, details: r.data };
  return { ok: false, problems: r.error.issues.map((i) => issueProblem(i, prefix)) };
}

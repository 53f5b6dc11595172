/**
 * The CarbonBridge footprint dataset, format version 1. This zod schema is the single source of the data
 * model: TypeScript types, the JSON Schema in docs/ and the validation messages all derive from it.
 * Gases are kept separately; CO2e is never stored, only derived by a rule pack.
 */
import { z } from 'zod';
import type { Unit as UnitT } from './units';
import { GASES } from './gases';
import { MASS_UNITS, UNITS, parseUnit } from './units';
import { coerceNumberInput } from './normalise';
import { inNumberRange } from './json';
import { BatteryDetails } from '../battery/details';

/** True for a YYYY-MM-DD date that exists in the calendar (no 30 February, no month 13); other shapes are the regex's to report. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return true;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

export const DATASET_FORMAT = 'carbonbridge.dataset';
export const DATASET_FORMAT_VERSION = 1;

export const STAGES = ['raw-material-acquisition', 'production', 'distribution', 'use', 'end-of-life'] as const;
export const CATEGORIES = [
  'fuel-combustion',
  'process-emission',
  'electricity',
  'purchased-heat-steam',
  'precursor-material',
  'transport',
  'waste',
  'packaging',
  'capital-goods',
  'other',
] as const;
export const LOCATIONS = ['installation', 'upstream', 'downstream'] as const;
export const BOUNDARIES = ['cradle-to-gate', 'cradle-to-grave', 'gate-to-gate'] as const;
export const ALLOCATION_METHODS = ['none', 'physical', 'economic', 'system-expansion', 'other'] as const;
export const GWP_SET_IDS = ['AR4', 'AR5', 'AR6'] as const;
export const ELECTRICITY_SOURCES = [
  'national-grid',
  'regional-grid',
  'provincial-grid',
  'direct-line',
  'ppa',
  'green-certificate',
  'onsite-generation',
] as const;
export const DATA_TYPES = ['primary', 'secondary'] as const;

/**
 * A number that may arrive as typed text (Arabic-Indic or full-width digits are normalised). Every number is 0 or
 * has a magnitude within NUMBER_RANGE (documented in docs/dataset-format.md), so no result can overflow to ∞.
 */
const ranged = (n: z.ZodNumber) => n.refine(inNumberRange, { message: 'range' });
export const num = () => z.preprocess(coerceNumberInput, ranged(z.number()));
export const nonNeg = () => z.preprocess(coerceNumberInput, ranged(z.number().nonnegative()));
export const positive = () => z.preprocess(coerceNumberInput, ranged(z.number().positive()));

const text = () => z.string().trim().min(1);
export const LocalText = z
  .object({ zh: z.string().optional(), en: z.string().optional(), ar: z.string().optional() })
  .strict();
export type LocalText = z.infer<typeof LocalText>;

const isoDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' }).refine(isCalendarDate, { message: 'calendarDate' });
const country = () => z.string().regex(/^[A-Z]{2}$/, { message: 'country' });
const cnCode = () =>
  z
    .string()
    .transform((s) => s.replace(/[\s.]/g, ''))
    .pipe(z.string().regex(/^(\d{4}|\d{6}|\d{8}|\d{10})$/, { message: 'cnCode' }));

const unitText = (v: unknown) => (typeof v === 'string' ? (parseUnit(v) ?? v) : v);
export const UnitSchema = z.preprocess(unitText, z.enum(UNITS as [UnitT, ...UnitT[]]));
export const MassUnitSchema = z.preprocess(unitText, z.enum(MASS_UNITS));
export const GasSchema = z.enum(GASES);
export const Stage = z.enum(STAGES);
export const Category = z.enum(CATEGORIES);

/** Gas amounts, each kept separately. */
export const GasAmounts = z.partialRecord(GasSchema, nonNeg());

export const Source = z
  .object({
    name: text(),
    year: z.preprocess(coerceNumberInput, z.number().int().min(1900).max(2100)).optional(),
    geography: z.string().optional(),
    reference: z.string().optional(),
    /** Id of a factor in the project's factor library (e.g. cn-mee-co2-2022-ningxia). */
    factorId: z.string().optional(),
  })
  .strict();

export const EmissionFactors = z
  .object({
    kind: z.literal('factors'),
    /** Numerator mass unit of every gas value (kg gas per perUnit, say). */
    massUnit: MassUnitSchema,
    /** The activity unit the factor is expressed per. */
    perUnit: UnitSchema,
    gases: GasAmounts,
    source: Source,
  })
  .strict();

export const MeasuredMasses = z
  .object({
    kind: z.literal('measured'),
    massUnit: MassUnitSchema,
    gases: GasAmounts,
    source: Source.optional(),
  })
  .strict();

export const Emissions = z.discriminatedUnion('kind', [EmissionFactors, MeasuredMasses]);

export const ElectricityInfo = z
  .object({
    source: z.enum(ELECTRICITY_SOURCES),
    /** Grid region or province the factor refers to (e.g. Ningxia, Northwest). */
    gridRegion: z.string().optional(),
    /** Id of the factor set used, from rules/cn-electricity-factors (or another library). */
    factorId: z.string().optional(),
    /** Evidence for a direct line, PPA or certificate (contract number …). */
    evidence: z.string().optional(),
  })
  .strict();

export const PrecursorInfo = z
  .object({
    cnCode: cnCode(),
    countryOfProduction: country().optional(),
    supplier: z.string().optional(),
    supplierInstallation: z.string().optional(),
    /** Specific embedded emissions given by the supplier, tCO2e per t of precursor. */
    embedded: z
      .object({
        direct: nonNeg(),
        indirect: nonNeg().optional(),
        source: z.string().optional(),
        verified: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const DataQuality = z
  .object({
    /** 1 (very good) … 5 (very poor), pedigree-style. */
    rating: z.preprocess(coerceNumberInput, z.number().int().min(1).max(5)),
    note: z.string().optional(),
  })
  .strict();

export const InventoryLine = z
  .object({
    id: text(),
    description: z.string(),
    stage: Stage,
    category: Category,
    location: z.enum(LOCATIONS),
    installationId: z.string().optional(),
    activity: z.object({ amount: nonNeg(), unit: UnitSchema }).strict(),
    emissions: Emissions,
    dataType: z.enum(DATA_TYPES),
    dataQuality: DataQuality.optional(),
    electricity: ElectricityInfo.optional(),
    precursor: PrecursorInfo.optional(),
    notes: z.string().optional(),
  })
  .strict();

export const Installation = z
  .object({
    id: text(),
    name: text(),
    nameEn: z.string().optional(),
    address: z.string().optional(),
    city: z.string().optional(),
    postCode: z.string().optional(),
    country: country(),
    region: z.string().optional(),
    unlocode: z
      .string()
      .regex(/^[A-Z]{2}[A-Z2-9]{3}$/, { message: 'unlocode' })
      .optional(),
    coordinates: z.object({ lat: num().pipe(z.number().min(-90).max(90)), lon: num().pipe(z.number().min(-180).max(180)) }).strict().optional(),
    economicActivity: z.string().optional(),
  })
  .strict();

export const Quantity = z.object({ amount: positive(), unit: UnitSchema }).strict();

export const Basis = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('per-functional-unit') }).strict(),
  z.object({ kind: z.literal('per-period'), production: Quantity }).strict(),
]);

export const ReportedTotals = z
  .object({
    unit: z.enum(['kgCO2e', 'tCO2e']),
    total: num(),
    perStage: z.partialRecord(Stage, num()).optional(),
  })
  .strict();

export const Study = z
  .object({
    standard: text(),
    boundary: z.enum(BOUNDARIES),
    cutOff: z.object({ rule: z.string(), excluded: z.array(z.string()).default([]) }).strict().optional(),
    allocation: z.object({ method: z.enum(ALLOCATION_METHODS), note: z.string().optional() }).strict(),
    gwpSet: z.enum(GWP_SET_IDS),
    practitioner: z.string().optional(),
    verifier: z
      .object({ name: text(), accreditation: z.string().optional(), statementDate: isoDate().optional() })
      .strict()
      .optional(),
    date: isoDate().optional(),
    /** Totals the study reported per functional unit, so the tool can reconcile. */
    reported: ReportedTotals.optional(),
  })
  .strict();

export const Dataset = z
  .object({
    format: z.literal(DATASET_FORMAT),
    formatVersion: z.literal(DATASET_FORMAT_VERSION),
    id: z.string().optional(),
    title: z.string().optional(),
    illustrative: z.string().optional(),
    product: z
      .object({
        name: LocalText,
        cnCode: cnCode().optional(),
        description: z.string().optional(),
        functionalUnit: z.object({ amount: positive(), unit: UnitSchema, description: LocalText.optional() }).strict(),
        referenceFlow: z.object({ amount: positive(), unit: UnitSchema, description: z.string().optional() }).strict().optional(),
      })
      .strict(),
    producer: z
      .object({ name: text(), address: z.string().optional(), country: country(), region: z.string().optional() })
      .strict(),
    installations: z.array(Installation).default([]),
    period: z.object({ start: isoDate(), end: isoDate() }).strict(),
    study: Study,
    basis: Basis,
    inventory: z.array(InventoryLine),
    /** Optional battery details (category, energy, service life, manufacturer …) for the battery declarations. */
    battery: BatteryDetails.optional(),
  })
  .strict();

export type Dataset = z.infer<typeof Dataset>;
export type DatasetInput = z.input<typeof Dataset>;
export type InventoryLine = z.infer<typeof InventoryLine>;
export type Stage = (typeof STAGES)[number];
export type Category = (typeof CATEGORIES)[number];
export type Boundary = (typeof BOUNDARIES)[number];
export type GwpSetId = (typeof GWP_SET_IDS)[number];
export type ElectricitySource = (typeof ELECTRICITY_SOURCES)[number];
export type EmissionsT = z.infer<typeof Emissions>;

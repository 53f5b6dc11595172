/**
 * The CarbonBridge footprint dataset, format version 2 (version 1 migrates: src/core/model/migrations.ts).
 * Version 2 adds the installation as the CBAM communication template sees it: production processes with their
 * products, flows between processes, measurable heat and waste gases, exported electricity and the carbon price
 * paid per product; inventory lines name their process; a purchased precursor carries the supplier's own electricity
 * figures and the default-value variant. A dataset without `processes` is one process (the product of the dataset). This zod schema is the single source of the data
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
export const DATASET_FORMAT_VERSION = 2;

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
export const LocalText = z.object({ zh: z.string().optional(), en: z.string().optional(), ar: z.string().optional() }).strict();
export type LocalText = z.infer<typeof LocalText>;

const isoDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' })
    .refine(isCalendarDate, { message: 'calendarDate' });
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
        /** The supplier's own specific electricity consumption, MWh per t of precursor (never back-calculated). */
        electricityMWhPerT: nonNeg().optional(),
        /** The supplier's own electricity emission factor, tCO2/MWh, and its source code (template D.4 list). */
        electricityEf: nonNeg().optional(),
        electricityEfSource: z.enum(['D.4(a)', 'D.4(b)', 'D.4.1', 'D.4.2', 'D.4.3.1', 'D.4.3.2', 'Mix']).optional(),
      })
      .strict()
      .optional(),
    /** Variant of the default-value row where the table splits a code (e.g. 'grey' / 'white' clinker under 2523 10 00). */
    variant: z.string().trim().min(1).optional(),
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
    /** Id of the production process (in `processes`) this line belongs to; absent when the dataset has no processes. */
    processId: z.string().trim().min(1).optional(),
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
    coordinates: z
      .object({ lat: num().pipe(z.number().min(-90).max(90)), lon: num().pipe(z.number().min(-180).max(180)) })
      .strict()
      .optional(),
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
    cutOff: z
      .object({ rule: z.string(), excluded: z.array(z.string()).default([]) })
      .strict()
      .optional(),
    allocation: z.object({ method: z.enum(ALLOCATION_METHODS), note: z.string().optional() }).strict(),
    gwpSet: z.enum(GWP_SET_IDS),
    practitioner: z.string().optional(),
    verifier: z.object({ name: text(), accreditation: z.string().optional(), statementDate: isoDate().optional() }).strict().optional(),
    date: isoDate().optional(),
    /** Totals the study reported per functional unit, so the tool can reconcile. */
    reported: ReportedTotals.optional(),
  })
  .strict();

/** Carbon price paid in the country of origin for a product (template: carbon price columns; CBAM Regulation Art. 9). */
export const CarbonPricePaid = z
  .object({
    instrument: z.enum(['none', 'carbon-tax', 'carbon-levy', 'carbon-fee', 'national-ets', 'regional-ets', 'combination', 'other']),
    /** Share (0..1) of the product's embedded emissions covered by the price. */
    shareCovered: nonNeg().pipe(z.number().max(1)).optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'currency' })
      .optional(),
    /** Carbon price due per tonne of product, in `currency`. */
    amountPerT: nonNeg().optional(),
    rebate: z.enum(['none', 'free-allocation', 'financial-compensation', 'tax-deduction', 'combination', 'other']).optional(),
    rebateShare: nonNeg().pipe(z.number().max(1)).optional(),
    rebatePerT: nonNeg().optional(),
    legalAct: z.string().optional(),
  })
  .strict();

/** A product of a production process: one CN code (8 digits or a 10-digit TARIC code) with its qualifying parameters. */
export const ProcessProduct = z
  .object({
    id: text(),
    cnCode: cnCode(),
    name: text(),
    /** Amount produced in the period, same unit as the process's production (optional: the process's total is what counts). */
    amount: nonNeg().optional(),
    /** Qualifying parameters by name (e.g. mnPct, crPct, niPct, scrapShare, clinkerShare, nPct, alloyPct). */
    qualifying: z.record(z.string(), z.union([z.string(), num()])).optional(),
    carbonPrice: CarbonPricePaid.optional(),
  })
  .strict();

/** A flow from another process of the same installation (clinker to cement, slabs to hot-rolled coil). */
export const ProcessInput = z.object({ fromProcess: text(), amount: nonNeg(), unit: MassUnitSchema }).strict();

/** Measurable heat or waste gas, imported into / exported from a process (TJ, tCO2/TJ). */
const EnergyFlow = z
  .object({ importedTJ: nonNeg().optional(), importedEf: nonNeg().optional(), exportedTJ: nonNeg().optional(), exportedEf: nonNeg().optional() })
  .strict();

/**
 * A production process of the installation as the CBAM communication template sees it (sheet A 5, sheet D): up to 10
 * per installation, each with its aggregated goods category and route, activity level, products and flows.
 */
export const ProductionProcess = z
  .object({
    id: text(),
    name: text(),
    installationId: z.string().optional(),
    /** The pack's aggregated goods category id (e.g. 'cement-clinker'); else taken from the first product's CN code. */
    category: z.string().trim().min(1).optional(),
    /** The pack's production route id (e.g. 'eaf'); inferred where the data allow. */
    route: z.string().trim().min(1).optional(),
    /** Activity level: total production of the process over the dataset's period. */
    production: Quantity,
    producedForMarket: nonNeg().optional(),
    consumedForNonCbam: nonNeg().optional(),
    inputs: z.array(ProcessInput).default([]),
    heat: EnergyFlow.optional(),
    wasteGas: EnergyFlow.optional(),
    electricityExported: z.object({ mwh: nonNeg(), ef: nonNeg() }).strict().optional(),
    products: z.array(ProcessProduct).min(1),
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
    producer: z.object({ name: text(), address: z.string().optional(), country: country(), region: z.string().optional() }).strict(),
    installations: z.array(Installation).default([]),
    period: z.object({ start: isoDate(), end: isoDate() }).strict(),
    study: Study,
    basis: Basis,
    inventory: z.array(InventoryLine),
    /** Optional battery details (category, energy, service life, manufacturer …) for the battery declarations. */
    battery: BatteryDetails.optional(),
    /** Production processes of the installation (format version 2); absent: the dataset is one process. */
    processes: z.array(ProductionProcess).max(10).optional(),
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
export type ProductionProcess = z.infer<typeof ProductionProcess>;
export type ProcessProduct = z.infer<typeof ProcessProduct>;
export type CarbonPricePaid = z.infer<typeof CarbonPricePaid>;

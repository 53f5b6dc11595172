/**
 * Zod schema of a CBAM rule pack (rules/eu-cbam-definitive, rules/eu-cbam-transitional). The JSON files of a pack
 * are assembled into one object (pack.json + categories.json + cn-codes.json [+ default-values-cn.json + benchmarks.json])
 * and validated here when loaded; a broken pack is refused with a message naming the field.
 */
import { z } from 'zod';
import type { Message } from '../i18n/message';
import { RulesSchema } from './rules/schema';

export const SourceSchema = z.object({
  act: z.string().min(1),
  annex: z.string().optional(),
  table: z.string().optional(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const ConfidenceSchema = z.enum(['confirmed', 'likely', 'uncertain']);

/** A figure: a value with its unit, its legal source, its confidence and, where the reference says so, `uncertain: true`. */
export const FigureSchema = z.object({
  value: z.number().finite(),
  unit: z.string().min(1),
  source: SourceSchema,
  confidence: ConfidenceSchema,
  uncertain: z.boolean().optional(),
});
export type Figure = z.infer<typeof FigureSchema>;

const cnDigits = z.string().regex(/^\d{4}(\d{2}){0,2}$/, 'CN code of 4, 6 or 8 digits');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD');
const year = z.number().int().min(2023).max(2100);

export const CategoryIdSchema = z.enum([
  'cement-clinker',
  'cement',
  'calcined-clays',
  'aluminous-cement',
  'sintered-ore',
  'pig-iron',
  'alloys',
  'dri',
  'crude-steel',
  'iron-steel-products',
  'unwrought-aluminium',
  'aluminium-products',
  'hydrogen',
  'ammonia',
  'nitric-acid',
  'urea',
  'mixed-fertilisers',
  'electricity',
]);
export type CategoryId = z.infer<typeof CategoryIdSchema>;
export const SectorSchema = z.enum(['cement', 'iron-steel', 'aluminium', 'hydrogen', 'fertilisers', 'electricity']);
export type Sector = z.infer<typeof SectorSchema>;
export const GasSchema = z.enum(['CO2', 'N2O', 'PFC']);
export type Gas = z.infer<typeof GasSchema>;

export const CategorySchema = z.object({
  id: CategoryIdSchema,
  templateName: z.string().min(1),
  sector: SectorSchema,
  unit: z.enum(['t', 'MWh']),
  indirectCounted: z.object({
    value: z.boolean(),
    source: SourceSchema,
    confidence: ConfidenceSchema,
    uncertain: z.boolean().optional(),
  }),
  gases: z.array(GasSchema).min(1),
  routes: z.array(z.string().min(1)).min(1),
  precursors: z.array(CategoryIdSchema),
});
export type Category = z.infer<typeof CategorySchema>;

export const CnCodeSchema = z.object({ code: cnDigits, printed: z.string(), name: z.string(), category: CategoryIdSchema });
export type CnCode = z.infer<typeof CnCodeSchema>;

export const CnCodesFileSchema = z.object({
  dataFile: z.string().min(1),
  source: SourceSchema,
  /** true where the statutory list was not retrieved and the codes are reported headings (screening hints only) */
  uncertain: z.boolean().optional(),
  count: z.number().int(),
  codes: z.array(CnCodeSchema).min(1),
  /**
   * The Combined Nomenclature's complete set of subdivisions of codes the list names only through those subdivisions
   * (so a code is known to be wholly covered). A code whose only subdivision is "00" needs no entry (CN numbering).
   */
  subdivisions: z.object({ source: SourceSchema, entries: z.array(z.object({ code: cnDigits, subdivisions: z.array(cnDigits).min(2) })) }).optional(),
});

export const DefaultValueSchema = z.object({
  cn: cnDigits,
  variant: z.string().nullable(),
  variantLabel: z.string().nullable(),
  /** 10-digit TARIC codes that identify this variant (where the table is split by TARIC code) */
  taric: z.array(z.string().regex(/^\d{10}$/, 'TARIC code of 10 digits')).optional(),
  direct: z.number().nonnegative().nullable(),
  indirect: z.number().nonnegative().nullable(),
  total: z.number().nonnegative().nullable(),
  route: z.string().nullable(),
  category: CategoryIdSchema,
  source: SourceSchema,
});
export type DefaultValue = z.infer<typeof DefaultValueSchema>;

export const DefaultValuesFileSchema = z.object({
  dataFile: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/),
  unit: z.string(),
  source: SourceSchema,
  confidence: ConfidenceSchema,
  count: z.number().int(),
  values: z.array(DefaultValueSchema).min(1),
});

export const BenchmarkSchema = z.object({
  id: z.string().min(1),
  cn: z.array(cnDigits).min(1),
  column: z.enum(['A', 'B']),
  route: z.string().nullable(),
  description: z.string(),
  value: FigureSchema,
  addOn: FigureSchema.optional(),
});
export type Benchmark = z.infer<typeof BenchmarkSchema>;

export const BenchmarksFileSchema = z.object({
  source: SourceSchema,
  actualPathNote: z.object({ uncertain: z.boolean(), note: z.string() }),
  entries: z.array(BenchmarkSchema).min(1),
});

const fromTo = { from: year, to: year.nullable() };

/** Country default electricity emission factors; a value not found in the sources is null, never invented. */
export const ElectricityDefaultSchema = z
  .object({
    country: z.string().regex(/^[A-Z]{2}$/),
    value: z.number().positive().nullable(),
    status: z.enum(['published', 'not-found']),
    unit: z.literal('tCO2/MWh'),
    source: SourceSchema,
    confidence: ConfidenceSchema,
  })
  .refine((f) => (f.status === 'published') === (f.value !== null), { message: 'value must be null exactly when not found', path: ['value'] });
export type ElectricityDefault = z.infer<typeof ElectricityDefaultSchema>;

export const ConstantsSchema = z.object({
  gwp: z.object({ N2O: FigureSchema, CF4: FigureSchema, C2F6: FigureSchema }),
  naturalGasEf: FigureSchema,
  wasteGasExportCorrection: FigureSchema,
  carbonToCo2: FigureSchema,
  unknownHeatEfficiency: FigureSchema,
});
export type Constants = z.infer<typeof ConstantsSchema>;

const names = z.object({ en: z.string().min(1), zh: z.string().min(1), ar: z.string().min(1) });

const PackMetaBase = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case id with hyphens'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'semantic version x.y.z'),
  dataVersion: z.record(z.string(), z.string()),
  title: names,
  /** EU, or the ISO 3166 code of the country (GB for the United Kingdom; X… for fictional test jurisdictions) */
  jurisdiction: z.string().regex(/^[A-Z]{2}$/, 'two capital letters'),
  jurisdictionName: names,
  /** the scheme the pack belongs to (eu-cbam, uk-cbam …): `--to` and the app choose by scheme and period */
  scheme: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case id with hyphens'),
  legalBasis: z.array(z.object({ act: z.string().min(1), note: z.string().optional() })).min(1),
  status: z.enum(['draft', 'adopted', 'in-force']),
  statusNote: z.string().optional(),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  constants: ConstantsSchema,
  categories: z.array(CategorySchema).min(1),
  cnCodes: CnCodesFileSchema,
  electricityDefaults: z.array(ElectricityDefaultSchema).min(1),
  rules: RulesSchema,
  /** files of the pack's folder merged into the pack: field → "file.json" or "file.json#key" */
  parts: z.record(z.string(), z.string()).optional(),
};

export const DefinitivePackSchema = z.object({
  ...PackMetaBase,
  kind: z.literal('definitive'),
  threshold: z.object({ massPerYear: FigureSchema, excludedSectors: z.array(SectorSchema) }),
  quarterlyHolding: z.object({ fromYear: year, share: FigureSchema }),
  markup: z.object({
    standard: z.array(z.object({ ...fromTo, share: FigureSchema })).min(1),
    fertilisers: z.array(z.object({ ...fromTo, share: FigureSchema })).min(1),
    fertiliserCategories: z.array(CategoryIdSchema),
  }),
  cbamFactor: z.array(z.object({ year, value: FigureSchema })).min(1),
  cscf: z.array(z.object({ ...fromTo, value: FigureSchema })).min(1),
  certificatePrices: z.array(z.object({ period: z.string().regex(/^\d{4}-Q[1-4]$/, 'period YYYY-Qn'), published: isoDate, price: FigureSchema })),
  priceRules: z.object({ quarterlyUntil: year, weeklyFrom: year, source: SourceSchema }),
  otherCountryDefaults: z.object({ note: z.string() }),
  defaultValues: DefaultValuesFileSchema,
  benchmarks: BenchmarksFileSchema,
});
export type DefinitivePack = z.infer<typeof DefinitivePackSchema>;

export const TransitionalPackSchema = z.object({
  ...PackMetaBase,
  kind: z.literal('transitional'),
  reporting: z.object({
    quarterly: z.boolean(),
    dueMonthsAfterQuarter: z.number().int(),
    estimatesShareFromQ3_2024: FigureSchema,
    penaltyPerTonne: z.object({ min: z.number(), max: z.number(), unit: z.string(), source: SourceSchema, confidence: ConfidenceSchema }),
  }),
});
export type TransitionalPack = z.infer<typeof TransitionalPackSchema>;

/** A rate per tonne of embedded emissions, per sector and period (e.g. the UK CBAM rate); null when not published. */
export const RateSchema = z
  .object({
    sector: SectorSchema,
    from: isoDate,
    to: isoDate.nullable(),
    value: z.number().nonnegative().nullable(),
    status: z.enum(['published', 'not-found']),
    unit: z.string().min(1),
    source: SourceSchema,
    confidence: ConfidenceSchema,
    uncertain: z.boolean().optional(),
  })
  .refine((f) => (f.status === 'published') === (f.value !== null), { message: 'value must be null exactly when not found', path: ['value'] });
export type Rate = z.infer<typeof RateSchema>;

/**
 * A border adjustment charged as a rate per tonne of embedded emissions (UK CBAM style): liability = mass × SEE ×
 * rate − relief for a carbon price paid abroad; no certificates, no free-allocation benchmark.
 */
export const RatePackSchema = z.object({
  ...PackMetaBase,
  kind: z.literal('rate'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency'),
  registrationThreshold: FigureSchema,
  rates: z.array(RateSchema).min(1),
  relief: z.object({ foreignCarbonPrice: z.object({ allowed: z.boolean(), source: SourceSchema, confidence: ConfidenceSchema, note: z.string().optional() }) }),
  defaultValuesStatus: z.object({ status: z.enum(['published', 'not-found']), source: SourceSchema, note: z.string().optional() }),
  defaultValues: DefaultValuesFileSchema.optional(),
  markup: z.object({ standard: z.array(z.object({ ...fromTo, share: FigureSchema })).min(1) }).optional(),
});
export type RatePack = z.infer<typeof RatePackSchema>;

export type CbamPack = DefinitivePack | TransitionalPack | RatePack;
/** Packs that carry default values (EU definitive; a rate pack where they are published). */
export const defaultValuesOf = (p: CbamPack): DefinitivePack['defaultValues'] | undefined =>
  p.kind === 'definitive' ? p.defaultValues : p.kind === 'rate' ? p.defaultValues : undefined;

/** Thrown when a pack fails validation: `detail` is the translatable message naming the field. */
export class CbamPackError extends Error {
  constructor(public readonly detail: Message) {
    super(`CBAM rule pack ${detail.params?.pack} is invalid at "${detail.params?.field}": ${detail.params?.problem}`);
    this.name = 'CbamPackError';
  }
}

/** Validates an assembled pack object; throws CbamPackError naming the first broken field. */
export function parseCbamPack(raw: unknown, label = (raw as { id?: unknown })?.id ?? 'unknown'): CbamPack {
  const kind = (raw as { kind?: unknown })?.kind;
  const schema = kind === 'transitional' ? TransitionalPackSchema : kind === 'rate' ? RatePackSchema : DefinitivePackSchema;
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const field = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    throw new CbamPackError({ key: 'cbam:errors.packInvalid', params: { pack: String(label), field, problem: issue.message } });
  }
  return consistency(r.data, String(label));
}

/** Cross-field checks zod cannot express: categories referenced exist, year schedules complete, one pack id per kind. */
function consistency(p: CbamPack, label: string): CbamPack {
  const fail = (field: string, problem: string): never => {
    throw new CbamPackError({ key: 'cbam:errors.packInvalid', params: { pack: label, field, problem } });
  };
  if (p.effectiveTo !== null && p.effectiveTo < p.effectiveFrom) fail('effectiveTo', 'before effectiveFrom');
  const ids = new Set(p.categories.map((c) => c.id));
  p.categories.forEach((c, i) =>
    c.precursors.forEach((pr, j) => {
      if (!ids.has(pr)) fail(`categories.${i}.precursors.${j}`, `unknown category ${pr}`);
    }),
  );
  p.cnCodes.codes.forEach((c, i) => {
    if (!ids.has(c.category)) fail(`cnCodes.codes.${i}.category`, `unknown category ${c.category}`);
  });
  if (p.cnCodes.count !== p.cnCodes.codes.length) fail('cnCodes.count', `count ${p.cnCodes.count} but ${p.cnCodes.codes.length} codes`);
  const dv = defaultValuesOf(p);
  if (dv && dv.count !== dv.values.length) fail('defaultValues.count', `count ${dv.count} but ${dv.values.length} values`);
  if (p.kind === 'rate') {
    const sectors = new Set(p.categories.map((c) => c.sector));
    p.rates.forEach((r, i) => {
      if (!sectors.has(r.sector)) fail(`rates.${i}.sector`, `no category of sector ${r.sector}`);
    });
  }
  if (p.kind === 'definitive') {
    if (p.defaultValues.count !== p.defaultValues.values.length)
      fail('defaultValues.count', `count ${p.defaultValues.count} but ${p.defaultValues.values.length} values`);
    const years = p.cbamFactor.map((f) => f.year);
    years.forEach((y, i) => {
      if (i > 0 && y !== years[i - 1]! + 1) fail(`cbamFactor.${i}.year`, 'years must be consecutive');
    });
    p.cbamFactor.forEach((f, i) => {
      if (f.value.value < 0 || f.value.value > 1) fail(`cbamFactor.${i}.value.value`, 'must be between 0 and 1');
    });
  }
  return p;
}

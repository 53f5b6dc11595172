/**
 * Input model for the CBAM documents (communication template, own workbook, quarterly statement, annual
 * declaration, transitional QReport XML).
 *
 * The GB/T → CBAM conversion produces a `CbamDocInput`; `parseCbamDocData()` validates it and normalises every
 * number to `{ value, source? }` (a bare number is accepted wherever a figure is expected).
 *
 * Units: masses in tonnes (t), emissions in tCO2e, specific (embedded) emissions in tCO2e/t, electricity in MWh,
 * emission factors of electricity in tCO2/MWh, heat and waste gas in TJ, heat EF in tCO2/TJ.
 * Identifiers follow the Commission template: aggregated goods categories G1..G10, production processes P1..P10,
 * purchased precursors PP1..PP20 (ids are re-numbered in order when the template is filled).
 * Category and route names are the template's English names, e.g. "Unwrought aluminium" / "Primary (electrolytic)
 * smelting" (see `TEMPLATE_GOODS` and `templateRoutes()` in ./template).
 */
import { z } from 'zod';

/** Where a figure comes from: the act/annex of a default value, a benchmark, a price quarter, a measurement… */
export const SourceSchema = z.object({
  /** Short citation, e.g. "IR (EU) 2025/2621 Annex I, CN 7601, China" or "Operator measurement 2025, meter M3". */
  ref: z.string().min(1),
  kind: z.enum(['measured', 'calculated', 'default', 'supplier', 'benchmark', 'price', 'user', 'other']).optional(),
  /** Figures marked uncertain in the reference material stay marked uncertain. */
  uncertain: z.boolean().optional(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;
/** The kind of a source; each kind of the core's figure source has one (./sourced.ts `SOURCE_KIND`). */
export type SourceKind = NonNullable<Source['kind']>;

const SourcedNumberObject = z.object({
  value: z.number().finite(),
  source: SourceSchema.optional(),
});
/** A number, optionally with its source. Input: `12.3` or `{ value: 12.3, source: {...} }`. Output: always an object. */
export const Num = z.union([z.number().finite(), SourcedNumberObject]).transform((v) => (typeof v === 'number' ? { value: v } : v));
export const NonNegNum = Num.refine((v) => v.value >= 0, { message: 'cbamdocs:errors.negative' });
/**
 * A number of the documents with its source, as parsed. The written form of the core's figure (../../figure.ts `Fig`):
 * the unit is the field's (see above), the source its citation text — a `Fig` becomes one by `sourcedNumberOf` (./sourced.ts).
 */
export type SourcedNumber = z.output<typeof Num>;

const iso2 = z.string().regex(/^[A-Z]{2}$/, { message: 'cbamdocs:errors.country' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'cbamdocs:errors.date' });
/** CN code: 4, 6 or 8 digits, spaces allowed on input (normalised away). */
export const CnCode = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .refine((s) => /^(\d{4}|\d{6}|\d{8})$/.test(s), { message: 'cbamdocs:errors.cnCode' });

/** Electricity emission-factor source codes of the template (Annex III of IR 2023/1773, section D.4). */
export const ElecEfSource = z.enum(['D.4(a)', 'D.4(b)', 'D.4.1', 'D.4.2', 'D.4.3.1', 'D.4.3.2', 'Mix']);

export const InstallationSchema = z.object({
  name: z.string().optional(),
  /** Name of the installation in English (mandatory in the template). */
  nameEn: z.string().min(1),
  street: z.string().optional(),
  economicActivity: z.string().optional(),
  postCode: z.string().optional(),
  poBox: z.string().optional(),
  city: z.string().optional(),
  /** ISO 3166-1 alpha-2 country code of the installation, e.g. "CN". */
  country: iso2,
  /** UN/LOCODE, e.g. "CNINC" (Yinchuan). */
  unlocode: z.string().optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  representative: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  /** Operator / installation identifiers used by the QReport (max 17 characters each). */
  operatorId: z.string().max(17).optional(),
  installationId: z.string().max(17).optional(),
  operatorName: z.string().optional(),
});

export const VerifierSchema = z.object({
  company: z.string().optional(),
  street: z.string().optional(),
  city: z.string().optional(),
  postCode: z.string().optional(),
  country: z.string().optional(),
  representative: z.object({ name: z.string().optional(), email: z.string().optional(), phone: z.string().optional(), fax: z.string().optional() }).optional(),
  accreditation: z.object({ memberState: z.string().optional(), body: z.string().optional(), registrationNumber: z.string().optional() }).optional(),
});

/** Aggregated goods category produced in the installation, with the production routes used (template sheet A, 4(a)). */
export const GoodsCategorySchema = z.object({
  category: z.string().min(1),
  routes: z.array(z.string()).max(6).default([]),
});

/** Production of a process on one route (route omitted for categories with "All production routes"). */
export const RouteAmountSchema = z.object({ route: z.string().optional(), amount: NonNegNum });

/** A precursor consumed in a production process: from a purchased precursor (PPn) or another process (Pn). */
export const PrecursorUseSchema = z.object({
  from: z.string().regex(/^(PP|P)\d+$/, { message: 'cbamdocs:errors.precursorRef' }),
  /** Mass consumed (t) during the reporting period. */
  amount: NonNegNum,
});

export const ProcessSchema = z.object({
  id: z.string().regex(/^P\d+$/),
  /** Name of the process (shown in the template and the summary sheets). */
  name: z.string().min(1),
  category: z.string().min(1),
  /** Further aggregated goods categories inside the process boundary ("bubble"), template sheet A 4(b). */
  includedCategories: z.array(z.string()).max(5).default([]),
  /** Total production per route = activity level AL (denominator of SEE), t. */
  production: z.array(RouteAmountSchema).min(1),
  producedForMarket: NonNegNum.optional(),
  consumedForNonCbam: NonNegNum.optional(),
  /** Directly attributable emissions DirEm* (tCO2e): combustion + process + PFC (AR5) + N2O of this process. */
  directEmissions: Num,
  heat: z
    .object({ importedTJ: NonNegNum.optional(), importedEf: NonNegNum.optional(), exportedTJ: NonNegNum.optional(), exportedEf: NonNegNum.optional() })
    .optional(),
  wasteGas: z
    .object({ importedTJ: NonNegNum.optional(), importedEf: NonNegNum.optional(), exportedTJ: NonNegNum.optional(), exportedEf: NonNegNum.optional() })
    .optional(),
  /**
   * Indirect emissions = electricity consumed (MWh) × emission factor (tCO2/MWh). The consumption is written even when
   * the factor is not known (the factor's cells then stay empty and are listed as missing, never 0).
   */
  electricity: z
    .object({ consumptionMWh: NonNegNum, ef: NonNegNum.optional(), efSource: ElecEfSource.optional(), efSourceNote: z.string().optional() })
    .optional(),
  electricityExported: z.object({ mwh: NonNegNum, ef: NonNegNum }).optional(),
  precursors: z.array(PrecursorUseSchema).default([]),
});

export const PurchasedPrecursorSchema = z.object({
  id: z.string().regex(/^PP\d+$/),
  name: z.string().optional(),
  category: z.string().min(1),
  /** ISO-2 country code of production (mandatory: defaults depend on it). */
  country: iso2,
  /** Purchased amounts per route (t). If omitted, the sum of the uses in processes is taken. */
  purchased: z.array(RouteAmountSchema).optional(),
  otherUses: NonNegNum.optional(),
  seeDirect: NonNegNum,
  /** Whether SEE (direct) is the supplier's measured value or a default value. */
  seeDirectBasis: z.enum(['Measured', 'Default', 'Unknown']),
  /** The supplier's SEE (indirect). The template computes it as MWh/t × EF: it is never used to back-calculate either. */
  seeIndirect: NonNegNum.optional(),
  /** The supplier's own specific electricity consumption (MWh/t). Not given: the cell stays empty and is listed as missing. */
  electricityMWhPerT: NonNegNum.optional(),
  electricityEf: NonNegNum.optional(),
  electricityEfBasis: z.enum(['Measured', 'Default', 'Unknown']).optional(),
  /** Source code of the electricity EF (template list, default D.4(a) = Commission-provided factor). */
  electricityEfSource: ElecEfSource.optional(),
  defaultJustification: z.enum(['Unreasonable costs for more accurate monitoring', 'Data gaps', 'Other']).optional(),
  /** Name of the supplier installation (for the records). */
  supplier: z.string().optional(),
});

export const CarbonPriceSchema = z.object({
  instrument: z.enum([
    'None',
    'Carbon Tax',
    'Carbon Levy',
    'Carbon Fee',
    'National Emissions Trading System',
    'Regional Emissions Trading System',
    'Combination',
    'Other',
  ]),
  /** Share (0..1) of the embedded emissions covered by the carbon price. */
  shareCovered: z.number().min(0).max(1).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** Carbon price due per tonne of product, in `currency`. */
  amountPerT: NonNegNum.optional(),
  rebate: z.enum(['None', 'Free allocation', 'Financial compensation', 'Tax deduction', 'Combination', 'Other']).optional(),
  rebateShare: z.number().min(0).max(1).optional(),
  rebatePerT: NonNegNum.optional(),
  legalAct: z.string().optional(),
});

export const ProductSchema = z.object({
  processId: z.string().regex(/^P\d+$/),
  cnCode: CnCode,
  cnName: z.string().optional(),
  /** Product name as on invoices. */
  name: z.string().min(1),
  /**
   * Our computed values (the template recomputes them from the process data). They may be negative: an installation
   * exporting more heat than its own emissions has negative attributed emissions, which the template accepts.
   */
  seeDirect: Num.optional(),
  seeIndirect: Num.optional(),
  seeTotal: Num.optional(),
  /** Where the SEE comes from: actual (operator data) or default values. */
  dataSource: z.enum(['actual', 'default', 'mixed']).default('actual'),
  /** Share (0..1) of the embedded emissions determined from default values. */
  shareDefault: z.number().min(0).max(1).optional(),
  electricityEf: NonNegNum.optional(),
  electricityEfSource: ElecEfSource.optional(),
  carbonPrice: CarbonPriceSchema.optional(),
  /** Qualifying parameters (template Summary_Products columns P..AK), keyed by the template column letter. */
  qualifying: z.record(z.string().regex(/^[A-Z]{1,2}$/), z.union([z.string(), z.number()])).optional(),
});

export const SourceStreamSchema = z.object({
  method: z.enum(['Combustion', 'Process emissions', 'Mass Balance']),
  name: z.string().min(1),
  activityData: Num,
  adUnit: z.enum(['t', '1000Nm3']).default('t'),
  ncv: NonNegNum.optional(),
  ef: NonNegNum.optional(),
  efUnit: z.enum(['tCO2/TJ', 'tCO2/t', 'tCO2/1000Nm3']).optional(),
  carbonContent: NonNegNum.optional(),
  oxidationFactorPct: z.number().min(0).max(100).optional(),
  conversionFactorPct: z.number().min(0).max(100).optional(),
  biomassPct: z.number().min(0).max(100).optional(),
});

export const PfcSourceSchema = z.object({
  method: z.enum(['Slope method', 'Overvoltage method']),
  technology: z.string().optional(),
  activityData: NonNegNum,
  frequency: z.number().min(0).optional(),
  duration: z.number().min(0).optional(),
  sefCf4: z.number().min(0).optional(),
  aeo: z.number().min(0).optional(),
  currentEfficiency: z.number().min(0).optional(),
  ovc: z.number().min(0).optional(),
  fC2F6: z.number().min(0),
  collectionEfficiency: z.number().min(0).max(1).optional(),
});

export const CbamDocDataSchema = z.object({
  installation: InstallationSchema,
  reportingPeriod: z.object({ start: isoDate, end: isoDate }),
  verifier: VerifierSchema.optional(),
  goods: z.array(GoodsCategorySchema).min(1).max(10),
  processes: z.array(ProcessSchema).min(1).max(10),
  purchasedPrecursors: z.array(PurchasedPrecursorSchema).max(20).default([]),
  products: z.array(ProductSchema).max(100).default([]),
  sourceStreams: z.array(SourceStreamSchema).max(75).default([]),
  pfc: z.array(PfcSourceSchema).max(10).default([]),
  /**
   * Installation totals (sheet C, manual entries (a) ii): total indirect emissions must always be entered manually.
   * Direct emissions by gas, tCO2e: fossil CO2 (may be negative only through mass-balance outputs), biomass CO2, N2O,
   * PFC. Where none is given, the template's automatic values from sheet B apply; without any sheet B entry the fossil
   * CO2 is Σ DirEm* of the processes less the N2O and PFC given (see `installationTotals` in ./see).
   */
  emissionsBalance: z
    .object({
      totalIndirect: NonNegNum.optional(),
      co2: Num.optional(),
      biomass: NonNegNum.optional(),
      n2o: NonNegNum.optional(),
      pfc: NonNegNum.optional(),
      /** Fuel balance (sheet C section 1, manual entries), TJ: total fuel input, direct fuel for CBAM goods, for electricity, for non-CBAM goods. */
      fuel: z
        .object({ totalTJ: NonNegNum.optional(), cbamTJ: NonNegNum.optional(), electricityTJ: NonNegNum.optional(), nonCbamTJ: NonNegNum.optional() })
        .optional(),
      dataQuality: z.string().optional(),
      defaultJustification: z.string().optional(),
      qualityAssurance: z.string().optional(),
    })
    .optional(),
  carbonPriceInstrument: z.string().optional(),
  additionalInformation: z.string().optional(),
});

export type CbamDocInput = z.input<typeof CbamDocDataSchema>;
export type CbamDocData = z.output<typeof CbamDocDataSchema>;
export type Installation = z.output<typeof InstallationSchema>;
export type Process = z.output<typeof ProcessSchema>;
export type PurchasedPrecursor = z.output<typeof PurchasedPrecursorSchema>;
export type Product = z.output<typeof ProductSchema>;
export type SourceStream = z.output<typeof SourceStreamSchema>;

/** Value of an optional sourced number. */
export const val = (n: SourcedNumber | undefined): number => n?.value ?? 0;

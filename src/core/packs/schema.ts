/**
 * Rule packs are data (rules/<id>/pack.json). This schema validates a pack when it is loaded; a broken
 * pack is refused with a message naming the field. The engine interprets packs; it holds no
 * jurisdiction-specific figures of its own.
 */
import { z } from 'zod';
import { BOUNDARIES, CATEGORIES, ELECTRICITY_SOURCES, GWP_SET_IDS, STAGES } from '../model/dataset';
import { GASES } from '../model/gases';

const LocalTextAll = z.object({ en: z.string().min(1), zh: z.string().min(1), ar: z.string().min(1) }).strict();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const SourceRef = z
  .object({
    act: z.string().min(1),
    clause: z.string().optional(),
    url: z.string().optional(),
    note: z.string().optional(),
    uncertain: z.string().optional(),
  })
  .strict();
export type SourceRef = z.infer<typeof SourceRef>;

export const CHECK_FUNCTIONS = [
  'reconcileReportedTotal',
  'reconcileReportedStages',
  'factorSourceRepresentativeness',
  'primaryDataAtInstallation',
  'electricityFactorKind',
  'gwpSetDiffers',
  'aggregatedCo2e',
  'periodLength',
  'dataQualityRated',
  'verifierPresent',
  'cutOffDocumented',
  'allocationHierarchy',
  'boundaryAllowed',
  'stageOutsideBoundary',
] as const;
export type CheckFunctionName = (typeof CHECK_FUNCTIONS)[number];

export const CheckDef = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    fn: z.enum(CHECK_FUNCTIONS),
    severity: z.enum(['error', 'warning', 'info']),
    messageKey: z.string().regex(/^[a-z]+:[\w.-]+$/),
    legalRef: SourceRef,
    options: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type CheckDef = z.infer<typeof CheckDef>;

export const FACTOR_KINDS = ['combustion-co2', 'life-cycle', 'unknown'] as const;

export const ElectricityRule = z
  .object({
    id: z.string(),
    when: z
      .object({
        sources: z.array(z.enum(ELECTRICITY_SOURCES)).optional(),
        factorKinds: z.array(z.enum(FACTOR_KINDS)).optional(),
        /** Countries (ISO 3166 alpha-2) of the line's installation (else the producer) the rule applies to. */
        countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
      })
      .strict(),
    action: z.enum(['as-reported', 'substitute']),
    /** For a line claiming a contractual instrument (PPA, certificate …): does the rule accept or refuse the claim? */
    instrument: z.enum(['accepted', 'refused']).optional(),
    /** For substitute: the factor to use, from the factor library. */
    factor: z
      .object({
        scope: z.string(),
        kind: z.enum(['combustion-co2', 'life-cycle']),
        year: z.union([z.number().int(), z.literal('latest-not-after-period')]),
      })
      .strict()
      .optional(),
    messageKey: z.string(),
    legalRef: SourceRef,
  })
  .strict()
  .refine((r) => r.action !== 'substitute' || r.factor, { message: 'substitute needs factor', path: ['factor'] });
export type ElectricityRule = z.infer<typeof ElectricityRule>;

/** A stage the pack reports on, built from one or more dataset stages (stage mapping). */
export const ReportingStage = z
  .object({ id: z.string().regex(/^[a-z0-9-]+$/), title: LocalTextAll, from: z.array(z.enum(STAGES)).min(1), source: SourceRef })
  .strict();
export type ReportingStage = z.infer<typeof ReportingStage>;

/** A rule the pack leaves open (e.g. a draft act still under discussion): the user picks one choice. */
export const PackOption = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: LocalTextAll,
    default: z.string(),
    choices: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]+$/),
            title: LocalTextAll,
            source: SourceRef,
            /** Electricity rules tried before the pack's own (first match wins). */
            electricityRules: z.array(ElectricityRule).default([]),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .refine((o) => o.choices.some((c) => c.id === o.default), { message: 'default is not one of the choices', path: ['default'] });
export type PackOption = z.infer<typeof PackOption>;

export const FootprintPack = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    kind: z.literal('footprint'),
    title: LocalTextAll,
    jurisdiction: z.string().min(2),
    legalBasis: SourceRef,
    status: z.enum(['draft', 'adopted', 'in-force']),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    gwpSet: z.object({ id: z.enum(GWP_SET_IDS), source: SourceRef }).strict(),
    gases: z.object({ counted: z.array(z.enum(GASES)).min(1), biogenicCO2: z.enum(['counted', 'excluded']), source: SourceRef }).strict(),
    stages: z.object({ counted: z.array(z.enum(STAGES)).min(1), source: SourceRef }).strict(),
    categories: z.object({ counted: z.array(z.enum(CATEGORIES)).min(1), source: SourceRef }).strict(),
    boundaries: z.object({ allowed: z.array(z.enum(BOUNDARIES)).min(1), source: SourceRef }).strict(),
    electricity: z.object({ rules: z.array(ElectricityRule), source: SourceRef }).strict(),
    checks: z.array(CheckDef),
    notes: LocalTextAll.optional(),
    /** Optional: the stages the pack reports on, mapped from the dataset's stages. */
    reportingStages: z.array(ReportingStage).min(1).optional(),
    /** Optional: rules the pack leaves open, each with its choices. */
    options: z.array(PackOption).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const ids = new Set<string>();
    p.checks.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], message: `duplicate check id ${c.id}` });
      ids.add(c.id);
    });
    if (p.effectiveTo && p.effectiveTo < p.effectiveFrom) ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'effectiveTo before effectiveFrom' });
  });
export type FootprintPack = z.infer<typeof FootprintPack>;

export const GwpSets = z
  .object({
    id: z.string(),
    version: z.string(),
    description: z.string(),
    sets: z.record(
      z.enum(GWP_SET_IDS),
      z
        .object({
          title: LocalTextAll,
          source: z.object({ document: z.string(), note: z.string().optional() }).strict(),
          values: z.partialRecord(z.enum(GASES), z.number().positive()),
          uncertain: z.record(z.string(), z.string()).optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type GwpSets = z.infer<typeof GwpSets>;

export const ElectricityFactor = z
  .object({
    id: z.string(),
    kind: z.enum(['combustion-co2', 'life-cycle']),
    scope: z.string(),
    year: z.number().int(),
    value: z.number().positive().nullable(),
    status: z.enum(['published', 'not-found']),
    gas: z.enum(['CO2_fossil', 'CO2e']),
    unit: z.enum(['kgCO2/kWh', 'kgCO2e/kWh']),
    name: LocalTextAll,
    source: z.object({ act: z.string(), actZh: z.string().optional() }).strict(),
    note: z.string().optional(),
    uncertain: z.string().optional(),
  })
  .strict()
  .refine((f) => (f.status === 'published') === (f.value !== null), { message: 'value must be null exactly when not found', path: ['value'] });
export type ElectricityFactor = z.infer<typeof ElectricityFactor>;

export const ElectricityFactorTable = z
  .object({ id: z.string(), version: z.string(), description: z.string(), sourceNote: z.string(), factors: z.array(ElectricityFactor) })
  .strict();
export type ElectricityFactorTable = z.infer<typeof ElectricityFactorTable>;

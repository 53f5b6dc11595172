/** China's label catalogue, label / disclosure items and grading schemes as data (rules/cn-label/*.json). */
import { z } from 'zod';
import { SourceRef } from '../packs/schema';
import { LocalTextAll } from '../partners/schema';

export const CatalogueClass = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: LocalTextAll,
    cnPrefixes: z.array(z.string().regex(/^\d{2,10}$/)).min(1),
    keywords: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type CatalogueClass = z.infer<typeof CatalogueClass>;

export const LabelCatalogue = z
  .object({
    id: z.literal('cn-cfp-label'),
    version: z.string(),
    asOf: z.string(),
    scheme: z
      .object({
        name: LocalTextAll,
        rules: SourceRef,
        status: z.enum(['pilot', 'in-force']),
        statusText: LocalTextAll,
        outsidePilot: z.object({ text: LocalTextAll, source: SourceRef }).strict(),
      })
      .strict(),
    catalogue: z.object({ title: LocalTextAll, source: SourceRef, classes: z.array(CatalogueClass).length(17) }).strict(),
  })
  .strict();
export type LabelCatalogue = z.infer<typeof LabelCatalogue>;

export const LABEL_ITEMS = ['product', 'functionalUnit', 'boundary', 'figure', 'standard', 'certificationBody', 'validity', 'catalogueClass'] as const;
export const NINGXIA_ITEMS = [
  'targetProduct',
  'productInformation',
  'functionalUnit',
  'systemBoundary',
  'quantifiedResult',
  'verificationBody',
  'validity',
] as const;
export type LabelItemId = (typeof LABEL_ITEMS)[number];
export type NingxiaItemId = (typeof NINGXIA_ITEMS)[number];

export const LabelItems = z
  .object({
    id: z.literal('cn-label-items'),
    version: z.string(),
    label: z.object({ source: SourceRef, items: z.array(z.enum(LABEL_ITEMS)).min(1) }).strict(),
    ningxia: z.object({ source: SourceRef, items: z.array(z.enum(NINGXIA_ITEMS)).min(1) }).strict(),
  })
  .strict();
export type LabelItems = z.infer<typeof LabelItems>;

export const GradingScheme = z
  .object({
    id: z.string(),
    jurisdiction: z.string(),
    name: LocalTextAll,
    status: z.enum(['in-force', 'draft']),
    appliesTo: z.array(z.string()).min(1),
    basis: z.literal('rated-power-kW'),
    unit: z.string(),
    legalBasis: SourceRef,
    /** Ascending upper bounds (inclusive); the last has max null. */
    grades: z.array(z.object({ grade: z.string(), max: z.number().positive().nullable() }).strict()).min(1),
  })
  .strict()
  .refine((s) => s.grades.at(-1)!.max === null && s.grades.slice(0, -1).every((g, i, a) => g.max !== null && (i === 0 || g.max > a[i - 1]!.max!)), {
    message: 'grades must ascend and end with an open class',
    path: ['grades'],
  });
export type GradingScheme = z.infer<typeof GradingScheme>;

export const Grading = z
  .object({
    id: z.literal('cn-label-grading'),
    version: z.string(),
    china: z.object({ status: z.enum(['not-published', 'published']), text: LocalTextAll, source: SourceRef }).strict(),
    schemes: z.array(GradingScheme),
  })
  .strict();
export type Grading = z.infer<typeof Grading>;

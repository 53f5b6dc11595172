/**
 * Partner profiles and the standards crosswalk are data (rules/partners/profiles.json, rules/crosswalk/crosswalk.json).
 * These schemas validate them on load; small pure functions (crosswalk.ts) interpret them.
 */
import { z } from 'zod';
import { ALLOCATION_METHODS, BOUNDARIES, ELECTRICITY_SOURCES, GWP_SET_IDS } from '../model/dataset';
import { SourceRef } from '../packs/schema';

export const LocalTextAll = z.object({ en: z.string().min(1), zh: z.string().min(1), ar: z.string().min(1) }).strict();
export type LocalTextAll = z.infer<typeof LocalTextAll>;

export const PartnerProfile = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    jurisdiction: z.string().min(2),
    name: LocalTextAll,
    /** Legal status of what the partner has: in-force instruments, or nothing found. */
    status: z.enum(['in-force', 'adopted', 'draft', 'not-found']),
    /** Whether a product carbon-footprint scheme exists there (none was found for any Arab partner). */
    productScheme: z.enum(['none-found', 'voluntary', 'mandatory']),
    legalBasis: z.array(SourceRef).min(1),
    regulates: LocalTextAll,
    doesNotRegulate: LocalTextAll,
    uncertain: z.string().optional(),
    /** Reference standards (footprint pack ids) a statement for this partner is made against, first = default. */
    referencePacks: z.array(z.string()).min(1),
  })
  .strict();
export type PartnerProfile = z.infer<typeof PartnerProfile>;

const Arrangement = z.object({ id: z.string(), text: LocalTextAll, source: SourceRef }).strict();

export const PartnerProfiles = z
  .object({
    id: z.literal('partner-profiles'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    mutualRecognition: z.object({ status: z.literal('none-found'), text: LocalTextAll, sources: z.array(SourceRef).min(1) }).strict(),
    accreditation: z.record(z.string(), z.object({ name: LocalTextAll, arrangements: z.array(Arrangement), note: LocalTextAll }).strict()),
    partners: z.array(PartnerProfile).min(1),
    references: z.array(z.object({ id: z.string(), what: LocalTextAll }).strict()).min(1),
  })
  .strict();
export type PartnerProfiles = z.infer<typeof PartnerProfiles>;

export const CROSSWALK_FNS = [
  'static',
  'boundary',
  'cutOff',
  'capitalGoods',
  'allocation',
  'notInDataset',
  'electricity',
  'biogenic',
  'gwp',
  'dataQuality',
  'verification',
] as const;
export type CrosswalkFn = (typeof CROSSWALK_FNS)[number];

export const CrosswalkCell = z
  .object({
    text: LocalTextAll,
    source: SourceRef,
    /** For static comparisons: how the rule relates to ISO 14067 / GB/T 24067. */
    relation: z.enum(['same', 'differs']).optional(),
    values: z.array(z.enum([...BOUNDARIES, ...ALLOCATION_METHODS])).optional(),
    included: z.enum(['optional', 'excluded']).optional(),
    value: z.enum(GWP_SET_IDS).optional(),
    sources: z.array(z.enum(ELECTRICITY_SOURCES)).optional(),
    lifeCycle: z.boolean().optional(),
    required: z.boolean().optional(),
  })
  .strict();
export type CrosswalkCell = z.infer<typeof CrosswalkCell>;

export const Crosswalk = z
  .object({
    id: z.literal('standards-crosswalk'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    asOf: z.string(),
    description: z.string(),
    source: SourceRef,
    standards: z.record(z.string(), z.object({ act: z.string() }).strict()),
    dimensions: z
      .array(z.object({ id: z.string().regex(/^[a-zA-Z]+$/), fn: z.enum(CROSSWALK_FNS), cells: z.record(z.string(), CrosswalkCell) }).strict())
      .min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    c.dimensions.forEach((d, i) => {
      for (const k of Object.keys(d.cells))
        if (!c.standards[k]) ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'cells', k], message: `unknown standard ${k}` });
    });
  });
export type Crosswalk = z.infer<typeof Crosswalk>;

/**
 * The decision rules of a border-adjustment pack, as data (the shape the footprint checks use: id, function name,
 * options, message key, legal reference). Small pure functions in this folder interpret them; each family has its
 * own table of valid and invalid cases (*.test.ts).
 */
import { z } from 'zod';
import { CATEGORIES, LOCATIONS, STAGES } from '../../model/dataset';
import { LegalRefSchema, type LegalRef } from '../../figure';

/** The legal reference of a rule: the core's one legal-reference schema and type (../../figure.ts). */
export const RuleRefSchema = LegalRefSchema;
export type RuleRef = LegalRef;

const messageKey = z.string().regex(/^[a-z]+:[A-Za-z0-9_.]+$/, 'message key namespace:key');
const inventoryStage = z.enum(STAGES);
const inventoryCategory = z.enum(CATEGORIES);
const inventoryLocation = z.enum(LOCATIONS);

/** Gas rules, first match wins; a rule with gases ["*"] catches every other gas. */
export const GasRuleSchema = z
  .object({
    id: z.string().min(1),
    fn: z.enum(['count', 'zeroRate', 'drop']),
    options: z.object({
      gases: z.array(z.string().min(1)).min(1),
      /** count: which pack GWP weighs the gas ('one' for CO2) */
      gwp: z.enum(['one', 'N2O', 'CF4', 'C2F6']).optional(),
      /** count: only where the good's category lists this gas; dropped with `otherwiseMessageKey` otherwise */
      onlyForCategoryGas: z.enum(['CO2', 'N2O', 'PFC']).optional(),
      otherwiseMessageKey: messageKey.optional(),
      /** count: the figure is marked uncertain (e.g. already-characterised CO2e) */
      uncertain: z.boolean().optional(),
    }),
    messageKey: messageKey.optional(),
    legalRef: RuleRefSchema,
  })
  .refine((r) => r.fn !== 'count' || r.options.gwp !== undefined, { message: 'a count rule needs options.gwp', path: ['options', 'gwp'] })
  .refine((r) => r.fn === 'count' || r.messageKey !== undefined, { message: 'zeroRate and drop rules need a messageKey', path: ['messageKey'] });
export type GasRule = z.infer<typeof GasRuleSchema>;

/** Lines outside the embedded emissions, first match wins; every given condition must hold. */
export const DropRuleSchema = z.object({
  id: z.string().min(1),
  fn: z.literal('dropLine'),
  options: z.object({
    stage: z.array(inventoryStage).optional(),
    category: z.array(inventoryCategory).optional(),
    notCategory: z.array(inventoryCategory).optional(),
    location: z.array(inventoryLocation).optional(),
  }),
  messageKey,
  legalRef: RuleRefSchema,
});
export type DropRule = z.infer<typeof DropRuleSchema>;

/** Goods that are not covered although a neighbouring (sub)heading is. */
export const ExclusionsSchema = z.object({
  source: RuleRefSchema,
  entries: z.array(
    z.object({ prefix: z.string().regex(/^\d{4}(\d{2}){0,2}$/, 'CN/commodity prefix of 4, 6 or 8 digits'), reason: z.string().regex(/^[A-Za-z]+$/) }),
  ),
});
export type Exclusions = z.infer<typeof ExclusionsSchema>;

export const EF_SOURCES = ['D.4(a)', 'D.4(b)', 'D.4.3.1', 'D.4.3.2'] as const;

/** Electricity emission-factor choices the pack offers, with where they apply and whether they are allowed. */
export const ElectricityChoiceRuleSchema = z.object({
  id: z.enum(['eu-default', 'cn-mee-national', 'cn-mee-northwest', 'cn-mee-ningxia', 'actual-ppa', 'actual-direct-line']),
  fn: z.enum(['packDefault', 'libraryFactor', 'documented']),
  options: z.object({
    /** libraryFactor: countries of the installation where the factor applies */
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
    /** libraryFactor: id prefix and scope suffix of the factor in rules/cn-electricity-factors */
    libraryPrefix: z.string().optional(),
    scope: z.string().optional(),
    /** documented: the line's electricity source */
    documented: z.enum(['ppa', 'direct-line']).optional(),
  }),
  /** false: shown for comparison but refused (e.g. other public data in a definitive period) */
  allowed: z.boolean(),
  efSource: z.enum(EF_SOURCES),
  legalRef: RuleRefSchema,
});
export type ElectricityChoiceRule = z.infer<typeof ElectricityChoiceRuleSchema>;

const verifierFns = [
  'always',
  'perFunctionalUnit',
  'periodNotYear',
  'directLines',
  'electricityLines',
  'efChoicePrefix',
  'precursors',
  'correction',
  'allocation',
  'pcfVerified',
] as const;

/** What a verifier will ask for: shown when the named condition holds for the conversion. */
export const VerifierRuleSchema = z.object({
  id: z.string().min(1),
  fn: z.enum(verifierFns),
  options: z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())])).default({}),
  messageKey,
  legalRef: z.string().min(1),
});
export type VerifierRule = z.infer<typeof VerifierRuleSchema>;

export const RulesSchema = z.object({
  gases: z.array(GasRuleSchema).min(1),
  drops: z.array(DropRuleSchema),
  /** legal references of the conversion steps that are not rules of their own */
  refs: z.object({ boundary: RuleRefSchema, biomass: RuleRefSchema, electricity: RuleRefSchema, methods: RuleRefSchema.optional() }),
  exclusions: ExclusionsSchema,
  electricity: z.array(ElectricityChoiceRuleSchema).min(1),
  verifier: z.array(VerifierRuleSchema),
  /** precursors produced in these countries carry no embedded emissions (e.g. covered by the jurisdiction's own ETS) */
  precursorOriginExempt: z.object({ countries: z.array(z.string().regex(/^[A-Z]{2}$/)), legalRef: RuleRefSchema }).optional(),
  /** documents the jurisdiction defines and the app can produce */
  documents: z.array(z.enum(['communication-template', 'own-workbook', 'qreport', 'quarterly-statement', 'annual-declaration'])),
  /** years of the cost projection */
  projection: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
});
export type PackRules = z.infer<typeof RulesSchema>;

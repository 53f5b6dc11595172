/**
 * Light schemas shared by the import modules and the browser client (no SheetJS, no template map here, so the
 * main thread can validate worker results without loading the spreadsheet reader).
 */
import { z } from 'zod';
import { MASS_UNITS } from '../model/units';
import { LISTS } from './values';

export const MAP_FIELDS = [
  'id',
  'description',
  'stage',
  'category',
  'location',
  'installationId',
  'activity.amount',
  'activity.unit',
  'factor.value',
  'factor.unit',
  'factor.gas',
  'emissions.value',
  'emissions.unit',
  'source.name',
  'source.year',
  'source.geography',
  'dataType',
  'dataQuality.rating',
  'notes',
  'precursor.cnCode',
  'precursor.country',
  'precursor.direct',
  'precursor.indirect',
  'electricity.source',
  'electricity.gridRegion',
] as const;
export type MapField = (typeof MAP_FIELDS)[number];

export const MappingSchema = z
  .object({
    format: z.literal('carbonbridge.import-mapping'),
    version: z.literal(1),
    signature: z.string().max(64).optional(),
    sheet: z.string().max(200).optional(),
    headerRow: z.number().int().min(1).max(1000),
    columns: z
      .array(z.object({ field: z.enum(MAP_FIELDS), column: z.string().regex(/^[A-Z]{1,3}$/), header: z.string().max(500).optional() }).strict())
      .max(MAP_FIELDS.length),
    defaults: z
      .object({
        stage: z.enum(LISTS.stage.codes).optional(),
        category: z.enum(LISTS.category.codes).optional(),
        location: z.enum(LISTS.location.codes).optional(),
        dataType: z.enum(LISTS.dataType.codes).optional(),
        gas: z.enum(LISTS.gas.codes).optional(),
        massUnit: z.enum(MASS_UNITS).optional(),
        activityUnit: z.string().max(20).optional(),
        sourceName: z.string().max(500).optional(),
        sourceYear: z.number().int().min(1900).max(2100).optional(),
        sourceGeography: z.string().max(100).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export type Mapping = z.infer<typeof MappingSchema>;
export type MappingInput = z.input<typeof MappingSchema>;

export const SupplierProductSchema = z
  .object({
    row: z.number().int().positive(),
    process: z.string().optional(),
    cnCode: z.string().regex(/^\d{4,10}$/),
    name: z.string().optional(),
    direct: z.number().nonnegative(),
    indirect: z.number().nonnegative(),
    total: z.number().optional(),
  })
  .strict();

/** i18n key of a mapping field's label (here, away from the spreadsheet reader, so the UI can use it on the main thread). */
export const mapFieldLabelKey = (f: string): string => `import:mapField.${f.replace('.', '_')}`;

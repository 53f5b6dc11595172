/** Chinese and Arabic texts for the Translations sheet of the Commission's template (rules/cbam-template-i18n). */
import { z } from 'zod';

const col = z.string().regex(/^[D-M]$/);

export const TemplateTranslations = z
  .object({
    id: z.literal('cbam-template-i18n'),
    version: z.string(),
    template: z
      .object({
        title: z.string(),
        language: z.string(),
        version: z.string(),
        date: z.string(),
        sheet: z.string(),
        firstRow: z.number().int().positive(),
        englishColumn: z.literal('C'),
        selectorCell: z.string(),
      })
      .strict(),
    columns: z.object({ zh: z.object({ column: col, header: z.string() }).strict(), ar: z.object({ column: col, header: z.string() }).strict() }).strict(),
    review: z
      .object({
        zh: z.object({ status: z.string(), note: z.string() }).strict(),
        ar: z.object({ status: z.literal('for-expert-review'), note: z.string() }).strict(),
      })
      .strict(),
    source: z.object({ act: z.string(), note: z.string() }).strict(),
    /** Rows that stay English (drop-down and lookup values compared by formulas and validations). */
    keepEnglish: z.object({ note: z.string(), rows: z.array(z.number().int().positive()) }).strict(),
    entries: z.record(z.string().regex(/^\d+$/), z.object({ en: z.string().min(1), zh: z.string().min(1), ar: z.string().min(1) }).strict()),
  })
  .strict()
  .refine((d) => d.columns.zh.column !== d.columns.ar.column, { message: 'zh and ar need different columns', path: ['columns'] })
  .refine((d) => !d.keepEnglish.rows.some((r) => d.entries[String(r)]), { message: 'a row kept in English has a translation', path: ['entries'] });
export type TemplateTranslations = z.infer<typeof TemplateTranslations>;
export type TemplateLang = 'zh' | 'ar';

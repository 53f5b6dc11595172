/** Catalogue matching and grading: small pure functions over the data in rules/cn-label. */
import type { z } from 'zod';
import { msg } from '../i18n/message';
import { round } from '../num';
import { PackError } from '../packs/registry';
import catalogueRaw from '../../../rules/cn-label/catalogue.json';
import itemsRaw from '../../../rules/cn-label/items.json';
import gradingRaw from '../../../rules/cn-label/grading.json';
import { Grading, LabelCatalogue, LabelItems, type CatalogueClass, type GradingScheme } from './schema';

function parse<T>(schema: z.ZodType<T>, raw: unknown, id: string): T {
  const r = schema.safeParse(raw);
  if (!r.success)
    throw new PackError(
      id,
      r.error.issues.map((i) => msg('core:pack.invalidField', { field: i.path.map(String).join('.') || '(root)', detail: i.message })),
    );
  return r.data;
}
export const loadLabelCatalogue = (raw: unknown) => parse(LabelCatalogue, raw, 'cn-cfp-label');
export const loadGrading = (raw: unknown) => parse(Grading, raw, 'cn-label-grading');

let cat: LabelCatalogue | undefined;
let items: LabelItems | undefined;
let grading: Grading | undefined;
export const labelCatalogue = (): LabelCatalogue => (cat ??= loadLabelCatalogue(catalogueRaw));
export const labelItems = (): LabelItems => (items ??= parse(LabelItems, itemsRaw, 'cn-label-items'));
export const labelGrading = (): Grading => (grading ??= loadGrading(gradingRaw));

export type CatalogueMatch =
  | { status: 'matched'; class: CatalogueClass; by: 'cn-code' | 'keyword' | 'chosen' }
  | { status: 'ambiguous'; candidates: CatalogueClass[] }
  | { status: 'outside' }
  | { status: 'no-code' };

/**
 * Which of the 17 catalogue classes a product belongs to: by CN heading, narrowed by keywords in the product's names
 * and description when one heading covers several classes (lithium-ion batteries, steel routes). `chosen` wins.
 */
export function matchCatalogue(c: LabelCatalogue, cnCode: string | undefined, texts: string[], chosen?: string): CatalogueMatch {
  if (chosen) {
    const k = c.catalogue.classes.find((x) => x.id === chosen);
    if (k) return { status: 'matched', class: k, by: 'chosen' };
  }
  if (!cnCode) return { status: 'no-code' };
  const code = cnCode.replace(/\D/g, '');
  const cands = c.catalogue.classes.filter((k) => k.cnPrefixes.some((p) => code.startsWith(p)));
  if (cands.length === 0) return { status: 'outside' };
  if (cands.length === 1) return { status: 'matched', class: cands[0]!, by: 'cn-code' };
  const hay = texts.join(' \n ').toLowerCase();
  const byKw = cands.filter((k) => k.keywords?.some((w) => hay.includes(w.toLowerCase())));
  if (byKw.length === 1) return { status: 'matched', class: byKw[0]!, by: 'keyword' };
  return { status: 'ambiguous', candidates: byKw.length > 1 ? byKw : cands };
}

export type GradeResult =
  | { status: 'graded'; scheme: GradingScheme; grade: string; value: number; unit: string }
  | { status: 'needs-input'; scheme: GradingScheme; missing: 'ratedPowerKw' }
  | { status: 'none' };

/** The published grade of a footprint (kg per functional unit) where a scheme covers the class; none otherwise. */
export function gradeFor(g: Grading, classId: string | undefined, totalKg: number, ratedPowerKw?: number): GradeResult {
  const scheme = classId ? g.schemes.find((s) => s.appliesTo.includes(classId)) : undefined;
  if (!scheme) return { status: 'none' };
  if (!ratedPowerKw || !(ratedPowerKw > 0)) return { status: 'needs-input', scheme, missing: 'ratedPowerKw' };
  const value = round(totalKg / ratedPowerKw, 6);
  const grade = scheme.grades.find((x) => x.max === null || value <= x.max)!;
  return { status: 'graded', scheme, grade: grade.grade, value, unit: scheme.unit };
}

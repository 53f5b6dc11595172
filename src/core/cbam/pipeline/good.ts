/**
 * Stage 1 — the good and its route: the period picks the pack of the scheme, the product's CN code (a 10-digit TARIC
 * code is read at its 8-digit CN level) is screened against the pack, the activity level is read from the dataset
 * (the PCF's scaling undone: tonnes of the good), and the production route is taken or inferred.
 */
import { msg, type Message } from '../../i18n/message';
import type { Dataset } from '../../model/dataset';
import { convert as convertUnit, dimensionOf, type Unit } from '../../model/units';
import { round } from '../../num';
import { datasetFig, legalRefOf, type Fig } from '../../figure';
import type { Category, CbamPack } from '../pack-schema';
import { cbamPackForPeriod, type CbamPeriod } from '../packs';
import { categoryById, normaliseCn, screenCn, type CnInput, type ScreenCategory } from '../screen';
import { templateRoutes } from '../docs/template';
import { EM_DP } from '../kernel';
import type { ConvertFailure, ConvertOptions, DirectLine } from './types';

export function fail(status: ConvertFailure['status'], errors: Message[], extra: Partial<ConvertFailure> = {}): ConvertFailure {
  return { ok: false, status, errors, ...extra };
}

export interface Good {
  ok: true;
  pack: CbamPack;
  period: CbamPeriod;
  cn: CnInput;
  category: ScreenCategory;
  cat: Category;
}

/** Spaces, dots and thin/no-break spaces allowed between the digits; a 10-digit TARIC code gives its 8-digit CN code. */
export function cnOfTaric(raw: string): string {
  const compact = raw.replace(/[\s.\u00a0\u2009\u202f]+/g, '');
  return /^\d{10}$/.test(compact) ? compact.slice(0, 8) : raw;
}

/** The pack for the period and the good's aggregated category; a failure names why it cannot be converted. */
export function resolveGood(dataset: Dataset, options: ConvertOptions): Good | ConvertFailure {
  const pp = cbamPackForPeriod(options.period, options.scheme ?? 'eu-cbam');
  if (!pp.ok) return fail('invalid', [pp.error]);
  const { pack, period } = pp;
  const cnRaw = options.cnCode ?? dataset.product.cnCode;
  if (!cnRaw) return fail('invalid', [msg('cbamconvert:errors.noCnCode')]);
  const n = normaliseCn(cnOfTaric(cnRaw));
  if (!n.ok) return fail('invalid', [msg('cbamconvert:errors.cnInvalid', { cn: String(cnRaw) }), n.error]);
  const screen = screenCn(n.cn.digits, { period: options.period, scheme: pack.scheme });
  if (screen.status === 'invalid') return fail('invalid', [screen.error]);
  if (screen.status === 'not-cbam')
    return fail('not-cbam', [msg('cbamconvert:errors.notCbamGood', { cn: n.cn.printed }), screen.reason], {
      reason: screen.reason,
      legalRef: legalRefOf({ act: screen.source.act, annex: screen.source.annex, note: screen.source.note }, 'confirmed'),
    });
  if (screen.status === 'partial') return fail('invalid', [msg('cbamconvert:errors.cnTooShort', { cn: n.cn.printed }), screen.reason]);
  const cat = categoryById(pack, screen.category.id);
  if (cat.id === 'electricity') return fail('invalid', [msg('cbamconvert:errors.electricityGood')]);
  return { ok: true, pack, period, cn: n.cn, category: screen.category, cat };
}

/** The activity level AL in tonnes: the period's production, or the functional unit on a per-functional-unit basis. */
export function activityLevel(dataset: Dataset): { ok: true; tonnes: number; fig: Fig } | ConvertFailure {
  const perPeriod = dataset.basis.kind === 'per-period';
  const prod = perPeriod ? (dataset.basis as { production: { amount: number; unit: string } }).production : dataset.product.functionalUnit;
  if (dimensionOf(prod.unit as Unit) !== 'mass')
    return fail('invalid', [msg(perPeriod ? 'cbamconvert:errors.productionNotMass' : 'cbamconvert:errors.functionalUnitNotMass', { unit: prod.unit })]);
  const tonnes = convertUnit(prod.amount, prod.unit as Unit, 't');
  if (!(tonnes > 0)) return fail('invalid', [msg('cbamconvert:errors.productionNotMass', { unit: prod.unit })]);
  const note = perPeriod ? 'basis.production' : 'product.functionalUnit (per functional unit basis)';
  return { ok: true, tonnes, fig: datasetFig(round(tonnes, EM_DP), 't', [], note) };
}

/** The route: the one given (checked against the category's routes), the only one, primary for PFC-emitting aluminium, or unknown. */
export function inferRoute(cat: Category, direct: DirectLine[], explicit?: string): { id: string; inferred: boolean; error?: Message } {
  if (explicit) {
    if (!cat.routes.includes(explicit))
      return { id: explicit, inferred: false, error: msg('cbamconvert:errors.unknownRoute', { route: explicit, allowed: cat.routes.join(', ') }) };
    return { id: explicit, inferred: false };
  }
  if (cat.routes.length === 1) return { id: cat.routes[0]!, inferred: false };
  if (cat.id === 'unwrought-aluminium' && direct.some((l) => l.gases.some((g) => (g.gas === 'CF4' || g.gas === 'C2F6') && g.massT > 0)))
    return { id: 'primary', inferred: true };
  return { id: cat.routes.includes('unknown') ? 'unknown' : cat.routes.at(-1)!, inferred: true };
}

/** The template's name of the route, where the template's route list maps one to one onto the pack's. */
export function templateRouteName(cat: Category, routeId: string): string | undefined {
  const names = templateRoutes(cat.templateName);
  if (names.length === 1) return names[0];
  const i = cat.routes.indexOf(routeId);
  return names.length === cat.routes.length && i >= 0 ? names[i] : undefined;
}

/**
 * Liability under a border adjustment charged as a rate per tonne of embedded emissions (pack kind "rate", e.g. the
 * UK CBAM): liability = mass × SEE that counts × rate of the sector and period − relief for a carbon price paid abroad
 * (never below zero). A published input that the pack does not hold (the rate, default values) is not invented: the
 * result names it as missing and the user enters it.
 */
import type { Message } from '../i18n/message';
import type { CategoryId, Rate, RatePack } from './pack-schema';
import { cbamPackForPeriod, schemeNameParams, type CbamPeriod } from './packs';
import { categoryById, chinaDefaultWithMarkup, cnProblem, defaultRowFor, normaliseCn, printCn, resolveCn, type DefaultRowChoice, type matchCn } from './screen';
import { shown } from './cost';
import { computedFig, legalRefOf, ruleFig, userFig, type Fig } from '../figure';

export interface RateCostInput {
  scheme: string;
  cn: string;
  origin: string;
  /** net mass, t */
  mass: number;
  period: string;
  /** SEE that counts for the good (direct only where indirect is not charged), tCO2e/t */
  see?: number;
  /** the rate of the sector and period as published (currency of the pack per tCO2e), where the pack has none */
  rate?: number;
  /** carbon price paid abroad that the scheme relieves, currency of the pack per tonne of goods */
  carbonPricePaid?: number;
  /** 'white' or 'grey' where the pack's default table is split by TARIC code (a 10-digit TARIC code chooses it too) */
  variant?: string;
}

export interface RateCostResult {
  ok: true;
  kind: 'rate';
  complete: boolean;
  pack: { id: string; version: string; scheme: string; currency: string };
  period: CbamPeriod;
  good: { code: string; printed: string; name: string; category: CategoryId; categoryKey: string; sector: string; indirectCounted: boolean };
  mass: Fig;
  see: Fig | null;
  rate: Fig | null;
  embedded: Fig | null;
  gross: Fig | null;
  relief: Fig;
  liability: Fig | null;
  liabilityPerTonne: Fig | null;
  /** which published inputs are missing (translatable), with the act that publishes them */
  missing: Message[];
  messages: Message[];
}

type Fail = { ok: false; severity: 'input' | 'finding'; errors: Message[] };
const fail = (severity: Fail['severity'], ...errors: Message[]): Fail => ({ ok: false, severity, errors });
const user = userFig;
/** formula: i18n key in cbam:formulas (the rounding rule stated) or cbampacks:formulas */
const computed = (value: number, unit: string, formula: string, uncertain = false): Fig =>
  computedFig(value, unit, formula.includes(':') ? formula : `cbampacks:formulas.${formula}`, uncertain);

/** The rate of the pack for a sector on a date (null value when not published). */
export function rateFor(pack: RatePack, sector: string, date: string): Rate | undefined {
  return pack.rates.find((r) => r.sector === sector && date >= r.from && (r.to === null || date <= r.to));
}

function resolve(i: RateCostInput): { pack: RatePack; period: CbamPeriod; code: ReturnType<typeof matchCn> & object; printed: string; digits: string } | Fail {
  const n = normaliseCn(i.cn);
  if (!n.ok) return fail('input', n.error);
  const pp = cbamPackForPeriod(i.period, i.scheme);
  if (!pp.ok) return fail('input', pp.error);
  if (pp.pack.kind !== 'rate') return fail('input', { key: 'cbampacks:errors.notRatePack', params: { pack: pp.pack.id } });
  const pack = pp.pack;
  const r = resolveCn(pack, n.cn.digits);
  const problem = cnProblem(r, n.cn.printed);
  if (problem || r.kind !== 'listed') return fail(problem?.severity ?? 'input', ...(problem?.errors ?? []));
  const hit = r.hit;
  return { pack, period: pp.period, code: hit, printed: n.cn.printed, digits: r.lookup };
}

/** The SEE that counts: the user's, else the pack's default for the origin, else missing. */
type SeeOf = { see: Fig; /** unrounded */ exact: number };
function seeOf(pack: RatePack, i: RateCostInput, digits: string, indirect: boolean, year: number, missing: Message[]): SeeOf | null | DefaultRowChoice {
  if (i.see !== undefined) return { see: user(i.see, 'tCO2e/t', 'see'), exact: i.see };
  if (!pack.defaultValues) {
    missing.push({ key: 'cbampacks:missing.defaultValues', params: { act: pack.defaultValuesStatus.source.act } });
    return null;
  }
  const choice = pack.defaultValues.country === i.origin ? defaultRowFor(pack, digits, i.variant) : undefined;
  if (choice && !choice.ok && choice.variants) return choice;
  const row = choice?.ok ? choice.row : undefined;
  const d = row ? chinaDefaultWithMarkup(pack, row, indirect, year) : undefined;
  const v = d?.withMarkup ?? d?.countedBase ?? null;
  if (v === null || v === undefined || !row || !d || d.countedBase === null) {
    missing.push({ key: 'cbampacks:missing.defaultForGood', params: { cn: printCn(digits), country: i.origin, act: pack.defaultValuesStatus.source.act } });
    return null;
  }
  return { see: ruleFig(v, 'tCO2e/t', legalRefOf(row.source)), exact: d.countedBase * (1 + (d.markup?.share ?? 0)) };
}

/** Liability for a quantity of a good under a rate pack, or what is missing to compute it. */
export function rateCost(i: RateCostInput): RateCostResult | Fail {
  for (const [field, v] of [
    ['mass', i.mass],
    ['see', i.see],
    ['rate', i.rate],
    ['carbonPricePaid', i.carbonPricePaid],
  ] as const)
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (field === 'mass' && !(v > 0))))
      return fail('input', { key: field === 'mass' ? 'cbam:errors.mustBePositive' : 'cbam:errors.belowMin', params: { field, value: String(v), min: 0 } });
  const r = resolve(i);
  if ('ok' in r) return r;
  const { pack, period } = r;
  const cat = categoryById(pack, r.code.category);
  const missing: Message[] = [];
  const messages: Message[] = [];
  const seen = seeOf(pack, i, r.digits, cat.indirectCounted.value, period.year, missing);
  if (seen && 'ok' in seen) return fail('input', ...(seen.ok ? [] : seen.errors)); // a variant to choose
  const see = seen ? seen.see : null;
  const seeX = seen ? seen.exact : null;
  const published = rateFor(pack, cat.sector, period.start);
  let rate: Fig | null = null;
  if (i.rate !== undefined) rate = user(i.rate, `${pack.currency}/tCO2e`, 'rate');
  else if (published?.value != null) rate = ruleFig(published.value, published.unit, legalRefOf(published.source, published.confidence), published.uncertain);
  else
    missing.push({
      key: 'cbampacks:missing.rate',
      params: { sector: `$t:cbam:sectors.${cat.sector}`, period: period.label, act: published?.source.act ?? pack.legalBasis[0]!.act },
    });
  const cp = i.carbonPricePaid ?? 0;
  const reliefX = i.mass * cp;
  const relief =
    i.carbonPricePaid !== undefined ? computed(shown(reliefX, 2), pack.currency, 'cbam:formulas.rateReliefRounded') : computed(0, pack.currency, 'reliefNone');
  if (cp > 0 && !pack.relief.foreignCarbonPrice.allowed) messages.push({ key: 'cbampacks:notes.reliefNotAllowed' });
  if (cp > 0) messages.push({ key: 'cbampacks:notes.reliefEvidence', params: { act: pack.relief.foreignCarbonPrice.source.act } });
  // each figure from unrounded figures, rounded once where it is shown (the embedded emissions are not rounded before the rate)
  const embeddedX = see ? i.mass * seeX! : null;
  const embedded = see && embeddedX !== null ? computed(shown(embeddedX, 6), 'tCO2e', 'cbam:formulas.rateEmbeddedRounded', !!see.uncertain) : null;
  const grossX = embeddedX !== null && rate ? embeddedX * rate.value : null;
  const gross =
    embedded && rate && grossX !== null
      ? computed(shown(grossX, 2), pack.currency, 'cbam:formulas.rateGrossRounded', !!(embedded.uncertain || rate.uncertain))
      : null;
  const liabilityX = grossX !== null ? Math.max(0, grossX - reliefX) : null;
  const liability =
    gross && liabilityX !== null ? computed(shown(liabilityX, 2), pack.currency, 'cbam:formulas.rateLiabilityRounded', !!gross.uncertain) : null;
  if (!cat.indirectCounted.value)
    messages.push({ key: 'cbampacks:notes.directOnly', params: { act: cat.indirectCounted.source.act, ...schemeNameParams(pack) } });
  messages.push({
    key: 'cbampacks:notes.registrationThreshold',
    params: { value: pack.registrationThreshold.value, unit: pack.registrationThreshold.unit, act: pack.registrationThreshold.source.act },
  });
  if (pack.cnCodes.uncertain) messages.push({ key: 'cbampacks:notes.codeListUncertain', params: { act: pack.cnCodes.source.act } });
  return {
    ok: true,
    kind: 'rate',
    complete: liability !== null,
    pack: { id: pack.id, version: pack.version, scheme: pack.scheme, currency: pack.currency },
    period,
    good: {
      code: r.code.code,
      printed: r.printed,
      name: r.code.name,
      category: r.code.category,
      categoryKey: `cbam:categories.${r.code.category}`,
      sector: cat.sector,
      indirectCounted: cat.indirectCounted.value,
    },
    mass: user(i.mass, cat.unit, 'mass'),
    see,
    rate,
    embedded,
    gross,
    relief,
    liability,
    liabilityPerTonne:
      liability && liabilityX !== null
        ? computed(shown(liabilityX / i.mass, 2), `${pack.currency}/t`, 'cbam:formulas.rateLiabilityPerTonneRounded', !!liability.uncertain)
        : null,
    missing,
    messages,
  };
}

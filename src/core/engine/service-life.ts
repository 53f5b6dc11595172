/**
 * A functional unit over a service life: what a product delivers over its life, computed as
 * capacity × uses per year × years (e.g. kWh of usable energy × full-equivalent cycles per year × years of
 * warranty). Years may come from a warranty stated as a distance (or other usage) converted with a stated
 * rate; when both a time and a usage warranty are given, the shorter applies. Pure and generic: the
 * defaults (uses per year by product class) are rule-pack data.
 */
import { round } from '../num';

/** Decimals kept for the delivered quantity and the per-unit footprint. */
export const SERVICE_DP = 6;

export interface ServiceYears {
  years: number;
  /** Where the years came from: the time warranty, the usage warranty converted, or the shorter of both. */
  basis: 'time' | 'usage' | 'shorter-of-both';
  /** The usage warranty converted (usage ÷ usage per year), when one was given. */
  fromUsage?: { usage: number; perYear: number; years: number };
}

/**
 * Years of service from a time warranty and/or a usage warranty with its conversion rate.
 * Returns null when neither can be used (no years and no usage with a rate).
 */
export function serviceYears(w: { years?: number; usage?: number; usagePerYear?: number }): ServiceYears | null {
  const fromUsage =
    w.usage !== undefined && w.usagePerYear !== undefined && w.usagePerYear > 0
      ? { usage: w.usage, perYear: w.usagePerYear, years: round(w.usage / w.usagePerYear, SERVICE_DP) }
      : undefined;
  if (w.years !== undefined && fromUsage) {
    return fromUsage.years < w.years
      ? { years: fromUsage.years, basis: 'shorter-of-both', fromUsage }
      : { years: w.years, basis: 'shorter-of-both', fromUsage };
  }
  if (w.years !== undefined) return { years: w.years, basis: 'time' };
  if (fromUsage) return { years: fromUsage.years, basis: 'usage', fromUsage };
  return null;
}

/** Quantity delivered over the service life: capacity × uses per year × years. */
export function serviceLifeTotal(capacity: number, usesPerYear: number, years: number): number {
  return round(capacity * usesPerYear * years, SERVICE_DP);
}

/** A footprint per unit of service (kg CO2e ÷ delivered quantity); null when nothing is delivered. */
export function perServiceUnit(kg: number, delivered: number, dp = SERVICE_DP): number | null {
  return delivered > 0 ? round(kg / delivered, dp) : null;
}

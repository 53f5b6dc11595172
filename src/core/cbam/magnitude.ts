/**
 * Orders-of-magnitude check of a CBAM result: a figure that differs from the study's own reported total, or from
 * the default value of the good, by a factor of 10 or more is almost always a basis error (per-tonne amounts read
 * as the whole period's, kg read as t …). The finding is blocking (severity error): the figure is not to be used
 * before the user has checked the basis. Pure: the caller gives the figures it already has.
 */
import type { Problem } from '../model/problems';

export const MAGNITUDE_FACTOR = 10;

export interface MagnitudeInput {
  /** the computed footprint per functional unit, kg CO2e */
  footprintKg?: number | null;
  /** the total the study reported per functional unit, kg CO2e */
  reportedKg?: number | null;
  /** the SEE that counts for the good, t CO2e per t */
  see?: number | null;
  /** the default value that counts for the good (without mark-up), t CO2e per t */
  defaultSee?: number | null;
  /** basis of the dataset's amounts, named in the message */
  basis: 'per-functional-unit' | 'per-period';
}

const fmt = (x: number) => (Math.abs(x) >= 0.01 || x === 0 ? Number(x.toPrecision(6)) : Number(x.toPrecision(2)));

/** The ratio a / b when both are finite and positive, else null. */
function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b) || a <= 0 || b <= 0) return null;
  return a / b;
}

function off(r: number | null): r is number {
  return r !== null && (r >= MAGNITUDE_FACTOR || r <= 1 / MAGNITUDE_FACTOR);
}

export function magnitudeFindings(x: MagnitudeInput): Problem[] {
  const out: Problem[] = [];
  const basis = `$t:cbamconvert:magnitude.basis.${x.basis}`;
  const r1 = ratio(x.footprintKg, x.reportedKg);
  if (off(r1))
    out.push({
      severity: 'error',
      path: ['study', 'reported', 'total'],
      checkId: 'magnitude.reported',
      message: {
        key: `cbamconvert:magnitude.reported.${r1 < 1 ? 'smaller' : 'larger'}`,
        params: { computed: fmt(x.footprintKg!), reported: fmt(x.reportedKg!), factor: fmt(r1 < 1 ? 1 / r1 : r1), basis },
      },
    });
  const r2 = ratio(x.see, x.defaultSee);
  if (off(r2))
    out.push({
      severity: 'error',
      path: ['basis'],
      checkId: 'magnitude.default',
      message: {
        key: `cbamconvert:magnitude.default.${r2 < 1 ? 'smaller' : 'larger'}`,
        params: { see: fmt(x.see!), default: fmt(x.defaultSee!), factor: fmt(r2 < 1 ? 1 / r2 : r2), basis },
      },
    });
  if (x.see === 0 || (typeof x.footprintKg === 'number' && x.footprintKg === 0 && (x.reportedKg ?? 0) > 0))
    out.push({ severity: 'error', path: ['inventory'], checkId: 'magnitude.zero', message: { key: 'cbamconvert:magnitude.zero', params: { basis } } });
  return out;
}

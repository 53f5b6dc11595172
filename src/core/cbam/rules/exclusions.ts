/** Exclusion rules of a pack: the longest listed prefix of a code that is not a covered good. */
import type { Exclusions } from './schema';

export function matchExclusionIn(ex: Exclusions, digits: string): { prefix: string; reason: string } | undefined {
  let best: { prefix: string; reason: string } | undefined;
  for (const e of ex.entries) if (digits.startsWith(e.prefix) && (!best || e.prefix.length > best.prefix.length)) best = e;
  return best;
}

/** Listed exclusions strictly below a code (e.g. 3105 60 under 3105). */
export const exclusionsBelow = (ex: Exclusions, digits: string) => ex.entries.filter((e) => e.prefix.startsWith(digits) && e.prefix.length > digits.length);

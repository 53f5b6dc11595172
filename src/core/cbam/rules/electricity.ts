/** Electricity-choice rules of a pack: which emission-factor choices exist, where they apply, whether they are allowed. */
import type { ElectricityChoiceRule } from './schema';

export type ChoiceVerdict = 'applies' | 'not-applicable' | 'not-allowed' | 'unknown';

export const electricityChoiceIds = (rules: ElectricityChoiceRule[]): string[] => rules.map((r) => r.id);

export function electricityChoiceRule(rules: ElectricityChoiceRule[], choice: string): ElectricityChoiceRule | undefined {
  return rules.find((r) => r.id === choice);
}

/** Applies to an installation in `country`? (countries not listed = everywhere) and allowed in the pack's period? */
export function choiceVerdict(rules: ElectricityChoiceRule[], choice: string, country: string): ChoiceVerdict {
  const r = electricityChoiceRule(rules, choice);
  if (!r) return 'unknown';
  if (r.options.countries && !r.options.countries.includes(country)) return 'not-applicable';
  return r.allowed ? 'applies' : 'not-allowed';
}

/** Gas rules of a pack: is a gas counted (with which GWP), zero-rated or dropped for a good's category. */
import { legalRefOf, ruleFig, type Fig } from '../../figure';
import type { Constants, Category } from '../pack-schema';
import type { GasRule, RuleRef } from './schema';

export type GasDecision =
  | { outcome: 'counted'; /** the GWP as a rule figure (its legal reference, uncertain where the pack or the rule says so) */ gwp: Fig; rule: string }
  | { outcome: 'zero-rated' | 'dropped'; messageKey: string; ref: RuleRef; rule: string };

const matches = (r: GasRule, gas: string) => r.options.gases.includes(gas) || r.options.gases.includes('*');

/** The first rule naming the gas decides; a gas no rule names is dropped under the pack's last rule's reference. */
export function gasDecision(rules: GasRule[], constants: Constants, category: Pick<Category, 'gases'>, gas: string): GasDecision {
  const r = rules.find((x) => matches(x, gas)) ?? rules[rules.length - 1]!;
  if (r.fn === 'count') {
    const need = r.options.onlyForCategoryGas;
    if (need && !category.gases.includes(need))
      return { outcome: 'dropped', messageKey: r.options.otherwiseMessageKey ?? 'cbamconvert:gas.notForCategory', ref: r.legalRef, rule: r.id };
    const g = r.options.gwp!;
    if (g === 'one') return { outcome: 'counted', gwp: ruleFig(1, 'tCO2e/t', r.legalRef, r.options.uncertain), rule: r.id };
    const f = constants.gwp[g];
    return { outcome: 'counted', gwp: ruleFig(f.value, 'tCO2e/t', legalRefOf(f.source, f.confidence), f.uncertain || r.options.uncertain), rule: r.id };
  }
  return { outcome: r.fn === 'zeroRate' ? 'zero-rated' : 'dropped', messageKey: r.messageKey!, ref: r.legalRef, rule: r.id };
}

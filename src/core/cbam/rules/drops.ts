/** Drop rules of a pack: which inventory lines are outside the embedded emissions, with the reason and the act. */
import type { DropRule, RuleRef } from './schema';

export interface LineFacts {
  stage: string;
  category: string;
  location: string;
}

const holds = (allowed: readonly string[] | undefined, v: string) => allowed === undefined || allowed.includes(v);

export function dropRuleMatches(r: DropRule, l: LineFacts): boolean {
  const o = r.options;
  return (
    holds(o.stage, l.stage) &&
    holds(o.category, l.category) &&
    holds(o.location, l.location) &&
    !((o.notCategory ?? []) as readonly string[]).includes(l.category)
  );
}

/** The first drop rule that matches the line, or undefined when the line is kept. */
export function dropDecision(rules: DropRule[], l: LineFacts): { messageKey: string; ref: RuleRef; rule: string } | undefined {
  const r = rules.find((x) => dropRuleMatches(x, l));
  return r ? { messageKey: r.messageKey, ref: r.legalRef, rule: r.id } : undefined;
}

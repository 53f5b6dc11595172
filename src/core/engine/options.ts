/**
 * Pack options: a pack may leave a rule open (a draft act still under discussion) and offer choices. The
 * chosen choices' electricity rules are tried before the pack's own rules. Unknown option ids or choices are
 * reported, never silently ignored.
 */
import { msg, type Message } from '../i18n/message';
import type { FootprintPack } from '../packs/schema';

export interface AppliedOptions {
  pack: FootprintPack;
  /** Option id → the choice in effect (the user's, or the pack's default). */
  chosen: Record<string, string>;
  errors: Message[];
}

export function applyPackOptions(pack: FootprintPack, wanted: Record<string, string> = {}): AppliedOptions {
  const errors: Message[] = [];
  const chosen: Record<string, string> = {};
  const options = pack.options ?? [];
  for (const id of Object.keys(wanted))
    if (!options.some((o) => o.id === id))
      errors.push(msg('options:unknown', { option: id, pack: pack.id, allowed: options.map((o) => o.id).join(', ') || '—' }));
  const extra = [];
  for (const o of options) {
    let c = o.choices.find((x) => x.id === (wanted[o.id] ?? o.default));
    if (!c) {
      errors.push(msg('options:unknownChoice', { option: o.id, value: wanted[o.id] ?? '', allowed: o.choices.map((x) => x.id).join(', ') }));
      c = o.choices.find((x) => x.id === o.default)!;
    }
    chosen[o.id] = c.id;
    extra.push(...c.electricityRules);
  }
  // the result is resolved: it carries no options any more, so applying the defaults again changes nothing
  const { options: _resolved, ...rest } = pack;
  if (extra.length === 0) return { pack: rest, chosen, errors };
  return { pack: { ...rest, electricity: { ...pack.electricity, rules: [...extra, ...pack.electricity.rules] } }, chosen, errors };
}

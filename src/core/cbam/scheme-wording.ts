/**
 * Electricity texts in the words of the pack's scheme. The conversion's messages about the default electricity factor
 * of the country are written for the EU CBAM ("EU default"); under another scheme (UK CBAM, a pack the user loaded)
 * they name that scheme's jurisdiction from the pack data (jurisdictionName in en/zh/ar), never the EU. Applied by the
 * use cases the CLI and the app share (convert, comparison); the EU CBAM's own texts are left as they are.
 */
import type { Message } from '../i18n/message';
import type { CbamConversion } from './convert';
import { cbamPack, schemeNameParams } from './packs';

const EU = 'eu-cbam';
const DEFAULT_CHOICE = '$t:cbamconvert:electricity.choice.eu-default';

/** EU-worded message → the scheme-neutral wording that takes the jurisdiction's name (elecwording namespace). */
const REWORDED: Record<string, string> = {
  'cbamconvert:electricity.euDefaultNotFound': 'elecwording:defaultNotFound',
  'cbamconvert:electricity.euDefaultEntered': 'elecwording:defaultEntered',
  'cbamconvert:errors.efMissing': 'elecwording:efMissing',
  'cbamconvert:warnings.efMissingNotCounted': 'elecwording:efMissingNotCounted',
  'cbamconvert:errors.choiceNotAllowed': 'elecwording:choiceNotAllowed',
};
/** of these, the ones that say it only when the choice is the default factor of the country */
const ONLY_FOR_DEFAULT_CHOICE = new Set(['cbamconvert:errors.efMissing', 'cbamconvert:warnings.efMissingNotCounted', 'cbamconvert:errors.choiceNotAllowed']);

/** The label of an electricity choice under a scheme (the default factor of the country names the jurisdiction). */
export function electricityChoiceLabel(scheme: string, packId: string, choice: string): Message {
  if (choice !== 'eu-default' || scheme === EU) return { key: `cbamconvert:electricity.choice.${choice}` };
  return { key: 'elecwording:choiceDefault', params: schemeNameParams(cbamPack(packId)) };
}

/** One message in the scheme's words (unchanged under the EU CBAM or when it does not concern the default factor). */
export function schemeMessage(m: Message, names: Record<string, string>): Message {
  const to = REWORDED[m.key];
  if (!to) return m;
  if (ONLY_FOR_DEFAULT_CHOICE.has(m.key) && m.params?.choice !== DEFAULT_CHOICE) return m;
  return { ...m, key: to, params: { ...(m.params ?? {}), ...names } };
}

const isMessage = (x: unknown): x is Message => !!x && typeof x === 'object' && typeof (x as Message).key === 'string' && /^[a-z]+:/.test((x as Message).key);

/** The conversion with every electricity message in the words of its scheme (a copy; the EU CBAM's is returned as is). */
export function schemeWorded<T extends CbamConversion>(r: T): T {
  if (r.pack.scheme === EU) return r;
  const names = schemeNameParams(cbamPack(r.pack.id));
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (isMessage(x)) return schemeMessage(x, names);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v)]));
    return x;
  };
  return walk(r) as T;
}

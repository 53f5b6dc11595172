/**
 * Electricity texts in the words of the pack's scheme. The texts about the default electricity factor of the country
 * are the EU CBAM's own under the EU CBAM ("EU default"); under another scheme (UK CBAM, a pack the user loaded) they
 * name that scheme's jurisdiction from the pack data (jurisdictionName in en/zh/ar), never the EU. The electricity
 * stage writes them so from the start; nothing is reworded afterwards.
 */
import { msg, type Message } from '../i18n/message';
import type { CbamPack } from './pack-schema';
import { cbamPack, schemeNameParams } from './packs';

const EU = 'eu-cbam';

/** The EU CBAM's text → the scheme-neutral text that takes the jurisdiction's name (elecwording namespace). */
const SCHEME_WORDING = {
  'cbamconvert:electricity.euDefaultNotFound': 'elecwording:defaultNotFound',
  'cbamconvert:electricity.euDefaultEntered': 'elecwording:defaultEntered',
  'cbamconvert:errors.efMissing': 'elecwording:efMissing',
  'cbamconvert:warnings.efMissingNotCounted': 'elecwording:efMissingNotCounted',
  'cbamconvert:errors.choiceNotAllowed': 'elecwording:choiceNotAllowed',
} as const;
export type DefaultFactorText = keyof typeof SCHEME_WORDING;

/** The label of an electricity choice under a scheme (the default factor of the country names the jurisdiction). */
export function electricityChoiceLabel(scheme: string, packId: string, choice: string): Message {
  if (choice !== 'eu-default' || scheme === EU) return { key: `cbamconvert:electricity.choice.${choice}` };
  return { key: 'elecwording:choiceDefault', params: schemeNameParams(cbamPack(packId)) };
}

/**
 * A text about the country's default electricity factor in the words of the pack's scheme: the EU CBAM's own text
 * (`euKey`, unchanged), or under another scheme the elecwording text with the jurisdiction's names added to the params.
 */
export function defaultFactorMessage(
  pack: Pick<CbamPack, 'scheme' | 'jurisdictionName'>,
  euKey: DefaultFactorText,
  params: Record<string, string | number>,
): Message {
  if (pack.scheme === EU) return msg(euKey, params);
  return msg(SCHEME_WORDING[euKey], { ...params, ...schemeNameParams(pack) });
}

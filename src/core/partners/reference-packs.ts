/** Reference standards a partner can ask for, as footprint packs (rules/partners/<id>/pack.json); ISO 14067 is rules/iso14067-2018. */
import ghg from '../../../rules/partners/ghg-protocol-product-2011/pack.json';
import pas from '../../../rules/partners/pas2050-2011/pack.json';
import pef from '../../../rules/partners/eu-pef-2021/pack.json';

export const REFERENCE_PACKS: unknown[] = [ghg, pas, pef];
export const REFERENCE_PACK_IDS = ['iso14067-2018', 'ghg-protocol-product-2011', 'pas2050-2011', 'eu-pef-2021'] as const;

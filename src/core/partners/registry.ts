/** Partner profiles and the crosswalk, validated on load (a broken file is refused naming the field). */
import type { z } from 'zod';
import { msg } from '../i18n/message';
import { PackError } from '../packs/registry';
import profilesRaw from '../../../rules/partners/profiles.json';
import crosswalkRaw from '../../../rules/crosswalk/crosswalk.json';
import { Crosswalk, PartnerProfiles, type PartnerProfile } from './schema';

function parse<T>(schema: z.ZodType<T>, raw: unknown, id: string): T {
  const r = schema.safeParse(raw);
  if (!r.success)
    throw new PackError(
      id,
      r.error.issues.map((i) => msg('core:pack.invalidField', { field: i.path.map(String).join('.') || '(root)', detail: i.message })),
    );
  return r.data;
}

export const loadPartnerProfiles = (raw: unknown): PartnerProfiles => parse(PartnerProfiles, raw, 'partner-profiles');
export const loadCrosswalk = (raw: unknown): Crosswalk => parse(Crosswalk, raw, 'standards-crosswalk');

let profiles: PartnerProfiles | undefined;
let crosswalk: Crosswalk | undefined;
export const partnerProfiles = (): PartnerProfiles => (profiles ??= loadPartnerProfiles(profilesRaw));
export const standardsCrosswalk = (): Crosswalk => (crosswalk ??= loadCrosswalk(crosswalkRaw));
export const getPartner = (id: string): PartnerProfile | undefined => partnerProfiles().partners.find((p) => p.id === id);

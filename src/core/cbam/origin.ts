/**
 * The country of origin of a dataset's good, as CarbonBridge takes it for CBAM (cost, statements, the quarterly
 * report, the EU default electricity factor, matching an imports ledger): the country where the good is produced —
 * the country of the dataset's (first) installation, or the producer's country when no installation is described.
 * CBAM declares goods per country of origin (Regulation (EU) 2023/956, Art. 6(2)(a)); origin is the non-preferential
 * origin of the Union Customs Code (Regulation (EU) No 952/2013, Art. 60: the country of the last substantial
 * transformation), which for a produced good is where the installation that produced it is.
 * One function, called by the CLI and the app (no copy of the rule anywhere else).
 */

/** The parts of a dataset the rule reads. */
export interface OriginSource {
  producer: { country: string };
  installations?: readonly { id?: string; country: string }[];
}

export interface Origin {
  /** ISO 3166-1 alpha-2 code */
  country: string;
  /** where it was taken from */
  basis: 'installation' | 'producer';
  /** the installation it was taken from */
  installationId?: string;
}

/** The country of origin with where it was taken from (see the module comment). */
export function originOf(ds: OriginSource): Origin {
  const inst = ds.installations?.[0];
  if (inst?.country) return { country: inst.country, basis: 'installation', ...(inst.id ? { installationId: inst.id } : {}) };
  return { country: ds.producer.country, basis: 'producer' };
}

/** The country of origin (ISO-2) of a dataset's good. */
export const originCountry = (ds: OriginSource): string => originOf(ds).country;

/**
 * Equivalence and reconciliation statement: one dataset against a reference standard or a partner's profile.
 * The crosswalk rows come from crosswalk.ts; the figure under the reference and the bridge by cause come from the
 * engine's comparison (engine/compare), so the re-computed figure is the one `carbonbridge compare` shows.
 */
import { compare, type Cause } from '../engine/compare';
import { msg, type Message } from '../i18n/message';
import type { Dataset, LocalText } from '../model/dataset';
import type { Problem } from '../model/problems';
import { library, getFootprintPack, type Library } from '../packs/registry';
import type { FootprintPack, SourceRef } from '../packs/schema';
import { crosswalkRows, type CrosswalkRow } from './crosswalk';
import { REFERENCE_PACK_IDS } from './reference-packs';
import { partnerProfiles, standardsCrosswalk } from './registry';
import type { LocalTextAll, PartnerProfile, PartnerProfiles } from './schema';

/** The footprint pack a study was made to, from its declared standard (GB/T 24067 when not recognised). */
export function studyPackId(standard: string): string {
  const s = standard.toUpperCase();
  if (/24067/.test(s)) return 'cn-gbt24067-2024';
  if (/14067/.test(s)) return 'iso14067-2018';
  if (/PAS\s*2050/.test(s)) return 'pas2050-2011';
  if (/GHG\s*PROTOCOL/.test(s)) return 'ghg-protocol-product-2011';
  if (/PEF|2021\/2279/.test(s)) return 'eu-pef-2021';
  return 'cn-gbt24067-2024';
}

export interface StatementTarget {
  id: string;
  partner?: PartnerProfile;
  pack: FootprintPack;
  what?: LocalTextAll;
}

/** All valid `--against` values: reference standards, then partner profiles. */
export const statementTargets = (): string[] => [...REFERENCE_PACK_IDS, ...partnerProfiles().partners.map((p) => p.id)];

export function resolveTarget(id: string, reference?: string): StatementTarget | Message {
  const profiles = partnerProfiles();
  const partner = profiles.partners.find((p) => p.id === id);
  const packId = partner ? (reference ?? partner.referencePacks[0]!) : id;
  const pack = (REFERENCE_PACK_IDS as readonly string[]).includes(packId) ? getFootprintPack(packId) : undefined;
  if (!pack) return msg('partners:error.unknownTarget', { id: reference ?? id, available: statementTargets().join(', ') });
  const what = profiles.references.find((r) => r.id === pack.id)?.what;
  return { id, pack, ...(partner ? { partner } : {}), ...(what ? { what } : {}) };
}

export interface EquivalenceStatement {
  kind: 'carbonbridge.equivalence-statement';
  statementVersion: 1;
  data: { crosswalk: string; profiles: string; asOf: string };
  dataset: {
    id?: string;
    title?: string;
    product: LocalText;
    cnCode?: string;
    producer: Dataset['producer'];
    functionalUnit: Dataset['product']['functionalUnit'];
    period: Dataset['period'];
    standard: string;
    boundary: Dataset['study']['boundary'];
    gwpSet: Dataset['study']['gwpSet'];
  };
  against: {
    id: string;
    partner?: PartnerProfile;
    reference: { packId: string; title: LocalTextAll; legalBasis: SourceRef; status: FootprintPack['status']; what?: LocalTextAll };
  };
  study: { packId: string; title: LocalTextAll };
  rows: CrosswalkRow[];
  figure: {
    unit: 'kgCO2e';
    functionalUnit: { amount: number; unit: string };
    study: { packId: string; gwpSet: string; total: number };
    reference: { packId: string; gwpSet: string; total: number };
    differenceKg: number;
    differencePct: number | null;
    causes: { cause: Cause; deltaKg: number; explanation: Message }[];
  };
  verification: { verifier: Dataset['study']['verifier'] | null; accreditation: PartnerProfiles['accreditation'][string] | null };
  mutualRecognition: PartnerProfiles['mutualRecognition'];
  /** Findings of the engine's checks under both packs (errors make the CLI exit 1). */
  findings: Problem[];
}

export function buildStatement(ds: Dataset, target: StatementTarget, lib: Library = library()): EquivalenceStatement {
  const profiles = partnerProfiles();
  const cw = standardsCrosswalk();
  const studyPack = getFootprintPack(studyPackId(ds.study.standard))!;
  const ref = target.pack;
  const c = compare(ds, [studyPack, ref], lib);
  const pair = c.pairs[0]!;
  const acc = ds.study.verifier?.accreditation ?? '';
  const accKey = Object.keys(profiles.accreditation).find((k) => acc.toUpperCase().includes(k));
  return {
    kind: 'carbonbridge.equivalence-statement',
    statementVersion: 1,
    data: { crosswalk: cw.version, profiles: profiles.version, asOf: profiles.asOf },
    dataset: {
      ...(ds.id ? { id: ds.id } : {}),
      ...(ds.title ? { title: ds.title } : {}),
      product: ds.product.name,
      ...(ds.product.cnCode ? { cnCode: ds.product.cnCode } : {}),
      producer: ds.producer,
      functionalUnit: ds.product.functionalUnit,
      period: ds.period,
      standard: ds.study.standard,
      boundary: ds.study.boundary,
      gwpSet: ds.study.gwpSet,
    },
    against: {
      id: target.id,
      ...(target.partner ? { partner: target.partner } : {}),
      reference: { packId: ref.id, title: ref.title, legalBasis: ref.legalBasis, status: ref.status, ...(target.what ? { what: target.what } : {}) },
    },
    study: { packId: studyPack.id, title: studyPack.title },
    rows: crosswalkRows(cw, ds, studyPack.id, ref.id, lib),
    figure: {
      unit: 'kgCO2e',
      functionalUnit: c.functionalUnit,
      study: { packId: studyPack.id, gwpSet: studyPack.gwpSet.id, total: pair.fromTotal },
      reference: { packId: ref.id, gwpSet: ref.gwpSet.id, total: pair.toTotal },
      differenceKg: pair.differenceKg,
      differencePct: pair.differencePct,
      causes: pair.causes.map((k) => ({ cause: k.cause, deltaKg: k.deltaKg, explanation: k.explanation })),
    },
    verification: { verifier: ds.study.verifier ?? null, accreditation: accKey ? profiles.accreditation[accKey]! : null },
    mutualRecognition: profiles.mutualRecognition,
    findings: c.results.flatMap((r) => r.findings),
  };
}

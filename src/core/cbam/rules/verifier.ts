/** Verifier rules of a pack: what a verifier will ask for, each shown when its named condition holds for the conversion. */
import { msg, type Message } from '../../i18n/message';
import type { VerifierRule } from './schema';

export interface VerifierFacts {
  periodKind: string;
  installationIds: string[];
  /** Direct source lines kept, with their CBAM kind. */
  directLines: Array<{ id: string; category: string; stage: string; hasPfc: boolean; hasN2O: boolean; biogenic: boolean; onlyCo2e: boolean }>;
  electricityLines: Array<{ id: string; documented: 'ppa' | 'direct-line' | null; greenCertificate: boolean }>;
  electricityCounted: boolean;
  efChoice: string;
  precursors: Array<{ id: string; basis: 'supplier' | 'default'; verified?: boolean }>;
  corrections: { heat: boolean; wasteGas: boolean; electricityExported: boolean };
  allocation: string;
  pcfVerified: boolean;
  basis: 'per-period' | 'per-functional-unit';
  periodDays: number;
}

export interface VerifierItem {
  /** What will be asked for (translatable). */
  message: Message;
  /** Legal basis (act and annex), language-neutral. */
  legalRef: string;
}

type Params = Record<string, string | number>;
type O = VerifierRule['options'];
const str = (o: O, k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
const lines = (ids: string[]): Params | null => (ids.length ? { lines: ids.join(', ') } : null);

function directLines(f: VerifierFacts, o: O): Params | null {
  const flag = str(o, 'flag') as keyof VerifierFacts['directLines'][number] | undefined;
  const notFlag = str(o, 'notFlag') as keyof VerifierFacts['directLines'][number] | undefined;
  return lines(
    f.directLines
      .filter(
        (l) =>
          (str(o, 'category') === undefined || l.category === str(o, 'category')) &&
          (str(o, 'notCategory') === undefined || l.category !== str(o, 'notCategory')) &&
          (str(o, 'notStage') === undefined || l.stage !== str(o, 'notStage')) &&
          (flag === undefined || !!l[flag]) &&
          (notFlag === undefined || !l[notFlag]),
      )
      .map((l) => l.id),
  );
}

function precursors(f: VerifierFacts, o: O): Params | null {
  return lines(
    f.precursors.filter((p) => (str(o, 'basis') === undefined || p.basis === str(o, 'basis')) && (o.unverified !== true || !p.verified)).map((p) => p.id),
  );
}

/** Named conditions: each returns the message parameters when the requirement applies, null otherwise. */
const CONDITIONS: Record<VerifierRule['fn'], (f: VerifierFacts, o: O) => Params | null> = {
  always: (f, o): Params => (o.withInstallations ? { installations: f.installationIds.join(', ') || '-' } : {}),
  perFunctionalUnit: (f) => (f.basis === 'per-functional-unit' ? {} : null),
  periodNotYear: (f, o) => (f.periodDays < Number(str(o, 'minDays')) || f.periodDays > Number(str(o, 'maxDays')) ? { days: f.periodDays } : null),
  directLines,
  electricityLines: (f, o) =>
    lines(
      f.electricityLines
        .filter((l) => (o.filter === 'documented' ? !!l.documented : o.filter === 'greenCertificate' ? l.greenCertificate : true))
        .map((l) => l.id),
    ),
  efChoicePrefix: (f, o) => (f.electricityLines.length && f.efChoice.startsWith(str(o, 'prefix') ?? '\u0000') ? {} : null),
  precursors,
  correction: (f, o) => (f.corrections[str(o, 'kind') as keyof VerifierFacts['corrections']] ? {} : null),
  allocation: (f) => (f.allocation !== 'none' ? { method: f.allocation } : null),
  pcfVerified: (f) => (f.pcfVerified ? {} : null),
};

/** The requirements of the pack that apply to these facts, in the pack's order. */
export function verifierItems(rules: VerifierRule[], f: VerifierFacts): VerifierItem[] {
  const out: VerifierItem[] = [];
  for (const r of rules) {
    if (r.options.periodKind !== undefined && r.options.periodKind !== f.periodKind) continue;
    const params = CONDITIONS[r.fn](f, r.options);
    if (params) out.push({ message: msg(r.messageKey, Object.keys(params).length ? params : undefined), legalRef: r.legalRef });
  }
  return out;
}

/** The facts of a conversion that the pack's verifier rules look at (../rules/verifier.ts): lines kept, choices made. */
import type { Dataset } from '../../model/dataset';
import type { CbamPack } from '../pack-schema';
import type { VerifierFacts } from '../rules/verifier';
import type { Placed } from './boundary';
import { documentedKind } from './electricity';
import type { CorrectionResult, DirectLine, PrecursorLineResult } from './types';

const DAY_MS = 86400000;

/** Days of the dataset's period, both ends included. */
export function periodDays(period: Dataset['period']): number {
  const start = Date.parse(`${period.start}T00:00:00Z`);
  const end = Date.parse(`${period.end}T00:00:00Z`);
  return Math.round((end - start) / DAY_MS) + 1;
}

export interface FactsInput {
  pack: CbamPack;
  dataset: Dataset;
  direct: DirectLine[];
  electricity: Placed[];
  indirectCounted: boolean;
  efChoice: string;
  precursors: PrecursorLineResult[];
  corrections: CorrectionResult[];
}

export function verifierFacts(x: FactsInput): VerifierFacts {
  const counted = (d: DirectLine, gases: string[]) => d.gases.some((g) => gases.includes(g.gas) && g.outcome === 'counted');
  return {
    periodKind: x.pack.kind,
    installationIds: x.dataset.installations.map((i) => i.id),
    directLines: x.direct.map((d) => ({
      id: d.id,
      category: d.category,
      stage: d.stage,
      hasPfc: counted(d, ['CF4', 'C2F6']),
      hasN2O: counted(d, ['N2O']),
      biogenic: d.gases.some((g) => g.outcome === 'zero-rated'),
      onlyCo2e: d.gases.some((g) => g.gas === 'CO2e'),
    })),
    electricityLines: x.electricity.map((e) => ({
      id: e.l.id,
      documented: documentedKind(e.l),
      greenCertificate: e.l.electricity?.source === 'green-certificate',
    })),
    electricityCounted: x.indirectCounted,
    efChoice: x.efChoice,
    precursors: x.precursors.map((p) => ({
      id: p.id,
      basis: p.basis,
      ...(p.seeDirect?.source.kind === 'supplier' && p.seeDirect.source.verified !== undefined ? { verified: p.seeDirect.source.verified } : {}),
    })),
    corrections: {
      heat: x.corrections.some((c) => c.kind.startsWith('heat')),
      wasteGas: x.corrections.some((c) => c.kind.startsWith('waste')),
      electricityExported: x.corrections.some((c) => c.kind === 'electricity-exported'),
    },
    allocation: x.dataset.study.allocation.method,
    pcfVerified: !!x.dataset.study.verifier,
    basis: x.dataset.basis.kind,
    periodDays: periodDays(x.dataset.period),
  };
}

import type { Message } from '../i18n/message';
import type { Category, Dataset, Stage } from '../model/dataset';
import type { Gas } from '../model/gases';
import type { Problem } from '../model/problems';
import type { FootprintPack, SourceRef } from '../packs/schema';
import type { Library } from '../packs/registry';

/** Decimals of kg CO2e in results, and of kg gas masses in traces. */
export const CO2E_DP = 6;
export const MASS_DP = 9;

export interface GasContribution {
  gas: Gas;
  /** kg of gas per functional unit. */
  massKg: number;
  /** GWP100 of the pack's set (kg CO2e per kg), or null when the set has none for this gas. */
  gwp: number | null;
  /** kg CO2e per functional unit: massKg × gwp, rounded; 0 when not counted. */
  co2e: number;
  counted: boolean;
  notCountedReason?: Message;
}

export interface ElectricityTrace {
  ruleId: string;
  action: 'as-reported' | 'substitute';
  /** The rule's verdict on a contractual instrument claimed by the line (PPA, certificate …), when it gives one. */
  instrument?: 'accepted' | 'refused';
  /** Factor the study used (kind from the library when its id is known). */
  reportedFactorId?: string;
  reportedKind: 'combustion-co2' | 'life-cycle' | 'unknown';
  /** Factor the pack applied instead. */
  substitute?: { id: string; value: number; unit: string; year: number; source: string };
  message: Message;
  legalRef: SourceRef;
}

export interface LineTrace {
  id: string;
  row: number;
  description: string;
  stage: Stage;
  category: Category;
  location: 'installation' | 'upstream' | 'downstream';
  included: boolean;
  exclusion?: { message: Message; legalRef: SourceRef };
  activity: { amount: number; unit: string };
  /** Factor per functional unit applied to the line's period amounts (1 when the basis is per functional unit). */
  basisScale: number;
  emissions: Dataset['inventory'][number]['emissions'];
  electricity?: ElectricityTrace;
  gases: GasContribution[];
  /** kg CO2e per functional unit counted in the total (0 when excluded). */
  co2e: number;
  /** What the line would contribute if it were included (for excluded lines and comparisons). */
  co2eIfIncluded: number;
}

export interface GasTotal {
  massKg: number;
  gwp: number | null;
  co2e: number;
}

export interface Reconciliation {
  reportedKg: number;
  recomputedKg: number;
  gwpSet: string;
  differenceKg: number;
  differencePct: number | null;
  perStage: Partial<Record<Stage, { reportedKg: number; recomputedKg: number; differenceKg: number; differencePct: number | null }>>;
}

export interface FootprintResult {
  kind: 'carbonbridge.footprint-result';
  resultVersion: 1;
  pack: {
    id: string;
    version: string;
    status: FootprintPack['status'];
    title: FootprintPack['title'];
    effectiveFrom: string;
    effectiveTo: string | null;
  };
  gwpSet: { id: string; source: SourceRef };
  dataset: { id?: string; title?: string; product: Dataset['product']['name']; period: Dataset['period'] };
  unit: 'kgCO2e';
  functionalUnit: { amount: number; unit: string };
  total: number;
  byStage: Record<Stage, number>;
  byCategory: Record<Category, number>;
  byGas: Partial<Record<Gas, GasTotal>>;
  /** Biogenic CO2, reported separately (kg per functional unit, whether or not counted in the total). */
  biogenicCO2Kg: number;
  excluded: { lines: number; co2eIfIncluded: number };
  lines: LineTrace[];
  reconciliation?: Reconciliation;
  findings: Problem[];
}

export interface CheckContext {
  dataset: Dataset;
  pack: FootprintPack;
  result: FootprintResult;
  lib: Library;
}

export interface CheckHit {
  path?: (string | number)[];
  line?: { id?: string; row: number };
  params?: Record<string, string | number>;
}

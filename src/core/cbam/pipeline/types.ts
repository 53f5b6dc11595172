/** The types of a conversion (options, stage results, the result); re-exported by ../convert.ts, the public door. */
import type { Message } from '../../i18n/message';
import type { Dataset, InventoryLine } from '../../model/dataset';
import type { Gas } from '../../model/gases';
import type { Problem } from '../../model/problems';
import type { Library } from '../../packs/registry';
import type { Fig, LegalRef } from '../../figure';
import type { Category, CategoryId, CbamPack } from '../pack-schema';
import type { CbamPeriod } from '../packs';
import type { VerifierItem } from '../rules/verifier';

export type ElectricityChoice = 'eu-default' | 'cn-mee-national' | 'cn-mee-northwest' | 'cn-mee-ningxia' | 'actual-ppa' | 'actual-direct-line';
export const ELECTRICITY_CHOICES: readonly ElectricityChoice[] = [
  'eu-default',
  'cn-mee-national',
  'cn-mee-northwest',
  'cn-mee-ningxia',
  'actual-ppa',
  'actual-direct-line',
];

export interface ConvertOptions {
  /** '2026', '2026-Q1', '2025-Q3' … picks the pack of the scheme (EU: transitional up to 2025-Q4, definitive from 2026). */
  period: string;
  /** the scheme converted to: 'eu-cbam' (default), 'uk-cbam', or any installed pack's scheme */
  scheme?: string;
  /** CN code of the product, overriding the dataset's. */
  cnCode?: string;
  /** Production route id of the pack (e.g. 'primary'); inferred where the data allow, else 'unknown'. */
  route?: string;
  electricity?: {
    choice?: ElectricityChoice;
    /** EU default emission factor for the country (tCO2/MWh), entered by the user from IR 2025/2621 Annex II/III (definitive) or the registry (transitional). */
    euDefaultEf?: number;
    /** Actual EF (tCO2/MWh) of a documented PPA or direct line; else derived from the documented line's own factor. */
    actualEf?: number;
  };
  /** Attribution corrections for the same basis as the dataset (its period, or per functional unit). */
  corrections?: {
    heat?: { importedTJ?: number; importedEf?: number; exportedTJ?: number; exportedEf?: number };
    wasteGas?: { importedTJ?: number; exportedTJ?: number };
    electricityExported?: { mwh: number; ef: number };
  };
  lib?: Library;
}

export type GasRuleOutcome = 'counted' | 'zero-rated' | 'dropped';

export interface GasTrace {
  gas: Gas;
  massT: number;
  outcome: GasRuleOutcome;
  /** AR5 GWP used (pack constant) or 1 for CO2. */
  gwp?: Fig;
  co2eT: number;
  /** What the study's own GWP set gave for this gas (for the re-characterisation view). */
  studyGwp?: number | null;
  reason?: Message;
  legalRef?: LegalRef;
}

export interface DirectLine {
  id: string;
  description: string;
  category: InventoryLine['category'];
  stage: InventoryLine['stage'];
  installationId?: string;
  gases: GasTrace[];
  co2e: Fig;
}

export interface ElectricityLineResult {
  id: string;
  description: string;
  installationId?: string;
  mwh: Fig;
  documented: 'ppa' | 'direct-line' | null;
  ef: Fig | null;
  efSource: 'D.4(a)' | 'D.4(b)' | 'D.4.3.1' | 'D.4.3.2' | null;
  emissions: Fig | null;
}

export interface ElectricityOption {
  choice: ElectricityChoice;
  status: 'available' | 'needs-input' | 'not-found' | 'not-allowed' | 'not-applicable' | 'not-documented';
  ef: Fig | null;
  indirect: Fig | null;
  seeIndirect: Fig | null;
  seeTotal: Fig | null;
  note: Message;
}

export interface PrecursorLineResult {
  id: string;
  description: string;
  cn: string;
  category: CategoryId;
  country?: string;
  massT: Fig;
  basis: 'supplier' | 'default';
  seeDirect: Fig | null;
  seeIndirect: Fig | null;
  embeddedDirect: Fig | null;
  embeddedIndirect: Fig | null;
  supplier?: string;
  markup?: Fig;
}

export interface DroppedLine {
  id: string;
  row: number;
  description: string;
  stage: InventoryLine['stage'];
  category: InventoryLine['category'];
  location: InventoryLine['location'];
  reason: Message;
  legalRef: LegalRef;
  /** What the study counted for this line (tCO2e with the study's GWP set), for information. */
  pcfCo2e: number | null;
}

export interface DroppedGas {
  lineId: string;
  gas: Gas;
  massT: number;
  outcome: 'zero-rated' | 'dropped';
  reason: Message;
  legalRef: LegalRef;
}

export interface CorrectionResult {
  kind: 'heat-imported' | 'heat-exported' | 'waste-gas-imported' | 'waste-gas-exported' | 'electricity-exported';
  amount: Fig;
  ef: Fig;
  /** Signed effect on attributed direct emissions (tCO2e). */
  effect: Fig;
}

export interface ConvertedProcess {
  id: string;
  categoryId: CategoryId;
  route: { id: string; templateName?: string; inferred: boolean };
  installationIds: string[];
  production: Fig;
  directByInstallation: Array<{ installationId: string; co2e: Fig }>;
}

export interface CbamConversion {
  ok: true;
  status: 'converted';
  /** False when a figure that counts is missing (see findings of severity error). */
  complete: boolean;
  pack: { id: string; version: string; kind: CbamPack['kind']; status: string; scheme: string; jurisdiction: string };
  period: CbamPeriod;
  dataset: {
    id?: string;
    title?: string;
    product: Dataset['product']['name'];
    period: Dataset['period'];
    gwpSet: string;
    basis: 'per-period' | 'per-functional-unit';
  };
  good: {
    cn: string;
    printed: string;
    category: { id: CategoryId; nameKey: string; templateName: string; sector: string; unit: string };
    gases: Category['gases'];
    indirectCounted: { value: boolean; source: LegalRef; uncertain?: true };
    precursorCategories: CategoryId[];
  };
  process: ConvertedProcess;
  production: Fig;
  direct: { lines: DirectLine[]; total: Fig; byGas: { co2: Fig; n2o: Fig; pfc: Fig }; biogenicZeroRated: Fig };
  corrections: { items: CorrectionResult[]; total: Fig };
  attributedDirect: Fig;
  electricity: {
    lines: ElectricityLineResult[];
    mwh: Fig;
    mwhPerTonne: Fig;
    counted: boolean;
    choice: ElectricityChoice;
    ef: Fig | null;
    indirect: Fig | null;
    options: ElectricityOption[];
  };
  precursors: { lines: PrecursorLineResult[]; embeddedDirect: Fig | null; embeddedIndirect: Fig | null };
  see: {
    direct: Fig | null;
    indirect: Fig | null;
    total: Fig | null;
    /** Which figure counts for the good in the period: direct only, or direct + indirect. */
    counted: 'direct' | 'total';
    countedValue: Fig | null;
    shareDefault: number | null;
  };
  recharacterisation: Array<{ gas: Gas; massT: number; studyGwp: number | null; cbamGwp: number; studyCo2e: number | null; cbamCo2e: number }>;
  dropped: DroppedLine[];
  droppedGases: DroppedGas[];
  verifier: VerifierItem[];
  findings: Problem[];
}

export type ConvertFailure = {
  ok: false;
  status: 'invalid' | 'not-cbam';
  errors: Message[];
  /** For not-cbam: the screening reason and its legal source. */
  reason?: Message;
  legalRef?: LegalRef;
};

export type ConvertResult = CbamConversion | ConvertFailure;

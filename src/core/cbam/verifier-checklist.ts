/**
 * What a CBAM verifier will ask for, given a conversion: a list of translatable messages (namespace cbamconvert),
 * each with the legal basis of the request. Built from the facts of the conversion (which sources are kept, which
 * defaults are used, which corrections apply), so the list is specific to the dataset.
 */
import { msg, type Message } from '../i18n/message';

export interface VerifierFacts {
  periodKind: 'definitive' | 'transitional';
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

const IR_MON = 'Implementing Regulation (EU) 2025/2547';
const IR_VER = 'Implementing Regulation (EU) 2025/2546; Regulation (EU) 2023/956 Annex VI';

export function verifierChecklist(f: VerifierFacts): VerifierItem[] {
  const out: VerifierItem[] = [];
  const add = (key: string, legalRef: string, params?: Record<string, string | number>) =>
    out.push({ message: msg(`cbamconvert:verifier.${key}`, params), legalRef });

  add('monitoringPlan', `${IR_MON}, Art. 4 (monitoring plan)`);
  add('productionRecords', `${IR_MON}, Annex II (activity level of each production process)`);
  add('installationBoundary', `${IR_MON}, Annex II (system boundaries per aggregated goods category)`, { installations: f.installationIds.join(', ') || '-' });
  if (f.basis === 'per-functional-unit') add('perFunctionalUnit', `${IR_MON}, Annex II (SEE per tonne of the whole output of the process)`);
  if (f.periodDays < 360 || f.periodDays > 370) add('reportingPeriod', `${IR_MON}, Art. 3 (reporting period, calendar year preferred)`, { days: f.periodDays });

  const combustion = f.directLines.filter((l) => l.category === 'fuel-combustion').map((l) => l.id);
  if (combustion.length) add('fuelEvidence', `${IR_MON}, Annex II (calculation-based approach: activity data, NCV, emission factor, oxidation factor)`, { lines: combustion.join(', ') });
  const process = f.directLines.filter((l) => l.category !== 'fuel-combustion' && !l.hasPfc).map((l) => l.id);
  if (process.length) add('processEvidence', `${IR_MON}, Annex II (process emissions, mass balance: carbon content analyses)`, { lines: process.join(', ') });
  const pfc = f.directLines.filter((l) => l.hasPfc).map((l) => l.id);
  if (pfc.length) add('pfcEvidence', `${IR_MON}, Annex II (PFC: slope or overvoltage method, anode-effect records, collection efficiency)`, { lines: pfc.join(', ') });
  const n2o = f.directLines.filter((l) => l.hasN2O).map((l) => l.id);
  if (n2o.length) add('n2oEvidence', `${IR_MON}, Annex II (N2O: continuous emission measurement)`, { lines: n2o.join(', ') });
  const bio = f.directLines.filter((l) => l.biogenic).map((l) => l.id);
  if (bio.length) add('biomassCriteria', `${IR_MON}, Annex II (biomass zero-rated only if it meets Directive (EU) 2018/2001 Art. 29 criteria)`, { lines: bio.join(', ') });
  const co2e = f.directLines.filter((l) => l.onlyCo2e).map((l) => l.id);
  if (co2e.length) add('gasByGas', 'Regulation (EU) 2023/956, Annex I (greenhouse gases per good)', { lines: co2e.join(', ') });
  const notProduction = f.directLines.filter((l) => l.stage !== 'production').map((l) => l.id);
  if (notProduction.length) add('sourceInBoundary', `${IR_MON}, Annex II (system boundaries)`, { lines: notProduction.join(', ') });

  if (f.electricityLines.length) {
    add('electricityMeters', `${IR_MON}, Annex II (indirect emissions: electricity consumed per production process)`, { lines: f.electricityLines.map((l) => l.id).join(', ') });
    const ppa = f.electricityLines.filter((l) => l.documented);
    if (ppa.length) add('ppaEvidence', `${IR_MON}, Annex II (actual emission factor only with a direct technical link or a power purchase agreement)`, { lines: ppa.map((l) => l.id).join(', ') });
    const gec = f.electricityLines.filter((l) => l.greenCertificate);
    if (gec.length) add('greenCertificates', `${IR_MON}, Annex II (electricity emission factors)`, { lines: gec.map((l) => l.id).join(', ') });
    if (f.efChoice.startsWith('cn-mee')) add('meeFactor', 'Implementing Regulation (EU) 2023/1773, Annex III, D.4(b) (other public data)');
  }

  const sup = f.precursors.filter((p) => p.basis === 'supplier');
  if (sup.length) add('supplierCommunications', `${IR_MON}, Annex II (precursors: specific embedded emissions communicated by the supplier)`, { lines: sup.map((p) => p.id).join(', ') });
  const unverified = sup.filter((p) => !p.verified);
  if (unverified.length && f.periodKind === 'definitive') add('supplierVerification', IR_VER, { lines: unverified.map((p) => p.id).join(', ') });
  const def = f.precursors.filter((p) => p.basis === 'default');
  if (def.length) add('precursorOrigin', 'Implementing Regulation (EU) 2025/2621, Annex I (country-specific default values)', { lines: def.map((p) => p.id).join(', ') });

  if (f.corrections.heat) add('heatMetering', `${IR_MON}, Annex II (measurable heat imported and exported)`);
  if (f.corrections.wasteGas) add('wasteGasMetering', `${IR_MON}, Annex II (waste gases: energy content, natural-gas reference factor 56.1 tCO2/TJ)`);
  if (f.corrections.electricityExported) add('exportedElectricity', `${IR_MON}, Annex II (electricity exported from the installation)`);

  if (f.allocation !== 'none') add('allocationUndone', `${IR_MON}, Annex II (attribution per production process; no economic allocation)`, { method: f.allocation });
  if (f.pcfVerified) add('pcfNotCbamVerification', IR_VER);
  if (f.periodKind === 'definitive') add('verificationReport', IR_VER);
  return out;
}

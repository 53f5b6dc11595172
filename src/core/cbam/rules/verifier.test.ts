/** Verifier rules: valid and invalid cases. */
import { describe, expect, it } from 'vitest';
import { definitivePack, transitionalPack } from '../packs';
import { verifierItems, type VerifierFacts } from './verifier';
import { VerifierRuleSchema } from './schema';

const facts = (over: Partial<VerifierFacts> = {}): VerifierFacts => ({
  periodKind: 'definitive',
  installationIds: ['I1'],
  directLines: [],
  electricityLines: [],
  electricityCounted: false,
  efChoice: 'eu-default',
  precursors: [],
  corrections: { heat: false, wasteGas: false, electricityExported: false },
  allocation: 'none',
  pcfVerified: false,
  basis: 'per-period',
  periodDays: 365,
  ...over,
});
const keys = (f: VerifierFacts, pack: { rules: { verifier: Parameters<typeof verifierItems>[0] } } = definitivePack()) =>
  verifierItems(pack.rules.verifier, f).map((i) => i.message.key.replace('cbamconvert:verifier.', ''));

describe('verifier rules', () => {
  const cases: Array<[string, Partial<VerifierFacts>, string, boolean]> = [
    ['monitoring plan always', {}, 'monitoringPlan', true],
    ['verification report in the definitive period', {}, 'verificationReport', true],
    ['per functional unit basis', { basis: 'per-functional-unit' }, 'perFunctionalUnit', true],
    ['a year is not flagged', { periodDays: 365 }, 'reportingPeriod', false],
    ['half a year is flagged', { periodDays: 181 }, 'reportingPeriod', true],
    [
      'PFC lines need PFC evidence',
      { directLines: [{ id: 'L1', category: 'process-emission', stage: 'production', hasPfc: true, hasN2O: false, biogenic: false, onlyCo2e: false }] },
      'pfcEvidence',
      true,
    ],
    [
      'PFC lines are not process evidence',
      { directLines: [{ id: 'L1', category: 'process-emission', stage: 'production', hasPfc: true, hasN2O: false, biogenic: false, onlyCo2e: false }] },
      'processEvidence',
      false,
    ],
    ['MEE factor only with electricity lines', { efChoice: 'cn-mee-national' }, 'meeFactor', false],
    [
      'MEE factor with electricity lines',
      { efChoice: 'cn-mee-national', electricityLines: [{ id: 'E1', documented: null, greenCertificate: false }] },
      'meeFactor',
      true,
    ],
    ['unverified supplier values', { precursors: [{ id: 'P1', basis: 'supplier', verified: false }] }, 'supplierVerification', true],
    ['waste gas metering', { corrections: { heat: false, wasteGas: true, electricityExported: false } }, 'wasteGasMetering', true],
    ['economic allocation undone', { allocation: 'economic' }, 'allocationUndone', true],
  ];
  it.each(cases)('%s', (_n, over, key, present) => expect(keys(facts(over)).includes(key)).toBe(present));
  it('no verification report nor supplier verification in the transitional period', () => {
    const k = keys(facts({ periodKind: 'transitional', precursors: [{ id: 'P1', basis: 'supplier' }] }), transitionalPack());
    expect(k).not.toContain('verificationReport');
    expect(k).not.toContain('supplierVerification');
    expect(k).toContain('supplierCommunications');
  });

  const invalid: Array<[string, unknown, string]> = [
    ['unknown condition', { id: 'x', fn: 'sometimes', messageKey: 'a:b', legalRef: 'A' }, 'fn'],
    ['empty legal reference', { id: 'x', fn: 'always', messageKey: 'a:b', legalRef: '' }, 'legalRef'],
    ['options of the wrong type', { id: 'x', fn: 'always', options: { prefix: 3 }, messageKey: 'a:b', legalRef: 'A' }, 'options.prefix'],
  ];
  it.each(invalid)('invalid: %s', (_n, rule, field) => {
    const r = VerifierRuleSchema.safeParse(rule);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

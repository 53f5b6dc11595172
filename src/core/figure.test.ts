import { describe, expect, it } from 'vitest';
import { computedFig, datasetFig, legalRefOf, ruleFig, userFig } from './figure';

describe('the shared figure type', () => {
  it('a legal reference keeps only the fields given', () => {
    expect(legalRefOf({ act: 'Regulation (EU) 2023/956', annex: undefined, table: '', note: 'n' }, 'likely')).toEqual({
      act: 'Regulation (EU) 2023/956',
      note: 'n',
      confidence: 'likely',
    });
    expect(legalRefOf({ act: 'A', annex: 'Annex II' })).toEqual({ act: 'A', annex: 'Annex II' });
  });
  it('figures carry their source kind; uncertain only when flagged', () => {
    expect(ruleFig(265, '1', { act: 'A' }, true)).toEqual({ value: 265, unit: '1', source: { kind: 'rule', ref: { act: 'A' } }, uncertain: true });
    expect(computedFig(1.5, 'tCO2e/t', 'x / y')).toEqual({ value: 1.5, unit: 'tCO2e/t', source: { kind: 'computed', formula: 'x / y' } });
    expect(userFig(0.6, 'tCO2/MWh', 'electricity.euDefaultEf').source).toEqual({ kind: 'user', field: 'electricity.euDefaultEf' });
    expect(datasetFig(2, 't', ['L1']).source).toEqual({ kind: 'dataset', lines: ['L1'] });
    expect(datasetFig(2, 't', [], 'basis.production').source).toEqual({ kind: 'dataset', lines: [], note: 'basis.production' });
  });
});

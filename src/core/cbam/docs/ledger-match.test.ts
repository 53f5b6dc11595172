/** An imports ledger matched with a conversion: one use case behind `convert --ledger` and the app's statements. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sampleJson } from '../../../../test/helpers/samples';
import { Dataset } from '../../model/dataset';
import { convertToCbam, type CbamConversion } from '../convert';
import { conversionRouteLetter, ledgerLineFromConversion, ledgerLineMatches, seeFromConversion } from './ledger-match';
import { readLedgerCsv } from './ledger';
import { buildQuarterlyStatement } from './statements';

const al = Dataset.parse(sampleJson('aluminium-ingot-ningxia.json'));
const alConv = convertToCbam(al, { period: '2026' }) as CbamConversion;

describe('ledger matching', () => {
  it.each([
    { name: 'same CN and origin', line: { cnCode: '76011000', origin: 'CN' }, match: true },
    { name: 'another 8-digit code of the same subheading (codes compared as written)', line: { cnCode: '76011010', origin: 'CN' }, match: false },
    { name: 'the ledger’s subheading above the good’s code', line: { cnCode: '760110', origin: 'CN' }, match: true },
    { name: 'the ledger’s heading above the good’s code', line: { cnCode: '7601', origin: 'CN' }, match: true },
    { name: 'another country of origin', line: { cnCode: '76011000', origin: 'IN' }, match: false },
    { name: 'another good', line: { cnCode: '72083900', origin: 'CN' }, match: false },
    { name: 'a sibling subheading', line: { cnCode: '76012000', origin: 'CN' }, match: false },
  ])('$name → $match', ({ line, match }) => {
    expect(alConv.good.cn).toBe('76011000');
    expect(ledgerLineMatches(alConv, al, line)).toBe(match);
  });

  it('route letters: aluminium primary K, secondary L, aluminium products K; other goods none', () => {
    const g = (category: string, route: string) => ({ good: { category: { id: category } }, process: { route: { id: route } } }) as unknown as CbamConversion;
    expect(conversionRouteLetter(g('unwrought-aluminium', 'primary'))).toBe('K');
    expect(conversionRouteLetter(g('unwrought-aluminium', 'secondary'))).toBe('L');
    expect(conversionRouteLetter(g('unwrought-aluminium', 'other'))).toBeUndefined();
    expect(conversionRouteLetter(g('aluminium-products', 'other'))).toBe('K');
    expect(conversionRouteLetter(g('aluminium-products', 'secondary'))).toBe('L');
    expect(conversionRouteLetter(g('iron-steel', 'primary'))).toBeUndefined();
    expect(conversionRouteLetter(alConv)).toBe('K');
  });

  it('the fixture ledger: the line of the converted good takes the conversion’s SEE, the others keep theirs or the default', () => {
    const lines = readLedgerCsv(new Uint8Array(readFileSync('test/fixtures/cbam-docs/imports-2026.csv')));
    const seeFor = seeFromConversion(alConv, al);
    const got = lines.map((l) => seeFor(l));
    const see = alConv.see.countedValue!.value;
    expect(got.map((x) => x?.see)).toEqual(lines.map((l) => (l.cnCode === '76011000' ? see : undefined)));
    expect(got.filter(Boolean)).toHaveLength(1);
    expect(got.find(Boolean)).toMatchObject({ route: 'K', source: `CarbonBridge conversion of ${al.study.standard} footprint, eu-cbam-definitive 2026` });
    // in the statement a line's own SEE still wins (the Q4 line carries the supplier's 1.6562525)
    const s = buildQuarterlyStatement(
      lines.filter((l) => l.quarterLabel === '2026-Q4'),
      '2026-Q4',
      { seeFor },
    );
    expect(s.lines[0]!.see.value).toBe(1.6562525);
  });

  it('no SEE (a figure missing) matches nothing: the default value applies, never 0', () => {
    const noSee = { ...alConv, see: { ...alConv.see, countedValue: null } } as CbamConversion;
    expect(seeFromConversion(noSee, al)({ cnCode: '76011000', origin: 'CN' } as never)).toBeUndefined();
    expect(ledgerLineFromConversion(noSee, al, { netMass: 1, quarter: '2026-Q1' })).not.toHaveProperty('see');
  });

  it('the app’s one line: the good’s CN, the origin rule, the conversion’s SEE with the user’s source and route', () => {
    expect(ledgerLineFromConversion(alConv, al, { netMass: 100, quarter: '2026-Q1', seeSource: 'own data', route: 'K' })).toEqual({
      cnCode: '76011000',
      origin: 'CN',
      netMass: 100,
      quarter: '2026-Q1',
      see: alConv.see.countedValue!.value,
      seeSource: 'own data',
      route: 'K',
    });
  });
});

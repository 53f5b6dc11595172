import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { readLedgerCsv, parseLedger, decodeText } from './ledger';
import { buildQuarterlyStatement, buildAnnualDeclaration, quarterlyStatementXlsx, annualDeclarationXlsx, seeLookupFromInstallations } from './statements';
import { CbamDocError } from './errors';

const csv = (f: string) => new Uint8Array(readFileSync(`test/fixtures/cbam-docs/${f}`));
const keyOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof CbamDocError) return e.messages[0]!.key;
    throw e;
  }
  throw new Error('no error');
};

describe('imports ledger', () => {
  it('reads UTF-8 CSV with quotes, dates and quarters', () => {
    const l = readLedgerCsv(csv('imports-2026.csv'));
    expect(l.map((x) => x.quarterLabel)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(l[1]!.origin).toBe('CN');
    expect(l[1]!.supplierInstallation).toBe('Ningxia Example Aluminium Co., Ltd.');
    expect(l[3]!.see).toBe(1.6562525);
  });
  it('reads GB18030 CSV with Chinese headers and thousands separators', () => {
    const bytes = csv('imports-gb18030.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText(bytes)).toContain('宁夏示例铝业');
    const l = readLedgerCsv(bytes);
    expect(l.map((x) => [x.cnCode, x.netMass, x.supplierInstallation])).toEqual([
      ['72083900', 100, '河北钢铁'],
      ['76011000', 1000, '宁夏示例铝业'],
    ]);
  });
  it('rejects a negative mass, a missing column, a bad quarter with translated keys', () => {
    expect(keyOf(() => parseLedger([{ cnCode: '7208 39 00', origin: 'CN', netMass: -1, quarter: '2026-Q1' }]))).toBe('cbamdocs:errors.negative');
    expect(keyOf(() => readLedgerCsv(new TextEncoder().encode('cn,origin\n7208,CN\n')))).toBe('cbamdocs:errors.ledgerHeader');
    expect(keyOf(() => parseLedger([{ cnCode: '7208 39 00', origin: 'CN', netMass: 1, quarter: '2026-Q5' }]))).toBe('cbamdocs:errors.quarter');
    expect(keyOf(() => parseLedger([{ cnCode: '7208 39 00', origin: 'China', netMass: 1, quarter: '2026-Q1' }]))).toBe('cbamdocs:errors.country');
  });
});

describe('quarterly statement (reference/cbam.md TC10–TC12)', () => {
  const ledger = readLedgerCsv(csv('imports-2026.csv'));
  it('TC10: 100 t Chinese HRC in Q1-2026 at default → 216.995 certificates, EUR 16,352.74', () => {
    const s = buildQuarterlyStatement(ledger, '2026-Q1');
    expect(s.lines).toHaveLength(1);
    const l = s.lines[0]!;
    expect(l.see.value).toBe(3.5057);
    expect(l.see.source).toMatch(/2025\/2621/);
    expect(l.sefa.value).toBe(1.33575);
    expect(l.sefa.source).toMatch(/2025\/2620/);
    expect(l.embedded.value).toBe(350.57);
    expect(l.certificates.value).toBe(216.995);
    expect(l.costEur!.value).toBe(16352.74);
    expect(l.price!.source).toContain('2026-Q1');
    expect(s.holding).toBeNull();
  });
  it('TC11 and TC12 at the Q2 and Q3 prices', () => {
    expect(buildQuarterlyStatement(ledger, '2026-Q2').totals.costEur).toBe(143978.65);
    const q3 = buildQuarterlyStatement(ledger, '2026-Q3');
    expect(q3.totals.certificates).toBe(912.65);
    expect(q3.totals.costEur).toBe(75129.35);
  });
  it('never invents a price: Q4-2026 without a user price has certificates but no cost', () => {
    const q4 = buildQuarterlyStatement(ledger, '2026-Q4');
    expect(q4.totals.costEur).toBeNull();
    expect(q4.messages.map((m) => m.key)).toContain('cbamdocs:errors.noPrice');
    const priced = buildQuarterlyStatement(ledger, '2026-Q4', { prices: { '2026-Q4': 80 } });
    expect(priced.lines[0]!.path).toBe('actual');
    expect(priced.lines[0]!.see.source).toBe('Supplier communication template 2025');
    expect(priced.totals.costEur).toBe(Math.round(priced.totals.certificates * 80 * 100) / 100);
  });
  it('from 2027 the 50 % holding on the embedded emissions imported since 1 January', () => {
    const l27 = [
      { cnCode: '7208 39 00', origin: 'CN', netMass: 100, quarter: '2027-Q1' },
      { cnCode: '7208 39 00', origin: 'CN', netMass: 100, date: '2027-05-02' },
    ];
    const s = buildQuarterlyStatement(l27, '2027-Q2', { prices: { '2027-Q2': 70 } });
    // 2027: mark-up 20 %: 3.187 × 1.2 = 3.8244 t/t; 200 t since 1 January → 764.88 t; 50 % → 382.44
    expect(s.holding!.cumulativeEmbedded).toBe(764.88);
    expect(s.holding!.required.value).toBe(382.44);
    expect(s.holding!.required.uncertain).toBe(true);
  });
  it('writes an xlsx with a sources sheet', () => {
    const files = unzipSync(quarterlyStatementXlsx(buildQuarterlyStatement(ledger, '2026-Q1')));
    expect(Object.keys(files)).toContain('xl/worksheets/sheet2.xml');
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).toContain('<v>216.995</v>');
    expect(strFromU8(files['xl/worksheets/sheet2.xml']!)).toContain('2025/2621');
  });
});

describe('annual declaration summary', () => {
  it('groups by CN code and origin with FAA and certificates', () => {
    const d = buildAnnualDeclaration(readLedgerCsv(csv('imports-2026.csv')), 2026, { prices: { '2026-Q4': 80 } });
    expect(d.rows.map((r) => `${r.cnCode}|${r.origin}`)).toEqual(['2523 29 00|CN', '7208 39 00|CN', '7601 10 00|CN', '7601 10 10|CN']);
    const hrc = d.rows[1]!;
    expect([hrc.quantity, hrc.embedded, hrc.faa, hrc.certificates]).toEqual([100, 350.57, 133.575, 216.995]);
    expect(d.totals.certificates).toBe(Math.round((216.995 + 912.65 + 1912.575 + d.rows[3]!.certificates) * 1e6) / 1e6);
    expect(d.totals.costEur).not.toBeNull();
    const x = unzipSync(annualDeclarationXlsx(d));
    expect(strFromU8(x['xl/worksheets/sheet1.xml']!)).toContain('2523 29 00');
  });
  it('refuses a transitional year', () => {
    expect(keyOf(() => buildAnnualDeclaration([], 2025))).toBe('cbamdocs:errors.periodNotDefinitive');
  });
});

describe("SEE from suppliers' communication data", () => {
  it("takes the supplier installation's SEE (direct only for aluminium) on the actual path", () => {
    const inst = JSON.parse(readFileSync('test/fixtures/cbam-docs/aluminium-installation.json', 'utf8'));
    const seeFor = seeLookupFromInstallations([inst]);
    const ledger = [{ cnCode: '7601 10 10', origin: 'CN', netMass: 1000, quarter: '2026-Q2', supplierInstallation: 'Ningxia Example Aluminium Co., Ltd.' }];
    const s = buildQuarterlyStatement(ledger, '2026-Q2', { seeFor });
    const l = s.lines[0]!;
    expect(l.path).toBe('actual');
    expect(l.see.value).toBe(1.6562525); // direct only: 331250.5 / 200000
    expect(l.see.source).toMatch(/direct only/);
    expect(l.embedded.value).toBe(1656.2525);
    // without the supplier data the default applies (3.000 × 1.1)
    expect(buildQuarterlyStatement(ledger, '2026-Q2').lines[0]!.see.value).toBe(3.3);
  });
});

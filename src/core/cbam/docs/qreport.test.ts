import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildQReportXml, qreportEmissionsFromDocData, decimal, type QReportInput } from './qreport';
import { CbamDocError } from './errors';
import { hasTool, SHARED, sharedFile } from '../../../../test/helpers/tools';

const XSD = sharedFile('cbam/official/QReport_17.03.xsd');
const hasXmllint = hasTool('xmllint');
const sample = () => JSON.parse(readFileSync('test/fixtures/cbam-docs/aluminium-installation.json', 'utf8'));

const report = (over: Partial<QReportInput> = {}): QReportInput => ({
  period: '2025-Q4',
  submissionDate: '2026-01-20T10:00:00Z',
  draftReportId: 'DRAFT-2025Q4-001',
  declarant: { id: 'DE123456789012345', name: 'Importer <GmbH> & "Co" \'A\'', address: { country: 'DE', city: 'Hamburg', street: 'Hafenstraße 1' } },
  nationalCompetentAuthority: 'DE000001',
  signature: { date: '2026-01-20', place: 'Hamburg', name: 'Anna Müller', position: 'CBAM officer' },
  remarks: 'Correction of <Q4> & rounding',
  goods: [
    {
      cnCode: '7601 10 10',
      description: 'Unwrought aluminium, not alloyed',
      origin: 'CN',
      netMass: 120.5,
      emissions: [qreportEmissionsFromDocData(sample(), '76011010', 120.5)],
    },
    {
      cnCode: '76061299',
      origin: 'CN',
      netMass: 10,
      emissions: [{ netMass: 10, seeDirect: 2.3323026, seeIndirect: 8.7394633, methodId: 'P00', methodName: 'Rolling', determinationType: '01' }],
    },
  ],
  ...over,
});

const validate = (xml: string): { status: number | null; out: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'cbx-q-'));
  const f = join(dir, 'r.xml');
  writeFileSync(f, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD!, f], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};

describe('QReport XML (transitional)', () => {
  it('computes totals from mass × SEE and escapes all text', () => {
    const xml = buildQReportXml(report());
    expect(xml).toContain('<Name>Importer &lt;GmbH&gt; &amp; &quot;Co&quot; &apos;A&apos;</Name>');
    expect(xml).toContain('<AdditionalInformation>Correction of &lt;Q4&gt; &amp; rounding</AdditionalInformation>');
    expect(xml).toContain('<HsCode>760110</HsCode><CnCode>10</CnCode>');
    // good 1: 120.5 t × (1.6562525 + 7.48305) = 1101.2859513 (rounded to 7 dp)
    expect(xml).toContain('<OverallEmissions>1101.2859513</OverallEmissions>');
    expect(xml).toContain('<TotalDirect>199.5784263</TotalDirect>');
    expect(xml).not.toMatch(/\d[eE][+-]?\d/);
  });
  it.skipIf(!hasXmllint || !XSD)(`passes xmllint --schema QReport_17.03.xsd ${SHARED}`, () => {
    const r = validate(buildQReportXml(report()));
    expect(r.out).toContain('validates');
    expect(r.status).toBe(0);
    // and a broken document does not (the check can fail)
    expect(validate(buildQReportXml(report()).replace('<Year>2025</Year>', '<Year>20251</Year>')).status).not.toBe(0);
  });
  it('refuses definitive-period quarters and over-long fields with translated keys', () => {
    const key = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as CbamDocError).messages[0]!.key;
      }
      return 'none';
    };
    expect(key(() => buildQReportXml(report({ period: '2026-Q1' })))).toBe('cbamdocs:errors.periodNotTransitional');
    expect(key(() => buildQReportXml(report({ draftReportId: 'X'.repeat(23) })))).toBe('cbamdocs:errors.tooLong');
    expect(key(() => buildQReportXml(report({ goods: [] })))).toBe('cbamdocs:errors.invalidField');
  });
  it('formats decimals without exponent or float tails', () => {
    expect(decimal(1e-8, 7)).toBe('0');
    expect(decimal(0.1 + 0.2, 7)).toBe('0.3');
    expect(decimal(1234567.5, 2)).toBe('1234567.5');
  });
});

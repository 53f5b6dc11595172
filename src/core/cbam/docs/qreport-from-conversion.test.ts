/** QReport XML from a conversion: the one use case behind `convert --out report.xml` and the app's XML download. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleJson } from '../../../../test/helpers/samples';
import { hasTool, sharedFile } from '../../../../test/helpers/tools';
import { Dataset } from '../../model/dataset';
import { convertToCbam, type CbamConversion } from '../convert';
import { toDocsModel } from '../docs-model';
import { CbamDocError } from './errors';
import { qreportDate, qreportFromConversion, type QReportHeader } from './qreport-from-conversion';
import { qreportEmissionsFromDocData } from './qreport';

const cement = Dataset.parse(sampleJson('cement-grey-portland.json'));
const conv = convertToCbam(cement, { period: '2025-Q3', electricity: { choice: 'cn-mee-northwest' } }) as CbamConversion;
const header: QReportHeader = {
  declarant: { id: 'DE123456789012345', name: 'Example Importer GmbH', address: { country: 'DE', city: 'Hamburg' } },
  nationalCompetentAuthority: 'DE',
  signature: { date: '2025-10-20', place: 'Hamburg', name: 'A. Person', position: 'Manager' },
};
const now = new Date('2025-10-20T08:09:10.123Z');

describe('qreportFromConversion', () => {
  it('the good: CN code of the documents model, origin by the origin rule, emissions from the model, defaults from the conversion', () => {
    expect(conv.ok).toBe(true);
    const { input, xml } = qreportFromConversion(conv, cement, { netMass: 1000, now, report: header });
    expect(input.period).toBe('2025-Q3');
    expect(input.submissionDate).toBe('2025-10-20T08:09:10Z');
    expect(input.draftReportId).toBe('CB-2025-Q3-25232900');
    const good = input.goods[0]!;
    expect(good).toMatchObject({ cnCode: '25232900', origin: 'CN', netMass: 1000 });
    expect(good.emissions).toEqual([qreportEmissionsFromDocData(toDocsModel(conv, cement), '25232900', 1000)]);
    expect(xml).toContain('<OriginCountry><Country>CN</Country></OriginCountry>');
    expect(xml).toContain('<Year>2025</Year>');
  });
  it('the report’s own parts override the defaults (the app’s chosen quarter and draft id)', () => {
    const { input } = qreportFromConversion(conv, cement, { netMass: 5, now, report: { ...header, period: '2024-Q2', draftReportId: 'CB-1' } });
    expect(input.period).toBe('2024-Q2');
    expect(input.draftReportId).toBe('CB-1');
  });
  it('an installation abroad is the origin, not the producer’s seat', () => {
    const abroad = { ...cement, installations: cement.installations.map((i) => ({ ...i, country: 'EG' })) };
    expect(qreportFromConversion(conv, abroad, { netMass: 1, now, report: header }).input.goods[0]!.origin).toBe('EG');
  });
  it('a bad input is refused with a translated key (no mass: not a number)', () => {
    let key = 'none';
    try {
      qreportFromConversion(conv, cement, { netMass: Number.NaN, now, report: header });
    } catch (e) {
      key = e instanceof CbamDocError ? e.messages[0]!.key : String(e);
    }
    expect(key).toMatch(/^cbamdocs:errors\./);
  });
  it('qreportDate: UTC to the second', () => {
    expect(qreportDate(new Date('2026-01-02T03:04:05.999Z'))).toBe('2026-01-02T03:04:05Z');
  });
  it('validates against QReport_17.03.xsd with xmllint (tool and schema required)', () => {
    const xsd = sharedFile('cbam/official/QReport_17.03.xsd');
    expect(hasTool('xmllint'), 'xmllint is installed').toBe(true);
    expect(xsd, 'QReport_17.03.xsd is available').toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'cb-qfc-'));
    try {
      const f = join(dir, 'r.xml');
      writeFileSync(f, qreportFromConversion(conv, cement, { netMass: 1000, now, report: header }).xml);
      const r = spawnSync('xmllint', ['--noout', '--schema', xsd!, f], { encoding: 'utf8' });
      expect(r.stderr).toContain('validates');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import { CarbonBridgeDb, type CaseRow } from '../db/db';
import { createClient } from './clients';
import { attachEvidence, caseEvidence, createCase, evaluateCase, EVIDENCE_MAX_BYTES, newDatasetInCase, removeEvidenceFile, setEvidence } from './cases';
import { convertToCbam, projectCosts, validateDataset } from '../core';
import { sampleJson } from '../../../test/helpers/samples';

const caseRow = (extra: Partial<CaseRow> = {}): CaseRow => ({
  id: 'k',
  clientId: 'c',
  title: 'Ingot',
  status: 'open',
  period: '2026',
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});

describe('case evaluation (through the core only)', () => {
  const alu = sampleJson('aluminium-ingot-ningxia.json');
  it('gives the core conversion and a three-year projection with the case inputs', () => {
    const ev = evaluateCase(caseRow({ mass: 1000, price: 80, route: 'K' }), alu);
    const ds = validateDataset(alu).dataset!;
    const conv = convertToCbam(ds, { period: '2026', electricity: { choice: 'eu-default' } });
    expect(ev.conversion).toEqual(conv);
    expect(ev.projection).toEqual(
      projectCosts({ cn: '76011000', origin: 'CN', mass: 1000, see: 1.732459, route: 'K', price: 80, fromYear: 2026, toYear: 2028 }),
    );
    expect(ev.projection?.ok && ev.projection.rows.map((r) => r.year)).toEqual([2026, 2027, 2028]);
    expect(ev.massGiven).toBe(true);
    expect(ev.missing).toEqual([]);
    expect(ev.sources.map((s) => s.id)).toEqual(['AL-05', 'AL-06', 'AL-08']);
    expect(ev.sources[0]!.share).toBeGreaterThan(0.5);
  });
  it('lists what is missing: mass, price, route; a dataset; a valid dataset', () => {
    expect(evaluateCase(caseRow(), alu).missing.map((m) => m.key)).toEqual(['missing.mass', 'missing.price', 'missing.route']);
    expect(evaluateCase(caseRow(), undefined).missing.map((m) => m.key)).toEqual(['missing.dataset']);
    expect(evaluateCase(caseRow(), { nonsense: true }).missing.map((m) => m.key)).toEqual(['missing.validDataset']);
  });
  it('cement waits for the electricity factor; the battery pack is not a CBAM good', () => {
    const cem = sampleJson('cement-grey-portland.json');
    expect(evaluateCase(caseRow({ mass: 10, price: 80 }), cem).missing.map((m) => m.key)).toEqual(['missing.electricityFactor']);
    const withEf = evaluateCase(caseRow({ mass: 10, price: 80, euDefaultEf: 0.5 }), cem);
    expect(withEf.missing).toEqual([]);
    expect(withEf.projection?.ok).toBe(true);
    const bat = evaluateCase(caseRow(), sampleJson('lfp-battery-pack.json'));
    expect(bat.conversion?.ok).toBe(false);
    expect(bat.projection).toBeNull();
  });
});

describe('evidence of a case', () => {
  it('stores a file with its SHA-256, refuses one over the limit, keeps state and note', async () => {
    const d = new CarbonBridgeDb(`cb-cases-${Date.now()}`);
    const c = await createClient(d, { names: { en: 'A' } });
    const k = await createCase(d, c.id, { title: 'K' });
    await newDatasetInCase(d, k.id, sampleJson('aluminium-ingot-ningxia.json'), 'Alu', 'sample');
    expect((await d.cases.get(k.id))!.mainDatasetId).toBeDefined();
    const bytes = new TextEncoder().encode('abc');
    const out = await attachEvidence(d, k.id, 'electricityMeters', {
      name: 'm.txt',
      type: 'text/plain',
      size: 3,
      arrayBuffer: async () => bytes.slice().buffer,
    });
    expect(out.ok && out.row.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await attachEvidence(d, k.id, 'x', { name: 'big', type: '', size: EVIDENCE_MAX_BYTES + 1, arrayBuffer: async () => new ArrayBuffer(0) })).toEqual({
      ok: false,
      reason: 'tooLarge',
      max: EVIDENCE_MAX_BYTES,
    });
    await setEvidence(d, k.id, 'electricityMeters', { note: 'Jan–Dec' });
    await setEvidence(d, k.id, 'ppaEvidence', { state: 'na' });
    const rows = await caseEvidence(d, k.id);
    expect(rows.map((r) => [r.item, r.state, r.note ?? null, r.sha256 ?? null]).sort()).toEqual([
      ['electricityMeters', 'present', 'Jan–Dec', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
      ['ppaEvidence', 'na', null, null],
    ]);
    await removeEvidenceFile(d, rows.find((r) => r.item === 'electricityMeters')!.id);
    expect((await caseEvidence(d, k.id)).find((r) => r.item === 'electricityMeters')).toMatchObject({ state: 'present', note: 'Jan–Dec' });
    expect((await caseEvidence(d, k.id)).find((r) => r.item === 'electricityMeters')!.file).toBeUndefined();
    d.close();
  });
});

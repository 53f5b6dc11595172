/**
 * Verification snapshots of a case: the case's inputs, datasets, CBAM result, pack versions and evidence hashes
 * as canonical JSON, hashed with SHA-256 (core/snapshot). A snapshot row is never changed after it is written
 * (the database refuses updates); later edits show as a field-level difference against it.
 */
import { newId, type CarbonBridgeDb, type CaseRow, type SnapshotRow } from '../db/db';
import { hashContent, diffJson, verifySnapshot, type FieldChange } from '../core';
import { caseDatasets, caseEvidence, evaluateCase } from './cases';
import type { CbamConversion } from '../core';

const CASE_FIELDS = ['id', 'clientId', 'title', 'cn', 'period', 'mass', 'route', 'price', 'electricity', 'euDefaultEf', 'actualEf', 'mainDatasetId'] as const;

/** What a snapshot covers (status, notes and next steps may change without touching the verified content). */
export async function caseContent(d: CarbonBridgeDb, k: CaseRow): Promise<Record<string, unknown>> {
  const datasets = await caseDatasets(d, k.id);
  const evidence = (await caseEvidence(d, k.id)).sort((a, b) => a.item.localeCompare(b.item));
  const main = datasets.find((r) => r.id === k.mainDatasetId) ?? datasets[0];
  const ev = evaluateCase(k, main?.data);
  const conv = ev.conversion?.ok ? (ev.conversion as CbamConversion) : null;
  const fig = (f: { value: number; unit: string } | null | undefined) => (f ? { value: f.value, unit: f.unit } : null);
  return {
    case: Object.fromEntries(CASE_FIELDS.filter((f) => k[f] !== undefined).map((f) => [f, k[f]])),
    datasets: datasets.map((r) => ({ id: r.id, name: r.name, data: r.data })),
    result: conv
      ? {
          period: conv.period.label,
          cn: conv.good.cn,
          see: {
            direct: fig(conv.see.direct),
            indirect: fig(conv.see.indirect),
            total: fig(conv.see.total),
            counted: conv.see.counted,
            countedValue: fig(conv.see.countedValue),
          },
        }
      : null,
    packs: conv ? [{ id: conv.pack.id, version: conv.pack.version }] : [],
    evidence: evidence.map((e) => ({
      item: e.item,
      state: e.state,
      ...(e.note ? { note: e.note } : {}),
      ...(e.sha256 ? { fileName: e.fileName, sha256: e.sha256 } : {}),
    })),
  };
}

export async function freezeCase(d: CarbonBridgeDb, k: CaseRow): Promise<SnapshotRow> {
  const { canonical, hash } = await hashContent(await caseContent(d, k));
  const row: SnapshotRow = { id: newId(), caseId: k.id, createdAt: Date.now(), hash, canonical };
  await d.snapshots.add(row);
  return row;
}

export async function caseSnapshots(d: CarbonBridgeDb, caseId: string): Promise<SnapshotRow[]> {
  return (await d.snapshots.where('caseId').equals(caseId).toArray()).sort((a, b) => b.createdAt - a.createdAt);
}

export interface SnapshotState {
  latest: SnapshotRow | null;
  /** hash of the case as it is now */
  currentHash: string;
  /** the latest snapshot still matches the case */
  unchanged: boolean;
  /** the latest snapshot's own text still gives its hash */
  intact: boolean;
  changes: FieldChange[];
}

export async function snapshotState(d: CarbonBridgeDb, k: CaseRow): Promise<SnapshotState> {
  const [latest] = await caseSnapshots(d, k.id);
  const content = await caseContent(d, k);
  const { hash } = await hashContent(content);
  if (!latest) return { latest: null, currentHash: hash, unchanged: false, intact: true, changes: [] };
  const intact = await verifySnapshot(latest);
  const unchanged = intact && latest.hash === hash;
  return { latest, currentHash: hash, unchanged, intact, changes: unchanged ? [] : diffJson(JSON.parse(latest.canonical), content) };
}

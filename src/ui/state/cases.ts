/**
 * Cases: one product and period of one client. Repository functions (Dexie) and the case's evaluation, which
 * only calls the core (convertToCbam for the SEE, projectCosts for default vs own-data cost); nothing is
 * recomputed here.
 */
import { newId, type CarbonBridgeDb, type CaseRow, type DatasetOrigin, type DatasetRow, type EvidenceRow } from '../db/db';
import {
  convertToCbam,
  projectCosts,
  originCountry,
  validateDataset,
  type CbamConversion,
  type ConvertResult,
  type CostError,
  type Dataset,
  type ProjectionResult,
} from '../core';
import { sha256Hex, type Fig } from '../core';

export type CaseInput = Partial<Omit<CaseRow, 'id' | 'clientId' | 'createdAt' | 'updatedAt'>> & { title: string };

export async function createCase(d: CarbonBridgeDb, clientId: string, input: CaseInput): Promise<CaseRow> {
  const now = Date.now();
  const row: CaseRow = { status: 'open', ...input, id: newId(), clientId, createdAt: now, updatedAt: now };
  await d.transaction('rw', d.cases, d.clients, async () => {
    await d.cases.add(row);
    await d.clients.update(clientId, { updatedAt: now });
  });
  return row;
}

export async function updateCase(d: CarbonBridgeDb, id: string, patch: Partial<Omit<CaseRow, 'id' | 'createdAt'>>): Promise<void> {
  const now = Date.now();
  await d.transaction('rw', d.cases, d.clients, async () => {
    const k = await d.cases.get(id);
    if (!k) return;
    await d.cases.update(id, { ...patch, updatedAt: now });
    await d.clients.update(k.clientId, { updatedAt: now });
  });
}

export async function addDatasetToCase(d: CarbonBridgeDb, datasetId: string, caseId: string): Promise<void> {
  await d.transaction('rw', d.cases, d.datasets, async () => {
    const k = await d.cases.get(caseId);
    if (!k) throw new Error(`no case ${caseId}`);
    await d.datasets.update(datasetId, { clientId: k.clientId, caseId });
    if (!k.mainDatasetId) await d.cases.update(caseId, { mainDatasetId: datasetId, updatedAt: Date.now() });
  });
}

export async function newDatasetInCase(
  d: CarbonBridgeDb,
  caseId: string,
  raw: unknown,
  name: string,
  origin: DatasetOrigin,
  sample?: string,
): Promise<DatasetRow> {
  const k = await d.cases.get(caseId);
  if (!k) throw new Error(`no case ${caseId}`);
  const now = Date.now();
  const cnRaw = (raw as { product?: { cnCode?: string } } | null)?.product?.cnCode ?? '';
  const row: DatasetRow = {
    id: newId(),
    name,
    createdAt: now,
    updatedAt: now,
    cn: cnRaw.replace(/\s+/g, ''),
    origin,
    ...(sample ? { sample } : {}),
    clientId: k.clientId,
    caseId,
    data: raw,
  };
  await d.datasets.add(row);
  if (!k.mainDatasetId) await updateCase(d, caseId, { mainDatasetId: row.id, ...(k.cn ? {} : { cn: row.cn || undefined }) });
  return row;
}

export async function caseDatasets(d: CarbonBridgeDb, caseId: string): Promise<DatasetRow[]> {
  return (await d.datasets.where('caseId').equals(caseId).toArray()).sort((a, b) => a.createdAt - b.createdAt);
}

/* ---- evidence ---- */

/** Largest evidence file kept in the browser. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export async function caseEvidence(d: CarbonBridgeDb, caseId: string): Promise<EvidenceRow[]> {
  return d.evidence.where('caseId').equals(caseId).toArray();
}

export async function setEvidence(d: CarbonBridgeDb, caseId: string, item: string, patch: Partial<Pick<EvidenceRow, 'state' | 'note'>>): Promise<EvidenceRow> {
  const prev = await d.evidence.where('[caseId+item]').equals([caseId, item]).first();
  const row: EvidenceRow = { ...(prev ?? { id: newId(), caseId, item, state: 'missing' }), ...patch, updatedAt: Date.now() };
  await d.evidence.put(row);
  return row;
}

export type AttachOutcome = { ok: true; row: EvidenceRow } | { ok: false; reason: 'tooLarge'; max: number };

/** Stores the file with its SHA-256; marks the item present. */
export async function attachEvidence(
  d: CarbonBridgeDb,
  caseId: string,
  item: string,
  file: { name: string; type: string; size: number; arrayBuffer(): Promise<ArrayBuffer> },
): Promise<AttachOutcome> {
  if (file.size > EVIDENCE_MAX_BYTES) return { ok: false, reason: 'tooLarge', max: EVIDENCE_MAX_BYTES };
  const buf = await file.arrayBuffer();
  const sha256 = await sha256Hex(buf);
  const prev = await d.evidence.where('[caseId+item]').equals([caseId, item]).first();
  const row: EvidenceRow = {
    ...(prev ?? { id: newId(), caseId, item }),
    state: 'present',
    fileName: file.name,
    fileType: file.type || 'application/octet-stream',
    fileSize: file.size,
    sha256,
    file: buf,
    updatedAt: Date.now(),
  };
  await d.evidence.put(row);
  return { ok: true, row };
}

export async function removeEvidenceFile(d: CarbonBridgeDb, id: string): Promise<void> {
  const r = await d.evidence.get(id);
  if (!r) return;
  const { file: _f, fileName: _n, fileType: _t, fileSize: _s, sha256: _h, ...rest } = r;
  (void _f, _n, _t, _s, _h);
  await d.evidence.put({ ...rest, updatedAt: Date.now() });
}

/* ---- evaluation through the core ---- */

export interface CaseEvaluation {
  dataset: Dataset | null;
  conversion: ConvertResult | null;
  /** the cost projection for this year and the next two (null when the SEE is missing; for 1 t when no mass is given) */
  projection: ProjectionResult | CostError | null;
  /** the case gives the mass imported, so the projection's certificates and cost are the client's */
  massGiven: boolean;
  /** the three largest emission sources of the case's own data, in tCO2e as the core counts them */
  sources: { id: string; description: string; kind: 'direct' | 'electricity' | 'precursor'; co2e: Fig; share: number | null }[];
  /** what is still missing for the result (translation keys in advisory, with params) */
  missing: { key: string; params?: Record<string, string | number> }[];
}

export const caseYear = (k: Pick<CaseRow, 'period'>, now = new Date()): number => {
  const y = Number(/^(\d{4})/.exec(k.period ?? '')?.[1]);
  return Number.isFinite(y) && y >= 2026 ? y : Math.max(2026, now.getUTCFullYear());
};

export function evaluateCase(k: CaseRow, data: unknown): CaseEvaluation {
  const missing: CaseEvaluation['missing'] = [];
  const v = data === undefined ? null : validateDataset(data);
  const dataset = v?.ok && v.dataset ? v.dataset : null;
  if (!dataset) {
    missing.push({ key: data === undefined ? 'missing.dataset' : 'missing.validDataset' });
    return { dataset: null, conversion: null, projection: null, massGiven: !!k.mass, sources: [], missing };
  }
  const year = caseYear(k);
  const conversion = convertToCbam(dataset, {
    period: k.period || String(year),
    ...(k.cn ? { cnCode: k.cn } : {}),
    electricity: {
      choice: (k.electricity ?? 'eu-default') as never,
      ...(k.euDefaultEf !== undefined ? { euDefaultEf: k.euDefaultEf } : {}),
      ...(k.actualEf !== undefined ? { actualEf: k.actualEf } : {}),
    },
  });
  if (!conversion.ok) return { dataset, conversion, projection: null, massGiven: !!k.mass, sources: [], missing };
  const conv = conversion as CbamConversion;
  if (!conv.see.countedValue) missing.push({ key: conv.electricity.counted && !conv.electricity.ef ? 'missing.electricityFactor' : 'missing.see' });
  if (!k.mass) missing.push({ key: 'missing.mass' });
  if (!k.price) missing.push({ key: 'missing.price' });
  let projection: CaseEvaluation['projection'] = null;
  if (conv.see.countedValue) {
    // without a mass the projection still gives the default value per tonne (certificates then per tonne imported)
    projection = projectCosts({
      cn: conv.good.cn,
      origin: originCountry(dataset),
      mass: k.mass || 1,
      see: conv.see.countedValue.value,
      ...(k.route ? { route: k.route } : {}),
      ...(k.price ? { price: k.price } : {}),
      fromYear: year,
      toYear: year + 2,
    });
    if (!projection.ok && projection.errors.some((e) => e.key === 'cbam:errors.routeRequired')) missing.push({ key: 'missing.route' });
  }
  return { dataset, conversion, projection, massGiven: !!k.mass, sources: topSources(conv), missing };
}

function topSources(conv: CbamConversion): CaseEvaluation['sources'] {
  const all: CaseEvaluation['sources'] = [];
  for (const l of conv.direct.lines) all.push({ id: l.id, description: l.description, kind: 'direct', co2e: l.co2e, share: null });
  for (const l of conv.electricity.lines)
    if (l.emissions) all.push({ id: l.id, description: l.description, kind: 'electricity', co2e: l.emissions, share: null });
  for (const l of conv.precursors.lines) {
    if (l.embeddedDirect) all.push({ id: l.id, description: l.description, kind: 'precursor', co2e: l.embeddedDirect, share: null });
  }
  const total = all.reduce((a, s) => a + Math.max(0, s.co2e.value), 0);
  return all
    .sort((a, b) => b.co2e.value - a.co2e.value)
    .slice(0, 3)
    .map((s) => ({ ...s, share: total > 0 ? s.co2e.value / total : null }));
}

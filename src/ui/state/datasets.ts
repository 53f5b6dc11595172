/** Opening, importing, exporting and creating datasets (storage in Dexie; validation by the core). */
import { db, newId, saveDataset, type DatasetOrigin, type DatasetRow } from '../db/db';
import { JSON_LIMITS, validateDataset, type Problem } from '../core';
import { pickLang } from '../i18n.svelte';

export function datasetName(data: unknown, fallback = ''): string {
  const d = data as { title?: string; product?: { name?: Record<string, string> } } | null;
  return pickLang(d?.product?.name) || d?.title || fallback;
}

export async function createFromRaw(raw: unknown, origin: DatasetOrigin, sample?: string): Promise<DatasetRow> {
  return saveDataset(db(), { id: newId(), name: datasetName(raw, sample ?? ''), origin, sample, data: raw });
}

export async function openSample(file: string): Promise<DatasetRow> {
  const res = await fetch(`samples/${encodeURIComponent(file)}`);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const raw: unknown = await res.json();
  return createFromRaw(raw, 'sample', file);
}

export type ImportOutcome = { ok: true; row: DatasetRow; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** Validates a file with the core; an invalid file is refused and nothing is stored. */
export async function importFile(file: File): Promise<ImportOutcome> {
  // the size first (File.size): a huge file is refused before a byte is read
  if (file.size > JSON_LIMITS.maxFileBytes)
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          path: [],
          message: {
            key: 'core:validation.fileTooLarge',
            params: { size: Math.round(file.size / 1048576), limit: Math.round(JSON_LIMITS.maxFileBytes / 1048576) },
          },
        },
      ],
    };
  const text = await file.text();
  const v = validateDataset(text);
  if (!v.ok || !v.dataset) return { ok: false, problems: v.problems.filter((p) => p.severity === 'error') };
  const row = await createFromRaw(JSON.parse(text.replace(/^\uFEFF/, '')), 'import');
  return { ok: true, row, warnings: v.problems };
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadJson(value: unknown, filename: string): void {
  downloadBlob(new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json' }), filename);
}

export function safeFileName(s: string): string {
  return (s || 'dataset')
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 80);
}

/**
 * "Download input workbook": our input workbook (.xlsx) written by the core (`buildInputWorkbook`), empty or
 * filled from a dataset. Everything is loaded on demand (the workbook writer, its labels and the dataset
 * checks), so pages offering the button stay light.
 */
import type { Problem } from '../core';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type WorkbookOutcome = { ok: true; file: string } | { ok: false; problems: Problem[] };

/** Build and download the input workbook; with `data`, the dataset is checked by the core first. */
export async function downloadInputWorkbook(data?: unknown): Promise<WorkbookOutcome> {
  const [core, files] = await Promise.all([import('../core'), import('./datasets')]);
  const { buildInputWorkbook } = core;
  let bytes: Uint8Array;
  let file = 'carbonbridge-input-workbook.xlsx';
  if (data === undefined) bytes = buildInputWorkbook();
  else {
    const v = core.validateDataset(data);
    if (!v.ok || !v.dataset) return { ok: false, problems: v.problems.filter((p) => p.severity === 'error') };
    bytes = buildInputWorkbook(v.dataset);
    file = `${files.safeFileName(files.datasetName(data, 'dataset'))}.input-workbook.xlsx`;
  }
  files.downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), file);
  return { ok: true, file };
}

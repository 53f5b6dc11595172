/**
 * Zod schemas of import results, so that whatever crosses a boundary (the browser worker's messages) is checked
 * against the core's own schemas: Dataset for datasets, InventoryLine for lines, ImportProblem for problems.
 * Large line lists travel as JSON chunks and are checked chunk by chunk (see src/ui/workers/import-client.ts).
 */
import { z } from 'zod';
import { Dataset, InventoryLine } from '../model/dataset';
import { MappingSchema, SupplierProductSchema } from './schemas';
import { ImportProblemSchema } from './problems';
import type { ImportResult } from './import';

const Rows = z.object({ total: z.number().int().nonnegative(), valid: z.number().int().nonnegative(), rejected: z.number().int().nonnegative() }).strict();
const Problems = z.array(ImportProblemSchema);
const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const ImportResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('error'), problems: Problems }).strict(),
  z
    .object({ kind: z.literal('workbook'), dataset: Dataset.optional(), problems: Problems, rows: Rows, rejectedRows: z.array(z.number().int().positive()) })
    .strict(),
  z
    .object({
      kind: z.literal('generic'),
      ready: z.boolean(),
      sheets: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative().optional(), hidden: z.boolean() }).strict()),
      sheet: z.string(),
      headerRow: z.number().int().positive(),
      headers: z.array(z.object({ column: z.string(), text: z.string(), unitHint: z.string().optional() }).strict()),
      signature: z.string(),
      suggested: MappingSchema.shape.columns,
      mapping: MappingSchema,
      preview: z.array(z.object({ row: z.number().int().positive(), cells: z.array(z.tuple([z.string(), CellValue])), ok: z.boolean() }).strict()),
      lines: z.array(InventoryLine),
      dataset: Dataset.optional(),
      problems: Problems,
      rows: Rows,
      rejectedRows: z.array(z.number().int().positive()),
    })
    .strict(),
  z
    .object({
      kind: z.literal('supplier'),
      templateVersion: z.string(),
      installation: z
        .object({
          name: z.string().optional(),
          nameEn: z.string().optional(),
          street: z.string().optional(),
          city: z.string().optional(),
          country: z.string().optional(),
          countryName: z.string().optional(),
          unlocode: z.string().optional(),
        })
        .strict(),
      products: z.array(SupplierProductSchema),
      dataset: Dataset.optional(),
      applied: z.array(z.object({ lineId: z.string(), cnCode: z.string(), row: z.number().int().positive() }).strict()),
      problems: Problems,
    })
    .strict(),
]);

/** A result split for transfer: the big line lists as JSON chunks, the rest as a small object. */
export interface PackedResult {
  head: unknown;
  /** JSON arrays of inventory lines, in order. */
  chunks: string[];
  /** Where the chunked lines go back: result.lines (generic) and/or appended to result.dataset.inventory. */
  linesTo: { lines: boolean; datasetInventory: boolean };
}

const CHUNK = 1000;
const chunk = (lines: unknown[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += CHUNK) out.push(JSON.stringify(lines.slice(i, i + CHUNK)));
  return out;
};

export function packResult(r: ImportResult): PackedResult {
  if (r.kind === 'workbook' && r.dataset) {
    return { head: { ...r, dataset: { ...r.dataset, inventory: [] } }, chunks: chunk(r.dataset.inventory), linesTo: { lines: false, datasetInventory: true } };
  }
  if (r.kind === 'generic') {
    // the dataset's inventory ends with exactly these lines (base lines first unless replaced)
    const head = r.dataset
      ? { ...r, lines: [], dataset: { ...r.dataset, inventory: r.dataset.inventory.slice(0, r.dataset.inventory.length - r.lines.length) } }
      : { ...r, lines: [] };
    return { head, chunks: chunk(r.lines), linesTo: { lines: true, datasetInventory: !!r.dataset } };
  }
  return { head: r, chunks: [], linesTo: { lines: false, datasetInventory: false } };
}

const LinesSchema = z.array(InventoryLine);

/**
 * Rebuild and validate a packed result: each chunk of lines is parsed and checked with InventoryLine, then the
 * rest with ImportResultSchema. `pause` runs between chunks (the browser passes a macrotask, so no long task).
 */
export async function unpackResult(p: PackedResult, pause: () => Promise<void> = async () => {}): Promise<ImportResult> {
  const lines: z.infer<typeof InventoryLine>[] = [];
  for (const c of p.chunks) {
    const part = LinesSchema.parse(JSON.parse(c));
    for (const l of part) lines.push(l);
    await pause();
  }
  const head = ImportResultSchema.parse(p.head) as ImportResult;
  await pause();
  if (p.linesTo.lines && head.kind === 'generic') head.lines = lines;
  if (p.linesTo.datasetInventory && (head.kind === 'generic' || head.kind === 'workbook') && head.dataset) {
    const base = head.dataset.inventory;
    for (const l of lines) base.push(l);
  }
  return head;
}

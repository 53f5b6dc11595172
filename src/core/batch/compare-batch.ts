/**
 * Officials' comparison across many products: every dataset under several packs, one tidy row per dataset × pack,
 * with the difference to the first pack split by cause — all from the engine's comparison (engine/compare), never a
 * second implementation. A file that is not a valid dataset is reported by name and the others are still compared.
 */
import { compare, type Cause } from '../engine/compare';
import { compute } from '../engine/compute';
import { msg, type Message } from '../i18n/message';
import type { LocalText } from '../model/dataset';
import type { Problem } from '../model/problems';
import { validateDataset } from '../model/validate';
import { getFootprintPack, footprintPacks, library, type Library } from '../packs/registry';
import type { FootprintPack } from '../packs/schema';

export interface BatchRow {
  file: string;
  datasetId: string | null;
  product: LocalText;
  cnCode: string | null;
  producer: string;
  region: string | null;
  functionalUnit: string;
  pack: string;
  packVersion: string;
  gwpSet: string;
  /** kg CO2e per functional unit under this pack. */
  resultKg: number;
  /** The first pack (the baseline of the differences). */
  baseline: string;
  differenceKg: number;
  causes: Record<Cause, number>;
  errorFindings: number;
}

export interface BatchFileError {
  file: string;
  problems: (Problem | { message: Message })[];
}

export interface BatchResult {
  kind: 'carbonbridge.compare-batch';
  packs: string[];
  rows: BatchRow[];
  errors: BatchFileError[];
  datasets: number;
}

/** The packs by id, or a message naming the unknown one. */
export function batchPacks(ids: string[]): FootprintPack[] | Message {
  if (ids.length < 1) return msg('partners:batch.needPacks');
  const out: FootprintPack[] = [];
  for (const id of ids) {
    const p = getFootprintPack(id);
    if (!p) return msg('core:pack.unknown', { id, available: [...footprintPacks().keys()].join(', ') });
    out.push(p);
  }
  return out;
}

/** Compare one file's content (JSON text or parsed value) under the packs; rows, or the file's problems. */
export function compareOne(file: string, content: unknown, packs: FootprintPack[], lib: Library = library()): BatchRow[] | BatchFileError {
  const v = validateDataset(content);
  if (!v.ok || !v.dataset) return { file, problems: v.problems.filter((p) => p.severity === 'error') };
  const ds = v.dataset;
  // one pack: its result and no differences; two or more: the engine's comparison against the first
  const c = packs.length >= 2 ? compare(ds, packs, lib) : { results: [compute(ds, packs[0]!, { lib })], pairs: [] };
  const fu = `${ds.product.functionalUnit.amount} ${ds.product.functionalUnit.unit}`;
  return c.results.map((r, i) => {
    const pair = i === 0 ? null : c.pairs[i - 1]!;
    const causes = { boundary: 0, electricity: 0, gwp: 0 } as Record<Cause, number>;
    if (pair) for (const k of pair.causes) causes[k.cause] = k.deltaKg;
    return {
      file,
      datasetId: ds.id ?? null,
      product: ds.product.name,
      cnCode: ds.product.cnCode ?? null,
      producer: ds.producer.name,
      region: ds.producer.region ?? null,
      functionalUnit: fu,
      pack: r.pack.id,
      packVersion: r.pack.version,
      gwpSet: r.gwpSet.id,
      resultKg: r.total,
      baseline: packs[0]!.id,
      differenceKg: pair ? pair.differenceKg : 0,
      causes,
      errorFindings: r.findings.filter((f) => f.severity === 'error').length,
    };
  });
}

/** Every input compared; broken files listed by name. Inputs are consumed lazily (a generator keeps memory flat). */
export function compareBatch(inputs: Iterable<{ file: string; content: unknown }>, packs: FootprintPack[], lib: Library = library()): BatchResult {
  const rows: BatchRow[] = [];
  const errors: BatchFileError[] = [];
  let datasets = 0;
  for (const { file, content } of inputs) {
    let value = content;
    if (typeof content === 'string') {
      try {
        value = JSON.parse(content.replace(/^\uFEFF/, ''));
      } catch (e) {
        errors.push({ file, problems: [{ message: msg('partners:batch.notJson', { detail: `$raw:${(e as Error).message}` }) }] });
        continue;
      }
    }
    const r = compareOne(file, value, packs, lib);
    if (Array.isArray(r)) {
      rows.push(...r);
      datasets++;
    } else errors.push(r);
  }
  return { kind: 'carbonbridge.compare-batch', packs: packs.map((p) => p.id), rows, errors, datasets };
}

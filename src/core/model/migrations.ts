/**
 * Versioned migrations of the dataset format (tldraw-style): each step lifts a raw JSON object from
 * version n to n+1. Format version 1 is the first published version; steps are appended here when the
 * format changes, and the same functions migrate files, backups and the browser database.
 */
import { DATASET_FORMAT, DATASET_FORMAT_VERSION } from './dataset';

export interface MigrationStep {
  from: number;
  to: number;
  up: (raw: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Version 1 → 2: version 2 only adds optional parts (production processes, a line's process, a precursor's supplier
 * electricity figures and default-value variant). A version-1 dataset is one process: nothing in it changes meaning,
 * so the step only raises the version; its figures stay the same (checked for every sample in migrations.test.ts).
 */
const v1ToV2: MigrationStep = { from: 1, to: 2, up: (raw) => ({ ...raw }) };

/** Registered steps, ordered by `from`. */
export const MIGRATIONS: MigrationStep[] = [v1ToV2];

export type MigrationOutcome =
  { ok: true; value: unknown; migratedFrom?: number } | { ok: false; reason: 'newer-version' | 'no-path' | 'not-a-dataset'; version?: number };

export function migrateDataset(raw: unknown, steps: readonly MigrationStep[] = MIGRATIONS, target: number = DATASET_FORMAT_VERSION): MigrationOutcome {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'not-a-dataset' };
  const obj = raw as Record<string, unknown>;
  if (obj.format !== DATASET_FORMAT) return { ok: true, value: raw }; // the schema reports the wrong format
  const v = obj.formatVersion;
  if (typeof v !== 'number' || !Number.isInteger(v)) return { ok: true, value: raw };
  if (v > target) return { ok: false, reason: 'newer-version', version: v };
  if (v === target) return { ok: true, value: raw };
  let cur: Record<string, unknown> = structuredClone(obj);
  let at = v;
  while (at < target) {
    const step = steps.find((s) => s.from === at);
    if (!step) return { ok: false, reason: 'no-path', version: v };
    cur = { ...step.up(cur), formatVersion: step.to };
    at = step.to;
  }
  return { ok: true, value: cur, migratedFrom: v };
}

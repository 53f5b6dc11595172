import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateDataset, MIGRATIONS, type MigrationStep } from './migrations';
import { DATASET_FORMAT_VERSION } from './dataset';
import { validateDataset } from './validate';
import { compute } from '../engine/compute';
import { footprintPacks } from '../packs/registry';
import { convertToCbam } from '../cbam/convert';

const v1 = { format: 'carbonbridge.dataset', formatVersion: 1, title: 'x' };

describe('migrateDataset', () => {
  it('passes the current version through unchanged', () => {
    const cur = { ...v1, formatVersion: DATASET_FORMAT_VERSION };
    expect(migrateDataset(cur)).toEqual({ ok: true, value: cur });
  });
  it('refuses a newer version than it knows', () => {
    expect(migrateDataset({ ...v1, formatVersion: 9 })).toEqual({ ok: false, reason: 'newer-version', version: 9 });
  });
  it('runs registered steps in order and does not mutate the input', () => {
    const steps: MigrationStep[] = [
      { from: 1, to: 2, up: (r) => ({ ...r, title: `${r.title as string}-2` }) },
      { from: 2, to: 3, up: (r) => ({ ...r, renamed: r.title }) },
    ];
    const input = structuredClone(v1);
    const r = migrateDataset(input, steps, 3);
    expect(r.ok && r.value).toEqual({ format: 'carbonbridge.dataset', formatVersion: 3, title: 'x-2', renamed: 'x-2' });
    expect(r.ok && r.migratedFrom).toBe(1);
    expect(input).toEqual(v1);
  });
  it('reports a gap in the migration path', () => {
    expect(migrateDataset(v1, [{ from: 2, to: 3, up: (r) => r }], 3)).toEqual({ ok: false, reason: 'no-path', version: 1 });
  });
  it('has a path from every published version to the current one', () => {
    for (let v = 1; v < DATASET_FORMAT_VERSION; v++) expect(MIGRATIONS.some((s) => s.from === v && s.to === v + 1)).toBe(true);
  });
});

/** The samples as published in format version 1 (kept in test/fixtures/dataset-v1 exactly as they were). */
const V1_DIR = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'dataset-v1');
const V2_DIR = join(import.meta.dirname, '..', '..', '..', 'public', 'samples');
const v1Files = readdirSync(V1_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('format version 1 → 2 on every sample', () => {
  it('finds the version-1 samples', () => expect(v1Files.length).toBeGreaterThanOrEqual(4));
  for (const file of v1Files) {
    it(`${file}: migrates, validates and gives the same figures as the current sample`, () => {
      const raw = JSON.parse(readFileSync(join(V1_DIR, file), 'utf8'));
      expect(raw.formatVersion).toBe(1);
      const mig = migrateDataset(raw);
      expect(mig.ok && mig.migratedFrom).toBe(1);
      const old = validateDataset(raw);
      const cur = validateDataset(JSON.parse(readFileSync(join(V2_DIR, file), 'utf8')));
      expect(old.ok && cur.ok).toBe(true);
      if (!old.dataset || !cur.dataset) throw new Error(`${file}: no dataset after validation`);
      expect(old.dataset.formatVersion).toBe(DATASET_FORMAT_VERSION);
      expect(old.dataset.processes).toBeUndefined(); // a version-1 dataset is one process
      for (const pack of footprintPacks().values()) {
        const a = compute(old.dataset, pack);
        const b = compute(cur.dataset, pack);
        expect(a.total, `${file} ${pack.id}`).toBe(b.total);
        expect(a.byStage).toEqual(b.byStage);
      }
      for (const period of ['2025-Q4', '2026']) {
        const a = convertToCbam(old.dataset, { period });
        const b = convertToCbam(cur.dataset, { period });
        expect(a.ok).toBe(b.ok);
        if (a.ok && b.ok) {
          expect(a.see.direct?.value ?? null).toBe(b.see.direct?.value ?? null);
          expect(a.see.total?.value ?? null).toBe(b.see.total?.value ?? null);
          expect(a.direct.total.value).toBe(b.direct.total.value);
        } else if (!a.ok && !b.ok) expect(a.status).toBe(b.status);
      }
    });
  }
});

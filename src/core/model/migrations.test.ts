import { describe, expect, it } from 'vitest';
import { migrateDataset, type MigrationStep } from './migrations';

const v1 = { format: 'carbonbridge.dataset', formatVersion: 1, title: 'x' };

describe('migrateDataset', () => {
  it('passes the current version through unchanged', () => {
    const r = migrateDataset(v1);
    expect(r).toEqual({ ok: true, value: v1 });
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
});

import { DATASET_FORMAT, DATASET_FORMAT_VERSION } from '../core';

/** A new, empty dataset the user fills in the editor (the core's findings guide what is missing). */
export function blankDataset(): Record<string, unknown> {
  const y = new Date().getFullYear() - 1;
  return {
    format: DATASET_FORMAT,
    formatVersion: DATASET_FORMAT_VERSION,
    product: { name: {}, functionalUnit: { amount: 1, unit: 't' } },
    producer: { name: '', country: 'CN' },
    installations: [],
    period: { start: `${y}-01-01`, end: `${y}-12-31` },
    study: { standard: 'GB/T 24067-2024', boundary: 'cradle-to-gate', allocation: { method: 'none' }, gwpSet: 'AR6' },
    basis: { kind: 'per-functional-unit' },
    inventory: [],
  };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchema } from './json-schema';

describe('exported JSON Schema', () => {
  it('docs/dataset.schema.json is generated from the zod schema and up to date (npx tsx tools/build-json-schema.ts)', () => {
    const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'dataset.schema.json'), 'utf8'));
    expect(committed).toEqual(datasetJsonSchema());
  });
  it('names every stage and the required parts', () => {
    const s = datasetJsonSchema() as any;
    expect(s.required).toEqual(expect.arrayContaining(['format', 'formatVersion', 'product', 'producer', 'period', 'study', 'basis', 'inventory']));
    expect(s.properties.inventory.items.properties.stage.enum).toEqual(['raw-material-acquisition', 'production', 'distribution', 'use', 'end-of-life']);
  });
});

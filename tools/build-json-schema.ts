/**
 * Writes docs/dataset.schema.json from the zod schema (the single source of the data model).
 * Run: npx tsx tools/build-json-schema.ts   (a test fails when the committed file is out of date)
 */
import { writeFileSync } from 'node:fs';
import { datasetJsonSchema } from '../src/core/model/json-schema';

writeFileSync(new URL('../docs/dataset.schema.json', import.meta.url), `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
console.log('docs/dataset.schema.json written');

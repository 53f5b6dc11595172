import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SAMPLES_DIR = join(import.meta.dirname, '..', '..', 'public', 'samples');
export const sampleFiles = (): string[] =>
  readdirSync(SAMPLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
export const sampleText = (f: string): string => readFileSync(join(SAMPLES_DIR, f), 'utf8');
export const sampleJson = (f: string): any => JSON.parse(sampleText(f));

/**
 * Generated datasets for the batch comparison (tests and bench): variations of the bundled samples with their own ids,
 * producers and activity amounts scaled, so every file is a distinct valid dataset.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLES = join(import.meta.dirname, '..', '..', 'public', 'samples');

export function generatedDatasets(n: number): { file: string; content: string }[] {
  const bases = readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(SAMPLES, f), 'utf8')));
  const out: { file: string; content: string }[] = [];
  for (let i = 0; i < n; i++) {
    const d = structuredClone(bases[i % bases.length]);
    const k = 0.8 + ((i * 37) % 41) / 100; // 0.80 … 1.20
    d.id = `gen-${String(i).padStart(5, '0')}`;
    d.producer.name = `Producer ${i} (generated)`;
    delete d.study.reported;
    for (const l of d.inventory) l.activity.amount = Math.round(l.activity.amount * k * 1e6) / 1e6;
    out.push({ file: `${d.id}.json`, content: JSON.stringify(d) });
  }
  return out;
}

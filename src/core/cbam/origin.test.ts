/** The country-of-origin rule as a table of cases (what the dataset says → the origin CarbonBridge uses). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { originCountry, originOf, type OriginSource } from './origin';
import { sampleJson } from '../../../test/helpers/samples';
import { Dataset } from '../model/dataset';

const cases: { name: string; ds: OriginSource; expect: ReturnType<typeof originOf> }[] = [
  { name: 'no installation: the producer’s country', ds: { producer: { country: 'CN' } }, expect: { country: 'CN', basis: 'producer' } },
  {
    name: 'empty installation list: the producer’s country',
    ds: { producer: { country: 'CN' }, installations: [] },
    expect: { country: 'CN', basis: 'producer' },
  },
  {
    name: 'one installation in the producer’s country',
    ds: { producer: { country: 'CN' }, installations: [{ id: 'I1', country: 'CN' }] },
    expect: { country: 'CN', basis: 'installation', installationId: 'I1' },
  },
  {
    name: 'installation abroad: where the good is produced, not the producer’s seat',
    ds: { producer: { country: 'CN' }, installations: [{ id: 'EG-1', country: 'EG' }] },
    expect: { country: 'EG', basis: 'installation', installationId: 'EG-1' },
  },
  {
    name: 'several installations: the first one',
    ds: {
      producer: { country: 'CN' },
      installations: [
        { id: 'A', country: 'SA' },
        { id: 'B', country: 'AE' },
      ],
    },
    expect: { country: 'SA', basis: 'installation', installationId: 'A' },
  },
  {
    name: 'installation without an id',
    ds: { producer: { country: 'GB' }, installations: [{ country: 'TR' }] },
    expect: { country: 'TR', basis: 'installation' },
  },
];

describe('country of origin (one rule for the CLI and the app)', () => {
  it.each(cases)('$name', (c) => {
    expect(originOf(c.ds)).toEqual(c.expect);
    expect(originCountry(c.ds)).toBe(c.expect.country);
  });
  it('the samples: aluminium produced in Ningxia is of China', () => {
    const ds = Dataset.parse(sampleJson('aluminium-ingot-ningxia.json'));
    expect(originCountry(ds)).toBe('CN');
  });
});

/**
 * The rule written out again instead of calling originOf/originCountry: the first installation's country, or an
 * (installation's) country falling back on the producer's with `??`.
 */
const RULE_COPIES = [/installations\??\.?(?:\[0\]|\.at\(0\))!?\??\.country\b/, /\.country\s*\?\?\s*[\w.?!]*producer\??\.country\b/];
const copiesIn = (text: string): string[] =>
  text.split('\n').flatMap((line, i) => (RULE_COPIES.some((re) => re.test(line)) ? [`${i + 1}: ${line.trim()}`] : []));

describe('the rule is written in one place only', () => {
  it('recognises the copies it looks for (and not a line’s own installation)', () => {
    expect(copiesIn('const c = dataset.installations[0]?.country ?? dataset.producer.country;')).toHaveLength(1);
    expect(copiesIn('  country: inst?.country ?? dataset.producer.country,')).toHaveLength(1);
    expect(copiesIn('const c = ds.installations?.[0]?.country;')).toHaveLength(1);
    expect(copiesIn('const c = ds.installations.at(0)!.country;')).toHaveLength(1);
    expect(copiesIn('const c = originCountry(dataset);')).toEqual([]);
    expect(copiesIn('l.installationId ? (instCountry.get(l.installationId) ?? ds.producer.country) : ds.producer.country')).toEqual([]);
  });
  it('no file in src/ (tests excluded) writes the country-of-origin rule again: they call originOf/originCountry', () => {
    const src = join(import.meta.dirname, '..', '..');
    const files = (d: string): string[] =>
      readdirSync(d).flatMap((f) => {
        const p = join(d, f);
        if (statSync(p).isDirectory()) return files(p);
        return /\.(ts|svelte)$/.test(f) && !/\.test\.ts$/.test(f) ? [p] : [];
      });
    const all = files(src);
    expect(all.length).toBeGreaterThan(200);
    const own = join(import.meta.dirname, 'origin.ts');
    const found = all.filter((p) => p !== own).flatMap((p) => copiesIn(readFileSync(p, 'utf8')).map((c) => `${relative(src, p)}:${c}`));
    expect(found).toEqual([]);
  });
});

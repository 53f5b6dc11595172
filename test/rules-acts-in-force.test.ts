/**
 * Every legal reference of a border-adjustment pack cites an act that applied within the pack's period (issue 10,
 * point 1): the transitional pack (1 October 2023 to 31 December 2025) must not cite the definitive-period acts
 * (Implementing Regulations (EU) 2025/2546, 2025/2547, 2025/2621 …), neither in its own files nor in what a
 * conversion of a transitional quarter shows (texts taken from code or shared rule data included).
 *
 * ACTS: act → date from which it applies, each with its source. An act cited by a pack but missing here fails the
 * test, so a new citation needs its date.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleJson } from './helpers/samples';
import { Dataset, type DatasetInput } from '../src/core/model/dataset';
import { convertToCbam } from '../src/core/cbam/convert';

const root = join(import.meta.dirname, '..');

const ACTS: Record<string, { applies: string; source: string }> = {
  'Regulation (EU) 2023/956': { applies: '2023-10-01', source: 'Regulation (EU) 2023/956, Art. 36 (applies from 1 October 2023); reference/cbam.md §1' },
  'Implementing Regulation (EU) 2023/1773': { applies: '2023-10-01', source: 'reference/cbam.md §1 (applied 1 Oct 2023 to 31 Dec 2025)' },
  'Regulation (EU) 2025/2083': { applies: '2025-10-20', source: 'reference/cbam.md §1 (OJ 17 Oct 2025; in force 20 Oct 2025)' },
  'Implementing Regulation (EU) 2025/2546': { applies: '2026-01-01', source: 'reference/cbam.md §1 (applies 1 Jan 2026)' },
  'Implementing Regulation (EU) 2025/2547': { applies: '2026-01-01', source: 'reference/cbam.md §1 (applies 1 Jan 2026)' },
  'Implementing Regulation (EU) 2025/2548': { applies: '2026-01-01', source: 'reference/cbam.md §1 (applies 1 Jan 2026)' },
  'Implementing Regulation (EU) 2025/2620': {
    applies: '2026-01-01',
    source: 'reference/cbam.md §0 fact 5 and §4 (benchmarks of the free-allocation adjustment, definitive period from 1 Jan 2026)',
  },
  'Implementing Regulation (EU) 2025/2621': { applies: '2026-01-01', source: 'reference/cbam.md §0 fact 6 and §7.2 (default values of the definitive period)' },
  'Implementing Regulation (EU) 2026/1740': { applies: '2026-01-01', source: 'reference/cbam.md §1 (applies from 1 Jan 2026)' },
  'Implementing Decision (EU) 2026/1862': { applies: '2026-01-01', source: 'reference/cbam.md §1 (CSCF for 2026-2030)' },
  'Directive 2003/87/EC': { applies: '2003-10-25', source: 'OJ L 275, 25.10.2003, p. 32 (in force on publication)' },
  'Directive (EU) 2018/2001': { applies: '2018-12-24', source: 'OJ L 328, 21.12.2018, p. 82, Art. 37 (in force on the third day after publication)' },
  'Council Regulation (EEC) No 2658/87': { applies: '1988-01-01', source: 'OJ L 256, 7.9.1987 (Combined Nomenclature, applies from 1 January 1988)' },
};
/** The number of an act ("2025/2547", "2658/87", "2003/87/EC") → its table entry. */
const BY_NUMBER = new Map(Object.entries(ACTS).map(([name, v]) => [name.match(/(\d{4}\/\d+(?:\/EC)?|\d{4}\/\d{2})$/)![1]!, { name, ...v }]));

/** The act numbers a text cites: "(EU) 2025/2547", "IR (EU) 2025/2547", "(EEC) No 2658/87", "2003/87/EC". */
function citedActs(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\((?:EU|EEC|EC)\)\s*(?:No\s*)?(\d{2,4}\/\d+)/g)) out.add(m[1]!);
  for (const m of text.matchAll(/\b(\d{4}\/\d+\/EC)\b/g)) out.add(m[1]!);
  return [...out];
}

/** Every string of a JSON value with its path. */
function strings(v: unknown, path = ''): [string, string][] {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, path ? `${path}.${k}` : k));
  return [];
}

/** Citations in the texts that name an act not in ACTS, or one that applies only after `end`. */
function offending(texts: [string, string][], end: string | null): string[] {
  const out: string[] = [];
  for (const [p, s] of texts)
    for (const n of citedActs(s)) {
      const act = BY_NUMBER.get(n);
      if (!act) out.push(`${p}: ${n} is not in the table of acts`);
      else if (end !== null && act.applies > end) out.push(`${p}: ${act.name} applies from ${act.applies}, after ${end}`);
    }
  return out;
}

const manifest = JSON.parse(readFileSync(join(root, 'rules', 'manifest.json'), 'utf8')) as {
  borderAdjustment: Array<{ id: string; dir: string; effectiveTo: string | null }>;
};

describe('the table of acts', () => {
  it('finds the citations of a text', () => {
    expect(citedActs('IR (EU) 2025/2547 Annex II; Regulation (EU) 2023/956; Council Regulation (EEC) No 2658/87; Dir. 2003/87/EC Art. 10a')).toEqual([
      '2025/2547',
      '2023/956',
      '2658/87',
      '2003/87/EC',
    ]);
  });
  it('flags an act applying after the end and an act not in the table', () => {
    expect(offending([['x', 'Implementing Regulation (EU) 2025/2547, Annex II']], '2025-12-31')).toHaveLength(1);
    expect(offending([['x', 'Implementing Regulation (EU) 2023/1773, Annex III']], '2025-12-31')).toEqual([]);
    expect(offending([['x', 'Regulation (EU) 2099/1']], null)).toEqual(['x: 2099/1 is not in the table of acts']);
  });
  it('every act has a date and a source', () => {
    for (const [name, v] of Object.entries(ACTS)) {
      expect(v.applies, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(v.source.length, name).toBeGreaterThan(10);
    }
  });
});

describe('no legal reference of a pack cites an act applying after the end of its period', () => {
  for (const e of manifest.borderAdjustment)
    it(`${e.id} (to ${e.effectiveTo ?? 'open'})`, () => {
      const dir = join(root, 'rules', e.dir);
      const texts = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .flatMap((f) => strings(JSON.parse(readFileSync(join(dir, f), 'utf8')), f))
        // internal provenance (file names, data versions) is not a legal reference and is never shown
        .filter(([p]) => !/(^|\.)(dataVersion|dataFile)(\.|$)/.test(p));
      expect(texts.length).toBeGreaterThan(10);
      expect(offending(texts, e.effectiveTo)).toEqual([]);
    });

  it('every legal reference of an EU pack names its act with its number (never a bare "Implementing Regulation")', () => {
    for (const e of manifest.borderAdjustment.filter((x) => x.id.startsWith('eu-'))) {
      const pack = JSON.parse(readFileSync(join(root, 'rules', e.dir, 'pack.json'), 'utf8'));
      const refs = strings(pack.rules, 'rules').filter(([p]) => /\.legalRef(\.act)?$|\.act$/.test(p));
      expect(refs.length, e.id).toBeGreaterThan(20);
      const bare = refs.filter(([, s]) => citedActs(s).length === 0 && !/^European Commission, /.test(s));
      expect(bare, e.id).toEqual([]);
    }
  });

  it('a conversion of a transitional quarter shows only acts of the transitional period', () => {
    const ds = Dataset.parse(sampleJson('aluminium-ingot-ningxia.json') as DatasetInput);
    const r = convertToCbam(ds, { period: '2025-Q3', electricity: { choice: 'cn-mee-northwest' } });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.pack.id).toBe('eu-cbam-transitional');
    const texts = strings(JSON.parse(JSON.stringify(r)), 'result');
    expect(texts.filter(([, s]) => citedActs(s).length).length).toBeGreaterThan(5);
    expect(offending(texts, '2025-12-31')).toEqual([]);
  });
});

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { buildLarge } from '../../../tools/build-hostile-fixtures.mjs';
import { importBytes } from './import';
import { guardZip } from './zipguard';
import { ImportError } from './problems';
import { InventoryLine } from '../model/dataset';

const DIR = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'hostile');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Record<string, Record<string, unknown>>;
const large = buildLarge() as Record<string, { bytes: Uint8Array }>;
const bytesOf = (name: string): Uint8Array => (manifest[name]!.generated ? large[name]!.bytes : new Uint8Array(readFileSync(join(DIR, name))));

describe('hostile corpus: a clear error or a correct import, never a hang or a crash', () => {
  it.each(Object.keys(manifest))('%s', { timeout: 30_000 }, (name) => {
    const exp = manifest[name]!;
    const r = importBytes(bytesOf(name), name, { acceptValid: true });
    if (exp.result === 'error') {
      expect(r.kind).toBe('error');
      expect(r.problems[0]!.message.key).toBe(exp.key);
      expect(r.problems[0]!.fix?.key).toMatch(/^import:fix\./);
      return;
    }
    expect(r.kind).toBe(exp.kind);
    if (r.kind !== 'generic') return;
    expect(r.ready).toBe(true);
    expect(r.lines).toHaveLength(exp.lines as number);
    for (const l of r.lines) expect(InventoryLine.safeParse(l).success).toBe(true);
    expect(r.rejectedRows).toEqual(exp.errorRows ?? []);
    if (exp.errorKey) expect(r.problems.some((p) => p.message.key === exp.errorKey && p.row !== undefined && p.column !== undefined)).toBe(true);
    if (exp.warningKey) expect(r.problems.some((p) => p.message.key === exp.warningKey)).toBe(true);
    if (exp.amounts) expect(r.lines.map((l) => l.activity.amount)).toEqual(exp.amounts);
    if (exp.factors) expect(r.lines.map((l) => Object.values(l.emissions.gases)[0])).toEqual(exp.factors);
    if (exp.years) expect(r.lines.map((l) => l.emissions.source?.year)).toEqual(exp.years);
    if (exp.description) expect(r.lines[0]!.description).toBe(exp.description);
    if (exp.headerRow) expect(r.headerRow).toBe(exp.headerRow);
    // headers never reach an object prototype
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('reads GB18030 and UTF-8 CSV with the same result, and reports the encoding', () => {
    const a = importBytes(bytesOf('gb18030.csv'), 'a.csv');
    const b = importBytes(bytesOf('utf8-bom.csv'), 'b.csv');
    expect(a.kind === 'generic' && b.kind === 'generic').toBe(true);
    if (a.kind !== 'generic' || b.kind !== 'generic') return;
    expect(a.lines).toEqual(b.lines);
    expect(a.lines[0]!.description).toBe('外购电力 Grid electricity');
    expect(a.problems.find((p) => p.message.key === 'import:info.encoding')?.message.params?.encoding).toBe('gb18030');
    // a wrong explicit choice is a clear error
    const c = importBytes(bytesOf('gb18030.csv'), 'a.csv', { encoding: 'utf-8' });
    expect(c.kind === 'error' && c.problems[0]!.message.key).toBe('import:error.encoding');
  });

  it('guards the total unpacked size even when each entry compresses normally', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 4; i++) files[`xl/part${i}.xml`] = strToU8(Array.from({ length: 20000 }, (_, k) => `<r n="${k * 7919 + i}"/>`).join(''));
    const z = zipSync(files);
    expect(() => guardZip(z, { maxUncompressedBytes: 500_000 })).toThrow(ImportError);
    expect(guardZip(z).length).toBe(4);
  });
});

describe('results crossing the worker boundary', () => {
  it('every result packs, unpacks and passes the core schemas unchanged', async () => {
    const { packResult, unpackResult } = await import('./result');
    for (const name of Object.keys(manifest)) {
      if (manifest[name]!.generated) continue;
      const r = importBytes(bytesOf(name), name, { acceptValid: true });
      const back = await unpackResult(structuredClone(packResult(r)));
      expect(back, name).toEqual(r);
    }
  });
});

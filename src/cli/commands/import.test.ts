import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main';
import type { CliIO } from '../command';
import { validateDataset } from '../../core/model/validate';

function io(): CliIO & { out: string; err: string } {
  const o = { out: '', err: '' } as CliIO & { out: string; err: string };
  o.stdout = (s) => {
    o.out += s;
  };
  o.stderr = (s) => {
    o.err += s;
  };
  o.readFile = async (p) => new Uint8Array(readFileSync(p));
  o.writeFile = async (p, d) => writeFileSync(p, d);
  return o;
}
const H = 'test/fixtures/hostile';

describe('carbonbridge import / workbook', () => {
  it('workbook → import gives back the sample; never overwrites without --force; exit codes 0/1/2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-cli-'));
    try {
      const xlsx = join(dir, 'in.xlsx');
      const out = join(dir, 'out.json');
      expect(await main(['workbook', 'public/samples/cement-grey-portland.json', '--out', xlsx], io())).toBe(0);
      expect(await main(['import', xlsx, '--out', out], io())).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(validateDataset(readFileSync('public/samples/cement-grey-portland.json', 'utf8')).dataset);
      const again = io();
      expect(await main(['import', xlsx, '--out', out, '--lang', 'zh'], again)).toBe(2);
      expect(again.err).toContain('已存在');
      expect(await main(['import', xlsx, '--out', out, '--force'], io())).toBe(0);
      // row errors: exit 1, nothing written unless --accept-valid
      const o2 = join(dir, 'f.json');
      const f = io();
      expect(await main(['import', `${H}/formulas.xlsx`, '--base', 'public/samples/cement-grey-portland.json', '--out', o2], f)).toBe(1);
      expect(f.err).toMatch(/sheet “S”, row 3, column D/);
      expect(existsSync(o2)).toBe(false);
      expect(await main(['import', `${H}/formulas.xlsx`, '--base', 'public/samples/cement-grey-portland.json', '--out', o2, '--accept-valid'], io())).toBe(1);
      expect(existsSync(o2)).toBe(true);
      // unusable input: exit 2 with a translated message
      const b = io();
      expect(await main(['import', `${H}/zip-bomb.xlsx`, '--out', join(dir, 'z.json'), '--lang', 'ar'], b)).toBe(2);
      expect(b.err).toContain('طريقة الإصلاح');
      // a generic sheet without --base cannot become a dataset
      const g = io();
      expect(await main(['import', `${H}/good.xlsx`, '--out', join(dir, 'g.json')], g)).toBe(2);
      expect(g.err).toContain('--base');
      // mapping saved and reused, --json output
      const m = join(dir, 'm.json');
      expect(await main(['import', `${H}/gb18030.csv`, '--save-mapping', m], io())).toBe(0);
      const j = io();
      expect(await main(['import', `${H}/gb18030.csv`, '--mapping', m, '--encoding', 'gb18030', '--json'], j)).toBe(0);
      expect(JSON.parse(j.out)).toMatchObject({ kind: 'generic', lines: 3, rows: { valid: 3 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

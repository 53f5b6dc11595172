import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';
import { ALUMINIUM } from './helpers/pinned';
import { sumExact } from '../src/core/num';
import { sampleFiles, sampleJson, SAMPLES_DIR } from './helpers/samples';

const ROOT = join(import.meta.dirname, '..');

async function cli(...args: string[]) {
  const r = await runCli(...args);
  return { code: r.code, stdout: r.out, stderr: r.err };
}

const tmp = mkdtempSync(join(tmpdir(), 'cb-cli-'));
function writeDataset(name: string, mutate: (d: any) => void): string {
  const d = sampleJson('aluminium-ingot-ningxia.json');
  mutate(d);
  const p = join(tmp, name);
  writeFileSync(p, JSON.stringify(d, null, 2));
  return p;
}

describe('carbonbridge compute --json', () => {
  it.each(sampleFiles())('%s: stage and gas totals add up exactly to the total', async (f) => {
    const r = await cli('compute', join(SAMPLES_DIR, f), '--pack', 'cn-gbt24067-2024', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.unit).toBe('kgCO2e');
    expect(sumExact(Object.values(out.byStage) as number[], 6)).toBe(out.total);
    expect(
      sumExact(
        Object.values(out.byGas).map((g: any) => g.co2e),
        6,
      ),
    ).toBe(out.total);
    expect(r.stdout).not.toMatch(/\d\.\d*(0000000|9999999)\d/);
    expect(out.lines[0]).toHaveProperty('gases');
    expect(out.pack).toMatchObject({ id: 'cn-gbt24067-2024', status: 'in-force' });
  });
  it('with the ISO pack (AR5) only non-CO2 gases change', async () => {
    const f = join(SAMPLES_DIR, 'aluminium-ingot-ningxia.json');
    const a = JSON.parse((await cli('compute', f, '--pack', 'cn-gbt24067-2024', '--json')).stdout);
    const b = JSON.parse((await cli('compute', f, '--pack', 'iso14067-2018', '--json')).stdout);
    expect(b.byGas.CO2_fossil.co2e).toBe(a.byGas.CO2_fossil.co2e);
    expect(b.byGas.CO2e.co2e).toBe(a.byGas.CO2e.co2e);
    expect(b.byGas.CF4.co2e / a.byGas.CF4.co2e).toBeCloseTo(6630 / 7380, 9);
    expect(b.byGas.C2F6.co2e / a.byGas.C2F6.co2e).toBeCloseTo(11100 / 12400, 9);
  });
  it('flags a reported total the inventory does not reproduce, with exit 1', async () => {
    const p = writeDataset('off.json', (d) => (d.study.reported.total = 11));
    const r = await cli('compute', p, '--pack', 'cn-gbt24067-2024', '--json');
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).findings.find((x: any) => x.checkId === 'gbt-reconcile-total');
    expect(f.severity).toBe('error');
    expect(f.text).toContain(String(ALUMINIUM.gbtTotalKg));
  });
});

describe('carbonbridge validate', () => {
  it('says valid', async () => {
    const r = await cli('validate', join(SAMPLES_DIR, 'cement-grey-portland.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid/);
  });
  it.each([
    ['en', 'Line “AL-03” (inventory row 3)', 'Unknown unit “barrels”'],
    ['zh', '清单行“AL-03”（第 3 行）', '单位“barrels”无法识别'],
    ['ar', 'السطر “AL-03” (صف الجرد 3)', 'الوحدة “barrels”'],
  ])('a wrong unit gets exit 2 and a message in %s naming the line', async (lang, where, what) => {
    const p = writeDataset(`unit-${lang}.json`, (d) => (d.inventory[2].activity.unit = 'barrels'));
    const r = await cli('validate', p, '--lang', lang);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(where);
    expect(r.stderr).toContain(what);
  });
  it('--json lists one problem per fault with path, line and text', async () => {
    const p = writeDataset('multi.json', (d) => {
      d.inventory[0].activity.amount = 'lots';
      d.inventory[1].id = 'AL-01';
    });
    const r = await cli('validate', p, '--json', '--lang', 'zh');
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.problems.map((x: any) => x.message.key)).toEqual(['core:validation.notANumber']);
    expect(out.problems[0].path).toEqual(['inventory', 0, 'activity', 'amount']);
    expect(out.problems[0].text).toContain('活动数据');
  });
  it('a truncated file gets exit 2', async () => {
    const p = join(tmp, 'trunc.json');
    writeFileSync(p, JSON.stringify(sampleJson('aluminium-ingot-ningxia.json')).slice(0, 500));
    const r = await cli('validate', p, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ends too early/);
  });
  it('a missing file and an unknown pack get exit 2', async () => {
    expect((await cli('validate', join(tmp, 'nope.json'))).code).toBe(2);
    const r = await cli('compute', join(SAMPLES_DIR, 'cement-grey-portland.json'), '--pack', 'eu-nothing');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cn-gbt24067-2024');
  });
  it('bad arguments and an unknown language get exit 2', async () => {
    expect((await cli('compute', '--bogus')).code).toBe(2);
    expect((await cli('packs', '--lang', 'fr')).code).toBe(2);
  });
});

describe('carbonbridge compare and packs', () => {
  it('compare splits the difference by cause', async () => {
    const r = await cli('compare', join(SAMPLES_DIR, 'aluminium-ingot-ningxia.json'), '--packs', 'cn-gbt24067-2024,iso14067-2018', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.pairs[0].causes.map((c: any) => c.cause)).toEqual(['boundary', 'electricity', 'gwp']);
    expect(
      sumExact(
        out.pairs[0].causes.map((c: any) => c.deltaKg),
        6,
      ),
    ).toBe(out.pairs[0].differenceKg);
    expect(out.pairs[0].causes[2].text).toMatch(/AR6.*AR5/);
  });
  it('compare with EU CBAM explains why the CBAM figure is so much lower', async () => {
    const r = await cli(
      'compare',
      join(SAMPLES_DIR, 'aluminium-ingot-ningxia.json'),
      '--packs',
      'cn-gbt24067-2024,eu-cbam-definitive',
      '--period',
      '2026',
      '--json',
      '--lang',
      'ar',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const x = out.cbam[0];
    expect(x).toMatchObject({ from: 'cn-gbt24067-2024', to: 'eu-cbam-definitive', toTotal: ALUMINIUM.cbamTotalKg, counted: 'direct' });
    expect(
      sumExact(
        x.causes.map((c: any) => c.deltaKg),
        6,
      ),
    ).toBe(x.differenceKg);
    expect(x.causes.find((c: any) => c.cause === 'electricity').text).toMatch(/الكهرباء/);
  });
  it('packs --json lists version, status and dates', async () => {
    const r = await cli('packs', '--json');
    const out = JSON.parse(r.stdout);
    const gbt = out.find((p: any) => p.id === 'cn-gbt24067-2024');
    expect(gbt).toMatchObject({ version: '1.0.0', status: 'in-force', effectiveFrom: '2025-03-01' });
  });
});

describe('the installed command', () => {
  it('npx carbonbridge runs from the project and exits with the right code', () => {
    const ok = spawnSync('npx', ['--no-install', 'carbonbridge', 'compute', 'public/samples/lfp-battery-pack.json', '--pack', 'iso14067-2018', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).pack.id).toBe('iso14067-2018');
    const bad = spawnSync(process.execPath, [join(ROOT, 'bin', 'carbonbridge.mjs'), 'validate', join(tmp, 'nope.json'), '--lang', 'zh'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('找不到文件');
    expect(execFileSync(process.execPath, [join(ROOT, 'bin', 'carbonbridge.mjs'), '--help'], { encoding: 'utf8' })).toMatch(/compute/);
  });
});

// carbonbridge cbam-calc through the CLI entry point: the published figures of reference/cbam.md §9 (TC1–TC9) from
// the fixtures in rules/eu-cbam-definitive/worked-examples, translated text output, the inventory lines file and the exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli';
import { validateDataset } from '../src/core/model/validate';

const FIX = join(import.meta.dirname, '..', 'rules', 'eu-cbam-definitive', 'worked-examples');
const tc = (n: number) => join(FIX, `tc${n}.json`);
const REF = readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'reference', 'cbam.md'), 'utf8');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cb-calc-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;
async function json(n: number) {
  const r = await run('cbam-calc', tc(n), '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
}
type Fig = { id: string; value: number; unit: string; formula: string; substituted: string; label: { text: string } };
const fig = (j: { figures: Fig[] }, id: string) => {
  const f = j.figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};
const r2 = (x: number, dp = 2) => Number(x.toFixed(dp));

describe('the published figures (reference/cbam.md §9)', () => {
  it('the reference still states them', () => {
    for (const s of [
      '**827,820 tCO2**',
      '**10,640.74 tCO2**',
      '**−25,693.07 tCO2**',
      '**1,587,424.35 tCO2e**',
      '**18,059.76 tCO2e**',
      '**386,750 fossil**',
      '**106.67 tCO2/TJ**',
      '+5,610',
      '−3,741.87',
      'SEE_dir **1.440**',
      'SEE_ind **1.732**',
      '**317.2 tCO2e**',
    ])
      expect(REF).toContain(s);
  });
  it('TC1 combustion 827,820', async () => {
    const j = await json(1);
    expect(fig(j, 'sourceStreams.0.energy').value).toBe(11_340);
    expect(j.dirEm.value).toBe(827_820);
  });
  it('TC2 process 10,640.74', async () => {
    expect((await json(2)).dirEm.value).toBe(10_640.74);
  });
  it('TC3 mass balance −25,693.07', async () => {
    expect(r2((await json(3)).dirEm.value)).toBe(-25_693.07);
  });
  it('TC4 PFC slope 1,587,424.35 (CF4 194.8443, C2F6 23.7710)', async () => {
    const j = await json(4);
    expect(r2(fig(j, 'pfc.0.cf4').value, 4)).toBe(194.8443);
    expect(r2(fig(j, 'pfc.0.c2f6').value, 4)).toBe(23.771);
    expect(r2(fig(j, 'pfc.0.co2eCf4').value)).toBe(1_291_817.71);
    expect(r2(fig(j, 'pfc.0.co2eC2F6').value)).toBe(263_858.15);
    expect(r2(j.dirEm.value)).toBe(1_587_424.35);
  });
  it('TC5 CEMS N2O 18,059.76', async () => {
    const j = await json(5);
    expect(fig(j, 'cems.0.mass').value).toBe(68.15005);
    expect(r2(j.dirEm.value)).toBe(18_059.76);
  });
  it('TC6 CEMS CO2 386,750 fossil (68,250 biogenic reported)', async () => {
    const j = await json(6);
    expect(j.dirEm.value).toBe(386_750);
    expect(j.biogenic.value).toBe(68_250);
  });
  it('TC7 heat EF 106.67', async () => {
    expect(r2(fig(await json(7), 'heatImported.ef').value)).toBe(106.67);
  });
  it('TC8 waste gas +5,610 / −3,741.87', async () => {
    const j = await json(8);
    expect(fig(j, 'wasteGas.import').value).toBe(5610);
    expect(fig(j, 'wasteGas.export').value).toBe(3741.87);
    expect(j.attributedDirect.value).toBe(5610 - 3741.87);
  });
  it('TC9 SEE 1.440 / 1.732; 100 t → 144 + 173.2 = 317.2', async () => {
    const j = await json(9);
    expect(r2(j.see.direct.value, 3)).toBe(1.44);
    expect(r2(j.see.indirect.value, 3)).toBe(1.732);
    expect(j.importedGoods.map((f: Fig) => f.value)).toEqual([144, 173.2, 317.2]);
  });
  it('JSON figures carry their translated label, unit, formula and numbers', async () => {
    const r = await run('cbam-calc', tc(4), '--json', '--lang', 'zh');
    const j = JSON.parse(r.out);
    const total = fig(j, 'pfc.0.total');
    expect(total.label.text).toBe('Potline (CWPB)：全氟化碳排放（含逸散）');
    expect(total.unit).toBe('tCO2e');
    expect(total.formula).toBe('(CF4 × GWP_CF4 + C2F6 × GWP_C2F6) / CollEff');
    expect(total.substituted).toBe('(1291817.709 + 263858.15106) / 0.98');
    expect(j.pack.id).toBe('eu-cbam-definitive');
  });
});

describe('text output', () => {
  it.each([
    ['en', 'Directly attributable emissions DirEm*', 'Rule-pack constants used'],
    ['zh', '可直接归属的排放 DirEm*', '使用的规则包常数'],
    ['ar', 'الانبعاثات المنسوبة مباشرة DirEm*', 'ثوابت حزمة القواعد المستخدَمة'],
  ])('%s: every figure with its unit and formula', async (lang, dirEm, constants) => {
    const one = await run('cbam-calc', tc(1), '--lang', lang);
    expect(one.code).toBe(0);
    expect(one.out).toContain(dirEm);
    expect(one.out).toMatch(/827,820 tCO2e\s+Σ Em_fossil = 827820/);
    expect(one.out).toContain('AD × NCV × EF × OxF × (1 − BioC) / 1000 = 252000 × 45 × 73 × 1 × (1 − 0) / 1000');
    const four = await run('cbam-calc', tc(4), '--lang', lang);
    expect(four.out).toContain('1,587,424.35 tCO2e');
    expect(four.out).toContain(constants);
    expect(four.out).toContain('gwp.CF4 = 6630 tCO2e/t — Implementing Regulation (EU) 2025/2547, Annex II, Table 6');
  });
});

describe('inventory lines and exit codes', () => {
  it('--lines-out writes lines a dataset accepts (exit 0)', async () => {
    const out = join(dir, 'lines.json');
    const r = await run('cbam-calc', tc(4), '--lines-out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`1 inventory line written to ${out}.`);
    const lines = JSON.parse(readFileSync(out, 'utf8'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      id: 'CALC-POTLINE',
      category: 'process-emission',
      location: 'installation',
      emissions: { kind: 'measured', massUnit: 't' },
    });
    const sample = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'public', 'samples', 'aluminium-ingot-ningxia.json'), 'utf8'));
    const v = validateDataset({ ...sample, inventory: [...sample.inventory, ...lines] });
    expect(v.ok).toBe(true);
    expect(v.dataset!.inventory.at(-1)).toEqual(lines[0]);
  });
  it('the lines belong to the installation named in the activity data', async () => {
    const act = join(dir, 'inst.json');
    writeFileSync(act, JSON.stringify({ ...JSON.parse(readFileSync(tc(1), 'utf8')), installation: { id: 'INST-1', name: 'Smelter' } }));
    const out = join(dir, 'inst-lines.json');
    expect((await run('cbam-calc', act, '--lines-out', out, '--json')).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject([{ id: 'CALC-HFO', installationId: 'INST-1', emissions: { gases: { CO2_fossil: 827_820 } } }]);
  });
  it('exit 1 when a stream cannot become a line (net negative mass balance), with the reason', async () => {
    const r = await run('cbam-calc', tc(3), '--lines-out', join(dir, 'l3.json'), '--lang', 'zh');
    expect(r.code).toBe(1);
    expect(r.out).toContain('质量平衡净值为 -25693.068768 tCO2');
    expect(JSON.parse(readFileSync(join(dir, 'l3.json'), 'utf8'))).toEqual([]);
  });
  it('exit 2 with translated errors naming the stream and the field', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ sourceStreams: [{ name: 'Coal', method: 'combustion', ad: -5, ncv: 25, ef: 95 }] }));
    const en = await run('cbam-calc', bad);
    expect(en.code).toBe(2);
    expect(en.err).toContain('Source stream “Coal” — Activity data (AD): cannot be negative (entered -5).');
    const ar = await run('cbam-calc', bad, '--lang', 'ar', '--json');
    expect(ar.code).toBe(2);
    const j = JSON.parse(ar.out);
    expect(j).toMatchObject({ ok: false, errors: [{ path: ['sourceStreams', 0, 'ad'], key: 'cbamcalc:errors.negative' }] });
    expect(j.errors[0].text).toContain('مصدر الانبعاث “Coal” — بيانات النشاط (AD): لا يمكن أن تكون القيمة سالبة');
  });
  it('exit 2 for a missing file, a file that is not JSON, and no file', async () => {
    expect((await run('cbam-calc', join(dir, 'nope.json'))).code).toBe(2);
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, 'not json');
    const r = await run('cbam-calc', notJson, '--lang', 'zh');
    expect(r.code).toBe(2);
    expect(r.err).toContain('该文件不是 JSON');
    const none = await run('cbam-calc');
    expect(none.code).toBe(2);
    expect(none.err).toContain('carbonbridge cbam-calc activity.json');
  });
  it('is listed in the help', async () => {
    const r = await run('--help');
    expect(r.out).toContain('carbonbridge cbam-calc <activity.json>');
  });
});

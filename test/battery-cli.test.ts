/**
 * carbonbridge battery: the declaration as text, JSON and A4 HTML, the passport excerpt validated with a real
 * JSON-Schema validator (ajv, draft-04) against the Battery Pass v1.2.0 carbon-footprint schema (a deliberately broken
 * one fails), bad battery details refused with a translated message naming the field (exit 2, file unchanged), and the
 * battery packs as columns of `carbonbridge compare`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';
import { SAMPLES_DIR } from './helpers/samples';

const NMC = join(SAMPLES_DIR, 'nmc-ev-battery-pack.json');
const LFP = join(SAMPLES_DIR, 'lfp-battery-pack.json');
// the schema is reference data next to the project: reading it throws when it is missing (the test cannot pass silently)
const SCHEMA = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'battery', 'batterypass-1.2.0', 'CarbonFootprintForBatteries-schema.json'), 'utf8'),
);
const tmp = mkdtempSync(join(tmpdir(), 'cb-battery-'));
const loc = (l: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'locales', l, 'battery.json'), 'utf8'));

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  return ajv.compile(SCHEMA);
}

describe('carbonbridge battery', () => {
  it('EU declaration of the NMC sample as JSON: E_total, per-kWh figures, draft status, not yet due', async () => {
    const r = await runCli('battery', NMC, '--pack', 'eu-battery-cf', '--json', '--as-of', '2026-11-27');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.functionalUnit.eTotalKWh).toBe(36000);
    expect(d.total).toEqual({ kgPerBattery: 9169.663, kgPerKWh: 0.254713, complete: true });
    expect(d.pack.status).toBe('draft');
    expect(d.due).toMatchObject({ dueDate: null, legallyDue: false });
    expect(d.passport.ok).toBe(true);
  });

  it('the passport excerpt validates against the Battery Pass v1.2.0 schema; a broken one fails', async () => {
    const out = join(tmp, 'passport.json');
    const r = await runCli('battery', NMC, '--pack', 'eu-battery-cf', '--out', out, '--as-of', '2026-11-27');
    expect(r.code).toBe(0);
    const p = JSON.parse(readFileSync(out, 'utf8'));
    const validate = validator();
    expect(validate(p), JSON.stringify(validate.errors)).toBe(true);
    expect(p.batteryCarbonFootprint).toBe(0.254713);
    expect(p.carbonFootprintPerLifecycleStage.map((s: { lifecycleStage: string }) => s.lifecycleStage)).toEqual([
      'RawMaterialExtraction',
      'MainProduction',
      'Distribution',
      'Recycling',
    ]);
    for (const broken of [
      { ...p, carbonFootprintPerLifecycleStage: [{ lifecycleStage: 'EndOfLife', carbonFootprint: 0.1 }] },
      { ...p, batteryCarbonFootprint: '0.25' },
      (({ batteryCarbonFootprint: _x, ...rest }) => rest)(p),
      { ...p, carbonFootprintStudy: 'not a uri' },
    ])
      expect(validate(broken)).toBe(false);
    // the same figures under the BatteryPass-Ready names
    const ready = join(tmp, 'passport-ready.json');
    expect((await runCli('battery', NMC, '--pack', 'eu-battery-cf', '--out', ready, '--format', 'batterypass-ready')).code).toBe(0);
    const q = JSON.parse(readFileSync(ready, 'utf8')).BatteryCarbonFootprint;
    expect(q.BatteryCarbonFootprintPerFunctionalUnit).toBe(0.254713);
    expect(q.ContributionOfEndOfLifeAndRecyclingLifecycleStage).toBe(p.carbonFootprintPerLifecycleStage[3].carbonFootprint);
    expect(q.WebLinkToPublicCarbonFootprintStudy).toBe(p.carbonFootprintStudy);
  });

  it('no passport for a cradle-to-gate study (stages missing, never 0): exit 1 with the reason', async () => {
    const out = join(tmp, 'lfp-passport.json');
    const r = await runCli('battery', LFP, '--pack', 'eu-battery-cf', '--out', out, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot show it as 0');
  });

  it.each(['zh', 'en', 'ar'] as const)('the declaration as A4 HTML (%s), and the public version without confidential lines', async (lang) => {
    const out = join(tmp, `decl-${lang}.html`);
    expect((await runCli('battery', NMC, '--pack', 'eu-battery-cf', '--out', out, '--lang', lang, '--as-of', '2026-11-27')).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const L = loc(lang);
    expect(html).toContain(L.doc.title);
    expect(html).toContain(`dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`);
    expect(html).toContain('0.2547');
    expect(html).toContain('data-line="EV-01"');
    const pub = join(tmp, `public-${lang}.html`);
    expect((await runCli('battery', NMC, '--pack', 'eu-battery-cf', '--out', pub, '--public', '--lang', lang)).code).toBe(0);
    const p = readFileSync(pub, 'utf8');
    expect(p).toContain(L.doc.publicTitle);
    expect(p).not.toContain('data-line="EV-01"');
    expect(p).not.toContain('NMC811 cathode active material');
    expect(p).toContain('data-line="EV-02"');
  });

  it('China pack: four MIIT stages, green certificates accepted under the named rule, trial phase', async () => {
    const r = await runCli('battery', NMC, '--pack', 'cn-miit-battery', '--json', '--as-of', '2026-11-27', '--compare', 'eu-battery-cf');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.stages.map((s: { id: string }) => s.id)).toEqual(['material-acquisition', 'battery-manufacturing', 'distribution-transport', 'recycling']);
    expect(d.due.phase).toBe('trial');
    expect(d.electricity.find((e: { lineId: string }) => e.lineId === 'EV-11')).toMatchObject({
      instrument: 'accepted',
      ruleId: 'cn-miit-contractual-accepted',
    });
    expect(d.comparison.differencePerKWh).toBe(0.007114);
  });

  it('--act-date: once the acts are in force the due date is computed from the pack rule', async () => {
    const r = await runCli('battery', NMC, '--json', '--as-of', '2026-11-27', '--act-date', 'methodology-da=2027-03-10', '--act-date', 'format-ia=2027-01-05');
    expect(JSON.parse(r.out).due).toMatchObject({ dueDate: '2028-03-10', legallyDue: false, pending: [] });
    expect((await runCli('battery', NMC, '--act-date', 'format-ia=soon')).code).toBe(2);
  });

  it('text output in Chinese names the draft status and the refused certificate', async () => {
    const r = await runCli('battery', NMC, '--pack', 'eu-battery-cf', '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toContain('草案');
    expect(r.out).toContain('合同工具不被接受');
    expect(r.out).toContain('36,000 kWh');
  });

  describe('bad battery details: translated message naming the field, exit 2, nothing changed', () => {
    const good = JSON.parse(readFileSync(NMC, 'utf8')).battery;
    it.each([
      ['negative kWh', { usableEnergyKWh: -75 }, ['usableEnergyKWh']],
      ['zero years', { serviceLife: { warrantyYears: 0 } }, ['serviceLife', 'warrantyYears']],
      ['unknown vehicle class', { vehicleClass: 'X9' }, ['vehicleClass']],
      ['km without a conversion', { serviceLife: { warrantyKm: 160000 } }, ['serviceLife', 'kmPerYear']],
    ])('%s', async (_n, over, field) => {
      const f = join(tmp, `bad-${field.join('-')}.json`);
      const text = `${JSON.stringify({ ...good, ...over }, null, 2)}\n`;
      writeFileSync(f, text);
      for (const lang of ['zh', 'en', 'ar'] as const) {
        const r = await runCli('battery', NMC, '--pack', 'eu-battery-cf', '--battery', f, '--lang', lang);
        expect(r.code).toBe(2);
        const label = field.reduce((o: any, k) => o[k], loc(lang).field) as string;
        expect(r.err).toContain(label);
        expect(r.out).toBe('');
      }
      expect(readFileSync(f, 'utf8')).toBe(text);
    });
    it('a dataset without battery details and no --battery', async () => {
      const r = await runCli('battery', join(SAMPLES_DIR, 'cement-grey-portland.json'), '--pack', 'eu-battery-cf', '--lang', 'en');
      expect(r.code).toBe(2);
      expect(r.err).toContain('--battery');
    });
    it('an unknown pack', async () => {
      const r = await runCli('battery', NMC, '--pack', 'eu-battery-xx');
      expect(r.code).toBe(2);
      expect(r.err).toContain('eu-battery-cf');
    });
  });
});

describe('carbonbridge compare with the battery packs as columns', () => {
  it('GB/T, EU battery and China MIIT side by side, with kg CO2e per kWh of lifetime energy', async () => {
    const r = await runCli('compare', NMC, '--packs', 'cn-gbt24067-2024,eu-battery-cf,cn-miit-battery', '--json');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c.results.map((x: { pack: { id: string } }) => x.pack.id)).toEqual(['cn-gbt24067-2024', 'eu-battery-cf', 'cn-miit-battery']);
    // the EU column carries the draft act's default choice (certificates refused) exactly as the declaration does
    expect(c.results[1].total).toBeCloseTo(9169.663, 3);
    expect(c.results[2].total).toBeCloseTo(8913.563, 3);
    expect(c.results[1].byStage.use).toBe(0);
    expect(c.battery['eu-battery-cf'].kgPerKWh).toBe(0.254713);
    expect(c.battery['cn-miit-battery'].kgPerKWh).toBe(0.247599);
    expect(c.battery['cn-gbt24067-2024']).toBeUndefined();
    const pair = c.pairs[0];
    expect(pair.causes.reduce((s: number, k: { deltaKg: number }) => s + Math.round(k.deltaKg * 1e6), 0)).toBe(Math.round(pair.differenceKg * 1e6));
    const t = await runCli('compare', NMC, '--packs', 'cn-gbt24067-2024,eu-battery-cf,cn-miit-battery', '--lang', 'zh');
    expect(t.out).toContain(loc('zh').compare.column);
    expect(t.out).toContain('0.254713');
  });
});

/**
 * Border-adjustment schemes as data: UK CBAM from 2027 (`--to uk-cbam`, cost with the missing published inputs named,
 * a period before 2027 refused) and a fourth, fictional jurisdiction that exists only as data under test/fixtures,
 * run through screening, conversion and cost via --rules with no code change.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';

const AL = 'public/samples/aluminium-ingot-ningxia.json';
const FICT = 'test/fixtures/fictional-bca-pack';

describe('UK CBAM', () => {
  it('convert --to uk-cbam --period 2027 --json: direct SEE and every difference from the EU result of the same year', async () => {
    const r = await runCli('convert', AL, '--to', 'uk-cbam', '--period', '2027', '--json');
    const j = JSON.parse(r.out);
    expect(j.pack).toMatchObject({ id: 'uk-cbam', scheme: 'uk-cbam', jurisdiction: 'GB', kind: 'rate' });
    expect(j.see.counted).toBe('direct');
    expect(j.see.direct.value).toBeCloseTo(1.732459, 6);
    // PFC GWPs of the UK are not published: the figures that use them are marked uncertain
    expect(j.see.direct.uncertain).toBe(true);
    const c = j.comparedWithEu;
    expect(c).toMatchObject({ kind: 'carbonbridge.scheme-comparison', year: 2027, from: { pack: 'eu-cbam-definitive' }, to: { pack: 'uk-cbam' } });
    expect(c.deltaSee).toBe(0);
    expect(c.differences.map((d: { cause: string }) => d.cause)).toEqual(['gases', 'charge']);
    expect(c.differences[0].items.join(' ')).toContain('AL-06/CF4');
    for (const d of c.differences) expect(d.text.length).toBeGreaterThan(10);
    expect(r.code).toBe(0); // the UK electricity factor is not published, but indirect emissions are not charged: complete
    // the electricity texts name the United Kingdom (from the pack), never the EU
    const note = j.electricity.options.find((o: { choice: string }) => o.choice === 'eu-default').note;
    expect(note).toMatchObject({ key: 'elecwording:defaultNotFound', params: { country: 'CN', name_en: 'United Kingdom' } });
    expect(note.text).toContain('default electricity factor of the United Kingdom for CN');
    expect(j.findings.map((f: { message: { key: string } }) => f.message.key)).toContain('elecwording:efMissingNotCounted');
    expect(JSON.stringify(j.electricity)).not.toContain('EU default');
  });

  it.each([
    ['en', 'before the border adjustment of United Kingdom'],
    ['zh', '早于英国边境调节机制'],
    ['ar', 'المملكة المتحدة'],
  ])('a period before 2027 is refused with a clear message (%s)', async (lang, text) => {
    const r = await runCli('convert', AL, '--to', 'uk-cbam', '--period', '2026', '--lang', lang);
    expect(r.code).toBe(2);
    expect(r.err).toContain(text);
    expect(r.err).toContain('2027-01-01');
  });

  it('cbam-cost --scheme uk-cbam: names the missing published inputs, or gives the liability', async () => {
    const miss = await runCli('cbam-cost', '--scheme', 'uk-cbam', '--cn', '7601 10 00', '--origin', 'CN', '--mass', '100', '--period', '2027-Q1', '--json');
    expect(miss.code).toBe(1);
    const m = JSON.parse(miss.out);
    expect(m.liability).toBeNull();
    expect(m.missing.map((x: { key: string }) => x.key)).toEqual(['cbampacks:missing.defaultValues', 'cbampacks:missing.rate']);
    expect(m.missing[1].text).toContain('s. 149');
    const ok = await runCli(
      'cbam-cost',
      '--scheme',
      'uk-cbam',
      '--cn',
      '7601 10 00',
      '--origin',
      'CN',
      '--mass',
      '100',
      '--period',
      '2027-Q1',
      '--see',
      '1.732459',
      '--rate',
      '40.5',
      '--carbon-price-paid',
      '2',
      '--json',
    );
    expect(ok.code).toBe(0);
    const j = JSON.parse(ok.out);
    // 100 t × 1.732459 = 173.2459 tCO2e × 40.5 GBP = 7,016.46 GBP − 100 t × 2 GBP relief = 6,816.46 GBP
    expect([j.embedded.value, j.gross.value, j.relief.value, j.liability.value, j.liability.unit]).toEqual([173.2459, 7016.46, 200, 6816.46, 'GBP']);
  });

  it('scrap is not a UK CBAM good', async () => {
    const r = await runCli('cbam-screen', '7204 41 00', '--scheme', 'uk-cbam', '--period', '2027', '--json');
    expect(JSON.parse(r.out).reason.key).toBe('cbam:reasons.scrap');
  });
});

describe('a fourth, fictional jurisdiction defined only as data (--rules)', () => {
  it('screens, converts and costs with no code change', async () => {
    const s = JSON.parse((await runCli('cbam-screen', '7601 10 00', '--scheme', 'xb-bca', '--period', '2028', '--rules', FICT, '--json')).out);
    expect(s).toMatchObject({ isCbamGood: true, pack: { id: 'xb-bca' } });
    expect(s.gases).toEqual(['CO2']);

    const conv = await runCli('convert', AL, '--to', 'xb-bca', '--period', '2028', '--rules', FICT, '--json');
    const c = JSON.parse(conv.out);
    expect(c.pack).toMatchObject({ id: 'xb-bca', jurisdiction: 'XB' });
    // Borduria drops PFCs and counts the electricity at its published 0.6 tCO2/MWh
    expect(c.see.counted).toBe('total');
    expect(c.see.direct.value).toBeCloseTo(1.500259, 6);
    // the electricity texts name Borduria, from the loaded pack
    expect(c.electricity.options.find((o: { choice: string }) => o.choice === 'eu-default').note).toMatchObject({
      key: 'elecwording:defaultEntered',
      params: { name_en: 'Borduria' },
    });
    expect(c.see.indirect.value).toBeCloseTo(7.98, 6);
    expect(c.comparedWithEu.differences.map((d: { cause: string }) => d.cause)).toEqual(['gases', 'electricity', 'counted', 'charge']);

    const cost = await runCli(
      'cbam-cost',
      '--scheme',
      'xb-bca',
      '--cn',
      '7601 10 00',
      '--origin',
      'CN',
      '--mass',
      '10',
      '--period',
      '2028',
      '--rules',
      FICT,
      '--json',
    );
    expect(cost.code).toBe(0);
    // default 10 tCO2e/t × 1.25 mark-up = 12.5; 10 t × 12.5 × 12.5 XBD = 1,562.5 XBD
    expect(JSON.parse(cost.out).liability).toMatchObject({ value: 1562.5, unit: 'XBD' });
  });

  it('without --rules the jurisdiction does not exist', async () => {
    const r = await runCli('convert', AL, '--to', 'xb-bca', '--period', '2028');
    expect(r.code).toBe(2);
  });

  it('a broken pack is refused with the field named, and nothing is installed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-rules-'));
    cpSync(FICT, dir, { recursive: true });
    const p = join(dir, 'xb-bca', 'pack.json');
    const j = JSON.parse(readFileSync(p, 'utf8'));
    j.rates[0].value = 'twelve';
    writeFileSync(p, JSON.stringify(j));
    for (const lang of ['en', 'zh', 'ar']) {
      const r = await runCli(
        'cbam-cost',
        '--scheme',
        'xb-bca',
        '--cn',
        '7601',
        '--origin',
        'CN',
        '--mass',
        '1',
        '--period',
        '2028',
        '--rules',
        dir,
        '--lang',
        lang,
      );
      expect(r.code).toBe(2);
      expect(r.err).toContain('rates.0.value');
    }
    expect((await runCli('cbam-screen', '7601 10 00', '--period', '2026', '--json')).code).toBe(0);
  });

  it('--rules replaces a built-in pack of the same id (a pack updated without a release)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-rules-'));
    cpSync('rules/eu-cbam-definitive', join(dir, 'eu-cbam-definitive'), { recursive: true });
    const p = join(dir, 'eu-cbam-definitive', 'pack.json');
    const j = JSON.parse(readFileSync(p, 'utf8'));
    j.version = '2026.9.0';
    j.certificatePrices.push({
      period: '2026-Q4',
      published: '2026-10-07',
      price: {
        value: 80,
        unit: 'EUR/certificate',
        source: { act: 'Implementing Regulation (EU) 2025/2548', note: 'entered for the test' },
        confidence: 'confirmed',
      },
    });
    writeFileSync(p, JSON.stringify(j));
    const r = JSON.parse(
      (await runCli('cbam-cost', '--cn', '7601 10 00', '--origin', 'CN', '--mass', '1', '--period', '2026-Q4', '--rules', dir, '--json')).out,
    );
    expect(r.pack).toMatchObject({ id: 'eu-cbam-definitive', version: '2026.9.0' });
    expect(r.figures?.price?.value ?? r.price?.value).toBe(80);
  });
});

// cbam-screen and cbam-cost through the CLI entry point, with an in-memory IO.
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../command';
import { main } from '../main';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
    readFile: async () => {
      throw new Error('no files');
    },
    writeFile: async () => {},
  };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('carbonbridge cbam-screen', () => {
  it('"7601 10 00" --json: CBAM good, unwrought aluminium, China default with mark-up', async () => {
    const r = await run('cbam-screen', '7601 10 00', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ ok: true, isCbamGood: true, category: { id: 'unwrought-aluminium', name: 'Unwrought aluminium' }, gases: ['CO2', 'PFC'] });
    expect(j.indirectCounted.value).toBe(false);
    expect(j.chinaDefaults[0]).toMatchObject({ direct: 3, withMarkup: 3.3, source: { act: 'Implementing Regulation (EU) 2025/2621' } });
  });
  it('ferro-silicon is not a CBAM good, with the reason in the chosen language', async () => {
    const r = await run('cbam-screen', '7202 21 00', '--json', '--lang', 'zh');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.isCbamGood).toBe(false);
    expect(j.reason.key).toBe('cbam:reasons.ferroSilicon');
    expect(j.reason.text).toContain('硅铁');
  });
  it('text output in Arabic', async () => {
    const r = await run('cbam-screen', '2523 29 00', '--lang', 'ar');
    expect(r.code).toBe(0);
    expect(r.out).toContain('سلعة خاضعة لآلية CBAM');
    expect(r.out).toContain('1.562');
  });
  it('unusable input exits 2 with a translated error', async () => {
    const r = await run('cbam-screen', '72A8');
    expect(r.code).toBe(2);
    expect(r.err).toContain('only digits, spaces, dots and hyphens');
    expect((await run('cbam-screen')).code).toBe(2);
  });
  it('issue 9: a code wholly covered through its subdivisions is a CBAM good, with its default; full-width digits are read', async () => {
    const a = JSON.parse((await run('cbam-screen', '7221', '--json')).out);
    expect(a).toMatchObject({ isCbamGood: true, matched: { code: '722100' }, chinaDefaults: [{ cn: '7221', direct: 5.59 }] });
    const b = JSON.parse((await run('cbam-screen', '2523', '--json')).out);
    expect(b).toMatchObject({ isCbamGood: true, coverage: 'all', reason: { key: 'cbam:reasons.allCovered' } });
    const c = await run('cbam-screen', '2523', '--lang', 'zh');
    expect(c.out).toContain('的所有细分均为 CBAM 商品');
    expect(JSON.parse((await run('cbam-screen', '７６０１-１０-００', '--json')).out)).toMatchObject({ isCbamGood: true, matched: { code: '76011000' } });
  });
  it('issue 9: shows the default variants with their TARIC codes; a TARIC code selects its variant', async () => {
    const r = await run('cbam-screen', '2523 10 00');
    expect(r.out).toContain(
      'Variants (choose with --variant, or give the TARIC code): white = white (TARIC 2523 10 00 10); grey = grey / other (TARIC 2523 10 00 90)',
    );
    expect(r.out).toContain('(TARIC 2523 10 00 90)');
    const j = JSON.parse((await run('cbam-screen', '2523 10 00 90', '--json')).out);
    expect(j.cn).toMatchObject({ digits: '2523100090', printed: '2523 10 00 90' });
    expect(j.chinaDefaults.map((d: { variant: string }) => d.variant)).toEqual(['grey']);
    const c = await run('cbam-cost', '--cn', '2523 10 00', '--origin', 'CN', '--mass', '10', '--period', '2026-Q1', '--benchmark', '0.7');
    expect(c.code).toBe(2);
    expect(c.err).toContain('white (TARIC 2523 10 00 10), grey (TARIC 2523 10 00 90)');
    const d = JSON.parse(
      (await run('cbam-cost', '--cn', '2523 10 00 90', '--origin', 'CN', '--mass', '10', '--period', '2026-Q1', '--benchmark', '0.7', '--json')).out,
    );
    expect(d.inputs.variant).toBe('grey');
  });
  it('issue 9: a subheading the CN does not have exits 2 and names the nearest codes', async () => {
    const r = await run('cbam-screen', '7601 99 99');
    expect(r.code).toBe(2);
    expect(r.err).toContain('7601 10 00, 7601 20');
    const j = JSON.parse((await run('cbam-screen', '7601 99 99', '--json', '--lang', 'ar')).out);
    expect(j).toMatchObject({ ok: false, error: { key: 'cbam:errors.cnUnknown' }, nearest: [{ code: '76011000' }, { code: '760120' }] });
    expect(j.error.text).toContain('أقرب الرموز الصحيحة');
  });
});

describe('carbonbridge cbam-cost', () => {
  it('TC10 through the CLI: certificates 216.995, EUR 16,352.74, with inputs and sources', async () => {
    const r = await run('cbam-cost', '--cn', '7208 39 00', '--origin', 'CN', '--mass', '100', '--period', '2026-Q1', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.certificates).toBe(216.995);
    expect(j.costEur).toBe(16_352.74);
    expect(j.inputs).toMatchObject({ cn: '7208 39 00', origin: 'CN', mass: { value: 100 }, period: { label: '2026-Q1' } });
    expect(j.figures.price).toMatchObject({ value: 75.36, source: { kind: 'rule', ref: { act: 'Implementing Regulation (EU) 2025/2548' } } });
    expect(j.figures.sefa.source.text).toBe('benchmark × CBAM factor × CSCF; from unrounded figures, rounded once, half away from zero, to 6 decimals');
    expect(j.messages.every((m: { text: string }) => m.text.length > 0)).toBe(true);
  });
  it('TC15 actual path with --see and --route, and the projection', async () => {
    const r = await run(
      'cbam-cost',
      '--cn',
      '7208 39 00',
      '--origin',
      'CN',
      '--mass',
      '100',
      '--period',
      '2026-Q1',
      '--see',
      '2.0',
      '--route',
      'C',
      '--projection',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.path).toBe('actual');
    expect(j.certificates).toBe(66.425);
    expect(j.uncertainFigures).toContain('benchmark');
    expect(j.projection.rows).toHaveLength(9);
    expect(j.projection.rows[0].default.certificates).toBe(216.995);
  });
  it('a price not in the pack: exit 2 asking for --price; with --price it works', async () => {
    const r = await run('cbam-cost', '--cn', '7208 39 00', '--origin', 'CN', '--mass', '100', '--period', '2026-Q4');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--price');
    const ok = await run('cbam-cost', '--cn', '7208 39 00', '--origin', 'CN', '--mass', '100', '--period', '2026-Q4', '--price', '80', '--json');
    expect(JSON.parse(ok.out)).toMatchObject({ certificates: 216.995, costEur: 17_359.6 });
  });
  it('not a CBAM good → exit 1; negative mass or a bad number → exit 2', async () => {
    expect((await run('cbam-cost', '--cn', '2804 61 00', '--origin', 'CN', '--mass', '10', '--period', '2026-Q1')).code).toBe(1);
    const neg = await run('cbam-cost', '--cn', '7208 39 00', '--origin', 'CN', '--mass=-5', '--period', '2026-Q1', '--json');
    expect(neg.code).toBe(2);
    expect(JSON.parse(neg.out).errors[0]).toMatchObject({ key: 'cbam:errors.mustBePositive', params: { field: 'mass' } });
    expect((await run('cbam-cost', '--cn', '7208 39 00', '--origin', 'CN', '--mass', '1,000', '--period', '2026-Q1')).code).toBe(2);
    expect((await run('cbam-cost', '--cn', '7208 39 00', '--origin', 'CN', '--period', '2026-Q1')).code).toBe(2);
  });
  it('text output lists every figure with its source', async () => {
    const r = await run('cbam-cost', '--cn', '7601 10 00', '--origin', 'CN', '--mass', '1000', '--period', '2026-Q2');
    expect(r.code).toBe(0);
    expect(r.out).toContain('143,978.65');
    expect(r.out).toContain('Implementing Regulation (EU) 2025/2620');
  });
});

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli';
import { SAMPLES_DIR, sampleFiles } from './helpers/samples';
import { SHARED, sharedFile } from './helpers/tools';
import { unzipSync, strFromU8 } from 'fflate';

const TEMPLATE = sharedFile('cbam/official/CBAM Communication template for installations_en_20241213.xlsx');

const dir = mkdtempSync(join(tmpdir(), 'cb-partners-'));
const loc = (l: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'locales', l, 'partners.json'), 'utf8'));
const profiles = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'rules', 'partners', 'profiles.json'), 'utf8'));
const samples = sampleFiles().filter((f) => !f.includes('broken'));

/** The total of a pack in `carbonbridge compare`'s table, as printed (last digit shown). */
function comparedTotal(out: string, col: number): string {
  const line = out.split('\n').find((l) => /^(Total|合计|总计|الإجمالي)/.test(l.trim()) || l.includes('kg CO2e)'))!;
  return line.trim().split(/\s{2,}/)[col]!;
}

describe('carbonbridge statement', () => {
  for (const f of samples)
    for (const ref of ['iso14067-2018', 'ghg-protocol-product-2011'])
      for (const lang of ['zh', 'en', 'ar'] as const)
        it(`${f} against ${ref} in ${lang}: figure = carbonbridge compare, rows with sources, no mutual recognition`, async () => {
          const file = join(SAMPLES_DIR, f);
          const out = join(dir, `${f}-${ref}-${lang}.html`);
          const s = await runCli('statement', file, '--against', ref, '--lang', lang, '--out', out);
          expect(s.code, s.err).toBeLessThan(2);
          const html = readFileSync(out, 'utf8');
          const c = await runCli('compare', file, '--packs', `cn-gbt24067-2024,${ref}`, '--lang', 'en');
          expect(c.code).toBeLessThan(2);
          const studyShown = comparedTotal(c.out, 1);
          const refShown = comparedTotal(c.out, 2);
          expect(html).toContain(`data-testid="study-total">${studyShown}<`);
          expect(html).toContain(`data-testid="reference-total">${refShown}<`);
          expect(html).toContain(profiles.mutualRecognition.text[lang]);
          expect(html).toContain(loc(lang).doc.isNot);
          const rows = html.match(/<tr data-dimension="[^"]+">[\s\S]*?<\/tr>/g) ?? [];
          expect(rows).toHaveLength(14);
          for (const r of rows) expect(r).toMatch(/class="src">[^<]*\S/);
          expect(html).toContain(`lang="${lang === 'zh' ? 'zh-CN' : lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`);
        });

  it('JSON equals the engine comparison of `carbonbridge compare --json`', async () => {
    const file = join(SAMPLES_DIR, 'aluminium-ingot-ningxia.json');
    const s = await runCli('statement', file, '--against', 'ghg-protocol-product-2011', '--json');
    const c = await runCli('compare', file, '--packs', 'cn-gbt24067-2024,ghg-protocol-product-2011', '--json');
    const st = JSON.parse(s.out);
    const cmp = JSON.parse(c.out);
    expect(st.figure.study.total).toBe(cmp.results[0].total);
    expect(st.figure.reference.total).toBe(cmp.results[1].total);
    expect(st.figure.causes.map((k: any) => k.deltaKg)).toEqual(cmp.pairs[0].causes.map((k: any) => k.deltaKg));
    expect(st.rows.every((r: any) => typeof r.studyText === 'string' && r.studyText.length > 0)).toBe(true);
  });

  it('zh+ar puts both languages side by side, Chinese first', async () => {
    const file = join(SAMPLES_DIR, 'aluminium-ingot-ningxia.json');
    const s = await runCli('statement', file, '--against', 'ae', '--lang', 'zh+ar');
    expect(s.code).toBe(0);
    const zh = s.out.indexOf(loc('zh').doc.title);
    const ar = s.out.indexOf(loc('ar').doc.title);
    expect(zh).toBeGreaterThan(0);
    expect(ar).toBeGreaterThan(zh);
    expect(s.out).toContain('class="bi n2');
    expect(s.out).toContain(profiles.partners[0].doesNotRegulate.ar);
  });

  it('exit 2 with a translated message for an unknown reference, a bad language or a missing --against', async () => {
    const file = join(SAMPLES_DIR, 'aluminium-ingot-ningxia.json');
    const a = await runCli('statement', file, '--against', 'mars', '--lang', 'zh');
    expect(a.code).toBe(2);
    expect(a.err).toContain('未知的参照标准或伙伴');
    const b = await runCli('statement', file, '--against', 'ae', '--lang', 'zh+zh');
    expect(b.code).toBe(2);
    const c = await runCli('statement', file);
    expect(c.code).toBe(2);
    expect(c.err).toContain('--against');
  });
});

describe(`carbonbridge convert --template-lang ${SHARED}`, () => {
  it.runIf(!!TEMPLATE)(
    'fills the official template and selects Chinese in its Translations sheet; a bad value exits 2',
    async () => {
      const file = join(SAMPLES_DIR, 'aluminium-ingot-ningxia.json');
      const out = join(dir, 'filled-zh.xlsx');
      const r = await runCli(
        'convert',
        file,
        '--to',
        'eu-cbam',
        '--period',
        '2026',
        '--cn',
        '7601 10 10',
        '--template',
        TEMPLATE!,
        '--template-lang',
        'zh',
        '--out',
        out,
        '--json',
      );
      expect(r.code, r.out).toBeLessThan(2);
      const j = JSON.parse(r.out);
      expect(JSON.stringify(j)).toContain('"arabicReview":"for-expert-review"');
      const files = unzipSync(new Uint8Array(readFileSync(out)));
      const tr = strFromU8(files['xl/worksheets/sheet18.xml']!);
      expect(tr).toMatch(/<c r="A3"[^>]*><v>4<\/v>/);
      expect(tr).toContain('<c r="D67" s="822" t="inlineStr"><is><t xml:space="preserve">报告期</t>');
      const bad = await runCli(
        'convert',
        file,
        '--to',
        'eu-cbam',
        '--period',
        '2026',
        '--cn',
        '7601 10 10',
        '--template',
        TEMPLATE!,
        '--template-lang',
        'fr',
        '--out',
        join(dir, 'x.xlsx'),
      );
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('--template-lang');
    },
    120_000,
  );
});

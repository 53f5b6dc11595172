import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { fillOfficialTemplate } from '../cbam/docs/template';
import { parseSharedStrings, readCells } from '../cbam/docs/ooxml';
import { templateTranslations, translateTemplate } from './translate';
import { TemplateTranslations } from './schema';
import { hasSoffice, resaveWithLibreOffice } from '../../../test/helpers/office';
import { SHARED, sharedFile } from '../../../test/helpers/tools';

const TEMPLATE = sharedFile('cbam/official/CBAM Communication template for installations_en_20241213.xlsx');
const sample = () => JSON.parse(readFileSync('test/fixtures/cbam-docs/aluminium-installation.json', 'utf8'));

/** Sheet name → part path of an unzipped workbook. */
function parts(files: Record<string, Uint8Array>): Map<string, string> {
  const wb = strFromU8(files['xl/workbook.xml']!);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const t = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!.slice(1).find(Boolean)!;
    out.set(m[1]!.replace('&amp;', '&'), t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  return out;
}
const formulas = (x: string) => [...x.matchAll(/<c r="([A-Z]+\d+)"[^>]*>\s*<f([^>]*)>([^<]*)<\/f>/g)].map((m) => `${m[1]}${m[2]}=${m[3]}`);
const protections = (x: string) => x.match(/<sheetProtection\b[^>]*>/g) ?? [];
const validations = (x: string) => x.match(/<dataValidations\b[\s\S]*?<\/dataValidations>/g) ?? [];

describe('template translation data', () => {
  it('marks Arabic for expert review and keeps each entry with its English original', () => {
    const d = templateTranslations();
    expect(d.review.ar.status).toBe('for-expert-review');
    expect(Object.keys(d.entries).length).toBeGreaterThan(300);
    expect(d.entries['67']).toEqual({ en: 'Reporting period', zh: '报告期', ar: 'فترة الإبلاغ' });
  });
  it('refuses data putting both languages in one column', () => {
    const bad = structuredClone(templateTranslations()) as any;
    bad.columns.ar.column = 'D';
    expect(TemplateTranslations.safeParse(bad).success).toBe(false);
  });
});

describe.skipIf(!TEMPLATE)(`the official template in Chinese and Arabic ${SHARED}`, () => {
  let filled: Uint8Array;
  const out: Record<string, Uint8Array> = {};
  beforeAll(() => {
    filled = fillOfficialTemplate(new Uint8Array(readFileSync(TEMPLATE!)), sample()).bytes;
    for (const l of ['zh', 'ar'] as const) out[l] = translateTemplate(filled, l).bytes;
  }, 120_000);

  for (const l of ['zh', 'ar'] as const)
    it(`${l}: English column untouched, both languages filled, ${l} selected; formulas, protection and validations unchanged`, () => {
      const a = unzipSync(filled);
      const b = unzipSync(out[l]!);
      const pa = parts(a);
      const pb = parts(b);
      expect([...pb.keys()]).toEqual([...pa.keys()]);
      for (const [name, p] of pa) {
        const x = strFromU8(a[p]!);
        const y = strFromU8(b[pb.get(name)!]!);
        expect(formulas(y), name).toEqual(formulas(x));
        expect(protections(y), name).toEqual(protections(x));
        expect(validations(y), name).toEqual(validations(x));
      }
      const sstA = parseSharedStrings(strFromU8(a['xl/sharedStrings.xml']!));
      const sstB = parseSharedStrings(strFromU8(b['xl/sharedStrings.xml']!));
      const ta = strFromU8(a[pa.get('Translations')!]!);
      const tb = strFromU8(b[pb.get('Translations')!]!);
      const refs = ['C67', 'C107', 'C1953', 'C2000', 'A3', 'D67', 'E67', 'D107', 'E107', 'D2000'];
      const before = readCells(ta, refs, sstA);
      const after = readCells(tb, refs, sstB);
      for (const r of ['C67', 'C107', 'C1953', 'C2000']) expect(after.get(r), r).toBe(before.get(r));
      expect(after.get('A3')).toBe(l === 'zh' ? 4 : 5);
      expect(after.get('D67')).toBe('报告期');
      expect(after.get('E67')).toBe('فترة الإبلاغ');
      expect(after.get('D2000')).toMatch(/^生物质比例为自愿填写/);
      for (const r of ['D107', 'E107']) expect(after.get(r), r).toBe(before.get('C107')); // rows kept in English get the English original
    });

  it.runIf(hasSoffice)('LibreOffice opens both; A_InstData labels read in the language; SEE from the template formulas unchanged', { timeout: 900_000 }, () => {
    const read = (bytes: Uint8Array) => {
      const saved = resaveWithLibreOffice(bytes, { recalc: true, timeout: 280_000 });
      expect(saved).toBeDefined();
      const f = unzipSync(saved!);
      const p = parts(f);
      const sst = parseSharedStrings(f['xl/sharedStrings.xml'] ? strFromU8(f['xl/sharedStrings.xml']) : undefined);
      return {
        inst: readCells(strFromU8(f[p.get('A_InstData')!]!), ['D9', 'H9', 'E2', 'B2'], sst),
        see: readCells(strFromU8(f[p.get('Summary_Processes')!]!), ['H102', 'J102', 'H103', 'J103'], sst),
        prod: readCells(strFromU8(f[p.get('Summary_Products')!]!), ['I10', 'J10', 'K10', 'I11', 'J11', 'K11'], sst),
      };
    };
    const en = read(filled);
    const zh = read(out.zh!);
    const ar = read(out.ar!);
    expect(en.inst.get('D9')).toBe('Reporting period');
    expect(zh.inst.get('D9')).toBe('报告期');
    expect(zh.inst.get('H9')).toBe('开始：');
    expect(zh.inst.get('E2')).toBe('Navigation Area:'); // shown by the code lists too: kept in English
    expect(ar.inst.get('D9')).toBe('فترة الإبلاغ');
    expect(ar.inst.get('H9')).toBe('البداية:');
    expect(typeof en.see.get('H102')).toBe('number');
    expect([...zh.see]).toEqual([...en.see]);
    expect([...ar.see]).toEqual([...en.see]);
    expect([...zh.prod]).toEqual([...en.prod]);
    expect([...ar.prod]).toEqual([...en.prod]);
  });
});

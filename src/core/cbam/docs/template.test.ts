import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8, zipSync, strToU8 } from 'fflate';
import { fillOfficialTemplate, identifyTemplate, TEMPLATE_MAP } from './template';
import { CbamDocError } from './errors';
import { parseSharedStrings, readCells } from './ooxml';
import { buildOwnWorkbook, buildFillSourcesWorkbook } from './own-workbook';
import { parseCbamDocData } from './parse';
import { computeSee } from './see';
import { hasSoffice, hasXmllint, malformedXmlParts, resaveWithLibreOffice } from '../../../../test/helpers/office';
import { SHARED, sharedFile } from '../../../../test/helpers/tools';
import { allT, LANGS } from '../../../../test/helpers/i18n';
import { translateMessage, type TFunction } from '../../i18n/translate';
import type { CbamPack } from '../pack-schema';
import { transitionalPack } from '../packs';

const TEMPLATE = sharedFile('cbam/official/CBAM Communication template for installations_en_20241213.xlsx');
const haveTemplate = TEMPLATE !== undefined;
const sample = () => JSON.parse(readFileSync('test/fixtures/cbam-docs/aluminium-installation.json', 'utf8'));

const errKey = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof CbamDocError) return e.messages[0]!.key;
    throw e;
  }
  throw new Error('no error thrown');
};

describe.skipIf(!haveTemplate)(`official template fill ${SHARED}`, () => {
  let template: Uint8Array;
  let filled: ReturnType<typeof fillOfficialTemplate>;
  beforeAll(() => {
    template = new Uint8Array(readFileSync(TEMPLATE!));
    filled = fillOfficialTemplate(template, sample());
  });

  it('the template map was generated from this very file', () => {
    expect(TEMPLATE_MAP.source.bytes).toBe(template.length);
    expect(TEMPLATE_MAP.template.version).toBe('2.1.1');
    expect(TEMPLATE_MAP.sheets.A_InstData!.writable).toContain('I20');
    expect(TEMPLATE_MAP.sheets.A_InstData!.writable).not.toContain('J20'); // merged, not the anchor
    expect(TEMPLATE_MAP.sheets.Summary_Processes!.writable).not.toContain('H102'); // formula, locked
  });

  it('writes and re-reads every planned cell; formulas, protection, validations unchanged', () => {
    const r = filled.report;
    expect(r.written).toBeGreaterThan(60);
    expect(r.verified).toBe(r.written);
    expect(r.mismatches).toEqual([]);
    expect(r.formulasUnchanged && r.protectionUnchanged && r.validationsUnchanged).toBe(true);
    expect(r.fullCalcOnLoad).toBe(true);
    expect(r.calcChainDropped).toBe(true);
    expect(r.ok).toBe(true);
    // every written figure keeps its source (companion sources workbook)
    const dirEm = r.cells.find((c) => c.field === 'processes[0].directEmissions')!;
    expect([dirEm.sheet, dirEm.ref, dirEm.value]).toEqual(['D_Processes', 'L54', 331250.5]);
    expect(dirEm.source).toMatch(/PFC slope method, AR5/);
    const src = strFromU8(unzipSync(buildFillSourcesWorkbook(r))['xl/worksheets/sheet1.xml']!);
    expect(src).toContain('MEE 2023 Northwest grid factor');
  });

  it('never mutates the input and returns a new array', () => {
    const copy = template.slice();
    const again = fillOfficialTemplate(template, sample());
    expect(again.bytes).not.toBe(template);
    expect(Buffer.compare(Buffer.from(copy), Buffer.from(template))).toBe(0);
  });

  it('neutralises formula-like text: inline string with a quote-prefix style, no <f>', () => {
    const files = unzipSync(filled.bytes);
    const a = strFromU8(files['xl/worksheets/sheet5.xml']!);
    const cell = /<c r="I31"[^>]*>[\s\S]*?<\/c>/.exec(a)![0];
    expect(cell).toContain('t="inlineStr"');
    expect(cell).not.toContain('<f>');
    expect(cell).toContain('=HYPERLINK(&quot;http://evil&quot;)@example.cn');
    const s = Number(/ s="(\d+)"/.exec(cell)![1]);
    const styles = strFromU8(files['xl/styles.xml']!);
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
    expect(xfs[s]).toContain('quotePrefix="1"');
    expect(xfs[s]).toContain('locked="0"');
    expect(filled.report.neutralised.map((n) => n.ref)).toEqual(expect.arrayContaining(['I31', 'I32', 'M16']));
  });

  it('keeps shared strings intact and patched parts well-formed XML', () => {
    const files = unzipSync(filled.bytes);
    const orig = unzipSync(template);
    expect(strFromU8(files['xl/sharedStrings.xml']!)).toBe(strFromU8(orig['xl/sharedStrings.xml']!));
    expect(files['xl/calcChain.xml']).toBeUndefined();
    expect(strFromU8(files['[Content_Types].xml']!)).not.toContain('calcChain');
    if (!hasXmllint) return;
    expect(
      malformedXmlParts(files, [
        'xl/worksheets/sheet5.xml',
        'xl/worksheets/sheet8.xml',
        'xl/worksheets/sheet9.xml',
        'xl/worksheets/sheet13.xml',
        'xl/styles.xml',
        'xl/workbook.xml',
        '[Content_Types].xml',
        'xl/_rels/workbook.xml.rels',
      ]),
    ).toEqual([]);
  });

  it('rejects a workbook that is not the official template, and a corrupt zip, with translated keys', () => {
    const own = buildOwnWorkbook(sample());
    expect(errKey(() => fillOfficialTemplate(own, sample()))).toBe('cbamdocs:errors.notTemplate');
    expect(errKey(() => fillOfficialTemplate(template.slice(0, 5000), sample()))).toBe('cbamdocs:errors.corruptZip');
    expect(errKey(() => fillOfficialTemplate(new TextEncoder().encode('not a zip at all, just text'), sample()))).toBe('cbamdocs:errors.corruptZip');
    // same sheets but another version number
    const files = unzipSync(template);
    const vpath = 'xl/worksheets/sheet19.xml';
    files[vpath] = strToU8(strFromU8(files[vpath]!).replace(/(<c r="B3"[^>]*><v>)45639(<\/v>)/, '$145370$2'));
    expect(errKey(() => identifyTemplate(files))).toBe('cbamdocs:errors.unsupportedVersion');
    expect(errKey(() => fillOfficialTemplate(zipSync(files), sample()))).toBe('cbamdocs:errors.unsupportedVersion');
  });

  it('rejects bad data with translated keys', () => {
    const neg = sample();
    neg.processes[0].production[0].amount.value = -5;
    expect(errKey(() => fillOfficialTemplate(template, neg))).toBe('cbamdocs:errors.negative');
    const noCountry = sample();
    delete noCountry.purchasedPrecursors[0].country;
    expect(errKey(() => fillOfficialTemplate(template, noCountry))).toBe('cbamdocs:errors.invalidField');
    const badCn = sample();
    badCn.products[0].cnCode = '7202 21 00';
    expect(errKey(() => fillOfficialTemplate(template, badCn))).toBe('cbamdocs:errors.cnNotInCategory');
    const badRoute = sample();
    badRoute.goods[0].routes = ['Blast furnace route'];
    expect(errKey(() => fillOfficialTemplate(template, badRoute))).toBe('cbamdocs:errors.unknownRoute');
  });

  it(
    hasSoffice
      ? 'opens in LibreOffice headless and, recalculated on load, gives our SEE to 4 decimals'
      : 'LibreOffice recalculation check (SKIPPED: soffice not installed — install libreoffice-calc)',
    { timeout: 360_000 },
    (ctx) => {
      if (!hasSoffice) {
        console.warn('SKIPPED: soffice not installed, LibreOffice recalculation of the filled template not checked');
        ctx.skip();
        return;
      }
      const saved = resaveWithLibreOffice(filled.bytes, { recalc: true, timeout: 300_000 });
      expect(saved).toBeDefined();
      const files = unzipSync(saved!);
      const wb = strFromU8(files['xl/workbook.xml']!);
      expect(wb.match(/<sheet\b/g)!.length).toBe(19); // all sheets came through, nothing dropped by a repair
      const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
      const pathOf = (name: string): string => {
        const rid = new RegExp(`<sheet name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1]!;
        return `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!.slice(1).find(Boolean)!}`;
      };
      const sst = parseSharedStrings(files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : undefined);
      const sp = readCells(strFromU8(files[pathOf('Summary_Processes')]!), ['H102', 'J102', 'H103', 'J103'], sst);
      const pr = readCells(strFromU8(files[pathOf('Summary_Products')]!), ['I10', 'J10', 'K10', 'I11', 'J11', 'K11'], sst);
      const ours = computeSee(parseCbamDocData(sample()));
      const [p1, p2] = ours.processes;
      const r4 = (x: unknown) => Math.round((x as number) * 1e4) / 1e4;
      expect(r4(sp.get('H102'))).toBe(r4(p1!.seeDirect));
      expect(r4(sp.get('J102'))).toBe(r4(p1!.seeIndirect));
      expect(r4(sp.get('H103'))).toBe(r4(p2!.seeDirect));
      expect(r4(sp.get('J103'))).toBe(r4(p2!.seeIndirect));
      expect(r4(pr.get('I10'))).toBe(r4(ours.products[0]!.seeDirect));
      expect(r4(pr.get('K10'))).toBe(r4(ours.products[0]!.seeTotal));
      expect(r4(pr.get('I11'))).toBe(r4(ours.products[1]!.seeDirect));
      expect(r4(pr.get('J11'))).toBe(r4(ours.products[1]!.seeIndirect));
      // the template's own completeness checks raise no flag on the sheets we fill
      for (const sheet of ['A_InstData', 'C_Emissions&Energy', 'D_Processes', 'E_PurchPrec', 'Summary_Processes', 'Summary_Products']) {
        const x = strFromU8(files[pathOf(sheet.replace('&', '&amp;'))]!);
        const flags: string[] = [];
        for (const m of x.matchAll(/<c r="([A-Z]+\d+)"[^>]*t="(s|str)"[^>]*>(?:<f[^>]*>[^<]*<\/f>|<f[^>]*\/>)?<v>([^<]*)<\/v>/g)) {
          const v = m[2] === 's' ? sst[Number(m[3])]! : m[3]!;
          if (/Incomplete!|Inconsistent!|Duplicate!|Missing!|ErrMiss_/.test(v)) flags.push(`${m[1]}=${v}`);
        }
        expect(flags, sheet).toEqual([]);
      }
      // protection survived the round trip
      expect(strFromU8(files[pathOf('A_InstData')]!)).toMatch(/<sheetProtection\b[^>]*sheet="(1|true)"/);
    },
  );
});

describe('SEE computation (template formulas)', () => {
  it('reproduces the rolling-mill chain of the sample by hand', () => {
    const see = computeSee(parseCbamDocData(sample()));
    // P1: 331250.5 / 200000
    expect(see.processes[0]!.seeDirect).toBe(1.6562525);
    // P2: (12000 + 150 TJ × 106.67 + 62000 × 1.6562525 + 5000 × 1.85) / 60000
    expect(see.processes[1]!.seeDirect).toBe(Math.round(((12000 + 150 * 106.67 + 62000 * 1.6562525 + 5000 * 1.85) / 60000) * 1e7) / 1e7);
    // indirect: (40000 × 0.5543 + 62000 × 7.48305 + 5000 × 13.8 × 0.5543) / 60000
    expect(see.processes[1]!.seeIndirect).toBe(Math.round(((40000 * 0.5543 + 62000 * 7.48305 + 5000 * 13.8 * 0.5543) / 60000) * 1e7) / 1e7);
  });
});

describe('planning cells (no template file needed)', () => {
  it('uses the template spelling of categories (calcined clays carries a trailing space in v2.1.1)', async () => {
    const { planTemplateCells } = await import('./template');
    const w = planTemplateCells(
      parseCbamDocData({
        installation: { nameEn: 'Clay works', country: 'CN' },
        reportingPeriod: { start: '2025-01-01', end: '2025-12-31' },
        goods: [{ category: 'Calcined clays' }],
        processes: [{ id: 'P1', name: 'Kiln', category: 'calcined clays', production: [{ amount: 1000 }], directEmissions: 200 }],
        products: [{ processId: 'P1', cnCode: '2507 00 80', name: 'Metakaolin' }],
      }),
    );
    const at = (sheet: string, ref: string) => w.find((c) => c.sheet === sheet && c.ref === ref)?.value;
    expect(at('A_InstData', 'E62')).toBe('Calcined clays ');
    expect(at('A_InstData', 'I9')).toBe(45658); // 2025-01-01 as an Excel serial date
    expect(at('A_InstData', 'I26')).toBe('China');
    expect(at('D_Processes', 'L16')).toBe(1000);
    expect(at('D_Processes', 'L54')).toBe(200);
    expect(at('Summary_Products', 'F10')).toBe('25070080');
  });
});

describe('issue 9: the whole workbook, missing never 0 (planning, no template file needed)', () => {
  const base = () => ({
    installation: { nameEn: 'Mill', country: 'CN' },
    reportingPeriod: { start: '2026-01-01', end: '2026-12-31' },
    goods: [{ category: 'Iron or steel products' }],
    processes: [
      {
        id: 'P1',
        name: 'Hot strip mill',
        category: 'Iron or steel products',
        production: [{ amount: 1_000_000 }],
        directEmissions: 58_800,
        precursors: [{ from: 'PP1', amount: 1_050_000 }],
      },
    ] as Record<string, unknown>[],
    purchasedPrecursors: [
      { id: 'PP1', name: 'Slabs', category: 'Crude steel', country: 'CN', seeDirect: 1.9, seeDirectBasis: 'Measured', seeIndirect: 9.8 },
    ] as Record<string, unknown>[],
    products: [{ processId: 'P1', cnCode: '7208 39 00', name: 'HRC' }] as Record<string, unknown>[],
  });
  const plan = async (x: ReturnType<typeof base>) => {
    const { planTemplateCells } = await import('./template');
    const w = planTemplateCells(parseCbamDocData(x as never));
    return (sheet: string, ref: string) => w.find((c) => c.sheet === sheet && c.ref === ref)?.value;
  };

  it('defect 1: installation totals written (C H26–K26 manual entries, M26), not only the indirect total', async () => {
    const x = base();
    x.processes[0]!.electricity = { consumptionMWh: 96_000, ef: 0.61, efSource: 'D.4(a)' };
    const at = await plan({ ...x, emissionsBalance: { co2: 50_000, n2o: 800, pfc: 8_000 } } as never);
    expect([at('C_Emissions&Energy', 'H26'), at('C_Emissions&Energy', 'J26'), at('C_Emissions&Energy', 'K26'), at('C_Emissions&Energy', 'M26')]).toEqual([
      50_000, 800, 8_000, 58_560,
    ]);
    // no sheet B entry and no totals given: the direct emissions of the processes, as fossil CO2
    const at2 = await plan(x);
    expect(at2('C_Emissions&Energy', 'H26')).toBe(58_800);
  });

  it('defect 2: the MWh consumed are written when the factor is missing; the factor stays empty (not 0)', async () => {
    const x = base();
    x.processes[0]!.electricity = { consumptionMWh: 96_000 };
    const at = await plan(x);
    expect(at('D_Processes', 'L65')).toBe(96_000);
    expect(at('D_Processes', 'L66')).toBeUndefined();
    expect(at('C_Emissions&Energy', 'M26')).toBeUndefined();
  });

  it("defect 4: a supplier's MWh/t is never back-calculated from SEE (indirect) / EF (9.8 / 0.61 was written as 16.0656)", async () => {
    const x = base();
    x.purchasedPrecursors[0]!.electricityEf = 0.61;
    const at = await plan(x);
    expect(at('E_PurchPrec', 'L50')).toBeUndefined();
    const y = base();
    Object.assign(y.purchasedPrecursors[0]!, { electricityMWhPerT: 14, electricityEf: 0.7, electricityEfSource: 'D.4(b)' });
    const at2 = await plan(y);
    expect([at2('E_PurchPrec', 'L50'), at2('E_PurchPrec', 'L51'), at2('E_PurchPrec', 'M51')]).toEqual([14, 0.7, 'D.4(b)']);
  });

  it('negative attributed emissions and SEE are accepted by the model (an installation exporting more heat than it emits)', () => {
    const x = base();
    Object.assign(x.processes[0]!, { directEmissions: -500, heat: { exportedTJ: 100, exportedEf: 56.1 } });
    x.products[0]!.seeDirect = -0.0056;
    x.products[0]!.seeTotal = -0.0056;
    const data = parseCbamDocData(x as never);
    expect(data.products[0]!.seeDirect!.value).toBe(-0.0056);
    expect(computeSee(data).processes[0]!.attributedDirect).toBeLessThan(0);
  });
});

describe('issue 10: the gap messages cite the act of the pack in use and name the qualifying parameter in the reader’s language', () => {
  const data = (start: string, end: string) =>
    parseCbamDocData({
      installation: { nameEn: 'Mill', country: 'CN' },
      reportingPeriod: { start, end },
      goods: [{ category: 'Iron or steel products' }],
      processes: [
        {
          id: 'P1',
          name: 'Hot strip mill',
          category: 'Iron or steel products',
          production: [{ amount: 1000 }],
          directEmissions: 58.8,
          electricity: { consumptionMWh: 96 },
        },
      ],
      products: [{ processId: 'P1', cnCode: '7208 39 00', name: 'HRC' }],
    });
  let T: Record<(typeof LANGS)[number], TFunction>;
  beforeAll(async () => {
    T = await allT();
  });
  const texts = async (start: string, end: string, pack?: Pick<CbamPack, 'rules'>) => {
    const { planTemplate } = await import('./template');
    const { gaps } = planTemplate(data(start, end), pack);
    const ef = gaps.find((g) => g.reason.key === 'cbamdocs:gaps.electricityEf')!;
    const q = gaps.find((g) => g.reason.key === 'cbamdocs:gaps.qualifying' && g.ref === 'R10')!;
    expect(ef && q).toBeTruthy();
    return { ef, q, in: (lang: (typeof LANGS)[number]) => [translateMessage(T[lang], ef.reason), translateMessage(T[lang], q.reason)] };
  };

  it('a transitional-period fill (2025) cites IR (EU) 2023/1773, never 2025/2547', async () => {
    const r = await texts('2025-01-01', '2025-12-31');
    expect(r.ef.reason.params).toMatchObject({ act: 'Implementing Regulation (EU) 2023/1773, Annex III, D.4' });
    expect(r.q.reason.params).toMatchObject({ act: 'Implementing Regulation (EU) 2023/1773' });
    for (const lang of LANGS)
      for (const s of r.in(lang)) {
        expect(s, lang).toContain('2023/1773');
        expect(s, lang).not.toContain('2025/2547');
      }
  });

  it('a definitive-period fill (2026) cites IR (EU) 2025/2547, never 2023/1773', async () => {
    const r = await texts('2026-01-01', '2026-12-31');
    expect(r.ef.reason.params).toMatchObject({ act: 'Implementing Regulation (EU) 2025/2547, Annex II' });
    for (const lang of LANGS)
      for (const s of r.in(lang)) {
        expect(s, lang).toContain('2025/2547');
        expect(s, lang).not.toContain('2023/1773');
      }
  });

  it('the pack given by the caller wins over the period', async () => {
    const r = await texts('2026-01-01', '2026-12-31', transitionalPack());
    expect(r.ef.reason.params?.act).toContain('2023/1773');
  });

  it('the qualifying parameter is named through the qualifying namespace, not the template’s English heading', async () => {
    const r = await texts('2026-01-01', '2026-12-31');
    expect(r.q.reason.params).toMatchObject({ parameter: '$t:qualifying:param.mnPct' });
    const [, zh] = r.in('zh');
    const [, ar] = r.in('ar');
    expect(zh).toContain(T.zh('qualifying:param.mnPct'));
    expect(ar).toContain(T.ar('qualifying:param.mnPct'));
    expect(zh).not.toContain('% Mn”');
    // every column the template asks for has a parameter with a label in every language
    const { qualifyingColumnLabel } = await import('./template');
    for (const col of Object.keys(TEMPLATE_MAP.qualifyingNames)) {
      const label = qualifyingColumnLabel(col);
      expect(label, col).toMatch(/^\$t:qualifying:param\./);
      for (const lang of LANGS) expect(T[lang](label.slice(3)), `${lang} ${col}`).not.toBe(label.slice(3));
    }
  });
});

import { describe, it, expect } from 'vitest';
import { unzipSync, strFromU8, zipSync, strToU8 } from 'fflate';
import { sampleFiles, sampleText } from '../../../test/helpers/samples';
import { hasSoffice, hasXmllint, malformedXmlParts, resaveWithLibreOffice } from '../../../test/helpers/office';
import { validateDataset } from '../model/validate';
import type { Dataset } from '../model/dataset';
import { buildInputWorkbook, readInputWorkbook, sheetTitle } from './workbook';
import { importBytes } from './import';
import { readBook } from './read';

const load = (f: string): Dataset => validateDataset(sampleText(f)).dataset!;
const sheetXmlOf = (bytes: Uint8Array, name: string): string => {
  const files = unzipSync(bytes);
  const wb = strFromU8(files['xl/workbook.xml']!);
  const idx = [...wb.matchAll(/<sheet name="([^"]*)"/g)].findIndex((m) => m[1] === name);
  expect(idx, name).toBeGreaterThanOrEqual(0);
  return strFromU8(files[`xl/worksheets/sheet${idx + 1}.xml`]!);
};

describe('input workbook', () => {
  it.each(sampleFiles())('round trip: %s → workbook → import is deep-equal', (f) => {
    const ds = load(f);
    const r = importBytes(buildInputWorkbook(ds), 'input.xlsx');
    expect(r.kind).toBe('workbook');
    if (r.kind !== 'workbook') return;
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.dataset).toEqual(ds);
    expect(r.rows.valid).toBe(ds.inventory.length);
  });

  it('keeps formula-looking text as text: inline string, quote-prefix style, no <f>, same text back', () => {
    const ds = structuredClone(load(sampleFiles()[0]!));
    const evil = ['=HYPERLINK("http://evil.example","x")', "=cmd|' /C calc'!A0", '+1+2', '-3', '@SUM(A1)', 'a_x0041_b'];
    evil.forEach((s, i) => { ds.inventory[i]!.description = s; });
    ds.producer.name = '=1+1';
    const bytes = buildInputWorkbook(ds);
    for (const name of [sheetTitle('inventory'), sheetTitle('producer')]) expect(sheetXmlOf(bytes, name)).not.toMatch(/<f[ >]/);
    const inv = sheetXmlOf(bytes, sheetTitle('inventory'));
    const cell = /<c r="B3"[^>]*>/.exec(inv)![0];
    expect(cell).toContain('t="inlineStr"');
    const styles = strFromU8(unzipSync(bytes)['xl/styles.xml']!);
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
    expect(xfs[Number(/ s="(\d+)"/.exec(cell)![1])]).toContain('quotePrefix="1"');
    const r = importBytes(bytes, 'input.xlsx');
    expect(r.kind === 'workbook' && r.dataset).toEqual(ds);
  });

  it('has drop-down lists, bilingual headers, a hidden marker sheet and instructions in three languages', () => {
    const bytes = buildInputWorkbook();
    const inv = sheetXmlOf(bytes, sheetTitle('inventory'));
    const dv = [...inv.matchAll(/<dataValidation [^>]*sqref="([A-Z]+)3:[A-Z]+\d+"><formula1>([^<]*)<\/formula1>/g)];
    expect(dv.length).toBeGreaterThanOrEqual(8);
    const formulas = dv.map((m) => m[2]);
    for (const col of ['$A$', '$D$', '$J$', '$M$', '$S$', '$G$']) expect(formulas.some((f) => f!.includes(col))).toBe(true); // stage, category, location, dataType, unit, massUnit lists
    expect(inv).toContain('生命周期阶段\nLife cycle stage');
    expect(inv).toMatch(/<row r="2" hidden="1">/);
    const wb = strFromU8(unzipSync(bytes)['xl/workbook.xml']!);
    expect(wb).toMatch(/<sheet name="_carbonbridge" sheetId="\d+" state="hidden"/);
    const ins = sheetXmlOf(bytes, sheetTitle('instructions'));
    expect(ins).toContain('中文');
    expect(ins).toContain('English');
    expect(ins).toContain('العربية');
    const lists = sheetXmlOf(bytes, sheetTitle('lists'));
    for (const code of ['raw-material-acquisition', 'fuel-combustion', 'CO2_fossil', 'kWh', 'national-grid', 'primary']) expect(lists).toContain(`>${code}<`);
  });

  it.skipIf(!hasXmllint)('writes well-formed XML parts', () => {
    const files = unzipSync(buildInputWorkbook(load(sampleFiles()[0]!)));
    expect(malformedXmlParts(files)).toEqual([]);
  });

  it('reports a bad cell with sheet, row, column and a fix; valid rows import on request', () => {
    const ds = load(sampleFiles()[0]!);
    const files = unzipSync(buildInputWorkbook(ds));
    const wb = strFromU8(files['xl/workbook.xml']!);
    const idx = [...wb.matchAll(/<sheet name="([^"]*)"/g)].findIndex((m) => m[1] === sheetTitle('inventory'));
    const p = `xl/worksheets/sheet${idx + 1}.xml`;
    // activity.amount (column G) of the second line (row 4): text; unit of the third line (row 5): unknown
    let xml = strFromU8(files[p]!).replace(/<c r="G4"[^>]*>[\s\S]*?<\/c>/, '<c r="G4" t="inlineStr"><is><t>about 5</t></is></c>');
    xml = xml.replace(/<c r="H5"[^>]*>[\s\S]*?<\/c>/, '<c r="H5" t="inlineStr"><is><t>barrels</t></is></c>');
    files[p] = strToU8(xml);
    const bytes = zipSync(files);
    const r = importBytes(bytes, 'x.xlsx');
    expect(r.kind).toBe('workbook');
    if (r.kind !== 'workbook') return;
    expect(r.dataset).toBeUndefined();
    const e1 = r.problems.find((q) => q.message.key === 'import:problem.notANumber')!;
    expect(e1).toMatchObject({ sheet: sheetTitle('inventory'), row: 4, column: 'G', field: 'activity.amount', fix: { key: 'import:fix.typeNumber' } });
    const e2 = r.problems.find((q) => q.message.key === 'import:problem.unknownUnit')!;
    expect(e2).toMatchObject({ row: 5, column: 'H' });
    expect(r.rejectedRows).toEqual([4, 5]);
    const ok = importBytes(bytes, 'x.xlsx', { acceptValid: true });
    expect(ok.kind === 'workbook' && ok.dataset?.inventory.length).toBe(ds.inventory.length - 2);
    expect(ok.kind === 'workbook' && ok.dataset?.inventory.map((l) => l.id)).toEqual(ds.inventory.filter((_, i) => i !== 1 && i !== 2).map((l) => l.id));
  });

  it('reads dates typed as Excel serial numbers and numbers typed with other digits', () => {
    const ds = load(sampleFiles()[0]!);
    const files = unzipSync(buildInputWorkbook(ds));
    const wb = strFromU8(files['xl/workbook.xml']!);
    const names = [...wb.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
    const prod = `xl/worksheets/sheet${names.indexOf(sheetTitle('producer')) + 1}.xml`;
    const inv = `xl/worksheets/sheet${names.indexOf(sheetTitle('inventory')) + 1}.xml`;
    const px = strFromU8(files[prod]!);
    const row = [...px.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)].find((m) => m[2]!.includes('>period.start<'))![1];
    files[prod] = strToU8(px.replace(new RegExp(`<c r="D${row}"[^>]*>[\\s\\S]*?</c>`), `<c r="D${row}"><v>45292</v></c>`));
    files[inv] = strToU8(strFromU8(files[inv]!).replace(/<c r="G3"[^>]*>[\s\S]*?<\/c>/, '<c r="G3" t="inlineStr"><is><t>٧٦٨٬٠٠٠</t></is></c>'));
    const r = importBytes(zipSync(files), 'x.xlsx');
    expect(r.kind === 'workbook' && r.dataset?.period.start).toBe('2024-01-01');
    expect(r.kind === 'workbook' && r.dataset?.inventory[0]!.activity.amount).toBe(768000);
  });

  it('an empty workbook imports to precise "missing" problems, not a crash', () => {
    const book = readBook(buildInputWorkbook(), 'empty.xlsx');
    const r = readInputWorkbook(book);
    expect(r.dataset).toBeUndefined();
    expect(r.problems.some((p) => p.severity === 'error' && p.message.key.startsWith('core:validation.'))).toBe(true);
  });

  it(hasSoffice ? 'opens and saves in LibreOffice, and the saved file still imports identically' : 'LibreOffice round trip (SKIPPED: soffice not installed)', { timeout: 150_000 }, (ctx) => {
    if (!hasSoffice) { ctx.skip(); return; }
    const ds = structuredClone(load(sampleFiles()[0]!));
    ds.inventory[0]!.description = '=HYPERLINK("http://evil.example","x")';
    const saved = resaveWithLibreOffice(buildInputWorkbook(ds), { recalc: false, timeout: 140_000 });
    expect(saved).toBeDefined();
    const r = importBytes(saved!, 'saved.xlsx');
    expect(r.kind === 'workbook' && r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.kind === 'workbook' && r.dataset).toEqual(ds);
  });
});

describe('input workbook: battery details', () => {
  const lfp = (): Dataset => structuredClone(load('lfp-battery-pack.json'));
  /** The richer details: every kind of battery row (list, yes/no, repeated lines and classes). */
  const richer = (): Dataset => {
    const ds = lfp();
    ds.battery = { ...ds.battery!, category: 'ev', vehicleClass: 'M1', exclusivelyExternalStorage: false, massKg: 1234.5,
      serviceLife: { warrantyYears: 8, warrantyKm: 160000, kmPerYear: 20000, kmRule: 'Maker warranty terms' },
      manufacturer: { ...ds.battery!.manufacturer, web: 'https://example.com', email: 'a@example.com' },
      confidentialLines: ['BP-08', 'BP-02'], performanceClasses: [{ class: 'A', maxKgPerKWh: 55.5 }, { class: 'B', maxKgPerKWh: 70 }] };
    return validateDataset(ds).dataset!;
  };
  const batteryRow = (bytes: Uint8Array, key: string): number => {
    const xml = sheetXmlOf(bytes, sheetTitle('battery'));
    return Number([...xml.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)].find((m) => m[2]!.includes(`>${key}<`))![1]);
  };
  const setBatteryCell = (bytes: Uint8Array, row: number, text: string): Uint8Array => {
    const files = unzipSync(bytes);
    const wb = strFromU8(files['xl/workbook.xml']!);
    const idx = [...wb.matchAll(/<sheet name="([^"]*)"/g)].findIndex((m) => m[1] === sheetTitle('battery'));
    const p = `xl/worksheets/sheet${idx + 1}.xml`;
    const xml = strFromU8(files[p]!);
    const cell = `<c r="D${row}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const re = new RegExp(`<c r="D${row}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
    files[p] = strToU8(re.test(xml) ? xml.replace(re, cell) : xml.replace(new RegExp(`(<row r="${row}"[^>]*>[\\s\\S]*?)(</row>)`), `$1${cell}$2`));
    return zipSync(files);
  };

  it('writes a Battery sheet with drop-downs only for battery datasets, and as an optional sheet in the empty workbook', () => {
    const bytes = buildInputWorkbook(lfp());
    const xml = sheetXmlOf(bytes, sheetTitle('battery'));
    expect(xml).toContain('>battery.category<');
    expect(xml).toContain('电池类别');
    expect(xml).toContain('Battery category');
    const dv = [...xml.matchAll(/<dataValidation [^>]*sqref="D(\d+)"><formula1>([^<]*)<\/formula1>/g)].map((m) => Number(m[1]));
    expect(dv).toEqual(expect.arrayContaining([batteryRow(bytes, 'battery.category'), batteryRow(bytes, 'battery.vehicleClass')]));
    const lists = sheetXmlOf(bytes, sheetTitle('lists'));
    for (const s of ['>stationary<', '>M1<', '>固定式储能电池<', '>Stationary energy storage battery<']) expect(lists).toContain(s);
    const wbOf = (b: Uint8Array) => strFromU8(unzipSync(b)['xl/workbook.xml']!);
    expect(wbOf(buildInputWorkbook(load('aluminium-ingot-ningxia.json')))).not.toContain(`"${sheetTitle('battery')}"`);
    expect(wbOf(buildInputWorkbook())).toContain(`"${sheetTitle('battery')}"`);
    const ins = sheetXmlOf(bytes, sheetTitle('instructions'));
    expect(ins).toContain('电池');
    expect(ins).toContain('The sheet Battery is optional');
  });

  it('round trip of every kind of battery row (lists, yes/no, repeated lines, performance classes)', () => {
    const ds = richer();
    expect(ds.battery?.performanceClasses).toHaveLength(2);
    const r = importBytes(buildInputWorkbook(ds), 'input.xlsx');
    expect(r.kind === 'workbook' && r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.kind === 'workbook' && r.dataset).toEqual(ds);
  });

  it('a filled-in empty workbook without battery rows imports without battery details', () => {
    const ds = load('cement-grey-portland.json');
    const r = importBytes(buildInputWorkbook(ds), 'input.xlsx');
    expect(r.kind === 'workbook' && r.dataset).toEqual(ds);
    expect(r.kind === 'workbook' && r.dataset && 'battery' in r.dataset).toBe(false);
  });

  it('reports bad battery cells with sheet, row, column and a translated fix; a missing detail names its row', () => {
    let bytes = buildInputWorkbook(lfp());
    const catRow = batteryRow(bytes, 'battery.category');
    const pcRow = batteryRow(bytes, 'battery.performanceClasses');
    bytes = setBatteryCell(bytes, catRow, 'submarine');
    bytes = setBatteryCell(bytes, pcRow, 'A about sixty');
    const r = importBytes(bytes, 'x.xlsx');
    expect(r.kind).toBe('workbook');
    if (r.kind !== 'workbook') return;
    expect(r.dataset).toBeUndefined();
    expect(r.problems.find((p) => p.message.key === 'import:problem.notInList')).toMatchObject({ sheet: sheetTitle('battery'), row: catRow, column: 'D', field: 'battery.category', fix: { key: 'import:fix.useList', params: { allowed: 'ev, lmt, industrial, stationary' } } });
    expect(r.problems.find((p) => p.message.key === 'import:problem.performanceClass')).toMatchObject({ sheet: sheetTitle('battery'), row: pcRow, column: 'D', fix: { key: 'import:fix.performanceClass' } });
    // EV without vehicle class: the schema's own rule, located on the (empty) vehicle-class row
    let ev = buildInputWorkbook(lfp());
    ev = setBatteryCell(ev, batteryRow(ev, 'battery.category'), '电动汽车电池');
    const e = importBytes(ev, 'x.xlsx');
    expect(e.kind === 'workbook' && e.dataset).toBeUndefined();
    const vc = e.kind === 'workbook' ? e.problems.find((p) => p.severity === 'error') : undefined;
    expect(vc).toMatchObject({ sheet: sheetTitle('battery'), row: batteryRow(ev, 'battery.vehicleClass'), field: 'battery.vehicleClass' });
  });

  it(hasSoffice ? 'battery details survive a LibreOffice re-save' : 'battery LibreOffice round trip (SKIPPED: soffice not installed)', { timeout: 150_000 }, (ctx) => {
    if (!hasSoffice) { ctx.skip(); return; }
    const ds = richer();
    const saved = resaveWithLibreOffice(buildInputWorkbook(ds), { recalc: false, timeout: 140_000 });
    expect(saved).toBeDefined();
    const r = importBytes(saved!, 'saved.xlsx');
    expect(r.kind === 'workbook' && r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.kind === 'workbook' && r.dataset).toEqual(ds);
  });
});

import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { fillOfficialTemplate } from '../cbam/docs/template';
import { computeSee } from '../cbam/docs/see';
import { parseCbamDocData } from '../cbam/docs/parse';
import { validateDataset } from '../model/validate';
import { sampleText } from '../../../test/helpers/samples';
import { hasSoffice, resaveWithLibreOffice } from '../../../test/helpers/office';
import { SHARED, sharedFile } from '../../../test/helpers/tools';
import { importBytes } from './import';

const TEMPLATE = sharedFile('cbam/official/CBAM Communication template for installations_en_20241213.xlsx');
const haveTemplate = TEMPLATE !== undefined;
const supplierData = () => JSON.parse(readFileSync('test/fixtures/cbam-docs/aluminium-installation.json', 'utf8'));

/** Let LibreOffice calculate the filled template, as the supplier's Excel would before sending it. */
function recalc(bytes: Uint8Array): Uint8Array {
  const saved = resaveWithLibreOffice(bytes, { recalc: true, timeout: 110_000 });
  expect(saved, 'LibreOffice saved the calculated workbook').toBeDefined();
  return saved!;
}

describe.skipIf(!haveTemplate)(`supplier's communication template ${SHARED}`, () => {
  let filled: Uint8Array;
  beforeAll(() => {
    filled = fillOfficialTemplate(new Uint8Array(readFileSync(TEMPLATE!)), supplierData()).bytes;
  });

  it('a filled but never calculated template: each product is reported, with how to fix it', () => {
    const r = importBytes(filled, 'supplier.xlsx');
    expect(r.kind).toBe('supplier');
    if (r.kind !== 'supplier') return;
    expect(r.products).toEqual([]);
    const p = r.problems.filter((q) => q.message.key === 'import:supplier.notCalculated');
    expect(p.map((q) => q.row)).toEqual([10, 11]);
    expect(p[0]!.fix?.key).toBe('import:fix.recalculate');
    expect(r.installation).toMatchObject({ name: '宁夏示例铝业有限公司', country: 'CN', unlocode: 'CNINC' });
  });

  it.skipIf(!hasSoffice)('takes the SEE of each product, calculated by the workbook, as actual precursor values', { timeout: 150_000 }, () => {
    const calculated = recalc(filled);
    const see = computeSee(parseCbamDocData(supplierData()));
    const base = validateDataset(sampleText('aluminium-ingot-ningxia.json')).dataset!;
    const withPrecursor = structuredClone(base);
    withPrecursor.inventory.push({
      id: 'AL-SUP',
      description: 'Aluminium ingot bought for remelting',
      stage: 'raw-material-acquisition',
      category: 'precursor-material',
      location: 'upstream',
      activity: { amount: 1000, unit: 't' },
      emissions: { kind: 'factors', massUnit: 't', perUnit: 't', gases: { CO2e: 16 }, source: { name: 'Default value (placeholder)' } },
      dataType: 'secondary',
      precursor: { cnCode: '76011010' },
    });
    const r = importBytes(calculated, 'supplier-2025.xlsx', { base: validateDataset(withPrecursor).dataset! });
    expect(r.kind).toBe('supplier');
    if (r.kind !== 'supplier') return;
    const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
    expect(r.products.map((p) => [p.cnCode, r4(p.direct), r4(p.indirect)])).toEqual(
      see.products.map((p, i) => [['76011010', '76061299'][i], r4(p.seeDirect), r4(p.seeIndirect)]),
    );
    expect(r.applied).toEqual([{ lineId: 'AL-SUP', cnCode: '76011010', row: 10 }]);
    const line = r.dataset!.inventory.find((l) => l.id === 'AL-SUP')!;
    expect(r4(line.precursor!.embedded!.direct)).toBe(r4(see.products[0]!.seeDirect));
    expect(r4(line.precursor!.embedded!.indirect!)).toBe(r4(see.products[0]!.seeIndirect));
    expect(line.precursor!.embedded!.source).toContain('宁夏示例铝业有限公司');
    expect(line.precursor).toMatchObject({ supplierInstallation: '宁夏示例铝业有限公司', countryOfProduction: 'CN' });
    // lines without a matching product are left as they were, and said so
    expect(r.dataset!.inventory.find((l) => l.id === 'AL-01')).toEqual(base.inventory.find((l) => l.id === 'AL-01'));
    expect(r.problems.some((q) => q.message.key === 'import:warn.supplierLineUnmatched')).toBe(true);
    expect(r.problems.some((q) => q.message.key === 'import:warn.supplierProductUnused' && q.row === 11)).toBe(true);
  });
});

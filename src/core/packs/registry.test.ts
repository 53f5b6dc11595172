import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import gbtRaw from '../../../rules/cn-gbt24067-2024/pack.json';
import { footprintPacks, library, loadElectricityFactors, loadFootprintPack, PackError } from './registry';
import { SHARED, sharedFile } from '../../../test/helpers/tools';

const REF = sharedFile('reference/battery-china-arab.md');
const hasRef = REF !== undefined;

describe('footprint packs', () => {
  it('lists the installed packs with version, status and dates', () => {
    const p = [...footprintPacks().values()];
    expect(p.map((x) => [x.id, x.status, x.gwpSet.id])).toEqual([
      ['cn-gbt24067-2024', 'in-force', 'AR6'],
      ['iso14067-2018', 'in-force', 'AR5'],
      ['ghg-protocol-product-2011', 'in-force', 'AR6'],
      ['pas2050-2011', 'in-force', 'AR4'],
      ['eu-pef-2021', 'in-force', 'AR6'],
    ]);
    for (const x of p) {
      expect(x.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(x.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
  it.each([
    ['a missing GWP set', (p: any) => delete p.gwpSet, 'gwpSet'],
    ['an unknown stage', (p: any) => (p.stages.counted = ['production', 'recycling']), 'stages.counted.1'],
    ['an unknown check function', (p: any) => (p.checks[0].fn = 'magic'), 'checks.0.fn'],
    ['a bad legal status', (p: any) => (p.status = 'rumoured'), 'status'],
    ['a duplicate check id', (p: any) => (p.checks[1].id = p.checks[0].id), 'checks.1.id'],
    ['an end before the start', (p: any) => (p.effectiveTo = '2020-01-01'), 'effectiveTo'],
  ])('refuses a broken pack (%s), naming the field', (_n, mutate, field) => {
    const raw = structuredClone(gbtRaw) as any;
    mutate(raw);
    try {
      loadFootprintPack(raw);
      expect.unreachable('pack should be refused');
    } catch (e) {
      expect(e).toBeInstanceOf(PackError);
      expect((e as PackError).problems.map((m) => m.params?.field)).toContain(field);
    }
  });
});

describe('reference tables', () => {
  it('China electricity factors: what was not found has no value', () => {
    const t = library().electricity;
    const nx23 = t.factors.find((f) => f.id === 'cn-mee-co2-2023-ningxia')!;
    expect(nx23).toMatchObject({ status: 'not-found', value: null });
    expect(t.factors.find((f) => f.id === 'cn-mee-co2-2021-ningxia')!.value).toBe(0.6546);
    expect(t.factors.find((f) => f.id === 'cn-mee-co2-2022-ningxia')!.value).toBe(0.6423);
    expect(t.factors.find((f) => f.id === 'cn-cfp-2023-national')!.value).toBe(0.6205);
    expect(t.factors.find((f) => f.id === 'cn-cfp-2024-national')!.value).toBe(0.5777);
    expect(() => loadElectricityFactors({ ...t, factors: [{ ...nx23, value: 0.6 }] })).toThrow(PackError);
  });

  it.skipIf(!hasRef)(`GWP sets match the reference table (battery-china-arab.md §4.1) ${SHARED}`, () => {
    const md = readFileSync(REF!, 'utf8');
    const sec = md.slice(md.indexOf('### 4.1'), md.indexOf('### 4.2'));
    const rows = new Map<string, string[]>();
    for (const line of sec.split('\n')) {
      const cells = line.split('|').map((c) => c.trim());
      if (cells.length > 5) rows.set(cells[1]!, cells.slice(2, 6));
    }
    const n = (s: string) => Number(s.replace(/\*|\s|≈.*|\(.*\)/g, ''));
    const sets = library().gwp.sets;
    const check = (ref: string, gas: string) => {
      const r = rows.get(ref)!;
      expect(sets.AR4!.values[gas as 'N2O'], `${gas} AR4`).toBe(n(r[1]!));
      expect(sets.AR5!.values[gas as 'N2O'], `${gas} AR5`).toBe(n(r[2]!));
      expect(sets.AR6!.values[gas as 'N2O'], `${gas} AR6`).toBe(n(r[3]!));
    };
    check('N2O', 'N2O');
    check('CF4 (PFC-14)', 'CF4');
    check('C2F6 (PFC-116)', 'C2F6');
    check('SF6', 'SF6');
    check('NF3', 'NF3');
    check('HFC-23', 'HFC-23');
    check('HFC-134a', 'HFC-134a');
    expect(sets.AR6!.values.CH4_fossil).toBe(29.8);
    expect(sets.AR5!.values.CH4_fossil).toBe(30);
    expect(sets.AR6!.uncertain?.CH4_biogenic).toMatch(/27\.9/);
  });

  it.skipIf(!hasRef)(`China grid factors match the reference table (battery-china-arab.md §3.2) ${SHARED}`, () => {
    const md = readFileSync(REF!, 'utf8');
    const sec = md.slice(md.indexOf('### 3.2'), md.indexOf('### 3.3'));
    const byLabel = (label: string) => {
      const line = sec.split('\n').find((l) => l.includes(label))!;
      return line
        .split('|')
        .slice(2, 5)
        .map((c) => Number(c.replace(/\*/g, '').trim()));
    };
    const f = (id: string) => library().electricity.factors.find((x) => x.id === id)!.value;
    const regions: [string, string][] = [
      ['North China', 'north'],
      ['Northeast', 'northeast'],
      ['East', 'east'],
      ['Central', 'central'],
      ['Northwest', 'northwest'],
      ['South 南方', 'south'],
      ['Southwest', 'southwest'],
    ];
    for (const [label, id] of regions) {
      const [y21, y22, y23] = byLabel(label);
      expect([f(`cn-mee-co2-2021-${id}`), f(`cn-mee-co2-2022-${id}`), f(`cn-mee-co2-2023-${id}`)], label).toEqual([y21, y22, y23]);
    }
    const [n21, n22, n23] = byLabel('National average');
    expect([f('cn-mee-co2-2021-national'), f('cn-mee-co2-2022-national'), f('cn-mee-co2-2023-national')]).toEqual([n21, n22, n23]);
  });
});

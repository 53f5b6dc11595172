import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { computedFig, datasetFig, LegalRefSchema, legalRefOf, ruleFig, userFig, type LegalRef } from './figure';
import { RuleRefSchema, type RuleRef } from './cbam/rules/schema';

describe('the shared figure type', () => {
  it('a legal reference keeps only the fields given', () => {
    expect(legalRefOf({ act: 'Regulation (EU) 2023/956', annex: undefined, table: '', note: 'n' }, 'likely')).toEqual({
      act: 'Regulation (EU) 2023/956',
      note: 'n',
      confidence: 'likely',
    });
    expect(legalRefOf({ act: 'A', annex: 'Annex II' })).toEqual({ act: 'A', annex: 'Annex II' });
  });
  it('figures carry their source kind; uncertain only when flagged', () => {
    expect(ruleFig(265, '1', { act: 'A' }, true)).toEqual({ value: 265, unit: '1', source: { kind: 'rule', ref: { act: 'A' } }, uncertain: true });
    expect(computedFig(1.5, 'tCO2e/t', 'x / y')).toEqual({ value: 1.5, unit: 'tCO2e/t', source: { kind: 'computed', formula: 'x / y' } });
    expect(computedFig(1, '1', 'cbam:formulas.cscfAssumed', true, { year: 2027 }).source).toEqual({
      kind: 'computed',
      formula: 'cbam:formulas.cscfAssumed',
      params: { year: 2027 },
    });
    expect(userFig(0.6, 'tCO2/MWh', 'electricity.euDefaultEf').source).toEqual({ kind: 'user', field: 'electricity.euDefaultEf' });
    expect(datasetFig(2, 't', ['L1']).source).toEqual({ kind: 'dataset', lines: ['L1'] });
    expect(datasetFig(2, 't', [], 'basis.production').source).toEqual({ kind: 'dataset', lines: [], note: 'basis.production' });
  });
  it("a rule's legal reference in pack data is the figure's LegalRef: one schema, one type", () => {
    expect(RuleRefSchema).toBe(LegalRefSchema);
    const ref: RuleRef = { act: 'Implementing Regulation (EU) 2025/2621', annex: 'Annex I', confidence: 'uncertain' };
    const same: LegalRef = ref;
    expect(LegalRefSchema.parse(same)).toEqual(ref);
    expect(LegalRefSchema.safeParse({ act: '' }).success).toBe(false);
    expect(LegalRefSchema.safeParse({ act: 'A', confidence: 'maybe' }).success).toBe(false);
  });
});

// ------------------------------------------------------------------------------------------------ no look-alikes

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Types in src/core that have a number `value` and a string `unit` but are not the shared figure, each with why.
 * The list may only shrink: a new look-alike fails the test below (use `Fig` of src/core/figure.ts), and an entry
 * that no longer exists must leave the list.
 */
const ALLOWED: Record<string, string> = {
  'src/core/cbam/activity.ts:ConstantRef':
    "a rule-pack constant quoted by a calculated figure (its `constants`): the pack file's Figure (pack Source and confidence) under its id, printed as 'id = value unit — act, annex, table'",
  'src/core/engine/types.ts:substitute':
    "the footprint engine's emission factor substituted for a line: a library factor (id, year, citation text), not a figure of a result",
  'src/core/label/catalogue.ts:GradeResult':
    "the grade of China's label catalogue for a product: the threshold value of the grading scheme, which carries the source",
  'src/core/label/sheet.ts:figure':
    "a figure of China's label sheet cited by the footprint packs' SourceRef (act, clause, title, url), the legal reference of the footprint packs, not of the CBAM packs",
  'src/core/battery/electricity.ts:reported':
    'a row of the electricity trace of a battery declaration: the factor the study reported (null when it gave none), its id and kind',
  'src/core/battery/electricity.ts:applied':
    'a row of the electricity trace of a battery declaration: the factor the rules applied (null when none), its id, year and act',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** Interfaces and object types of a source text with a member `value: number` (or number | null) and `unit: string`, as "file:name". */
function lookAlikes(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const nameOf = (n: ts.Node): string => {
    if (ts.isInterfaceDeclaration(n)) return n.name.text;
    for (let p = n.parent; p; p = p.parent)
      if ((ts.isTypeAliasDeclaration(p) || ts.isInterfaceDeclaration(p) || ts.isPropertySignature(p) || ts.isVariableDeclaration(p)) && p.name)
        return p.name.getText(sf);
    return `<type>@${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isInterfaceDeclaration(n) || ts.isTypeLiteralNode(n)) {
      const m = new Map<string, string>();
      for (const p of n.members) if (ts.isPropertySignature(p) && p.type) m.set(p.name.getText(sf), p.type.getText(sf).replace(/\s+/g, ' '));
      if (/^number( \| null)?$/.test(m.get('value') ?? '') && m.get('unit') === 'string') out.push(`${file}:${nameOf(n)}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('one figure type in src/core', () => {
  it('the scan finds a look-alike figure (interface, type alias or inline object type)', () => {
    expect(lookAlikes('x.ts', 'export interface Sourced { value: number; unit: string; source: string }')).toEqual(['x.ts:Sourced']);
    expect(lookAlikes('x.ts', 'type R = { ok: true; cost: { value: number | null;\n unit: string } };')).toEqual(['x.ts:cost']);
    expect(lookAlikes('x.ts', 'export type F = Fig & { id: string }; interface G { value: number; units: string }')).toEqual([]);
  });
  it('no type in src/core besides Fig has both a number value and a string unit (other than the listed ones)', () => {
    const found = sources(join(ROOT, 'src', 'core'))
      .map((p) => relative(ROOT, p).split('\\').join('/'))
      .filter((f) => f !== 'src/core/figure.ts')
      .flatMap((f) => lookAlikes(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(found.length).toBeGreaterThan(0); // the listed ones: the scan reads the sources
    expect(
      found.filter((k) => !(k in ALLOWED)),
      'a new figure look-alike: use Fig (src/core/figure.ts) or list it in ALLOWED with the reason',
    ).toEqual([]);
    expect(
      Object.keys(ALLOWED).filter((k) => !found.includes(k)),
      'no longer a look-alike: remove it from ALLOWED',
    ).toEqual([]);
  });
});

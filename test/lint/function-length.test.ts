/**
 * No function in src/core is longer than 150 lines (guide: small pure functions). Measured with the TypeScript
 * compiler: every function declaration, method, function expression and arrow function, from its first to its last
 * line. Functions already longer when this test was written are listed with their length as debt: they may only
 * shrink (the test fails if one grows, and when one gets under the limit it must leave the list).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LIMIT = 150;
const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Debt: functions over the limit, with their length in lines when listed. Empty since issue 8 (applyMapping, 353
 * lines formatted, was split into the steps of src/core/io/mapping*.ts); kept so that a future entry may only shrink.
 */
const KNOWN_LONG: Record<string, number> = {};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

export function functionLengths(dir = join(ROOT, 'src', 'core')): Array<{ name: string; lines: number }> {
  const out: Array<{ name: string; lines: number }> = [];
  for (const path of sources(dir)) {
    const file = relative(ROOT, path).split('\\').join('/');
    const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
    const visit = (n: ts.Node): void => {
      if (
        (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isConstructorDeclaration(n)) &&
        n.body
      ) {
        const start = line(n.getStart());
        const name =
          (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name
            ? n.name.getText()
            : ts.isVariableDeclaration(n.parent)
              ? n.parent.name.getText()
              : `<anonymous>@${start}`;
        out.push({ name: `${file}:${name}`, lines: line(n.getEnd()) - start + 1 });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

describe(`functions in src/core are at most ${LIMIT} lines`, () => {
  const all = functionLengths();
  it('measures (the scan finds the functions)', () => {
    expect(all.length).toBeGreaterThan(500);
    expect(all.find((f) => f.name === 'src/core/cbam/kernel.ts:specificEmbedded')?.lines).toBeGreaterThan(3);
  });
  it('no new function over the limit; listed ones never grow', () => {
    const over = all.filter((f) => f.lines > LIMIT);
    const unlisted = over.filter((f) => !(f.name in KNOWN_LONG)).map((f) => `${f.name} (${f.lines} lines)`);
    expect(unlisted).toEqual([]);
    const grown = over.filter((f) => f.name in KNOWN_LONG && f.lines > KNOWN_LONG[f.name]!).map((f) => `${f.name}: ${KNOWN_LONG[f.name]} → ${f.lines}`);
    expect(grown).toEqual([]);
  });
  it('the debt list holds only functions still over the limit', () => {
    const stillOver = new Set(all.filter((f) => f.lines > LIMIT).map((f) => f.name));
    expect(Object.keys(KNOWN_LONG).filter((k) => !stillOver.has(k))).toEqual([]);
  });
});

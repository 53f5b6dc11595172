/**
 * The quarterly statement and the annual declaration in Chinese and Arabic (issue 10, document leaks): the printed
 * sources of every figure (rule notes and locators, the user's fields, composite sources, formulas) are in the
 * document's language — only codes, units, act names and the user's own words stay in Latin script.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { allT } from '../../../../test/helpers/i18n';
import { leaks } from '../../../../test/helpers/leak-check';
import type { TFunction } from '../../i18n/translate';
import { readLedgerCsv } from './ledger';
import { annualDeclarationXlsx, buildAnnualDeclaration, buildQuarterlyStatement, quarterlyStatementXlsx } from './statements';

let T: Record<'en' | 'zh' | 'ar', TFunction>;
beforeAll(async () => {
  T = await allT();
});

const ledger = () => readLedgerCsv(new Uint8Array(readFileSync('test/fixtures/cbam-docs/imports-2026.csv')));
/** The ledger's own words (supplier names): the user's data, shown as typed. */
const own = new Set([...readFileSync('test/fixtures/cbam-docs/imports-2026.csv', 'utf8').matchAll(/[A-Za-z][A-Za-z0-9'’-]*[A-Za-z0-9]/g)].map((m) => m[0]));

/** Every text cell of an xlsx (shared strings and inline strings). */
function cellTexts(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  return Object.entries(files)
    .filter(([n]) => /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(n))
    .map(([, b]) => [...strFromU8(b).matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]!).join('\n'))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

describe('CBAM statements in the reader’s language', () => {
  for (const lng of ['zh', 'ar'] as const) {
    it(`quarterly statements 2026-Q1 … Q4 (${lng})`, () => {
      const t = (k: string, p?: Record<string, string | number>) => T[lng](k, p);
      const found: string[] = [];
      for (const q of ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']) {
        const s = buildQuarterlyStatement(ledger(), q, { t, prices: { '2026-Q4': 80 } });
        for (const l of leaks(cellTexts(quarterlyStatementXlsx(s, t)), lng, own)) found.push(`${q}: ${l}`);
      }
      expect(found).toEqual([]);
    });
    it(`annual declaration 2026 (${lng})`, () => {
      const t = (k: string, p?: Record<string, string | number>) => T[lng](k, p);
      const d = buildAnnualDeclaration(ledger(), 2026, { t, prices: { '2026-Q4': 80 } });
      expect(leaks(cellTexts(annualDeclarationXlsx(d, t)), lng, own)).toEqual([]);
    });
  }
  it('English stays the default', () => {
    const s = buildQuarterlyStatement(ledger(), '2026-Q1');
    expect(s.lines[0]!.netMass.source).toBe('imports ledger');
    expect(s.lines[0]!.sefa.source).toMatch(/^benchmark 1\.37 \(/);
  });
});

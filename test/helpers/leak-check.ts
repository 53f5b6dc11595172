/**
 * The language-leak checker (issue 10), shared by the view test (test/e2e/leaks.test.ts) and the documents test
 * (test/e2e/leaks-documents.test.ts): a text shown to a reader in Chinese or Arabic must contain no raw translation
 * key, no project file ("reference/…"), no programming identifier (CO2_fossil, SEE_dir, sumExact) and no Latin-script
 * word outside an allow-list of codes, units and act names. `leaks(text, lng)` returns each finding as "kind: excerpt".
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';

const root = join(import.meta.dirname, '..', '..');

/** Codes, units, act and standard names, product names that stay in Latin script in every language. */
export const ALLOWED = new Set(
  (
    'CBAM EU UK GB ISO IEC IPCC GWP CO CO2 CO2e CH4 N2O SF6 NF3 PFC PFCs HFC HFCs CF4 C2F6 kg kWh MWh GWh TJ GJ MJ Nm3 km tkm EUR CNY USD CN HS TARIC ' +
    'UTF GBK GB18030 CSV XML XSD JSON PDF XLSX xlsx csv json xml pdf Excel WPS LibreOffice SEE LCA PCF MEE PPA CLCD EORI NCA QReport UN LOCODE UNLOCODE ' +
    'CEMS LFP NMC MIIT IEA ETS EPD PEF Ecoinvent ecoinvent GaBi Regulation Implementing Delegated Directive Decision Annex Annexes Article Commission ' +
    'Ares OJ TC DirEm AttrEm SEF Q1 Q2 Q3 Q4 AR4 AR5 AR6 BOM MRV CCS CCU CCUS TRACES NCV EF IDs ID Ningxia NDRC SAMR CNAS CQC BSI TÜV SGS DNV ' +
    // data models named by their publishers (the battery passport's)
    'BatteryPass BatteryPass-Ready ' +
    // the product's name and the language switch (each language named in its own script)
    'CarbonBridge carbonbridge English tCO2 kgCO2 tCO2e kgCO2e tkm Ctrl Shift piece m3 xls xlsx eu-cbam kW Table'
  ).split(/\s+/),
);

/** Codes that are not words: addresses (https://…, www.example.cn), file names (sample.json), URL parameters (?lang=zh), version numbers (v2.1.1). */
export const CODES =
  /https?:\/\/\S+|\b(?:[a-z0-9-]+\.)+(?:cn|com|org|net|eu|int|gov|io|rs|cc|uk|ae|sa|eg|de|fr)\b(?:\/\S*)?|\b[\w.-]+\.(?:json|xlsx|xls|csv|xml|pdf|html)\b|[?&]\w+=\w+|\bv\d+(?:\.\d+)*\b/g;

/** A raw translation key ($t:ns:key, {{param}}, a dotted key path), and a project file or research-note locator. */
export const RAW_KEY = /\$t[:.][\w.:-]+|\{\{\w+\}\}|\b[a-z][a-zA-Z]+(?:\.[a-zA-Z][\w-]*){2,}\b/g;
export const PROJECT_FILE = /reference\/\S*|\.md\b\S*|§\s?\d+\.\d+/g;
/** A programming identifier: snake_case with a letter part (CO2_fossil, SEE_dir) or camelCase (sumExact). */
export const IDENTIFIER = /\b[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+\b|\b[a-z]+[A-Z][a-z]+[A-Za-z]*\b/g;
/** Sources that are not sources: code documentation and unofficial mirrors of legal texts, never cited to a reader. */
export const UNOFFICIAL = /\b(?:docs\.rs|tanwenku\.cc|yuhaojiang\.com|xktest\.com|github\.com|crates\.io)\b\S*/g;
const LATIN_WORD = /[A-Za-z][A-Za-z0-9'’-]*[A-Za-z0-9]/g;

/** The command-line tool's command names (codes a user types, e.g. "carbonbridge cbam-calc"), read from the commands. */
export const CLI_COMMANDS = new Set(
  readdirSync(join(root, 'src', 'cli', 'commands'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .flatMap((f) => [...readFileSync(join(root, 'src', 'cli', 'commands', f), 'utf8').matchAll(/^\s*name: '([a-z][a-z0-9-]*)',$/gm)].map((m) => m[1]!)),
);

/** Rule-pack ids (shown as codes beside the pack's translated title). */
export const PACK_IDS = new Set(
  readdirSync(join(root, 'rules')).flatMap((d) => {
    try {
      return [JSON.parse(readFileSync(join(root, 'rules', d, 'pack.json'), 'utf8')).id as string];
    } catch {
      return [];
    }
  }),
);

/** Words of the user's own data (the string values of the sample datasets, not their field names): the user's text, shown as typed. */
export function ownWords(): Set<string> {
  const words = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.matchAll(LATIN_WORD)) words.add(m[0]);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const f of readdirSync(join(root, 'public', 'samples')).filter((x) => x.endsWith('.json')))
    walk(JSON.parse(readFileSync(join(root, 'public', 'samples', f), 'utf8')));
  return words;
}

/**
 * What in a text leaks, for a reader of `lng`: each finding as "kind: excerpt". In English only raw keys, project
 * files and identifiers leak; in Chinese and Arabic also every Latin word that is not allowed (codes, units, act
 * names, pack ids, command names) nor the user's own (`own`).
 */
export function leaks(text: string, lng: 'zh' | 'ar' | 'en', own: Set<string> = new Set()): string[] {
  const out = new Set<string>();
  for (const m of text.replace(CODES, ' ').matchAll(RAW_KEY)) out.add(`raw key: ${m[0]}`);
  for (const m of text.matchAll(PROJECT_FILE)) out.add(`project file: ${m[0]}`);
  for (const m of text.matchAll(UNOFFICIAL)) out.add(`unofficial source: ${m[0]}`);
  for (const m of text.replace(CODES, ' ').matchAll(IDENTIFIER)) if (!ALLOWED.has(m[0]) && !own.has(m[0])) out.add(`identifier: ${m[0]}`);
  if (lng === 'en') return [...out];
  for (const m of text.replace(CODES, ' ').matchAll(LATIN_WORD)) {
    const w = m[0];
    if (
      ALLOWED.has(w) ||
      own.has(w) ||
      PACK_IDS.has(w) ||
      CLI_COMMANDS.has(w) ||
      (/^[A-Z0-9-]+$/.test(w) && (w.length <= 8 || /[-\d]/.test(w))) ||
      /^[A-Z]{1,3}\d+[A-Za-z0-9]*$/.test(w) ||
      // gases and refrigerants by their codes (HFC-134a)
      /^[A-Z]{2,5}-\d+[a-z]{0,2}$/.test(w)
    )
      continue;
    out.add(`latin: ${w}`);
  }
  return [...out];
}

/**
 * The text a reader reads in a part of the page (`scope`, a CSS selector; several are joined) with every <details>
 * opened, and the texts of the attributes a user reads (title, aria-label, placeholder). Mathematical variables of the
 * regulation's formulas (<var>) are notation like units; titles of acts and standards (<cite>) keep their official
 * name; a code shown beside its translated name (data-code) is a code; the glossary's equivalents in the other
 * languages (data-equiv) are there on purpose: those are left out. `notation` receives the words left out, so that
 * the same document read back from a PDF (where they cannot be told apart) can allow them.
 */
export async function readableText(page: Page, scope: string, withAttrs = true): Promise<{ text: string; notation: string[] }> {
  return page.evaluate(
    ([scope, withAttrs]) => {
      const parts = Array.from(document.querySelectorAll<HTMLElement>(scope as string));
      parts.forEach((p) => p.querySelectorAll('details').forEach((d) => (d.open = true)));
      const notation: string[] = [];
      const hidden: [HTMLElement, string][] = [];
      for (const p of parts)
        p.querySelectorAll<HTMLElement>('var, cite, [data-code], [data-equiv]').forEach((v) => {
          notation.push(v.innerText ?? v.textContent ?? '');
          hidden.push([v, v.style.display]);
          v.style.display = 'none';
        });
      const text = parts.map((p) => p.innerText).join('\n');
      for (const [v, d] of hidden) v.style.display = d;
      const attrs = withAttrs
        ? parts.flatMap((p) =>
            Array.from(p.querySelectorAll('[title], [aria-label], [placeholder]')).flatMap((e) =>
              ['title', 'aria-label', 'placeholder'].map((a) => e.getAttribute(a) ?? ''),
            ),
          )
        : [];
      return { text: `${text}\n${attrs.join('\n')}`, notation };
    },
    [scope, withAttrs] as const,
  );
}

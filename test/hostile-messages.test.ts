/**
 * Raw placeholders in messages ("reads format version {{supported}}", "“{{value}}” is not a number",
 * "mapField.stage, $t.import.mapField.category", "expected type.record"): every message key of every namespace
 * renders in zh, en and ar with sample parameters without a `{{`, a `$t(` or the bare key; the three languages use
 * the same placeholders; and every literal message the core and the CLI build (msg(…), { key, params },
 * t(…), fileError(…), docError(…)) passes every placeholder its text uses.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadResources } from '../src/cli/i18n';
import { resolveParam, translateMessage, translateProblem, type TFunction } from '../src/core/i18n/translate';
import { allT, LANGS } from './helpers/i18n';
import { validateDataset } from '../src/core/model/validate';
import { sampleJson } from './helpers/samples';

const ROOT = join(import.meta.dirname, '..');
const res = loadResources() as Record<string, Record<string, unknown>>;
let T: Record<(typeof LANGS)[number], TFunction>;
beforeAll(async () => {
  T = await allT();
});

function leaves(o: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (typeof o === 'string') out.set(prefix, o);
  else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}
const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (s: string): Set<string> => new Set([...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!));

/** key (ns:path without plural suffix) → placeholders per language. */
const KEYS = new Map<string, Record<string, Set<string>>>();
/** keys written in plural forms (the caller passes a count to pick the form, even when the text does not show it) */
const PLURAL_KEYS = new Set<string>();
for (const lng of LANGS) {
  for (const [ns, tree] of Object.entries(res[lng] ?? {})) {
    for (const [k, v] of leaves(tree, '', new Map())) {
      const key = `${ns}:${k.replace(PLURAL, '')}`;
      if (PLURAL.test(k)) PLURAL_KEYS.add(key);
      const e = KEYS.get(key) ?? {};
      const set = e[lng] ?? new Set<string>();
      for (const p of placeholders(v)) set.add(p);
      e[lng] = set;
      KEYS.set(key, e);
    }
  }
}

describe('every message key renders in zh, en and ar with sample parameters', () => {
  it('no {{, no $t(, no bare key, in any language', () => {
    const bad: string[] = [];
    for (const [key, per] of KEYS) {
      const params: Record<string, unknown> = { interpolation: { escapeValue: false } };
      for (const set of Object.values(per)) for (const p of set) params[p] = p === 'count' ? 3 : `‹${p}›`;
      if (PLURAL_KEYS.has(key) || Object.values(per).some((s) => s.has('count'))) params.count = 3;
      for (const lng of LANGS) {
        const s = T[lng](key, params);
        if (/\{\{|\$t\(|\$t:|\$raw:/.test(s) || s === key || s === key.split(':')[1]) bad.push(`${lng} ${key}: ${s.slice(0, 120)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('zh and ar use the placeholders en uses (a placeholder only one language has would stay raw there)', () => {
    const bad: string[] = [];
    for (const [key, per] of KEYS) {
      // a parameter given per language (name_zh / name_en / name_ar) counts as the same placeholder
      const norm = (x: string) => x.replace(/_(zh|en|ar)$/, '');
      const en = new Set([...(per.en ?? [])].map(norm));
      for (const lng of ['zh', 'ar'] as const) {
        const other = per[lng] ?? new Set();
        for (const p of other) if (!en.has(norm(p)) && p !== 'count') bad.push(`${lng} ${key}: {{${p}}} not in en`);
      }
    }
    expect(bad).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// literal messages built by the core and the CLI

function files(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.ts$/.test(f) && !/\.test\.ts$/.test(f)) out.push(p);
  }
  return out;
}

/** The text of a balanced {…} starting at `i` (s[i] === '{'). */
function braced(s: string, i: number): string | undefined {
  let depth = 0;
  for (let k = i; k < s.length && k < i + 4000; k++) {
    const c = s[k];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') {
      depth--;
      if (depth === 0) return s.slice(i + 1, k);
    } else if (c === "'" || c === '"' || c === '`') {
      const q = c;
      for (k++; k < s.length && s[k] !== q; k++) if (s[k] === '\\') k++;
    }
  }
  return undefined;
}

/** Top-level property names of an object literal's body; undefined when it spreads another object. */
function propNames(body: string): Set<string> | undefined {
  const names = new Set<string>();
  let depth = 0;
  let token = '';
  let expectKey = true;
  for (let k = 0; k < body.length; k++) {
    const c = body[k]!;
    if (c === "'" || c === '"' || c === '`') {
      const q = c;
      let lit = '';
      for (k++; k < body.length && body[k] !== q; k++) {
        if (body[k] === '\\') k++;
        lit += body[k];
      }
      if (depth === 0 && expectKey) token = lit;
      continue;
    }
    if ('{(['.includes(c)) {
      depth++;
      expectKey = false;
      continue;
    }
    if ('})]'.includes(c)) {
      depth--;
      continue;
    }
    if (depth > 0) continue;
    if (c === '.' && body.startsWith('...', k) && expectKey) return undefined;
    if (c === ':' && expectKey) {
      if (token) names.add(token);
      token = '';
      expectKey = false;
      continue;
    }
    if (c === ',') {
      if (expectKey && token) names.add(token);
      token = '';
      expectKey = true;
      continue;
    }
    if (/[\w$]/.test(c) && expectKey) token += c;
    else if (!/\s/.test(c) && expectKey) token = '';
  }
  if (expectKey && token) names.add(token);
  return names;
}

interface Use {
  file: string;
  key: string;
  params: Set<string> | undefined;
}
function uses(): Use[] {
  const out: Use[] = [];
  for (const file of [...files(join(ROOT, 'src/core')), ...files(join(ROOT, 'src/cli'))]) {
    const s = readFileSync(file, 'utf8');
    const rel = relative(ROOT, file);
    const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
      [/\bmsg\(\s*'([a-z]+:[\w.]+)'\s*(,\s*)?/g, (m) => m[1]!],
      [/\bt\(\s*'([a-z]+:[\w.]+)'\s*(,\s*)?/g, (m) => m[1]!],
      [/\bfileError\(\s*'([\w.]+)'\s*(,\s*)?/g, (m) => `import:error.${m[1]}`],
      [/\bdocError\(\s*'([\w.]+)'\s*(,\s*)?/g, (m) => `cbamdocs:${m[1]}`],
      [/\{\s*key:\s*'([a-z]+:[\w.]+)'\s*(,\s*params:\s*)?/g, (m) => m[1]!],
    ];
    for (const [re, keyOf] of patterns) {
      for (let m = re.exec(s); m; m = re.exec(s)) {
        const after = m.index + m[0].length;
        let params: Set<string> | undefined = new Set();
        if (m[2]) {
          if (s[after] === '{') {
            const body = braced(s, after);
            params = body === undefined ? undefined : propNames(body);
          } else params = undefined; // a variable: not checked
        }
        out.push({ file: rel, key: keyOf(m), params });
      }
    }
  }
  return out;
}

describe('literal messages of the core and the CLI pass every placeholder their text uses', () => {
  const all = uses();
  it('the scan finds the messages (it can fail)', () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all.some((u) => u.key === 'core:validation.unknownVersion')).toBe(true);
  });
  it('no missing parameter, no unknown key', () => {
    const bad: string[] = [];
    for (const u of all) {
      const base = u.key.replace(PLURAL, '');
      const per = KEYS.get(base);
      if (!per) {
        // a prefix of a key family built at run time (e.g. 'cli:severity.' + x) is not a message
        if (![...KEYS.keys()].some((k) => k.startsWith(`${base}.`))) bad.push(`${u.file}: unknown key ${u.key}`);
        continue;
      }
      if (!u.params) continue;
      const params = u.params;
      // per-language parameters (name_zh, name_en, name_ar) are needed together once one of them is passed
      const perLanguage = (p: string) => /_(zh|en|ar)$/.test(p);
      const need = new Set(
        [...(per.en ?? []), ...(per.zh ?? []), ...(per.ar ?? [])].filter((p) => !perLanguage(p) || params.has(p.replace(/_(zh|en|ar)$/, '_en'))),
      );
      for (const p of need) if (!params.has(p)) bad.push(`${u.file}: ${u.key} lacks {{${p}}}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('parameters that are themselves keys ($t:) are translated, also in lists', () => {
  it('a list of $t: parameters is translated item by item', () => {
    for (const lng of LANGS) {
      const s = String(resolveParam(T[lng], '$t:import:mapField.stage, $t:import:mapField.category'));
      expect(s, lng).not.toMatch(/\$t|mapField/);
      expect(s.split(', ')).toHaveLength(2);
    }
  });
  it('schema messages name their field and the expected kind in words (no "type.record")', () => {
    const d = sampleJson('aluminium-ingot-ningxia.json');
    d.inventory[0].emissions.gases = 'CO2';
    d.formatVersion = 'one';
    for (const p of validateDataset(JSON.stringify(d)).problems)
      for (const lng of LANGS) expect(translateProblem(T[lng], p), `${lng} ${p.message.key}`).not.toMatch(/\{\{|\$t|type\.|core:/);
    const v = validateDataset(JSON.stringify({ ...sampleJson('aluminium-ingot-ningxia.json'), formatVersion: 7.5 }));
    for (const lng of LANGS) expect(translateMessage(T[lng], v.problems[0]!.message), lng).not.toMatch(/\{\{/);
  });
});

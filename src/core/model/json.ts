/**
 * A small strict JSON reader for every JSON file CarbonBridge reads (datasets, corrections, report info,
 * activity data, mappings), run before the zod schemas. Unlike `JSON.parse` it reports, with the path of the
 * value: duplicate keys (JSON.parse silently keeps the last one), the keys `__proto__`, `constructor` and
 * `prototype` (never stored), nesting deeper than `maxDepth`, text longer than `maxStringChars`, and numbers
 * outside the documented range (see NUMBER_RANGE; 1e400 is not read as Infinity, 1e-320 is not a denormal).
 * Syntax errors give the line and column. The limits are documented in docs/dataset-format.md.
 */
import { msg } from '../i18n/message';
import type { Problem } from './problems';

/** Every number in an input is 0 or has a magnitude in [min, max]. */
export const NUMBER_RANGE = { min: 1e-12, max: 1e15 } as const;
/** The range as people write it (message parameters). */
export const NUMBER_RANGE_TEXT = { min: '1e-12', max: '1e15' } as const;

export const JSON_LIMITS = {
  /** Deepest nesting of objects and arrays. */
  maxDepth: 64,
  /** Longest text value or key (Excel's cell limit). */
  maxStringChars: 32_767,
  /** Largest JSON file read (checked before reading: File.size in the browser, stat in the CLI). */
  maxFileBytes: 64 * 1024 * 1024,
  /** Most problems reported by the reader itself (the rest are counted). */
  maxProblems: 200,
} as const;

/** True when `n` is a finite number in the documented range (0 or min ≤ |n| ≤ max). */
export function inNumberRange(n: number): boolean {
  if (!Number.isFinite(n)) return false;
  const a = n < 0 ? -n : n;
  return a === 0 || (a >= NUMBER_RANGE.min && a <= NUMBER_RANGE.max);
}

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; problems: Problem[]; dropped: number };

export interface StrictJsonOptions {
  maxDepth?: number;
  maxStringChars?: number;
}

class Fatal extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message.key);
  }
}

const show = (s: string): string => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

const lineOf = (path: (string | number)[]): Problem['line'] => (path[0] === 'inventory' && typeof path[1] === 'number' ? { row: path[1] + 1 } : undefined);

function position(text: string, p: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < p; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: p - last };
}

/** A JSON number at the reader's position (sticky). */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Reader {
  i = 0;
  readonly path: (string | number)[] = [];
  readonly problems: Problem[] = [];
  dropped = 0;
  /** Position of the next backslash at or after `i` (cached: searching again for every string would be quadratic). */
  private bs = -1;
  constructor(
    readonly s: string,
    readonly maxDepth: number,
    readonly maxString: number,
  ) {}

  report(key: string, params: Record<string, string | number>, path = this.path): void {
    if (this.problems.length >= JSON_LIMITS.maxProblems) {
      this.dropped++;
      return;
    }
    const p = [...path];
    const line = lineOf(p);
    this.problems.push({ severity: 'error', path: p, ...(line ? { line } : {}), message: msg(key, params) });
  }

  syntax(): never {
    const atEnd = this.i >= this.s.length;
    const { line, column } = position(this.s, this.i);
    throw new Fatal({ severity: 'error', path: [], message: msg(atEnd ? 'core:validation.truncatedJson' : 'core:validation.notJson', { line, column }) });
  }

  ws(): void {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.i++;
      else return;
    }
  }

  value(depth: number): unknown {
    this.ws();
    const c = this.s.charCodeAt(this.i);
    if (c === 123 || c === 91) {
      if (depth >= this.maxDepth)
        throw new Fatal({ severity: 'error', path: this.path.slice(0, 6), message: msg('core:validation.tooDeep', { limit: this.maxDepth }) });
      return c === 123 ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === 34) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    if (this.s.startsWith('true', this.i)) {
      this.i += 4;
      return true;
    }
    if (this.s.startsWith('false', this.i)) {
      this.i += 5;
      return false;
    }
    if (this.s.startsWith('null', this.i)) {
      this.i += 4;
      return null;
    }
    return this.syntax();
  }

  object(depth: number): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    this.i++;
    this.ws();
    if (this.s.charCodeAt(this.i) === 125) {
      this.i++;
      return o;
    }
    for (;;) {
      this.ws();
      if (this.s.charCodeAt(this.i) !== 34) this.syntax();
      const k = this.string();
      this.ws();
      if (this.s.charCodeAt(this.i) !== 58) this.syntax();
      this.i++;
      this.path.push(k);
      const v = this.value(depth);
      if (FORBIDDEN_KEYS.has(k)) this.report('core:validation.forbiddenKey', { key: k });
      else if (Object.prototype.hasOwnProperty.call(o, k)) this.report('core:validation.duplicateKey', { key: show(k) });
      else o[k] = v;
      this.path.pop();
      this.ws();
      const c = this.s.charCodeAt(this.i++);
      if (c === 125) return o;
      if (c !== 44) {
        this.i--;
        this.syntax();
      }
    }
  }

  array(depth: number): unknown[] {
    const a: unknown[] = [];
    this.i++;
    this.ws();
    if (this.s.charCodeAt(this.i) === 93) {
      this.i++;
      return a;
    }
    for (let n = 0; ; n++) {
      this.path.push(n);
      a.push(this.value(depth));
      this.path.pop();
      this.ws();
      const c = this.s.charCodeAt(this.i++);
      if (c === 93) return a;
      if (c !== 44) {
        this.i--;
        this.syntax();
      }
    }
  }

  string(): string {
    const s = this.s;
    const start = ++this.i;
    let out = '';
    let from = start;
    for (;;) {
      const q = s.indexOf('"', this.i);
      if (q < 0) {
        this.i = s.length;
        this.syntax();
      }
      if (this.bs < this.i) {
        this.bs = s.indexOf('\\', this.i);
        if (this.bs < 0) this.bs = Infinity;
      }
      const b = this.bs;
      if (b < q) {
        out += s.slice(from, b);
        const e = s.charCodeAt(b + 1);
        let add: string;
        switch (e) {
          case 34:
            add = '"';
            break;
          case 92:
            add = '\\';
            break;
          case 47:
            add = '/';
            break;
          case 98:
            add = '\b';
            break;
          case 102:
            add = '\f';
            break;
          case 110:
            add = '\n';
            break;
          case 114:
            add = '\r';
            break;
          case 116:
            add = '\t';
            break;
          case 117: {
            const h = s.slice(b + 2, b + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(h)) {
              this.i = b;
              this.syntax();
            }
            add = String.fromCharCode(parseInt(h, 16));
            this.i = b + 6;
            from = this.i;
            out += add;
            continue;
          }
          default:
            this.i = b;
            this.syntax();
        }
        out += add;
        this.i = b + 2;
        from = this.i;
        continue;
      }
      // raw control characters are not allowed inside JSON strings
      for (let k = from; k < q; k++)
        if (s.charCodeAt(k) < 32) {
          this.i = k;
          this.syntax();
        }
      out += s.slice(from, q);
      this.i = q + 1;
      if (out.length > this.maxString) {
        this.report('core:validation.textTooLong', { length: out.length, limit: this.maxString });
        return '';
      }
      return out;
    }
  }

  number(): number {
    const s = this.s;
    const start = this.i;
    NUMBER.lastIndex = start;
    const m = NUMBER.exec(s);
    if (!m) this.syntax();
    this.i = start + m[0].length;
    const text = s.slice(start, this.i);
    const n = Number(text);
    if (!inNumberRange(n)) {
      this.report('core:validation.numberRange', { value: show(text), ...NUMBER_RANGE_TEXT });
      return 0;
    }
    return n;
  }
}

/**
 * Parse JSON text strictly. A BOM is ignored. The common case is fast: the platform's JSON.parse builds the value,
 * one walk checks keys, depth, text length and numbers, and a count of the keys written in the text, compared with
 * the keys the value has, reveals a duplicate key (JSON.parse keeps only the last). Any syntax error or duplicate is
 * then located, with its path or line and column, by the reader above.
 */
export function parseJsonStrict(text: string, opts: StrictJsonOptions = {}): StrictJsonResult {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (s.trim() === '') return { ok: false, problems: [{ severity: 'error', path: [], message: msg('core:validation.emptyFile') }], dropped: 0 };
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch {
    return readSlowly(s, opts);
  }
  const walked = walkValue(value, opts);
  if (countKeysInText(s) !== walked.keys) return readSlowly(s, opts);
  if (walked.problems.length) return { ok: false, problems: walked.problems, dropped: 0 };
  return { ok: true, value };
}

/** The reader itself: every problem with its path, syntax errors with line and column. */
function readSlowly(s: string, opts: StrictJsonOptions): StrictJsonResult {
  const r = new Reader(s, opts.maxDepth ?? JSON_LIMITS.maxDepth, opts.maxStringChars ?? JSON_LIMITS.maxStringChars);
  try {
    const value = r.value(0);
    r.ws();
    if (r.i < s.length) r.syntax();
    if (r.problems.length) return { ok: false, problems: r.problems, dropped: r.dropped };
    return { ok: true, value };
  } catch (e) {
    if (e instanceof Fatal) return { ok: false, problems: [...r.problems, e.problem], dropped: r.dropped };
    throw e;
  }
}

/** Object keys written in JSON text (a string followed by a colon), counted without building anything. */
function countKeysInText(s: string): number {
  let n = 0;
  let i = s.indexOf('"');
  while (i >= 0) {
    let q = s.indexOf('"', i + 1);
    // a quote preceded by an odd number of backslashes is escaped
    for (;;) {
      if (q < 0) return -1;
      let b = 0;
      while (s.charCodeAt(q - 1 - b) === 92) b++;
      if ((b & 1) === 0) break;
      q = s.indexOf('"', q + 1);
    }
    let k = q + 1;
    let c = s.charCodeAt(k);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = s.charCodeAt(++k);
    if (c === 58) n++;
    i = s.indexOf('"', k);
  }
  return n;
}

/**
 * The same checks for a value that did not come through the reader (the app's database, the editor, a value
 * built in code): forbidden own keys, nesting depth, text length, numbers in range. Returns the problems found.
 */
export function checkParsedValue(value: unknown, opts: StrictJsonOptions & { prefix?: (string | number)[] } = {}): Problem[] {
  return walkValue(value, opts).problems;
}

/** One walk over a value: its problems and the number of own keys of all its objects. */
function walkValue(value: unknown, opts: StrictJsonOptions & { prefix?: (string | number)[] }): { problems: Problem[]; keys: number } {
  const maxDepth = opts.maxDepth ?? JSON_LIMITS.maxDepth;
  const maxString = opts.maxStringChars ?? JSON_LIMITS.maxStringChars;
  const out: Problem[] = [];
  const path: (string | number)[] = [...(opts.prefix ?? [])];
  let keys = 0;
  const add = (key: string, params: Record<string, string | number>): void => {
    if (out.length >= JSON_LIMITS.maxProblems) return;
    const p = [...path];
    const line = lineOf(p);
    out.push({ severity: 'error', path: p, ...(line ? { line } : {}), message: msg(key, params) });
  };
  const walk = (v: unknown, depth: number): boolean => {
    if (typeof v === 'string') {
      if (v.length > maxString) add('core:validation.textTooLong', { length: v.length, limit: maxString });
      return true;
    }
    if (typeof v === 'number') {
      // NaN (an emptied field in the editor) is the schema's to report
      if (!inNumberRange(v) && !Number.isNaN(v)) add('core:validation.numberRange', { value: show(String(v)), ...NUMBER_RANGE_TEXT });
      return true;
    }
    if (v === null || typeof v !== 'object') return true;
    if (depth >= maxDepth) {
      path.length = Math.min(path.length, 6);
      add('core:validation.tooDeep', { limit: maxDepth });
      return false;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        const go = walk(v[i], depth + 1);
        path.pop();
        if (!go) return false;
      }
      return true;
    }
    for (const k in v) {
      if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
      keys++;
      path.push(k);
      if (FORBIDDEN_KEYS.has(k)) add('core:validation.forbiddenKey', { key: k });
      else if (k.length > maxString) add('core:validation.textTooLong', { length: k.length, limit: maxString });
      const go = walk((v as Record<string, unknown>)[k], depth + 1);
      path.pop();
      if (!go) return false;
    }
    return true;
  };
  walk(value, 0);
  return { problems: out, keys };
}

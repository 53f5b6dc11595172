/**
 * Numbers typed by people: Arabic-Indic (٠–٩), Eastern Arabic-Indic/Persian (۰–۹) and full-width (０–９)
 * digits, the Arabic decimal separator (٫), thousands separators (٬ , and full-width ，) and full-width
 * punctuation (．－＋) are normalised to a plain JavaScript number. Anything else stays text, so the
 * schema can report it as "text where a number belongs".
 */

const DIGIT_BLOCKS = [0x0660, 0x06f0, 0xff10];

export function normaliseDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    let mapped: string | undefined;
    for (const base of DIGIT_BLOCKS) {
      if (c >= base && c <= base + 9) mapped = String(c - base);
    }
    if (mapped === undefined) {
      switch (ch) {
        case '٫':
          mapped = '.';
          break; // Arabic decimal separator
        case '．':
          mapped = '.';
          break;
        case '٬':
        case '，':
        case '\u00a0':
        case '\u202f':
        case "'":
          mapped = ',';
          break;
        case '－':
        case '−':
          mapped = '-';
          break;
        case '＋':
          mapped = '+';
          break;
        case 'Ｅ':
        case 'ｅ':
          mapped = 'e';
          break;
        default:
          mapped = ch;
      }
    }
    out += mapped;
  }
  return out;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Parse a typed number; returns undefined when the text is not a number. */
export function parseNumberText(raw: string): number | undefined {
  let s = normaliseDigits(raw.trim()).replace(/\s+/g, '');
  if (s === '') return undefined;
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  else if (/^[+-]?\d+,\d+$/.test(s)) return undefined; // "3,5": ambiguous decimal comma — ask the user
  if (!NUMERIC.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** zod preprocess step: numbers pass; strings that read as numbers become numbers; anything else passes through unchanged. */
export function coerceNumberInput(v: unknown): unknown {
  if (typeof v === 'string') {
    const n = parseNumberText(v);
    return n === undefined ? v : n;
  }
  return v;
}

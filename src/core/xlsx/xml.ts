/**
 * Generic XML text helpers for OOXML parts built or read as strings (no DOM; Node and browser): escaping,
 * unescaping, the formula-injection test and the number format of `<v>`. Shared by the generic spreadsheet
 * writer (core/xlsx), the import (core/io) and the CBAM documents (core/cbam/docs), which depend on this
 * module and never the other way round.
 */
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Characters not allowed in XML 1.0 (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape text for XML element content and attribute values (and drop characters XML cannot carry). */
export function xmlEscape(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ESC[c]!);
}

export function xmlUnescape(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** Text that a spreadsheet could take for a formula (or a DDE/CSV injection): starts with = + - @ (or tab/CR). */
export const looksLikeFormula = (s: string): boolean => /^[=+\-@\t\r]/.test(s.replace(INVALID_XML, '').replace(/^[ \n\u00a0]+/, ''));
// The test runs on the text as it will be written (characters XML cannot carry removed, leading blanks ignored), so
// "\u0001=HYPERLINK(…)" or " =1+1" — which become formulas once the invalid character is dropped or the cell is
// edited — are neutralised too.

/** Escape text so that OOXML readers decoding `_xHHHH_` (Excel, LibreOffice) give the original string back. */
export const escapeOoxmlText = (s: string): string => s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
/** Decode `_xHHHH_` as Excel and LibreOffice do when they read a cell's text (the inverse of escapeOoxmlText). */
export const unescapeOoxmlText = (s: string): string => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
/** Text as an XML part can carry it (characters XML 1.0 forbids removed), i.e. as a reader will find it. */
export const xmlCarriable = (s: string): string => s.replace(INVALID_XML, '');

/** A finite number as written in `<v>`: shortest round-trip decimal, -0 as 0. The caller checks finiteness. */
export const finiteNumberToXml = (n: number): string => (Object.is(n, -0) ? '0' : String(n));

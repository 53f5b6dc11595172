/** Spreadsheet column letters (A, B, …, Z, AA, …, XFD) and 0-based column indexes, both ways. */

/** Letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function colLetter(index0: number): string {
  let n = index0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of column letters (case-insensitive): A → 0, Z → 25, AA → 26. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

import { describe, it, expect } from 'vitest';
import { colIndex, colLetter } from './columns';

describe('column letters', () => {
  it('turns 0-based indexes into letters at the 1-, 2- and 3-letter boundaries', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(colLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
  it('reads letters back to the same index, in either case', () => {
    for (let i = 0; i < 16384; i++) expect(colIndex(colLetter(i))).toBe(i);
    expect(colIndex('xfd')).toBe(16383);
    expect(colIndex('aA')).toBe(26);
  });
});

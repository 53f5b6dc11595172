import { describe, it, expect } from 'vitest';
import { fmtNum } from './i18n.svelte';

describe('numbers as shown', () => {
  it('a value that rounds to zero is "0", never "-0"', () => {
    expect(fmtNum(-0.00001, 2)).toBe('0');
    expect(fmtNum(-0, 0)).toBe('0');
    expect(fmtNum(-0.4, 0)).toBe('0');
    expect(fmtNum(-1.5, 1)).toBe('-1.5');
  });
});

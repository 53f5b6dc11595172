import { describe, expect, it } from 'vitest';
import { coerceNumberInput, normaliseDigits, parseNumberText } from './normalise';

describe('typed numbers', () => {
  it.each([
    ['٣٫٥', 3.5],
    ['３．５', 3.5],
    ['۱۲۳', 123],
    ['１２，３４５．６', 12345.6],
    ['12,345.6', 12345.6],
    ['-0.25', -0.25],
    ['－２', -2],
    [' 42 ', 42],
    ['1e3', 1000],
  ])('%s → %d', (text, n) => {
    expect(parseNumberText(text)).toBe(n);
  });
  it.each(['abc', '3,5', '1.2.3', '', '٣ kg', 'NaN', 'Infinity'])('%s is not a number', (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });
  it('leaves non-numeric input for the schema to report', () => {
    expect(coerceNumberInput('abc')).toBe('abc');
    expect(coerceNumberInput(7)).toBe(7);
    expect(coerceNumberInput(null)).toBe(null);
    expect(normaliseDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });
});

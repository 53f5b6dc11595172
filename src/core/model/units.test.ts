import { describe, expect, it } from 'vitest';
import { compatible, conversionFactor, convert, parseUnit, UnitMismatchError } from './units';

describe('units', () => {
  it.each([
    [1, 't', 'kg', 1000],
    [2500, 'g', 'kg', 2.5],
    [1, 'MWh', 'kWh', 1000],
    [3.6, 'MJ', 'kWh', 1],
    [1, 'TJ', 'GJ', 1000],
    [1, 'GJ', 'kWh', 277.7777777777778],
    [2, '1000 Nm3', 'Nm3', 2000],
    [1500, 'L', 'm3', 1.5],
    [10, 'tkm', 'tkm', 10],
  ] as const)('%d %s = %d %s', (a, from, to, expected) => {
    expect(convert(a, from, to)).toBeCloseTo(expected, 9);
  });
  it('refuses to convert across dimensions', () => {
    expect(compatible('kWh', 't')).toBe(false);
    expect(() => conversionFactor('kWh', 't')).toThrow(UnitMismatchError);
  });
  it('reads the spellings people type, and refuses unknown ones', () => {
    expect(parseUnit('kwh')).toBe('kWh');
    expect(parseUnit('千瓦时')).toBe('kWh');
    expect(parseUnit('吨')).toBe('t');
    expect(parseUnit('t·km')).toBe('tkm');
    expect(parseUnit('1000Nm3')).toBe('1000 Nm3');
    expect(parseUnit('万Nm3')).toBeUndefined();
    expect(parseUnit('barrels')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { ExactSum, round, sumExact } from './num';

describe('round', () => {
  it('rounds half away from zero without float tails', () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(-1.005, 2)).toBe(-1.01);
    expect(round(0.1 + 0.2, 6)).toBe(0.3);
    expect(String(round(1049.9665725000002, 6))).toBe('1049.966573');
    expect(round(2.5, 0)).toBe(3);
    expect(round(-0.0000001, 3)).toBe(0);
  });
  it('keeps large magnitudes', () => {
    expect(round(1587424.3456, 2)).toBe(1587424.35);
    expect(round(123456789012.3456789, 6)).toBe(123456789012.345679);
  });
});

describe('sumExact', () => {
  it('sums shown parts exactly', () => {
    const parts = [0.1, 0.2, 0.3, 1049.966572, 0.000001];
    const s = sumExact(parts, 6);
    expect(s).toBe(1050.566573);
    expect(String(s)).not.toMatch(/\d{10,}/);
    // naive float sum carries a tail here
    expect(0.1 + 0.2 + 0.3).not.toBe(0.6);
    expect(sumExact([0.1, 0.2, 0.3], 6)).toBe(0.6);
  });
  it('accumulates with ExactSum and handles negatives', () => {
    const a = new ExactSum(3);
    a.add(1.234).add(-0.234).add(1e-3);
    expect(a.value).toBe(1.001);
  });
});

describe('round, property', () => {
  it('matches the decimal rounding of toFixed-with-nudge for many random values and never prints tails', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20000; i++) {
      const x = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 10);
      const dp = Math.floor(rnd() * 10);
      const r = round(x, dp);
      const s = String(r);
      if (!s.includes('e')) expect((s.split('.')[1] ?? '').length).toBeLessThanOrEqual(dp);
      expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -dp * (1 + 1e-9) + Math.abs(x) * 1e-15);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { periodDays } from './verifier-facts';

describe('facts for the verifier rules', () => {
  it.each([
    [{ start: '2025-01-01', end: '2025-12-31' }, 365],
    [{ start: '2024-01-01', end: '2024-12-31' }, 366],
    [{ start: '2026-01-01', end: '2026-03-31' }, 90],
    [{ start: '2026-07-01', end: '2026-07-01' }, 1],
  ])('period %j lasts %i days, both ends included', (p, days) => {
    expect(periodDays(p)).toBe(days);
  });
});

/**
 * Rounded parts that add up exactly to their rounded total (largest remainder): each part is within one
 * unit of the last decimal of its exact value, and Σ parts = the rounded total, to the last decimal.
 */
import { round } from '../num';

export function apportion(parts: number[], dp: number): { parts: number[]; total: number } {
  const scale = 10 ** dp;
  const exact = parts.map((p) => p * scale);
  const total = Math.round(exact.reduce((a, b) => a + b, 0));
  const floors = exact.map((x) => Math.floor(x));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rem: x - floors[i]! })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  const out = [...floors];
  for (let k = 0; left > 0 && k < order.length; k++, left--) out[order[k]!.i]! += 1;
  for (let k = order.length - 1; left < 0 && k >= 0; k--, left++) out[order[k]!.i]! -= 1;
  return { parts: out.map((x) => round(x / scale, dp)), total: round(total / scale, dp) };
}

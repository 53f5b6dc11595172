/**
 * Decimal-safe number helpers. Values are computed in binary floating point, rounded once to a fixed
 * number of decimals, and every total is the exact decimal sum of its shown (rounded) parts, computed
 * with scaled BigInt integers, so a total always equals the sum of the parts that are displayed.
 */

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * Round half away from zero to `dp` decimals, free of float tails. For |x|·10^dp below 2^53 the
 * result is an integer divided by an exact power of ten, which IEEE division rounds to the double
 * nearest the decimal — the same double `Number("…")` of the decimal text gives, so it prints clean.
 */
export function round(x: number, dp: number): number {
  if (!Number.isFinite(x)) return x;
  if (dp < 0 || dp > 15) throw new RangeError(`dp out of range: ${dp}`);
  const p = POW10[dp]!;
  const ax = x < 0 ? -x : x;
  const r = Math.round(ax * p * (1 + Number.EPSILON));
  if (r < Number.MAX_SAFE_INTEGER) {
    const v = r / p;
    return v === 0 ? 0 : x < 0 ? -v : v;
  }
  const v = Number(ax.toFixed(dp));
  return v === 0 ? 0 : x < 0 ? -v : v;
}

/** Scaled integer (BigInt) of a number already rounded to dp decimals. */
export function toScaled(x: number, dp: number): bigint {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  // the shortest round-trip decimal of a rounded value has at most dp decimals (or is in exponent form)
  return BigInt(Math.round(x * POW10[dp]!));
}

export function toDecimalString(scaled: bigint, dp: number): string {
  const neg = scaled < 0n;
  let s = (neg ? -scaled : scaled).toString();
  if (dp > 0) {
    s = s.padStart(dp + 1, '0');
    s = `${s.slice(0, -dp)}.${s.slice(-dp)}`.replace(/\.?0+$/, '');
  }
  return (neg && s !== '0' ? '-' : '') + s;
}

export function fromScaled(scaled: bigint, dp: number): number {
  return Number(toDecimalString(scaled, dp));
}

/** Exact decimal sum of values that are each rounded to `dp` decimals (each part is rounded again defensively). */
export function sumExact(values: Iterable<number>, dp: number): number {
  let acc = 0n;
  for (const v of values) acc += toScaled(round(v, dp), dp);
  return fromScaled(acc, dp);
}

/**
 * Accumulator for exact sums of values rounded to `dp` decimals. Scaled integers are summed as plain
 * numbers while they stay below 2^53 (exact), and as BigInt beyond that.
 */
export class ExactSum {
  private small = 0;
  private big = 0n;
  private readonly scale: number;
  constructor(private readonly dp: number) {
    this.scale = POW10[dp]!;
  }
  add(v: number): this {
    const s = Math.round(v * this.scale);
    if (!Number.isFinite(s)) throw new RangeError(`not a finite number: ${v}`);
    const next = this.small + s;
    if (Number.isSafeInteger(next) && Number.isSafeInteger(s)) this.small = next;
    else {
      this.big += BigInt(this.small) + BigInt(s);
      this.small = 0;
    }
    return this;
  }
  get scaled(): bigint {
    return this.big + BigInt(this.small);
  }
  get value(): number {
    return fromScaled(this.scaled, this.dp);
  }
}

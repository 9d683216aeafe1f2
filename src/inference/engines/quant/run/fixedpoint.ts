/**
 * Fixed-point helpers of the quantized engines, in 32-bit integer operations only (see spec/quantization.md §4).
 *
 * A real multiplier m is stored as an int32 `mult` and a signed `shift`: m = mult·2^-31·2^-shift, mult in
 * [2^30, 2^31) (or its negation) and shift > 0 a right shift, shift < 0 a left shift. `mult = 0` marks a power of
 * two: m = 2^-shift, applied as a rounding shift alone (the cheapest requantization, what power-of-two scales buy).
 *
 * Rounding follows gemmlowp/TFLite so results can be matched against them bit for bit:
 * - {@link srdhm} (SaturatingRoundingDoublingHighMul) is (a·b + nudge) / 2^31 truncated toward zero, nudge = 2^30
 *   for a·b >= 0 and 1 − 2^30 otherwise: the nearest integer, ties toward +∞; the one overflow (−2^31·−2^31)
 *   saturates;
 * - {@link rdbpot} (RoundingDivideByPOT) is x / 2^e to nearest, ties away from zero;
 * - {@link requantize} is rdbpot(srdhm(x·2^left, mult), right), TFLite's MultiplyByQuantizedMultiplier, with the
 *   left shift saturating instead of overflowing.
 * The 64-bit forms ({@link requantize64}, {@link mulShiftRound}) round once, exactly, ties away from zero.
 */
import { umulHi } from '../../../../primitives/integer.js';

export const INT32_MIN = -0x80000000;
export const INT32_MAX = 0x7fffffff;

/** gemmlowp's SaturatingRoundingDoublingHighMul: round(a·b / 2^31), ties toward +∞, −2^31·−2^31 → 2^31 − 1. */
export function srdhm(a: number, b: number): number {
  if (a === INT32_MIN && b === INT32_MIN) return INT32_MAX;
  const neg = (a ^ b) < 0;
  const ua = a < 0 ? -a >>> 0 : a;
  const ub = b < 0 ? -b >>> 0 : b;
  const lo = Math.imul(ua, ub) >>> 0;
  // For a negative product, (−P + 1 − 2^30) truncated toward zero is −⌊(P + 2^30 − 1) / 2^31⌋.
  const s = (lo + (neg ? 0x3fffffff : 0x40000000)) >>> 0;
  const h = umulHi(ua, ub) + (s < lo ? 1 : 0);
  // P <= 2^31·(2^31 − 1) once the saturating case is gone, so the quotient fits in 31 bits.
  const q = (h << 1) | (s >>> 31);
  return neg ? -q | 0 : q;
}

/**
 * gemmlowp's RoundingDivideByPOT: x / 2^e to nearest, ties away from zero, for e >= 0. Exponents past 31 (which
 * gemmlowp leaves undefined) give the same exact rounding: 0, except −2^31 / 2^32 = −1/2 → −1.
 */
export function rdbpot(x: number, e: number): number {
  if (e === 0) return x;
  if (e < 32) {
    const mask = ((1 << e) - 1) | 0;
    const threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> e) + ((x & mask) > threshold ? 1 : 0);
  }
  return e === 32 && x === INT32_MIN ? -1 : 0;
}

/** x·2^s for 0 <= s <= 31, saturated to the int32 range. */
export function saturatingShiftLeft(x: number, s: number): number {
  if (s === 0) return x;
  if (s > 31) return x > 0 ? INT32_MAX : x < 0 ? INT32_MIN : 0;
  if (x > INT32_MAX >> s) return INT32_MAX;
  if (x < INT32_MIN >> s) return INT32_MIN;
  return x << s;
}

/**
 * x·m for the multiplier (mult, shift) described in the file header, as TFLite's MultiplyByQuantizedMultiplier
 * (saturating left shift), or the rounding shift alone when mult = 0.
 */
export function requantize(x: number, mult: number, shift: number): number {
  if (mult === 0) return shift >= 0 ? rdbpot(x, shift) : saturatingShiftLeft(x, -shift);
  if (shift >= 0) return rdbpot(srdhm(x, mult), shift);
  return srdhm(saturatingShiftLeft(x, -shift), mult);
}

/**
 * The 64-bit (hi:lo, two's complement, lo read as unsigned) value v times the multiplier (mult, shift):
 * round(v·mult·2^-(31+shift)) for mult ≠ 0, round(v·2^-shift) for mult = 0, ties away from zero, saturated to the
 * int32 range. `shift` may be −31 … 94 (−63 … 63 when mult = 0).
 */
export function requantize64(hi: number, lo: number, mult: number, shift: number): number {
  let neg = hi < 0;
  // |v| as an unsigned 64-bit (mh:ml); |−2^63| = 2^63 still fits.
  let ml = lo >>> 0;
  let mh = hi >>> 0;
  if (neg) {
    ml = (~ml + 1) >>> 0;
    mh = (~mh + (ml === 0 ? 1 : 0)) >>> 0;
  }
  let total = shift;
  // |v|·|mult| as a 96-bit (w2:w1:w0).
  let w0 = ml;
  let w1 = mh;
  let w2 = 0;
  if (mult !== 0) {
    if (mult < 0) neg = !neg;
    const um = mult < 0 ? -mult >>> 0 : mult;
    w0 = Math.imul(ml, um) >>> 0;
    const c1 = umulHi(ml, um);
    const b0 = Math.imul(mh, um) >>> 0;
    w1 = (c1 + b0) >>> 0;
    w2 = (umulHi(mh, um) + (w1 < b0 ? 1 : 0)) >>> 0;
    total = shift + 31;
  }
  if (total < 0) {
    // A left shift (mult = 0 only): anything that leaves 31 bits saturates.
    const s = -total;
    if (w2 !== 0 || w1 !== 0 || (s < 32 && w0 >>> (31 - s) !== 0) || (s >= 32 && w0 !== 0)) {
      return neg ? INT32_MIN : INT32_MAX;
    }
    const r = w0 << s;
    return neg ? -r | 0 : r;
  }
  if (total > 0) {
    // Add half an output unit, then shift the 96-bit sum right by `total`. |v·mult| < 2^94, so from 96 on the
    // result is 0.
    if (total >= 96) return 0;
    const hb = total - 1;
    if (hb < 32) {
      const add = (1 << hb) >>> 0;
      const n0 = (w0 + add) >>> 0;
      const c0 = n0 < w0 ? 1 : 0;
      w0 = n0;
      const n1 = (w1 + c0) >>> 0;
      w2 = (w2 + (c0 !== 0 && n1 === 0 ? 1 : 0)) >>> 0;
      w1 = n1;
    } else if (hb < 64) {
      const n1 = (w1 + ((1 << (hb - 32)) >>> 0)) >>> 0;
      w2 = (w2 + (n1 < w1 ? 1 : 0)) >>> 0;
      w1 = n1;
    } else {
      w2 = (w2 + ((1 << (hb - 64)) >>> 0)) >>> 0;
    }
    if (total >= 64) {
      w0 = w2 >>> (total - 64);
      w1 = 0;
      w2 = 0;
    } else if (total >= 32) {
      const t = total - 32;
      w0 = t === 0 ? w1 : ((w1 >>> t) | (w2 << (32 - t))) >>> 0;
      w1 = t === 0 ? w2 : w2 >>> t;
      w2 = 0;
    } else {
      w0 = ((w0 >>> total) | (w1 << (32 - total))) >>> 0;
      w1 = ((w1 >>> total) | (w2 << (32 - total))) >>> 0;
      w2 = w2 >>> total;
    }
  }
  if (w2 !== 0 || w1 !== 0 || w0 > INT32_MAX) {
    if (neg && w2 === 0 && w1 === 0 && w0 === 0x80000000) return INT32_MIN;
    return neg ? INT32_MIN : INT32_MAX;
  }
  return neg ? -w0 | 0 : w0;
}

/** round(a·b / 2^s) for unsigned a, b < 2^32 and 1 <= s <= 63, ties up; the caller keeps the result below 2^32. */
export function mulShiftRound(a: number, b: number, s: number): number {
  let lo = Math.imul(a, b) >>> 0;
  let hi = umulHi(a, b);
  if (s <= 32) {
    const n = (lo + ((1 << (s - 1)) >>> 0)) >>> 0;
    hi = (hi + (n < lo ? 1 : 0)) >>> 0;
    lo = n;
  } else {
    hi = (hi + ((1 << (s - 33)) >>> 0)) >>> 0;
  }
  if (s < 32) return ((lo >>> s) | (hi << (32 - s))) >>> 0;
  return hi >>> (s - 32);
}

/**
 * ⌊t / d⌋ for 0 <= t < 2^31 from the magic pair of d (prepared host-side): m = ⌈2^(31+l) / d⌉ < 2^32 held as the
 * bits of an int32, l = ⌈log2 d⌉ >= 1. Exact for every such t (Granlund–Montgomery: m·d − 2^(31+l) < d <= 2^l).
 */
export function divideByMagic(t: number, m: number, l: number): number {
  return umulHi(t, m) >>> (l - 1);
}

/** round(sum / n), ties away from zero, with the magic pair of d = 2n: ⌊(2|sum| + n) / 2n⌋ with sum's sign. */
export function roundedDivide(sum: number, n: number, m: number, l: number): number {
  if (sum >= 0) return divideByMagic(sum + sum + n, m, l);
  return -divideByMagic(n - sum - sum, m, l);
}

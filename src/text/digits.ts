/**
 * Decimal digits of binary32, binary16 and bfloat16 values: taking a word apart, its exact decimal expansion, and
 * rounding that expansion to a number of digits (half to even, on the exact value).
 *
 * Results go to one shared digit buffer: {@link digitBuffer}[0 .. count) holds the digits (values 0 … 9, the first
 * nonzero, no trailing zero) and the value is 0.d1d2…d_count × 10^point; count = 0 is zero. This is the layout of
 * Forth's REPRESENT (point is its exponent n) and of C's ecvt.
 */
import { umulHi, wide } from '../primitives/integer.js';
import { divBillion, mulPow5, newLimbs, setSmall, shiftLeftInto } from './limbs.js';

/** Formats, as the text words number them. */
export const format_f32 = 0;
export const format_f16 = 1;
export const format_bf16 = 2;
export type TextFormat = 0 | 1 | 2;

export const class_zero = 0;
export const class_finite = 1;
export const class_infinity = 2;
export const class_nan = 3;

/** A word taken apart: sign, class and, for finite nonzero values, value = m·2^e with m < 2^p. */
export const decoded = { sign: 0, cls: class_zero, m: 0, e: 0, lowerGapHalf: false };

/**
 * Decode a word of format `fmt` into {@link decoded}. `lowerGapHalf` says that the number below is nearer than the
 * number above (a power of two above the smallest normal), which the shortest-digits search needs.
 */
export function decode(fmt: TextFormat, a: number): void {
  let fracBits: number;
  let expMask: number;
  let bias: number;
  if (fmt === format_f32) {
    fracBits = 23;
    expMask = 0xff;
    bias = 127;
  } else if (fmt === format_f16) {
    fracBits = 10;
    expMask = 0x1f;
    bias = 15;
  } else {
    fracBits = 7;
    expMask = 0xff;
    bias = 127;
  }
  const width = fmt === format_f32 ? 32 : 16;
  decoded.sign = (a >>> (width - 1)) & 1;
  const exp = (a >>> fracBits) & expMask;
  const frac = a & ((1 << fracBits) - 1);
  decoded.lowerGapHalf = false;
  if (exp === expMask) {
    decoded.cls = frac !== 0 ? class_nan : class_infinity;
  } else if (exp === 0) {
    decoded.cls = frac !== 0 ? class_finite : class_zero;
    decoded.m = frac;
    decoded.e = 1 - bias - fracBits;
  } else {
    decoded.cls = class_finite;
    decoded.m = frac | (1 << fracBits);
    decoded.e = exp - bias - fracBits;
    decoded.lowerGapHalf = frac === 0 && exp > 1;
  }
}

/**
 * Digits a value can need: binary32's exact expansions have at most 112 significant digits (m·5^149 < 2^24·5^149);
 * shortest digits at most 9.
 */
export const DIGITS_MAX = 120;

/** The shared digit buffer and its description. */
export const digitBuffer = new Uint8Array(DIGITS_MAX + 8);
export const digitsOf = { count: 0, point: 0 };

const work = newLimbs();
const small = newLimbs();
/* Base-10^9 chunks of the expansion, least significant first: 13 suffice for 112 digits. */
const chunks = new Uint32Array(16);

/** ⌊x / 10⌋ for any cell x (0xCCCCCCCD is 2^35/10 rounded up; the product's error stays below one unit). */
export function div10(x: number): number {
  return umulHi(x, 0xcccccccd) >>> 3;
}

/** The exact decimal expansion of m·2^e (m > 0) into the digit buffer. */
export function expandExact(m: number, e: number): void {
  let n: number;
  let shift10: number;
  if (e >= 0) {
    n = shiftLeftInto(work, small, setSmall(small, m), e);
    shift10 = 0;
  } else {
    // m·2^e = m·5^-e / 10^-e.
    n = mulPow5(work, setSmall(work, m), -e);
    shift10 = e;
  }
  let k = 0;
  while (n > 0) {
    n = divBillion(work, n);
    chunks[k++] = wide.rem;
  }
  // Most significant chunk without leading zeros, the others with all nine digits.
  let count = 0;
  let top = chunks[k - 1]!;
  let topDigits = 0;
  for (let t = top; t !== 0; t = div10(t)) topDigits++;
  for (let i = topDigits - 1; i >= 0; i--) {
    const q = div10(top);
    digitBuffer[i] = top - ((q << 3) + (q << 1));
    top = q;
  }
  count = topDigits;
  for (let j = k - 2; j >= 0; j--) {
    let c = chunks[j]!;
    for (let i = 8; i >= 0; i--) {
      const q = div10(c);
      digitBuffer[count + i] = c - ((q << 3) + (q << 1));
      c = q;
    }
    count += 9;
  }
  digitsOf.point = count + shift10;
  while (digitBuffer[count - 1] === 0) count--;
  digitsOf.count = count;
}

/**
 * Round the digits to `keep` significant digits (keep may be zero or negative: the rounding position is then at or
 * above the first digit), half to even on the exact value. The result may be zero (count 0) or carry into a new
 * leading digit (point + 1).
 */
export function roundDigits(keep: number): void {
  const count = digitsOf.count;
  if (keep >= count) return;
  if (keep < 0) {
    digitsOf.count = 0;
    return;
  }
  // Digits beyond `keep` are more than half a unit, exactly half, or less: the first dropped digit against 5, and
  // whether anything nonzero follows it (the last digit is never 0, so "follows" means "is not the last").
  const first = digitBuffer[keep]!;
  let up: boolean;
  if (first !== 5) {
    up = first > 5;
  } else if (keep + 1 < count) {
    up = true;
  } else {
    up = keep > 0 && (digitBuffer[keep - 1]! & 1) !== 0;
  }
  let n = keep;
  if (up) {
    let i = keep - 1;
    while (i >= 0 && digitBuffer[i] === 9) i--;
    if (i < 0) {
      digitBuffer[0] = 1;
      digitsOf.point++;
      n = 1;
    } else {
      digitBuffer[i] = digitBuffer[i]! + 1;
      n = i + 1;
    }
  }
  while (n > 0 && digitBuffer[n - 1] === 0) n--;
  digitsOf.count = n;
}

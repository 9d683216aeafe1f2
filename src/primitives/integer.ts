/**
 * The integer vocabulary that every fpuless algorithm is written in.
 *
 * Each word takes and returns 32-bit cells held in JS numbers and uses only the integer operations a 32-bit
 * microcontroller has (add, subtract, logic, shifts, a 32x32->32 multiply and count-leading-zeros). They map one to
 * one onto the C and Forth ports (see spec/primitives.md): a word that yields two cells, like Forth's UM*, returns
 * its low (or main) cell and leaves the second one in `wide`.
 *
 * Unsigned 32-bit values are kept in 0 .. 2^32-1 (`>>> 0`); intermediate sums of two such values may briefly exceed
 * that range inside an expression, which is exact in a JS number and wraps the same way in C once masked.
 */

/**
 * The second result cell of the two-cell words: `hi` is the high word of a 64-bit result, `rem` the remainder left by
 * {@link umDivMod}. Read it immediately after the call that set it.
 */
export const wide = { hi: 0, rem: 0 };

/** Leading zero bits of a 32-bit word, 0 … 32 (Forth: a CLZ code word; C: __builtin_clz with a zero guard). */
export const clz32 = Math.clz32;

/** High word of the unsigned 32x32->64 product a·b (the low word is `Math.imul(a, b) >>> 0`). */
export function umulHi(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p00 = Math.imul(a0, b0) >>> 0;
  const p01 = Math.imul(a0, b1) >>> 0;
  const p10 = Math.imul(a1, b0) >>> 0;
  const p11 = Math.imul(a1, b1) >>> 0;
  const middle = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (p11 + (p01 >>> 16) + (p10 >>> 16) + (middle >>> 16)) >>> 0;
}

/** UM*: unsigned 32x32->64 product. Returns the low word; the high word is left in `wide.hi`. */
export function umul(a: number, b: number): number {
  wide.hi = umulHi(a, b);
  return Math.imul(a, b) >>> 0;
}

/**
 * Shift right by `dist` (any value >= 0), OR-ing every bit shifted out into the lowest bit ("jamming"), so that the
 * result still says whether the discarded part was nonzero. This is what keeps rounding exact after an alignment.
 */
export function shiftRightJam32(a: number, dist: number): number {
  if (dist === 0) return a >>> 0;
  if (dist < 32) return ((a >>> dist) | ((a << (32 - dist)) !== 0 ? 1 : 0)) >>> 0;
  return a !== 0 ? 1 : 0;
}

/** Sum of the 64-bit values (aHi:aLo) + (bHi:bLo), modulo 2^64. Returns the low word; high word in `wide.hi`. */
export function add64(aHi: number, aLo: number, bHi: number, bLo: number): number {
  const lo = (aLo + bLo) >>> 0;
  wide.hi = (aHi + bHi + (lo < aLo >>> 0 ? 1 : 0)) >>> 0;
  return lo;
}

/** Difference (aHi:aLo) - (bHi:bLo), modulo 2^64. Returns the low word; high word in `wide.hi`. */
export function sub64(aHi: number, aLo: number, bHi: number, bLo: number): number {
  const borrow = aLo >>> 0 < bLo >>> 0 ? 1 : 0;
  wide.hi = (aHi - bHi - borrow) >>> 0;
  return (aLo - bLo) >>> 0;
}

/** (aHi:aLo) < (bHi:bLo), unsigned. */
export function lt64(aHi: number, aLo: number, bHi: number, bLo: number): boolean {
  aHi >>>= 0;
  bHi >>>= 0;
  return aHi < bHi || (aHi === bHi && aLo >>> 0 < bLo >>> 0);
}

/** Shift (hi:lo) left by `dist`, 0 … 63. Returns the low word; high word in `wide.hi`. */
export function shiftLeft64(hi: number, lo: number, dist: number): number {
  if (dist === 0) {
    wide.hi = hi >>> 0;
    return lo >>> 0;
  }
  if (dist < 32) {
    wide.hi = ((hi << dist) | (lo >>> (32 - dist))) >>> 0;
    return (lo << dist) >>> 0;
  }
  wide.hi = (lo << (dist - 32)) >>> 0;
  return 0;
}

/** Shift (hi:lo) right by `dist` (any value >= 0), no jamming. Returns the low word; high word in `wide.hi`. */
export function shiftRight64(hi: number, lo: number, dist: number): number {
  if (dist === 0) {
    wide.hi = hi >>> 0;
    return lo >>> 0;
  }
  if (dist < 32) {
    wide.hi = hi >>> dist;
    return ((lo >>> dist) | (hi << (32 - dist))) >>> 0;
  }
  wide.hi = 0;
  return dist < 64 ? hi >>> (dist - 32) : 0;
}

/** {@link shiftRightJam32} for a 64-bit (hi:lo). Returns the low word; high word in `wide.hi`. */
export function shiftRightJam64(hi: number, lo: number, dist: number): number {
  if (dist === 0) {
    wide.hi = hi >>> 0;
    return lo >>> 0;
  }
  if (dist < 32) {
    const lost = lo << (32 - dist);
    wide.hi = hi >>> dist;
    return ((lo >>> dist) | (hi << (32 - dist)) | (lost !== 0 ? 1 : 0)) >>> 0;
  }
  wide.hi = 0;
  if (dist < 64) {
    const lost = (dist === 32 ? 0 : hi << (64 - dist)) | lo;
    return ((hi >>> (dist - 32)) | (lost !== 0 ? 1 : 0)) >>> 0;
  }
  return (hi | lo) !== 0 ? 1 : 0;
}

/**
 * First guesses of 2^16/x for x in [1, 2), one per 1/128 of the interval, taken at its middle (error < 2^-8.4).
 * Entry i is round(2^23 / (128.5 + i)).
 */
const RECIP_SEED = [
  65281, 64777, 64281, 63792, 63310, 62836, 62369, 61909, 61455, 61008, 60568, 60133, 59705, 59283, 58867, 58457,
  58053, 57654, 57260, 56872, 56489, 56111, 55738, 55370, 55007, 54649, 54295, 53946, 53601, 53261, 52925, 52593,
  52265, 51942, 51622, 51306, 50995, 50686, 50382, 50081, 49784, 49490, 49200, 48913, 48630, 48349, 48072, 47798,
  47528, 47260, 46995, 46733, 46474, 46218, 45965, 45714, 45467, 45222, 44979, 44739, 44502, 44267, 44035, 43805,
  43577, 43352, 43129, 42908, 42690, 42474, 42260, 42048, 41838, 41631, 41425, 41222, 41020, 40820, 40623, 40427,
  40233, 40041, 39851, 39662, 39476, 39291, 39108, 38926, 38746, 38568, 38392, 38217, 38044, 37872, 37702, 37533,
  37366, 37200, 37036, 36873, 36712, 36552, 36393, 36236, 36080, 35926, 35772, 35620, 35470, 35320, 35172, 35026,
  34880, 34735, 34592, 34450, 34309, 34169, 34031, 33893, 33757, 33622, 33487, 33354, 33222, 33091, 32961, 32832,
];

/**
 * Reciprocal of a normalized divisor: for d in [2^31, 2^32) returns X ≈ 2^63/d, i.e. 1/D (D = d/2^32) with 31
 * fraction bits, within 2^-29 relative of the true value (measured: 2^-30 below to 2^-31 above; the bound is
 * checked against exact arithmetic in test/primitives/integer.test.ts).
 *
 * Method: a table seed good to 2^-8.4, then two Newton steps X' = X(2 - D·X), each squaring the relative error. In
 * exact arithmetic Newton approaches 1/D from below; truncating D·X can push the result a unit or two above it.
 */
export function approxRecip32(d: number): number {
  let x = (RECIP_SEED[(d >>> 24) & 0x7f]! << 16) >>> 0;
  x = (umulHi(x, -umulHi(d, x) >>> 0) << 1) >>> 0;
  x = (umulHi(x, -umulHi(d, x) >>> 0) << 1) >>> 0;
  return x;
}

/**
 * First guesses of 2^16/sqrt(m) for m in [1, 4): entries 0-63 split [1, 2) in 64 parts, entries 64-127 split [2, 4)
 * in 64 parts, each taken at the middle of its part.
 */
const RECIP_SQRT_SEED = [
  65281, 64781, 64292, 63814, 63347, 62889, 62442, 62004, 61575, 61154, 60742, 60339, 59943, 59555, 59175, 58801,
  58435, 58075, 57722, 57376, 57035, 56700, 56372, 56049, 55731, 55419, 55112, 54810, 54513, 54221, 53933, 53650,
  53371, 53097, 52826, 52560, 52298, 52040, 51785, 51535, 51288, 51044, 50804, 50567, 50333, 50103, 49876, 49652,
  49430, 49212, 48997, 48784, 48574, 48367, 48163, 47961, 47761, 47564, 47370, 47178, 46988, 46800, 46615, 46432,
  46161, 45807, 45462, 45124, 44793, 44470, 44153, 43843, 43540, 43243, 42951, 42666, 42386, 42112, 41843, 41579,
  41320, 41065, 40816, 40571, 40330, 40093, 39861, 39632, 39408, 39187, 38970, 38756, 38546, 38340, 38136, 37936,
  37739, 37545, 37354, 37166, 36980, 36798, 36618, 36441, 36266, 36093, 35924, 35756, 35591, 35428, 35267, 35109,
  34953, 34798, 34646, 34496, 34347, 34201, 34056, 33913, 33772, 33633, 33496, 33360, 33225, 33093, 32962, 32832,
];

/**
 * Reciprocal square root: for M = m·2^30 with m in [1, 4) returns Y ≈ 2^31/sqrt(m) within 2^-28 relative (measured:
 * 2^-28.9 below to 2^-28.7 above; checked against exact arithmetic in the tests).
 *
 * Method: a table seed good to 2^-8, then two Newton steps Y' = Y(3 - m·Y^2)/2, each squaring the relative error
 * (times 1.5); the truncations of the fixed-point products account for the rest.
 */
export function approxRecipSqrt32(m: number): number {
  const index = m >>> 0 < 0x80000000 ? (m >>> 24) & 0x3f : 64 | ((m >>> 25) & 0x3f);
  let y = (RECIP_SQRT_SEED[index]! << 15) >>> 0;
  y = (umulHi(y, (0xc0000000 - umulHi(m, umulHi(y, y) << 2)) >>> 0) << 1) >>> 0;
  y = (umulHi(y, (0xc0000000 - umulHi(m, umulHi(y, y) << 2)) >>> 0) << 1) >>> 0;
  return y;
}

/**
 * UM/MOD: divide the unsigned 64-bit (hi:lo) by d, where hi < d (so the quotient fits 32 bits). Returns the quotient
 * and leaves the remainder in `wide.rem`.
 *
 * Method: normalize d to [2^31, 2^32), estimate the quotient from the high word with {@link approxRecip32}, lower it
 * by 2 so that it cannot exceed the true quotient (the reciprocal is at most 2^-31 high), then step it up against
 * the exact 64-bit remainder.
 */
export function umDivMod(hi: number, lo: number, d: number): number {
  const shift = clz32(d);
  d = (d << shift) >>> 0;
  if (shift !== 0) {
    hi = ((hi << shift) | (lo >>> (32 - shift))) >>> 0;
    lo = (lo << shift) >>> 0;
  }
  const recip = approxRecip32(d);
  let q = (umulHi(hi, recip) << 1) >>> 0;
  q = q >= 2 ? q - 2 : 0;
  let remLo = sub64(hi, lo, umulHi(q, d), Math.imul(q, d) >>> 0);
  let remHi = wide.hi;
  while (remHi !== 0 || remLo >= d) {
    remLo = sub64(remHi, remLo, 0, d);
    remHi = wide.hi;
    q = (q + 1) >>> 0;
  }
  wide.rem = shift === 0 ? remLo : remLo >>> shift;
  return q;
}

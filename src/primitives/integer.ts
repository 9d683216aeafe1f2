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
 * 1/D for D = d/2^32 in [0.5, 1), sampled at the 129 points D = (128 + i)/256 in 31 fraction bits (entry 0, which
 * would be 2^32, is clamped to 2^32 - 1), and the slope of each chord scaled by 2^-9 (RECIP_CHORD_SLOPE).
 */
const RECIP_AT = [
  0xffffffff, 0xfe03f810, 0xfc0fc0fc, 0xfa232cf2, 0xf83e0f84, 0xf6603d98, 0xf4898d60, 0xf2b9d648,
  0xf0f0f0f1, 0xef2eb720, 0xed7303b6, 0xebbdb2a6, 0xea0ea0ea, 0xe865ac7b, 0xe6c2b448, 0xe525982b,
  0xe38e38e4, 0xe1fc780e, 0xe070381c, 0xdee95c4d, 0xdd67c8a6, 0xdbeb61ef, 0xda740da7, 0xd901b203,
  0xd79435e5, 0xd62b80d6, 0xd4c77b03, 0xd3680d37, 0xd20d20d2, 0xd0b69fcc, 0xcf6474a9, 0xce168a77,
  0xcccccccd, 0xcb8727c0, 0xca4587e7, 0xc907da4f, 0xc7ce0c7d, 0xc6980c6a, 0xc565c87b, 0xc4372f85,
  0xc30c30c3, 0xc1e4bbd6, 0xc0c0c0c1, 0xbfa02fe8, 0xbe82fa0c, 0xbd691047, 0xbc52640c, 0xbb3ee722,
  0xba2e8ba3, 0xb92143fa, 0xb81702e0, 0xb70fbb5a, 0xb60b60b6, 0xb509e68b, 0xb40b40b4, 0xb30f6353,
  0xb21642c8, 0xb11fd3b8, 0xb02c0b03, 0xaf3addc7, 0xae4c415d, 0xad602b58, 0xac769184, 0xab8f69e3,
  0xaaaaaaab, 0xa9c84a48, 0xa8e83f57, 0xa80a80a8, 0xa72f0539, 0xa655c439, 0xa57eb503, 0xa4a9cf1e,
  0xa3d70a3d, 0xa3065e40, 0xa237c32b, 0xa16b312f, 0xa0a0a0a1, 0x9fd809fe, 0x9f1165e7, 0x9e4cad24,
  0x9d89d89e, 0x9cc8e161, 0x9c09c09c, 0x9b4c6f9f, 0x9a90e7d9, 0x99d722db, 0x991f1a51, 0x9868c80a,
  0x97b425ed, 0x97012e02, 0x964fda6c, 0x95a02568, 0x94f2094f, 0x94458094, 0x939a85c4, 0x92f11384,
  0x92492492, 0x91a2b3c5, 0x90fdbc09, 0x905a3863, 0x8fb823ee, 0x8f1779da, 0x8e78356d, 0x8dda5202,
  0x8d3dcb09, 0x8ca29c04, 0x8c08c08c, 0x8b70344a, 0x8ad8f2fc, 0x8a42f870, 0x89ae408a, 0x891ac73b,
  0x88888889, 0x87f78088, 0x8767ab5f, 0x86d90544, 0x864b8a7e, 0x85bf3761, 0x85340853, 0x84a9f9c8,
  0x84210842, 0x83993052, 0x83126e98, 0x828cbfbf, 0x82082082, 0x81848da9, 0x81020408, 0x80808081,
];
const RECIP_CHORD_SLOPE = [
  65028, 64028, 63050, 62095, 61161, 60248, 59356, 58483,
  57629, 56794, 55977, 55177, 54394, 53628, 52878, 52144,
  51424, 50720, 50030, 49354, 48691, 48042, 47406, 46782,
  46171, 45571, 44983, 44406, 43841, 43286, 42741, 42207,
  41683, 41168, 40663, 40167, 39680, 39202, 38732, 38271,
  37818, 37374, 36936, 36507, 36085, 35670, 35262, 34862,
  34468, 34081, 33700, 33325, 32957, 32595, 32239, 31888,
  31544, 31204, 30871, 30542, 30219, 29901, 29588, 29280,
  28976, 28677, 28383, 28094, 27809, 27528, 27251, 26978,
  26710, 26446, 26185, 25928, 25675, 25426, 25180, 24938,
  24700, 24464, 24232, 24004, 23778, 23556, 23337, 23121,
  22908, 22698, 22491, 22286, 22084, 21885, 21689, 21495,
  21304, 21116, 20930, 20746, 20565, 20386, 20210, 20035,
  19864, 19694, 19526, 19361, 19197, 19036, 18877, 18719,
  18564, 18411, 18259, 18109, 17962, 17816, 17671, 17529,
  17388, 17249, 17111, 16976, 16841, 16709, 16578, 16448,
];

/**
 * Reciprocal of a normalized divisor: for d in [2^31, 2^32) returns X ≈ 2^63/d, i.e. 1/D (D = d/2^32) with 31
 * fraction bits, within 2^-29 relative of the true value (the bound is checked against exact arithmetic in
 * test/primitives/integer.test.ts).
 *
 * Method: the chord of 1/D over the 1/256-wide interval holding D (one table pair and one small multiply) is within
 * 2^-16 of 1/D; one Newton step X' = X(2 - D·X) squares that error to 2^-32, and the truncations of the two
 * fixed-point products add a few units of 2^-31.
 */
export function approxRecip32(d: number): number {
  const index = (d >>> 24) & 0x7f;
  let x = (RECIP_AT[index]! - (Math.imul(RECIP_CHORD_SLOPE[index]!, (d >>> 8) & 0xffff) >>> 7)) >>> 0;
  // Only d = 2^31 has a reciprocal (2^32) too large for a word; give it the largest word instead.
  const half = umulHi(x, -umulHi(d, x) >>> 0);
  return half >= 0x80000000 ? 0xffffffff : (half << 1) >>> 0;
}

/**
 * 1/sqrt(m) in 31 fraction bits at the start of 128 intervals of m in [1, 4) (64 of width 1/64 on [1, 2), 64 of
 * width 1/32 on [2, 4); entry 0, which would be 2^31, is 2^31 - 1 so that Y^2 stays below 2^62), and the slope of each chord scaled by 2^-9 (RECIP_SQRT_CHORD_SLOPE).
 */
const RECIP_SQRT_AT = [
  0x7fffffff, 0x7f02f623, 0x7e0bb221, 0x7d19fca0, 0x7c2da123, 0x7b466dd8, 0x7a64336b, 0x7986c4e4,
  0x78adf778, 0x77d9a26e, 0x77099efb, 0x763dc824, 0x7575faa4, 0x74b214d4, 0x73f1f68d, 0x73358118,
  0x727c9717, 0x71c71c72, 0x7114f644, 0x70660acc, 0x6fba415c, 0x6f11824c, 0x6e6bb6e9, 0x6dc8c96e,
  0x6d28a4f0, 0x6c8b355b, 0x6bf06762, 0x6b582874, 0x6ac266ba, 0x6a2f1107, 0x699e16d0, 0x690f682b,
  0x6882f5c0, 0x67f8b0c5, 0x67708af9, 0x66ea769b, 0x66666666, 0x65e44d8c, 0x65641fae, 0x64e5d0da,
  0x64695585, 0x63eea287, 0x6375ad16, 0x62fe6ac2, 0x6288d173, 0x6214d764, 0x61a27320, 0x61319b7c,
  0x60c2479b, 0x60546ee2, 0x5fe808fc, 0x5f7d0dd6, 0x5f137599, 0x5eab38ac, 0x5e444faf, 0x5ddeb37a,
  0x5d7a5d1b, 0x5d1745d1, 0x5cb56711, 0x5c54ba7d, 0x5bf539e5, 0x5b96df46, 0x5b39a4c7, 0x5add84bb,
  0x5a82799a, 0x59cf8cbc, 0x5920b4df, 0x5875cade, 0x57cea99d, 0x572b2de0, 0x568b3632, 0x55eea2c4,
  0x55555555, 0x54bf311a, 0x542c1aa4, 0x539bf7cd, 0x530eafa5, 0x52842a5f, 0x51fc5140, 0x51770e8f,
  0x50f44d89, 0x5073fa50, 0x4ff601e0, 0x4f7a5202, 0x4f00d944, 0x4e8986ea, 0x4e144ae9, 0x4da115da,
  0x4d2fd8f4, 0x4cc08605, 0x4c530f65, 0x4be767f5, 0x4b7d8317, 0x4b1554a6, 0x4aaed0f0, 0x4a49ecb3,
  0x49e69d16, 0x4984d7a4, 0x49249249, 0x48c5c34b, 0x48686148, 0x480c6332, 0x47b1c049, 0x4758701c,
  0x47006a81, 0x46a9a794, 0x46541fb4, 0x45ffcb80, 0x45aca3d5, 0x455aa1cb, 0x4509beb0, 0x44b9f40b,
  0x446b3b96, 0x441d8f3b, 0x43d0e917, 0x43854374, 0x433a98c6, 0x42f0e3ae, 0x42a81ef6, 0x4260458e,
  0x4219528b, 0x41d3412a, 0x418e0cc8, 0x4149b0e5, 0x41062920, 0x40c3713b, 0x40818512, 0x404060a1,
];
const RECIP_SQRT_CHORD_SLOPE = [
  32389, 31650, 30939, 30254, 29594, 28957, 28343, 27751,
  27179, 26626, 26091, 25575, 25075, 24591, 24123, 23669,
  23229, 22803, 22390, 21989, 21600, 21222, 20855, 20498,
  20152, 19815, 19487, 19169, 18859, 18557, 18263, 17977,
  17698, 17427, 17162, 16904, 16652, 16407, 16167, 15934,
  15705, 15483, 15265, 15053, 14845, 14642, 14444, 14250,
  14060, 13875, 13694, 13516, 13342, 13172, 13006, 12843,
  12684, 12527, 12374, 12224, 12077, 11933, 11792, 11654,
  22902, 22380, 21877, 21393, 20926, 20476, 20042, 19623,
  19218, 18827, 18449, 18084, 17731, 17389, 17057, 16737,
  16426, 16124, 15832, 15548, 15273, 15006, 14747, 14494,
  14249, 14011, 13780, 13554, 13335, 13122, 12914, 12712,
  12515, 12323, 12135, 11953, 11775, 11601, 11432, 11267,
  11105, 10948, 10794, 10644, 10497, 10354, 10213, 10076,
  9942, 9811, 9683, 9557, 9435, 9314, 9197, 9082,
  8969, 8858, 8750, 8644, 8540, 8438, 8338, 8240,
];

/**
 * Reciprocal square root: for M = m·2^30 with m in [1, 4) returns Y ≈ 2^31/sqrt(m) within 2^-28 relative (checked
 * against exact arithmetic in the tests).
 *
 * Method: the chord of 1/sqrt(m) over the interval holding m is within 2^-15 of it; one Newton step
 * Y' = Y(3 - m·Y^2)/2 leaves 1.5 times the square of that, and the truncations of the fixed-point products add a
 * few units of 2^-30.
 */
export function approxRecipSqrt32(m: number): number {
  let index: number;
  let fraction: number;
  if (m >>> 0 < 0x80000000) {
    index = (m >>> 24) & 0x3f;
    fraction = (m >>> 8) & 0xffff;
  } else {
    index = 64 | ((m >>> 25) & 0x3f);
    fraction = (m >>> 9) & 0xffff;
  }
  const y = (RECIP_SQRT_AT[index]! - (Math.imul(RECIP_SQRT_CHORD_SLOPE[index]!, fraction) >>> 7)) >>> 0;
  return (umulHi(y, (0xc0000000 - umulHi(m, umulHi(y, y) << 2)) >>> 0) << 1) >>> 0;
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

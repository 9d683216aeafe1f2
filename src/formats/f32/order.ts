/**
 * Ordering of binary32 encodings, shared by the comparisons, minimum/maximum and totalOrder.
 *
 * Flipping a negative word's bits and setting a positive word's sign bit turns sign-magnitude into an unsigned key
 * that increases with the value: -NaN < -inf < … < -0 < +0 < … < +inf < +NaN, NaNs ordered by payload (the
 * signaling ones nearer the infinities). That is exactly IEEE 754's totalOrder; the numeric comparisons only differ
 * in treating -0 and +0 as equal.
 */

export function orderKeyF32(a: number): number {
  return ((a & 0x80000000) !== 0 ? ~a : a | 0x80000000) >>> 0;
}

/** a < b for two non-NaN words, -0 = +0. */
export function ltOrderedF32(a: number, b: number): boolean {
  return ((a | b) << 1) !== 0 && orderKeyF32(a) < orderKeyF32(b);
}

/** a <= b for two non-NaN words, -0 = +0. */
export function leOrderedF32(a: number, b: number): boolean {
  return ((a | b) << 1) === 0 || orderKeyF32(a) <= orderKeyF32(b);
}

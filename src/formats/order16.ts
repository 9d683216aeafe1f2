/**
 * Ordering of 16-bit sign-magnitude encodings (binary16 and bfloat16 alike), shared by their comparisons,
 * minimum/maximum and totalOrder.
 *
 * Flipping a negative word's bits and setting a positive word's sign bit turns sign-magnitude into an unsigned key
 * that increases with the value: -NaN < -inf < … < -0 < +0 < … < +inf < +NaN, NaNs ordered by payload (the
 * signaling ones nearer the infinities). That is IEEE 754's totalOrder; the numeric comparisons only differ in
 * treating -0 and +0 as equal.
 */

export function orderKey16(a: number): number {
  return (a & 0x8000) !== 0 ? ~a & 0xffff : a | 0x8000;
}

/** a < b for two non-NaN words, -0 = +0. */
export function ltOrdered16(a: number, b: number): boolean {
  return ((a | b) & 0x7fff) !== 0 && orderKey16(a) < orderKey16(b);
}

/** a <= b for two non-NaN words, -0 = +0. */
export function leOrdered16(a: number, b: number): boolean {
  return ((a | b) & 0x7fff) === 0 || orderKey16(a) <= orderKey16(b);
}

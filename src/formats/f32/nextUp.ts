/**
 * binary32 nextUp (IEEE 754-2019 5.3.1): the least value above a. nextUp(±0) is the smallest positive subnormal,
 * nextUp(+inf) = +inf, nextUp(-inf) the most negative finite value. Exact: no flag except invalid for a signaling
 * NaN, which comes back quieted.
 */
import { propagateNaNF32 } from '../specialize.js';

export function f32_nextUp(a: number): number {
  a >>>= 0;
  if ((a & 0x7f800000) === 0x7f800000) {
    if ((a & 0x007fffff) !== 0) return propagateNaNF32(a, 0);
    return a === 0xff800000 ? 0xff7fffff : a;
  }
  if ((a & 0x7fffffff) === 0) return 0x00000001;
  // Encodings are ordered like magnitudes, so a step up is one unit up for a positive word, one down for a negative.
  return a < 0x80000000 ? a + 1 : a - 1;
}

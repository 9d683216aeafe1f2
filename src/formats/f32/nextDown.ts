/**
 * binary32 nextDown (IEEE 754-2019 5.3.1): the greatest value below a, i.e. -nextUp(-a). nextDown(±0) is the
 * smallest negative subnormal, nextDown(-inf) = -inf, nextDown(+inf) the greatest finite value. Exact: no flag
 * except invalid for a signaling NaN, which comes back quieted.
 */
import { propagateNaNF32 } from '../specialize.js';

export function f32_nextDown(a: number): number {
  a >>>= 0;
  if ((a & 0x7f800000) === 0x7f800000) {
    if ((a & 0x007fffff) !== 0) return propagateNaNF32(a, 0);
    return a === 0x7f800000 ? 0x7f7fffff : a;
  }
  if ((a & 0x7fffffff) === 0) return 0x80000001;
  return a < 0x80000000 ? a - 1 : a + 1;
}

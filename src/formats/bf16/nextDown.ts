/**
 * bfloat16 nextDown (IEEE 754-2019 5.3.1): the greatest value below a. nextDown(+-0) is the negative subnormal
 * nearest zero, nextDown(+inf) the greatest finite value, nextDown(-inf) = -inf; a NaN is propagated (a signaling
 * NaN raises invalid and comes back quiet). No other flags.
 */
import { isNaNBF16, propagateNaNBF16 } from '../specialize.js';

export function bf16_nextDown(a: number): number {
  if (isNaNBF16(a)) return propagateNaNBF16(a, 0);
  if ((a & 0x7fff) === 0) return 0x8001;
  if (a === 0xff80) return a;
  // Sign-magnitude: stepping down shrinks a positive word (+min subnormal goes to +0) and grows a negative one.
  return (a & 0x8000) === 0 ? a - 1 : a + 1;
}

/**
 * bfloat16 nextUp (IEEE 754-2019 5.3.1): the least value above a. nextUp(+-0) is the least positive subnormal,
 * nextUp(-inf) the most negative finite value, nextUp(+inf) = +inf; a NaN is propagated (a signaling NaN raises
 * invalid and comes back quiet). No other flags.
 */
import { isNaNBF16, propagateNaNBF16 } from '../specialize.js';

export function bf16_nextUp(a: number): number {
  if (isNaNBF16(a)) return propagateNaNBF16(a, 0);
  if ((a & 0x7fff) === 0) return 0x0001;
  if (a === 0x7f80) return a;
  // Sign-magnitude: stepping up grows a positive word and shrinks a negative one (-min subnormal goes to -0).
  return (a & 0x8000) === 0 ? a + 1 : a - 1;
}

/**
 * bfloat16 logB (IEEE 754-2019 5.3.3, as C's logb): the unbiased exponent of a, floor(log2|a|), as a bfloat16
 * value. logB(+-0) = -inf with divide-by-zero (flag_infinite), logB(+-inf) = +inf, a NaN is propagated. The result
 * lies in -133 … 127, so it is always exact.
 */
import { env, flag_infinite } from '../../env/environment.js';
import { clz32 } from '../../primitives/integer.js';
import { propagateNaNBF16 } from '../specialize.js';
import { packBF16, subnormalExpBF16 } from './roundPack.js';

export function bf16_logB(a: number): number {
  let exp = (a >>> 7) & 0xff;
  const frac = a & 0x7f;
  if (exp === 0xff) return frac !== 0 ? propagateNaNBF16(a, 0) : 0x7f80;
  if (exp === 0) {
    if (frac === 0) {
      env.flags |= flag_infinite;
      return 0xff80;
    }
    exp = subnormalExpBF16(frac);
  }
  let e = exp - 0x7f;
  if (e === 0) return 0;
  const sign = e < 0 ? 1 : 0;
  if (sign !== 0) e = -e;
  // |e| < 2^8 fits the 8-bit significand: put its top bit at the implicit position.
  const shiftDist = clz32(e) - 24;
  return packBF16(sign, 0x85 - shiftDist, e << shiftDist);
}

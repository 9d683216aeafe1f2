/**
 * binary32 logB (IEEE 754-2019 5.3.3, as C's logbf): the exponent of a, floor(log2 |a|), as a binary32 value;
 * subnormals count as if normalized. logB(±0) = -inf and raises divide-by-zero (flag_infinite), logB(±inf) = +inf,
 * NaNs propagate. The exponent, -149 … 127, is always exactly representable.
 */
import { env, flag_infinite } from '../../env/environment.js';
import { clz32 } from '../../primitives/integer.js';
import { propagateNaNF32 } from '../specialize.js';
import { packF32 } from './roundPack.js';

export function f32_logB(a: number): number {
  const exp = (a >>> 23) & 0xff;
  const sig = a & 0x007fffff;
  if (exp === 0xff) return sig !== 0 ? propagateNaNF32(a, 0) : 0x7f800000;
  if (exp === 0 && sig === 0) {
    env.flags |= flag_infinite;
    return 0xff800000;
  }
  // A subnormal is fraction·2^-149, so its leading fraction bit, at 2^(31 - clz32), stands for 2^(-118 - clz32).
  const e = exp !== 0 ? exp - 0x7f : -118 - clz32(sig);
  if (e === 0) return 0;
  const sign = e < 0 ? 1 : 0;
  const mag = e < 0 ? -e : e;
  // |e| < 2^8, leading bit at 2^(31 - shift): moved to the implicit-bit position 2^23, whose carry packF32 adds to
  // the exponent field.
  const shift = clz32(mag);
  return packF32(sign, 0x7f + 30 - shift, mag << (shift - 8));
}

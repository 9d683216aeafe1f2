/**
 * binary16 logB (IEEE 754-2019 5.3.3, as C's logb): the exponent of a as a binary16 value, subnormals counted as
 * if normalized (-24 … 15, always exact). logB(±0) = -inf with divide-by-zero (flag_infinite), logB(±inf) = +inf,
 * a NaN propagates.
 */
import { env, flag_infinite } from '../../env/environment.js';
import { clz32 } from '../../primitives/integer.js';
import { propagateNaNF16 } from '../specialize.js';
import { packF16 } from './roundPack.js';

export function f16_logB(a: number): number {
  const expA = (a >>> 10) & 0x1f;
  const sigA = a & 0x03ff;
  if (expA === 0x1f) return sigA !== 0 ? propagateNaNF16(a, 0) : 0x7c00;
  let e: number;
  if (expA === 0) {
    if (sigA === 0) {
      env.flags |= flag_infinite;
      return 0xfc00;
    }
    // The leading bit of a subnormal fraction at 2^k (k = 31 - clz) stands for 2^(k-24).
    e = 7 - clz32(sigA);
  } else {
    e = expA - 0xf;
  }
  if (e === 0) return 0;
  const sign = e < 0 ? 1 : 0;
  const mag = e < 0 ? -e : e;
  // |e| < 32: its leading bit goes to the implicit-bit position 2^10, whose carry makes the biased exponent 15 plus
  // that bit's index.
  const lead = 31 - clz32(mag);
  return packF16(sign, 0x0e + lead, mag << (10 - lead));
}

/**
 * binary32 scaleB(a, n) = a·2^n (IEEE 754-2019 5.3.3) for any int32 n, rounded once in the current mode with the
 * usual overflow, underflow and inexact flags. Zeros and infinities come back unchanged, NaNs propagate.
 */
import { propagateNaNF32 } from '../specialize.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from './roundPack.js';

export function f32_scaleB(a: number, n: number): number {
  a >>>= 0;
  let exp = (a >>> 23) & 0xff;
  let sig = a & 0x007fffff;
  if (exp === 0xff) return sig !== 0 ? propagateNaNF32(a, 0) : a;
  if (exp === 0) {
    if (sig === 0) return a;
    exp = subnormalExpF32(sig);
    sig = subnormalSigF32(sig);
  }
  // Every nonzero finite value times 2^±512 is far outside the range (even the subnormal one), so clamping n there
  // changes no result and keeps the exponent arithmetic small.
  n |= 0;
  if (n > 0x200) n = 0x200;
  else if (n < -0x200) n = -0x200;
  return roundPackToF32(a >>> 31, exp + n - 1, (sig | 0x00800000) << 7);
}

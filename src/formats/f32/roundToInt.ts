/**
 * binary32 round to an integral value in the given rounding mode (not the environment's). Inexact is raised only
 * when `exact` is true and the value changed; round_odd truncates and, when that dropped a nonzero fraction, makes
 * the result odd.
 */
import {
  env,
  flag_inexact,
  round_max,
  round_min,
  round_near_even,
  round_near_maxMag,
  round_odd,
} from '../../env/environment.js';
import { propagateNaNF32 } from '../specialize.js';

export function f32_roundToInt(a: number, roundingMode: number, exact: boolean): number {
  a >>>= 0;
  const exp = (a >>> 23) & 0xff;
  if (exp <= 0x7e) {
    // |a| < 1: the result is ±0 or ±1, keeping a's sign.
    if ((a << 1) === 0) return a;
    if (exact) env.flags |= flag_inexact;
    const sign = a & 0x80000000;
    const one = (sign | 0x3f800000) >>> 0;
    switch (roundingMode) {
      case round_near_even:
        // Exactly one half goes to the even 0; anything above it to 1.
        return exp === 0x7e && (a & 0x007fffff) !== 0 ? one : sign >>> 0;
      case round_near_maxMag:
        return exp === 0x7e ? one : sign >>> 0;
      case round_min:
        return sign !== 0 ? one : 0;
      case round_max:
        return sign !== 0 ? sign >>> 0 : one;
      case round_odd:
        return one;
      default:
        return sign >>> 0;
    }
  }
  // |a| >= 2^23 has no fraction bits (this includes infinities).
  if (exp >= 0x96) {
    if (exp === 0xff && (a & 0x007fffff) !== 0) return propagateNaNF32(a, 0);
    return a;
  }
  // Rounding works on the encoding: a carry out of the fraction correctly bumps the exponent.
  const lastBitMask = 1 << (0x96 - exp);
  const roundBitsMask = lastBitMask - 1;
  let z = a;
  if (roundingMode === round_near_maxMag) {
    z += lastBitMask >>> 1;
  } else if (roundingMode === round_near_even) {
    z += lastBitMask >>> 1;
    if ((z & roundBitsMask) === 0) z &= ~lastBitMask;
  } else if (roundingMode === (a >>> 31 !== 0 ? round_min : round_max)) {
    z += roundBitsMask;
  }
  z = (z & ~roundBitsMask) >>> 0;
  if (z !== a) {
    if (roundingMode === round_odd) z = (z | lastBitMask) >>> 0;
    if (exact) env.flags |= flag_inexact;
  }
  return z;
}

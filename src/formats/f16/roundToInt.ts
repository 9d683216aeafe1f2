/**
 * binary16 round to an integral value in the given rounding mode (round_odd: an inexact result is the odd integer
 * of the two around a). Raises inexact, when `exact` is true, only if the value changes; NaNs propagate.
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
import { propagateNaNF16 } from '../specialize.js';

export function f16_roundToInt(a: number, roundingMode: number, exact: boolean): number {
  const exp = (a >>> 10) & 0x1f;
  // |a| < 1: the result is ±0 or ±1 with a's sign.
  if (exp <= 0xe) {
    if ((a & 0x7fff) === 0) return a;
    if (exact) env.flags |= flag_inexact;
    const signZ = a & 0x8000;
    switch (roundingMode) {
      case round_near_even:
        // Exactly one half is a tie that goes to the even 0.
        return exp === 0xe && (a & 0x03ff) !== 0 ? signZ | 0x3c00 : signZ;
      case round_near_maxMag:
        return exp === 0xe ? signZ | 0x3c00 : signZ;
      case round_min:
        return signZ !== 0 ? 0xbc00 : 0;
      case round_max:
        return signZ !== 0 ? 0x8000 : 0x3c00;
      case round_odd:
        return signZ | 0x3c00;
      default:
        return signZ;
    }
  }
  // From 2^10 up every value is an integer.
  if (exp >= 0x19) return exp === 0x1f && (a & 0x03ff) !== 0 ? propagateNaNF16(a, 0) : a;
  const lastBitMask = 1 << (0x19 - exp);
  const roundBitsMask = lastBitMask - 1;
  let z = a;
  if (roundingMode === round_near_maxMag) {
    z += lastBitMask >>> 1;
  } else if (roundingMode === round_near_even) {
    z += lastBitMask >>> 1;
    if ((z & roundBitsMask) === 0) z &= ~lastBitMask;
  } else if (roundingMode === ((a & 0x8000) !== 0 ? round_min : round_max)) {
    z += roundBitsMask;
  }
  z &= ~roundBitsMask;
  if (z !== a) {
    if (roundingMode === round_odd) z |= lastBitMask;
    if (exact) env.flags |= flag_inexact;
  }
  return z;
}

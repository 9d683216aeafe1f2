/** bfloat16 rounded to an integral value in the given rounding mode; `exact` raises inexact when the value changes. */
import {
  env,
  flag_inexact,
  round_max,
  round_min,
  round_near_even,
  round_near_maxMag,
  round_odd,
} from '../../env/environment.js';
import { propagateNaNBF16 } from '../specialize.js';

export function bf16_roundToInt(a: number, roundingMode: number, exact: boolean): number {
  const exp = (a >>> 7) & 0xff;
  // |a| < 1: the result is a zero or one of the same sign.
  if (exp <= 0x7e) {
    if ((a & 0x7fff) === 0) return a;
    if (exact) env.flags |= flag_inexact;
    const sign = a & 0x8000;
    if (roundingMode === round_near_even) {
      // Only above one half (exponent field 0x7e with a nonzero fraction) is one nearer than zero.
      return exp === 0x7e && (a & 0x7f) !== 0 ? sign | 0x3f80 : sign;
    }
    if (roundingMode === round_near_maxMag) return exp === 0x7e ? sign | 0x3f80 : sign;
    if (roundingMode === round_min) return sign !== 0 ? 0xbf80 : 0;
    if (roundingMode === round_max) return sign !== 0 ? 0x8000 : 0x3f80;
    if (roundingMode === round_odd) return sign | 0x3f80;
    return sign;
  }
  // From 2^7 up every value is an integer.
  if (exp >= 0x86) {
    if (exp === 0xff && (a & 0x7f) !== 0) return propagateNaNBF16(a, 0);
    return a;
  }
  const lastBitMask = 1 << (0x86 - exp);
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

/**
 * binary32 to int64: f32_to_i64 rounds in the given rounding mode (not the environment's), f32_to_i64_r_minMag
 * truncates. Both return the low word (uint32) and leave the high word in `wide.hi`. Inexact is raised only when
 * `exact` is true and the value was not an integer; NaNs and out-of-range values raise invalid and give -2^63.
 */
import { env, flag_inexact } from '../../env/environment.js';
import { shiftLeft64, shiftRightJam32, sub64, wide } from '../../primitives/integer.js';
import { invalidI64, roundToI64 } from './roundToInteger.js';

export function f32_to_i64(a: number, roundingMode: number, exact: boolean): number {
  const sign = a >>> 31;
  let exp = (a >>> 23) & 0xff;
  // |a| >= 2^64, NaNs and infinities included, is out of range in every rounding mode.
  if (exp > 0xbe) return invalidI64();
  let sig = a & 0x007fffff;
  if (exp !== 0) sig |= 0x00800000;
  else exp = 1;
  // |a| = sig·2^-dist, split into an integer part and a fraction word for the rounding.
  const dist = 0x96 - exp;
  if (dist <= 0) {
    const lo = shiftLeft64(0, sig, -dist);
    return roundToI64(sign, wide.hi, lo, 0, roundingMode, exact);
  }
  if (dist < 32) return roundToI64(sign, 0, sig >>> dist, (sig << (32 - dist)) >>> 0, roundingMode, exact);
  return roundToI64(sign, 0, 0, shiftRightJam32(sig, dist - 32), roundingMode, exact);
}

export function f32_to_i64_r_minMag(a: number, exact: boolean): number {
  const exp = (a >>> 23) & 0xff;
  const frac = a & 0x007fffff;
  if (exp < 0x7f) {
    if (exact && (exp | frac) !== 0) env.flags |= flag_inexact;
    wide.hi = 0;
    return 0;
  }
  if (exp >= 0xbe) {
    // Of the magnitudes from 2^63 up (NaNs included) only -2^63 itself fits.
    if (a >>> 0 !== 0xdf000000) return invalidI64();
    wide.hi = 0x80000000;
    return 0;
  }
  const sig = frac | 0x00800000;
  let lo: number;
  let hi = 0;
  if (exp >= 0x96) {
    lo = shiftLeft64(0, sig, exp - 0x96);
    hi = wide.hi;
  } else {
    const dist = 0x96 - exp;
    lo = sig >>> dist;
    if (exact && lo << dist !== sig) env.flags |= flag_inexact;
  }
  if (a >>> 31 === 0) {
    wide.hi = hi;
    return lo;
  }
  return sub64(0, 0, hi, lo);
}

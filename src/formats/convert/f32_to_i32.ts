/**
 * binary32 to int32: f32_to_i32 rounds in the given rounding mode (not the environment's), f32_to_i32_r_minMag
 * truncates, as a C cast does. Inexact is raised only when `exact` is true and the value was not an integer; NaNs
 * and out-of-range values raise invalid and give -2^31.
 */
import { env, flag_inexact } from '../../env/environment.js';
import { shiftRightJam32 } from '../../primitives/integer.js';
import { invalidI32, roundToI32 } from './roundToInteger.js';

export function f32_to_i32(a: number, roundingMode: number, exact: boolean): number {
  const sign = a >>> 31;
  let exp = (a >>> 23) & 0xff;
  // |a| >= 2^32, NaNs and infinities included, is out of range in every rounding mode.
  if (exp > 0x9e) return invalidI32();
  let sig = a & 0x007fffff;
  if (exp !== 0) sig |= 0x00800000;
  else exp = 1;
  // |a| = sig·2^-dist, split into an integer part and a fraction word for the rounding.
  const dist = 0x96 - exp;
  if (dist <= 0) return roundToI32(sign, sig << -dist, 0, roundingMode, exact);
  if (dist < 32) return roundToI32(sign, sig >>> dist, (sig << (32 - dist)) >>> 0, roundingMode, exact);
  return roundToI32(sign, 0, shiftRightJam32(sig, dist - 32), roundingMode, exact);
}

export function f32_to_i32_r_minMag(a: number, exact: boolean): number {
  const exp = (a >>> 23) & 0xff;
  const frac = a & 0x007fffff;
  if (exp < 0x7f) {
    if (exact && (exp | frac) !== 0) env.flags |= flag_inexact;
    return 0;
  }
  if (exp >= 0x9e) {
    // Of the magnitudes from 2^31 up (NaNs included) only -2^31 itself fits.
    return a >>> 0 === 0xcf000000 ? -0x80000000 : invalidI32();
  }
  // |a| = sig·2^-dist with the leading bit of sig at 2^30, dist 0 … 30.
  const sig = (frac | 0x00800000) << 7;
  const dist = 0x9d - exp;
  const z = sig >>> dist;
  if (exact && z << dist !== sig) env.flags |= flag_inexact;
  return a >>> 31 !== 0 ? -z | 0 : z;
}

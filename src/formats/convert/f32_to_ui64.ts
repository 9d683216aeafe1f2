/**
 * binary32 to uint64: f32_to_ui64 rounds in the given rounding mode (not the environment's), f32_to_ui64_r_minMag
 * truncates. Both return the low word and leave the high word in `wide.hi`. Inexact is raised only when `exact` is
 * true and the value was not an integer. NaNs and values out of range raise invalid and give all ones; negative
 * values are out of range unless they round to 0.
 */
import { env, flag_inexact } from '../../env/environment.js';
import { shiftLeft64, shiftRightJam32, wide } from '../../primitives/integer.js';
import { invalidUI64, roundToUI64 } from './roundToInteger.js';

export function f32_to_ui64(a: number, roundingMode: number, exact: boolean): number {
  const sign = a >>> 31;
  let exp = (a >>> 23) & 0xff;
  // |a| >= 2^64, NaNs and infinities included, is out of range in every rounding mode.
  if (exp > 0xbe) return invalidUI64();
  let sig = a & 0x007fffff;
  if (exp !== 0) sig |= 0x00800000;
  else exp = 1;
  // |a| = sig·2^-dist, split into an integer part and a fraction word for the rounding.
  const dist = 0x96 - exp;
  if (dist <= 0) {
    const lo = shiftLeft64(0, sig, -dist);
    return roundToUI64(sign, wide.hi, lo, 0, roundingMode, exact);
  }
  if (dist < 32) return roundToUI64(sign, 0, sig >>> dist, (sig << (32 - dist)) >>> 0, roundingMode, exact);
  return roundToUI64(sign, 0, 0, shiftRightJam32(sig, dist - 32), roundingMode, exact);
}

export function f32_to_ui64_r_minMag(a: number, exact: boolean): number {
  const exp = (a >>> 23) & 0xff;
  const frac = a & 0x007fffff;
  if (exp < 0x7f) {
    // |a| < 1 truncates to 0, negative or not.
    if (exact && (exp | frac) !== 0) env.flags |= flag_inexact;
    wide.hi = 0;
    return 0;
  }
  if (a >>> 31 !== 0 || exp > 0xbe) return invalidUI64();
  const sig = frac | 0x00800000;
  if (exp >= 0x96) return shiftLeft64(0, sig, exp - 0x96);
  const dist = 0x96 - exp;
  const z = sig >>> dist;
  if (exact && z << dist !== sig) env.flags |= flag_inexact;
  wide.hi = 0;
  return z;
}

/**
 * binary32 to uint32: f32_to_ui32 rounds in the given rounding mode (not the environment's), f32_to_ui32_r_minMag
 * truncates. Inexact is raised only when `exact` is true and the value was not an integer. NaNs and values out of
 * range raise invalid and give 0xFFFFFFFF; negative values are out of range unless they round to 0.
 */
import { env, flag_inexact } from '../../env/environment.js';
import { shiftRightJam32 } from '../../primitives/integer.js';
import { invalidUI32, roundToUI32 } from './roundToInteger.js';

export function f32_to_ui32(a: number, roundingMode: number, exact: boolean): number {
  const sign = a >>> 31;
  let exp = (a >>> 23) & 0xff;
  // |a| >= 2^32, NaNs and infinities included, is out of range in every rounding mode.
  if (exp > 0x9e) return invalidUI32();
  let sig = a & 0x007fffff;
  if (exp !== 0) sig |= 0x00800000;
  else exp = 1;
  // |a| = sig·2^-dist, split into an integer part and a fraction word for the rounding.
  const dist = 0x96 - exp;
  if (dist <= 0) return roundToUI32(sign, sig << -dist, 0, roundingMode, exact);
  if (dist < 32) return roundToUI32(sign, sig >>> dist, (sig << (32 - dist)) >>> 0, roundingMode, exact);
  return roundToUI32(sign, 0, shiftRightJam32(sig, dist - 32), roundingMode, exact);
}

export function f32_to_ui32_r_minMag(a: number, exact: boolean): number {
  const exp = (a >>> 23) & 0xff;
  const frac = a & 0x007fffff;
  if (exp < 0x7f) {
    // |a| < 1 truncates to 0, negative or not.
    if (exact && (exp | frac) !== 0) env.flags |= flag_inexact;
    return 0;
  }
  if (a >>> 31 !== 0 || exp > 0x9e) return invalidUI32();
  // |a| = sig·2^-dist with the leading bit of sig at 2^31, dist 0 … 31.
  const sig = ((frac | 0x00800000) << 8) >>> 0;
  const dist = 0x9e - exp;
  const z = sig >>> dist;
  if (exact && (z << dist) >>> 0 !== sig) env.flags |= flag_inexact;
  return z;
}

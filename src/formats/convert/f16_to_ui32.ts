/**
 * binary16 to uint32: f16_to_ui32 rounds in the given rounding mode (not the environment's), f16_to_ui32_r_minMag
 * truncates. Inexact is raised only when `exact` is true and the value was not an integer. NaNs, infinities and
 * negative values that do not round to 0 raise invalid and give 0xFFFFFFFF.
 */
import { env, flag_inexact } from '../../env/environment.js';
import { invalidUI32, roundToUI32 } from './roundToInteger.js';

export function f16_to_ui32(a: number, roundingMode: number, exact: boolean): number {
  let exp = (a >>> 10) & 0x1f;
  if (exp === 0x1f) return invalidUI32();
  let sig = a & 0x03ff;
  if (exp !== 0) sig |= 0x0400;
  else exp = 1;
  // |a| = sig·2^-dist, dist -5 … 24: split into an integer part and a fraction word for the rounding.
  const dist = 0x19 - exp;
  const sign = (a >>> 15) & 1;
  if (dist <= 0) return roundToUI32(sign, sig << -dist, 0, roundingMode, exact);
  return roundToUI32(sign, sig >>> dist, (sig << (32 - dist)) >>> 0, roundingMode, exact);
}

export function f16_to_ui32_r_minMag(a: number, exact: boolean): number {
  const exp = (a >>> 10) & 0x1f;
  const frac = a & 0x03ff;
  if (exp < 0x0f) {
    // |a| < 1 truncates to 0, negative or not.
    if (exact && (exp | frac) !== 0) env.flags |= flag_inexact;
    return 0;
  }
  if ((a & 0x8000) !== 0 || exp === 0x1f) return invalidUI32();
  const sig = frac | 0x0400;
  if (exp >= 0x19) return sig << (exp - 0x19);
  const dist = 0x19 - exp;
  const z = sig >>> dist;
  if (exact && z << dist !== sig) env.flags |= flag_inexact;
  return z;
}

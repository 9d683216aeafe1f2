/**
 * binary16 to uint64: f16_to_ui64 rounds in the given rounding mode (not the environment's), f16_to_ui64_r_minMag
 * truncates. Both return the low word and leave the high word in `wide.hi`. Inexact is raised only when `exact` is
 * true and the value was not an integer. NaNs, infinities and negative values that do not round to 0 raise invalid
 * and give all ones.
 */
import { env, flag_inexact } from '../../env/environment.js';
import { wide } from '../../primitives/integer.js';
import { invalidUI64, roundToUI64 } from './roundToInteger.js';

export function f16_to_ui64(a: number, roundingMode: number, exact: boolean): number {
  let exp = (a >>> 10) & 0x1f;
  if (exp === 0x1f) return invalidUI64();
  let sig = a & 0x03ff;
  if (exp !== 0) sig |= 0x0400;
  else exp = 1;
  // |a| = sig·2^-dist, dist -5 … 24: split into an integer part and a fraction word for the rounding.
  const dist = 0x19 - exp;
  const sign = (a >>> 15) & 1;
  if (dist <= 0) return roundToUI64(sign, 0, sig << -dist, 0, roundingMode, exact);
  return roundToUI64(sign, 0, sig >>> dist, (sig << (32 - dist)) >>> 0, roundingMode, exact);
}

export function f16_to_ui64_r_minMag(a: number, exact: boolean): number {
  const exp = (a >>> 10) & 0x1f;
  const frac = a & 0x03ff;
  if (exp < 0x0f) {
    // |a| < 1 truncates to 0, negative or not.
    if (exact && (exp | frac) !== 0) env.flags |= flag_inexact;
    wide.hi = 0;
    return 0;
  }
  if ((a & 0x8000) !== 0 || exp === 0x1f) return invalidUI64();
  const sig = frac | 0x0400;
  wide.hi = 0;
  if (exp >= 0x19) return sig << (exp - 0x19);
  const dist = 0x19 - exp;
  const z = sig >>> dist;
  if (exact && z << dist !== sig) env.flags |= flag_inexact;
  return z;
}

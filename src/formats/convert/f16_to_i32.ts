/**
 * binary16 to int32: f16_to_i32 rounds in the given rounding mode (not the environment's), f16_to_i32_r_minMag
 * truncates. Every finite binary16 value fits; inexact is raised only when `exact` is true and the value was not an
 * integer. NaNs and infinities raise invalid and give -2^31.
 */
import { env, flag_inexact } from '../../env/environment.js';
import { invalidI32, roundToI32 } from './roundToInteger.js';

export function f16_to_i32(a: number, roundingMode: number, exact: boolean): number {
  let exp = (a >>> 10) & 0x1f;
  if (exp === 0x1f) return invalidI32();
  let sig = a & 0x03ff;
  if (exp !== 0) sig |= 0x0400;
  else exp = 1;
  // |a| = sig·2^-dist, dist -5 … 24: split into an integer part and a fraction word for the rounding.
  const dist = 0x19 - exp;
  const sign = (a >>> 15) & 1;
  if (dist <= 0) return roundToI32(sign, sig << -dist, 0, roundingMode, exact);
  return roundToI32(sign, sig >>> dist, (sig << (32 - dist)) >>> 0, roundingMode, exact);
}

export function f16_to_i32_r_minMag(a: number, exact: boolean): number {
  const exp = (a >>> 10) & 0x1f;
  const frac = a & 0x03ff;
  if (exp < 0x0f) {
    if (exact && (exp | frac) !== 0) env.flags |= flag_inexact;
    return 0;
  }
  if (exp === 0x1f) return invalidI32();
  const sig = frac | 0x0400;
  let z: number;
  if (exp >= 0x19) {
    z = sig << (exp - 0x19);
  } else {
    const dist = 0x19 - exp;
    z = sig >>> dist;
    if (exact && z << dist !== sig) env.flags |= flag_inexact;
  }
  return (a & 0x8000) !== 0 ? -z : z;
}

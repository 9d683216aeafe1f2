/**
 * binary16 to int64: f16_to_i64 rounds in the given rounding mode (not the environment's), f16_to_i64_r_minMag
 * truncates. Both return the low word (uint32) and leave the high word in `wide.hi`. Every finite binary16 value
 * fits; inexact is raised only when `exact` is true and the value was not an integer. NaNs and infinities raise
 * invalid and give -2^63.
 */
import { env, flag_inexact } from '../../env/environment.js';
import { wide } from '../../primitives/integer.js';
import { invalidI64, roundToI64 } from './roundToInteger.js';

export function f16_to_i64(a: number, roundingMode: number, exact: boolean): number {
  let exp = (a >>> 10) & 0x1f;
  if (exp === 0x1f) return invalidI64();
  let sig = a & 0x03ff;
  if (exp !== 0) sig |= 0x0400;
  else exp = 1;
  // |a| = sig·2^-dist, dist -5 … 24: split into an integer part and a fraction word for the rounding.
  const dist = 0x19 - exp;
  const sign = (a >>> 15) & 1;
  if (dist <= 0) return roundToI64(sign, 0, sig << -dist, 0, roundingMode, exact);
  return roundToI64(sign, 0, sig >>> dist, (sig << (32 - dist)) >>> 0, roundingMode, exact);
}

export function f16_to_i64_r_minMag(a: number, exact: boolean): number {
  const exp = (a >>> 10) & 0x1f;
  const frac = a & 0x03ff;
  if (exp < 0x0f) {
    if (exact && (exp | frac) !== 0) env.flags |= flag_inexact;
    wide.hi = 0;
    return 0;
  }
  if (exp === 0x1f) return invalidI64();
  const sig = frac | 0x0400;
  let z: number;
  if (exp >= 0x19) {
    z = sig << (exp - 0x19);
  } else {
    const dist = 0x19 - exp;
    z = sig >>> dist;
    if (exact && z << dist !== sig) env.flags |= flag_inexact;
  }
  // z is 1 … 65504, so the negation only sign-extends into the high word.
  if ((a & 0x8000) !== 0) {
    wide.hi = 0xffffffff;
    return -z >>> 0;
  }
  wide.hi = 0;
  return z;
}

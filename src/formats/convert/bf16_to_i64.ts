/**
 * bfloat16 to int64: bf16_to_i64 rounds in the given rounding mode (not the environment's), bf16_to_i64_r_minMag
 * truncates. Both return the low word (uint32) and leave the high word in `wide.hi`. Inexact is raised only when
 * `exact` is true and the value was not an integer; NaNs and out-of-range values raise invalid and give -2^63.
 *
 * A bfloat16 word is the top half of the binary32 word of the same value (NaNs included, and a bfloat16 NaN is
 * signaling exactly when that binary32 NaN is), so both are the binary32 conversions of that word.
 */
import { f32_to_i64, f32_to_i64_r_minMag } from './f32_to_i64.js';

export function bf16_to_i64(a: number, roundingMode: number, exact: boolean): number {
  return f32_to_i64((a << 16) >>> 0, roundingMode, exact);
}

export function bf16_to_i64_r_minMag(a: number, exact: boolean): number {
  return f32_to_i64_r_minMag((a << 16) >>> 0, exact);
}

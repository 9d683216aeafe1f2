/**
 * bfloat16 to int32: bf16_to_i32 rounds in the given rounding mode (not the environment's), bf16_to_i32_r_minMag
 * truncates. Inexact is raised only when `exact` is true and the value was not an integer; NaNs and out-of-range
 * values raise invalid and give -2^31.
 *
 * A bfloat16 word is the top half of the binary32 word of the same value (NaNs included, and a bfloat16 NaN is
 * signaling exactly when that binary32 NaN is), so both are the binary32 conversions of that word.
 */
import { f32_to_i32, f32_to_i32_r_minMag } from './f32_to_i32.js';

export function bf16_to_i32(a: number, roundingMode: number, exact: boolean): number {
  return f32_to_i32((a << 16) >>> 0, roundingMode, exact);
}

export function bf16_to_i32_r_minMag(a: number, exact: boolean): number {
  return f32_to_i32_r_minMag((a << 16) >>> 0, exact);
}

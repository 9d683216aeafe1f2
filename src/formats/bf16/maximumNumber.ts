/**
 * bfloat16 maximumNumber (IEEE 754-2019 9.6): a NaN operand is ignored when the other is a number (a signaling one
 * still raises invalid); two NaNs give a NaN. +0 is greater than -0.
 */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNBF16, isSignalingNaNBF16, propagateNaNBF16 } from '../specialize.js';
import { orderKey16 } from '../order16.js';

export function bf16_maximumNumber(a: number, b: number): number {
  if (isNaNBF16(a)) {
    if (isNaNBF16(b)) return propagateNaNBF16(a, b);
    if (isSignalingNaNBF16(a)) env.flags |= flag_invalid;
    return b;
  }
  if (isNaNBF16(b)) {
    if (isSignalingNaNBF16(b)) env.flags |= flag_invalid;
    return a;
  }
  return orderKey16(a) >= orderKey16(b) ? a : b;
}

/**
 * binary16 maximumNumber (IEEE 754-2019 9.6): a NaN operand is ignored when the other is a number (a signaling one
 * still raises invalid); two NaNs give a NaN. +0 is greater than -0.
 */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNF16, isSignalingNaNF16, propagateNaNF16 } from '../specialize.js';
import { orderKey16 } from '../order16.js';

export function f16_maximumNumber(a: number, b: number): number {
  if (isNaNF16(a)) {
    if (isNaNF16(b)) return propagateNaNF16(a, b);
    if (isSignalingNaNF16(a)) env.flags |= flag_invalid;
    return b;
  }
  if (isNaNF16(b)) {
    if (isSignalingNaNF16(b)) env.flags |= flag_invalid;
    return a;
  }
  return orderKey16(a) >= orderKey16(b) ? a : b;
}

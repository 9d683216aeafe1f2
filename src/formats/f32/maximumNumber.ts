/**
 * binary32 maximumNumber (IEEE 754-2019 9.6): the greater operand, +0 above -0, a NaN counting as missing data:
 * with one NaN operand the other is the result (a signaling NaN still raises invalid); only two NaNs give a NaN.
 */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNF32, isSignalingNaNF32, propagateNaNF32 } from '../specialize.js';
import { orderKeyF32 } from './order.js';

export function f32_maximumNumber(a: number, b: number): number {
  const nanA = isNaNF32(a);
  const nanB = isNaNF32(b);
  if (nanA || nanB) {
    if (nanA && nanB) return propagateNaNF32(a, b);
    if (isSignalingNaNF32(a) || isSignalingNaNF32(b)) env.flags |= flag_invalid;
    return (nanA ? b : a) >>> 0;
  }
  return orderKeyF32(a) >= orderKeyF32(b) ? a >>> 0 : b >>> 0;
}

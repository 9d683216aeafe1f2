/** binary32 a = b, a quiet comparison: a NaN makes it false and raises invalid only if it is signaling. +0 = -0. */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNF32, isSignalingNaNF32 } from '../specialize.js';

export function f32_eq(a: number, b: number): boolean {
  if (isNaNF32(a) || isNaNF32(b)) {
    if (isSignalingNaNF32(a) || isSignalingNaNF32(b)) env.flags |= flag_invalid;
    return false;
  }
  return a >>> 0 === b >>> 0 || ((a | b) << 1) === 0;
}

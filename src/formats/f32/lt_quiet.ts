/** binary32 a < b, a quiet comparison: a NaN makes it false and raises invalid only if it is signaling. */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNF32, isSignalingNaNF32 } from '../specialize.js';
import { ltOrderedF32 } from './order.js';

export function f32_lt_quiet(a: number, b: number): boolean {
  if (isNaNF32(a) || isNaNF32(b)) {
    if (isSignalingNaNF32(a) || isSignalingNaNF32(b)) env.flags |= flag_invalid;
    return false;
  }
  return ltOrderedF32(a, b);
}

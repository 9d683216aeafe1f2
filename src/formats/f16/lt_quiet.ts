/** binary16 a < b, a quiet comparison: a NaN makes it false and raises invalid only if it is signaling. */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNF16, isSignalingNaNF16 } from '../specialize.js';
import { ltOrdered16 } from '../order16.js';

export function f16_lt_quiet(a: number, b: number): boolean {
  if (isNaNF16(a) || isNaNF16(b)) {
    if (isSignalingNaNF16(a) || isSignalingNaNF16(b)) env.flags |= flag_invalid;
    return false;
  }
  return ltOrdered16(a, b);
}

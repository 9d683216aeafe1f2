/** bfloat16 a <= b, a quiet comparison: a NaN makes it false and raises invalid only if it is signaling. */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNBF16, isSignalingNaNBF16 } from '../specialize.js';
import { leOrdered16 } from '../order16.js';

export function bf16_le_quiet(a: number, b: number): boolean {
  if (isNaNBF16(a) || isNaNBF16(b)) {
    if (isSignalingNaNBF16(a) || isSignalingNaNBF16(b)) env.flags |= flag_invalid;
    return false;
  }
  return leOrdered16(a, b);
}

/** bfloat16 a = b, quiet: NaNs compare unequal and only a signaling NaN raises invalid; +0 equals -0. */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNBF16, isSignalingNaNBF16 } from '../specialize.js';

export function bf16_eq(a: number, b: number): boolean {
  if (isNaNBF16(a) || isNaNBF16(b)) {
    if (isSignalingNaNBF16(a) || isSignalingNaNBF16(b)) env.flags |= flag_invalid;
    return false;
  }
  return a === b || ((a | b) & 0x7fff) === 0;
}

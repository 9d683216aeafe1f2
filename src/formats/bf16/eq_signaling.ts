/** bfloat16 a = b, signaling: any NaN operand raises invalid (and compares unequal); +0 equals -0. */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNBF16 } from '../specialize.js';

export function bf16_eq_signaling(a: number, b: number): boolean {
  if (isNaNBF16(a) || isNaNBF16(b)) {
    env.flags |= flag_invalid;
    return false;
  }
  return a === b || ((a | b) & 0x7fff) === 0;
}

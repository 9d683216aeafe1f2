/** bfloat16 a < b, a signaling comparison: any NaN operand makes it false and raises invalid. */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNBF16 } from '../specialize.js';
import { ltOrdered16 } from '../order16.js';

export function bf16_lt(a: number, b: number): boolean {
  if (isNaNBF16(a) || isNaNBF16(b)) {
    env.flags |= flag_invalid;
    return false;
  }
  return ltOrdered16(a, b);
}

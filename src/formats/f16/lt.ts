/** binary16 a < b, a signaling comparison: any NaN operand makes it false and raises invalid. */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNF16 } from '../specialize.js';
import { ltOrdered16 } from '../order16.js';

export function f16_lt(a: number, b: number): boolean {
  if (isNaNF16(a) || isNaNF16(b)) {
    env.flags |= flag_invalid;
    return false;
  }
  return ltOrdered16(a, b);
}

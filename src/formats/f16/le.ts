/** binary16 a <= b, a signaling comparison: any NaN operand makes it false and raises invalid. */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNF16 } from '../specialize.js';
import { leOrdered16 } from '../order16.js';

export function f16_le(a: number, b: number): boolean {
  if (isNaNF16(a) || isNaNF16(b)) {
    env.flags |= flag_invalid;
    return false;
  }
  return leOrdered16(a, b);
}

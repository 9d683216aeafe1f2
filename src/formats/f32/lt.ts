/** binary32 a < b, a signaling comparison: any NaN operand makes it false and raises invalid. */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNF32 } from '../specialize.js';
import { ltOrderedF32 } from './order.js';

export function f32_lt(a: number, b: number): boolean {
  if (isNaNF32(a) || isNaNF32(b)) {
    env.flags |= flag_invalid;
    return false;
  }
  return ltOrderedF32(a, b);
}

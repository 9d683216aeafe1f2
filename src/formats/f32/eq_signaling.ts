/** binary32 a = b, a signaling comparison: any NaN operand makes it false and raises invalid. +0 = -0. */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNF32 } from '../specialize.js';

export function f32_eq_signaling(a: number, b: number): boolean {
  if (isNaNF32(a) || isNaNF32(b)) {
    env.flags |= flag_invalid;
    return false;
  }
  return a >>> 0 === b >>> 0 || ((a | b) << 1) === 0;
}

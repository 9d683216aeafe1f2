/** binary16 a = b, a signaling comparison: any NaN operand makes it false and raises invalid. +0 = -0. */
import { env, flag_invalid } from '../../env/environment.js';
import { isNaNF16 } from '../specialize.js';

export function f16_eq_signaling(a: number, b: number): boolean {
  if (isNaNF16(a) || isNaNF16(b)) {
    env.flags |= flag_invalid;
    return false;
  }
  return a === b || ((a | b) & 0x7fff) === 0;
}

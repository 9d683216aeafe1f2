/** binary32 minimum (IEEE 754-2019 9.6): the lesser operand, -0 below +0; a NaN operand gives a NaN. */
import { isNaNF32, propagateNaNF32 } from '../specialize.js';
import { orderKeyF32 } from './order.js';

export function f32_minimum(a: number, b: number): number {
  if (isNaNF32(a) || isNaNF32(b)) return propagateNaNF32(a, b);
  return orderKeyF32(a) <= orderKeyF32(b) ? a >>> 0 : b >>> 0;
}

/** binary16 maximum (IEEE 754-2019 9.6): a NaN operand gives a NaN; +0 is greater than -0. No flags for numbers. */
import { isNaNF16, propagateNaNF16 } from '../specialize.js';
import { orderKey16 } from '../order16.js';

export function f16_maximum(a: number, b: number): number {
  if (isNaNF16(a) || isNaNF16(b)) return propagateNaNF16(a, b);
  return orderKey16(a) >= orderKey16(b) ? a : b;
}

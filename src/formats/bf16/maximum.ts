/** bfloat16 maximum (IEEE 754-2019 9.6): a NaN operand gives a NaN; +0 is greater than -0. No flags for numbers. */
import { isNaNBF16, propagateNaNBF16 } from '../specialize.js';
import { orderKey16 } from '../order16.js';

export function bf16_maximum(a: number, b: number): number {
  if (isNaNBF16(a) || isNaNBF16(b)) return propagateNaNBF16(a, b);
  return orderKey16(a) >= orderKey16(b) ? a : b;
}

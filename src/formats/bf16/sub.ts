/** bfloat16 subtraction a - b, correctly rounded in the current mode. */
import { addMagsBF16 } from './addMags.js';
import { subMagsBF16 } from './subMags.js';

export function bf16_sub(a: number, b: number): number {
  return ((a ^ b) & 0x8000) === 0 ? subMagsBF16(a, b) : addMagsBF16(a, b);
}

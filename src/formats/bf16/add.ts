/** bfloat16 addition, correctly rounded in the current mode. */
import { addMagsBF16 } from './addMags.js';
import { subMagsBF16 } from './subMags.js';

export function bf16_add(a: number, b: number): number {
  return ((a ^ b) & 0x8000) === 0 ? addMagsBF16(a, b) : subMagsBF16(a, b);
}

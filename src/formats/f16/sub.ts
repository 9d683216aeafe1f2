/** binary16 subtraction a - b, correctly rounded in the current mode. */
import { addMagsF16 } from './addMags.js';
import { subMagsF16 } from './subMags.js';

export function f16_sub(a: number, b: number): number {
  return ((a ^ b) & 0x8000) === 0 ? subMagsF16(a, b) : addMagsF16(a, b);
}

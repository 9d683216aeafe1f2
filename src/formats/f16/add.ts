/** binary16 addition, correctly rounded in the current mode. */
import { addMagsF16 } from './addMags.js';
import { subMagsF16 } from './subMags.js';

export function f16_add(a: number, b: number): number {
  return ((a ^ b) & 0x8000) === 0 ? addMagsF16(a, b) : subMagsF16(a, b);
}

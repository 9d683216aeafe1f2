/** binary32 subtraction a - b, correctly rounded in the current mode. */
import { addMagsF32 } from './addMags.js';
import { subMagsF32 } from './subMags.js';

export function f32_sub(a: number, b: number): number {
  return ((a ^ b) & 0x80000000) === 0 ? subMagsF32(a, b) : addMagsF32(a, b);
}

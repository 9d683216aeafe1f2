/** binary32 addition, correctly rounded in the current mode. */
import { addMagsF32 } from './addMags.js';
import { subMagsF32 } from './subMags.js';

export function f32_add(a: number, b: number): number {
  return ((a ^ b) & 0x80000000) === 0 ? addMagsF32(a, b) : subMagsF32(a, b);
}

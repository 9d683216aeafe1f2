/** binary32 subtraction a - b, correctly rounded in the current mode. */
import { env } from '../../env/environment.js';
import { addMagsF32 } from './addMags.js';
import { addNearEvenF32 } from './addNearEven.js';
import { subMagsF32 } from './subMags.js';

export function f32_sub(a: number, b: number): number {
  // 0: round_near_even, written as a literal so that V8 need not load and check the imported constant.
  if (env.roundingMode === 0) {
    const z = addNearEvenF32(a, b ^ 0x80000000);
    // 0xFFFFFFFF: SLOW_F32.
    if (z !== 0xffffffff) return z;
  }
  // The slow result as a word too, so that the fast one is never boxed (heap-allocated) where the two paths meet.
  return (((a ^ b) & 0x80000000) === 0 ? subMagsF32(a, b) : addMagsF32(a, b)) >>> 0;
}

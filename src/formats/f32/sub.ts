/** binary32 subtraction a - b, correctly rounded in the current mode. */
import { env, round_near_even } from '../../env/environment.js';
import { addMagsF32 } from './addMags.js';
import { addNearEvenF32, isNormalF32 } from './addNearEven.js';
import { subMagsF32 } from './subMags.js';

export function f32_sub(a: number, b: number): number {
  if (env.roundingMode === round_near_even && isNormalF32(a) && isNormalF32(b)) {
    const z = addNearEvenF32(a, (b ^ 0x80000000) >>> 0);
    if (z >= 0) return z;
  }
  return ((a ^ b) & 0x80000000) === 0 ? subMagsF32(a, b) : addMagsF32(a, b);
}

/** binary32 addition, correctly rounded in the current mode. */
import { env, round_near_even } from '../../env/environment.js';
import { addMagsF32 } from './addMags.js';
import { addNearEvenF32, isNormalF32 } from './addNearEven.js';
import { subMagsF32 } from './subMags.js';

export function f32_add(a: number, b: number): number {
  if (env.roundingMode === round_near_even && isNormalF32(a) && isNormalF32(b)) {
    const z = addNearEvenF32(a, b);
    if (z >= 0) return z;
  }
  return ((a ^ b) & 0x80000000) === 0 ? addMagsF32(a, b) : subMagsF32(a, b);
}

/** bfloat16 multiplication, correctly rounded in the current mode. */
import { env, flag_invalid } from '../../env/environment.js';
import { invalidNaNBF16, propagateNaNBF16 } from '../specialize.js';
import { packBF16, roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from './roundPack.js';

export function bf16_mul(a: number, b: number): number {
  let expA = (a >>> 7) & 0xff;
  let sigA = a & 0x7f;
  let expB = (b >>> 7) & 0xff;
  let sigB = b & 0x7f;
  const signZ = ((a ^ b) >>> 15) & 1;
  if (expA === 0xff || expB === 0xff) {
    if ((expA === 0xff && sigA !== 0) || (expB === 0xff && sigB !== 0)) return propagateNaNBF16(a, b);
    // Infinity times zero has no meaningful value.
    if ((expA | sigA) === 0 || (expB | sigB) === 0) {
      env.flags |= flag_invalid;
      return invalidNaNBF16();
    }
    return packBF16(signZ, 0xff, 0);
  }
  if (expA === 0) {
    if (sigA === 0) return packBF16(signZ, 0, 0);
    expA = subnormalExpBF16(sigA);
    sigA = subnormalSigBF16(sigA);
  }
  if (expB === 0) {
    if (sigB === 0) return packBF16(signZ, 0, 0);
    expB = subnormalExpBF16(sigB);
    sigB = subnormalSigBF16(sigB);
  }
  // Two 8-bit significands: the exact product lies in [2^14, 2^16), already at the width rounding works on.
  let expZ = expA + expB - 0x7f;
  let sigZ = Math.imul(sigA | 0x80, sigB | 0x80);
  if (sigZ < 0x8000) {
    expZ--;
  } else {
    sigZ = (sigZ >>> 1) | (sigZ & 1);
  }
  return roundPackToBF16(signZ, expZ, sigZ);
}

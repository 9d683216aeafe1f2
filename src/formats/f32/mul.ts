/** binary32 multiplication, correctly rounded in the current mode. */
import { env, flag_invalid } from '../../env/environment.js';
import { umulHi } from '../../primitives/integer.js';
import { invalidNaNF32, propagateNaNF32 } from '../specialize.js';
import { packF32, roundPackToF32, subnormalExpF32, subnormalSigF32 } from './roundPack.js';

export function f32_mul(a: number, b: number): number {
  let expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  let expB = (b >>> 23) & 0xff;
  let sigB = b & 0x007fffff;
  const signZ = (a ^ b) >>> 31;
  if (expA === 0xff || expB === 0xff) {
    if ((expA === 0xff && sigA !== 0) || (expB === 0xff && sigB !== 0)) return propagateNaNF32(a, b);
    // Infinity times zero has no meaningful value.
    if ((expA | sigA) === 0 || (expB | sigB) === 0) {
      env.flags |= flag_invalid;
      return invalidNaNF32();
    }
    return packF32(signZ, 0xff, 0);
  }
  if (expA === 0) {
    if (sigA === 0) return packF32(signZ, 0, 0);
    expA = subnormalExpF32(sigA);
    sigA = subnormalSigF32(sigA);
  }
  if (expB === 0) {
    if (sigB === 0) return packF32(signZ, 0, 0);
    expB = subnormalExpF32(sigB);
    sigB = subnormalSigF32(sigB);
  }
  let expZ = expA + expB - 0x7f;
  // 24-bit significands placed at 2^30 and 2^31: the high word of their product holds the leading bit at 2^29 or
  // 2^30, and the low word only matters as a sticky bit.
  sigA = (sigA | 0x00800000) << 7;
  sigB = ((sigB | 0x00800000) << 8) >>> 0;
  let sigZ = umulHi(sigA, sigB) | (Math.imul(sigA, sigB) !== 0 ? 1 : 0);
  if (sigZ < 0x40000000) {
    expZ--;
    sigZ <<= 1;
  }
  return roundPackToF32(signZ, expZ, sigZ);
}

/** binary16 multiplication, correctly rounded in the current mode. */
import { env, flag_invalid } from '../../env/environment.js';
import { invalidNaNF16, propagateNaNF16 } from '../specialize.js';
import { packF16, roundPackToF16, subnormalExpF16, subnormalSigF16 } from './roundPack.js';

export function f16_mul(a: number, b: number): number {
  let expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  let expB = (b >>> 10) & 0x1f;
  let sigB = b & 0x03ff;
  const signZ = ((a ^ b) >>> 15) & 1;
  if (expA === 0x1f || expB === 0x1f) {
    if ((expA === 0x1f && sigA !== 0) || (expB === 0x1f && sigB !== 0)) return propagateNaNF16(a, b);
    // Infinity times zero has no meaningful value.
    if ((expA | sigA) === 0 || (expB | sigB) === 0) {
      env.flags |= flag_invalid;
      return invalidNaNF16();
    }
    return packF16(signZ, 0x1f, 0);
  }
  if (expA === 0) {
    if (sigA === 0) return packF16(signZ, 0, 0);
    expA = subnormalExpF16(sigA);
    sigA = subnormalSigF16(sigA);
  }
  if (expB === 0) {
    if (sigB === 0) return packF16(signZ, 0, 0);
    expB = subnormalExpF16(sigB);
    sigB = subnormalSigF16(sigB);
  }
  let expZ = expA + expB - 0xf;
  // 11-bit significands placed at 2^14 and 2^15: their product, below 2^31, is exact in one word with its leading
  // bit at 2^29 or 2^30; the low half only matters as a sticky bit.
  let sigZ = Math.imul((sigA | 0x0400) << 4, (sigB | 0x0400) << 5);
  if (sigZ < 0x40000000) {
    expZ--;
    sigZ <<= 1;
  }
  return roundPackToF16(signZ, expZ, (sigZ >>> 16) | ((sigZ & 0xffff) !== 0 ? 1 : 0));
}

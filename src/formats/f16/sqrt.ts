/** binary16 square root, correctly rounded in the current mode. */
import { env, flag_invalid } from '../../env/environment.js';
import { approxRecipSqrt32, umulHi } from '../../primitives/integer.js';
import { invalidNaNF16, propagateNaNF16 } from '../specialize.js';
import { roundPackToF16, subnormalExpF16, subnormalSigF16 } from './roundPack.js';

export function f16_sqrt(a: number): number {
  const signA = (a >>> 15) & 1;
  let expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    if (signA === 0) return a;
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  if (signA !== 0) {
    if ((expA | sigA) === 0) return a;
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  if (expA === 0) {
    if (sigA === 0) return a;
    expA = subnormalExpF16(sigA);
    sigA = subnormalSigF16(sigA);
  }
  // a = m·2^(2k) with m in [1, 4); sqrt(a) = sqrt(m)·2^k, and m·2^30 fills a word.
  const expZ = ((expA - 0xf) >> 1) + 0xe;
  const m = ((sigA | 0x0400) << ((expA & 1) !== 0 ? 20 : 21)) >>> 0;
  // The significand wanted is floor(sqrt(m)·2^14) = floor(sqrt(m·2^28)). m·2^30 times the reciprocal square root
  // (2^-28 relative) estimates it to within one; the exact remainder m·2^28 - sigZ^2, below 2^30, settles it.
  let sigZ = umulHi(m, approxRecipSqrt32(m)) >>> 15;
  let rem = (m >>> 2) - Math.imul(sigZ, sigZ);
  // (sigZ - 1)^2 = sigZ^2 - (2·sigZ - 1) and (sigZ + 1)^2 = sigZ^2 + 2·sigZ + 1.
  while (rem < 0) {
    sigZ--;
    rem += (sigZ << 1) + 1;
  }
  while (rem > sigZ << 1) {
    rem -= (sigZ << 1) + 1;
    sigZ++;
  }
  return roundPackToF16(0, expZ, rem !== 0 ? sigZ | 1 : sigZ);
}

/** bfloat16 square root, correctly rounded in the current mode. */
import { env, flag_invalid } from '../../env/environment.js';
import { approxRecipSqrt32, umulHi } from '../../primitives/integer.js';
import { invalidNaNBF16, propagateNaNBF16 } from '../specialize.js';
import { roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from './roundPack.js';

export function bf16_sqrt(a: number): number {
  const signA = a >>> 15;
  let expA = (a >>> 7) & 0xff;
  let sigA = a & 0x7f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    if (signA === 0) return a;
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  if (signA !== 0) {
    if ((expA | sigA) === 0) return a;
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  if (expA === 0) {
    if (sigA === 0) return a;
    expA = subnormalExpBF16(sigA);
    sigA = subnormalSigBF16(sigA);
  }
  // a = m·2^(2k) with m in [1, 4); sqrt(a) = sqrt(m)·2^k, and M = m·2^30 fills a word.
  const expZ = ((expA - 0x7f) >> 1) + 0x7e;
  const m = ((sigA | 0x80) << ((expA & 1) === 0 ? 24 : 23)) >>> 0;
  // q = floor(sqrt(m·2^28)) = floor(sqrt(m)·2^14) is the significand wanted. M·Y/2^32 estimates sqrt(m)·2^29, so
  // dropping 15 bits leaves q within one unit; the exact remainder m·2^28 - q^2 (all below 2^30) settles it.
  const radicand = m >>> 2;
  let sigZ = umulHi(m, approxRecipSqrt32(m)) >>> 15;
  let rem = radicand - Math.imul(sigZ, sigZ);
  // (q - 1)^2 = q^2 - (2q - 1) and (q + 1)^2 = q^2 + (2q + 1).
  while (rem < 0) {
    sigZ--;
    rem += (sigZ << 1) + 1;
  }
  while (rem >= (sigZ << 1) + 1) {
    rem -= (sigZ << 1) + 1;
    sigZ++;
  }
  if (rem !== 0) sigZ |= 1;
  return roundPackToBF16(0, expZ, sigZ);
}

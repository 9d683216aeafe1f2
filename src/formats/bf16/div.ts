/** bfloat16 division a / b, correctly rounded in the current mode. */
import { env, flag_infinite, flag_invalid } from '../../env/environment.js';
import { approxRecip32, umulHi } from '../../primitives/integer.js';
import { invalidNaNBF16, propagateNaNBF16 } from '../specialize.js';
import { packBF16, roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from './roundPack.js';

export function bf16_div(a: number, b: number): number {
  let expA = (a >>> 7) & 0xff;
  let sigA = a & 0x7f;
  let expB = (b >>> 7) & 0xff;
  let sigB = b & 0x7f;
  const signZ = ((a ^ b) >>> 15) & 1;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, b);
    if (expB === 0xff) {
      if (sigB !== 0) return propagateNaNBF16(a, b);
      env.flags |= flag_invalid;
      return invalidNaNBF16();
    }
    return packBF16(signZ, 0xff, 0);
  }
  if (expB === 0xff) return sigB !== 0 ? propagateNaNBF16(a, b) : packBF16(signZ, 0, 0);
  if (expB === 0) {
    if (sigB === 0) {
      if ((expA | sigA) === 0) {
        env.flags |= flag_invalid;
        return invalidNaNBF16();
      }
      env.flags |= flag_infinite;
      return packBF16(signZ, 0xff, 0);
    }
    expB = subnormalExpBF16(sigB);
    sigB = subnormalSigBF16(sigB);
  }
  if (expA === 0) {
    if (sigA === 0) return packBF16(signZ, 0, 0);
    expA = subnormalExpBF16(sigA);
    sigA = subnormalSigBF16(sigA);
  }
  let expZ = expA - expB + 0x7e;
  sigA |= 0x80;
  sigB |= 0x80;
  // The quotient q = floor(sigA·2^s / sigB) is wanted in [2^14, 2^15): s = 15 when sigA < sigB, else 14.
  let shift = 14;
  if (sigA < sigB) {
    expZ--;
    shift = 15;
  }
  // approxRecip32 gives about 2^39/sigB, so (sigA·2^(s-7))·recip/2^32 estimates q to within one unit; the exact
  // remainder (below 2^23, so one word holds it) settles q and says whether anything is left for the sticky bit.
  const num = sigA << shift;
  let sigZ = umulHi(sigA << (shift - 7), approxRecip32((sigB << 24) >>> 0));
  let rem = num - Math.imul(sigZ, sigB);
  while (rem < 0) {
    rem += sigB;
    sigZ--;
  }
  while (rem >= sigB) {
    rem -= sigB;
    sigZ++;
  }
  if (rem !== 0) sigZ |= 1;
  return roundPackToBF16(signZ, expZ, sigZ);
}

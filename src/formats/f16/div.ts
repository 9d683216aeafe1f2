/** binary16 division a / b, correctly rounded in the current mode. */
import { env, flag_infinite, flag_invalid } from '../../env/environment.js';
import { approxRecip32, umulHi } from '../../primitives/integer.js';
import { invalidNaNF16, propagateNaNF16 } from '../specialize.js';
import { packF16, roundPackToF16, subnormalExpF16, subnormalSigF16 } from './roundPack.js';

export function f16_div(a: number, b: number): number {
  let expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  let expB = (b >>> 10) & 0x1f;
  let sigB = b & 0x03ff;
  const signZ = ((a ^ b) >>> 15) & 1;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, b);
    if (expB === 0x1f) {
      if (sigB !== 0) return propagateNaNF16(a, b);
      env.flags |= flag_invalid;
      return invalidNaNF16();
    }
    return packF16(signZ, 0x1f, 0);
  }
  if (expB === 0x1f) return sigB !== 0 ? propagateNaNF16(a, b) : packF16(signZ, 0, 0);
  if (expB === 0) {
    if (sigB === 0) {
      if ((expA | sigA) === 0) {
        env.flags |= flag_invalid;
        return invalidNaNF16();
      }
      env.flags |= flag_infinite;
      return packF16(signZ, 0x1f, 0);
    }
    expB = subnormalExpF16(sigB);
    sigB = subnormalSigF16(sigB);
  }
  if (expA === 0) {
    if (sigA === 0) return packF16(signZ, 0, 0);
    expA = subnormalExpF16(sigA);
    sigA = subnormalSigF16(sigA);
  }
  let expZ = expA - expB + 0xe;
  sigA |= 0x0400;
  sigB |= 0x0400;
  // The quotient q = floor(sigA·2^s / sigB) is wanted in [2^14, 2^15): s = 15 when sigA < sigB, else 14.
  let shift = 14;
  if (sigA < sigB) {
    expZ--;
    shift = 15;
  }
  // approxRecip32 gives 2^42/sigB to 2^-29, far finer than q needs: the estimate is within one of q, and the exact
  // remainder (all of it fits one word) settles q and the sticky bit.
  const dividend = sigA << shift;
  let sigZ = umulHi(sigA << (shift - 10), approxRecip32(sigB << 21));
  let rem = dividend - Math.imul(sigZ, sigB);
  while (rem < 0) {
    rem += sigB;
    sigZ--;
  }
  while (rem >= sigB) {
    rem -= sigB;
    sigZ++;
  }
  return roundPackToF16(signZ, expZ, rem !== 0 ? sigZ | 1 : sigZ);
}

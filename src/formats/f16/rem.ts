/**
 * binary16 IEEE remainder a - n·b, n the integer nearest a/b (ties to even). Always exact; a zero result has a's
 * sign.
 */
import { env, flag_invalid } from '../../env/environment.js';
import { invalidNaNF16, propagateNaNF16 } from '../specialize.js';
import { normRoundPackToF16, subnormalExpF16, subnormalSigF16 } from './roundPack.js';

export function f16_rem(a: number, b: number): number {
  let signZ = (a >>> 15) & 1;
  let expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  let expB = (b >>> 10) & 0x1f;
  let sigB = b & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0 || (expB === 0x1f && sigB !== 0)) return propagateNaNF16(a, b);
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  if (expB === 0x1f) return sigB !== 0 ? propagateNaNF16(a, b) : a;
  if (expB === 0) {
    if (sigB === 0) {
      env.flags |= flag_invalid;
      return invalidNaNF16();
    }
    expB = subnormalExpF16(sigB);
    sigB = subnormalSigF16(sigB);
  }
  if (expA === 0) {
    if (sigA === 0) return a;
    expA = subnormalExpF16(sigA);
    sigA = subnormalSigF16(sigA);
  }
  const expDiff = expA - expB;
  // |a| < |b|/2: n = 0.
  if (expDiff < -1) return a;
  sigA |= 0x0400;
  sigB |= 0x0400;
  // In units of half b's ulp, a = sigA·2^(expDiff+1) and b = 2·sigB. Long division one bit at a time (at most 40
  // steps, each exact in a word) leaves the remainder r < 2·sigB and the last quotient bit for the tie.
  const divisor = sigB << 1;
  let rem = sigA;
  let qOdd = 0;
  for (let i = expDiff; i >= 0; i--) {
    rem <<= 1;
    qOdd = 0;
    if (rem >= divisor) {
      rem -= divisor;
      qOdd = 1;
    }
  }
  // Past half of b, or exactly half with n odd, the nearer multiple is the next one up.
  if (rem > sigB || (rem === sigB && qOdd !== 0)) {
    rem = divisor - rem;
    signZ ^= 1;
  }
  return normRoundPackToF16(signZ, expB - 2, rem << 4);
}

/** bfloat16 IEEE remainder a - n·b, n the integer nearest a/b (ties to even); always exact. */
import { env, flag_invalid } from '../../env/environment.js';
import { approxRecip32, umulHi } from '../../primitives/integer.js';
import { invalidNaNBF16, propagateNaNBF16 } from '../specialize.js';
import { normRoundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from './roundPack.js';

export function bf16_rem(a: number, b: number): number {
  let signRem = a >>> 15;
  let expA = (a >>> 7) & 0xff;
  let sigA = a & 0x7f;
  let expB = (b >>> 7) & 0xff;
  let sigB = b & 0x7f;
  if (expA === 0xff) {
    if (sigA !== 0 || (expB === 0xff && sigB !== 0)) return propagateNaNBF16(a, b);
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  if (expB === 0xff) return sigB !== 0 ? propagateNaNBF16(a, b) : a;
  if (expB === 0) {
    if (sigB === 0) {
      env.flags |= flag_invalid;
      return invalidNaNBF16();
    }
    expB = subnormalExpBF16(sigB);
    sigB = subnormalSigBF16(sigB);
  }
  if (expA === 0) {
    if (sigA === 0) return a;
    expA = subnormalExpBF16(sigA);
    sigA = subnormalSigBF16(sigA);
  }
  const expDiff = expA - expB;
  // |a| < |b|/2: a is its own remainder.
  if (expDiff < -1) return a;
  sigA |= 0x80;
  sigB |= 0x80;
  // r = (sigA·2^expDiff) mod sigB, and q the parity of the quotient, which decides ties.
  let r = sigA;
  let q = 0;
  if (expDiff === 0) {
    if (r >= sigB) {
      r -= sigB;
      q = 1;
    }
  } else if (expDiff > 0) {
    // Reduce 23 bits of the exponent difference at a time: r < 2^8, so r·2^23 fits a word, and the quotient of each
    // step is estimated with a reciprocal of sigB computed once (about 2^39/sigB), then corrected by the exact
    // remainder. Only the last step's quotient matters for the parity.
    const recip = approxRecip32((sigB << 24) >>> 0);
    let remaining = expDiff;
    do {
      const step = remaining > 23 ? 23 : remaining;
      remaining -= step;
      const x = r << step;
      q = umulHi(x, recip) >>> 7;
      r = x - Math.imul(q, sigB);
      while (r < 0) {
        r += sigB;
        q--;
      }
      while (r >= sigB) {
        r -= sigB;
        q++;
      }
    } while (remaining !== 0);
  }
  // Counted in halves of b's unit, so that expDiff = -1 (a = sigA halves, quotient 0) fits the same rule.
  const twiceB = sigB << 1;
  let rem = expDiff < 0 ? r : r << 1;
  if (rem > sigB || (rem === sigB && (q & 1) !== 0)) {
    rem = twiceB - rem;
    signRem ^= 1;
  }
  return normRoundPackToBF16(signRem, expB, rem << 5);
}

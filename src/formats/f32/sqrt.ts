/** binary32 square root, correctly rounded in the current mode. */
import { env, flag_invalid, round_near_even } from '../../env/environment.js';
import { add64, approxRecipSqrt32, sub64, umulHi, wide } from '../../primitives/integer.js';
import { invalidNaNF32, propagateNaNF32 } from '../specialize.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from './roundPack.js';

export function f32_sqrt(a: number): number {
  // The common case (nearest-even, positive normal operand; the root is always normal) skips the special cases.
  if (env.roundingMode === round_near_even && a >>> 0 < 0x7f800000 && a >>> 0 >= 0x00800000) {
    const expA = a >>> 23;
    const m = (((a & 0x007fffff) | 0x00800000) << ((expA & 1) === 0 ? 8 : 7)) >>> 0;
    return roundPackToF32(0, ((expA - 0x7f) >> 1) + 0x7e, sqrtSigF32(m));
  }
  return sqrtF32(a);
}

/** Every case: specials, subnormals, negative operands, all rounding modes. */
function sqrtF32(a: number): number {
  const signA = a >>> 31;
  let expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    if (signA === 0) return a;
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  if (signA !== 0) {
    if ((expA | sigA) === 0) return a;
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  if (expA === 0) {
    if (sigA === 0) return a;
    expA = subnormalExpF32(sigA);
    sigA = subnormalSigF32(sigA);
  }
  // a = m·2^(2k) with m in [1, 4); sqrt(a) = sqrt(m)·2^k, and M = m·2^30 fills a word.
  const expZ = ((expA - 0x7f) >> 1) + 0x7e;
  const m = ((sigA | 0x00800000) << ((expA & 1) === 0 ? 8 : 7)) >>> 0;
  return roundPackToF32(0, expZ, sqrtSigF32(m));
}

/**
 * floor(sqrt(M·2^30)) with a sticky bit for any remainder, for M = m·2^30 with m in [1, 4): the root's significand
 * with its leading bit at 2^30.
 */
function sqrtSigF32(m: number): number {
  // Q = sqrt(M·2^30) = sqrt(m)·2^30 is the significand wanted. approxRecipSqrt32 is within 2^-28 (checked for every
  // M in test/primitives/approxExhaustive.test.ts), so the estimate 2·floor(M·Y/2^32) lies in Q - 10 … Q + 8; as in
  // f32_div, only estimates whose low six bits are near a multiple of 64 need the
  // exact remainder M·2^30 - sigZ^2.
  let sigZ = umulHi(m, approxRecipSqrt32(m)) << 1;
  const low = sigZ & 0x3f;
  if (low >= 11 && low <= 52) {
    sigZ |= 1;
  } else {
    // The remainder is below 2^37 in size and may be negative: keep it in two words.
    let remLo = sub64(m >>> 2, (m << 30) >>> 0, umulHi(sigZ, sigZ), Math.imul(sigZ, sigZ) >>> 0);
    let remHi = wide.hi;
    // (sigZ - 1)^2 = sigZ^2 - (2·sigZ - 1): step down while the remainder is negative.
    while (remHi >= 0x80000000) {
      remLo = add64(remHi, remLo, 0, ((sigZ << 1) - 1) >>> 0);
      remHi = wide.hi;
      sigZ--;
    }
    // (sigZ + 1)^2 = sigZ^2 + 2·sigZ + 1: step up while that still fits under M·2^30.
    for (;;) {
      const step = ((sigZ << 1) | 1) >>> 0;
      if (remHi === 0 && remLo < step) break;
      remLo = sub64(remHi, remLo, 0, step);
      remHi = wide.hi;
      sigZ++;
    }
    if ((remHi | remLo) !== 0) sigZ |= 1;
  }
  return sigZ;
}

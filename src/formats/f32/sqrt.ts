/** binary32 square root, correctly rounded in the current mode. */
import { env, flag_invalid } from '../../env/environment.js';
import { add64, approxRecipSqrt32, sub64, umulHi, wide } from '../../primitives/integer.js';
import { invalidNaNF32, propagateNaNF32 } from '../specialize.js';
import { approxRecipSqrtSigF32 } from './approxRecipSqrtSig.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from './roundPack.js';

/**
 * The common case is kept in f32_sqrt itself so that V8 inlines all of it, free of data-dependent branches:
 * nearest-even (0, a literal so that V8 need not load and check the imported constant) and a positive normal operand,
 * whose root is always normal.
 *
 * a = w·2^(e-24) with w = 2·sig or 4·sig in [2^24, 2^26) and e even, so the significand wanted is the root of
 * w·2^22, rounded. Its estimate s1·2^11 + t comes from a 14-bit reciprocal square root y: s1 ≈ sqrt(w) with the
 * exact remainder r1 = w - s1^2, then t ≈ r1·2^10/sqrt(w), half of Newton's step. The estimate is within 0.68 of
 * the root for every significand (checked exhaustively), so the exact remainder w·2^22 - m^2 settles the rounding in
 * at most one step, and exactness: the root is an integer only if it equals m.
 */
export function f32_sqrt(a: number): number {
  if (env.roundingMode === 0 && (a - 0x00800000) >>> 0 < 0x7f000000) {
    const w = ((a & 0x007fffff) | 0x00800000) << (2 - ((a >>> 23) & 1));
    const y = approxRecipSqrtSigF32(w);
    const s1 = (Math.imul(w >>> 10, y) + 0x20000) >>> 18;
    const r1 = w - Math.imul(s1, s1);
    let m = (s1 << 11) + ((Math.imul(r1, y) + 0x20000) >> 18);
    // rem = w·2^22 - m^2, small enough for a word. Round to nearest (a root is never halfway).
    const rem = ((w << 22) - Math.imul(m, m)) | 0;
    m += ((rem + m - 1) >> 31) - ((m - rem) >> 31);
    // The inexact flag is read first so that, once it is raised, nothing is stored.
    if ((env.flags & 1) === 0 && rem !== 0) env.flags |= 1;
    // The root's biased exponent is (expA + 127) >> 1, one more than ((expA + 1) >> 1) + 62 here: packing adds m's
    // implicit bit to the field.
    return (((((a + 0x00800000) >>> 24) + 62) << 23) + m) >>> 0;
  }
  // The slow result as a word too, so that the fast one is never boxed (heap-allocated) where the two paths meet.
  return sqrtF32(a) >>> 0;
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

/** binary32 division a / b, correctly rounded in the current mode. */
import { env, flag_infinite, flag_invalid } from '../../env/environment.js';
import { approxRecipSigF32 } from './approxRecipSig.js';
import { approxRecip32, umulHi } from '../../primitives/integer.js';
import { invalidNaNF32, propagateNaNF32 } from '../specialize.js';
import { packF32, roundPackToF32, subnormalExpF32, subnormalSigF32 } from './roundPack.js';

/**
 * The common case is kept in f32_div itself, under V8's inlining limit (460 bytes of bytecode) so that callers' loops
 * take all of it in, and free of data-dependent branches so that random operands cost no mispredictions:
 * nearest-even (0, a literal so that V8 need not load and check the imported constant), normal operands and a normal
 * finite quotient.
 *
 * The rounded significand m of q = x·2^23/sigB (x = sigA or 2·sigA, so that q lies in [2^23, 2^24)) is estimated in
 * two digits of long division by a 14.5-bit reciprocal, each remainder computed exactly modulo 2^32 (it is small,
 * so the word holds all of it). The estimate is within 0.82 of q (checked for every divisor against the extreme and
 * random dividends), so q's exact remainder against m settles both the rounding, by at most one step, and
 * exactness: q is an integer only if it equals m.
 */
export function f32_div(a: number, b: number): number {
  const expA = (a >>> 23) & 0xff;
  const expB = (b >>> 23) & 0xff;
  const sigA = (a & 0x007fffff) | 0x00800000;
  const sigB = (b & 0x007fffff) | 0x00800000;
  const below = (sigA - sigB) >>> 31;
  // The biased exponent minus one (as in roundPackToF32): 0 … 252 stays normal and finite after rounding.
  const exp = expA - expB + 126 - below;
  if (env.roundingMode === 0 && (expA - 1) >>> 0 <= 253 && (expB - 1) >>> 0 <= 253 && exp >>> 0 <= 252) {
    const x = sigA << below;
    const r = approxRecipSigF32(sigB);
    // q1 ≈ x·2^12/sigB, then m = q1·2^11 + (r1·2^11/sigB, rounded) with r1 the exact remainder of q1.
    const q1 = Math.imul(x >>> 9, r) >>> 18;
    const r1 = ((x << 12) - Math.imul(q1, sigB)) | 0;
    let m = (q1 << 11) + ((Math.imul(r1 >> 11, r) + 0x18000) >> 17);
    // rem = x·2^23 - m·sigB = sigB·(q - m). Step m to the nearest integer to q, ties to even.
    const rem = ((x << 23) - Math.imul(m, sigB)) | 0;
    const twice = rem << 1;
    const odd = m & 1;
    m += ((twice + sigB - odd) >> 31) - ((sigB - twice - odd) >> 31);
    // The inexact flag is read first so that, once it is raised, nothing is stored.
    if ((env.flags & 1) === 0 && rem !== 0) env.flags |= 1;
    return (((a ^ b) & 0x80000000) | ((exp << 23) + m)) >>> 0;
  }
  // The slow result as a word too, so that the fast one is never boxed (heap-allocated) where the two paths meet.
  return divF32(a, b) >>> 0;
}

/** Every case: specials, subnormals, all rounding modes. */
function divF32(a: number, b: number): number {
  let expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  let expB = (b >>> 23) & 0xff;
  let sigB = b & 0x007fffff;
  const signZ = (a ^ b) >>> 31;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, b);
    if (expB === 0xff) {
      if (sigB !== 0) return propagateNaNF32(a, b);
      env.flags |= flag_invalid;
      return invalidNaNF32();
    }
    return packF32(signZ, 0xff, 0);
  }
  if (expB === 0xff) return sigB !== 0 ? propagateNaNF32(a, b) : packF32(signZ, 0, 0);
  if (expB === 0) {
    if (sigB === 0) {
      if ((expA | sigA) === 0) {
        env.flags |= flag_invalid;
        return invalidNaNF32();
      }
      env.flags |= flag_infinite;
      return packF32(signZ, 0xff, 0);
    }
    expB = subnormalExpF32(sigB);
    sigB = subnormalSigF32(sigB);
  }
  if (expA === 0) {
    if (sigA === 0) return packF32(signZ, 0, 0);
    expA = subnormalExpF32(sigA);
    sigA = subnormalSigF32(sigA);
  }
  let expZ = expA - expB + 0x7e;
  sigA |= 0x00800000;
  sigB |= 0x00800000;
  // The quotient q = floor(sigA·2^s / sigB) is wanted in [2^30, 2^31): s = 31 when sigA < sigB, else 30.
  let shift = 30;
  if (sigA < sigB) {
    expZ--;
    shift = 31;
  }
  return roundPackToF32(signZ, expZ, quotientSigF32(sigA, sigB, shift));
}

/**
 * floor(sigA·2^shift / sigB) with a sticky bit for any remainder, for 24-bit significands (implicit bit set) and the
 * shift (30 or 31) that puts the quotient in [2^30, 2^31).
 */
function quotientSigF32(sigA: number, sigB: number, shift: number): number {
  // approxRecip32 is at most 2^-29 low and 2^-31 high (test/primitives/approxExhaustive.test.ts checks every
  // divisor), so the estimate lies in q - 4 … q + 1. When its low six bits are 3 … 59, every candidate has the same
  // bits from 2^6 up and a nonzero remainder below, so they all round alike and a sticky bit stands in for the rest;
  // otherwise the exact remainder settles q.
  let sigZ = umulHi(sigA << (shift - 23), approxRecip32((sigB << 8) >>> 0));
  const low = sigZ & 0x3f;
  if (low >= 3 && low <= 59) {
    sigZ |= 1;
  } else {
    // The remainder is at most a few times sigB in size, so its low word is all of it.
    let rem = ((sigA << shift) - Math.imul(sigZ, sigB)) | 0;
    while (rem < 0) {
      rem += sigB;
      sigZ--;
    }
    while (rem >= sigB) {
      rem -= sigB;
      sigZ++;
    }
    if (rem !== 0) sigZ |= 1;
  }
  return sigZ;
}

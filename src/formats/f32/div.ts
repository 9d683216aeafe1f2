/** binary32 division a / b, correctly rounded in the current mode. */
import { env, flag_infinite, flag_invalid, round_near_even } from '../../env/environment.js';
import { isNormalF32 } from './addNearEven.js';
import { approxRecip32, umulHi } from '../../primitives/integer.js';
import { invalidNaNF32, propagateNaNF32 } from '../specialize.js';
import { packF32, roundPackToF32, subnormalExpF32, subnormalSigF32 } from './roundPack.js';

export function f32_div(a: number, b: number): number {
  // The common case (nearest-even, normal operands and result) skips the special cases, so that V8 can inline it.
  if (env.roundingMode === round_near_even && isNormalF32(a) && isNormalF32(b)) {
    const sigA = (a & 0x007fffff) | 0x00800000;
    const sigB = (b & 0x007fffff) | 0x00800000;
    const below = sigA < sigB ? 1 : 0;
    const expZ = ((a >>> 23) & 0xff) - ((b >>> 23) & 0xff) + 0x7e - below;
    if (expZ - 1 >>> 0 < 0xfb) return roundPackToF32((a ^ b) >>> 31, expZ, quotientSigF32(sigA, sigB, 30 + below));
  }
  return divF32(a, b);
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

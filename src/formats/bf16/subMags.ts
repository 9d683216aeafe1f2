/** Difference of two bfloat16 values of the same sign: |a| - |b|, signed, with a's sign as the reference. */
import { env, flag_invalid, round_min } from '../../env/environment.js';
import { clz32, shiftRightJam32 } from '../../primitives/integer.js';
import { invalidNaNBF16, propagateNaNBF16 } from '../specialize.js';
import { normRoundPackToBF16, packBF16 } from './roundPack.js';

export function subMagsBF16(a: number, b: number): number {
  let expA = (a >>> 7) & 0xff;
  let sigA = a & 0x7f;
  const expB = (b >>> 7) & 0xff;
  let sigB = b & 0x7f;
  let expDiff = expA - expB;
  let signZ = a >>> 15;
  if (expDiff === 0) {
    if (expA === 0xff) {
      if ((sigA | sigB) !== 0) return propagateNaNBF16(a, b);
      env.flags |= flag_invalid;
      return invalidNaNBF16();
    }
    let sigDiff = sigA - sigB;
    // An exact zero difference is +0, except -0 when rounding toward -infinity (IEEE 754 6.3).
    if (sigDiff === 0) return packBF16(env.roundingMode === round_min ? 1 : 0, 0, 0);
    if (expA !== 0) expA--;
    if (sigDiff < 0) {
      signZ ^= 1;
      sigDiff = -sigDiff;
    }
    // Equal exponents: the difference is exact, so it only needs normalizing, never rounding.
    let shiftDist = clz32(sigDiff) - 24;
    let expZ = expA - shiftDist;
    if (expZ < 0) {
      shiftDist = expA;
      expZ = 0;
    }
    return packBF16(signZ, expZ, sigDiff << shiftDist);
  }
  // Implicit bit at 2^14 and 7 bits below the lsb: with exponents at least 2 apart the difference loses at most
  // one leading bit, so the jammed bit stays below the rounding position; 1 apart, the shift loses nothing.
  sigA <<= 7;
  sigB <<= 7;
  let expZ: number;
  let sigX: number;
  let sigY: number;
  if (expDiff < 0) {
    signZ ^= 1;
    if (expB === 0xff) return sigB !== 0 ? propagateNaNBF16(a, b) : packBF16(signZ, 0xff, 0);
    expZ = expB - 1;
    sigX = sigB | 0x4000;
    sigY = sigA + (expA !== 0 ? 0x4000 : sigA);
    expDiff = -expDiff;
  } else {
    if (expA === 0xff) return sigA !== 0 ? propagateNaNBF16(a, b) : a;
    expZ = expA - 1;
    sigX = sigA | 0x4000;
    sigY = sigB + (expB !== 0 ? 0x4000 : sigB);
  }
  return normRoundPackToBF16(signZ, expZ, sigX - shiftRightJam32(sigY, expDiff));
}

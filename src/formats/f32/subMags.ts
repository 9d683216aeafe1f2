/** Difference of two binary32 values of the same sign: |a| - |b|, signed, with a's sign as the reference. */
import { env, flag_invalid, round_min } from '../../env/environment.js';
import { clz32, shiftRightJam32 } from '../../primitives/integer.js';
import { invalidNaNF32, propagateNaNF32 } from '../specialize.js';
import { normRoundPackToF32, packF32 } from './roundPack.js';

export function subMagsF32(a: number, b: number): number {
  let expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  const expB = (b >>> 23) & 0xff;
  let sigB = b & 0x007fffff;
  let expDiff = expA - expB;
  let signZ = a >>> 31;
  if (expDiff === 0) {
    if (expA === 0xff) {
      if ((sigA | sigB) !== 0) return propagateNaNF32(a, b);
      env.flags |= flag_invalid;
      return invalidNaNF32();
    }
    let sigDiff = sigA - sigB;
    // An exact zero difference is +0, except -0 when rounding toward -infinity (IEEE 754 6.3).
    if (sigDiff === 0) return packF32(env.roundingMode === round_min ? 1 : 0, 0, 0);
    if (expA !== 0) expA--;
    if (sigDiff < 0) {
      signZ ^= 1;
      sigDiff = -sigDiff;
    }
    // Equal exponents: the difference is exact, so it only needs normalizing, never rounding.
    let shiftDist = clz32(sigDiff) - 8;
    let expZ = expA - shiftDist;
    if (expZ < 0) {
      shiftDist = expA;
      expZ = 0;
    }
    return packF32(signZ, expZ, sigDiff << shiftDist);
  }
  sigA <<= 7;
  sigB <<= 7;
  let expZ: number;
  let sigX: number;
  let sigY: number;
  if (expDiff < 0) {
    signZ ^= 1;
    if (expB === 0xff) return sigB !== 0 ? propagateNaNF32(a, b) : packF32(signZ, 0xff, 0);
    expZ = expB - 1;
    sigX = sigB | 0x40000000;
    sigY = sigA + (expA !== 0 ? 0x40000000 : sigA);
    expDiff = -expDiff;
  } else {
    if (expA === 0xff) return sigA !== 0 ? propagateNaNF32(a, b) : a;
    expZ = expA - 1;
    sigX = sigA | 0x40000000;
    sigY = sigB + (expB !== 0 ? 0x40000000 : sigB);
  }
  return normRoundPackToF32(signZ, expZ, sigX - shiftRightJam32(sigY, expDiff));
}

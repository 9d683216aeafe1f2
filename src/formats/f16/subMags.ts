/** Difference of two binary16 values of the same sign: |a| - |b|, signed, with a's sign as the reference. */
import { env, flag_invalid, round_min } from '../../env/environment.js';
import { clz32, shiftRightJam32 } from '../../primitives/integer.js';
import { invalidNaNF16, propagateNaNF16 } from '../specialize.js';
import { normRoundPackToF16, packF16 } from './roundPack.js';

export function subMagsF16(a: number, b: number): number {
  let expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  const expB = (b >>> 10) & 0x1f;
  let sigB = b & 0x03ff;
  let expDiff = expA - expB;
  let signZ = (a >>> 15) & 1;
  if (expDiff === 0) {
    if (expA === 0x1f) {
      if ((sigA | sigB) !== 0) return propagateNaNF16(a, b);
      env.flags |= flag_invalid;
      return invalidNaNF16();
    }
    let sigDiff = sigA - sigB;
    // An exact zero difference is +0, except -0 when rounding toward -infinity (IEEE 754 6.3).
    if (sigDiff === 0) return packF16(env.roundingMode === round_min ? 1 : 0, 0, 0);
    if (expA !== 0) expA--;
    if (sigDiff < 0) {
      signZ ^= 1;
      sigDiff = -sigDiff;
    }
    // Equal exponents: the difference is exact, so it only needs normalizing, never rounding.
    let shiftDist = clz32(sigDiff) - 21;
    let expZ = expA - shiftDist;
    if (expZ < 0) {
      shiftDist = expA;
      expZ = 0;
    }
    return packF16(signZ, expZ, sigDiff << shiftDist);
  }
  // With the exponents one apart the shift below loses only zero bits, so a long cancellation is exact; further
  // apart, the result keeps its leading bit within one place and the sticky bit rounds it exactly.
  sigA <<= 4;
  sigB <<= 4;
  let expZ: number;
  let sigX: number;
  let sigY: number;
  if (expDiff < 0) {
    signZ ^= 1;
    if (expB === 0x1f) return sigB !== 0 ? propagateNaNF16(a, b) : packF16(signZ, 0x1f, 0);
    expZ = expB - 1;
    sigX = sigB | 0x4000;
    sigY = sigA + (expA !== 0 ? 0x4000 : sigA);
    expDiff = -expDiff;
  } else {
    if (expA === 0x1f) return sigA !== 0 ? propagateNaNF16(a, b) : a;
    expZ = expA - 1;
    sigX = sigA | 0x4000;
    sigY = sigB + (expB !== 0 ? 0x4000 : sigB);
  }
  return normRoundPackToF16(signZ, expZ, sigX - shiftRightJam32(sigY, expDiff));
}

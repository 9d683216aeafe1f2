/** bfloat16 fused multiply-add a·b + c, with a single rounding of the exact result. */
import { env, flag_invalid, round_min } from '../../env/environment.js';
import { clz32, shiftRightJam32 } from '../../primitives/integer.js';
import { invalidNaNBF16, propagateNaNBF16 } from '../specialize.js';
import { packBF16, roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from './roundPack.js';

export function bf16_mulAdd(a: number, b: number, c: number): number {
  let expA = (a >>> 7) & 0xff;
  let sigA = a & 0x7f;
  let expB = (b >>> 7) & 0xff;
  let sigB = b & 0x7f;
  const signC = c >>> 15;
  let expC = (c >>> 7) & 0xff;
  let sigC = c & 0x7f;
  const signProd = ((a ^ b) >>> 15) & 1;
  // An infinite factor: the product is infinite unless the other factor is zero; NaN factors come first, then c.
  if (expA === 0xff || expB === 0xff) {
    if ((expA === 0xff && sigA !== 0) || (expB === 0xff && sigB !== 0)) {
      return propagateNaNBF16(propagateNaNBF16(a, b), c);
    }
    if ((expA | sigA) !== 0 && (expB | sigB) !== 0) {
      if (expC !== 0xff) return packBF16(signProd, 0xff, 0);
      if (sigC !== 0) return propagateNaNBF16(packBF16(signProd, 0xff, 0), c);
      if (signProd === signC) return c;
    }
    // inf·0, or inf - inf: invalid whatever c is; a signaling c still has its say through the propagation.
    env.flags |= flag_invalid;
    return propagateNaNBF16(invalidNaNBF16(), c);
  }
  if (expC === 0xff) return sigC !== 0 ? propagateNaNBF16(0, c) : c;
  if (expA === 0 || expB === 0) {
    if ((expA | sigA) === 0 || (expB | sigB) === 0) {
      // An exact zero product leaves c, except that +0 + -0 is +0 (-0 when rounding toward -infinity).
      if ((expC | sigC) === 0 && signProd !== signC) return packBF16(env.roundingMode === round_min ? 1 : 0, 0, 0);
      return c;
    }
    if (expA === 0) {
      expA = subnormalExpBF16(sigA);
      sigA = subnormalSigBF16(sigA);
    }
    if (expB === 0) {
      expB = subnormalExpBF16(sigB);
      sigB = subnormalSigBF16(sigB);
    }
  }
  // The exact product of two 8-bit significands, placed with its leading bit at 2^29 (at most 16 bits are set, so
  // the low 14 bits are zero and every shift below that stays within them is exact).
  let expProd = expA + expB - 0x7e;
  let sigProd = Math.imul((sigA | 0x80) << 7, (sigB | 0x80) << 7);
  if (sigProd < 0x20000000) {
    expProd--;
    sigProd <<= 1;
  }
  let signZ = signProd;
  let expZ: number;
  let sigZ: number;
  if (expC === 0) {
    if (sigC === 0) {
      expZ = expProd - 1;
      sigZ = (sigProd >>> 15) | ((sigProd & 0x7fff) !== 0 ? 1 : 0);
      return roundPackToBF16(signZ, expZ, sigZ);
    }
    expC = subnormalExpBF16(sigC);
    sigC = subnormalSigBF16(sigC);
  }
  // c with its leading bit at 2^13, the scale of the product's top 16 bits.
  sigC = (sigC | 0x80) << 6;
  const expDiff = expProd - expC;
  if (signProd === signC) {
    if (expDiff <= 0) {
      expZ = expC;
      sigZ = sigC + shiftRightJam32(sigProd, 16 - expDiff);
    } else {
      expZ = expProd;
      const sum = sigProd + shiftRightJam32(sigC << 16, expDiff);
      sigZ = (sum >>> 16) | ((sum & 0xffff) !== 0 ? 1 : 0);
    }
    if (sigZ < 0x4000) {
      expZ--;
      sigZ <<= 1;
    }
  } else {
    // Opposite signs: massive cancellation only happens with exponents at most one apart, and then the aligned
    // operand lost no bits, so the difference is exact before it is normalized.
    const sigC32 = sigC << 16;
    let diff: number;
    if (expDiff < 0) {
      signZ = signC;
      expZ = expC;
      diff = sigC32 - shiftRightJam32(sigProd, -expDiff);
    } else if (expDiff === 0) {
      expZ = expProd;
      diff = sigProd - sigC32;
      if (diff === 0) return packBF16(env.roundingMode === round_min ? 1 : 0, 0, 0);
      if (diff < 0) {
        signZ ^= 1;
        diff = -diff;
      }
    } else {
      expZ = expProd;
      diff = sigProd - shiftRightJam32(sigC32, expDiff);
    }
    // Leading bit to 2^14: the exponent follows the shift that brings it to 2^30, then 16 bits go (jammed).
    let shiftDist = clz32(diff) - 1;
    expZ -= shiftDist;
    shiftDist -= 16;
    if (shiftDist < 0) {
      sigZ = (diff >>> -shiftDist) | (diff << (32 + shiftDist) !== 0 ? 1 : 0);
    } else {
      sigZ = diff << shiftDist;
    }
  }
  return roundPackToBF16(signZ, expZ, sigZ);
}

/**
 * binary16 fused multiply-add a·b + c, rounded once in the current mode.
 *
 * NaN operands are taken in the order a, b, c. Infinity times zero is invalid and gives the default NaN even when c
 * is a quiet NaN (as x86 FMA does). An exact zero sum is +0 (-0 when rounding toward -infinity) unless both the
 * product and c are zeros of the same sign.
 */
import { env, flag_invalid, round_min } from '../../env/environment.js';
import { clz32, shiftRightJam32 } from '../../primitives/integer.js';
import { invalidNaNF16, propagateNaNF16 } from '../specialize.js';
import { packF16, roundPackToF16, subnormalExpF16, subnormalSigF16 } from './roundPack.js';

export function f16_mulAdd(a: number, b: number, c: number): number {
  let expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  let expB = (b >>> 10) & 0x1f;
  let sigB = b & 0x03ff;
  let expC = (c >>> 10) & 0x1f;
  let sigC = c & 0x03ff;
  const signC = (c >>> 15) & 1;
  const signProd = ((a ^ b) >>> 15) & 1;
  if (expA === 0x1f || expB === 0x1f) {
    if ((expA === 0x1f && sigA !== 0) || (expB === 0x1f && sigB !== 0)) {
      return propagateNaNF16(propagateNaNF16(a, b), c);
    }
    if ((expA | sigA) === 0 || (expB | sigB) === 0) {
      env.flags |= flag_invalid;
      return propagateNaNF16(invalidNaNF16(), c);
    }
    if (expC === 0x1f) {
      if (sigC !== 0) return propagateNaNF16(c, 0);
      // Infinities of opposite signs cancel to nothing meaningful.
      if (signC !== signProd) {
        env.flags |= flag_invalid;
        return invalidNaNF16();
      }
    }
    return packF16(signProd, 0x1f, 0);
  }
  if (expC === 0x1f) return sigC !== 0 ? propagateNaNF16(c, 0) : c;
  if ((expA | sigA) === 0 || (expB | sigB) === 0) {
    if ((expC | sigC) !== 0 || signC === signProd) return c;
    return packF16(env.roundingMode === round_min ? 1 : 0, 0, 0);
  }
  if (expA === 0) {
    expA = subnormalExpF16(sigA);
    sigA = subnormalSigF16(sigA);
  }
  if (expB === 0) {
    expB = subnormalExpF16(sigB);
    sigB = subnormalSigF16(sigB);
  }
  // Both addends are brought to 31-bit words with the leading bit at 2^29 (room for the carry of a sum) and an
  // exponent e such that the value is word·2^(e-43), e being roundPackToF16's exponent for the word doubled. The
  // product of two 11-bit significands (22 bits) is exact there.
  let sigProd = Math.imul(sigA | 0x0400, sigB | 0x0400);
  let expProd = expA + expB - 0xf;
  if (sigProd < 0x00200000) {
    expProd--;
    sigProd <<= 9;
  } else {
    sigProd <<= 8;
  }
  let signZ = signProd;
  let expZ: number;
  let sigZ: number;
  if ((expC | sigC) === 0) {
    expZ = expProd;
    sigZ = sigProd;
  } else {
    if (expC === 0) {
      expC = subnormalExpF16(sigC);
      sigC = subnormalSigF16(sigC);
    }
    sigC = (sigC | 0x0400) << 19;
    expC--;
    const expDiff = expProd - expC;
    if (signProd === signC) {
      // A sum needs no more than the sticky bit from the smaller addend.
      if (expDiff < 0) {
        expZ = expC;
        sigZ = sigC + shiftRightJam32(sigProd, -expDiff);
      } else {
        expZ = expProd;
        sigZ = sigProd + shiftRightJam32(sigC, expDiff);
      }
    } else {
      // Both words end in at least eight zero bits, so a shift by one is exact and a long cancellation (possible
      // only with the exponents at most one apart) leaves an exact difference; further apart, the difference keeps
      // its leading bit within one place of 2^29 and the sticky bit stays far below the rounding position.
      if (expDiff < 0 || (expDiff === 0 && sigC > sigProd)) {
        signZ = signC;
        expZ = expC;
        sigZ = sigC - shiftRightJam32(sigProd, -expDiff);
      } else {
        expZ = expProd;
        sigZ = sigProd - shiftRightJam32(sigC, expDiff);
        if (sigZ === 0) return packF16(env.roundingMode === round_min ? 1 : 0, 0, 0);
      }
    }
  }
  // Leading bit to 2^30, then down to roundPackToF16's 15 bits with everything below jammed into bit 0.
  const shiftDist = clz32(sigZ) - 1;
  expZ += 1 - shiftDist;
  sigZ <<= shiftDist;
  return roundPackToF16(signZ, expZ, (sigZ >>> 16) | ((sigZ & 0xffff) !== 0 ? 1 : 0));
}

/**
 * binary32 fused multiply-add a·b + c: the exact product is added to c and the sum is rounded once, in the current
 * mode.
 *
 * NaNs, as x86 SSE (FMA3) resolves them: a NaN among a and b wins over c (a before b), and c is still looked at for
 * a signaling NaN; an invalid product (infinity times zero) gives the default NaN even when c is a NaN.
 */
import { env, flag_invalid, round_min } from '../../env/environment.js';
import { add64, clz32, shiftRightJam64, sub64, umul, wide } from '../../primitives/integer.js';
import { invalidNaNF32, propagateNaNF32 } from '../specialize.js';
import { packF32, roundPackToF32, subnormalExpF32, subnormalSigF32 } from './roundPack.js';

export function f32_mulAdd(a: number, b: number, c: number): number {
  let expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  let expB = (b >>> 23) & 0xff;
  let sigB = b & 0x007fffff;
  let expC = (c >>> 23) & 0xff;
  let sigC = c & 0x007fffff;
  const signProd = (a ^ b) >>> 31;
  const signC = c >>> 31;
  if (expA === 0xff || expB === 0xff) {
    if ((expA === 0xff && sigA !== 0) || (expB === 0xff && sigB !== 0)) {
      return propagateNaNF32(propagateNaNF32(a, b), c);
    }
    // An infinite product: infinity times zero, or infinity minus infinity, is invalid whatever c is.
    const other = expA === 0xff ? expB | sigB : expA | sigA;
    if (other !== 0) {
      if (expC !== 0xff) return packF32(signProd, 0xff, 0);
      if (sigC !== 0) return propagateNaNF32(packF32(signProd, 0xff, 0), c);
      if (signProd === signC) return c;
    }
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  if (expC === 0xff) return sigC !== 0 ? propagateNaNF32(c, 0) : c;
  if ((expA | sigA) === 0 || (expB | sigB) === 0) {
    // The product is an exact zero, so c is the exact sum; only 0 + 0 of opposite signs needs a sign chosen.
    if ((expC | sigC) === 0 && signProd !== signC) return packF32(env.roundingMode === round_min ? 1 : 0, 0, 0);
    return c;
  }
  if (expA === 0) {
    expA = subnormalExpF32(sigA);
    sigA = subnormalSigF32(sigA);
  }
  if (expB === 0) {
    expB = subnormalExpF32(sigB);
    sigB = subnormalSigF32(sigB);
  }
  // The exact product, 48 significant bits, normalized to [2^61, 2^62) in (prodHi:prodLo).
  let expProd = expA + expB - 0x7e;
  let prodLo = umul((sigA | 0x00800000) << 7, (sigB | 0x00800000) << 7);
  let prodHi = wide.hi;
  if (prodHi < 0x20000000) {
    expProd--;
    prodHi = ((prodHi << 1) | (prodLo >>> 31)) >>> 0;
    prodLo = (prodLo << 1) >>> 0;
  }
  let signZ = signProd;
  let expZ: number;
  let sigZ: number;
  if ((expC | sigC) === 0) {
    // Adding a zero changes nothing but can't be skipped: the product itself still has to be rounded.
    expZ = expProd - 1;
    sigZ = ((prodHi << 1) | (prodLo >>> 31) | ((prodLo & 0x7fffffff) !== 0 ? 1 : 0)) >>> 0;
    return roundPackToF32(signZ, expZ, sigZ);
  }
  if (expC === 0) {
    expC = subnormalExpF32(sigC);
    sigC = subnormalSigF32(sigC);
  }
  // c on the product's scale: (sigC:0) in [2^61, 2^62).
  sigC = (sigC | 0x00800000) << 6;
  const expDiff = expProd - expC;
  if (signProd === signC) {
    if (expDiff <= 0) {
      expZ = expC;
      sigZ = sigC + shiftRightJam64(prodHi, prodLo, 32 - expDiff);
    } else {
      expZ = expProd;
      const cLo = shiftRightJam64(sigC, 0, expDiff);
      const sumLo = add64(prodHi, prodLo, wide.hi, cLo);
      sigZ = (wide.hi | (sumLo !== 0 ? 1 : 0)) >>> 0;
    }
    if (sigZ < 0x40000000) {
      expZ--;
      sigZ <<= 1;
    }
    return roundPackToF32(signZ, expZ, sigZ);
  }
  // Opposite signs: the difference may cancel any number of leading bits, so it is kept in 64 bits until normalized.
  let diffLo: number;
  let diffHi: number;
  if (expDiff < 0) {
    signZ = signC;
    expZ = expC;
    const pLo = shiftRightJam64(prodHi, prodLo, -expDiff);
    diffLo = sub64(sigC, 0, wide.hi, pLo);
    diffHi = wide.hi;
  } else if (expDiff === 0) {
    expZ = expProd;
    diffLo = sub64(prodHi, prodLo, sigC, 0);
    diffHi = wide.hi;
    if ((diffHi | diffLo) === 0) return packF32(env.roundingMode === round_min ? 1 : 0, 0, 0);
    if (diffHi >= 0x80000000) {
      signZ ^= 1;
      diffLo = sub64(0, 0, diffHi, diffLo);
      diffHi = wide.hi;
    }
  } else {
    expZ = expProd;
    const cLo = shiftRightJam64(sigC, 0, expDiff);
    diffLo = sub64(prodHi, prodLo, wide.hi, cLo);
    diffHi = wide.hi;
  }
  // Put the leading bit at 2^62, then keep the high word with the rest jammed into its lowest bit.
  const shiftDist = (diffHi !== 0 ? clz32(diffHi) : 32 + clz32(diffLo)) - 1;
  expZ -= shiftDist;
  if (shiftDist < 32) {
    sigZ = shiftRightJam64(diffHi, diffLo, 32 - shiftDist);
  } else {
    sigZ = (diffLo << (shiftDist - 32)) >>> 0;
  }
  return roundPackToF32(signZ, expZ, sigZ);
}

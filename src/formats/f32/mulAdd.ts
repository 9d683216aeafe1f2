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

/**
 * The common case, nearest-even (0, a literal so that V8 need not load and check the imported constant) with finite
 * operands, is split by how c compares with the product: mulAddNarrowF32 where c is not outweighed, which V8 inlines
 * with f32_mulAdd (their bytecode is kept under its limits for that: 460 bytes a function, about 770 together), and
 * mulAddWideF32 where the product outweighs c, a call. Neither has other data-dependent branches.
 */
export function f32_mulAdd(a: number, b: number, c: number): number {
  // Exponent fields plus one, with 0 for an infinity or NaN; zeros and subnormals have no implicit bit and count as
  // exponent 1, which is what their fraction means.
  const expA1 = ((a >>> 23) + 1) & 0xff;
  const expB1 = ((b >>> 23) + 1) & 0xff;
  const expC1 = ((c >>> 23) + 1) & 0xff;
  if (env.roundingMode === 0 && ((expA1 - 1) | (expB1 - 1) | (expC1 - 1)) >= 0) {
    const normalA = (expA1 + 0xfe) >>> 8;
    const normalB = (expB1 + 0xfe) >>> 8;
    const sigA = (a & 0x007fffff) | (normalA << 23);
    const sigB = (b & 0x007fffff) | (normalB << 23);
    // The product's highest possible leading bit (2^47 of sigA·sigB) minus c's (if c is normal: a zero or subnormal
    // c sits one lower, which only sends more cases to the wide path); a zero product counts as far below.
    const delta = expA1 + expB1 - normalA - normalB - expC1 - 125 - ((((sigA - 1) | (sigB - 1)) >> 31) & 0x400);
    // The fast paths return -1 (SLOW_F32 as an int32) when they cannot decide, and get int32s: V8 would box
    // (heap-allocate) uint32s of 2^31 and above for a call it does not inline.
    let z: number;
    if (delta < 2) {
      // The product P = sigA·sigB as P >>> 16 (below 2^32) and its 16 low bits, with every partial product within a
      // word: sigA = highA·2^16 + lowA with highA below 2^8, so P/2^16 = highA·sigB + lowA·highB + lowA·lowB/2^16.
      const lowA = sigA & 0xffff;
      const lowProd = Math.imul(lowA, sigB & 0xffff);
      const pHigh = (Math.imul(sigA >>> 16, sigB) + Math.imul(lowA, sigB >>> 16) + (lowProd >>> 16)) | 0;
      z = mulAddNarrowF32(pHigh, lowProd & 0xffff, c | 0, 2 - delta, (a ^ b ^ c) >> 31);
    } else {
      z = mulAddWideF32(sigA | ((a ^ b) & 0x80000000), sigB, c | 0, delta);
    }
    if (z !== -1) return z >>> 0;
  }
  // The slow result as a word too, so that the fast one is never boxed where the paths meet.
  return mulAddF32(a, b, c) >>> 0;
}

/**
 * The sum where c is not outweighed by the product (the product's highest possible leading bit at most one place
 * above c's), in one word anchored at c's significand with 5 guard bits. The product P = pHigh·2^16 + pLow goes in
 * rounded to odd (jammed) into P >>> 17, then shifted dist places (at least 1) and jammed again. c is exact and its
 * lowest bit lies above the jam, so the word holds the sum rounded to odd, good for rounding to nearest once as long
 * as the jam stays two places below the rounding bit: a cancellation past that (possible only where the product is
 * close to c) is left to the slow path. Returns the result word as an int32, or -1.
 */
function mulAddNarrowF32(pHigh: number, pLow: number, c: number, dist: number, sub: number): number {
  // P >>> 17 shifted dist places, a distance over 31 made -1, which shifts read as 31; everything shifted out of P is
  // jammed into bit 0.
  const p = pHigh >>> 1;
  dist |= (31 - dist) >> 31;
  const shifted = p >>> dist;
  const sticky = -(((shifted << dist) ^ p) | (pHigh & 1) | pLow) >>> 31;
  // c's significand (a zero or subnormal c is taken as normal: it then fails the exponent check below). The sum is
  // negative where the product outweighs c.
  let sigZ = ((((c << 9) >>> 4) | 0x10000000) + (((shifted | sticky) ^ sub) - sub)) | 0;
  const neg = sigZ >> 31;
  sigZ = (sigZ ^ neg) - neg;
  // Normalize to 2^30: shift is at most 5 (the jam two places below the rounding bit), and the biased exponent minus
  // one, expC + 1 - shift as in roundPackToF32, 2 … 252 (which a zero or subnormal c, expC 0, cannot meet).
  const shift = Math.clz32(sigZ) - 1;
  if (((((c >>> 23) & 0xff) - 1 - shift) | (5 - shift)) >>> 0 > 250) return -1;
  sigZ <<= shift;
  if ((env.flags & 1) === 0 && (sigZ & 0x7f) !== 0) env.flags |= 1;
  // As in addNearEvenF32: the rounding constant adds the implicit bit once more, which the exponent accounts for.
  return (((c & 0xff800000) ^ (neg << 31)) - (shift << 23) + ((sigZ + 0x4000003f + ((sigZ >>> 7) & 1)) >>> 7)) | 0;
}

/**
 * The sum where the product is not outweighed, in two words: the product exactly, as P·2^13 (leading bit at 2^60 or
 * 2^59 of 64), and c aligned to it (c's leading bit at most one place above the product's highest) with what falls
 * below 2^0 jammed. The sum may cancel any number of bits; it is exact until normalized into one jammed word.
 * Returns the result word as an int32, or -1 (SLOW_F32) for a result that is out of range or cancels past the high
 * word. The operands come as the significands of a (with the product's sign at 2^31) and b, both nonzero, c, and
 * f32_mulAdd's delta. It is kept over V8's inlining limit: inlined into f32_mulAdd it would keep f32_mulAdd itself
 * out of callers' loops.
 */
function mulAddWideF32(signSigA: number, sigB: number, c: number, delta: number): number {
  // The product P as in f32_mulAdd (sigA without the sign).
  const lowA = signSigA & 0xffff;
  const lowProd = Math.imul(lowA, sigB & 0xffff);
  const pHigh = Math.imul((signSigA >>> 16) & 0xff, sigB) + Math.imul(lowA, sigB >>> 16) + (lowProd >>> 16);
  const high = pHigh >>> 3;
  const low = (pHigh << 29) | ((lowProd & 0xffff) << 13);
  // c·2^(37 - delta) = (c's significand << 7)·2^32 shifted right by delta + 2 places, at least 1 (delta here takes c
  // as normal: a zero or subnormal c is one place lower, normalC - 1). Past 63 only the jam is left.
  const expC1 = ((c >>> 23) + 1) & 0xff;
  const normalC = (expC1 + 0xfe) >>> 8;
  const sigC = ((c & 0x007fffff) | (normalC << 23)) << 7;
  let dist = (delta + normalC - 62) | 0;
  dist = (dist & (dist >> 31)) + 63;
  const far = (31 - dist) >> 31;
  const x = sigC >>> dist;
  const y = (sigC << 1) << ~dist;
  const lost = y & far;
  const highC = x & ~far;
  const lowC = (y & ~far) | (x & far) | ((lost | -lost) >>> 31);
  // Add, or subtract as adding the one's complement plus one; then take the magnitude.
  const sub = (signSigA ^ c) >> 31;
  let lowS = (low + (lowC ^ sub) - sub) | 0;
  let highS = (high + (highC ^ sub) + ((((low & (lowC ^ sub)) | ((low | (lowC ^ sub)) & ~lowS)) >>> 31))) | 0;
  const neg = highS >> 31;
  lowS = (lowS ^ neg) - neg;
  highS = ((highS ^ neg) + (neg & (((lowS - 1) & ~lowS) >>> 31))) | 0;
  // Leading bit to 2^62, then the high word with the rest jammed into its bit 0.
  const shift = Math.clz32(highS) - 1;
  const rest = lowS << shift;
  const sigZ = (highS << shift) | ((lowS >>> 1) >>> ~shift) | ((rest | -rest) >>> 31);
  const exp = (delta + expC1 - shift) | 0;
  if (exp >>> 0 > 252 || highS === 0) return -1;
  if ((env.flags & 1) === 0 && (sigZ & 0x7f) !== 0) env.flags |= 1;
  const sig = (sigZ + 0x3f + ((sigZ >>> 7) & 1)) >>> 7;
  return (((sub ^ neg ^ c) & 0x80000000) | ((exp << 23) + sig)) | 0;
}

/** Every case: specials, subnormals, all rounding modes. */
function mulAddF32(a: number, b: number, c: number): number {
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

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
 * The common case is nearest-even (0, a literal so that V8 need not load and check the imported constant) with a and
 * b normal and c normal outside the lowest binade. A product far below c gives c at once; otherwise the product is
 * formed here and mulAddSumF32 adds c and rounds. A zero product (half the terms of a ReLU network) is answered here
 * too. The rest, and a sum that is not normal or that cancels too far, goes to mulAddF32.
 *
 * All of the fast side is kept within V8's inlining budget, so that callers' loops take it in whole (a call costs
 * about as much as the sum itself): at most 460 bytes of bytecode a function, and at most 766 for this function and
 * mulAddSumF32 together, because a caller that inlines this function after V8 has optimized it on its own is charged
 * 1.2 times both against a budget of 920 (--max-inlined-bytecode-size-cumulative); the build has 358 + 405. Bytecode,
 * not operations, is what counts: hence the reused variables, single variables on the left of commutative operators,
 * 0x80000000 and Math.imul held in locals, and the sum as a second function that takes the product ready-made.
 */
export function f32_mulAdd(a: number, b: number, c: number): number {
  const fenv = env;
  if (fenv.roundingMode === 0) {
    // Exponent fields plus one: 0 for an infinity or NaN, 1 for a zero or subnormal.
    const expA1 = ((a >>> 23) + 1) & 0xff;
    const expB1 = ((b >>> 23) + 1) & 0xff;
    const expC1 = ((c >>> 23) + 1) & 0xff;
    if (((expA1 - 2) | (expB1 - 2) | (expC1 - 3)) >= 0) {
      // How far the product's highest possible leading bit (2^47 of sigA·sigB) lies above c's leading bit, minus one.
      const d = expA1 + expB1 - expC1 - 128;
      if (d < -26) {
        // The product is below a quarter of c's ulp, so below half the spacing on either side of c even where c is a
        // power of two and the product is subtracted: the sum rounds to c, inexactly. With c outside the lowest
        // binade the exact sum is not tiny either.
        fenv.flags |= 1;
        return c >>> 0;
      }
      // The product P = sigA·sigB, 2^46 <= P < 2^48, from 16-bit pieces with every partial product within a word:
      // sigA = highA·2^16 + lowA with highA below 2^8, so P = (highA·sigB + lowA·highB)·2^16 + lowA·lowB. It goes to
      // the sum as P >>> 18 and P's low 18 bits at 2^30 … 2^13 of a second word (top bit free for a carry).
      const imul = Math.imul;
      const k = 0x80000000;
      const lowA = (a << 16) >>> 16;
      const sigB = (k | (b << 8)) >>> 8;
      const lowProd = imul(lowA, (b << 16) >>> 16);
      const t = imul((k | (a << 8)) >>> 24, sigB) + imul(lowA, sigB >>> 16);
      // Arguments and result are int32s (c | 0; -1 for SLOW_F32) so that V8 never boxes (heap-allocates) a word of 2^31
      // or above should a caller not inline mulAddSumF32.
      const z = mulAddSumF32((t + (lowProd >>> 16)) >>> 2, ((lowProd + (t << 16)) << 14) >>> 1, c | 0, d, expC1, a ^ b);
      if (z !== -1) return z >>> 0;
    } else if (expA1 && expB1 && expC1 && (!(a << 1) || !(b << 1))) {
      // A zero times a finite number, plus a finite c: exactly c, or for c a zero, +0 unless both zeros are negative.
      return ((c << 1) === 0 ? c & (a ^ b) : c) >>> 0;
    }
  }
  // The slow result as a word too, so that the fast one is never boxed where the paths meet.
  return mulAddF32(a, b, c) >>> 0;
}

/**
 * The sum and its rounding to nearest-even for f32_mulAdd's fast case. Takes the product as p = P >>> 18 and low
 * (P's low 18 bits at 2^30 … 2^13), c (normal), f32_mulAdd's d (-26 or more), c's exponent field plus one, and the
 * product's sign at 2^31 of g. Returns the result word as an int32, an overflow's infinity included, or -1 (SLOW_F32)
 * for a result that is not normal before rounding or a sum that cancels past the jam.
 */
function mulAddSumF32(p: number, low: number, c: number, d: number, e: number, g: number): number {
  const k = 0x80000000;
  // -1 where c and the product have opposite signs: the product, or c, is then subtracted.
  const s = (c ^ g) >> 31;
  let x: number;
  let y: number;
  if (d < 1) {
    // c is not outweighed: one word anchored at c's significand (2^28 … 2^5), into which the product goes rounded to
    // odd (shifted -d places, 0 … 26, everything shifted out or in low jammed into bit 0). c is exact and its lowest
    // bit lies above the jam, so the word holds the sum rounded to odd; that is good for rounding to nearest once
    // the jam stays two places below the rounding bit, which the shift check below makes sure of.
    y = p >>> -d;
    x = ((k | (c << 8)) >>> 3) - s + (s ^ (y | (-(low | (p ^ (y << -d))) >>> 31)));
    // Where the product outweighs c the sum is negative: its sign flips c's.
    g = c ^ x;
    if (x < 0) x = -x;
    // e, c's exponent field plus one, is already the result's field minus one (as in roundPackToF32) for a leading
    // bit at 2^30, two places above c's.
  } else {
    // The product outweighs c (d + 1 >= 2 places, so c < P and the sum is positive): P is exact in (p, low), and c,
    // signed, at 2^29 … 2^6 of y and shifted d + 1 places, is split into a high part added to p and a low part added
    // to low. Within 31 places the split is exact; beyond, the high part is the sign (c < 2^16 of P) and the low
    // part is jammed.
    y = (s ^ ((k | (c << 8)) >>> 2)) - s;
    if (d < 31) {
      x = (y << ~d) >>> 1;
      y = (y >> d) >> 1;
    } else {
      const n = d > 61 ? 31 : d - 30;
      x = y >> n;
      x = ((x << 1) >>> 1) | (-(y ^ (x << n)) >>> 31);
      y = s;
    }
    // Both low parts are below 2^31: their sum's bit 31 is the carry, the rest jammed into bit 0 of the high word.
    x = low + x;
    x = (p + y + (x >>> 31)) | (-((x << 1) >>> 1) >>> 31);
    // The result's exponent field minus one for a leading bit at 2^30 (P's 2^48): expA + expB - 126.
    e = e + d;
  }
  // Leading bit to 2^30 (x is below 2^31). At most 5 places keeps the jam two places below the rounding bit (2^6);
  // the result must be normal and finite before rounding (0 <= e <= 252 stays so after it). An e of 248 … 252 may
  // fail the combined check spuriously; that is only slower.
  d = clz32(x) - 1;
  e = e - d;
  if ((e | (5 - d)) >>> 0 > 252) {
    if (e < 254 || d > 5) return -1;
    // At or above 2^128 before rounding: nearest-even overflows to infinity.
    env.flags |= 5;
    return (g & k) | 0x7f800000;
  }
  x = x << d;
  env.flags |= -(x & 0x7f) >>> 31;
  // Round half to even; the implicit bit adds one to the exponent field.
  return (g & k) | ((e << 23) + ((x + ((x >>> 7) & 1) + 0x3f) >>> 7));
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

/**
 * The binary32 internals every f32 operation ends in: packing fields, normalizing a subnormal significand, and
 * rounding an exact intermediate result to the format (with the flags that rounding raises).
 *
 * Intermediate significands are 31-bit integers with the implicit bit at 2^30 and 7 extra bits below the format's
 * lsb; anything lost further down has already been jammed into bit 0, so the 7 bits plus that sticky bit decide
 * rounding exactly.
 */
import {
  env,
  flag_inexact,
  flag_overflow,
  flag_underflow,
  round_max,
  round_min,
  round_near_even,
  round_near_maxMag,
  round_odd,
  tininess_beforeRounding,
} from '../../env/environment.js';
import { clz32, shiftRightJam32 } from '../../primitives/integer.js';

/** Sign, biased exponent and fraction to a word. The fraction may carry into the exponent, as rounding needs. */
export function packF32(sign: number, exp: number, sig: number): number {
  return ((sign << 31) + (exp << 23) + sig) >>> 0;
}

/** Exponent a subnormal fraction (nonzero) would have once normalized: 1 - (shift to put its top bit at 2^23). */
export function subnormalExpF32(sig: number): number {
  return 9 - clz32(sig);
}

/** The subnormal fraction shifted so that its top bit sits at the implicit-bit position 2^23. */
export function subnormalSigF32(sig: number): number {
  return sig << (clz32(sig) - 8);
}

/**
 * Round sign·sig·2^(exp-156) to binary32. `exp` is the biased exponent minus one (the implicit bit adds it back when
 * packed); sig < 2^31 with its leading bit at 2^30 unless the value is subnormal.
 */
export function roundPackToF32(sign: number, exp: number, sig: number): number {
  // The common case (nearest-even, result comfortably normal) is kept small so that V8 inlines it into callers.
  if (env.roundingMode === round_near_even && exp >>> 0 < 0xfd) {
    const roundBits = sig & 0x7f;
    env.flags |= -roundBits >>> 31;
    // Ties (roundBits = 0x40) clear the lsb, which makes them go to even.
    sig = ((sig + 0x40) >>> 7) & ~(((roundBits ^ 0x40) - 1) >>> 31);
    return packF32(sign, sig !== 0 ? exp : 0, sig);
  }
  return roundPackToF32Slow(sign, exp, sig);
}

/** {@link roundPackToF32} for every rounding mode and for results that may overflow or be subnormal. */
function roundPackToF32Slow(sign: number, exp: number, sig: number): number {
  const roundingMode = env.roundingMode;
  const roundNearEven = roundingMode === round_near_even;
  let roundIncrement = 0x40;
  if (!roundNearEven && roundingMode !== round_near_maxMag) {
    roundIncrement = roundingMode === (sign !== 0 ? round_min : round_max) ? 0x7f : 0;
  }
  let roundBits = sig & 0x7f;
  if (exp >>> 0 >= 0xfd) {
    if (exp < 0) {
      const isTiny = env.tininess === tininess_beforeRounding || exp < -1 || sig + roundIncrement < 0x80000000;
      sig = shiftRightJam32(sig, -exp);
      exp = 0;
      roundBits = sig & 0x7f;
      if (isTiny && roundBits !== 0) env.flags |= flag_underflow;
    } else if (exp > 0xfd || sig + roundIncrement >= 0x80000000) {
      env.flags |= flag_overflow | flag_inexact;
      return packF32(sign, 0xff, 0) - (roundIncrement === 0 ? 1 : 0);
    }
  }
  if (roundBits !== 0) {
    env.flags |= flag_inexact;
    if (roundingMode === round_odd) return packF32(sign, exp, (sig >>> 7) | 1);
  }
  sig = (sig + roundIncrement) >>> 7;
  if (roundNearEven && roundBits === 0x40) sig &= ~1;
  if (sig === 0) exp = 0;
  return packF32(sign, exp, sig);
}

/** Like {@link roundPackToF32} for a significand whose leading bit may be anywhere (nonzero or zero). */
export function normRoundPackToF32(sign: number, exp: number, sig: number): number {
  const shiftDist = clz32(sig) - 1;
  exp -= shiftDist;
  if (shiftDist >= 7 && exp >>> 0 < 0xfd) {
    return packF32(sign, sig !== 0 ? exp : 0, sig << (shiftDist - 7));
  }
  return roundPackToF32(sign, exp, sig << shiftDist);
}

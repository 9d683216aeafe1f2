/**
 * The binary16 internals every f16 operation ends in (the f16 counterpart of f32/roundPack.ts).
 *
 * Intermediate significands are 15-bit integers with the implicit bit at 2^14 and 4 extra bits below the format's
 * lsb, anything lost further down already jammed into bit 0.
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

/** Sign, biased exponent and fraction to a word; the fraction may carry into the exponent. */
export function packF16(sign: number, exp: number, sig: number): number {
  return ((sign << 15) + (exp << 10) + sig) & 0xffff;
}

/** Exponent a nonzero subnormal fraction would have once normalized. */
export function subnormalExpF16(sig: number): number {
  return 22 - clz32(sig);
}

/** The subnormal fraction shifted so that its top bit sits at the implicit-bit position 2^10. */
export function subnormalSigF16(sig: number): number {
  return sig << (clz32(sig) - 21);
}

/**
 * Round sign·sig·2^(exp-28) to binary16. `exp` is the biased exponent minus one; sig < 2^15 with its leading bit at
 * 2^14 unless the value is subnormal.
 */
export function roundPackToF16(sign: number, exp: number, sig: number): number {
  const roundingMode = env.roundingMode;
  const roundNearEven = roundingMode === round_near_even;
  let roundIncrement = 0x8;
  if (!roundNearEven && roundingMode !== round_near_maxMag) {
    roundIncrement = roundingMode === (sign !== 0 ? round_min : round_max) ? 0xf : 0;
  }
  let roundBits = sig & 0xf;
  if (exp >>> 0 >= 0x1d) {
    if (exp < 0) {
      const isTiny = env.tininess === tininess_beforeRounding || exp < -1 || sig + roundIncrement < 0x8000;
      sig = shiftRightJam32(sig, -exp);
      exp = 0;
      roundBits = sig & 0xf;
      if (isTiny && roundBits !== 0) env.flags |= flag_underflow;
    } else if (exp > 0x1d || sig + roundIncrement >= 0x8000) {
      env.flags |= flag_overflow | flag_inexact;
      return packF16(sign, 0x1f, 0) - (roundIncrement === 0 ? 1 : 0);
    }
  }
  if (roundBits !== 0) {
    env.flags |= flag_inexact;
    if (roundingMode === round_odd) return packF16(sign, exp, (sig >>> 4) | 1);
  }
  sig = (sig + roundIncrement) >>> 4;
  if (roundNearEven && roundBits === 0x8) sig &= ~1;
  if (sig === 0) exp = 0;
  return packF16(sign, exp, sig);
}

/** Like {@link roundPackToF16} for a significand (< 2^15) whose leading bit may be anywhere, or zero. */
export function normRoundPackToF16(sign: number, exp: number, sig: number): number {
  const shiftDist = clz32(sig) - 17;
  exp -= shiftDist;
  if (shiftDist >= 4 && exp >>> 0 < 0x1d) {
    return packF16(sign, sig !== 0 ? exp : 0, sig << (shiftDist - 4));
  }
  return roundPackToF16(sign, exp, sig << shiftDist);
}

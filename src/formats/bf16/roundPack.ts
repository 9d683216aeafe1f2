/**
 * The bfloat16 internals every bf16 operation ends in (the bf16 counterpart of f32/roundPack.ts).
 *
 * bfloat16 has binary32's exponent range and an 8-bit significand. Intermediate significands are 15-bit integers
 * with the implicit bit at 2^14 and 7 extra bits below the format's lsb, anything lost further down already jammed
 * into bit 0.
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
export function packBF16(sign: number, exp: number, sig: number): number {
  return ((sign << 15) + (exp << 7) + sig) & 0xffff;
}

/** Exponent a nonzero subnormal fraction would have once normalized. */
export function subnormalExpBF16(sig: number): number {
  return 25 - clz32(sig);
}

/** The subnormal fraction shifted so that its top bit sits at the implicit-bit position 2^7. */
export function subnormalSigBF16(sig: number): number {
  return sig << (clz32(sig) - 24);
}

/**
 * Round sign·sig·2^(exp-140) to bfloat16. `exp` is the biased exponent minus one; sig < 2^15 with its leading bit at
 * 2^14 unless the value is subnormal.
 */
export function roundPackToBF16(sign: number, exp: number, sig: number): number {
  const roundingMode = env.roundingMode;
  const roundNearEven = roundingMode === round_near_even;
  let roundIncrement = 0x40;
  if (!roundNearEven && roundingMode !== round_near_maxMag) {
    roundIncrement = roundingMode === (sign !== 0 ? round_min : round_max) ? 0x7f : 0;
  }
  let roundBits = sig & 0x7f;
  if (exp >>> 0 >= 0xfd) {
    if (exp < 0) {
      const isTiny = env.tininess === tininess_beforeRounding || exp < -1 || sig + roundIncrement < 0x8000;
      sig = shiftRightJam32(sig, -exp);
      exp = 0;
      roundBits = sig & 0x7f;
      if (isTiny && roundBits !== 0) env.flags |= flag_underflow;
    } else if (exp > 0xfd || sig + roundIncrement >= 0x8000) {
      env.flags |= flag_overflow | flag_inexact;
      return packBF16(sign, 0xff, 0) - (roundIncrement === 0 ? 1 : 0);
    }
  }
  if (roundBits !== 0) {
    env.flags |= flag_inexact;
    if (roundingMode === round_odd) return packBF16(sign, exp, (sig >>> 7) | 1);
  }
  sig = (sig + roundIncrement) >>> 7;
  if (roundNearEven && roundBits === 0x40) sig &= ~1;
  if (sig === 0) exp = 0;
  return packBF16(sign, exp, sig);
}

/** Like {@link roundPackToBF16} for a significand (< 2^15) whose leading bit may be anywhere, or zero. */
export function normRoundPackToBF16(sign: number, exp: number, sig: number): number {
  const shiftDist = clz32(sig) - 17;
  exp -= shiftDist;
  if (shiftDist >= 7 && exp >>> 0 < 0xfd) {
    return packBF16(sign, sig !== 0 ? exp : 0, sig << (shiftDist - 7));
  }
  return roundPackToBF16(sign, exp, sig << shiftDist);
}

/**
 * Tangent for binary32, binary16 and bfloat16: correctly rounded in every rounding mode for binary16 and bfloat16,
 * within half an ulp plus 2^-28 ulp for binary32.
 *
 * Method: tan x = sin x / cos x from one reduction (kernels/trig.ts: Payne–Hanek modulo π/32, 64-bit Taylor
 * polynomials, a table of sin(kπ/32)), both values to a relative 2^-55.8 or better, divided through the 64-bit
 * reciprocal of kernels/recip.ts: the quotient is within 2·(errN + errD) + 14 units of its significand, relative
 * error below 2^-52.8. Near a pole the denominator is ±sin r of the reduced argument, whose relative error stays
 * below 2^-58.6 however close the float comes to the pole (for binary32 the reduction is exact enough for the closest
 * one, |x·32/π − j| >= 2^-29.85), so large results keep their accuracy; a binary16 result can exceed the format
 * (tan(177.5) ≈ 66347) and then overflows as any rounding does. kernels/round.ts rounds whenever no boundary lies
 * within the bound; the exhaustive tests show that every binary16 and bfloat16 argument is decided there
 * (zivStats.hard stays 0), and a binary32 one that is not is rounded as it stands.
 *
 * Special cases (IEEE 754-2019 §9.2, C Annex F.10.1.7): tan(±0) = ±0 exactly; tan(±∞) is invalid (default NaN); NaN
 * propagated. Tiny arguments: for |x| < 2^-12 (binary32; 2^-6 binary16, 2^-4 bfloat16), 0 < tan x − x < 1.002·|x|³/3
 * (|x| <= 2^-4) is below half the spacing of the format above |x|: with |x| < 2^(e+1), 1.002·(2^(e+1))³/3 <= 2^(e-p)
 * holds for e <= (−p − 1.42)/2, i.e. e <= −13, −7, −5 for p = 24, 11, 8. So tan x lies strictly between x and the
 * rounding boundary above it, and x with its magnitude nudged up by a sticky unit rounds correctly (inexact, and
 * underflow for subnormal x when tiny).
 */
import { env, flag_invalid } from '../env/environment.js';
import { roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16, subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import {
  invalidNaNBF16,
  invalidNaNF16,
  invalidNaNF32,
  propagateNaNBF16,
  propagateNaNF16,
  propagateNaNF32,
} from '../formats/specialize.js';
import { trigRoundBF16, trigRoundF16, trigRoundF32, trigTan } from './kernels/trig.js';

export function f32_tan(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  if (expA < 0x7f - 12) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpF32(sigA);
      sigA = subnormalSigF32(sigA);
    }
    return roundPackToF32(sign, e - 1, (((sigA | 0x00800000) << 7) | 1) >>> 0);
  }
  return trigRoundF32(sign ^ trigTan(sigA | 0x00800000, expA - 150));
}

export function f16_tan(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  if (expA < 0xf - 6) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpF16(sigA);
      sigA = subnormalSigF16(sigA);
    }
    return roundPackToF16(sign, e - 1, ((sigA | 0x0400) << 4) | 1);
  }
  return trigRoundF16(sign ^ trigTan(sigA | 0x0400, expA - 25));
}

export function bf16_tan(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  let sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  if (expA < 0x7f - 4) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpBF16(sigA);
      sigA = subnormalSigBF16(sigA);
    }
    return roundPackToBF16(sign, e - 1, ((sigA | 0x0080) << 7) | 1);
  }
  return trigRoundBF16(sign ^ trigTan(sigA | 0x0080, expA - 134));
}

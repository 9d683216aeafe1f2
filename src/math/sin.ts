/**
 * Sine for binary32, binary16 and bfloat16: correctly rounded in every rounding mode for binary16 and bfloat16,
 * within half an ulp plus 2^-31 ulp for binary32.
 *
 * Method (kernels/trig.ts): Payne–Hanek reduction of |x| modulo π/32 with 160 bits of 2/π at the argument's exponent
 * (x ≡ j·π/32 + r, |r| <= π/64, r to 2^-59.8 relative even for the binary32 argument nearest a multiple of π/32),
 * Taylor polynomials of sin r and cos r in r² in 64-bit fixed point, and sin x = ±(sin(kπ/32)·cos r ± cos(kπ/32)·sin r)
 * from a 64-bit table, its relative error proven below 2^-55.8 (below 2^-58.6 near the multiples of π, where the
 * result is sin r itself). kernels/round.ts rounds whenever no rounding boundary lies within that bound; the
 * exhaustive tests show that every binary16 and bfloat16 argument is decided there (zivStats.hard stays 0), and a
 * binary32 one that is not is rounded as it stands.
 *
 * Special cases (IEEE 754-2019 §9.2, C Annex F.10.1.6): sin(±0) = ±0 exactly; sin(±∞) is invalid (default NaN); NaN
 * propagated. Tiny arguments: for |x| < 2^-12 (binary32; 2^-5 binary16, 2^-4 bfloat16), x − sin x < |x|³/6 is below
 * half the spacing of the format just below |x|: with |x| < 2^(e+1), (2^(e+1))³/6 <= 2^(e-p) holds for
 * e <= (−p − 0.42)/2, i.e. e <= −13, −6, −5 for p = 24, 11, 8 (at |x| = 2^e, where the spacing below halves, the
 * margin is larger still). So sin x lies strictly between x and the rounding boundary below it, and x with its
 * magnitude nudged down by a sticky unit rounds correctly (inexact, and underflow for subnormal x when tiny).
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
import { trigRoundBF16, trigRoundF16, trigRoundF32, trigSin } from './kernels/trig.js';

export function f32_sin(a: number): number {
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
    // Just below |x|; at the bottom of a binade, 2(2^30 − 1) one exponent lower, normalized for roundPack's tininess.
    if ((sigA & 0x007fffff) === 0) return roundPackToF32(sign, e - 2, 0x7ffffffe);
    return roundPackToF32(sign, e - 1, (((sigA | 0x00800000) << 7) - 1) >>> 0);
  }
  return trigRoundF32(sign ^ trigSin(sigA | 0x00800000, expA - 150, 0));
}

export function f16_sin(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  if (expA < 0xf - 5) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpF16(sigA);
      sigA = subnormalSigF16(sigA);
    }
    if ((sigA & 0x03ff) === 0) return roundPackToF16(sign, e - 2, 0x7ffe);
    return roundPackToF16(sign, e - 1, ((sigA | 0x0400) << 4) - 1);
  }
  return trigRoundF16(sign ^ trigSin(sigA | 0x0400, expA - 25, 0));
}

export function bf16_sin(a: number): number {
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
    if ((sigA & 0x007f) === 0) return roundPackToBF16(sign, e - 2, 0x7ffe);
    return roundPackToBF16(sign, e - 1, ((sigA | 0x0080) << 7) - 1);
  }
  return trigRoundBF16(sign ^ trigSin(sigA | 0x0080, expA - 134, 0));
}

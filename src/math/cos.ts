/**
 * Cosine for binary32, binary16 and bfloat16: correctly rounded in every rounding mode for binary16 and bfloat16,
 * within half an ulp plus 2^-31 ulp for binary32.
 *
 * Method: cos x = sin(|x| + π/2), the sine core of kernels/trig.ts one quadrant on (Payne–Hanek reduction modulo
 * π/32, 64-bit Taylor polynomials of the reduced argument and a table of sin(kπ/32)); relative error proven below
 * 2^-55.8, and below 2^-58.6 near the odd multiples of π/2, where the result is ±sin r itself. kernels/round.ts
 * rounds whenever no rounding boundary lies within that bound; the exhaustive tests show that every binary16 and
 * bfloat16 argument is decided there (zivStats.hard stays 0), and a binary32 one that is not is rounded as it stands.
 *
 * Special cases (IEEE 754-2019 §9.2, C Annex F.10.1.5): cos(±0) = 1 exactly (no flag); cos(±∞) is invalid (default
 * NaN); NaN propagated. Tiny arguments: for |x| < 2^-12 (binary32; 2^-6 binary16, 2^-4 bfloat16), 0 < 1 − cos x <
 * x²/2 < 2^(2e+1) <= 2^-(p+1) (|x| < 2^(e+1), e <= (−p − 2)/2), half the spacing of the format below 1: cos x lies
 * strictly between 1 − 2^-(p+1) and 1, and rounds as 1 nudged down (inexact).
 */
import { env, flag_invalid } from '../env/environment.js';
import { roundPackToBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32 } from '../formats/f32/roundPack.js';
import {
  invalidNaNBF16,
  invalidNaNF16,
  invalidNaNF32,
  propagateNaNBF16,
  propagateNaNF16,
  propagateNaNF32,
} from '../formats/specialize.js';
import { trigRoundBF16, trigRoundF16, trigRoundF32, trigSin } from './kernels/trig.js';

export function f32_cos(a: number): number {
  const expA = (a >>> 23) & 0xff;
  const sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  if (expA < 0x7f - 12) {
    if ((expA | sigA) === 0) return 0x3f800000;
    return roundPackToF32(0, 0x7e, 0x3fffffff);
  }
  return trigRoundF32(trigSin(sigA | 0x00800000, expA - 150, 1));
}

export function f16_cos(a: number): number {
  const expA = (a >>> 10) & 0x1f;
  const sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  if (expA < 0xf - 6) {
    if ((expA | sigA) === 0) return 0x3c00;
    return roundPackToF16(0, 0xe, 0x3fff);
  }
  return trigRoundF16(trigSin(sigA | 0x0400, expA - 25, 1));
}

export function bf16_cos(a: number): number {
  const expA = (a >>> 7) & 0xff;
  const sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  if (expA < 0x7f - 4) {
    if ((expA | sigA) === 0) return 0x3f80;
    return roundPackToBF16(0, 0x7e, 0x3fff);
  }
  return trigRoundBF16(trigSin(sigA | 0x0080, expA - 134, 1));
}

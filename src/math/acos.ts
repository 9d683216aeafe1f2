/**
 * Arccosine for binary32, binary16 and bfloat16: binary16 and bfloat16 correctly rounded in every rounding mode,
 * binary32 correctly rounded wherever the Ziv test of kernels/round.ts decides, which a run over all 2^32 words
 * (outside the test suite) found to be every word; the fallback would be within 0.5 + 2^-30 ulp.
 *
 * Method: with u = 1 − x² (exact as (1 − |x|)(1 + |x|) for |x| >= 1/2, within 2^-63 otherwise) and y = 1/√u to
 * 1.7 units of 2^-63 (kernels/atan.ts),
 *   |x| < 1/2:   acos x = π/2 ∓ atan t,        t = |x|·y = |x|/√(1 − x²) < 0.578  (− for x > 0),
 *   x >= 1/2:    acos x = 2·atan t',           t' = (1 − x)·y = √((1 − x)/(1 + x)) <= 0.578,
 *   x <= −1/2:   acos x = π − 2·atan t',       t' = (1 − |x|)·y,
 * with atan from the kernel and no cancellation: the first result is at least π/3 and the last at least 2π/3, and
 * near x = 1, where acos x ≈ √(2(1 − x)) is small, t' has full relative accuracy from the exact 1 − x. Error: t and
 * t' are within 16 units of their 64-bit significands; the result's relative error is below 8 units of 2^-62 on at
 * least π/3 (2^-59.1) for |x| < 1/2, 13 units of 2^-62 on at least 2π/3 (2^-59.3) for x <= −1/2, and for x >= 1/2
 * below 21·2^-62 = 2^-57.6 when t' < 2^-7 and 2^-55.5 otherwise. kernels/round.ts rounds the result; where it cannot
 * decide (no binary32 word, no binary16 or bfloat16 word, the latter checked by the exhaustive tests with
 * zivStats.hard) the approximation would be rounded as it stands.
 *
 * binary16 and bfloat16 first take the kernel's one-word fast path (the same formulas with approxRecipSqrt32's
 * 1/√u and the one-word atan, to about 2^-23 relative, with its own proven bound and Ziv test); the few roundings it
 * cannot decide go to the 64-bit evaluation above.
 *
 * Special cases (IEEE 754-2019 §9.2, C Annex F): acos(1) = +0 exactly (no flag), acos(−1) = π and acos(±0) = π/2
 * rounded (inexact), |x| > 1 (±∞ included) invalid with the default NaN, NaN propagated. The result is never tiny:
 * the smallest, acos(1 − 2^-24) for binary32, is about 2^-11.5. Binary32 |x| < 2^-27 (zeros included): acos x is
 * within |asin x| < 2^-27 (a sixteenth of an ulp) of π/2, which lies 0.633 ulp above the word below it, so π/2
 * rounded in the current mode is the result (no Ziv test needed).
 */
import { env, flag_invalid } from '../env/environment.js';
import { subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32 } from '../formats/f32/roundPack.js';
import {
  invalidNaNBF16,
  invalidNaNF16,
  invalidNaNF32,
  propagateNaNBF16,
  propagateNaNF16,
  propagateNaNF32,
} from '../formats/specialize.js';
import {
  atanConstant,
  atanFastOneMinusTimesRsqrt,
  atanFastTimesRsqrt,
  atanFinishBF16,
  atanFinishF16,
  atanFinishF32,
  atanValue,
  fastFinishBF16,
  fastFinishF16,
  fastRsqrtOneMinusSquare,
  loadOneMinusTimesRsqrt,
  loadTimesRsqrt,
  rsqrtOneMinusSquare,
} from './kernels/atan.js';

/** The float register = acos x for x = (−1)^sign·M·2^(ex−31), 0 < |x| < 1, M normalized. */
function acosValue(sign: number, M: number, ex: number): void {
  rsqrtOneMinusSquare(M, ex);
  if (ex <= -2) {
    loadTimesRsqrt(M, ex);
    atanValue(2, 0, sign ^ 1);
  } else {
    loadOneMinusTimesRsqrt(M);
    if (sign !== 0) atanValue(4, 1, 1);
    else atanValue(0, 1, 0);
  }
}

/** The fast value (kernels/atan.ts, for the 16-bit formats) = acos x, by the same formulas. */
function acosFastValue(sign: number, M: number, ex: number): void {
  fastRsqrtOneMinusSquare(M, ex);
  if (ex <= -2) atanFastTimesRsqrt(M, ex, 2, 0, sign ^ 1);
  else if (sign !== 0) atanFastOneMinusTimesRsqrt(M, 4, 1, 1);
  else atanFastOneMinusTimesRsqrt(M, 0, 1, 0);
}

export function f32_acos(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  const sigA = a & 0x007fffff;
  if (expA >= 0x7f) {
    if (expA === 0xff && sigA !== 0) return propagateNaNF32(a, 0);
    if (expA === 0x7f && sigA === 0) {
      if (sign === 0) return 0;
      atanConstant(4);
      return atanFinishF32(0);
    }
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  // π/2 lies 0.633 of an ulp above 0x3fc90fda; for |x| < 2^-27, |π/2 − acos x| = |asin x| < 2^-4 ulp cannot move it
  // across a boundary, so acos x rounds as π/2 (significand 0x6487ed51, round bits 0x51) in every mode.
  if (expA < 0x7f - 27) return roundPackToF32(0, 0x7e, 0x6487ed51);
  acosValue(sign, ((sigA | 0x00800000) << 8) >>> 0, expA - 0x7f);
  return atanFinishF32(0);
}

export function f16_acos(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA >= 0xf) {
    if (expA === 0x1f && sigA !== 0) return propagateNaNF16(a, 0);
    if (expA === 0xf && sigA === 0) {
      if (sign === 0) return 0;
      atanConstant(4);
      return atanFinishF16(0);
    }
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  if ((expA | sigA) === 0) {
    atanConstant(2);
    return atanFinishF16(0);
  }
  let e = expA;
  if (e === 0) {
    e = subnormalExpF16(sigA);
    sigA = subnormalSigF16(sigA);
  }
  const M = ((sigA | 0x0400) << 21) >>> 0;
  acosFastValue(sign, M, e - 0xf);
  const z = fastFinishF16(0);
  if (z >= 0) return z;
  acosValue(sign, M, e - 0xf);
  return atanFinishF16(0);
}

export function bf16_acos(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  let sigA = a & 0x007f;
  if (expA >= 0x7f) {
    if (expA === 0xff && sigA !== 0) return propagateNaNBF16(a, 0);
    if (expA === 0x7f && sigA === 0) {
      if (sign === 0) return 0;
      atanConstant(4);
      return atanFinishBF16(0);
    }
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  if ((expA | sigA) === 0) {
    atanConstant(2);
    return atanFinishBF16(0);
  }
  let e = expA;
  if (e === 0) {
    e = subnormalExpBF16(sigA);
    sigA = subnormalSigBF16(sigA);
  }
  const M = ((sigA | 0x0080) << 24) >>> 0;
  acosFastValue(sign, M, e - 0x7f);
  const z = fastFinishBF16(0);
  if (z >= 0) return z;
  acosValue(sign, M, e - 0x7f);
  return atanFinishBF16(0);
}

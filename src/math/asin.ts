/**
 * Arcsine for binary32, binary16 and bfloat16: binary16 and bfloat16 correctly rounded in every rounding mode,
 * binary32 correctly rounded wherever the Ziv test of kernels/round.ts decides, which a run over all 2^32 words
 * (outside the test suite) found to be every word; the fallback would be within 0.5 + 2^-30 ulp.
 *
 * Method: asin is odd. With u = 1 − x² (exact as (1 − |x|)(1 + |x|) for |x| >= 1/2, within 2^-63 otherwise) and
 * y = 1/√u to 1.7 units of 2^-63 (kernels/atan.ts: a 32-bit estimate and one second-order Newton step whose
 * residual 1 − u·y0² is formed exactly),
 *   |x| < 1/2:   asin|x| = atan t,              t = |x|·y = |x|/√(1 − x²) < 0.578,
 *   |x| >= 1/2:  asin|x| = π/2 − 2·atan t',     t' = (1 − |x|)·y = √((1 − |x|)/(1 + |x|)) <= 0.578,
 * both free of cancellation (the second result is at least π/6), with atan from the kernel. Error: t and t' are
 * within 16 units of their 64-bit significands; the result's relative error is below 21·2^-62 = 2^-57.6 for
 * |x| < 2^-7, below 2^-55.5 for 2^-7 <= |x| < 1/2, and below 13 units of 2^-62 on a result of at least π/6
 * (2^-57.4) for |x| >= 1/2. kernels/round.ts rounds the result; where it cannot decide (no binary32 word, no
 * binary16 or bfloat16 word, the latter checked by the exhaustive tests with zivStats.hard) the approximation would
 * be rounded as it stands.
 *
 * binary16 and bfloat16 first take the kernel's one-word fast path (the same formulas with approxRecipSqrt32's
 * 1/√u and the one-word atan, to about 2^-23 relative, with its own proven bound and Ziv test); the few roundings it
 * cannot decide go to the 64-bit evaluation above.
 *
 * Special cases (IEEE 754-2019 §9.2, C Annex F): asin(±0) = ±0 exactly, asin(±1) = ±π/2 rounded (inexact),
 * |x| > 1 (±∞ included) invalid with the default NaN, NaN propagated. Tiny |x| (below 2^-12 for binary32, 2^-6
 * binary16, 2^-4 bfloat16): asin x = x + x³/6 + 3x⁵/40 + … lies strictly between x and x + (x³/6)(1 + x²), and
 * x²(1 + x²)/6 < 2^-(p+1) keeps that below the distance from x to the next rounding boundary above it (at least
 * 2^-(p+1)·|x|), so x with its magnitude nudged up by a sticky unit rounds correctly (inexact; underflow when tiny).
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

/** The float register = asin|x| for |x| = M·2^(ex−31) < 1, M normalized. */
function asinMagnitude(M: number, ex: number): void {
  rsqrtOneMinusSquare(M, ex);
  if (ex <= -2) {
    loadTimesRsqrt(M, ex);
    atanValue(0, 0, 0);
  } else {
    loadOneMinusTimesRsqrt(M);
    atanValue(2, 1, 1);
  }
}

/** The fast value (kernels/atan.ts, for the 16-bit formats) = asin|x|, by the same formulas. */
function asinFastMagnitude(M: number, ex: number): void {
  fastRsqrtOneMinusSquare(M, ex);
  if (ex <= -2) atanFastTimesRsqrt(M, ex, 0, 0, 0);
  else atanFastOneMinusTimesRsqrt(M, 2, 1, 1);
}

export function f32_asin(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  if (expA >= 0x7f) {
    if (expA === 0xff && sigA !== 0) return propagateNaNF32(a, 0);
    if (expA === 0x7f && sigA === 0) {
      atanConstant(2);
      return atanFinishF32(sign);
    }
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
  asinMagnitude(((sigA | 0x00800000) << 8) >>> 0, expA - 0x7f);
  return atanFinishF32(sign);
}

export function f16_asin(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA >= 0xf) {
    if (expA === 0x1f && sigA !== 0) return propagateNaNF16(a, 0);
    if (expA === 0xf && sigA === 0) {
      atanConstant(2);
      return atanFinishF16(sign);
    }
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
  const M = ((sigA | 0x0400) << 21) >>> 0;
  asinFastMagnitude(M, expA - 0xf);
  const z = fastFinishF16(sign);
  if (z >= 0) return z;
  asinMagnitude(M, expA - 0xf);
  return atanFinishF16(sign);
}

export function bf16_asin(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  let sigA = a & 0x007f;
  if (expA >= 0x7f) {
    if (expA === 0xff && sigA !== 0) return propagateNaNBF16(a, 0);
    if (expA === 0x7f && sigA === 0) {
      atanConstant(2);
      return atanFinishBF16(sign);
    }
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
  const M = ((sigA | 0x0080) << 24) >>> 0;
  asinFastMagnitude(M, expA - 0x7f);
  const z = fastFinishBF16(sign);
  if (z >= 0) return z;
  asinMagnitude(M, expA - 0x7f);
  return atanFinishBF16(sign);
}

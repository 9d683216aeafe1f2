/**
 * Arctangent for binary32, binary16 and bfloat16: binary16 and bfloat16 correctly rounded in every rounding mode,
 * binary32 correctly rounded wherever the Ziv test of kernels/round.ts decides, which a run over all 2^32 words
 * (outside the test suite) found to be every word; the fallback would be within 0.5 + 2^-30 ulp.
 *
 * Method: atan is odd; with t = |x| for |x| < 1 and t = 1/|x| (a long division truncated to 64 bits) for |x| >= 1,
 *   atan|x| = atan t   or   π/2 − atan t,
 * computed by kernels/atan.ts: for t < 2^-7 by the odd series to t⁹/9 with full relative accuracy, otherwise as
 * atan(j/128) + atan r with r = (t − j/128)/(1 + t·j/128), |r| < 2^-8. Relative error: below 5·2^-62 = 2^-59.6 for
 * |x| < 2^-7, below 2^-55.6 for 2^-7 <= |x| < 1 (1.63 units of 2^-64 on a result of at least 2^-7.01), below 2^-59.3
 * for |x| >= 1 (5 units of 2^-62 on a result of at least π/4). kernels/round.ts rounds the result; where it cannot
 * decide (no binary32 word, no binary16 or bfloat16 word, the latter checked by the exhaustive tests with
 * zivStats.hard) the approximation would be rounded as it stands.
 *
 * binary16 and bfloat16 first take the kernel's one-word fast path (the same method to about 2^-23 relative, with
 * its own proven bound and Ziv test); the few roundings it cannot decide go to the 64-bit evaluation above.
 *
 * Special cases (IEEE 754-2019 §9.2, C Annex F): atan(±0) = ±0 exactly, atan(±∞) = ±π/2 rounded in the current
 * mode (inexact), NaN propagated. Tiny |x| (below 2^-12 for binary32, 2^-6 binary16, 2^-4 bfloat16): atan x lies
 * strictly between x − x³/3 and x, and x²/3 < 2^-(p+1) (p the precision) keeps x³/3 below the distance from x
 * to the next rounding boundary below it (at least 2^-(p+1)·|x|, at the bottom of a binade), so x with its
 * magnitude nudged down by a sticky unit rounds correctly, inexact and, for tiny results, with underflow. Huge
 * binary32 |x| (at least 2^27): π/2 − atan|x| < 1/|x| <= 2^-27 is a sixteenth of an ulp, and π/2 lies 0.633 ulp above
 * the word below it, so ±π/2 rounded in the current mode is the result (no Ziv test needed).
 */
import { roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16, subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import {
  atanConstant,
  atanFast,
  atanFinishBF16,
  atanFinishF16,
  atanFinishF32,
  atanValue,
  fastFinishBF16,
  fastFinishF16,
  fastQuotient,
  fastQuotientWord,
  loadQuotient,
  loadT,
  st,
} from './kernels/atan.js';

/** The float register = atan|x| for |x| = M·2^(ex−31), M normalized. */
function atanMagnitude(M: number, ex: number): void {
  if (ex < 0) {
    loadT(M, ex);
    atanValue(0, 0, 0);
  } else {
    loadQuotient(0x80000000, M, -ex);
    atanValue(2, 0, 1);
  }
}

/** The fast value (kernels/atan.ts, for the 16-bit formats) = atan|x|. */
function atanFastMagnitude(M: number, ex: number): void {
  if (ex < 0) {
    atanFast(M | 0, ex, 0, 0, 0, 0);
  } else {
    fastQuotient(0x80000000, M, -ex);
    atanFast(fastQuotientWord(), st.te, 1, 2, 0, 1);
  }
}

export function f32_atan(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    atanConstant(2);
    return atanFinishF32(sign);
  }
  if (expA < 0x7f - 12) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpF32(sigA);
      sigA = subnormalSigF32(sigA);
    }
    // Just below |x|; at the bottom of a binade, 2(2^30 − 1) one exponent lower (keeps roundPack's tininess right).
    if ((sigA & 0x007fffff) === 0) return roundPackToF32(sign, e - 2, 0x7ffffffe);
    return roundPackToF32(sign, e - 1, (((sigA | 0x00800000) << 7) - 1) >>> 0);
  }
  // π/2 lies 0.633 of an ulp above 0x3fc90fda; for |x| >= 2^27, π/2 − atan|x| < 1/|x| <= 2^-4 ulp cannot move it
  // across a boundary, so atan x rounds as ±π/2 (significand 0x6487ed51, round bits 0x51) in every mode.
  if (expA >= 0x7f + 27) return roundPackToF32(sign, 0x7e, 0x6487ed51);
  atanMagnitude(((sigA | 0x00800000) << 8) >>> 0, expA - 0x7f);
  return atanFinishF32(sign);
}

export function f16_atan(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    atanConstant(2);
    return atanFinishF16(sign);
  }
  if (expA < 0xf - 6) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpF16(sigA);
      sigA = subnormalSigF16(sigA);
    }
    if ((sigA & 0x03ff) === 0) return roundPackToF16(sign, e - 2, 0x7ffe);
    return roundPackToF16(sign, e - 1, ((sigA | 0x0400) << 4) - 1);
  }
  const M = ((sigA | 0x0400) << 21) >>> 0;
  atanFastMagnitude(M, expA - 0xf);
  const z = fastFinishF16(sign);
  if (z >= 0) return z;
  atanMagnitude(M, expA - 0xf);
  return atanFinishF16(sign);
}

export function bf16_atan(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  let sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    atanConstant(2);
    return atanFinishBF16(sign);
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
  const M = ((sigA | 0x0080) << 24) >>> 0;
  atanFastMagnitude(M, expA - 0x7f);
  const z = fastFinishBF16(sign);
  if (z >= 0) return z;
  atanMagnitude(M, expA - 0x7f);
  return atanFinishBF16(sign);
}

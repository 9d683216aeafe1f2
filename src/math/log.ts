/**
 * Natural logarithm, correctly rounded in every rounding mode, for binary32, binary16 and bfloat16.
 *
 * Method (kernels/log.ts): x = y·2^k with y in [1, 2); a 512-entry table gives c_j ≈ 1/y with r = y·c_j − 1 exact
 * and |r| < 2^-9, and ln x = K·ln 2 + T'_j + ln(1 + r), ln(1 + r) = r·(1 − r/2 + … + r⁶/7) in 64-bit fixed point.
 * Next to 1 (the two intervals around y = 1 with K = 0) the result is ln(1 + r) alone, r exact, relative error
 * below 2^-60; elsewhere the fixed-point sum is within 6 units of 2^-64 of a result of at least 2^-9 (so within
 * 2^-55 relative, 2^-61 once |ln x| >= 1/2). kernels/round.ts rounds unless a boundary b lies within the bound; then
 * kernels/slow.ts decides by comparing x with e^b in 160-bit arithmetic.
 *
 * binary32 first tries kernels/logF32.ts: the same reduction with single-word products, within 2^-39.8 relative
 * (proven there), rounded when that bound decides every mode; the rare undecided arguments take the path above.
 *
 * Special cases (IEEE 754-2019 §9.2): ln(±0) = −∞ with divide-by-zero, ln(x < 0) and ln(−∞) invalid (default NaN),
 * ln(+∞) = +∞, ln(1) = +0 exactly (the only exact case), NaN propagated.
 */
import { BY_LOG2E } from './kernels/exp2.js';
import { lnValue } from './kernels/log.js';
import { logF32Fast } from './kernels/logF32.js';
import { logFamilyBF16, logFamilyF16, logFamilyF32 } from './kernels/logFamily.js';

/** log(1) = +0 is the only exact case. */
function exactLog(one: number): (a: number) => number {
  return (a) => (a === one ? 0 : -1);
}

const exactLogF32 = exactLog(0x3f800000);
const exactLogF16 = exactLog(0x3c00);
const exactLogBF16 = exactLog(0x3f80);

export function f32_log(a: number): number {
  // Positive, finite, nonzero and not 1: the fast path first (kernels/logF32.ts).
  if ((a - 1) >>> 0 < 0x7f7fffff && a !== 0x3f800000) {
    const z = logF32Fast(a);
    if (z >= 0) return z;
  }
  return logFamilyF32(a, exactLogF32, lnValue, BY_LOG2E);
}

export function f16_log(a: number): number {
  return logFamilyF16(a, exactLogF16, lnValue, BY_LOG2E);
}

export function bf16_log(a: number): number {
  return logFamilyBF16(a, exactLogBF16, lnValue, BY_LOG2E);
}

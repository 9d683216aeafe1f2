/**
 * Base-2 logarithm, correctly rounded in every rounding mode, for binary32, binary16 and bfloat16.
 *
 * Method (kernels/log.ts): x = y·2^k, a 512-entry table with r = y·c_j − 1 exact and |r| < 2^-9, and
 * log2 x = K + (T'_j + ln(1 + r))·log2 e, ln(1 + r) by its degree-7 series in 64-bit fixed point. Next to x = 1 the
 * result is ln(1 + r)·log2 e alone (relative error below 2^-59); elsewhere the sum is formed exactly at scale 2^-63
 * from parts within 6 units, the result being at least 2^-8.5 (so relative error below 2^-52, and below 2^-60 for
 * |log2 x| >= 1). kernels/round.ts rounds unless a boundary b lies within the bound; then kernels/slow.ts compares x
 * with 2^b in 160-bit arithmetic.
 *
 * binary32 first tries kernels/logBaseF32.ts: ln x from the fast kernel kernels/logF32.ts times log2 e in a short
 * truncated product, within 2^-39.7 relative (proven there), rounded when that bound decides every mode; undecided
 * arguments, and the powers of two (exact results, sent straight on), take the path above.
 *
 * Exact results: log2 of a power of two 2^n is n, converted exactly by i32_to_F (|n| < 150 fits every format); these
 * are the only exact cases, as any other x makes log2 x irrational. Special cases (IEEE 754-2019 §9.2): log2(±0) = −∞ with divide-by-zero, log2(x < 0) and log2(−∞)
 * invalid (default NaN), log2(+∞) = +∞, log2(1) = +0, NaN propagated.
 */
import { i32_to_bf16 } from '../formats/convert/i32_to_bf16.js';
import { i32_to_f16 } from '../formats/convert/i32_to_f16.js';
import { i32_to_f32 } from '../formats/convert/i32_to_f32.js';
import { BY_ONE } from './kernels/exp2.js';
import { log2Value } from './kernels/log.js';
import { log2F32Fast } from './kernels/logBaseF32.js';
import { logFamilyBF16, logFamilyF16, logFamilyF32 } from './kernels/logFamily.js';

// A power of two 2^n (significand bits all zero once normalized) has the exact logarithm n.
const exactLog2F32 = (_a: number, expA: number, sigA: number): number =>
  (sigA & 0x007fffff) === 0 ? i32_to_f32(expA - 127) : -1;
const exactLog2F16 = (_a: number, expA: number, sigA: number): number =>
  (sigA & 0x03ff) === 0 ? i32_to_f16(expA - 15) : -1;
const exactLog2BF16 = (_a: number, expA: number, sigA: number): number =>
  (sigA & 0x007f) === 0 ? i32_to_bf16(expA - 127) : -1;

export function f32_log2(a: number): number {
  // Positive, finite, nonzero and not a normal power of two (subnormal ones are never decided there): fast path first.
  if ((a - 1) >>> 0 < 0x7f7fffff && (a & 0x007fffff) !== 0) {
    const z = log2F32Fast(a);
    if (z >= 0) return z;
  }
  return logFamilyF32(a, exactLog2F32, log2Value, BY_ONE);
}

export function f16_log2(a: number): number {
  return logFamilyF16(a, exactLog2F16, log2Value, BY_ONE);
}

export function bf16_log2(a: number): number {
  return logFamilyBF16(a, exactLog2BF16, log2Value, BY_ONE);
}

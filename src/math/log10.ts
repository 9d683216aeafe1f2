/**
 * Base-10 logarithm for binary32, binary16 and bfloat16: correctly rounded in every rounding mode (the binary32
 * requirement is 1 ulp; it is met with room to spare).
 *
 * Method (kernels/log.ts): x = y·2^k, a 512-entry table with r = y·c_j − 1 exact and |r| < 2^-9, and
 * log10 x = K·log10 2 + (T'_j + ln(1 + r))·log10 e, ln(1 + r) by its degree-7 series in 64-bit fixed point. Next to
 * x = 1 the result is ln(1 + r)·log10 e alone (relative error below 2^-59); elsewhere the sum is formed exactly at
 * scale 2^-64 from parts within 6 units. kernels/round.ts rounds unless a boundary b lies within the bound; then
 * kernels/slow.ts compares x with 10^b in 160-bit arithmetic.
 *
 * binary32 first tries kernels/logBaseF32.ts: ln x from the fast kernel kernels/logF32.ts times log10 e in a short
 * truncated product, within 2^-39.7 relative (proven there), rounded when that bound decides every mode; undecided
 * arguments take the path above. The exact powers of ten are never decided there (their results are rounding
 * boundaries and the bound is strict), so they too reach the exact-case test of the path above.
 *
 * Exact results: log10(10^n) = n for the powers of ten the format holds exactly (10^0 … 10^10 in binary32, … 10^4
 * in binary16, … 10^3 in bfloat16), recognized by their words; every other x has an irrational logarithm. Special
 * cases (IEEE 754-2019 §9.2): log10(±0) = −∞ with divide-by-zero, log10(x < 0) and log10(−∞) invalid (default NaN),
 * log10(+∞) = +∞, NaN propagated.
 */
import { BY_LOG2_10 } from './kernels/exp2.js';
import { log10Value } from './kernels/log.js';
import { log10F32Fast } from './kernels/logBaseF32.js';
import { logFamilyBF16, logFamilyF16, logFamilyF32 } from './kernels/logFamily.js';

/** The words of 10^0, 10^1, … that each format holds exactly, and the words of 0, 1, 2, … in that format. */
const POW10_F32 = [
  0x3f800000, 0x41200000, 0x42c80000, 0x447a0000, 0x461c4000, 0x47c35000, 0x49742400, 0x4b189680, 0x4cbebc20,
  0x4e6e6b28, 0x501502f9,
];
const INT_F32 = [
  0x00000000, 0x3f800000, 0x40000000, 0x40400000, 0x40800000, 0x40a00000, 0x40c00000, 0x40e00000, 0x41000000,
  0x41100000, 0x41200000,
];
const POW10_F16 = [0x3c00, 0x4900, 0x5640, 0x63d0, 0x70e2];
const INT_F16 = [0x0000, 0x3c00, 0x4000, 0x4200, 0x4400];
const POW10_BF16 = [0x3f80, 0x4120, 0x42c8, 0x447a];
const INT_BF16 = [0x0000, 0x3f80, 0x4000, 0x4040];

/** If a is one of the words in `powers`, the word of its exponent n; else -1. */
function powerOfTen(a: number, powers: readonly number[]): number {
  for (let n = 0; n < powers.length; n++) {
    if (powers[n] === a) return (powers === POW10_F32 ? INT_F32 : powers === POW10_F16 ? INT_F16 : INT_BF16)[n]!;
  }
  return -1;
}

const exactLog10F32 = (a: number): number => powerOfTen(a, POW10_F32);
const exactLog10F16 = (a: number): number => powerOfTen(a, POW10_F16);
const exactLog10BF16 = (a: number): number => powerOfTen(a, POW10_BF16);

export function f32_log10(a: number): number {
  // Positive, finite, nonzero and not 1: the fast path first.
  if ((a - 1) >>> 0 < 0x7f7fffff && a !== 0x3f800000) {
    const z = log10F32Fast(a);
    if (z >= 0) return z;
  }
  return logFamilyF32(a, exactLog10F32, log10Value, BY_LOG2_10);
}

export function f16_log10(a: number): number {
  return logFamilyF16(a, exactLog10F16, log10Value, BY_LOG2_10);
}

export function bf16_log10(a: number): number {
  return logFamilyBF16(a, exactLog10BF16, log10Value, BY_LOG2_10);
}

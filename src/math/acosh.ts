/**
 * Inverse hyperbolic cosine, correctly rounded in every rounding mode, for binary32, binary16 and bfloat16.
 *
 * Method (kernels/hyperbolic.ts), for x > 1:
 * - x >= 2^32: acosh x = ln(2x) − δ, 0 < δ < 1/(4x²) <= 2^-66, one unit of the logarithm;
 * - otherwise acosh x = ln(1 + r), r = d + √(x² − 1) with d = x − 1 and x² − 1 = (x − 1)(x + 1) both exact (x has
 *   at most 24 bits, so x² − 1 fits 64), the root from a 64-bit square root (Newton's second-order step on
 *   approxRecipSqrt32, within 2^-58.5 relative) and the sum of two positive terms: no cancellation, even next to 1
 *   where r ≈ √(2d).
 * The logarithm comes from kernels/log.ts: by its series with full relative accuracy for r < 2^-9, otherwise by its
 * table within 6 units of 2^-64 of a result of at least 2^-9; the argument's relative error ε adds at most ε(1 + ε)
 * to the logarithm. The resulting relative error is below 2^-57 except where the table's absolute error dominates,
 * about 2^-51 at worst (r just above 2^-9); the float register carries a bound at least as large, derived step by
 * step. kernels/round.ts rounds when no rounding boundary lies within it; otherwise the slow path decides acosh x
 * against b by comparing 2x with e^b + e^-b in 160-bit arithmetic (kernels/slow.ts). The exhaustive tests
 * show that the 16-bit formats never take it.
 *
 * Special cases (IEEE 754-2019 §9.2, C Annex F): acosh(1) = +0 exactly, acosh(+∞) = +∞; x < 1 (−∞, ±0 and every
 * negative number included) is invalid (default NaN); NaN propagated. The least result, acosh(1 + 2^-23) ≈ 2^-11,
 * is far from the subnormals.
 */
import { env, flag_invalid } from '../env/environment.js';
import { invalidNaNBF16, invalidNaNF16, invalidNaNF32, propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import { acoshCore, lnTwiceCore, mpExpPair } from './kernels/hyperbolic.js';
import { finishBF16, finishF16, finishF32, hard, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './kernels/round.js';
import { MP_A, MP_B, hardPrecision, mpCmp, mpSetDyadic } from './kernels/slow.js';

/** Sign of acosh x − b for the recorded boundary b: of 2x − (e^b + e^-b), x = m·2^E. */
function acoshSlow(m: number, E: number): number {
  const n = mpExpPair(hard.b, hard.e - hardPrecision(), false);
  mpSetDyadic(MP_B, m, E + 1 - n);
  const c = mpCmp(MP_B, MP_A);
  return c === 0 ? 1 : c;
}

export function f32_acosh(a: number): number {
  const expA = (a >>> 23) & 0xff;
  const sigA = a & 0x007fffff;
  if (expA === 0xff && sigA !== 0) return propagateNaNF32(a, 0);
  if (a >>> 31 !== 0 || expA < 0x7f) {
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  if (expA === 0xff) return a;
  if (a === 0x3f800000) return 0;
  const m = sigA | 0x00800000;
  const E = expA - 150;
  if (expA >= 0x7f + 32) lnTwiceCore(m, E, 24);
  else acoshCore(m, E);
  const z = finishF32(0);
  if (z >= 0) return z;
  return packBoundaryF32(acoshSlow(m, E));
}

export function f16_acosh(a: number): number {
  const expA = (a >>> 10) & 0x1f;
  const sigA = a & 0x03ff;
  if (expA === 0x1f && sigA !== 0) return propagateNaNF16(a, 0);
  if (a >>> 15 !== 0 || expA < 0xf) {
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  if (expA === 0x1f) return a;
  if (a === 0x3c00) return 0;
  const m = sigA | 0x0400;
  const E = expA - 25;
  acoshCore(m, E);
  const z = finishF16(0);
  if (z >= 0) return z;
  return packBoundaryF16(acoshSlow(m, E));
}

export function bf16_acosh(a: number): number {
  const expA = (a >>> 7) & 0xff;
  const sigA = a & 0x007f;
  if (expA === 0xff && sigA !== 0) return propagateNaNBF16(a, 0);
  if (a >>> 15 !== 0 || expA < 0x7f) {
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  if (expA === 0xff) return a;
  if (a === 0x3f80) return 0;
  const m = sigA | 0x0080;
  const E = expA - 134;
  if (expA >= 0x7f + 32) lnTwiceCore(m, E, 8);
  else acoshCore(m, E);
  const z = finishBF16(0);
  if (z >= 0) return z;
  return packBoundaryBF16(acoshSlow(m, E));
}

/**
 * Inverse hyperbolic sine, correctly rounded in every rounding mode, for binary32, binary16 and bfloat16.
 *
 * Method (kernels/hyperbolic.ts): asinh is odd, so work with |x| and give the result x's sign. With x² + 1 formed
 * exactly in 64 bits (one unit cut when x² < 2^-63) and s = √(x² + 1) from a 64-bit square root (Newton's
 * second-order step on approxRecipSqrt32, within 2^-58.5 relative):
 * - |x| >= 2^32: asinh|x| = ln(2|x|) + δ, 0 < δ < 1/(4x²) <= 2^-66, one unit of the logarithm;
 * - 1 <= |x| < 2^32: asinh|x| = ln(|x| + s), |x| + s >= 1 + √2;
 * - |x| < 1: asinh|x| = ln(1 + r), r = |x| + x²/(1 + s), no cancellation (the quotient, below |x|/2, within 2^-58).
 * The logarithm comes from kernels/log.ts: by its series with full relative accuracy for r < 2^-9, otherwise by its
 * table within 6 units of 2^-64 of a result of at least 2^-9; the argument's relative error ε adds at most ε(1 + ε)
 * to the logarithm. The resulting relative error is below 2^-57 except where the table's absolute error dominates,
 * about 2^-51 at worst (r just above 2^-9); the float register carries a bound at least as large, derived step by
 * step. kernels/round.ts rounds when no rounding boundary lies within it; otherwise the slow path decides asinh|x|
 * against b by comparing 2|x| with e^b − e^-b in 160-bit arithmetic (kernels/slow.ts). The exhaustive tests
 * show that the 16-bit formats never take it.
 *
 * Special cases (IEEE 754-2019 §9.2, C Annex F): asinh(±0) = ±0 and asinh(±∞) = ±∞ exactly; NaN propagated. For
 * |x| below 2^-12 (binary32; 2^-5 for binary16, 2^-4 for bfloat16), asinh x = x − x³/6 + … lies below |x| by less
 * than x²/6·|x| < 2^-(p+2)·|x|, less than half the gap below x (a quarter ulp at a power of two), so x with its
 * magnitude nudged down by a sticky unit rounds correctly (inexact, and underflow for subnormal x).
 */
import { roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16, subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import { asinhCore, lnTwiceCore, mpExpPair } from './kernels/hyperbolic.js';
import { finishBF16, finishF16, finishF32, hard, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './kernels/round.js';
import { MP_A, MP_B, hardPrecision, mpCmp, mpSetDyadic } from './kernels/slow.js';

/** Sign of asinh|x| − b for the recorded boundary b: of 2|x| − (e^b − e^-b), |x| = m·2^E. */
function asinhSlow(m: number, E: number): number {
  const n = mpExpPair(hard.b, hard.e - hardPrecision(), true);
  mpSetDyadic(MP_B, m, E + 1 - n);
  const c = mpCmp(MP_B, MP_A);
  return c === 0 ? 1 : c;
}

export function f32_asinh(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    return a;
  }
  if (expA < 0x7f - 12) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpF32(sigA);
      sigA = subnormalSigF32(sigA);
    }
    // Just below |x|; at the bottom of a binade that is 2(2^30 − 1) one exponent lower, normalized so that roundPack
    // sees the tininess of a result below the least normal.
    if ((sigA & 0x007fffff) === 0) return roundPackToF32(sign, e - 2, 0x7ffffffe);
    return roundPackToF32(sign, e - 1, (((sigA | 0x00800000) << 7) - 1) >>> 0);
  }
  const m = sigA | 0x00800000;
  const E = expA - 150;
  if (expA >= 0x7f + 32) lnTwiceCore(m, E, 24);
  else asinhCore(m, E, 24);
  const z = finishF32(sign);
  if (z >= 0) return z;
  return packBoundaryF32(asinhSlow(m, E));
}

export function f16_asinh(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    return a;
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
  // Binary16 stays below 2^16, far from the ln(2|x|) range.
  const m = sigA | 0x0400;
  const E = expA - 25;
  asinhCore(m, E, 11);
  const z = finishF16(sign);
  if (z >= 0) return z;
  return packBoundaryF16(asinhSlow(m, E));
}

export function bf16_asinh(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  let sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    return a;
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
  const m = sigA | 0x0080;
  const E = expA - 134;
  if (expA >= 0x7f + 32) lnTwiceCore(m, E, 8);
  else asinhCore(m, E, 8);
  const z = finishBF16(sign);
  if (z >= 0) return z;
  return packBoundaryBF16(asinhSlow(m, E));
}

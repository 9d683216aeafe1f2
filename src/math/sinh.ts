/**
 * Hyperbolic sine, correctly rounded in every rounding mode, for binary32, binary16 and bfloat16.
 *
 * Method (kernels/hyperbolic.ts): sinh is odd, so work with |x| and give the result x's sign.
 * - |x| < 1: with u = e^|x| − 1 from the exponential core (kernels/exp2.ts, within err_u units of its 64-bit
 *   significand: 6 when |x|·log2 e < 2^-9, otherwise carrying the cancellation of 2^t − 1, at most about 2^11 units
 *   near |x| = 2^-9.5), sinh|x| = (u + u/(1 + u))/2 adds two positive terms. 1 + u is within (err_u + 2)·2^-63
 *   relative, its reciprocal (kernels/recip.ts) 5 units and the 64x64 product 3 units of at least 2^62, so the
 *   quotient is within (2·err_u + 13)·2^-63 relative and the sum within (2·err_u + 14)·2^-63 (plus second-order
 *   terms): 2^-58.3 for small |x|, 2^-51 at worst.
 * - |x| >= 1: with v = e^|x| (2 units) and 1/v from kernels/recip.ts (9 units, v's error included), sinh|x| =
 *   (v − 1/v)/2; 1/v <= v/e², so the difference is above 0.86·v and within 9 units of v's scale: relative error
 *   below 2^-59.5.
 * The float register carries a bound at least as large, derived step by step (kernels/hyperbolic.ts); kernels/round.ts
 * rounds when no rounding boundary lies within it, otherwise the slow path compares e^|x| − e^-|x| with 2b in
 * 160-bit arithmetic (kernels/slow.ts). The exhaustive tests show that the 16-bit formats never take it.
 *
 * Special cases (IEEE 754-2019 §9.2, C Annex F): sinh(±0) = ±0 and sinh(±∞) = ±∞ exactly; NaN propagated. For
 * |x| below 2^-12 (binary32; 2^-5 for binary16, 2^-4 for bfloat16), sinh x = x + x³/6 + … exceeds |x| by less than
 * x²/6·1.01·|x| < 2^-(p+1)·|x|, below half an ulp of x, so x with its magnitude nudged up by a sticky unit rounds
 * correctly (inexact, and underflow for subnormal x). From |x| = 89.5 (binary32, bfloat16; 12 for binary16)
 * |sinh x| exceeds 2^128 (2^16), so an out-of-range exponent makes roundPack overflow by the rounding mode.
 */
import { roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16, subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import { coshSinhCore, mpExpPair, sinhSmallCore } from './kernels/hyperbolic.js';
import { finishBF16, finishF16, finishF32, hard, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './kernels/round.js';
import { MP_A, MP_B, hardPrecision, mpCmp, mpSetDyadic } from './kernels/slow.js';

/** Sign of sinh|x| − b for the recorded boundary b: of e^|x| − e^-|x| − 2b, x = m·2^E. */
function sinhSlow(m: number, E: number): number {
  const n = mpExpPair(m, E, true);
  mpSetDyadic(MP_B, hard.b, hard.e - hardPrecision() + 1 - n);
  const c = mpCmp(MP_A, MP_B);
  return c === 0 ? 1 : c;
}

export function f32_sinh(a: number): number {
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
    return roundPackToF32(sign, e - 1, (((sigA | 0x00800000) << 7) + 1) >>> 0);
  }
  if ((a & 0x7fffffff) >= 0x42b30000) return roundPackToF32(sign, 0x1ff, 0x40000000);
  const m = sigA | 0x00800000;
  const E = expA - 150;
  if (expA < 0x7f) sinhSmallCore(m, E);
  else coshSinhCore(m, E, true);
  const z = finishF32(sign);
  if (z >= 0) return z;
  return packBoundaryF32(sinhSlow(m, E));
}

export function f16_sinh(a: number): number {
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
    return roundPackToF16(sign, e - 1, ((sigA | 0x0400) << 4) + 1);
  }
  if ((a & 0x7fff) >= 0x4a00) return roundPackToF16(sign, 0x3f, 0x4000);
  const m = sigA | 0x0400;
  const E = expA - 25;
  if (expA < 0xf) sinhSmallCore(m, E);
  else coshSinhCore(m, E, true);
  const z = finishF16(sign);
  if (z >= 0) return z;
  return packBoundaryF16(sinhSlow(m, E));
}

export function bf16_sinh(a: number): number {
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
    return roundPackToBF16(sign, e - 1, ((sigA | 0x0080) << 7) + 1);
  }
  if ((a & 0x7fff) >= 0x42b3) return roundPackToBF16(sign, 0x1ff, 0x4000);
  const m = sigA | 0x0080;
  const E = expA - 134;
  if (expA < 0x7f) sinhSmallCore(m, E);
  else coshSinhCore(m, E, true);
  const z = finishBF16(sign);
  if (z >= 0) return z;
  return packBoundaryBF16(sinhSlow(m, E));
}

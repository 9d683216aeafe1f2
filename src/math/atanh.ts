/**
 * Inverse hyperbolic tangent, correctly rounded in every rounding mode, for binary32, binary16 and bfloat16.
 *
 * Method (kernels/hyperbolic.ts): atanh is odd, so work with |x| and give the result x's sign. atanh|x| =
 * ln(1 + r)/2 with r = 2|x|/(1 − |x|): 1 − |x| is exact, its reciprocal (kernels/recip.ts) within 5 units of 2^-63
 * and the 32x64 product within 2 units of at least 2^62, so r is within 9·2^-63 relative and nothing cancels. The
 * logarithm comes from kernels/log.ts: by its series with full relative accuracy (8 units) for r < 2^-9, otherwise
 * by its table within 6 units of 2^-64 of a result of at least 2^-9; r's relative error ε adds at most ε(1 + ε) to
 * the logarithm. The resulting relative error is below 2^-58 for small and large |x| and about 2^-51 at worst
 * (r just above 2^-9); the float register carries a bound at least as large, derived step by step. kernels/round.ts
 * rounds when no rounding boundary lies within it; otherwise the slow path decides atanh|x| against b by comparing
 * 1 + |x| with (1 − |x|)·e^(2b) in 160-bit arithmetic (kernels/slow.ts). The exhaustive tests show that the 16-bit
 * formats never take it.
 *
 * Special cases (IEEE 754-2019 §9.2, C Annex F): atanh(±0) = ±0 exactly; atanh(±1) = ±∞ with divide-by-zero;
 * |x| > 1 (±∞ included) is invalid (default NaN); NaN propagated. For |x| below 2^-12 (binary32; 2^-6 for binary16,
 * 2^-4 for bfloat16) atanh x = x + x³/3 + … exceeds |x| by less than x²/3·1.01·|x| < 2^-(p+1)·|x|, below half an ulp
 * of x, so x with its magnitude nudged up by a sticky unit rounds correctly (inexact, and underflow for subnormal x).
 */
import { env, flag_infinite, flag_invalid } from '../env/environment.js';
import { roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16, subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import { invalidNaNBF16, invalidNaNF16, invalidNaNF32, propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import { atanhCore } from './kernels/hyperbolic.js';
import { finishBF16, finishF16, finishF32, hard, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './kernels/round.js';
import { MP_A, MP_B, MP_F, hardPrecision, mpAdd, mpCmp, mpExp2, mpExpN, mpMul, mpSetDyadic, mpSub } from './kernels/slow.js';
import { MP_LOG2E, MP_ONE } from './kernels/tables.js';

/** Sign of atanh|x| − b for the recorded boundary b: of (1 + |x|) − (1 − |x|)·e^(2b), |x| = m·2^E. */
function atanhSlow(m: number, E: number): number {
  mpExp2(0, hard.b, hard.e - hardPrecision() + 1, MP_LOG2E);
  const n = mpExpN;
  // MP_A = (1 + |x|)·2^-n, MP_B = (1 − |x|)·F, e^(2b) = F·2^n.
  mpSetDyadic(MP_A, m, E - n);
  mpSetDyadic(MP_B, 1, -n);
  mpAdd(MP_A, MP_A, MP_B);
  mpSetDyadic(MP_B, m, E);
  mpSub(MP_B, MP_ONE, MP_B);
  mpMul(MP_B, MP_B, MP_F);
  const c = mpCmp(MP_A, MP_B);
  return c === 0 ? 1 : c;
}

export function f32_atanh(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  if (expA === 0xff && sigA !== 0) return propagateNaNF32(a, 0);
  if (expA >= 0x7f) {
    if (expA === 0x7f && sigA === 0) {
      env.flags |= flag_infinite;
      return ((a & 0x80000000) | 0x7f800000) >>> 0;
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
    return roundPackToF32(sign, e - 1, (((sigA | 0x00800000) << 7) + 1) >>> 0);
  }
  const m = sigA | 0x00800000;
  const E = expA - 150;
  atanhCore(m, E, 24);
  const z = finishF32(sign);
  if (z >= 0) return z;
  return packBoundaryF32(atanhSlow(m, E));
}

export function f16_atanh(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA === 0x1f && sigA !== 0) return propagateNaNF16(a, 0);
  if (expA >= 0xf) {
    if (expA === 0xf && sigA === 0) {
      env.flags |= flag_infinite;
      return (a & 0x8000) | 0x7c00;
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
    return roundPackToF16(sign, e - 1, ((sigA | 0x0400) << 4) + 1);
  }
  const m = sigA | 0x0400;
  const E = expA - 25;
  atanhCore(m, E, 11);
  const z = finishF16(sign);
  if (z >= 0) return z;
  return packBoundaryF16(atanhSlow(m, E));
}

export function bf16_atanh(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  let sigA = a & 0x007f;
  if (expA === 0xff && sigA !== 0) return propagateNaNBF16(a, 0);
  if (expA >= 0x7f) {
    if (expA === 0x7f && sigA === 0) {
      env.flags |= flag_infinite;
      return (a & 0x8000) | 0x7f80;
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
    return roundPackToBF16(sign, e - 1, ((sigA | 0x0080) << 7) + 1);
  }
  const m = sigA | 0x0080;
  const E = expA - 134;
  atanhCore(m, E, 8);
  const z = finishBF16(sign);
  if (z >= 0) return z;
  return packBoundaryBF16(atanhSlow(m, E));
}

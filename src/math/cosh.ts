/**
 * Hyperbolic cosine, correctly rounded in every rounding mode, for binary32, binary16 and bfloat16.
 *
 * Method (kernels/hyperbolic.ts): cosh is even, so work with |x|. With v = e^|x| from the exponential core
 * (kernels/exp2.ts, within 2 units of its 64-bit significand) and 1/v from kernels/recip.ts (within 5 units of
 * 2^127/sig, 9 units with v's error), cosh|x| = (v + 1/v)/2 adds two positive terms: 1/v cut to v's scale is within
 * 9/2^(2e+1) + 1 units (e = v's exponent >= 0), so the sum is within 9 units of v's scale and at least v: relative
 * error below 2^-59.8. kernels/round.ts rounds when no rounding boundary lies within the bound; otherwise the slow
 * path compares e^|x| + e^-|x| with 2b in 160-bit arithmetic (kernels/slow.ts). The exhaustive tests show that the
 * 16-bit formats never take it.
 *
 * Special cases (IEEE 754-2019 §9.2, C Annex F): cosh(±0) = 1 exactly (no flag), cosh(±∞) = +∞; NaN propagated.
 * For 0 < |x| below 2^-12 (binary32; 2^-6 for binary16, 2^-4 for bfloat16) cosh x = 1 + x²/2 + … lies above 1 by
 * less than x²/2·1.01 < 2^-p, half an ulp of 1, so 1 nudged up by a sticky unit rounds correctly (inexact). From
 * |x| = 89.5 (binary32, bfloat16; 12 for binary16) cosh x exceeds 2^128 (2^16), so an out-of-range exponent makes
 * roundPack overflow by the rounding mode.
 */
import { roundPackToBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32 } from '../formats/f32/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import { coshSinhCore, mpExpPair } from './kernels/hyperbolic.js';
import { finishBF16, finishF16, finishF32, hard, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './kernels/round.js';
import { MP_A, MP_B, hardPrecision, mpCmp, mpSetDyadic } from './kernels/slow.js';

/** Sign of cosh x − b for the recorded boundary b: of e^|x| + e^-|x| − 2b, |x| = m·2^E. */
function coshSlow(m: number, E: number): number {
  const n = mpExpPair(m, E, false);
  mpSetDyadic(MP_B, hard.b, hard.e - hardPrecision() + 1 - n);
  const c = mpCmp(MP_A, MP_B);
  return c === 0 ? 1 : c;
}

export function f32_cosh(a: number): number {
  const expA = (a >>> 23) & 0xff;
  const sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    return 0x7f800000;
  }
  if (expA < 0x7f - 12) {
    if ((expA | sigA) === 0) return 0x3f800000;
    return roundPackToF32(0, 0x7e, 0x40000001);
  }
  if ((a & 0x7fffffff) >= 0x42b30000) return roundPackToF32(0, 0x1ff, 0x40000000);
  const m = sigA | 0x00800000;
  const E = expA - 150;
  coshSinhCore(m, E, false);
  const z = finishF32(0);
  if (z >= 0) return z;
  return packBoundaryF32(coshSlow(m, E));
}

export function f16_cosh(a: number): number {
  const expA = (a >>> 10) & 0x1f;
  const sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    return 0x7c00;
  }
  if (expA < 0xf - 6) {
    if ((expA | sigA) === 0) return 0x3c00;
    return roundPackToF16(0, 0xe, 0x4001);
  }
  if ((a & 0x7fff) >= 0x4a00) return roundPackToF16(0, 0x3f, 0x4000);
  const m = sigA | 0x0400;
  const E = expA - 25;
  coshSinhCore(m, E, false);
  const z = finishF16(0);
  if (z >= 0) return z;
  return packBoundaryF16(coshSlow(m, E));
}

export function bf16_cosh(a: number): number {
  const expA = (a >>> 7) & 0xff;
  const sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    return 0x7f80;
  }
  if (expA < 0x7f - 4) {
    if ((expA | sigA) === 0) return 0x3f80;
    return roundPackToBF16(0, 0x7e, 0x4001);
  }
  if ((a & 0x7fff) >= 0x42b3) return roundPackToBF16(0, 0x1ff, 0x4000);
  const m = sigA | 0x0080;
  const E = expA - 134;
  coshSinhCore(m, E, false);
  const z = finishBF16(0);
  if (z >= 0) return z;
  return packBoundaryBF16(coshSlow(m, E));
}

/**
 * The complementary error function erfc(x) = 1 − erf(x) = (2/√π)·∫_x^∞ e^(−s²) ds, for binary32, binary16 and
 * bfloat16: correctly rounded in every rounding mode for the 16-bit formats; binary32 correctly rounded whenever
 * either kernel decides (every argument tested; the exception needs a result within 2^-55 of a boundary), and within
 * 0.5 + 2^-31 ulp (1 ulp in the directed modes) otherwise.
 *
 * Method (kernels/erf.ts), t = |x|:
 *   binary32, fast: for t >= 1/2, erfc(t) = erfc(√v) from the table in v = t² (relative error below 2^-36), and for
 *   x <= −1/2, 2 − erfc(t) (erfc(t) < 1, so the relative error shrinks); for t < 1/2, 1 ∓ erf(t) with erf(t) =
 *   t·S(4t²) (below 2^-38.6; 1 − erf(t) >= 0.479 carries at most 1.09 times erf's relative error). The result is
 *   decided (Ziv's test, kernels/erf.ts finishFastF32) unless it lies within 2^-34 of a rounding boundary, about one
 *   argument in 250 (0.39% measured); then the accurate kernel (e^(−t²)·R(t), below 2^-55, and 2 − that for x < 0)
 *   decides with kernels/round.ts; when even that is undecided the accurate value is rounded as it stands.
 *   binary16, bfloat16: the same, with the fast kernel's test at their precision (kernels/erf.ts finishFastF16,
 *   finishFastBF16) and then the accurate kernel with kernels/round.ts. No 16-bit argument reaches the accurate kernel
 *   undecided (the tests check every word in every mode, and that the accurate kernel alone, given every word,
 *   decides all of them correctly), so the last fallback is never taken there.
 *
 * Special cases: erfc(+∞) = +0, erfc(−∞) = 2, erfc(±0) = 1, all exact; NaN propagated. |x| below 2^-26 (binary32;
 * 2^-13, 2^-10 for binary16, bfloat16): erfc(x) = 1 − (2/√π)·x + … is within a quarter ulp of 1 on the side
 * opposite to x's sign ((2/√π)·2^-26 < 2^-25, half the spacing below 1), so 1 nudged by a sticky unit. x >= 10.0625
 * (4 binary16, 9.5 bfloat16): erfc(x) < 2^-150 (2^-25, 2^-134) is below half the least subnormal, so an
 * out-of-range exponent makes roundPack underflow (inexact, tiny) by the rounding mode; below those thresholds the
 * kernels compute the subnormal results like any other. x <= −4 (−2.625, −2.25): 2 − erfc(x) is within a quarter
 * ulp below 2 (erfc(|x|) < 2^-24, 2^-11, 2^-8), so 2 nudged down.
 */
import { roundPackToBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32 } from '../formats/f32/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import {
  erfSmallFast,
  erfcAccurate,
  erfcFast,
  finishFastBF16,
  finishFastF16,
  finishFastF32,
  oneMinus,
  onePlus,
  roundAnywayF32,
  twoMinus,
} from './kernels/erf.js';
import { R } from './kernels/fixed.js';
import { FX, fx } from './kernels/float.js';
import { finishBF16, finishF16, finishF32 } from './kernels/round.js';

export function f32_erfc(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  const sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    return sign !== 0 ? 0x40000000 : 0;
  }
  if (expA < 0x7f - 26) {
    if ((expA | sigA) === 0) return 0x3f800000;
    return roundPackToF32(0, 0x7e, sign !== 0 ? 0x40000001 : 0x3fffffff);
  }
  if (sign === 0) {
    if (a >= 0x41210000) return roundPackToF32(0, -64, 0x40000000);
  } else if (a >= 0xc0800000) {
    return roundPackToF32(0, 0x7f, 0x3fffffff);
  }
  const m = sigA | 0x00800000;
  const E = expA - 150;
  if (expA < 0x7e) {
    erfSmallFast(m, E);
    if (sign !== 0) onePlus();
    else oneMinus();
  } else {
    erfcFast(m, E, 0, sign !== 0 ? 2 : 0);
  }
  const z = finishFastF32(0);
  if (z >= 0) return z;
  erfcAccurate(m, E, false);
  if (sign !== 0) twoMinus();
  const y = finishF32(0);
  return y >= 0 ? y : roundAnywayF32(0);
}

export function f16_erfc(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  const sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    return sign !== 0 ? 0x4000 : 0;
  }
  if (expA < 0xf - 13) {
    if ((expA | sigA) === 0) return 0x3c00;
    return roundPackToF16(0, 0xe, sign !== 0 ? 0x4001 : 0x3fff);
  }
  if (sign === 0) {
    if (a >= 0x4400) return roundPackToF16(0, -64, 0x4000);
  } else if (a >= 0xc140) {
    return roundPackToF16(0, 0xf, 0x3fff);
  }
  const m = sigA | 0x0400;
  const E = expA - 25;
  if (expA < 0xe) {
    erfSmallFast(m, E);
    if (sign !== 0) onePlus();
    else oneMinus();
  } else {
    erfcFast(m, E, 0, sign !== 0 ? 2 : 0);
  }
  const z = finishFastF16(0);
  if (z >= 0) return z;
  erfcAccurate(m, E, false);
  if (sign !== 0) twoMinus();
  const y = finishF16(0);
  return y >= 0 ? y : roundPackToF16(0, fx.e + 14, (R[FX]! >>> 17) | 1);
}

export function bf16_erfc(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  const sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    return sign !== 0 ? 0x4000 : 0;
  }
  if (expA < 0x7f - 10) {
    if ((expA | sigA) === 0) return 0x3f80;
    return roundPackToBF16(0, 0x7e, sign !== 0 ? 0x4001 : 0x3fff);
  }
  if (sign === 0) {
    if (a >= 0x4118) return roundPackToBF16(0, -64, 0x4000);
  } else if (a >= 0xc010) {
    return roundPackToBF16(0, 0x7f, 0x3fff);
  }
  const m = sigA | 0x0080;
  const E = expA - 134;
  if (expA < 0x7e) {
    erfSmallFast(m, E);
    if (sign !== 0) onePlus();
    else oneMinus();
  } else {
    erfcFast(m, E, 0, sign !== 0 ? 2 : 0);
  }
  const z = finishFastBF16(0);
  if (z >= 0) return z;
  erfcAccurate(m, E, false);
  if (sign !== 0) twoMinus();
  const y = finishBF16(0);
  return y >= 0 ? y : roundPackToBF16(0, fx.e + 126, (R[FX]! >>> 17) | 1);
}

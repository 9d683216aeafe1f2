/**
 * The error function erf(x) = (2/√π)·∫_0^x e^(−s²) ds, for binary32, binary16 and bfloat16: correctly rounded in
 * every rounding mode for the 16-bit formats; binary32 correctly rounded whenever either kernel decides, and within
 * 0.5 + 2^-31 ulp (1 ulp in the directed modes) otherwise. The full sweep of all 2^32 binary32 arguments
 * (bench/math/sweep.mjs, bench/results/math-sweep.json) found no argument that the accurate kernel leaves undecided,
 * so binary32 erf is in fact correctly rounded everywhere, in every mode (the decision does not depend on the mode).
 *
 * Method (kernels/erf.ts): erf is odd, so work with t = |x| and give the result x's sign.
 *   t < 1/2: erf(t) = t·S(4t²), S a polynomial (relative error below 2^-38.6 fast, 4 units of 2^-63 accurate). This
 *   covers the tiny arguments too: erf(t) = (2/√π)·t·(1 − t²/3 + …) is computed, never approximated by t, with a
 *   relative error bound that holds for subnormal t as well (4t² is then simply 0 to 64 bits, which S absorbs), and
 *   it is never a rounding boundary, so roundPack gets the rounding and the underflow flags right.
 *   t >= 1/2: erf(t) = 1 − erfc(t) with erfc(t) <= erfc(1/2) < 0.48, formed at scale 2^-64: the relative error of erf
 *   is at most 0.48/0.52 times that of erfc (fast: the table in v = t², below 2^-36; accurate: e^(−t²)·R(t), below
 *   2^-55), plus 3 units of 2^-64.
 *   binary32: the fast kernel decides the rounding unless its result lies within 2^-34 of a boundary (Ziv's test,
 *   kernels/erf.ts finishFastF32, about one argument in 250); then the accurate kernel and kernels/round.ts; when
 *   even that is undecided the accurate value is rounded as it stands.
 *   binary16, bfloat16: the same, with the fast kernel's test at their precision (kernels/erf.ts finishFastF16,
 *   finishFastBF16) and then the accurate kernel with kernels/round.ts. No 16-bit argument reaches the accurate kernel
 *   undecided (the tests check every word in every mode, and that the accurate kernel alone, given every word,
 *   decides all of them correctly), so the last fallback is never taken there.
 *
 * Special cases: erf(±0) = ±0 and erf(±∞) = ±1 exactly; NaN propagated. |x| >= 4 (binary32; 2.625, 2.25 for
 * binary16, bfloat16): 1 − erf|x| = erfc|x| < 2^-25 (2^-12, 2^-9) is below a quarter ulp of 1, so ±1 with the
 * magnitude nudged down by a sticky unit.
 */
import { roundPackToBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16, subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import { subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import {
  erfSmallAccurate,
  erfSmallFast,
  erfcAccurate,
  erfcFast,
  finishFastBF16,
  finishFastF16,
  finishFastF32,
  oneMinus,
  roundAnywayF32,
} from './kernels/erf.js';
import { R } from './kernels/fixed.js';
import { FX, fx } from './kernels/float.js';
import { finishBF16, finishF16, finishF32 } from './kernels/round.js';

export function f32_erf(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    return ((a & 0x80000000) | 0x3f800000) >>> 0;
  }
  if ((expA | sigA) === 0) return a;
  if ((a & 0x7fffffff) >= 0x40800000) return roundPackToF32(sign, 0x7e, 0x3fffffff);
  let e = expA;
  if (e === 0) {
    e = subnormalExpF32(sigA);
    sigA = subnormalSigF32(sigA);
  }
  const m = sigA | 0x00800000;
  const E = e - 150;
  if (expA < 0x7e) {
    erfSmallFast(m, E);
    const z = finishFastF32(sign);
    if (z >= 0) return z;
    erfSmallAccurate(m, E);
  } else {
    erfcFast(m, E, 0, 1);
    const z = finishFastF32(sign);
    if (z >= 0) return z;
    erfcAccurate(m, E, false);
    oneMinus();
  }
  const y = finishF32(sign);
  return y >= 0 ? y : roundAnywayF32(sign);
}

export function f16_erf(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    return (a & 0x8000) | 0x3c00;
  }
  if ((expA | sigA) === 0) return a;
  if ((a & 0x7fff) >= 0x4140) return roundPackToF16(sign, 0xe, 0x3fff);
  let e = expA;
  if (e === 0) {
    e = subnormalExpF16(sigA);
    sigA = subnormalSigF16(sigA);
  }
  const m = sigA | 0x0400;
  const E = e - 25;
  if (expA < 0xe) {
    erfSmallFast(m, E);
    const z = finishFastF16(sign);
    if (z >= 0) return z;
    erfSmallAccurate(m, E);
  } else {
    erfcFast(m, E, 0, 1);
    const z = finishFastF16(sign);
    if (z >= 0) return z;
    erfcAccurate(m, E, false);
    oneMinus();
  }
  const y = finishF16(sign);
  return y >= 0 ? y : roundPackToF16(sign, fx.e + 14, (R[FX]! >>> 17) | 1);
}

export function bf16_erf(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  let sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    return (a & 0x8000) | 0x3f80;
  }
  if ((expA | sigA) === 0) return a;
  if ((a & 0x7fff) >= 0x4010) return roundPackToBF16(sign, 0x7e, 0x3fff);
  let e = expA;
  if (e === 0) {
    e = subnormalExpBF16(sigA);
    sigA = subnormalSigBF16(sigA);
  }
  const m = sigA | 0x0080;
  const E = e - 134;
  if (expA < 0x7e) {
    erfSmallFast(m, E);
    const z = finishFastBF16(sign);
    if (z >= 0) return z;
    erfSmallAccurate(m, E);
  } else {
    erfcFast(m, E, 0, 1);
    const z = finishFastBF16(sign);
    if (z >= 0) return z;
    erfcAccurate(m, E, false);
    oneMinus();
  }
  const y = finishBF16(sign);
  return y >= 0 ? y : roundPackToBF16(sign, fx.e + 126, (R[FX]! >>> 17) | 1);
}

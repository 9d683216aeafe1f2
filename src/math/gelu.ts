/**
 * The Gaussian error linear unit in its exact form, gelu(x) = x·Φ(x) = (x/2)·(1 + erf(x/√2)) = (x/2)·erfc(−x/√2),
 * Φ the standard normal distribution function, for binary32, binary16 and bfloat16: correctly rounded in every
 * rounding mode for the 16-bit formats; binary32 correctly rounded whenever either kernel decides (every argument
 * tested; the exception needs a result within 2^-55 of a boundary), and within 0.5 + 2^-31 ulp (1 ulp in the directed
 * modes) otherwise.
 *
 * Method (kernels/erf.ts), with Q(u) = 1 − Φ(u) = erfc(u/√2)/2 for u = |x|:
 *   binary32 (the engines' activation, so the fast path matters), fast: for |x| < 1/√2, Φ(x) = 1/2 ± |x|·S'(2x²)
 *   (S' a polynomial, below 2^-38.3; Φ >= 0.24 carries at most 1.09 times that relative error); otherwise
 *   Q(|x|) = erfc(√v)/2 from the table in v = x²/2, exact (below 2^-36), and gelu(x) = x·(1 − Q) for x > 0 (Q <= 0.24,
 *   so 1 − Q carries less than Q's relative error) or −|x|·Q for x < 0; the product with the exact significand of x
 *   costs one more unit of 2^-63. The result is decided (Ziv's test, kernels/erf.ts finishFastF32) unless it lies
 *   within 2^-34 of a rounding boundary, about one argument in 250 (0.39% measured); then the accurate kernel
 *   (Q = e^(−x²/2)·R(|x|/√2)/2 with a 64-bit 1/√2, below 2^-55) decides with kernels/round.ts; when even that is
 *   undecided the accurate value is rounded as it stands.
 *   binary16, bfloat16: the same, with the fast kernel's test at their precision (kernels/erf.ts finishFastF16,
 *   finishFastBF16) and then the accurate kernel with kernels/round.ts. No 16-bit argument reaches the accurate kernel
 *   undecided (the tests check every word in every mode, and that the accurate kernel alone, given every word,
 *   decides all of them correctly), so the last fallback is never taken there.
 *
 * Special cases: gelu(±0) = ±0 and gelu(+∞) = +∞ exactly; gelu(−∞) = −0: x·Φ(x) is negative for every negative x
 * and tends to 0 from below, so the limit keeps the sign of the finite results next to it (the sign every large
 * finite negative x gets too, rounded to −0 or the least negative subnormal); NaN propagated. The result never
 * overflows. gelu(x) − x/2 = x·(Φ(x) − 1/2) lies in (0, x²/√(2π)) for every x ≠ 0, so for |x| below 2^-25
 * (binary32; 2^-12, 2^-9 for binary16, bfloat16) it is below 0.8|x| < 2^-25 (2^-12, 2^-9) of x/2, less than half
 * the spacing next to x/2: the result is x/2 (itself exact, or a midpoint for an odd subnormal x) nudged up by a
 * sticky unit, which rounds correctly with the right underflow flags. x >= 5.5 (3.5, 3): x·Q < x·2^-25 (2^-12, 2^-9)
 * is below a quarter ulp of x, so x nudged down. x <= −14.375 (−5.75, −13.625): |gelu(x)| < 2^-150 (2^-25, 2^-134)
 * is below half the least subnormal, so an out-of-range exponent makes roundPack underflow to −0 or the least
 * negative subnormal by the rounding mode (inexact, tiny); above those thresholds the subnormal results are computed
 * like any other.
 */
import { roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16, subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import {
  erfcAccurate,
  finishFastBF16,
  finishFastF16,
  finishFastF32,
  geluFast,
  oneMinus,
  roundAnywayF32,
  timesX,
} from './kernels/erf.js';
import { R } from './kernels/fixed.js';
import { FX, fx } from './kernels/float.js';
import { finishBF16, finishF16, finishF32 } from './kernels/round.js';

/** The float register erfc(|x|/√2) becomes gelu(x)'s magnitude: Q = erfc/2, then (1 − Q) for x > 0, times |x|. */
function geluFromErfc(sign: number, m: number, E: number): void {
  fx.e--;
  if (sign === 0) oneMinus();
  timesX(m, E);
}

export function f32_gelu(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    return sign !== 0 ? 0x80000000 : a;
  }
  if (expA < 0x7f - 25) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpF32(sigA);
      sigA = subnormalSigF32(sigA);
    }
    if (sign === 0) return roundPackToF32(0, e - 2, ((sigA | 0x00800000) << 7) + 1);
    // Just below |x|/2; at the bottom of a binade that is 2(2^30 − 1) one exponent lower, normalized for roundPack.
    if ((sigA & 0x007fffff) === 0) return roundPackToF32(1, e - 3, 0x7ffffffe);
    return roundPackToF32(1, e - 2, ((sigA | 0x00800000) << 7) - 1);
  }
  if (sign === 0) {
    if (a >= 0x40b00000) {
      if (sigA === 0) return roundPackToF32(0, expA - 2, 0x7ffffffe);
      return roundPackToF32(0, expA - 1, ((sigA | 0x00800000) << 7) - 1);
    }
  } else if (a >= 0xc1660000) {
    return roundPackToF32(1, -64, 0x40000000);
  }
  const m = sigA | 0x00800000;
  const E = expA - 150;
  // |x| < 1/√2 exactly when |x| <= 0x3f3504f3, the binary32 number just below 1/√2.
  geluFast(sign, m, E, (a & 0x7fffffff) <= 0x3f3504f3);
  const z = finishFastF32(sign);
  if (z >= 0) return z;
  erfcAccurate(m, E, true);
  geluFromErfc(sign, m, E);
  const y = finishF32(sign);
  return y >= 0 ? y : roundAnywayF32(sign);
}

export function f16_gelu(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    return sign !== 0 ? 0x8000 : a;
  }
  if (expA < 0xf - 12) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpF16(sigA);
      sigA = subnormalSigF16(sigA);
    }
    if (sign === 0) return roundPackToF16(0, e - 2, ((sigA | 0x0400) << 4) + 1);
    if ((sigA & 0x03ff) === 0) return roundPackToF16(1, e - 3, 0x7ffe);
    return roundPackToF16(1, e - 2, ((sigA | 0x0400) << 4) - 1);
  }
  if (sign === 0) {
    if (a >= 0x4300) {
      if (sigA === 0) return roundPackToF16(0, expA - 2, 0x7ffe);
      return roundPackToF16(0, expA - 1, ((sigA | 0x0400) << 4) - 1);
    }
  } else if (a >= 0xc5c0) {
    return roundPackToF16(1, -64, 0x4000);
  }
  const m = sigA | 0x0400;
  const E = expA - 25;
  // |x| < 1/√2 exactly when |x| <= 0x39a8, the binary16 number just below 1/√2.
  geluFast(sign, m, E, (a & 0x7fff) <= 0x39a8);
  const z = finishFastF16(sign);
  if (z >= 0) return z;
  erfcAccurate(m, E, true);
  geluFromErfc(sign, m, E);
  const y = finishF16(sign);
  return y >= 0 ? y : roundPackToF16(sign, fx.e + 14, (R[FX]! >>> 17) | 1);
}

export function bf16_gelu(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  let sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    return sign !== 0 ? 0x8000 : a;
  }
  if (expA < 0x7f - 9) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpBF16(sigA);
      sigA = subnormalSigBF16(sigA);
    }
    if (sign === 0) return roundPackToBF16(0, e - 2, ((sigA | 0x0080) << 7) + 1);
    if ((sigA & 0x007f) === 0) return roundPackToBF16(1, e - 3, 0x7ffe);
    return roundPackToBF16(1, e - 2, ((sigA | 0x0080) << 7) - 1);
  }
  if (sign === 0) {
    if (a >= 0x4040) {
      if (sigA === 0) return roundPackToBF16(0, expA - 2, 0x7ffe);
      return roundPackToBF16(0, expA - 1, ((sigA | 0x0080) << 7) - 1);
    }
  } else if (a >= 0xc15a) {
    return roundPackToBF16(1, -64, 0x4000);
  }
  const m = sigA | 0x0080;
  const E = expA - 134;
  // |x| < 1/√2 exactly when |x| <= 0x3f35, the bfloat16 number just below 1/√2.
  geluFast(sign, m, E, (a & 0x7fff) <= 0x3f35);
  const z = finishFastBF16(sign);
  if (z >= 0) return z;
  erfcAccurate(m, E, true);
  geluFromErfc(sign, m, E);
  const y = finishBF16(sign);
  return y >= 0 ? y : roundPackToBF16(sign, fx.e + 126, (R[FX]! >>> 17) | 1);
}

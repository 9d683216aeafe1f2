/**
 * e^x, correctly rounded in every rounding mode, for binary32, binary16 and bfloat16.
 *
 * Method: e^x = 2^t with t = x·log2(e); kernels/exp2.ts reduces t = n + j/256 + r (|r| <= 2^-9) with a 96-bit
 * log2(e), takes 2^(j/256) from a 256-entry table and 2^r − 1 from a degree-6 Taylor polynomial evaluated in 64-bit
 * fixed point, and returns 2^t as a 64-bit significand within 2 units of its last place (relative error below
 * 2^-62; the argument is in that file's header). kernels/round.ts rounds it if no rounding boundary of the format lies
 * within that bound, which fails for a fraction of about 2^-36 of binary32 arguments and, as the exhaustive tests
 * show, never for the 16-bit formats; the slow path (kernels/slow.ts) then decides against the boundary with
 * 160-bit arithmetic.
 *
 * binary32 first tries a fast path: kernels/expF32.ts computes e^x to within 2.16·2^24 units of a 64-bit significand
 * (about 2^-39 relative) with 32-bit words, and tryFinishF32 rounds it when that bound decides, which fails for about
 * 1.3·10^-4 of the arguments; those continue on the path above. (Such a miss is not counted in zivStats.hard, which
 * keeps counting the roundings the full-precision path could not decide.)
 *
 * Special cases (IEEE 754-2019 §9.2): e^±0 = 1 exactly, e^+∞ = +∞, e^−∞ = +0, NaN propagated. |x| so small that
 * e^x lies within half an ulp of 1 on the side of x's sign (|x| < 2^-(p+2)) gives 1 nudged by a sticky unit; x far
 * past the overflow or underflow threshold gives an out-of-range exponent to roundPack, which overflows (inexact) or
 * underflows (inexact, tiny) by the rounding mode.
 */
import { roundPackToBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32 } from '../formats/f32/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import { BY_LOG2E, exp2Value, expReduce } from './kernels/exp2.js';
import { expF32 } from './kernels/expF32.js';
import {
  finishBF16,
  finishF16,
  finishF32,
  packBoundaryBF16,
  packBoundaryF16,
  packBoundaryF32,
  tryFinishF32,
} from './kernels/round.js';
import { slowExpCmp } from './kernels/slow.js';

export function f32_exp(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  const sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    return sign !== 0 ? 0 : a;
  }
  if (expA < 0x7f - 26) {
    if ((expA | sigA) === 0) return 0x3f800000;
    return roundPackToF32(0, 0x7e, sign !== 0 ? 0x3fffffff : 0x40000001);
  }
  if (expA >= 0x86) {
    // |x| >= 128: far beyond both thresholds.
    return roundPackToF32(0, sign !== 0 ? -64 : 0x1ff, 0x40000000);
  }
  const m = sigA | 0x00800000;
  const E = expA - 150;
  expF32(sign, m, E);
  let z = tryFinishF32(0);
  if (z >= 0) return z;
  expReduce(sign, m, E, BY_LOG2E, false);
  exp2Value();
  z = finishF32(0);
  if (z >= 0) return z;
  return packBoundaryF32(slowExpCmp(sign, m, E, BY_LOG2E));
}

export function f16_exp(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  const sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    return sign !== 0 ? 0 : a;
  }
  if (expA < 0xf - 13) {
    if ((expA | sigA) === 0) return 0x3c00;
    return roundPackToF16(0, 0xe, sign !== 0 ? 0x3fff : 0x4001);
  }
  if (expA >= 0x14) {
    // |x| >= 32: e^32 overflows binary16, e^-32 is below half its least subnormal.
    return roundPackToF16(0, sign !== 0 ? -64 : 0x3f, 0x4000);
  }
  const m = sigA | 0x0400;
  const E = expA - 25;
  expReduce(sign, m, E, BY_LOG2E, false);
  exp2Value();
  const z = finishF16(0);
  if (z >= 0) return z;
  return packBoundaryF16(slowExpCmp(sign, m, E, BY_LOG2E));
}

export function bf16_exp(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  const sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    return sign !== 0 ? 0 : a;
  }
  if (expA < 0x7f - 10) {
    if ((expA | sigA) === 0) return 0x3f80;
    return roundPackToBF16(0, 0x7e, sign !== 0 ? 0x3fff : 0x4001);
  }
  if (expA >= 0x86) {
    return roundPackToBF16(0, sign !== 0 ? -64 : 0x1ff, 0x4000);
  }
  const m = sigA | 0x0080;
  const E = expA - 134;
  expReduce(sign, m, E, BY_LOG2E, false);
  exp2Value();
  const z = finishBF16(0);
  if (z >= 0) return z;
  return packBoundaryBF16(slowExpCmp(sign, m, E, BY_LOG2E));
}

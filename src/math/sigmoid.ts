/**
 * The logistic function σ(x) = 1/(1 + e^-x), correctly rounded in every rounding mode, for binary32, binary16 and
 * bfloat16.
 *
 * Method: v = e^-x from the exponential core (kernels/exp2.ts, within 2 units of its 64-bit significand), then
 * d = 1 + v formed exactly at the scale of the larger term (one more unit for the bits of the smaller one shifted
 * out), then σ = 1/d from kernels/recip.ts (within 5 units of 2^-63). Nothing cancels: for x >= 0, d is in (1, 2)
 * and carries v's error scaled down; for x < 0, d = v + 1 > 2 and its relative error is at most v's. So the result
 * is within 2·(2 + 1) + 5 = 11 units of its significand (relative 2^-59.5), bounded here by 16. kernels/round.ts
 * rounds when no boundary is nearer; otherwise the slow path compares 1 with b·(1 + e^-x) in 160-bit arithmetic
 * (σ(x) > b exactly when that product is below 1).
 *
 * binary32 first tries a fast path: kernels/sigmoidF32.ts forms 1/(1 + e^-x) from kernels/expF32.ts and the
 * reciprocal of kernels/recipF32.ts to about 2^-37 relative with 32-bit words and a proven bound, and tryFinishF32
 * rounds it when that bound decides, which fails for about 2·10^-4 of the arguments; those continue on the path above.
 * (Such a miss is not counted in zivStats.hard.)
 *
 * Special cases: σ(±0) = 1/2, σ(+∞) = 1, σ(−∞) = +0 exactly; NaN propagated. |x| below 2^-25 (binary32; 2^-12,
 * 2^-9 for binary16, bfloat16): σ(x) = 1/2 + x/4 − … is within a quarter ulp of 1/2 on the side of x's sign, so
 * 1/2 nudged by a sticky unit; x at or above 18 (9, 7): 1 − σ(x) < e^-x is below a quarter ulp of 1, so 1 nudged
 * down; x at or below −128 (−32, −128): σ(x) < e^x is below half the least subnormal, so an out-of-range exponent
 * makes roundPack underflow (inexact, tiny) by the rounding mode.
 */
import { roundPackToBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32 } from '../formats/f32/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import { BY_LOG2E, exp2Value, expReduce } from './kernels/exp2.js';
import { R } from './kernels/fixed.js';
import { FX, fx, setFloat } from './kernels/float.js';
import { recip64 } from './kernels/recip.js';
import {
  finishBF16,
  finishF16,
  finishF32,
  hard,
  packBoundaryBF16,
  packBoundaryF16,
  packBoundaryF32,
  tryFinishF32,
} from './kernels/round.js';
import { sigmoidF32 } from './kernels/sigmoidF32.js';
import {
  MP_A,
  MP_B,
  MP_F,
  hardPrecision,
  mpAdd,
  mpCmp,
  mpExp2,
  mpExpN,
  mpMulSmall,
  mpSetDyadic,
  mpShl,
  mpShr,
} from './kernels/slow.js';
import { MP_LOG2E, MP_ONE } from './kernels/tables.js';

/* Registers (kernels/fixed.ts) of the caller's range. */
const DR = 54;
const YR = 56;

/** The float register = σ(x) for x = (−1)^sign·m·2^E between the thresholds. */
function sigmoidCore(sign: number, m: number, E: number): void {
  expReduce(sign ^ 1, m, E, BY_LOG2E, false);
  exp2Value();
  const vE = fx.e;
  const hi = R[FX]!;
  const lo = R[FX + 1]!;
  let top = 0;
  let q: number;
  if (vE < 0) {
    // x > 0: v < 1, d = 1 + v at scale 2^-63.
    const sh = -vE;
    if (sh < 32) {
      R[DR + 1] = (lo >>> sh) | (hi << (32 - sh));
      R[DR] = (hi >>> sh) | 0x80000000;
    } else {
      R[DR + 1] = sh < 64 ? hi >>> (sh - 32) : 0;
      R[DR] = 0x80000000;
    }
    q = -63;
  } else {
    // x < 0: v >= 1, d = v + 1 at v's scale (1 = 2^(63-vE) units; below one unit once vE > 63).
    const bit = 63 - vE;
    R[DR] = hi;
    R[DR + 1] = lo;
    if (bit >= 32) {
      const h = hi + ((1 << (bit - 32)) >>> 0);
      R[DR] = h;
      top = h >= 0x100000000 ? 1 : 0;
    } else if (bit >= 0) {
      const l = lo + ((1 << bit) >>> 0);
      const h = hi + (l >= 0x100000000 ? 1 : 0);
      R[DR] = h;
      R[DR + 1] = l;
      top = h >= 0x100000000 ? 1 : 0;
    }
    q = vE - 63;
  }
  setFloat(top, DR, q, 3);
  const dE = fx.e;
  recip64(YR, FX);
  // 1/d = Y·2^(-64-dE).
  setFloat(0, YR, -64 - dE, 16);
}

/** Sign of σ(x) − b for the recorded boundary b > 0: of 1 − b·(1 + e^-x). */
function sigmoidSlow(sign: number, m: number, E: number): number {
  mpExp2(sign ^ 1, m, E, MP_LOG2E);
  const p = hardPrecision();
  const n = mpExpN;
  const s = hard.e - p;
  if (n < 0) {
    // e^-x = F·2^n < 1: b·(1 + e^-x) = B·(1 + F·2^n)·2^s.
    mpShr(MP_A, MP_F, -n);
    mpAdd(MP_A, MP_A, MP_ONE);
    mpMulSmall(MP_A, MP_A, hard.b);
    if (s >= 0) mpShl(MP_A, MP_A, s);
    else mpShr(MP_A, MP_A, -s);
  } else {
    // e^-x = F·2^n >= 1: b·(1 + e^-x) = B·F·2^(s+n) + B·2^s, the first term near 1.
    mpMulSmall(MP_A, MP_F, hard.b);
    if (s + n >= 0) mpShl(MP_A, MP_A, s + n);
    else mpShr(MP_A, MP_A, -(s + n));
    mpSetDyadic(MP_B, hard.b, s);
    mpAdd(MP_A, MP_A, MP_B);
  }
  const c = mpCmp(MP_ONE, MP_A);
  return c === 0 ? 1 : c;
}

export function f32_sigmoid(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  const sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    return sign !== 0 ? 0 : 0x3f800000;
  }
  if (expA < 0x7f - 25) {
    if ((expA | sigA) === 0) return 0x3f000000;
    return roundPackToF32(0, 0x7d, sign !== 0 ? 0x3fffffff : 0x40000001);
  }
  if (sign === 0 && a >= 0x41900000) return roundPackToF32(0, 0x7e, 0x3fffffff);
  if (sign !== 0 && expA >= 0x86) return roundPackToF32(0, -64, 0x40000000);
  const m = sigA | 0x00800000;
  const E = expA - 150;
  sigmoidF32(sign, m, E);
  let z = tryFinishF32(0);
  if (z >= 0) return z;
  sigmoidCore(sign, m, E);
  z = finishF32(0);
  if (z >= 0) return z;
  return packBoundaryF32(sigmoidSlow(sign, m, E));
}

export function f16_sigmoid(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  const sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    return sign !== 0 ? 0 : 0x3c00;
  }
  if (expA < 0xf - 12) {
    if ((expA | sigA) === 0) return 0x3800;
    return roundPackToF16(0, 0xd, sign !== 0 ? 0x3fff : 0x4001);
  }
  if (sign === 0 && a >= 0x4880) return roundPackToF16(0, 0xe, 0x3fff);
  if (sign !== 0 && expA >= 0x14) return roundPackToF16(0, -64, 0x4000);
  const m = sigA | 0x0400;
  const E = expA - 25;
  sigmoidCore(sign, m, E);
  const z = finishF16(0);
  if (z >= 0) return z;
  return packBoundaryF16(sigmoidSlow(sign, m, E));
}

export function bf16_sigmoid(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  const sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    return sign !== 0 ? 0 : 0x3f80;
  }
  if (expA < 0x7f - 9) {
    if ((expA | sigA) === 0) return 0x3f00;
    return roundPackToBF16(0, 0x7d, sign !== 0 ? 0x3fff : 0x4001);
  }
  if (sign === 0 && a >= 0x40e0) return roundPackToBF16(0, 0x7e, 0x3fff);
  if (sign !== 0 && expA >= 0x86) return roundPackToBF16(0, -64, 0x4000);
  const m = sigA | 0x0080;
  const E = expA - 134;
  sigmoidCore(sign, m, E);
  const z = finishBF16(0);
  if (z >= 0) return z;
  return packBoundaryBF16(sigmoidSlow(sign, m, E));
}

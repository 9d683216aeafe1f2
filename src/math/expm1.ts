/**
 * e^x − 1 for binary32, binary16 and bfloat16: correctly rounded in every rounding mode (the binary32 requirement is
 * 1 ulp; it is met with room to spare).
 *
 * Method: the exponential core's 2^t − 1 (kernels/exp2.ts) for t = x·log2 e. For |t| < 2^-9 it is the polynomial
 * p(r) itself, evaluated with |r| scaled up by 2^s so that its relative error stays below 2^-60 however small t is;
 * otherwise 2^t − 1 is formed from the 64-bit 2^t exactly at its scale and the cancellation (at most 9 bits, since
 * then |t| >= 2^-9) is carried in the error bound. kernels/round.ts rounds unless a boundary lies within the bound;
 * then kernels/slow.ts compares e^x with 1 ± b in 160-bit arithmetic.
 *
 * Special cases: expm1(±0) = ±0, expm1(+∞) = +∞, expm1(−∞) = −1, NaN propagated. |x| below 2^-(p+2): e^x − 1 =
 * x + x²/2 + … lies just above x, within a quarter ulp, so x nudged up by a sticky unit; x far below zero
 * (e^x < 2^-(p+2)): −1 nudged toward zero; x far above the overflow threshold overflows in roundPack.
 */
import { roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16, subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import { BY_LOG2E, exp2m1Value, expReduce } from './kernels/exp2.js';
import { finishBF16, finishF16, finishF32, hard, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './kernels/round.js';
import { MP_A, MP_F, hardPrecision, mpAdd, mpCmp, mpExp2, mpExpN, mpSetDyadic, mpShr, mpSub } from './kernels/slow.js';
import { MP_LOG2E, MP_ONE } from './kernels/tables.js';

/** Sign of |e^x − 1| − b for the recorded boundary b, x = (−1)^sign·m·2^E. */
function expm1Slow(sign: number, m: number, E: number): number {
  mpExp2(sign, m, E, MP_LOG2E);
  const p = hardPrecision();
  const n = mpExpN;
  let c: number;
  if (sign === 0) {
    // e^x − 1 > b exactly when F > (1 + b)·2^-n = 2^-n + B·2^(e-p-n).
    mpSetDyadic(MP_A, 1, -n);
    mpAdd(MP_A, MP_A, hardBoundary(-n - p));
    c = mpCmp(MP_F, MP_A);
  } else {
    // 1 − e^x > b exactly when F·2^n < 1 − b.
    mpShr(MP_F, MP_F, -n);
    mpSub(MP_A, MP_ONE, hardBoundary(-p));
    c = mpCmp(MP_A, MP_F);
  }
  return c === 0 ? 1 : c;
}

const BND = [0, 0, 0, 0, 0, 0];
/** The recorded boundary times 2^shift, B·2^(e + shift), as an mp number. */
function hardBoundary(shift: number): number[] {
  mpSetDyadic(BND, hard.b, hard.e + shift);
  return BND;
}

export function f32_expm1(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    return sign !== 0 ? 0xbf800000 : a;
  }
  if (expA < 0x7f - 26) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpF32(sigA);
      sigA = subnormalSigF32(sigA);
    }
    if (sign === 0) return roundPackToF32(0, e - 1, (((sigA | 0x00800000) << 7) + 1) >>> 0);
    if ((sigA & 0x007fffff) === 0) return roundPackToF32(1, e - 2, 0x7ffffffe);
    return roundPackToF32(1, e - 1, (((sigA | 0x00800000) << 7) - 1) >>> 0);
  }
  if (sign !== 0 && expA >= 0x84) return roundPackToF32(1, 0x7e, 0x3fffffff);
  if (expA >= 0x86) return roundPackToF32(0, 0x1ff, 0x40000000);
  const m = sigA | 0x00800000;
  const E = expA - 150;
  expReduce(sign, m, E, BY_LOG2E, true);
  exp2m1Value();
  const z = finishF32(sign);
  if (z >= 0) return z;
  return packBoundaryF32(expm1Slow(sign, m, E));
}

export function f16_expm1(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    return sign !== 0 ? 0xbc00 : a;
  }
  if (expA < 0xf - 13) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpF16(sigA);
      sigA = subnormalSigF16(sigA);
    }
    if (sign === 0) return roundPackToF16(0, e - 1, ((sigA | 0x0400) << 4) + 1);
    if ((sigA & 0x03ff) === 0) return roundPackToF16(1, e - 2, 0x7ffe);
    return roundPackToF16(1, e - 1, ((sigA | 0x0400) << 4) - 1);
  }
  if (sign !== 0 && expA >= 0x13) return roundPackToF16(1, 0xe, 0x3fff);
  if (expA >= 0x14) return roundPackToF16(0, 0x3f, 0x4000);
  const m = sigA | 0x0400;
  const E = expA - 25;
  expReduce(sign, m, E, BY_LOG2E, true);
  exp2m1Value();
  const z = finishF16(sign);
  if (z >= 0) return z;
  return packBoundaryF16(expm1Slow(sign, m, E));
}

export function bf16_expm1(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  let sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    return sign !== 0 ? 0xbf80 : a;
  }
  if (expA < 0x7f - 10) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpBF16(sigA);
      sigA = subnormalSigBF16(sigA);
    }
    if (sign === 0) return roundPackToBF16(0, e - 1, ((sigA | 0x0080) << 7) + 1);
    if ((sigA & 0x007f) === 0) return roundPackToBF16(1, e - 2, 0x7ffe);
    return roundPackToBF16(1, e - 1, ((sigA | 0x0080) << 7) - 1);
  }
  if (sign !== 0 && expA >= 0x82) return roundPackToBF16(1, 0x7e, 0x3fff);
  if (expA >= 0x86) return roundPackToBF16(0, 0x1ff, 0x4000);
  const m = sigA | 0x0080;
  const E = expA - 134;
  expReduce(sign, m, E, BY_LOG2E, true);
  exp2m1Value();
  const z = finishBF16(sign);
  if (z >= 0) return z;
  return packBoundaryBF16(expm1Slow(sign, m, E));
}

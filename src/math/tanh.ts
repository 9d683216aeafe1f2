/**
 * Hyperbolic tangent, correctly rounded in every rounding mode, for binary32, binary16 and bfloat16.
 *
 * Method: tanh is odd, so work with |x| and give the result x's sign. With u = e^(2|x|) − 1 from the exponential
 * core (kernels/exp2.ts, 2^t − 1 for t = 2|x|·log2 e, with the same relative accuracy for small t), tanh|x| = u/(u + 2)
 * with no cancellation anywhere: u + 2 is formed exactly at u's scale (to a unit), its reciprocal to 5 units of 2^-63
 * (kernels/recip.ts), and one 64x64 product gives the quotient. Error: u is within err_u units of its 64-bit
 * significand (at most 6 units when 2|x|·log2 e < 2^-9, and the cancellation in 2^t − 1 otherwise is carried exactly
 * in err_u); the relative error of the quotient is at most that of u twice (u in the numerator and, scaled by
 * u/(u + 2) < 1, in the denominator) plus 2^-60.6 from the reciprocal and the product, bounded here by 4·err_u + 24
 * units of the result's significand. kernels/round.ts rounds when no boundary is nearer; otherwise the slow path
 * compares u against b·(u + 2), that is e^(2|x|)·(1 − b) against 1 + b, in 160-bit arithmetic.
 *
 * binary32 first tries a fast path (kernels/tanhF32.ts, with the reciprocal of kernels/recipF32.ts): below |x| = 1/16
 * the odd series x·(1 − x²·Q(x²)) in 32-bit fixed point, above it 2/(1 + e^(−2|x|)) − 1 from kernels/expF32.ts, both
 * to about 2^-38 relative with a proven bound; tryFinishF32 rounds when that bound decides, which fails for about
 * 1.5·10^-4 of the arguments; those continue on the path above. (Such a miss is not counted in zivStats.hard.)
 *
 * Special cases: tanh(±0) = ±0 and tanh(±∞) = ±1 exactly; NaN propagated. For |x| below 2^-13 (binary32; 2^-7,
 * 2^-5 for binary16, bfloat16) tanh x = x − x³/3 + … lies strictly between x and the next boundary toward zero
 * (x³/3 is below a quarter ulp of x), so x with its magnitude nudged down by a sticky unit rounds correctly (inexact,
 * and tiny for subnormal x); from 9.5 (binary32: 1 − tanh|x| < 2e^-19 < 2^-26.4; 8, 8 for binary16, bfloat16)
 * tanh|x| is within a quarter ulp below 1, rounded as 1 nudged down.
 */
import { roundPackToBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import { subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import { BY_LOG2E, exp2m1Value, expReduce } from './kernels/exp2.js';
import { R, mulHi64 } from './kernels/fixed.js';
import { FX, fx, scaleErr, setFloat } from './kernels/float.js';
import { recip64 } from './kernels/recip.js';
import { tanhF32Exp, tanhF32Poly } from './kernels/tanhF32.js';
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
import {
  MP_A,
  MP_B,
  MP_F,
  hardPrecision,
  mpAdd,
  mpCmp,
  mpExp2,
  mpExpN,
  mpMul,
  mpSetDyadic,
  mpShl,
  mpSub,
} from './kernels/slow.js';
import { MP_LOG2E, MP_ONE } from './kernels/tables.js';

/* Registers (kernels/fixed.ts) of the caller's range. */
const UR = 52;
const DR = 54;
const YR = 56;
const QR = 58;

/** The float register = tanh(m·2^E) for m·2^E between the tiny and the saturation thresholds. */
function tanhCore(m: number, E: number): void {
  expReduce(0, m, E + 1, BY_LOG2E, true);
  exp2m1Value();
  R[UR] = R[FX]!;
  R[UR + 1] = R[FX + 1]!;
  const uE = fx.e;
  const uErr = fx.err;
  // D = u + 2, normalized into the float register.
  if (uE >= 1) {
    // 2 = 2^(64-uE) units of u's significand (uE <= 47 here, so the bit lies in one of the two words).
    const bit = 64 - uE;
    let top: number;
    if (bit >= 32) {
      const h = R[UR]! + ((1 << (bit - 32)) >>> 0);
      R[DR] = h;
      R[DR + 1] = R[UR + 1]!;
      top = h >= 0x100000000 ? 1 : 0;
    } else {
      const l = R[UR + 1]! + ((1 << bit) >>> 0);
      const h = R[UR]! + (l >= 0x100000000 ? 1 : 0);
      R[DR] = h;
      R[DR + 1] = l;
      top = h >= 0x100000000 ? 1 : 0;
    }
    setFloat(top, DR, uE - 63, uErr);
  } else {
    // D = 2^63 + u·2^62 / 2^(-uE) at scale 2^-62.
    const sh = 1 - uE;
    const hi = R[UR]!;
    const lo = R[UR + 1]!;
    if (sh < 32) {
      R[DR + 1] = (lo >>> sh) | (hi << (32 - sh));
      R[DR] = (hi >>> sh) | 0x80000000;
    } else {
      R[DR + 1] = sh < 64 ? hi >>> (sh - 32) : 0;
      R[DR] = 0x80000000;
    }
    setFloat(0, DR, -62, (uErr >>> sh) + 1);
  }
  const dE = fx.e;
  recip64(YR, FX);
  mulHi64(QR, UR, YR);
  // u·(1/D) = (uSig·Y/2^64)·2^(uE - 63 - dE).
  setFloat(0, QR, uE - 63 - dE, scaleErr(uErr, 2) + 24);
}

/** Sign of tanh(m·2^E) − b for the recorded boundary b (0 < b <= 1): of e^(2x)·(1 − b) − (1 + b). */
function tanhSlow(m: number, E: number): number {
  mpExp2(0, m, E + 1, MP_LOG2E);
  const p = hardPrecision();
  // MP_A = 1 − b, MP_B = 1 + b.
  mpSetDyadic(MP_B, hard.b, hard.e - p);
  mpSub(MP_A, MP_ONE, MP_B);
  mpAdd(MP_B, MP_ONE, MP_B);
  mpMul(MP_A, MP_A, MP_F);
  mpShl(MP_A, MP_A, mpExpN);
  const c = mpCmp(MP_A, MP_B);
  return c === 0 ? 1 : c;
}

export function f32_tanh(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    return ((a & 0x80000000) | 0x3f800000) >>> 0;
  }
  if (expA < 0x7f - 13) {
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
  if ((a & 0x7fffffff) >= 0x41180000) return roundPackToF32(sign, 0x7e, 0x3fffffff);
  const m = sigA | 0x00800000;
  const E = expA - 150;
  if (expA < 0x7b) tanhF32Poly(m, E);
  else tanhF32Exp(m, E);
  let z = tryFinishF32(sign);
  if (z >= 0) return z;
  tanhCore(m, E);
  z = finishF32(sign);
  if (z >= 0) return z;
  return packBoundaryF32(tanhSlow(m, E));
}

export function f16_tanh(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    return (a & 0x8000) | 0x3c00;
  }
  if (expA < 0xf - 7) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpF16(sigA);
      sigA = subnormalSigF16(sigA);
    }
    if ((sigA & 0x03ff) === 0) return roundPackToF16(sign, e - 2, 0x7ffe);
    return roundPackToF16(sign, e - 1, ((sigA | 0x0400) << 4) - 1);
  }
  if (expA >= 0x12) return roundPackToF16(sign, 0xe, 0x3fff);
  const m = sigA | 0x0400;
  const E = expA - 25;
  tanhCore(m, E);
  const z = finishF16(sign);
  if (z >= 0) return z;
  return packBoundaryF16(tanhSlow(m, E));
}

export function bf16_tanh(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  let sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    return (a & 0x8000) | 0x3f80;
  }
  if (expA < 0x7f - 5) {
    if ((expA | sigA) === 0) return a;
    let e = expA;
    if (e === 0) {
      e = subnormalExpBF16(sigA);
      sigA = subnormalSigBF16(sigA);
    }
    if ((sigA & 0x007f) === 0) return roundPackToBF16(sign, e - 2, 0x7ffe);
    return roundPackToBF16(sign, e - 1, ((sigA | 0x0080) << 7) - 1);
  }
  if (expA >= 0x82) return roundPackToBF16(sign, 0x7e, 0x3fff);
  const m = sigA | 0x0080;
  const E = expA - 134;
  tanhCore(m, E);
  const z = finishBF16(sign);
  if (z >= 0) return z;
  return packBoundaryBF16(tanhSlow(m, E));
}

/**
 * softplus(x) = ln(1 + e^x) for binary32, binary16 and bfloat16: correctly rounded in every rounding mode (the
 * binary32 requirement is 1 ulp; it is met with room to spare).
 *
 * Method: with v = e^-|x| in (0, 1] from the exponential core (kernels/exp2.ts, within 2 units of its 64-bit
 * significand), softplus(x) = max(x, 0) + ln(1 + v), nothing cancelling:
 * - v >= 2^-9: 1 + v is formed at scale 2^-63 (one more unit) and the logarithm kernel (kernels/log.ts) gives
 *   ln(1 + v) within 6 units of 2^-64 (it is at least 2^-9.5);
 * - 2^-32 <= v < 2^-9: the series kernel takes r = v directly (relative error below 2^-60);
 * - v < 2^-32: ln(1 + v) = v − v²/2 to 2^-64 relative (the next term, v³/3, is below 2^-64·v).
 * For x > 0 the sum x + ln(1 + v) is formed in fixed point at scale 2^-59 (x < 16 there), within a few units of a
 * result of at least ln 2. kernels/round.ts rounds unless a boundary b lies within the bound; then the slow path
 * compares 1 + e^x with e^b, or, for e^x < 2^-10, the series of ln(1 + e^x) with b, in 160-bit arithmetic.
 *
 * binary32 first tries a fast path: kernels/softplusF32.ts forms max(x, 0) + ln(1 + e^-|x|) from kernels/expF32.ts and
 * a 64-bit-argument variant of kernels/logF32.ts's table logarithm (or, for e^-|x| < 2^-10, a short series) with 32-bit
 * words, within a proven bound of at most 2^-36.2 relative, for 2^-31 <= |x| between the thresholds below;
 * tryFinishF32 returns it when the bound decides it (all but about one in 10,000), otherwise the code below runs
 * unchanged. Below 2^-31 (zeros included) every binary32 input rounds as ln 2 does, in every mode.
 *
 * Special cases: softplus(±0) = ln 2 (inexact), softplus(+∞) = +∞, softplus(−∞) = +0, NaN propagated. For x at or
 * above 16 (binary32; 8 for the 16-bit formats) ln(1 + e^-x) < e^-x is below a quarter ulp of x, so x nudged up by a
 * sticky unit; for x at or below −128 (−32, −128) the result is below half the least subnormal, an out-of-range
 * exponent for roundPack (underflow, inexact).
 */
import { roundPackToBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32 } from '../formats/f32/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import { BY_LOG2E, exp2Value, expReduce } from './kernels/exp2.js';
import { R, mulHi64, shr64 } from './kernels/fixed.js';
import { FX, fx, scaleErr, setFloat } from './kernels/float.js';
import { LOG_Y, lnValue, logReduce, logSmall } from './kernels/log.js';
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
  mpCopy,
  mpDivSmall,
  mpExp2,
  mpExpN,
  mpMul,
  mpSetDyadic,
  mpShl,
  mpShr,
  mpSub,
} from './kernels/slow.js';
import { softplusF32 } from './kernels/softplusF32.js';
import { MP_LOG2E, MP_ONE } from './kernels/tables.js';

/* Registers (kernels/fixed.ts). */
const VR = 52;
const SR = 54;

/** The float register = softplus(x), x = (−1)^sign·m·2^E, between the thresholds. */
function softplusCore(sign: number, m: number, E: number): void {
  if (m === 0) {
    // ln 2: y = 1, k = 1.
    R[LOG_Y] = 0x80000000;
    R[LOG_Y + 1] = 0;
    logReduce(1);
    lnValue();
    return;
  }
  expReduce(1, m, E, BY_LOG2E, false);
  exp2Value();
  const vE = fx.e;
  const vErr = fx.err;
  R[VR] = R[FX]!;
  R[VR + 1] = R[FX + 1]!;
  if (vE >= 0) {
    // v = 1 to within the kernel's error (x below 2^-64 or so): (1 + v)/2 at scale 2^-63, k = 1.
    const hi = R[VR]!;
    const lo = R[VR + 1]!;
    R[LOG_Y + 1] = (lo >>> 1) | (hi << 31);
    R[LOG_Y] = (hi >>> 1) + 0x40000000;
    logReduce(1);
    lnValue();
  } else if (vE >= -9) {
    // 1 + v at scale 2^-63 (v < 1, so vE <= -1).
    const sh = -vE;
    const hi = R[VR]!;
    const lo = R[VR + 1]!;
    R[LOG_Y + 1] = (lo >>> sh) | (hi << (32 - sh));
    R[LOG_Y] = (hi >>> sh) | 0x80000000;
    logReduce(0);
    lnValue();
  } else if (vE >= -31) {
    // ln(1 + v) by the series kernel: U = v·2^(73+s) = sig·2^(vE+10+s), s = −(vE + 10) <= 21.
    logSmall(VR, -(vE + 10), 0);
    lnValue();
    fx.err += scaleErr(vErr, 1);
  } else {
    // v − v²/2: in units of sig, sig·v/2 = (sig²/2^64)·2^vE.
    const sh = -vE;
    if (sh >= 64) {
      R[SR] = 0;
      R[SR + 1] = 0;
    } else {
      mulHi64(SR, VR, VR);
      R[SR + 1] = R[SR]! >>> (sh - 32);
      R[SR] = 0;
    }
    const lo = R[VR + 1]! - R[SR + 1]!;
    R[VR] = R[VR]! - R[SR]! - (lo < 0 ? 1 : 0);
    R[VR + 1] = lo;
    setFloat(0, VR, vE - 63, vErr + 2);
  }
  if (sign !== 0) return;
  // x + ln(1 + v) at scale 2^-59 (x < 16).
  const lE = fx.e;
  const lErr = fx.err;
  const lsh = 4 - lE;
  R[SR] = R[FX]!;
  R[SR + 1] = R[FX + 1]!;
  if (lsh >= 32) {
    R[SR + 1] = lsh >= 64 ? 0 : R[SR]! >>> (lsh - 32);
    R[SR] = 0;
  } else {
    shr64(SR, lsh);
  }
  // x·2^59 = m·2^(E+59), E + 59 in −91 … 35 (m < 2^24, x < 16).
  const xs = E + 59;
  let xHi = 0;
  let xLo = 0;
  if (xs >= 32) xHi = m << (xs - 32);
  else if (xs > 0) {
    xHi = m >>> (32 - xs);
    xLo = (m << xs) >>> 0;
  } else if (xs > -32) xLo = m >>> -xs;
  const sLo = R[SR + 1]! + xLo;
  R[SR] = R[SR]! + xHi + (sLo >= 0x100000000 ? 1 : 0);
  R[SR + 1] = sLo;
  setFloat(0, SR, -59, (lErr >>> (lsh < 31 ? lsh : 31)) + 3);
}

/** 1/k as mp numbers for the series, made once. */
const INV: number[][] = [];
function inverse(k: number): number[] {
  let v = INV[k];
  if (v === undefined) {
    v = [0, 0, 0, 0, 0, 0];
    mpDivSmall(v, MP_ONE, k);
    INV[k] = v;
  }
  return v;
}

const E1 = [0, 0, 0, 0, 0, 0];
const W = [0, 0, 0, 0, 0, 0];
const PS = [0, 0, 0, 0, 0, 0];

/** Sign of softplus(x) − b for the recorded boundary b > 0. */
function softplusSlow(sign: number, m: number, E: number): number {
  const p = hardPrecision();
  mpExp2(sign, m, E, MP_LOG2E);
  const n1 = mpExpN;
  mpCopy(E1, MP_F);
  if (sign !== 0 && n1 < -10) {
    // ln(1 + v), v = F·2^n1 < 2^-10: F·(1 − v/2 + v²/3 − …) against b·2^-n1; 16 terms leave v^16/17 < 2^-164.
    mpShr(W, E1, -n1);
    mpCopy(PS, inverse(16));
    for (let k = 15; k >= 1; k--) {
      mpMul(PS, PS, W);
      mpSub(PS, inverse(k), PS);
    }
    mpMul(PS, PS, E1);
    mpSetDyadic(MP_A, hard.b, hard.e - p - n1);
    const c = mpCmp(PS, MP_A);
    return c === 0 ? 1 : c;
  }
  // 1 + e^x against e^b: F1·2^(n1−n2) + 2^-n2 against F2.
  mpExp2(0, hard.b, hard.e - p, MP_LOG2E);
  const n2 = mpExpN;
  const d = n1 - n2;
  if (d >= 0) mpShl(MP_A, E1, d);
  else mpShr(MP_A, E1, -d);
  mpSetDyadic(MP_B, 1, -n2);
  mpAdd(MP_A, MP_A, MP_B);
  const c = mpCmp(MP_A, MP_F);
  return c === 0 ? 1 : c;
}

export function f32_softplus(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  const sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    return sign !== 0 ? 0 : a;
  }
  if (sign === 0 && expA >= 0x83) return roundPackToF32(0, expA - 1, ((sigA | 0x00800000) << 7) + 1);
  if (sign !== 0 && expA >= 0x86) return roundPackToF32(0, -64, 0x40000000);
  // ln 2 lies 0.968 of an ulp above 0x3f317217, and |x/2| < 2^-32 is below 2^-8 ulp: every |x| < 2^-31 rounds as
  // ln 2 itself, whose significand 0x58b90bfb carries round bits 0x7b that no such x can move across a boundary.
  if (expA < 0x60) return roundPackToF32(0, 0x7d, 0x58b90bfb);
  const m = sigA | 0x00800000;
  const E = expA - 150;
  softplusF32(sign, m, E);
  const y = tryFinishF32(0);
  if (y >= 0) return y;
  softplusCore(sign, m, E);
  const z = finishF32(0);
  if (z >= 0) return z;
  return packBoundaryF32(softplusSlow(sign, m, E));
}

export function f16_softplus(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  const sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    return sign !== 0 ? 0 : a;
  }
  if (sign === 0 && expA >= 0x12) return roundPackToF16(0, expA - 1, ((sigA | 0x0400) << 4) + 1);
  if (sign !== 0 && expA >= 0x14) return roundPackToF16(0, -64, 0x4000);
  const m = expA === 0 ? sigA : sigA | 0x0400;
  const E = expA === 0 ? -24 : expA - 25;
  softplusCore(sign, m, E);
  const z = finishF16(0);
  if (z >= 0) return z;
  return packBoundaryF16(softplusSlow(sign, m, E));
}

export function bf16_softplus(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  const sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    return sign !== 0 ? 0 : a;
  }
  if (sign === 0 && expA >= 0x82) return roundPackToBF16(0, expA - 1, ((sigA | 0x0080) << 7) + 1);
  if (sign !== 0 && expA >= 0x86) return roundPackToBF16(0, -64, 0x4000);
  const m = expA === 0 ? sigA : sigA | 0x0080;
  const E = expA === 0 ? -133 : expA - 134;
  softplusCore(sign, m, E);
  const z = finishBF16(0);
  if (z >= 0) return z;
  return packBoundaryBF16(softplusSlow(sign, m, E));
}

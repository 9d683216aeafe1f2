/**
 * Natural logarithm, correctly rounded in every rounding mode, for binary32, binary16 and bfloat16.
 *
 * Method (kernels/log.ts): x = y·2^k with y in [1, 2); a 512-entry table gives c_j ≈ 1/y with r = y·c_j − 1 exact
 * and |r| < 2^-9, and ln x = K·ln 2 + T'_j + ln(1 + r), ln(1 + r) = r·(1 − r/2 + … + r⁶/7) in 64-bit fixed point.
 * Next to 1 (the two intervals around y = 1 with K = 0) the result is ln(1 + r) alone, r exact, relative error
 * below 2^-60; elsewhere the fixed-point sum is within 6 units of 2^-64 of a result of at least 2^-9 (so within
 * 2^-55 relative, 2^-61 once |ln x| >= 1/2). kernels/round.ts rounds unless a boundary b lies within the bound; then
 * kernels/slow.ts decides by comparing x with e^b in 160-bit arithmetic.
 *
 * Special cases (IEEE 754-2019 §9.2): ln(±0) = −∞ with divide-by-zero, ln(x < 0) and ln(−∞) invalid (default NaN),
 * ln(+∞) = +∞, ln(1) = +0 exactly (the only exact case), NaN propagated.
 */
import { env, flag_infinite, flag_invalid } from '../env/environment.js';
import { subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import {
  invalidNaNBF16,
  invalidNaNF16,
  invalidNaNF32,
  propagateNaNBF16,
  propagateNaNF16,
  propagateNaNF32,
} from '../formats/specialize.js';
import { R } from './kernels/fixed.js';
import { LOG_Y, lnValue, logReduce } from './kernels/log.js';
import { finishBF16, finishF16, finishF32, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './kernels/round.js';
import { BY_LOG2E } from './kernels/exp2.js';
import { slowLogCmp } from './kernels/slow.js';

export function f32_log(a: number): number {
  const sign = a >>> 31;
  let expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    if (sign === 0) return a;
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  if (expA === 0) {
    if (sigA === 0) {
      env.flags |= flag_infinite;
      return 0xff800000;
    }
    expA = subnormalExpF32(sigA);
    sigA = subnormalSigF32(sigA);
  }
  if (sign !== 0) {
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  if (a === 0x3f800000) return 0;
  const m = sigA | 0x00800000;
  R[LOG_Y] = m << 8;
  R[LOG_Y + 1] = 0;
  logReduce(expA - 127);
  const neg = lnValue();
  const z = finishF32(neg);
  if (z >= 0) return z;
  return packBoundaryF32(slowLogCmp(neg, m, expA - 150, 0, false, BY_LOG2E));
}

export function f16_log(a: number): number {
  const sign = a >>> 15;
  let expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    if (sign === 0) return a;
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  if (expA === 0) {
    if (sigA === 0) {
      env.flags |= flag_infinite;
      return 0xfc00;
    }
    expA = subnormalExpF16(sigA);
    sigA = subnormalSigF16(sigA);
  }
  if (sign !== 0) {
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  if (a === 0x3c00) return 0;
  const m = sigA | 0x0400;
  R[LOG_Y] = m << 21;
  R[LOG_Y + 1] = 0;
  logReduce(expA - 15);
  const neg = lnValue();
  const z = finishF16(neg);
  if (z >= 0) return z;
  return packBoundaryF16(slowLogCmp(neg, m, expA - 25, 0, false, BY_LOG2E));
}

export function bf16_log(a: number): number {
  const sign = a >>> 15;
  let expA = (a >>> 7) & 0xff;
  let sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    if (sign === 0) return a;
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  if (expA === 0) {
    if (sigA === 0) {
      env.flags |= flag_infinite;
      return 0xff80;
    }
    expA = subnormalExpBF16(sigA);
    sigA = subnormalSigBF16(sigA);
  }
  if (sign !== 0) {
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  if (a === 0x3f80) return 0;
  const m = sigA | 0x0080;
  R[LOG_Y] = m << 24;
  R[LOG_Y + 1] = 0;
  logReduce(expA - 127);
  const neg = lnValue();
  const z = finishBF16(neg);
  if (z >= 0) return z;
  return packBoundaryBF16(slowLogCmp(neg, m, expA - 134, 0, false, BY_LOG2E));
}

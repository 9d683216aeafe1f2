/**
 * Base-2 logarithm, correctly rounded in every rounding mode, for binary32, binary16 and bfloat16.
 *
 * Method (kernels/log.ts): x = y·2^k, a 512-entry table with r = y·c_j − 1 exact and |r| < 2^-9, and
 * log2 x = K + (T'_j + ln(1 + r))·log2 e, ln(1 + r) by its degree-7 series in 64-bit fixed point. Next to x = 1 the
 * result is ln(1 + r)·log2 e alone (relative error below 2^-59); elsewhere the sum is formed exactly at scale 2^-63
 * from parts within 6 units, the result being at least 2^-8.5 (so relative error below 2^-52, and below 2^-60 for
 * |log2 x| >= 1). kernels/round.ts rounds unless a boundary b lies within the bound; then kernels/slow.ts compares x
 * with 2^b in 160-bit arithmetic.
 *
 * Exact results: log2 of a power of two 2^n is n, converted exactly by i32_to_F (|n| < 150 fits every format); these
 * are the only exact cases, as any other x makes log2 x irrational. Special cases (IEEE 754-2019 §9.2): log2(±0) = −∞ with divide-by-zero, log2(x < 0) and log2(−∞)
 * invalid (default NaN), log2(+∞) = +∞, log2(1) = +0, NaN propagated.
 */
import { env, flag_infinite, flag_invalid } from '../env/environment.js';
import { subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { i32_to_bf16 } from '../formats/convert/i32_to_bf16.js';
import { i32_to_f16 } from '../formats/convert/i32_to_f16.js';
import { i32_to_f32 } from '../formats/convert/i32_to_f32.js';
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
import { LOG_Y, log2Value, logReduce } from './kernels/log.js';
import { finishBF16, finishF16, finishF32, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './kernels/round.js';
import { BY_ONE } from './kernels/exp2.js';
import { slowLogCmp } from './kernels/slow.js';

export function f32_log2(a: number): number {
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
  if ((sigA & 0x007fffff) === 0) return i32_to_f32(expA - 127);
  const m = sigA | 0x00800000;
  R[LOG_Y] = m << 8;
  R[LOG_Y + 1] = 0;
  logReduce(expA - 127);
  const neg = log2Value();
  const z = finishF32(neg);
  if (z >= 0) return z;
  return packBoundaryF32(slowLogCmp(neg, m, expA - 150, 0, false, BY_ONE));
}

export function f16_log2(a: number): number {
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
  if ((sigA & 0x03ff) === 0) return i32_to_f16(expA - 15);
  const m = sigA | 0x0400;
  R[LOG_Y] = m << 21;
  R[LOG_Y + 1] = 0;
  logReduce(expA - 15);
  const neg = log2Value();
  const z = finishF16(neg);
  if (z >= 0) return z;
  return packBoundaryF16(slowLogCmp(neg, m, expA - 25, 0, false, BY_ONE));
}

export function bf16_log2(a: number): number {
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
  if ((sigA & 0x007f) === 0) return i32_to_bf16(expA - 127);
  const m = sigA | 0x0080;
  R[LOG_Y] = m << 24;
  R[LOG_Y + 1] = 0;
  logReduce(expA - 127);
  const neg = log2Value();
  const z = finishBF16(neg);
  if (z >= 0) return z;
  return packBoundaryBF16(slowLogCmp(neg, m, expA - 134, 0, false, BY_ONE));
}

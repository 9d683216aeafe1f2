/**
 * Base-10 logarithm for binary32, binary16 and bfloat16: correctly rounded in every rounding mode (the binary32
 * requirement is 1 ulp; it is met with room to spare).
 *
 * Method (kernels/log.ts): x = y·2^k, a 512-entry table with r = y·c_j − 1 exact and |r| < 2^-9, and
 * log10 x = K·log10 2 + (T'_j + ln(1 + r))·log10 e, ln(1 + r) by its degree-7 series in 64-bit fixed point. Next to
 * x = 1 the result is ln(1 + r)·log10 e alone (relative error below 2^-59); elsewhere the sum is formed exactly at
 * scale 2^-64 from parts within 6 units. kernels/round.ts rounds unless a boundary b lies within the bound; then
 * kernels/slow.ts compares x with 10^b in 160-bit arithmetic.
 *
 * Exact results: log10(10^n) = n for the powers of ten the format holds exactly (10^0 … 10^10 in binary32, … 10^4
 * in binary16, … 10^3 in bfloat16), recognized by their words; every other x has an irrational logarithm. Special
 * cases (IEEE 754-2019 §9.2): log10(±0) = −∞ with divide-by-zero, log10(x < 0) and log10(−∞) invalid (default NaN),
 * log10(+∞) = +∞, NaN propagated.
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
import { LOG_Y, log10Value, logReduce } from './kernels/log.js';
import { finishBF16, finishF16, finishF32, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './kernels/round.js';
import { BY_LOG2_10 } from './kernels/exp2.js';
import { slowLogCmp } from './kernels/slow.js';

/** The words of 10^0, 10^1, … that each format holds exactly, and the words of 0, 1, 2, … in that format. */
const POW10_F32 = [
  0x3f800000, 0x41200000, 0x42c80000, 0x447a0000, 0x461c4000, 0x47c35000, 0x49742400, 0x4b189680, 0x4cbebc20,
  0x4e6e6b28, 0x501502f9,
];
const INT_F32 = [
  0x00000000, 0x3f800000, 0x40000000, 0x40400000, 0x40800000, 0x40a00000, 0x40c00000, 0x40e00000, 0x41000000,
  0x41100000, 0x41200000,
];
const POW10_F16 = [0x3c00, 0x4900, 0x5640, 0x63d0, 0x70e2];
const INT_F16 = [0x0000, 0x3c00, 0x4000, 0x4200, 0x4400];
const POW10_BF16 = [0x3f80, 0x4120, 0x42c8, 0x447a];
const INT_BF16 = [0x0000, 0x3f80, 0x4000, 0x4040];

/** If a is one of the words in `powers`, the word of its exponent n; else -1. */
function powerOfTen(a: number, powers: readonly number[]): number {
  for (let n = 0; n < powers.length; n++) {
    if (powers[n] === a) return (powers === POW10_F32 ? INT_F32 : powers === POW10_F16 ? INT_F16 : INT_BF16)[n]!;
  }
  return -1;
}

export function f32_log10(a: number): number {
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
  const n32 = powerOfTen(a, POW10_F32);
  if (n32 >= 0) return n32;
  const m = sigA | 0x00800000;
  R[LOG_Y] = m << 8;
  R[LOG_Y + 1] = 0;
  logReduce(expA - 127);
  const neg = log10Value();
  const z = finishF32(neg);
  if (z >= 0) return z;
  return packBoundaryF32(slowLogCmp(neg, m, expA - 150, 0, false, BY_LOG2_10));
}

export function f16_log10(a: number): number {
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
  const n16 = powerOfTen(a, POW10_F16);
  if (n16 >= 0) return n16;
  const m = sigA | 0x0400;
  R[LOG_Y] = m << 21;
  R[LOG_Y + 1] = 0;
  logReduce(expA - 15);
  const neg = log10Value();
  const z = finishF16(neg);
  if (z >= 0) return z;
  return packBoundaryF16(slowLogCmp(neg, m, expA - 25, 0, false, BY_LOG2_10));
}

export function bf16_log10(a: number): number {
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
  const nb16 = powerOfTen(a, POW10_BF16);
  if (nb16 >= 0) return nb16;
  const m = sigA | 0x0080;
  R[LOG_Y] = m << 24;
  R[LOG_Y + 1] = 0;
  logReduce(expA - 127);
  const neg = log10Value();
  const z = finishBF16(neg);
  if (z >= 0) return z;
  return packBoundaryBF16(slowLogCmp(neg, m, expA - 134, 0, false, BY_LOG2_10));
}

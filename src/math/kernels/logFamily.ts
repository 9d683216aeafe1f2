/**
 * The skeleton log, log2 and log10 share, per format: the IEEE 754-2019 §9.2 special cases (NaN propagated;
 * log(±0) = −∞ with divide-by-zero; negative arguments and −∞ invalid; log(+∞) = +∞), then the function's exact
 * cases, then its 64-bit fixed-point value (kernels/log.ts) rounded by kernels/round.ts, or — when a rounding
 * boundary lies within the error bound — decided by the 160-bit comparison of kernels/slow.ts against base^b.
 *
 * `exact(a, expA, sigA)` sees the argument and its normalized exponent and significand (subnormals normalized) and
 * returns an exact result word, or -1; `value()` evaluates the function after logReduce; `base` selects the base of
 * the slow comparison (BY_LOG2E, BY_ONE, BY_LOG2_10).
 */
import { env, flag_infinite, flag_invalid } from '../../env/environment.js';
import { subnormalExpBF16, subnormalSigBF16 } from '../../formats/bf16/roundPack.js';
import { subnormalExpF16, subnormalSigF16 } from '../../formats/f16/roundPack.js';
import { subnormalExpF32, subnormalSigF32 } from '../../formats/f32/roundPack.js';
import {
  invalidNaNBF16,
  invalidNaNF16,
  invalidNaNF32,
  propagateNaNBF16,
  propagateNaNF16,
  propagateNaNF32,
} from '../../formats/specialize.js';
import { R } from './fixed.js';
import { LOG_Y, logReduce } from './log.js';
import { finishBF16, finishF16, finishF32, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './round.js';
import { slowLogCmp } from './slow.js';

export type ExactLog = (a: number, expA: number, sigA: number) => number;

export function logFamilyF32(a: number, exact: ExactLog, value: () => number, base: number): number {
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
  const exactResult = exact(a, expA, sigA);
  if (exactResult >= 0) return exactResult;
  const m = sigA | 0x00800000;
  R[LOG_Y] = m << 8;
  R[LOG_Y + 1] = 0;
  logReduce(expA - 127);
  const neg = value();
  const z = finishF32(neg);
  if (z >= 0) return z;
  return packBoundaryF32(slowLogCmp(neg, m, expA - 150, 0, false, base));
}

export function logFamilyF16(a: number, exact: ExactLog, value: () => number, base: number): number {
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
  const exactResult = exact(a, expA, sigA);
  if (exactResult >= 0) return exactResult;
  const m = sigA | 0x0400;
  R[LOG_Y] = m << 21;
  R[LOG_Y + 1] = 0;
  logReduce(expA - 15);
  const neg = value();
  const z = finishF16(neg);
  if (z >= 0) return z;
  return packBoundaryF16(slowLogCmp(neg, m, expA - 25, 0, false, base));
}

export function logFamilyBF16(a: number, exact: ExactLog, value: () => number, base: number): number {
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
  const exactResult = exact(a, expA, sigA);
  if (exactResult >= 0) return exactResult;
  const m = sigA | 0x0080;
  R[LOG_Y] = m << 24;
  R[LOG_Y + 1] = 0;
  logReduce(expA - 127);
  const neg = value();
  const z = finishBF16(neg);
  if (z >= 0) return z;
  return packBoundaryBF16(slowLogCmp(neg, m, expA - 134, 0, false, base));
}

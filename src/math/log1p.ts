/**
 * ln(1 + x) for binary32, binary16 and bfloat16: correctly rounded in every rounding mode (the binary32 requirement
 * is 1 ulp; it is met with room to spare).
 *
 * Method (kernels/log.ts): for |x| < 2^-9 the series kernel takes r = x itself, exact, scaled up so that ln(1 + x)
 * keeps a relative error below 2^-60 however small x is. Otherwise 1 + x is formed exactly as a 64-bit integer
 * times a power of two (for x beyond 2^40 the 1 falls below the 64 bits kept, moving the logarithm by less than
 * 2^-64), and the logarithm kernel reduces it by its 512-entry table: ln(1 + x) = K·ln 2 + T'_j + ln(1 + r), within
 * 6 units of 2^-64 of a result of at least 2^-9. kernels/round.ts rounds unless a boundary b lies within the bound;
 * then kernels/slow.ts compares 1 + x with e^b in 160-bit arithmetic.
 *
 * Special cases (IEEE 754-2019 §9.2): log1p(±0) = ±0, log1p(−1) = −∞ with divide-by-zero, log1p(x < −1) and
 * log1p(−∞) invalid (default NaN), log1p(+∞) = +∞, NaN propagated. |x| below 2^-(p+2): ln(1 + x) = x − x²/2 + …
 * lies just below x, within a quarter ulp, so x nudged down (toward −∞) by a sticky unit.
 */
import { env, flag_infinite, flag_invalid } from '../env/environment.js';
import { roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16, subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import {
  invalidNaNBF16,
  invalidNaNF16,
  invalidNaNF32,
  propagateNaNBF16,
  propagateNaNF16,
  propagateNaNF32,
} from '../formats/specialize.js';
import { clz32 } from '../primitives/integer.js';
import { BY_LOG2E } from './kernels/exp2.js';
import { R } from './kernels/fixed.js';
import { LOG_Y, lnValue, logReduce, logSmall } from './kernels/log.js';
import { finishBF16, finishF16, finishF32, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './kernels/round.js';
import { slowLogCmp } from './kernels/slow.js';

/** A register pair for the small argument. */
const SMALL = 60;

/**
 * The float register = |ln(1 + x)| for x = (−1)^sign·m·2^E, m < 2^24 with its leading bit at 2^(bits−1), x > −1 and
 * |x| >= 2^-(bits+1); returns 1 if the result is negative.
 */
function log1pCore(sign: number, m: number, E: number, bits: number): number {
  const top = bits + E;
  if (top <= -9) {
    // |x| < 2^-9: r = x, U = m·2^(E+73+s) with its leading bit at 2^63 (s <= 21 by the callers' tiny threshold).
    let s = 64 - 73 - top;
    if (s > 21) s = 21;
    const sh = E + 73 + s;
    // m·2^sh with sh in 24 … 64 − bits.
    R[SMALL] = sh >= 32 ? m << (sh - 32) : m >>> (32 - sh);
    R[SMALL + 1] = sh >= 32 ? 0 : m << sh;
    logSmall(SMALL, s, sign);
    return lnValue();
  }
  // V = 1 + x exactly as (hi:lo)·2^q.
  let hi: number;
  let lo: number;
  let q: number;
  if (E < 0) {
    // 1 + x = (2^-E ± m)·2^E with −E <= 32 + bits.
    const ne = -E;
    let oneHi = 0;
    let oneLo = 0;
    if (ne >= 32) oneHi = 1 << (ne - 32);
    else oneLo = 1 << ne;
    if (sign === 0) {
      const l = (oneLo >>> 0) + m;
      lo = l >>> 0;
      hi = (oneHi >>> 0) + (l >= 0x100000000 ? 1 : 0);
    } else {
      const l = (oneLo >>> 0) - m;
      lo = l >>> 0;
      hi = (oneHi >>> 0) - (l < 0 ? 1 : 0);
    }
    q = E;
  } else if (E <= 63 - bits) {
    // m·2^E + 1, exact in 64 bits.
    if (E >= 32) {
      hi = m << (E - 32);
      lo = 1;
    } else {
      hi = E === 0 ? 0 : m >>> (32 - E);
      lo = ((m << E) >>> 0) + 1;
      if (lo >= 0x100000000) {
        lo >>>= 0;
        hi++;
      }
    }
    q = 0;
  } else {
    // The 1 is below the 64 bits kept.
    hi = m << (63 - bits - 32);
    lo = 0;
    q = E - (63 - bits);
  }
  hi >>>= 0;
  lo >>>= 0;
  const lz = hi !== 0 ? clz32(hi) : 32 + clz32(lo);
  if (lz >= 32) {
    R[LOG_Y] = lo << (lz - 32);
    R[LOG_Y + 1] = 0;
  } else if (lz === 0) {
    R[LOG_Y] = hi;
    R[LOG_Y + 1] = lo;
  } else {
    R[LOG_Y] = (hi << lz) | (lo >>> (32 - lz));
    R[LOG_Y + 1] = lo << lz;
  }
  logReduce(63 - lz + q);
  return lnValue();
}

export function f32_log1p(a: number): number {
  const sign = a >>> 31;
  let expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    if (sign === 0) return a;
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  if (sign !== 0 && expA >= 0x7f) {
    if (a === 0xbf800000) {
      env.flags |= flag_infinite;
      return 0xff800000;
    }
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  if (expA < 0x7f - 26) {
    if ((expA | sigA) === 0) return a;
    if (expA === 0) {
      expA = subnormalExpF32(sigA);
      sigA = subnormalSigF32(sigA);
    }
    if (sign !== 0) return roundPackToF32(1, expA - 1, (((sigA | 0x00800000) << 7) + 1) >>> 0);
    if ((sigA & 0x007fffff) === 0) return roundPackToF32(0, expA - 2, 0x7ffffffe);
    return roundPackToF32(0, expA - 1, (((sigA | 0x00800000) << 7) - 1) >>> 0);
  }
  const m = sigA | 0x00800000;
  const E = expA - 150;
  const neg = log1pCore(sign, m, E, 24);
  const z = finishF32(neg);
  if (z >= 0) return z;
  return packBoundaryF32(slowLogCmp(neg, m, E, sign, true, BY_LOG2E));
}

export function f16_log1p(a: number): number {
  const sign = a >>> 15;
  let expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    if (sign === 0) return a;
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  if (sign !== 0 && expA >= 0xf) {
    if (a === 0xbc00) {
      env.flags |= flag_infinite;
      return 0xfc00;
    }
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  if (expA < 0xf - 13) {
    if ((expA | sigA) === 0) return a;
    if (expA === 0) {
      expA = subnormalExpF16(sigA);
      sigA = subnormalSigF16(sigA);
    }
    if (sign !== 0) return roundPackToF16(1, expA - 1, ((sigA | 0x0400) << 4) + 1);
    if ((sigA & 0x03ff) === 0) return roundPackToF16(0, expA - 2, 0x7ffe);
    return roundPackToF16(0, expA - 1, ((sigA | 0x0400) << 4) - 1);
  }
  const m = sigA | 0x0400;
  const E = expA - 25;
  const neg = log1pCore(sign, m, E, 11);
  const z = finishF16(neg);
  if (z >= 0) return z;
  return packBoundaryF16(slowLogCmp(neg, m, E, sign, true, BY_LOG2E));
}

export function bf16_log1p(a: number): number {
  const sign = a >>> 15;
  let expA = (a >>> 7) & 0xff;
  let sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    if (sign === 0) return a;
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  if (sign !== 0 && expA >= 0x7f) {
    if (a === 0xbf80) {
      env.flags |= flag_infinite;
      return 0xff80;
    }
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  if (expA < 0x7f - 10) {
    if ((expA | sigA) === 0) return a;
    if (expA === 0) {
      expA = subnormalExpBF16(sigA);
      sigA = subnormalSigBF16(sigA);
    }
    if (sign !== 0) return roundPackToBF16(1, expA - 1, ((sigA | 0x0080) << 7) + 1);
    if ((sigA & 0x007f) === 0) return roundPackToBF16(0, expA - 2, 0x7ffe);
    return roundPackToBF16(0, expA - 1, ((sigA | 0x0080) << 7) - 1);
  }
  const m = sigA | 0x0080;
  const E = expA - 134;
  const neg = log1pCore(sign, m, E, 8);
  const z = finishBF16(neg);
  if (z >= 0) return z;
  return packBoundaryBF16(slowLogCmp(neg, m, E, sign, true, BY_LOG2E));
}

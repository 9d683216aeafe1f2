/**
 * 10^x for binary32, binary16 and bfloat16: correctly rounded in every rounding mode (the binary32 requirement is
 * 1 ulp; it is met with room to spare).
 *
 * Method: the exponential core (kernels/exp2.ts) with t = x·log2(10), log2(10) carried to 96 bits (its rounding
 * moves t by under |t|·2^-95): t = n + j/256 + r, table and degree-6 polynomial in 64-bit fixed point, 2^t within
 * 2 units of its 64-bit significand (relative error below 2^-62; the argument is in that file's header).
 * kernels/round.ts rounds it unless a rounding boundary lies within the bound; then kernels/slow.ts decides with
 * 160-bit arithmetic.
 *
 * Exact results: for an integer x >= 0, 10^x = 5^x·2^x. When 5^x has at most p + 1 bits the value is a representable
 * number or a midpoint, which no approximation can round reliably, so it is rounded from the exact integer 5^x
 * (binary32 x <= 11, binary16 x <= 5, bfloat16 x <= 3). Other arguments give values that are not dyadic. Special
 * cases: 10^±0 = 1, 10^+∞ = +∞, 10^−∞ = +0, NaN propagated; |x| below 2^-(p+3) gives 1 nudged toward x's side
 * (10^x − 1 < 2.31·|x| is below a quarter ulp); x far outside the range overflows or underflows in roundPack.
 */
import { roundPackToBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32 } from '../formats/f32/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import { clz32 } from '../primitives/integer.js';
import { BY_LOG2_10, exp2Value, expReduce } from './kernels/exp2.js';
import { finishBF16, finishF16, finishF32, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './kernels/round.js';
import { slowExpCmp } from './kernels/slow.js';

/** 5^k for k = 0 … 11. */
const POW5 = [1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125, 9765625, 48828125];

/** For x = m·2^E (E < 0): k if x is an integer k in 0 … maxK, else -1. */
function smallInteger(sign: number, m: number, E: number, maxK: number): number {
  if (sign !== 0 || E <= -32 || (m & ((1 << -E) - 1)) !== 0) return -1;
  const k = m >>> -E;
  return k <= maxK ? k : -1;
}

/**
 * 10^k = 5^k·2^k as a significand with its leading bit at 2^30 and the exponent of that bit: returns the
 * significand, leaves the exponent in `pow10Exp`.
 */
let pow10Exp = 0;
function pow10(k: number): number {
  const f = POW5[k]!;
  const lz = clz32(f);
  pow10Exp = k + 31 - lz;
  return (f << (lz - 1)) >>> 0;
}

export function f32_exp10(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  const sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    return sign !== 0 ? 0 : a;
  }
  if (expA < 0x7f - 27) {
    if ((expA | sigA) === 0) return 0x3f800000;
    return roundPackToF32(0, 0x7e, sign !== 0 ? 0x3fffffff : 0x40000001);
  }
  if (expA >= 0x85) return roundPackToF32(0, sign !== 0 ? -64 : 0x1ff, 0x40000000);
  const m = sigA | 0x00800000;
  const E = expA - 150;
  const k = smallInteger(sign, m, E, 11);
  if (k >= 0) {
    const sig = pow10(k);
    return roundPackToF32(0, pow10Exp + 126, sig);
  }
  expReduce(sign, m, E, BY_LOG2_10, false);
  exp2Value();
  const z = finishF32(0);
  if (z >= 0) return z;
  return packBoundaryF32(slowExpCmp(sign, m, E, BY_LOG2_10));
}

export function f16_exp10(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  const sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    return sign !== 0 ? 0 : a;
  }
  if (expA < 0xf - 14) {
    if ((expA | sigA) === 0) return 0x3c00;
    return roundPackToF16(0, 0xe, sign !== 0 ? 0x3fff : 0x4001);
  }
  if (expA >= 0x12) return roundPackToF16(0, sign !== 0 ? -64 : 0x3f, 0x4000);
  const m = sigA | 0x0400;
  const E = expA - 25;
  const k = smallInteger(sign, m, E, 5);
  if (k >= 0) {
    const sig = pow10(k);
    // 5^5 has 12 bits: keep 15 with the rest (none) below.
    return roundPackToF16(0, pow10Exp + 14, sig >>> 16);
  }
  expReduce(sign, m, E, BY_LOG2_10, false);
  exp2Value();
  const z = finishF16(0);
  if (z >= 0) return z;
  return packBoundaryF16(slowExpCmp(sign, m, E, BY_LOG2_10));
}

export function bf16_exp10(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  const sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    return sign !== 0 ? 0 : a;
  }
  if (expA < 0x7f - 11) {
    if ((expA | sigA) === 0) return 0x3f80;
    return roundPackToBF16(0, 0x7e, sign !== 0 ? 0x3fff : 0x4001);
  }
  if (expA >= 0x85) return roundPackToBF16(0, sign !== 0 ? -64 : 0x1ff, 0x4000);
  const m = sigA | 0x0080;
  const E = expA - 134;
  const k = smallInteger(sign, m, E, 3);
  if (k >= 0) {
    const sig = pow10(k);
    return roundPackToBF16(0, pow10Exp + 126, sig >>> 16);
  }
  expReduce(sign, m, E, BY_LOG2_10, false);
  exp2Value();
  const z = finishBF16(0);
  if (z >= 0) return z;
  return packBoundaryBF16(slowExpCmp(sign, m, E, BY_LOG2_10));
}

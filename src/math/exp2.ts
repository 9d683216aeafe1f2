/**
 * 2^x, correctly rounded in every rounding mode, for binary32, binary16 and bfloat16.
 *
 * Method: the exponential core (kernels/exp2.ts) with the argument taken exactly (t = x, multiplier 1): t = n + j/256
 * + r, a 256-entry table of 2^(j/256) and a degree-6 polynomial for 2^r − 1 in 64-bit fixed point, giving 2^t within
 * 2 units of its 64-bit significand (relative error below 2^-62; the argument is in that file's header).
 * kernels/round.ts rounds it unless a rounding boundary lies within the bound; then the slow path (kernels/slow.ts)
 * decides with 160-bit arithmetic.
 *
 * Special cases (IEEE 754-2019 §9.2): 2^±0 = 1, 2^+∞ = +∞, 2^−∞ = +0, NaN propagated. An integer x gives the exact
 * power of two (no flag unless it overflows, or underflows inexactly, which roundPack decides). |x| below 2^-(p+2)
 * gives 1 nudged toward x's side by a sticky unit (2^x − 1 is below x·ln 2 < a quarter ulp); x far outside the range
 * gives an out-of-range exponent to roundPack (overflow or underflow by the rounding mode).
 */
import { roundPackToBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32 } from '../formats/f32/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import { BY_ONE, exp2Value, expReduce } from './kernels/exp2.js';
import { finishBF16, finishF16, finishF32, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './kernels/round.js';
import { slowExpCmp } from './kernels/slow.js';

/** For x = m·2^E (m with its implicit bit, E < 0): the integer x if x is one, else 0x7fffffff. */
function integerValue(sign: number, m: number, E: number): number {
  if (E <= -32 || (m & ((1 << -E) - 1)) !== 0) return 0x7fffffff;
  const n = m >>> -E;
  return sign !== 0 ? -n : n;
}

export function f32_exp2(a: number): number {
  const sign = a >>> 31;
  const expA = (a >>> 23) & 0xff;
  const sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    return sign !== 0 ? 0 : a;
  }
  if (expA < 0x7f - 26) {
    if ((expA | sigA) === 0) return 0x3f800000;
    return roundPackToF32(0, 0x7e, sign !== 0 ? 0x3fffffff : 0x40000001);
  }
  if (expA >= 0x87) return roundPackToF32(0, sign !== 0 ? -64 : 0x1ff, 0x40000000);
  const m = sigA | 0x00800000;
  const E = expA - 150;
  const n = integerValue(sign, m, E);
  if (n !== 0x7fffffff) return roundPackToF32(0, n + 126, 0x40000000);
  expReduce(sign, m, E, BY_ONE, false);
  exp2Value();
  const z = finishF32(0);
  if (z >= 0) return z;
  return packBoundaryF32(slowExpCmp(sign, m, E, BY_ONE));
}

export function f16_exp2(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 10) & 0x1f;
  const sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    return sign !== 0 ? 0 : a;
  }
  if (expA < 0xf - 13) {
    if ((expA | sigA) === 0) return 0x3c00;
    return roundPackToF16(0, 0xe, sign !== 0 ? 0x3fff : 0x4001);
  }
  if (expA >= 0x14) return roundPackToF16(0, sign !== 0 ? -64 : 0x3f, 0x4000);
  const m = sigA | 0x0400;
  const E = expA - 25;
  const n = integerValue(sign, m, E);
  if (n !== 0x7fffffff) return roundPackToF16(0, n + 14, 0x4000);
  expReduce(sign, m, E, BY_ONE, false);
  exp2Value();
  const z = finishF16(0);
  if (z >= 0) return z;
  return packBoundaryF16(slowExpCmp(sign, m, E, BY_ONE));
}

export function bf16_exp2(a: number): number {
  const sign = a >>> 15;
  const expA = (a >>> 7) & 0xff;
  const sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    return sign !== 0 ? 0 : a;
  }
  if (expA < 0x7f - 10) {
    if ((expA | sigA) === 0) return 0x3f80;
    return roundPackToBF16(0, 0x7e, sign !== 0 ? 0x3fff : 0x4001);
  }
  if (expA >= 0x87) return roundPackToBF16(0, sign !== 0 ? -64 : 0x1ff, 0x4000);
  const m = sigA | 0x0080;
  const E = expA - 134;
  const n = integerValue(sign, m, E);
  if (n !== 0x7fffffff) return roundPackToBF16(0, n + 126, 0x4000);
  expReduce(sign, m, E, BY_ONE, false);
  exp2Value();
  const z = finishBF16(0);
  if (z >= 0) return z;
  return packBoundaryBF16(slowExpCmp(sign, m, E, BY_ONE));
}

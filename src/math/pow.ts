/**
 * pow(x, y) = x^y for binary32, binary16 and bfloat16: correctly rounded in every rounding mode for binary16 and
 * bfloat16, within 0.5 + 2^-21 ulp for binary32 (correctly rounded there too except, rarely, within 2^-45 of a
 * rounding boundary).
 *
 * Method (kernels/pow.ts): first the exact cases. x^y is a dyadic number only when x = 2^e with e·y an integer, or
 * y > 0 and x = w^(2^k) for a dyadic w where y·2^k is an odd integer n (k = 0: y an integer); then x^y = w^n, which
 * is computed exactly when its odd part has fewer than 31 bits (15 for the 16-bit formats), and rounded once by
 * roundPack: exact results (2^10, 3^2, 9^1.5, 0.25^0.5, 4^-0.5, …) raise no flag, and results that are exactly a
 * midpoint of the format round by the mode's tie rule. Every other x^y is no rounding boundary of the format.
 * The rest is e^(y·ln|x|): ln|x| from the logarithm core to a few units of 2^-64 (relatively 2^-52.5 at worst,
 * 2^-58 next to x = 1), times y exactly (an 88-bit product), then e^t as e^t1 (the exponential core, t1 the top 25
 * bits of t) times e^t2 (a three-term series for the rest), with an error bound that follows the error of ln|x|
 * through the product: within 2^-45 relative in the worst case, usually far better (the proof is in
 * kernels/pow.ts). kernels/round.ts rounds it when no rounding boundary lies within the bound.
 * binary16 and bfloat16: the bound was found sufficient for every one of the 2^32 operand pairs of each format (an
 * exhaustive run in round to nearest, see test/math/pow.test.ts, which checks on its pairs in every mode that the
 * undecided path is never taken), so they are correctly rounded. binary32: an undecided case (|x|^y within 2^-45
 * relative of a rounding boundary it is not equal to) rounds the approximation itself, which is then at most 2^-21
 * ulp beyond the half ulp.
 * |y·ln|x|| >= 2^7 (2^5 for binary16) overflows or underflows in every mode (roundPack decides), and below
 * 2^-(p+2) the result rounds as 1 nudged up or down, as for exp2.
 *
 * Special cases (IEEE 754-2019 §9.2.1, C Annex F.10.4.4; NaN results through specialize.ts):
 *   pow(x, ±0) = 1 for any x, even a quiet NaN; pow(+1, y) = 1 for any y, even a quiet NaN; a signaling NaN there is
 *   still an invalid operand (IEEE 754-2019 §6.2, as glibc does): pow(sNaN, 0) and pow(1, sNaN) give the quieted NaN
 *   with invalid. Otherwise a NaN operand gives a NaN (first NaN of x, y).
 *   pow(x, ±∞): 1 for x = −1; +0 when (|x| < 1) = (y = +∞), +∞ otherwise; pow(±0, −∞) = +∞ with no exception.
 *   pow(±∞, y): y > 0 gives +∞, y < 0 gives +0, signed −∞ / −0 for x = −∞ and y an odd integer.
 *   pow(±0, y): y > 0 gives +0 (−0 for x = −0 and y an odd integer); y < 0 gives +∞ (−∞ for x = −0 and y an odd
 *   integer) with divide-by-zero.
 *   x < 0 finite: y an integer gives ±|x|^y, negative for odd y; any other y is invalid (default NaN).
 *   pow(−1, y) for an integer y is ±1 exactly. Overflow and underflow as roundPack raises them, in every mode.
 */
import { env, flag_infinite, flag_invalid } from '../env/environment.js';
import {
  normRoundPackToBF16,
  roundPackToBF16,
  subnormalExpBF16,
  subnormalSigBF16,
} from '../formats/bf16/roundPack.js';
import { normRoundPackToF16, roundPackToF16, subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { normRoundPackToF32, roundPackToF32, subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import {
  invalidNaNBF16,
  invalidNaNF16,
  invalidNaNF32,
  isSignalingNaNBF16,
  isSignalingNaNF16,
  isSignalingNaNF32,
  propagateNaNBF16,
  propagateNaNF16,
  propagateNaNF32,
} from '../formats/specialize.js';
import { R } from './kernels/fixed.js';
import { FX, fx } from './kernels/float.js';
import {
  POW_NEAR_ONE_ABOVE,
  POW_OVERFLOW,
  POW_UNDERFLOW,
  powExact,
  powExactResult,
  powValue,
} from './kernels/pow.js';
import { finishBF16, finishF16, finishF32 } from './kernels/round.js';

/**
 * What kind of number y = m·2^e is (m > 0 with its implicit bit, below 2^p): 0 not an integer, 1 an even integer,
 * 2 an odd integer.
 */
function integerKind(m: number, e: number): number {
  if (e >= 0) return e === 0 ? 1 + (m & 1) : 1;
  if (e <= -31 || (m & ((1 << -e) - 1)) !== 0) return 0;
  return 1 + ((m >>> -e) & 1);
}

export function f32_pow(a: number, b: number): number {
  const signA = a >>> 31;
  let expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  const signB = b >>> 31;
  const expB = (b >>> 23) & 0xff;
  const sigB = b & 0x007fffff;
  if ((expB | sigB) === 0) return isSignalingNaNF32(a) ? propagateNaNF32(a, b) : 0x3f800000;
  if (a === 0x3f800000) return isSignalingNaNF32(b) ? propagateNaNF32(a, b) : 0x3f800000;
  if ((expA === 0xff && sigA !== 0) || (expB === 0xff && sigB !== 0)) return propagateNaNF32(a, b);
  const magA = (a & 0x7fffffff) >>> 0;
  if (expB === 0xff) {
    if (magA === 0x3f800000) return 0x3f800000;
    return magA < 0x3f800000 === (signB === 0) ? 0 : 0x7f800000;
  }
  const my = expB === 0 ? sigB : sigB | 0x00800000;
  const ey = expB === 0 ? -149 : expB - 150;
  const kind = integerKind(my, ey);
  const sign = signA & (kind >>> 1);
  if (expA === 0xff) return signB === 0 ? ((sign << 31) | 0x7f800000) >>> 0 : (sign << 31) >>> 0;
  if (magA === 0) {
    if (signB === 0) return (sign << 31) >>> 0;
    env.flags |= flag_infinite;
    return ((sign << 31) | 0x7f800000) >>> 0;
  }
  if (signA !== 0 && kind === 0) {
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  if (magA === 0x3f800000) return ((sign << 31) | 0x3f800000) >>> 0;
  if (expA === 0) {
    expA = subnormalExpF32(sigA);
    sigA = subnormalSigF32(sigA);
  }
  const mx = sigA | 0x00800000;
  const ex = expA - 150;
  if (powExact(mx, ex, signB, my, ey, 31)) return normRoundPackToF32(sign, powExactResult.f + 156, powExactResult.v);
  const c = powValue(mx, ex, signB, my, ey, -27, 7);
  if (c !== 0) {
    if (c === POW_OVERFLOW) return roundPackToF32(sign, 0x1ff, 0x40000000);
    if (c === POW_UNDERFLOW) return roundPackToF32(sign, -64, 0x40000000);
    return roundPackToF32(sign, 0x7e, c === POW_NEAR_ONE_ABOVE ? 0x40000001 : 0x3fffffff);
  }
  const z = finishF32(sign);
  if (z >= 0) return z;
  return roundPackToF32(sign, fx.e + 126, (R[FX]! >>> 1) | 1);
}

export function f16_pow(a: number, b: number): number {
  const signA = a >>> 15;
  let expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  const signB = b >>> 15;
  const expB = (b >>> 10) & 0x1f;
  const sigB = b & 0x03ff;
  if ((expB | sigB) === 0) return isSignalingNaNF16(a) ? propagateNaNF16(a, b) : 0x3c00;
  if (a === 0x3c00) return isSignalingNaNF16(b) ? propagateNaNF16(a, b) : 0x3c00;
  if ((expA === 0x1f && sigA !== 0) || (expB === 0x1f && sigB !== 0)) return propagateNaNF16(a, b);
  const magA = a & 0x7fff;
  if (expB === 0x1f) {
    if (magA === 0x3c00) return 0x3c00;
    return magA < 0x3c00 === (signB === 0) ? 0 : 0x7c00;
  }
  const my = expB === 0 ? sigB : sigB | 0x0400;
  const ey = expB === 0 ? -24 : expB - 25;
  const kind = integerKind(my, ey);
  const sign = signA & (kind >>> 1);
  if (expA === 0x1f) return signB === 0 ? (sign << 15) | 0x7c00 : sign << 15;
  if (magA === 0) {
    if (signB === 0) return sign << 15;
    env.flags |= flag_infinite;
    return (sign << 15) | 0x7c00;
  }
  if (signA !== 0 && kind === 0) {
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  if (magA === 0x3c00) return (sign << 15) | 0x3c00;
  if (expA === 0) {
    expA = subnormalExpF16(sigA);
    sigA = subnormalSigF16(sigA);
  }
  const mx = sigA | 0x0400;
  const ex = expA - 25;
  if (powExact(mx, ex, signB, my, ey, 15)) return normRoundPackToF16(sign, powExactResult.f + 28, powExactResult.v);
  const c = powValue(mx, ex, signB, my, ey, -14, 5);
  if (c !== 0) {
    if (c === POW_OVERFLOW) return roundPackToF16(sign, 0x3f, 0x4000);
    if (c === POW_UNDERFLOW) return roundPackToF16(sign, -64, 0x4000);
    return roundPackToF16(sign, 0xe, c === POW_NEAR_ONE_ABOVE ? 0x4001 : 0x3fff);
  }
  const z = finishF16(sign);
  if (z >= 0) return z;
  return roundPackToF16(sign, fx.e + 14, (R[FX]! >>> 17) | 1);
}

export function bf16_pow(a: number, b: number): number {
  const signA = a >>> 15;
  let expA = (a >>> 7) & 0xff;
  let sigA = a & 0x007f;
  const signB = b >>> 15;
  const expB = (b >>> 7) & 0xff;
  const sigB = b & 0x007f;
  if ((expB | sigB) === 0) return isSignalingNaNBF16(a) ? propagateNaNBF16(a, b) : 0x3f80;
  if (a === 0x3f80) return isSignalingNaNBF16(b) ? propagateNaNBF16(a, b) : 0x3f80;
  if ((expA === 0xff && sigA !== 0) || (expB === 0xff && sigB !== 0)) return propagateNaNBF16(a, b);
  const magA = a & 0x7fff;
  if (expB === 0xff) {
    if (magA === 0x3f80) return 0x3f80;
    return magA < 0x3f80 === (signB === 0) ? 0 : 0x7f80;
  }
  const my = expB === 0 ? sigB : sigB | 0x0080;
  const ey = expB === 0 ? -133 : expB - 134;
  const kind = integerKind(my, ey);
  const sign = signA & (kind >>> 1);
  if (expA === 0xff) return signB === 0 ? (sign << 15) | 0x7f80 : sign << 15;
  if (magA === 0) {
    if (signB === 0) return sign << 15;
    env.flags |= flag_infinite;
    return (sign << 15) | 0x7f80;
  }
  if (signA !== 0 && kind === 0) {
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  if (magA === 0x3f80) return (sign << 15) | 0x3f80;
  if (expA === 0) {
    expA = subnormalExpBF16(sigA);
    sigA = subnormalSigBF16(sigA);
  }
  const mx = sigA | 0x0080;
  const ex = expA - 134;
  if (powExact(mx, ex, signB, my, ey, 15)) return normRoundPackToBF16(sign, powExactResult.f + 140, powExactResult.v);
  const c = powValue(mx, ex, signB, my, ey, -11, 7);
  if (c !== 0) {
    if (c === POW_OVERFLOW) return roundPackToBF16(sign, 0x1ff, 0x4000);
    if (c === POW_UNDERFLOW) return roundPackToBF16(sign, -64, 0x4000);
    return roundPackToBF16(sign, 0x7e, c === POW_NEAR_ONE_ABOVE ? 0x4001 : 0x3fff);
  }
  const z = finishBF16(sign);
  if (z >= 0) return z;
  return roundPackToBF16(sign, fx.e + 126, (R[FX]! >>> 17) | 1);
}

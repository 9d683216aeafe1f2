/**
 * Two-argument arctangent atan2(y, x) (y first, as in C) for binary32, binary16 and bfloat16: binary16 and bfloat16
 * correctly rounded in every rounding mode, binary32 within 0.5 + 2^-30 ulp (correctly rounded wherever the Ziv test
 * of kernels/round.ts decides, which it did for every one of 2·10^7 random pairs tried).
 *
 * Method: the result has y's sign. With q the ratio of the smaller to the larger of |y|, |x| (a long division of
 * the significands truncated to 64 bits, kernels/atan.ts),
 *   |y| <= |x|, x > 0:  atan q          |y| <= |x|, x < 0:  π − atan q
 *   |y| >  |x|, x > 0:  π/2 − atan q    |y| >  |x|, x < 0:  π/2 + atan q
 * with atan from the kernel, free of cancellation (all but the first are at least π/4). Relative error: the first
 * below 2^-59.6 for q < 2^-7 and 2^-55.6 otherwise (q is within a unit of its significand), the others below 5
 * units of 2^-62 on at least π/4 (2^-59.3). kernels/round.ts rounds the result; where it cannot decide the
 * approximation is rounded as it stands. binary16 and bfloat16 first take the kernel's one-word fast path (a
 * one-word quotient and the same method to about 2^-23 relative, with its own proven bound and Ziv test) and go to
 * the 64-bit evaluation only for the few roundings it cannot decide; the tests check that kernels/round.ts then
 * always decides. Outside the tiny-ratio path the result depends only on the two significands, the exponent
 * difference and x's sign; a run over every such class (outside the test suite: 1.09·10^8 for binary16, 1.27·10^7
 * for bfloat16, so every pair of words) found all of them correctly rounded and kernels/round.ts always decided.
 *
 * Tiny ratios: for x > 0 and |y|/|x| < 2^-(p+1) (p the precision; decided from the exponents) the result is q
 * nudged toward zero, rounded directly from the quotient and its remainder, which gets subnormal results and their
 * underflow right however small q is. Proof: atan q lies in (q − q³/3, q); if q is itself a rounding boundary the
 * next one below is at least 2^-(p+1)·q away, far beyond q³/3; if not, q = Y/X·2^k with integer significands
 * Y, X < 2^p differs from any boundary b = B·2^d below it (B < 2^(p+1), q < (B + 1)·2^d) by at least
 * 2^min(a, c+d)/(X·2^c) for y = Y·2^a, x = X·2^c, which is more than q/(X·(B + 1)) > q·2^-(2p+1) > q³/3. Either
 * way no boundary lies in [q − q³/3, q), so atan q rounds as q − 0 does. Above that threshold atan q differs from
 * q by more than q·2^-(2p+6), far more than the kernel's error, so the Ziv test decides as usual.
 *
 * Special cases (IEEE 754-2019 §9.2.1, C Annex F), the results other than ±0 rounded in the current mode and inexact:
 *   atan2(±0, +0) = ±0 and atan2(±0, x > 0) = ±0 exactly;  atan2(±0, −0) = ±π, atan2(±0, x < 0) = ±π;
 *   atan2(y < 0, ±0) = −π/2, atan2(y > 0, ±0) = +π/2;       atan2(±y, +∞) = ±0 exactly, atan2(±y, −∞) = ±π (y finite);
 *   atan2(±∞, x) = ±π/2 (x finite);  atan2(±∞, +∞) = ±π/4;  atan2(±∞, −∞) = ±3π/4;
 * NaN operands propagate (y before x), signaling NaNs raise invalid.
 */
import { roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16, subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import { propagateNaNBF16, propagateNaNF16, propagateNaNF32 } from '../formats/specialize.js';
import {
  atanConstant,
  atanFast,
  atanFinishBF16,
  atanFinishF16,
  atanFinishF32,
  atanValue,
  fastFinishBF16,
  fastFinishF16,
  fastQuotient,
  fastQuotientWord,
  loadQuotient,
  quotientHi,
  quotientLo,
  st,
} from './kernels/atan.js';

/**
 * The float register = |atan2(y, x)| for |y| = My·2^(ey−31), |x| = Mx·2^(ex−31) (M normalized), or, when x > 0 and
 * ey − ex <= tiny, just the quotient |y|/|x| loaded: returns 1 in that case.
 */
function atan2Magnitude(My: number, ey: number, signX: number, Mx: number, ex: number, tiny: number): number {
  if (ey < ex || (ey === ex && My <= Mx)) {
    loadQuotient(My, Mx, ey - ex);
    if (signX !== 0) {
      atanValue(4, 0, 1);
    } else {
      if (ey - ex <= tiny) return 1;
      atanValue(0, 0, 0);
    }
  } else {
    loadQuotient(Mx, My, ex - ey);
    atanValue(2, 0, signX ^ 1);
  }
  return 0;
}

/**
 * The 16-bit formats' fast path (kernels/atan.ts): the fast value = |atan2(y, x)| as atan2Magnitude, or, for the
 * tiny ratios, the fast quotient loaded: returns 1 in that case.
 */
function atan2FastMagnitude(My: number, ey: number, signX: number, Mx: number, ex: number, tiny: number): number {
  if (ey < ex || (ey === ex && My <= Mx)) {
    fastQuotient(My, Mx, ey - ex);
    if (signX !== 0) {
      atanFast(fastQuotientWord(), st.te, 1, 4, 0, 1);
    } else {
      if (ey - ex <= tiny) return 1;
      atanFast(fastQuotientWord(), st.te, 1, 0, 0, 0);
    }
  } else {
    fastQuotient(Mx, My, ex - ey);
    atanFast(fastQuotientWord(), st.te, 1, 2, 0, signX ^ 1);
  }
  return 0;
}

/*
 * The loaded quotient q (64 bits, st.exact if no remainder) nudged toward zero and rounded: with its sticky bits, or
 * just below it when exact (at the bottom of a binade, 2(2^30 − 1) one exponent lower).
 */
function quotientBelowF32(sign: number): number {
  const hi = quotientHi();
  const exp = st.te + 126;
  const sig = hi >>> 1;
  if (((hi & 1) | quotientLo()) !== 0 || st.exact === 0) return roundPackToF32(sign, exp, (sig | 1) >>> 0);
  if (sig === 0x40000000) return roundPackToF32(sign, exp - 1, 0x7ffffffe);
  return roundPackToF32(sign, exp, sig - 1);
}

/* The same from the fast path's one-word quotient (its remainder in st.exact). */
function quotientBelowF16(sign: number): number {
  const q = fastQuotientWord();
  const exp = st.te + 14;
  const sig = q >>> 17;
  if ((q & 0x1ffff) !== 0 || st.exact === 0) return roundPackToF16(sign, exp, sig | 1);
  if (sig === 0x4000) return roundPackToF16(sign, exp - 1, 0x7ffe);
  return roundPackToF16(sign, exp, sig - 1);
}

function quotientBelowBF16(sign: number): number {
  const q = fastQuotientWord();
  const exp = st.te + 126;
  const sig = q >>> 17;
  if ((q & 0x1ffff) !== 0 || st.exact === 0) return roundPackToBF16(sign, exp, sig | 1);
  if (sig === 0x4000) return roundPackToBF16(sign, exp - 1, 0x7ffe);
  return roundPackToBF16(sign, exp, sig - 1);
}

export function f32_atan2(a: number, b: number): number {
  const signY = a >>> 31;
  const expY = (a >>> 23) & 0xff;
  let sigY = a & 0x007fffff;
  const signX = b >>> 31;
  const expX = (b >>> 23) & 0xff;
  let sigX = b & 0x007fffff;
  if ((expY === 0xff && sigY !== 0) || (expX === 0xff && sigX !== 0)) return propagateNaNF32(a, b);
  if (expY === 0xff) {
    atanConstant(expX !== 0xff ? 2 : signX !== 0 ? 3 : 1);
    return atanFinishF32(signY);
  }
  if (expX === 0xff || (expY | sigY) === 0) {
    if (signX === 0) return (a & 0x80000000) >>> 0;
    atanConstant(4);
    return atanFinishF32(signY);
  }
  if ((expX | sigX) === 0) {
    atanConstant(2);
    return atanFinishF32(signY);
  }
  let ey = expY;
  if (ey === 0) {
    ey = subnormalExpF32(sigY);
    sigY = subnormalSigF32(sigY);
  }
  let ex = expX;
  if (ex === 0) {
    ex = subnormalExpF32(sigX);
    sigX = subnormalSigF32(sigX);
  }
  const My = ((sigY | 0x00800000) << 8) >>> 0;
  const Mx = ((sigX | 0x00800000) << 8) >>> 0;
  if (atan2Magnitude(My, ey, signX, Mx, ex, -26) !== 0) return quotientBelowF32(signY);
  return atanFinishF32(signY);
}

export function f16_atan2(a: number, b: number): number {
  const signY = a >>> 15;
  const expY = (a >>> 10) & 0x1f;
  let sigY = a & 0x03ff;
  const signX = b >>> 15;
  const expX = (b >>> 10) & 0x1f;
  let sigX = b & 0x03ff;
  if ((expY === 0x1f && sigY !== 0) || (expX === 0x1f && sigX !== 0)) return propagateNaNF16(a, b);
  if (expY === 0x1f) {
    atanConstant(expX !== 0x1f ? 2 : signX !== 0 ? 3 : 1);
    return atanFinishF16(signY);
  }
  if (expX === 0x1f || (expY | sigY) === 0) {
    if (signX === 0) return a & 0x8000;
    atanConstant(4);
    return atanFinishF16(signY);
  }
  if ((expX | sigX) === 0) {
    atanConstant(2);
    return atanFinishF16(signY);
  }
  let ey = expY;
  if (ey === 0) {
    ey = subnormalExpF16(sigY);
    sigY = subnormalSigF16(sigY);
  }
  let ex = expX;
  if (ex === 0) {
    ex = subnormalExpF16(sigX);
    sigX = subnormalSigF16(sigX);
  }
  const My = ((sigY | 0x0400) << 21) >>> 0;
  const Mx = ((sigX | 0x0400) << 21) >>> 0;
  if (atan2FastMagnitude(My, ey, signX, Mx, ex, -13) !== 0) return quotientBelowF16(signY);
  const z = fastFinishF16(signY);
  if (z >= 0) return z;
  atan2Magnitude(My, ey, signX, Mx, ex, -13);
  return atanFinishF16(signY);
}

export function bf16_atan2(a: number, b: number): number {
  const signY = a >>> 15;
  const expY = (a >>> 7) & 0xff;
  let sigY = a & 0x007f;
  const signX = b >>> 15;
  const expX = (b >>> 7) & 0xff;
  let sigX = b & 0x007f;
  if ((expY === 0xff && sigY !== 0) || (expX === 0xff && sigX !== 0)) return propagateNaNBF16(a, b);
  if (expY === 0xff) {
    atanConstant(expX !== 0xff ? 2 : signX !== 0 ? 3 : 1);
    return atanFinishBF16(signY);
  }
  if (expX === 0xff || (expY | sigY) === 0) {
    if (signX === 0) return a & 0x8000;
    atanConstant(4);
    return atanFinishBF16(signY);
  }
  if ((expX | sigX) === 0) {
    atanConstant(2);
    return atanFinishBF16(signY);
  }
  let ey = expY;
  if (ey === 0) {
    ey = subnormalExpBF16(sigY);
    sigY = subnormalSigBF16(sigY);
  }
  let ex = expX;
  if (ex === 0) {
    ex = subnormalExpBF16(sigX);
    sigX = subnormalSigBF16(sigX);
  }
  const My = ((sigY | 0x0080) << 24) >>> 0;
  const Mx = ((sigX | 0x0080) << 24) >>> 0;
  if (atan2FastMagnitude(My, ey, signX, Mx, ex, -10) !== 0) return quotientBelowBF16(signY);
  const z = fastFinishBF16(signY);
  if (z >= 0) return z;
  atan2Magnitude(My, ey, signX, Mx, ex, -10);
  return atanFinishBF16(signY);
}

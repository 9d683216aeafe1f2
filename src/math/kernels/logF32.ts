/**
 * The binary32 fast path of ln x: about 2^-40 relative with single-word products, for every positive finite x ≠ 1,
 * in the float register (float.ts) with a proven bound, then Ziv's test. Undecided results (about one in 3000 next to
 * x = 1, far fewer elsewhere) go back to the full-precision kernel (kernels/log.ts via logFamily.ts).
 *
 * Reduction: x = m·2^(k-23), m a 24-bit integer in [2^23, 2^24) (subnormals normalized). m's top 9 fraction bits pick
 * the interval j of LOG_TABLE (kernels/log.ts): c_j = C_j/2^17 close to 1/y (y = m/2^23), so that
 *   ρ = m·C_j − 2^40 = r·2^40,   r = y·c_j − 1,
 * is an integer with |ρ| <= 2147352576 < 2^31 (the extremes of m in each interval; the test rechecks them all): it is
 * exactly the low word Math.imul(m, C_j) read as int32. Then ln x = K·ln 2 + T'_j + ln(1 + r), K = k + [j >= 256],
 * T'_j = −ln c_j − [j >= 256]·ln 2 from the same table (within 1/2 unit of 2^-64).
 *
 * ln(1 + r) = r·q, q = 1 − r/2 + r²·a, a = 1/3 − r/4 + r²/5 − r³/6 + …, written through D = (1 − q)·2^41 = ρ − r²a·2^41
 * (r/2·2^41 = ρ exactly), which has the sign of ρ and |D| < 2^31 + 2^22:
 *   sq = floor(ρ²/2^32) = floor(r²·2^48) (three 16-bit products, exact floor), sq < 2^30;
 *   A = 0xaaaaaaab − (ρ >> 9) + floor(floor(sq/2^16)·13107/2^15) ≈ a·2^33 (1/3·2^33 rounded up by 1/3, r/4·2^33 = ρ/2^9
 *     floored, r²/5·2^33 within 1.5 units, and the omitted −r³/6 + r⁴/7 − … below 2^-27·2^33/6·1.002 = 10.7 units):
 *     |A − a·2^33| < 13.6;
 *   T = sq·A/2^32 from three 16-bit products, below the exact product by less than 3 units; sq's floor costs less than
 *     A/2^32 < 0.67 and A's error r²·2^16·13.6 < 3.4 (r² < 2^-18): |T − r²a·2^49| < 7.1;
 *   D = ρ − round(T/2^8): |D − D*| < 1/2 + 7.1/256 < 0.53 units of 2^-41 of q, with D* = (1 − q*)·2^41 exact.
 * r·D >= 0, so ln(1 + r) = r − r·D·2^-41 and the product P = |ρ|·|D| (64 bits, exact) carries it.
 *
 * Away from 1 (K ≠ 0 or j ∉ {0, 511}) |ln x| > 2^-10: with K = 0 the nearest intervals are x in [1 − 2^-9, 1 − 2^-10)
 * below 1 and x >= 1 + 2^-9 above it, and |K| >= 1 gives |ln x| >= |K|·ln 2 − ln(3/2) > 0.28. The sum
 *   Z = K·ln 2 + T'_j + ρ·2^16 − floor(P/2^25)   at scale 2^-56 (signed, two words; |Z| < 104·2^56)
 * is within these units of 2^56·ln x: the product term |ρ|·0.53·2^-25 < 33.92 plus 1 for its floor; T' rounded from
 * 2^-64 to 2^-56: 0.502; K·ln 2 from ln 2·2^70 = H·2^46 + M·2^23 + N (H, M, N of 24, 23, 23 bits, so |K|·M < 2^31;
 * N rounded, 0.48 unit of 2^-70) with K·N rounded to 2^-56: 0.5 + 149·0.48·2^-14 < 0.505. Total < 35.93, stated as
 * ERR_FAR = 36. Normalizing |Z| >= 2^46 − 36 shifts left by at most 18 bits, so the bound stays below 2^23.2 units of
 * the significand (2^-39.8 relative) and is carried exactly by the shift.
 *
 * Next to 1 (K = 0, j = 0: x in [1, 1 + 2^-9), r = x − 1 > 0; j = 511: x in [1 − 2^-10, 1), r = x − 1 < 0) the result
 * is ln(1 + r) alone, and it needs relative accuracy: with |ρ| normalized to u' = |ρ|·2^t in [2^30, 2^31),
 *   |ln x|·2^(72+t) = u'·2^32 ∓ floor(u'·|D|/2^9)   (− for r > 0, + for r < 0)
 * within u'·2^32·0.53·2^-41 + 1 < 0.53·2^22 + 1 < ERR_NEAR = 0x220000 units, and between 2^62·(1 − 2^-9.9) and
 * 2^63·(1 + 2^-11): a normalizing shift of at most 2 bits, at most 2^23.1 units (2^-39.9 relative).
 *
 * Measured (test/math/kernels/logF32.test.ts, ~100k words including every word next to 1): the error reaches 0.94 of
 * the bound next to 1 and 0.86 of it elsewhere; undecided: none of a million random positive words, 11 of the 32,767
 * words next to 1, 1 in 2.4 million words of [1/2, 2).
 *
 * The finisher is kernels/round.ts tryFinishF32: an undecided result here is not counted in zivStats.hard (the full
 * path that takes over counts its own), and zivStats.force sends every result there.
 * Registers: only the float register (R[FX], R[FX+1], fx); words stay in locals and the private table TAB.
 */
import { clz32 } from '../../primitives/integer.js';
import { R, mulhi } from './fixed.js';
import { FX, fx } from './float.js';
import { tryFinishF32 } from './round.js';
import { LOG_TABLE } from './tables.js';

/*
 * Constants are written as literals inside logF32Value: V8 folds a literal, while a module-level const is a context
 * load (and a word of 2^30 or more a boxed double) on every call. They are:
 *   ln 2·2^70 = 0xb17217·2^46 + 0x7be8e7·2^23 + 0x5e6af2 (24, 23 and 23 bits, the last rounded);
 *   1/3·2^33 = 0xaaaaaaab (rounded up); 1/5·2^16 = 13107 (rounded down);
 *   the error bounds ERR_FAR = 36 and ERR_NEAR = 0x220000 of the header.
 */

/**
 * Per interval j: C_j, then T'_j·2^56 rounded, as a signed two-word value (high word, low word), derived from
 * LOG_TABLE (|T'_j|·2^64 and its sign) once at load.
 */
export const TAB = new Int32Array(1536);
for (let j = 0; j < 512; j++) {
  const e = LOG_TABLE[(j << 1) + j]!;
  const hi = LOG_TABLE[(j << 1) + j + 1]!;
  const lo = LOG_TABLE[(j << 1) + j + 2]!;
  // (hi:lo + 128) >> 8, hi < 2^31.
  const lo1 = (lo + 128) >>> 0;
  const hi1 = hi + (lo1 < 128 ? 1 : 0);
  let tHi = hi1 >>> 8;
  let tLo = ((hi1 << 24) | (lo1 >>> 8)) >>> 0;
  if (e >>> 31 !== 0) {
    tHi = ~tHi + (tLo === 0 ? 1 : 0);
    tLo = -tLo >>> 0;
  }
  TAB[(j << 1) + j] = e & 0x3ffff;
  TAB[(j << 1) + j + 1] = tHi;
  TAB[(j << 1) + j + 2] = tLo;
}

/**
 * The float register = |ln x| for the binary32 word a, 0 < a < +∞, a ≠ 1.0 (the caller filters); returns the sign of
 * ln x.
 */
export function logF32Value(a: number): number {
  let m = a & 0x7fffff;
  let k = (a >>> 23) - 127;
  if (k === -127) {
    const s = clz32(m) - 8;
    m <<= s;
    k = -126 - s;
  } else {
    m |= 0x800000;
  }
  const j = (m >>> 14) & 0x1ff;
  const t3 = (j << 1) + j;
  const rho = Math.imul(m, TAB[t3]!);
  const K = k + (j >>> 8);

  // sq = floor(ρ²/2^32).
  const u = rho < 0 ? -rho : rho;
  const uh = u >>> 16;
  const ul = u & 0xffff;
  const sq = Math.imul(uh, uh) + (((Math.imul(uh << 1, ul) >>> 0) + (Math.imul(ul, ul) >>> 16)) >>> 16);
  // A ≈ a·2^33, T ≈ r²a·2^49 = sq·A/2^32.
  const A = (0xaaaaaaab - (rho >> 9) + (Math.imul(sq >>> 16, 13107) >>> 15)) >>> 0;
  const sh = sq >>> 16;
  const sl = sq & 0xffff;
  const Ah = A >>> 16;
  const T = Math.imul(sh, Ah) + (Math.imul(sh, A & 0xffff) >>> 16) + (Math.imul(sl, Ah) >>> 16);
  const t8 = (T + 128) >>> 8;
  // |D|, as a uint32 bit pattern.
  const d = (rho < 0 ? t8 - rho : rho - t8) | 0;

  let hi: number;
  let lo: number;
  let q: number;
  let err: number;
  let sign: number;
  if (K === 0 && (j === 0 || j === 511)) {
    const t = clz32(u) - 1;
    const un = u << t;
    const ph = mulhi(un, d);
    const pl = Math.imul(un, d);
    const p9h = ph >>> 9;
    const p9l = (ph << 23) | (pl >>> 9);
    if (rho < 0) {
      lo = p9l;
      hi = (un + p9h) | 0;
    } else {
      lo = -p9l | 0;
      hi = (un - p9h - (p9l !== 0 ? 1 : 0)) | 0;
    }
    sign = rho >>> 31;
    q = -72 - t;
    err = 0x220000;
  } else {
    const ph = mulhi(u, d);
    const pl = Math.imul(u, d);
    // K·ln 2 at 2^-56.
    const km = Math.imul(K, 0x7be8e7);
    const kn = (Math.imul(K, 0x5e6af2) + 0x2000) >> 14;
    let zLo = km << 9;
    let zHi = Math.imul(K, 0xb17217) + (km >> 23);
    // + kn (sign-extended).
    let s = (zLo + kn) | 0;
    zHi = (zHi + (kn >> 31) + ((s >>> 0) < (kn >>> 0) ? 1 : 0)) | 0;
    zLo = s;
    // + T'_j.
    const tLo = TAB[t3 + 2]!;
    s = (zLo + tLo) | 0;
    zHi = (zHi + TAB[t3 + 1]! + ((s >>> 0) < (tLo >>> 0) ? 1 : 0)) | 0;
    zLo = s;
    // + ρ·2^16.
    const rLo = rho << 16;
    s = (zLo + rLo) | 0;
    zHi = (zHi + (rho >> 16) + ((s >>> 0) < (rLo >>> 0) ? 1 : 0)) | 0;
    zLo = s;
    // − floor(P/2^25).
    const pLo = (ph << 7) | (pl >>> 25);
    s = (zLo - pLo) | 0;
    zHi = (zHi - (ph >>> 25) - ((zLo >>> 0) < (pLo >>> 0) ? 1 : 0)) | 0;
    zLo = s;
    sign = zHi >>> 31;
    if (sign !== 0) {
      zHi = ~zHi + (zLo === 0 ? 1 : 0);
      zLo = -zLo | 0;
    }
    hi = zHi;
    lo = zLo;
    q = -56;
    err = 36;
  }
  // Normalize (hi has its top bit within the top 19 bits, see the header); the left shift keeps the bound exact.
  const n = clz32(hi);
  R[FX] = (hi << n) | ((lo >>> 1) >>> (31 - n));
  R[FX + 1] = lo << n;
  fx.e = q - n + 63;
  fx.err = err << n;
  return sign;
}

/** ln of the binary32 word a, 0 < a < +∞, a ≠ 1.0, correctly rounded, or -1 when the fast bound cannot decide it. */
export function logF32Fast(a: number): number {
  return tryFinishF32(logF32Value(a));
}

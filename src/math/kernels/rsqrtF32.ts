/**
 * A fast reciprocal square root for binary32 arguments: 1/√x to within 2^-42.9 relative with 32-bit words and
 * 10 Math.imul, rounded by the Ziv test of kernels/round.ts's tryFinishF32 (done in place). It is a first attempt
 * only: when the finisher cannot decide, f32_rsqrt falls back to its 2^-57 kernel and exact comparison (rsqrt.ts).
 *
 * Argument: x = m·2^(ue − 23), m a 24-bit integer in [2^23, 2^24) (subnormals normalized by the caller), ue = 2k + p
 * with p ∈ {0, 1}. Then x = X·4^k, X = m·2^(p − 23) ∈ [1, 4), 1/√x = 2^-k/√X, and w = m·2^(1 + p) = X·2^24 ∈
 * [2^24, 2^26).
 *
 * Seed: Y = approxRecipSqrtSigF32(w) (src/formats/f32/approxRecipSqrtSig.ts, a 192-chord table), Y < 2^16, y0 =
 * Y·2^-16 within −2^-15.2 … +2^-14.1 relative of 1/√X (checked there for every w). With e = 1 − X·y0², that is
 * −2^-13.09 < e < 2^-14.19 (e = −2δ − δ² for the relative error δ; the test evaluates e exactly for every w:
 * −2^-13.18 … 2^-14.22), and
 *   1/√X = y0·(1 − e)^(-1/2) = y0·(1 + p + ε),   p = e/2 + 3e²/8 + 5e³/16,   0 <= ε < (35/128)·e⁴/(1 − |e|)^4.5
 * so ε < 2^-54.2.
 *
 * Residual: X·y0² = w·Y²/2^56 with Y² < 2^32 exact (one Math.imul), so e·2^44 = (2^56 − w·Y²)/2^12 and, as 2^44 is
 * a multiple of 2^32, E = −floor(w·Y²/2^12) modulo 2^32 read as an int32 is exactly ceil(e·2^44), since
 * |e|·2^44 < 2^30.91. With Y² = A·2^16 + B and w = w1·2^16 + w0 (all halves below 2^16, w1 < 2^10),
 *   floor(w·Y²/2^12) = 16·(w·A + w1·B) + floor(w0·B/2^12)
 * exactly, three Math.imul modulo 2^32. So E = e·2^44 + θ, 0 <= θ < 1.
 *
 * Correction, in units of 2^-45 (P ≈ p·2^45):
 *   e/2: E itself, above by θ < 1;
 *   3e²/8: with u = |E| = uh·2^15 + ul (uh < 2^15.91, ul < 2^15), S = floor(uh²/2^13) + floor(uh·ul/2^27) is below
 *     u²/2^43 by less than 2 + ul²/2^43 < 2.001, and u²/2^43 exceeds e²·2^45 by at most (2|e|2^44 + 1)/2^43 < 2^-11;
 *     T2 = floor(3S/8) is within 3/8·2.001 + 1 < 1.76 of 3e²/8·2^45 (below it, or above by less than 2^-12);
 *   5e³/16: t = floor(floor(S/16)·floor(E/2^15)/2^25) ≈ S·E/2^44 ≈ e³·2^45 (|e³|·2^45 < 2^5.73), off by less than 1
 *     for its floor plus (16·2^30.91 + 2^18.82·2^15)/2^44 + S·θ/2^44 + 2.001·|E|/2^44 < 0.003, then
 *     T3 = floor(5t/16) within 5/16·1.003 + 1 < 1.32 of 5e³/16·2^45.
 * P = E + T2 + T3: |P − p·2^45| < 1 + 1.76 + 1.32 = 4.08, and |P| < 2^30.92 (an int32).
 *
 * Result: Z = Y·2^45 + Y·P = y0·(1 + P·2^-45)·2^61 exactly (Y·P as Y·Ph·2^16 + Y·Pl with P = Ph·2^16 + Pl, two
 * exact products, summed in two words). Against 2^61/√X = y0·(1 + p + ε)·2^61:
 *   |Z − 2^61/√X| < y0·2^61·(4.08·2^-45 + 2^-54.2) < (1 + 2^-14.1)·(4.08·2^16 + 112) < 267,600 units
 * (relative to 1/√X: below 4.09·2^-45 < 2^-42.9), stated as ERR = 0x48000 (294,912) units of 2^-61. Z ≈ 2^61/√X
 * lies in (2^60, 2^61·(1 + 2^-42)) (X < 4 keeps it above 2^60 by far more than the error), so the normalizing left
 * shift n is 2 or 3 bits, multiplying the bound exactly to at most 2^21.17 units of the 64-bit significand (2^-41.8
 * of it).
 *
 * Exact results (X = 1, x = 4^k) lie on a rounding boundary, so the Ziv test never decides them; f32_rsqrt returns
 * them before this kernel anyway. Measured (test/math/kernels/rsqrtF32.test.ts; also checked for all 2^24 pairs of
 * significand and exponent parity with an exact integer test): the error reaches 0.54 of ERR; undecided: 12 of a
 * million random positive words.
 * Registers: the float register (R[FX], R[FX+1], fx), written only for undecided results; words stay in locals.
 */
import { roundPackToF32 } from '../../formats/f32/roundPack.js';
import { approxRecipSqrtSigF32 } from '../../formats/f32/approxRecipSqrtSig.js';
import { clz32 } from '../../primitives/integer.js';
import { R } from './fixed.js';
import { FX, fx } from './float.js';
import { zivStats } from './round.js';

/**
 * 1/√x for x = m·2^(ue − 23), m in [2^23, 2^24), x not a power of 4, correctly rounded in the current mode, or -1
 * when the fast bound cannot decide it (or zivStats.force is set); then the float register holds the approximation.
 *
 * The Ziv test of round.ts tryFinishF32 is done here on local words, and the float register written only when it
 * fails: storing it for every call cost about a fifth of the time. The result's biased exponent 128 − n − k lies in
 * 62 … 201, so roundPackToF32 packs it without overflow or underflow.
 */
export function rsqrtF32Fast(m: number, ue: number): number {
  const w = m << (1 + (ue & 1));
  const Y = approxRecipSqrtSigF32(w);
  const Q = Math.imul(Y, Y) >>> 0;
  const A = Q >>> 16;
  const B = Q & 0xffff;
  // E = ceil(e·2^44) = −floor(w·Y²/2^12) modulo 2^32.
  const E = -(((Math.imul(w, A) + Math.imul(w >>> 16, B)) << 4) + (Math.imul(w & 0xffff, B) >>> 12)) | 0;
  // S ≈ e²·2^45, T2 ≈ 3e²/8·2^45, T3 ≈ 5e³/16·2^45.
  const u = E < 0 ? -E : E;
  const uh = u >>> 15;
  const ul = u & 0x7fff;
  const S = (Math.imul(uh, uh) >>> 13) + (Math.imul(uh, ul) >>> 27);
  const T2 = (S + (S << 1)) >>> 3;
  const t = Math.imul(S >>> 4, E >> 15) >> 25;
  const P = E + T2 + ((t + (t << 2)) >> 4);
  // Z = Y·2^45 + Y·P in two words (Y·P = Y·Ph·2^16 + Y·Pl).
  const yh = Math.imul(Y, P >> 16);
  const yl = Math.imul(Y, P & 0xffff) >>> 0;
  const lo1 = (yh << 16) >>> 0;
  const lo = (lo1 + yl) >>> 0;
  const hi = (Y << 13) + (yh >> 16) + (lo < lo1 ? 1 : 0);
  // Normalized: n = 2 or 3.
  const n = clz32(hi);
  const sHi = (hi << n) | (lo >>> (32 - n));
  const sLo = (lo << n) >>> 0;
  const err = 0x48000 << n;
  const lowHi = sHi & 0x7f;
  if (zivStats.force || (lowHi === 0 && sLo <= err) || (lowHi === 0x7f && (~sLo >>> 0) < err)) {
    R[FX] = sHi;
    R[FX + 1] = sLo;
    fx.e = 2 - n - (ue >> 1);
    fx.err = err;
    return -1;
  }
  return roundPackToF32(0, 128 - n - (ue >> 1), (sHi >>> 1) | 1);
}

/** The float register = 1/√x for x = m·2^(ue − 23), m in [2^23, 2^24), within fx.err (for tests). */
export function rsqrtF32Value(m: number, ue: number): void {
  const force = zivStats.force;
  zivStats.force = true;
  rsqrtF32Fast(m, ue);
  zivStats.force = force;
}

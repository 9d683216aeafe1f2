/**
 * The trigonometric core: argument reduction modulo π/32 for every finite float, and sin, cos of the reduced
 * argument in 64-bit fixed point, combined into sin(x) (cos and tan from the same pieces) with a proven error bound.
 *
 * Reduction (Payne–Hanek). For x = m·2^E (1 <= m < 2^24, x >= 2^-5) write 2/π = Σ b_i·2^-i (i >= 1). The terms
 * m·b_i·2^(E-i) with i <= E - 2 are multiples of 4 and cannot change x·2/π mod 4, so only the bits from i = E - 1 on
 * matter: the 160 of them up to i = E + 158, as the integer W (five words, read out of TWO_OVER_PI at a bit offset),
 * give x·2/π ≡ (m·W mod 2^160)·2^-158 + δ (mod 4), where 0 <= δ < m·2^-158 < 2^-134 is the rest of the series. The
 * product m·W mod 2^160 is exact (four 32x32 high words and five low words). Its top six bits are the integer part
 * of x·32/π mod 64; rounding at the seventh gives j and f in [-1/2, 1/2] with x ≡ j·π/32 + f·π/32 (mod 2π), f known
 * to within 2^-130 (δ scaled by 16). How small can f be? For every binary32 x >= 2^-6 (and so for every binary16 and
 * bfloat16 x, whose significands are binary32 significands) |x·32/π − j| >= 2^-29.85 (minimum 2^-29.858 at
 * x = 16367173·2^68, found by exhausting every significand at every exponent with 128-bit arithmetic; binary16 needs
 * only 2^-16.67, bfloat16 2^-13.26). So the relative error of f is below 2^-100, and a normalized 64-bit |f| read
 * from the product (at most one leading word of zeros) is below the exact |f| by less than one unit of its last bit
 * (plus that 2^-100). r = f·π/32 is then one 64x64 product with π/4 (rounded to 64 bits, 0.24 units off): with the
 * product's truncation (< 3 units, fixed.ts) the 64-bit significand of |r| is within 4.1 units before its
 * normalizing shift of at most one bit, so within 9 units (`st.rErr`), relative error below 2^-59.8.
 * Below 2^-5 (< π/64) there is nothing to reduce: j = 0 and r = x exactly (rErr = 0).
 *
 * Polynomials, for |r| <= π/64 (so z = r² < 2^-8.69, held as Z = z·2^72 < 2^63.31):
 *   sin r = r·(1 − D_s), D_s = z/3! − z²/5! + z³/7! − z⁴/9!, truncation z⁵/11! < 2^-68.7 (relative),
 *   cos r = 1 − D_c,     D_c = z/2! − z²/4! + z³/6! − z⁴/8!, truncation z⁵/10! < 2^-65.3 (absolute),
 * both by Horner's rule in z with every partial sum positive, each at a scale that fills its word(s). The innermost
 * sum (1/7! − z/9!, 1/6! − z/8!) is one word at 2^44 (2^41), from z cut to one word (zh = floor(z·2^40)); the next
 * (u2 at 2^70, v2 at 2^68) is a 64-bit constant less zh times that word; these two reach D only through z² and z³,
 * and zh's error of 2^-40 moves D_s by < 2^-69.7 and D_c by < 2^-66.9 (0.14 unit of 2^-64), the other roundings
 * by far less. The outer step u1 = c1 − floor(Z·u2/2^(64+sh)) (at 2^66; v1 at 2^64) and D = Z·u1 (D_s at 2^74, D_c at
 * 2^72) are 64x64 products (fixed.ts: < 3 units each) and lose less than 1 + 3/2^12 units of u1's scale, which
 * reaches D times z < 2^-8.69; Z's own error (< 4 units of 2^-72 from the product and the shift, and 2·rErr units
 * of 2^-63 relative from r) moves D_s by < 2^-6 unit of rsig's last bit and D_c by < 0.1 unit of 2^-64. Results:
 *   SIN = rsig − floor(rsig·D_s) (D_s·2^74 from one more product): within rErr + 1.1 units of rsig's last bit,
 *     normalized by at most one bit: sErr = 2·rErr + 3 units (21 after a reduction, 3 for r = x);
 *   COS = 2^64 − floor(D_c·2^64) (2^64 − 1 if that floor is 0): within 1 + 0.41 + 0.14 + 0.1 < 2 units of 2^-64.
 *
 * Combination. With S_k = sin(kπ/32) rounded to 64 bits (k = 1 … 15, within half a unit), and r' = ±r,
 *   G(k, r') = sin(kπ/32 + r') = S_k·cos r + S_(16-k)·sin r',
 * and sin(x) = ±G(k, r) in quadrants 0 and 2 (x ≡ q·π/2 + k·π/32 + r), ±G(16 − k, −r) in quadrants 1 and 3
 * (cos(kπ/32 + r) = sin((16 − k)π/32 − r)); cos x is sin(x + π/2), j + 16. G(0, r') = sin r' and G(16, r') = cos r
 * are the reduced-argument values themselves, with the errors above. For k = 1 … 15, G >= sin(π/32 − π/64) > 2^-4.35
 * and both terms are positive, so the sum or difference loses little: at 2^-64 the error is at most 0.5 + 1.7 (S_k and
 * COS) + 3 (product) + 0.03 + 2·sErr·|sin r| < 2.1 (S_(16-k), SIN) + 0.2 + 1 (product, shift to scale) < 9 units,
 * and the float register (float.ts) scales that by its normalizing shift (at most 4 bits). So every value of sin x
 * and cos x has a relative error under 2^-55.8, and under 2^-58.6 where it is ±sin r or ±cos r (near the multiples
 * of π/2).
 * tan x = G(j)/G(j + 16): with the 64-bit reciprocal (recip.ts, 5 units) and one product (3 units) the quotient is
 * within 2·(errN + errD) + 14 units before normalization, relative error below 2^-52.8.
 *
 * Rounding: kernels/round.ts decides whenever no rounding boundary lies within that error. Only a binary16 or
 * bfloat16 result within 2^-52.8 (relative) of a boundary could fail it, and the exhaustive tests check that none
 * does (zivStats.hard stays 0 for them). For binary32 (not required correctly rounded) an undecided result is
 * rounded as it stands, so its error is at most half an ulp plus 2^-31 ulp (sin, cos) or 2^-28 ulp (tan).
 */
import { roundPackToBF16 } from '../../formats/bf16/roundPack.js';
import { roundPackToF16 } from '../../formats/f16/roundPack.js';
import { roundPackToF32 } from '../../formats/f32/roundPack.js';
import { clz32 } from '../../primitives/integer.js';
import { R, carry, mulhi } from './fixed.js';
import { FX, fx, setFloat } from './float.js';
import { recip64 } from './recip.js';
import { finishBF16, finishF16, finishF32 } from './round.js';

/**
 * 2/π in 32-bit words after one word of zeros: word t holds bits 32(t−1)+1 … 32t of 2/π (bit i weighing 2^-i),
 * enough for every exponent E <= 129. Generated by a throwaway BigInt script: π by Machin's formula
 * (16·atan(1/5) − 4·atan(1/239)) to 1400 bits, checked against the Gauss–Legendre AGM to 2^-1395, then
 * floor(2^1400·2/π) cut into words; the words also match the published hexadecimal expansion of 2/π
 * (A2F9836E 4E441529 FC2757D1 …).
 */
const TWO_OVER_PI = new Uint32Array([
  0x00000000, 0xa2f9836e, 0x4e441529, 0xfc2757d1, 0xf534ddc0, 0xdb629599, 0x3c439041, 0xfe5163ab, 0xdebbc561,
  0xb7246e3a,
]);

/**
 * sin(kπ/32)·2^64 rounded to nearest, k = 1 … 15 (two words each, high first; from the same script, a Taylor series
 * at 1400 bits; k = 8 is √2/2 = 0xB504F333F9DE6484…).
 */
const SIN_K = new Uint32Array([
  0, 0, 0x1917a6bc, 0x29b42be2, 0x31f17078, 0xd34c156d, 0x4a5018bb, 0x567c16a3, 0x61f78a9a, 0xbaa58b47, 0x78ad74e0,
  0x1bd8ec78, 0x8e39d9cd, 0x73464365, 0xa2679928, 0x48eeb0c0, 0xb504f333, 0xf9de6484, 0xc5e40358, 0xa8ba05a7,
  0xd4db3148, 0x750d181a, 0xe1c5978c, 0x05ed8692, 0xec835e79, 0x946a3145, 0xf4fa0ab6, 0x316ed2ec, 0xfb14be7f,
  0xbae58156, 0xfec46d1e, 0x89292cf0,
]);

/**
 * Constants, two words each: π/4·2^64 rounded (0.23 units above), then the Taylor coefficients of D_s at
 * scales 2^82, 2^76, 2^70, 2^66 (1/9!, 1/7!, 1/5!, 1/3!) and of D_c at 2^79, 2^73, 2^68, 2^64 (1/8!, 1/6!, 1/4!, 1/2),
 * each rounded to nearest.
 */
const K = new Uint32Array([
  0xc90fdaa2, 0x2168c235, 0xb8ef1d2a, 0xb6399c7d, 0xd00d00d0, 0x0d00d00d, 0x88888888, 0x88888889, 0xaaaaaaaa,
  0xaaaaaaab, 0xd00d00d0, 0x0d00d00d, 0xb60b60b6, 0x0b60b60b, 0xaaaaaaaa, 0xaaaaaaab, 0x80000000, 0x00000000,
]);
const K_PI4 = 0;
const K_S4 = 2;
const K_S3 = 4;
const K_S2 = 6;
const K_S1 = 8;
const K_C4 = 10;
const K_C3 = 12;
const K_C2 = 14;
const K_C1 = 16;

/* Private 64-bit registers (two words, high first): |r| (exported for the kernel's tests as trigRegisters[0 … 1]),
 * z·2^72, Horner sums, a product, sin |r|, cos r, the terms of G, the numerator of tan, the reciprocal. */
const T = new Uint32Array(20);
export const trigRegisters: Readonly<Uint32Array> = T;
const RS = 0;
const ZZ = 2;
const U = 4;
const P = 6;
const SN = 8;
const CS = 10;
const GA = 12;
const GB = 14;
const NU = 16;
const YR = 18;

/** Scalars of the current argument (small integers). */
export const st = {
  /** x ≡ j·π/32 + r (mod 2π), j in 0 … 63. */
  j: 0,
  /** 1 if r < 0. */
  rNeg: 0,
  /** |r| = T[RS]·2^(rE−63), T[RS] normalized. */
  rE: 0,
  /** Error bound of T[RS] in units of its last bit. */
  rErr: 0,
  /** sin|r| = T[SN]·2^(sE−63), T[SN] normalized, within sErr units. */
  sE: 0,
  sErr: 0,
};

/** T[d] = top 64 bits of T[a]·T[b] (less 0 … 2 units below the exact floor, as mulHi64 in fixed.ts). */
function mul64(d: number, a: number, b: number): void {
  const aHi = T[a]!;
  const aLo = T[a + 1]!;
  const bHi = T[b]!;
  const bLo = T[b + 1]!;
  const m1 = mulhi(aHi, bLo);
  const m2 = mulhi(aLo, bHi);
  const s1 = (Math.imul(aHi, bHi) + m1) | 0;
  const c1 = carry(s1, m1);
  const s2 = (s1 + m2) | 0;
  const c2 = carry(s2, m2);
  T[d] = (mulhi(aHi, bHi) + c1 + c2) | 0;
  T[d + 1] = s2;
}

/** T[a] >>= sh for any sh >= 0. */
function shr(a: number, sh: number): void {
  const hi = T[a]!;
  if (sh >= 64) {
    T[a] = 0;
    T[a + 1] = 0;
  } else if (sh >= 32) {
    T[a + 1] = sh === 32 ? hi : hi >>> (sh - 32);
    T[a] = 0;
  } else if (sh > 0) {
    T[a + 1] = (T[a + 1]! >>> sh) | (hi << (32 - sh));
    T[a] = hi >>> sh;
  }
}

/** T[d] = T[a] − T[b] (T[a] >= T[b]). */
function sub(d: number, a: number, b: number): void {
  const aLo = T[a + 1]!;
  const bLo = T[b + 1]!;
  T[d] = T[a]! - T[b]! - (aLo < bLo ? 1 : 0);
  T[d + 1] = aLo - bLo;
}

/**
 * The two innermost Horner steps in one word: with zh = floor(z·2^40) and the top words A, B of the constants at a and
 * b (c_(n-1)·2^s and c_n·2^(s+6) for the one-word scale 2^s), v = A − floor(zh·B/2^(32+sh1)), then
 * T[U] = K[c] − floor(zh·v/2^sh2).
 */
function innerSteps(a: number, b: number, sh1: number, c: number, sh2: number): void {
  const zh = T[ZZ]! | 0;
  const v = (K[a]! - (mulhi(zh, (K[b]! + (K[b + 1]! >>> 31)) | 0) >>> sh1)) | 0;
  const pHi = mulhi(zh, v) >>> 0;
  const pLo = Math.imul(zh, v) >>> 0;
  const qHi = pHi >>> sh2;
  const qLo = ((pLo >>> sh2) | (pHi << (32 - sh2))) >>> 0;
  const lo = K[c + 1]!;
  T[U] = K[c]! - qHi - (lo < qLo ? 1 : 0);
  T[U + 1] = lo - qLo;
}

/** T[d] = K[c] − floor(Z·T[d] / 2^(64+sh)) (Z = z·2^72, product as mul64): one Horner step. */
function hornerStep(d: number, c: number, sh: number): void {
  mul64(P, ZZ, d);
  shr(P, sh);
  const lo = K[c + 1]!;
  const pLo = T[P + 1]!;
  T[d] = K[c]! - T[P]! - (lo < pLo ? 1 : 0);
  T[d + 1] = lo - pLo;
}

/**
 * Reduce x = m·2^E (1 <= m < 2^24, x < 2^128): sets st.j, st.rNeg and |r| in T[RS], st.rE, st.rErr.
 */
export function trigReduce(m: number, E: number): void {
  const L = 32 - clz32(m);
  if (L + E <= -5) {
    T[RS] = m << (32 - L);
    T[RS + 1] = 0;
    st.rE = L + E - 1;
    st.rNeg = 0;
    st.j = 0;
    st.rErr = 0;
    return;
  }
  // Bits E − 1 … E + 158 of 2/π; E − 1 sits at bit offset E + 30 of the padded table.
  const q0 = E + 30;
  const t = q0 >>> 5;
  const sh = q0 & 31;
  let w0 = TWO_OVER_PI[t]! | 0;
  let w1 = TWO_OVER_PI[t + 1]! | 0;
  let w2 = TWO_OVER_PI[t + 2]! | 0;
  let w3 = TWO_OVER_PI[t + 3]! | 0;
  let w4 = TWO_OVER_PI[t + 4]! | 0;
  if (sh !== 0) {
    const b = 32 - sh;
    w0 = (w0 << sh) | (w1 >>> b);
    w1 = (w1 << sh) | (w2 >>> b);
    w2 = (w2 << sh) | (w3 >>> b);
    w3 = (w3 << sh) | (w4 >>> b);
    w4 = (w4 << sh) | (TWO_OVER_PI[t + 5]! >>> b);
  }
  // m·W mod 2^160 (m < 2^24, so a high word plus a carry stays below 2^32).
  let a4 = Math.imul(m, w4);
  let hi = mulhi(m, w4);
  let lo = Math.imul(m, w3);
  let a3 = (lo + hi) | 0;
  hi = (mulhi(m, w3) + carry(a3, hi)) | 0;
  lo = Math.imul(m, w2);
  let a2 = (lo + hi) | 0;
  hi = (mulhi(m, w2) + carry(a2, hi)) | 0;
  lo = Math.imul(m, w1);
  let a1 = (lo + hi) | 0;
  hi = (mulhi(m, w1) + carry(a1, hi)) | 0;
  let a0 = (Math.imul(m, w0) + hi) | 0;
  // x·32/π mod 64 = (a0 … a4)·2^-154: six integer bits, then the fraction.
  let j = a0 >>> 26;
  if ((a0 & 0x02000000) !== 0) {
    // f = fraction − 1: take the two's complement of the fraction bits.
    j++;
    st.rNeg = 1;
    let c = a4 === 0 ? 1 : 0;
    a4 = -a4 | 0;
    a3 = (~a3 + c) | 0;
    c &= a3 === 0 ? 1 : 0;
    a2 = (~a2 + c) | 0;
    c &= a2 === 0 ? 1 : 0;
    a1 = (~a1 + c) | 0;
    c &= a1 === 0 ? 1 : 0;
    a0 = ~a0 + c;
  } else {
    st.rNeg = 0;
  }
  st.j = j & 63;
  a0 &= 0x03ffffff;
  // Normalize |f| = (a0 … a4)·2^-154 (|f| >= 2^-30: at most one word of zeros; the loop is bounded regardless).
  let e = 5;
  for (let i = 0; i < 4 && a0 === 0; i++) {
    a0 = a1;
    a1 = a2;
    a2 = a3;
    a3 = a4;
    a4 = 0;
    e -= 32;
  }
  const c = clz32(a0);
  if (c === 0) {
    T[P] = a0;
    T[P + 1] = a1;
  } else {
    T[P] = (a0 << c) | (a1 >>> (32 - c));
    T[P + 1] = (a1 << c) | (a2 >>> (32 - c));
  }
  // |r| = |f|·π/32 = (fsig·(π/4)·2^64 / 2^64)·2^(fE − 66), fE = e − c.
  T[U] = K[K_PI4]!;
  T[U + 1] = K[K_PI4 + 1]!;
  mul64(RS, P, U);
  let rE = e - c - 3;
  const h = T[RS]!;
  if (h < 0x80000000) {
    const l = T[RS + 1]!;
    T[RS] = (h << 1) | (l >>> 31);
    T[RS + 1] = l << 1;
    rE--;
  }
  st.rE = rE;
  st.rErr = 9;
}

/** sin|r| (T[SN], st.sE, st.sErr) and cos r (T[CS] = cos r·2^64, within 2 units) of the reduced argument. */
export function trigPoly(): void {
  const rE = st.rE;
  // Z = r²·2^72 = (rsig²/2^64)·2^(2rE + 10), rE <= −5.
  mul64(ZZ, RS, RS);
  shr(ZZ, -10 - rE - rE);
  // D_s·2^74: u3·2^44 = 1/7!·2^44 − z/9!·2^44 in one word, u2·2^70, u1·2^66.
  innerSteps(K_S3, K_S4, 14, K_S2, 14);
  hornerStep(U, K_S1, 12);
  mul64(P, ZZ, U);
  // SIN = rsig − rsig·D_s.
  mul64(P, RS, P);
  shr(P, 10);
  sub(SN, RS, P);
  const h = T[SN]!;
  if (h < 0x80000000) {
    const l = T[SN + 1]!;
    T[SN] = (h << 1) | (l >>> 31);
    T[SN + 1] = l << 1;
    st.sE = rE - 1;
  } else {
    st.sE = rE;
  }
  st.sErr = st.rErr + st.rErr + 3;
  // D_c·2^72 (v3·2^41 in one word, v2·2^68, v1·2^64), then COS = 2^64 − D_c·2^64.
  innerSteps(K_C3, K_C4, 14, K_C2, 13);
  hornerStep(U, K_C1, 12);
  mul64(P, ZZ, U);
  shr(P, 8);
  const dHi = T[P]!;
  const dLo = T[P + 1]!;
  if ((dHi | dLo) === 0) {
    T[CS] = 0xffffffff;
    T[CS + 1] = 0xffffffff;
  } else {
    T[CS + 1] = -dLo;
    T[CS] = ~dHi + (dLo === 0 ? 1 : 0);
  }
}

/**
 * The float register (float.ts) = |sin(j·π/32 + r)| for the reduced r; returns the sign bit of the sine.
 */
export function trigPoint(j: number): number {
  const q = (j >>> 4) & 3;
  let k = j & 15;
  let rn = st.rNeg;
  const neg = q >>> 1;
  if ((q & 1) !== 0) {
    k = 16 - k;
    rn ^= 1;
  }
  if (k === 0) {
    R[FX] = T[SN]!;
    R[FX + 1] = T[SN + 1]!;
    setFloat(0, FX, st.sE - 63, st.sErr);
    return neg ^ rn;
  }
  if (k === 16) {
    R[FX] = T[CS]!;
    R[FX + 1] = T[CS + 1]!;
    setFloat(0, FX, -64, 2);
    return neg;
  }
  // GA = S_k·cos r, GB = S_(16−k)·sin|r| at 2^-64.
  T[GB] = SIN_K[k << 1]!;
  T[GB + 1] = SIN_K[(k << 1) + 1]!;
  mul64(GA, GB, CS);
  T[GB] = SIN_K[(16 - k) << 1]!;
  T[GB + 1] = SIN_K[((16 - k) << 1) + 1]!;
  mul64(GB, GB, SN);
  shr(GB, -1 - st.sE);
  const aLo = T[GA + 1]!;
  const bLo = T[GB + 1]!;
  if (rn !== 0) {
    R[FX] = T[GA]! - T[GB]! - (aLo < bLo ? 1 : 0);
    R[FX + 1] = aLo - bLo;
  } else {
    const l = (aLo + bLo) | 0;
    R[FX] = T[GA]! + T[GB]! + carry(l, bLo);
    R[FX + 1] = l;
  }
  setFloat(0, FX, -64, 9);
  return neg;
}

/** Reduce and evaluate: the float register = |sin(x + quarter·π/2)| for x = m·2^E > 0; returns its sign bit. */
export function trigSin(m: number, E: number, quarter: number): number {
  trigReduce(m, E);
  trigPoly();
  return trigPoint(st.j + (quarter << 4));
}

/** The float register = |tan x| for x = m·2^E > 0; returns its sign bit. */
export function trigTan(m: number, E: number): number {
  trigReduce(m, E);
  trigPoly();
  let sign = trigPoint(st.j);
  T[NU] = R[FX]!;
  T[NU + 1] = R[FX + 1]!;
  const nE = fx.e;
  const nErr = fx.err;
  sign ^= trigPoint(st.j + 16);
  const dE = fx.e;
  const dErr = fx.err;
  recip64(FX, FX);
  T[YR] = R[FX]!;
  T[YR + 1] = R[FX + 1]!;
  mul64(P, NU, YR);
  R[FX] = T[P]!;
  R[FX + 1] = T[P + 1]!;
  // n/d = (nsig·Y/2^64)·2^(nE − dE − 63), Y·2^-63 ≈ 2^64/dsig.
  setFloat(0, FX, nE - dE - 63, nErr + nErr + dErr + dErr + 14);
  return sign;
}

/* Rounding of the float register with its sign. A binary32 result the Ziv test cannot decide is rounded as it stands
 * (faithful: within half an ulp plus the tiny error bound); the 16-bit formats never reach that (see above). */

export function trigRoundF32(sign: number): number {
  const z = finishF32(sign);
  if (z >= 0) return z;
  return roundPackToF32(sign, fx.e + 126, (R[FX]! >>> 1) | 1);
}

export function trigRoundF16(sign: number): number {
  const z = finishF16(sign);
  if (z >= 0) return z;
  return roundPackToF16(sign, fx.e + 14, (R[FX]! >>> 17) | 1);
}

export function trigRoundBF16(sign: number): number {
  const z = finishBF16(sign);
  if (z >= 0) return z;
  return roundPackToBF16(sign, fx.e + 126, (R[FX]! >>> 17) | 1);
}

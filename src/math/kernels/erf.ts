/**
 * The error-function core, in two precisions: a fast one for binary32 (relative error below 2^-36) and an accurate
 * one (below 2^-55) for the 16-bit formats and for the binary32 results that the fast one leaves undecided.
 *
 * Fast erfc, t >= 1/2: erfc(t) = erfc(√v) = Γ(1/2, v)/√π as a function of v = t², tabulated directly (no exponential).
 * v is exact: t² = m²·2^(2E) for t = m·2^E, and for Φ(x) = erfc(x/√2)/2 the argument is v = x²/2 = m²·2^(2E−1), so x/√2
 * is never formed. [1/4, 104) is cut into 136 intervals: eighths of the binades [1/4, 1/2) … [4, 8), then unit
 * intervals [8, 9) … [103, 104) (so that the factor e^(−v) varies by at most e across one). On [a, a + w) the table
 * holds a degree-9 polynomial P_i(z) ≈ erfc(√(b' − w·z))·2^(e_i), z ∈ [0, 1], b' = a + w − w·2^-64, 2^(e_i) putting
 * erfc(√a) in [1/2, 1). The argument is the complement of the position: with S = floor(s·2^64) for v = a + s·w, Z = ~S
 * = 2^64 − 1 − S, and b' − w·Z/2^64 = a + w·S/2^64 = v exactly (v has at most 57 bits after the point). Γ(1/2, v) is
 * completely monotone in v (its derivative −e^(−v)·v^(-1/2) is minus a product of completely monotone functions), so
 * every Taylor coefficient in z is positive, and so are all those of the fitted polynomials (Chebyshev interpolants;
 * the generator checks it): Horner's rule only adds positive terms and the partial sums P_k(z) <= P_k(1) fit their
 * words. Each level keeps its own scale 2^-(W+g_k), g = 0, 0, 1, 3, 5, 8, 10, 13, 16, 18, W = 64 for levels 0…4 and 32
 * for levels 5…9 (terms below 2^-8 of the result), so each step's truncation is one unit of a scale that shrinks with
 * the size of the terms. Errors, absolute in units of P_0 <= 1, against P_0 >= 0.178: approximation (coefficients as
 * stored, measured at 1200 points of every interval against 80-digit values) 2^-38.7 relative; truncation of levels 8…5
 * (one unit each of 2^-48, 2^-45, 2^-42, 2^-40), their 32-bit z (the slope of z·P_6 is below 4·P_6(1) < 2^-8, times
 * 2^-32), and levels 4…0 (one unit of 2^-(64+g_k) each plus the cheaper products of horner64Fast, under 2^17 + 2 units
 * of 2^-(64+g_(k+1))): below 2^-38.8, 2^-36.3 relative. Sum below 2^-36. (The error curve of a degree-n interpolant has
 * n + 1 smooth arches; at these densities sampling misses at most a factor 1.001 of its peaks.)
 *
 * Fast erf, t < 1/2: erf(t)/t = S(ζ), ζ = 4t² ∈ [0, 1) exact to 2^-64, a degree-6 Chebyshev interpolant with
 * alternating coefficients (error 2^-41.9 as stored), evaluated as magnitudes |c_k| − ζ·|p_(k+1)| (each ratio below
 * 1/12, nothing cancels), levels 0 and 1 in 64-bit words: the level-2 unit 2^-39 and the rest keep it below 2^-38.6.
 * For Φ near 0 the same series scaled by 1/(2√2): Φ(x) − 1/2 = x·S'(2x²) for |x| < 1/√2 (2^-42.9 as stored, below
 * 2^-38.3 evaluated, over S' >= 0.367).
 *
 * Accurate erfc(t), 0 < t < 11: e^(−t²)·R(t), R(t) = e^(t²)·erfc(t) (completely monotone too, a Laplace transform of
 * a positive function), from a table over 43 intervals of t (sixteenths of [0, 1), eighths of the binades [1, 2) …
 * [8, 11)) of degree-13 interpolants in the complemented position z as above, all levels in 64-bit words (scales
 * g = 0, 3, 6, 10, 13, 16, 20, 23, 26, 29, 33, 36, 40, 41; approximation 2^-63.9 as stored, truncations below 1.7
 * units of 2^-64, relative to P_0 >= 0.462: within 6 units in all); t = x/√2 for Φ from a 64-bit 1/√2 (within 2^-60,
 * and R moves by less than that relatively since |t·R'(t)/R(t)| < 1.2). e^(−v) comes from kernels/exp2.ts (within 4
 * units of its significand), v exact: a 48-bit m² is split as A·2^24 + B and e^(−v) = e^(−A·2^(2E+24))·e^(−B·2^(2E))
 * (two calls and a product). The bound of the product is carried in units of the float register (kernels/float.ts):
 * at most (4 + 9)·4 units of 2^-63 for 16-bit arguments, (12·2 + 9)·4 for binary32 ones, below 2^-55. Accurate erf(t),
 * t < 1/2: the series above with degree 12 (2^-64.2 as stored), all levels 64-bit: within 4 units of 2^-63.
 *
 * The fast path forms 1 − erfc and 2 − erfc (erfcFast) and gelu (geluFast) itself, with one normalization; the
 * helpers at the end (1 − V, 2 − V, 1 + V, times x) combine the accurate results, carrying the float register's error
 * bound, and the fast erf for erfc near 0. Each combination used passes a relative error on with a factor at most
 * 1.09 (see the function files), and the shifts and complements add a few units of 2^-64, so the constant ERR32
 * bounds every fast result.
 *
 * Registers: a private file S (below); the accurate path also uses the exponential core (kernels/exp2.ts, R[0…25]),
 * and results go to the float register (kernels/float.ts, R[0], R[1]).
 */
import { clz32 } from '../../primitives/integer.js';
import { roundPackToBF16 } from '../../formats/bf16/roundPack.js';
import { roundPackToF16 } from '../../formats/f16/roundPack.js';
import { roundPackToF32 } from '../../formats/f32/roundPack.js';
import { BY_LOG2E, exp2Value, expReduce } from './exp2.js';
import { R } from './fixed.js';
import { FX, fx, scaleErr } from './float.js';
import { zivStats } from './round.js';

/*
 * The kernel's own registers. Every product below is written out in full inside a function that reads and writes
 * these registers, so that no 32-bit word ever crosses a call boundary (V8 would box a word of 2^30 or more) whatever
 * V8 decides to inline; Int32Array keeps every load a 32-bit integer. Slot 0, 1: the constant 2^64/√2 (rounded to
 * nearest); then two-word registers.
 */
const S = new Int32Array(24);
const IS = 0;
/** v·2^57 (fast path) or t·2^60 (accurate path). */
const T = 2;
/** Z, the complemented position in the interval; ζ for the series. */
const Z = 4;
/** Horner partial sums. */
const P = 6;
/** Products. */
const Q = 8;
/** The exponential. */
const V = 10;
/** m², or a saved float. */
const C = 12;
/** One-word operand (m normalized). */
const M = 14;
/** Three-word product. */
const X = 15;
S[IS] = 0xb504f333 | 0;
S[IS + 1] = 0xf9de6484 | 0;

/** The interval of the last reduction. */
const st = { i: 0 };

/**
 * The fast path's error bound in units of 2^-63 of the normalized significand: 2^30 units is a relative error of at
 * least 2^-34 (the significand is below 2^64); every fast result is within 2^-36·1.09.
 */
export const ERR32 = 0x40000000;

/** For tests: `accurateOnly` sends every fast result to the accurate kernel (as zivStats.force does, but only here). */
export const erfFastPath = { accurateOnly: false };

/** S[d], S[d+1] = S[a]·S[b], exactly. */
function prod32(d: number, a: number, b: number): void {
  const x = S[a]!;
  const y = S[b]!;
  const x0 = x & 0xffff;
  const x1 = x >>> 16;
  const y0 = y & 0xffff;
  const y1 = y >>> 16;
  const p01 = Math.imul(x0, y1);
  const p10 = Math.imul(x1, y0);
  const mid = (Math.imul(x0, y0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  S[d] = (Math.imul(x1, y1) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
  S[d + 1] = Math.imul(x, y);
}

/** S[d], S[d+1], S[d+2] = S[a]·(S[b]:S[b+1]), all 96 bits. */
function prod32x64Full(d: number, a: number, b: number): void {
  const x = S[a]!;
  const x0 = x & 0xffff;
  const x1 = x >>> 16;
  let y = S[b + 1]!;
  let y0 = y & 0xffff;
  let y1 = y >>> 16;
  let p01 = Math.imul(x0, y1);
  let p10 = Math.imul(x1, y0);
  let mid = (Math.imul(x0, y0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const hl = (Math.imul(x1, y1) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
  S[d + 2] = Math.imul(x, y);
  y = S[b]!;
  y0 = y & 0xffff;
  y1 = y >>> 16;
  p01 = Math.imul(x0, y1);
  p10 = Math.imul(x1, y0);
  mid = (Math.imul(x0, y0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const hh = (Math.imul(x1, y1) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
  const s = (Math.imul(x, y) + hl) | 0;
  S[d + 1] = s;
  S[d] = (hh + (s >>> 0 < hl >>> 0 ? 1 : 0)) | 0;
}

/** S[d], S[d+1] = the top 64 bits of S[a]·(S[b]:S[b+1]), floor(S[a]·(S[b]:S[b+1])/2^32) exactly. */
function prod32x64(d: number, a: number, b: number): void {
  prod32x64Full(X, a, b);
  S[d] = S[X]!;
  S[d + 1] = S[X + 1]!;
}

/** S[d], S[d+1] = the top 64 bits of (S[a]:S[a+1])·(S[b]:S[b+1]), low by less than 3 units. */
function prod64(d: number, a: number, b: number): void {
  const ah = S[a]!;
  const al = S[a + 1]!;
  const bh = S[b]!;
  const bl = S[b + 1]!;
  // hi(ah·bl)
  let x0 = ah & 0xffff;
  let x1 = ah >>> 16;
  let y0 = bl & 0xffff;
  let y1 = bl >>> 16;
  let p01 = Math.imul(x0, y1);
  let p10 = Math.imul(x1, y0);
  let mid = (Math.imul(x0, y0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const m1 = (Math.imul(x1, y1) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
  // hi(al·bh)
  x0 = al & 0xffff;
  x1 = al >>> 16;
  y0 = bh & 0xffff;
  y1 = bh >>> 16;
  p01 = Math.imul(x0, y1);
  p10 = Math.imul(x1, y0);
  mid = (Math.imul(x0, y0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const m2 = (Math.imul(x1, y1) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
  // hi(ah·bh)
  x0 = ah & 0xffff;
  x1 = ah >>> 16;
  p01 = Math.imul(x0, y1);
  p10 = Math.imul(x1, y0);
  mid = (Math.imul(x0, y0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const hh = (Math.imul(x1, y1) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
  const s1 = (Math.imul(ah, bh) + m1) | 0;
  const c1 = s1 >>> 0 < m1 >>> 0 ? 1 : 0;
  const s2 = (s1 + m2) | 0;
  const c2 = s2 >>> 0 < m2 >>> 0 ? 1 : 0;
  S[d + 1] = s2;
  S[d] = (hh + c1 + c2) | 0;
}

/**
 * Horner's rule on one-word partial sums, from the top level down: p ← tab[i] + hi(Z_hi·p) >>> d (or − for the
 * magnitudes of alternating terms) for `count` coefficients tab[i], tab[i−1], …, with shifts sh[s], sh[s+1], ….
 * Starts from and ends in S[P]; the products are written out here so that no word crosses a call.
 */
function horner32(tab: Int32Array, i: number, count: number, sh: Uint8Array, s: number, neg: boolean): void {
  const z = S[Z]!;
  const z0 = z & 0xffff;
  const z1 = z >>> 16;
  let p = S[P]!;
  for (let k = 0; k < count; k++) {
    const p0 = p & 0xffff;
    const p1 = p >>> 16;
    const a = Math.imul(z0, p1);
    const b = Math.imul(z1, p0);
    const mid = (Math.imul(z0, p0) >>> 16) + (a & 0xffff) + (b & 0xffff);
    const hi = (Math.imul(z1, p1) + (a >>> 16) + (b >>> 16) + (mid >>> 16)) >>> sh[s + k]!;
    p = neg ? (tab[i - k]! - hi) | 0 : (tab[i - k]! + hi) | 0;
  }
  S[P] = p;
}

/**
 * Horner's rule on two-word partial sums with the full 64-bit Z: p ← (tab[i]:tab[i+1]) ± (top 64 bits of Z·p) >> d,
 * for `count` coefficient pairs at tab[i], tab[i−2], …, with shifts sh[s], …. The top 64 bits of the 128-bit product
 * are low by less than 3 units (the two cross products' low words and the low product are dropped).
 */
function horner64(tab: Int32Array, i: number, count: number, sh: Uint8Array, s: number, neg: boolean): void {
  const zh = S[Z]!;
  const zl = S[Z + 1]!;
  const zh0 = zh & 0xffff;
  const zh1 = zh >>> 16;
  const zl0 = zl & 0xffff;
  const zl1 = zl >>> 16;
  let ph = S[P]!;
  let pl = S[P + 1]!;
  for (let k = 0; k < count; k++) {
    // hi(zh·pl)
    let x0 = pl & 0xffff;
    let x1 = pl >>> 16;
    let a = Math.imul(zh0, x1);
    let b = Math.imul(zh1, x0);
    let mid = (Math.imul(zh0, x0) >>> 16) + (a & 0xffff) + (b & 0xffff);
    const m1 = (Math.imul(zh1, x1) + (a >>> 16) + (b >>> 16) + (mid >>> 16)) | 0;
    // hi(zl·ph)
    x0 = ph & 0xffff;
    x1 = ph >>> 16;
    a = Math.imul(zl0, x1);
    b = Math.imul(zl1, x0);
    mid = (Math.imul(zl0, x0) >>> 16) + (a & 0xffff) + (b & 0xffff);
    const m2 = (Math.imul(zl1, x1) + (a >>> 16) + (b >>> 16) + (mid >>> 16)) | 0;
    // zh·ph
    a = Math.imul(zh0, x1);
    b = Math.imul(zh1, x0);
    mid = (Math.imul(zh0, x0) >>> 16) + (a & 0xffff) + (b & 0xffff);
    const hh = (Math.imul(zh1, x1) + (a >>> 16) + (b >>> 16) + (mid >>> 16)) | 0;
    const s1 = (Math.imul(zh, ph) + m1) | 0;
    const c1 = s1 >>> 0 < m1 >>> 0 ? 1 : 0;
    const ql = (s1 + m2) | 0;
    const qh = (hh + c1 + (ql >>> 0 < m2 >>> 0 ? 1 : 0)) | 0;
    // Shift by d and add to (or subtract from) the coefficient.
    const d = sh[s + k]!;
    const l = d === 0 ? ql : (ql >>> d) | (qh << (32 - d));
    const h = qh >>> d;
    const ch = tab[i - (k << 1)]!;
    const cl = tab[i - (k << 1) + 1]!;
    if (neg) {
      pl = (cl - l) | 0;
      ph = (ch - h - (cl >>> 0 < l >>> 0 ? 1 : 0)) | 0;
    } else {
      pl = (cl + l) | 0;
      ph = (ch + h + (pl >>> 0 < l >>> 0 ? 1 : 0)) | 0;
    }
  }
  S[P] = ph;
  S[P + 1] = pl;
}

/**
 * horner64 for the fast tables, with the two cross products zh·pl and zl·ph taken from their top halves only: the
 * top 64 bits of Z·p come out low by less than 2^17 + 2 units, at most 2^-44.5 of any fast result (P_0 >= 0.178·2^64
 * and the errors of lower levels reach it multiplied by z^k <= 1 at ever finer scales).
 */
function horner64Fast(tab: Int32Array, i: number, count: number, sh: Uint8Array, s: number, neg: boolean): void {
  const zh = S[Z]!;
  const zl = S[Z + 1]!;
  const zh0 = zh & 0xffff;
  const zh1 = zh >>> 16;
  const zl1 = zl >>> 16;
  let ph = S[P]!;
  let pl = S[P + 1]!;
  for (let k = 0; k < count; k++) {
    const m1 = Math.imul(zh1, pl >>> 16);
    const x0 = ph & 0xffff;
    const x1 = ph >>> 16;
    const m2 = Math.imul(zl1, x1);
    const a = Math.imul(zh0, x1);
    const b = Math.imul(zh1, x0);
    const mid = (Math.imul(zh0, x0) >>> 16) + (a & 0xffff) + (b & 0xffff);
    const hh = (Math.imul(zh1, x1) + (a >>> 16) + (b >>> 16) + (mid >>> 16)) | 0;
    const s1 = (Math.imul(zh, ph) + m1) | 0;
    const c1 = s1 >>> 0 < m1 >>> 0 ? 1 : 0;
    const ql = (s1 + m2) | 0;
    const qh = (hh + c1 + (ql >>> 0 < m2 >>> 0 ? 1 : 0)) | 0;
    const d = sh[s + k]!;
    const l = d === 0 ? ql : (ql >>> d) | (qh << (32 - d));
    const h = qh >>> d;
    const ch = tab[i - (k << 1)]!;
    const cl = tab[i - (k << 1) + 1]!;
    if (neg) {
      pl = (cl - l) | 0;
      ph = (ch - h - (cl >>> 0 < l >>> 0 ? 1 : 0)) | 0;
    } else {
      pl = (cl + l) | 0;
      ph = (ch + h + (pl >>> 0 < l >>> 0 ? 1 : 0)) | 0;
    }
  }
  S[P] = ph;
  S[P + 1] = pl;
}

/** The float register = (S[r]:S[r+1])·2^q (nonzero), with error bound err units of 2^q. */
function toFloat(r: number, q: number, err: number): void {
  const hi = S[r]!;
  const lo = S[r + 1]!;
  let d: number;
  if (hi === 0) {
    d = 32 + clz32(lo);
    R[FX] = d === 32 ? lo : lo << (d - 32);
    R[FX + 1] = 0;
  } else {
    d = clz32(hi);
    R[FX] = d === 0 ? hi : (hi << d) | (lo >>> (32 - d));
    R[FX + 1] = lo << d;
  }
  fx.e = q - d + 63;
  fx.err = scaleErr(err, d);
}

/**
 * t·2^60 into T (t = m·2^E, or m·2^E/√2 when `scaled`), then the interval index into st.i and Z. Requires
 * 0 < t < 11, m < 2^24, and for unscaled t, E >= −60; for scaled t, 8 <= 4 − E < 64.
 */
function reduceT(m: number, E: number, scaled: boolean): void {
  if (!scaled) {
    const s = E + 60;
    if (s >= 32) {
      S[T] = m << (s - 32);
      S[T + 1] = 0;
    } else {
      S[T] = m >>> (32 - s);
      S[T + 1] = m << s;
    }
  } else {
    // m·(2^64/√2) (exact, three words) shifted right by 4 − E: t·2^60 low by less than a unit and 2^-64.5 t.
    S[M] = m;
    prod32x64Full(X, M, IS);
    const p2 = S[X]!;
    const p1 = S[X + 1]!;
    const sh = 4 - E;
    if (sh < 32) {
      S[T + 1] = (S[X + 2]! >>> sh) | (p1 << (32 - sh));
      S[T] = (p1 >>> sh) | (p2 << (32 - sh));
    } else if (sh === 32) {
      S[T + 1] = p1;
      S[T] = p2;
    } else {
      S[T + 1] = (p1 >>> (sh - 32)) | (p2 << (64 - sh));
      S[T] = p2 >>> (sh - 32);
    }
  }
  const th = S[T]!;
  const tl = S[T + 1]!;
  // t < 1: sixteenths (index floor(16t), position the 56 bits below); t in [2^k, 2^(k+1)): eighths.
  let sh: number;
  if (th >>> 0 < 0x10000000) {
    st.i = th >>> 24;
    sh = 8;
  } else {
    const k = 3 - clz32(th);
    st.i = 16 + (k << 3) + ((th >>> (25 + k)) & 7);
    sh = 7 - k;
  }
  S[Z] = ~((th << sh) | (tl >>> (32 - sh)));
  S[Z + 1] = ~(tl << sh);
}

/** v·2^57 into T for v = m²·2^(2E+g) in [1/4, 104) (m < 2^24), then the interval index into st.i and Z. */
function reduceV(m: number, E: number, g: number): void {
  S[M] = m;
  prod32(C, M, M);
  const mh = S[C]!;
  const ml = S[C + 1]!;
  // s >= 7 since v >= 1/4 with m² < 2^48; v·2^57 < 2^64.
  const s = E + E + g + 57;
  if (s < 32) {
    S[T] = (mh << s) | (ml >>> (32 - s));
    S[T + 1] = ml << s;
  } else {
    S[T] = ml << (s - 32);
    S[T + 1] = 0;
  }
  const vh = S[T]! >>> 0;
  const vl = S[T + 1]!;
  // v >= 8: unit intervals (index 32 + floor(v), position the 57 bits below the point); v in [2^k, 2^(k+1)): eighths.
  let sh: number;
  if (vh >= 0x10000000) {
    st.i = 32 + (vh >>> 25);
    sh = 7;
  } else {
    const c = clz32(vh);
    st.i = ((8 - c) << 3) + ((vh >>> (28 - c)) & 7);
    sh = c + 4;
  }
  S[Z] = ~((vh << sh) | (vl >>> (32 - sh)));
  S[Z + 1] = ~(vl << sh);
}

/**
 * Fast: the float register = erfc(√v) (`minus` = 0), 1 − erfc(√v) (1) or 2 − erfc(√v) (2) for v = m²·2^(2E+g),
 * 1/4 <= v < 104, m < 2^24: erfc(t) for t = m·2^E (g = 0), or erfc(x/√2) = 2·Q(x) for x = m·2^E (g = −1). The
 * differences are formed at scale 2^-64 (2^-63 for 2 − erfc) from erfc's word shifted right by e_i (e_i + 1), which
 * loses one unit, and complemented, one more; they require 2^-31 < erfc(√v) < 1/2 (t in [1/2, 4]).
 */
export function erfcFast(m: number, E: number, g: number, minus: number): void {
  reduceV(m, E, g);
  const o = (st.i << 4) - st.i;
  S[P] = V32[o + 14]!;
  horner32(V32, o + 13, 4, V_SH, 0, false);
  // Levels 4 … 0 in two words with the full Z (P_5 becomes (P_5 : 0) at 2^-(64+g_5)).
  S[P + 1] = 0;
  horner64Fast(V32, o + 8, 5, V_SH, 4, false);
  const e = V_EXP[st.i]!;
  if (minus === 0) {
    toFloat(P, -64 - e, 0);
    return;
  }
  const d = minus === 1 ? e : e + 1;
  const ph = S[P]!;
  S[P + 1] = ~((S[P + 1]! >>> d) | (ph << (32 - d)));
  S[P] = ~(ph >>> d);
  toFloat(P, minus === 1 ? -64 : -63, 0);
}

/** The accurate R polynomial: P_0·2^64 into P. */
function rPoly64(): void {
  const o = (st.i << 5) - (st.i << 2);
  S[P] = R64[o + 26]!;
  S[P + 1] = R64[o + 27]!;
  horner64(R64, o + 24, 13, R64_SH, 0, false);
}

/** Accurate: the float register = e^(−m²·2^(2E+g)) (m < 2^24, 2E + g <= −16). */
function expNeg64(m: number, E: number, g: number): void {
  const q = E + E + g;
  if (m < 0x1000) {
    expReduce(1, Math.imul(m, m), q, BY_LOG2E, false);
    exp2Value();
    return;
  }
  // m² = A·2^24 + B: two exponentials and their product.
  S[M] = m;
  prod32(C, M, M);
  const a = ((S[C]! << 8) | (S[C + 1]! >>> 24)) >>> 0;
  const b = S[C + 1]! & 0xffffff;
  expReduce(1, a, q + 24, BY_LOG2E, false);
  exp2Value();
  if (b === 0) return;
  S[C] = R[FX]!;
  S[C + 1] = R[FX + 1]!;
  const e1 = fx.e;
  const err1 = fx.err;
  expReduce(1, b, q, BY_LOG2E, false);
  exp2Value();
  S[V] = R[FX]!;
  S[V + 1] = R[FX + 1]!;
  prod64(Q, C, V);
  toFloat(Q, e1 + fx.e - 62, err1 + fx.err + 4);
}

/**
 * Accurate: the float register = erfc(t) for t = m·2^E, or (`scaled`) erfc(x/√2) = 2·Q(x) for x = m·2^E; 0 < t < 11,
 * m < 2^24, t >= 2^-36 unscaled and 2^-25 <= x scaled.
 */
export function erfcAccurate(m: number, E: number, scaled: boolean): void {
  reduceT(m, E, scaled);
  rPoly64();
  expNeg64(m, E, scaled ? -1 : 0);
  S[V] = R[FX]!;
  S[V + 1] = R[FX + 1]!;
  prod64(Q, V, P);
  toFloat(Q, fx.e - 63 - R_EXP[st.i]!, fx.err + 9);
}

/** ζ·2^64 = m²·2^(2E+s0) into Z, truncated (ζ < 1, m < 2^24): 4t² for erf(t) (s0 = 66), 2x² for Φ(x) (s0 = 65). */
function zeta(m: number, E: number, s0: number): void {
  S[M] = m;
  prod32(C, M, M);
  const mh = S[C]!;
  const ml = S[C + 1]!;
  const s = E + E + s0;
  let hi = 0;
  let lo = 0;
  if (s >= 32) {
    hi = ml << (s - 32);
  } else if (s > 0) {
    hi = (mh << s) | (ml >>> (32 - s));
    lo = ml << s;
  } else if (s === 0) {
    hi = mh;
    lo = ml;
  } else if (s > -32) {
    hi = mh >>> -s;
    lo = (ml >>> -s) | (mh << (32 + s));
  } else if (s > -64) {
    lo = mh >>> (-s - 32);
  }
  S[Z] = hi;
  S[Z + 1] = lo;
}

/** The float register = m·2^E·(P·2^-63) for the 64-bit P in register P, with error bound err of P. */
function timesArgument(m: number, E: number, err: number): void {
  const c = clz32(m);
  S[M] = m << c;
  prod32x64(Q, M, P);
  toFloat(Q, E - c - 31, err + 1);
}

/** Fast: the float register = erf(t) for t = m·2^E < 1/2. */
export function erfSmallFast(m: number, E: number): void {
  zeta(m, E, 66);
  S[P] = S32[8]!;
  horner32(S32, 7, 4, S32_SH, 0, true);
  S[P + 1] = 0;
  horner64Fast(S32, 2, 2, S32_SH, 4, true);
  timesArgument(m, E, 0);
}

/**
 * Fast: the float register = |gelu(x)| for x = (−1)^sign·m·2^E, 2^-25 <= |x| < 14.4 (m < 2^24), in one pass with a
 * single normalization. |x| < 1/√2 (x² < 1/2): Φ(x) = 1/2 ± G, G = |x|·S'(2x²) < 0.27, formed at scale 2^-64 (one more
 * unit lost to the shift); otherwise Q = erfc(√v)/2, v = x²/2, from the table, and 1 − Q at scale 2^-64 for x > 0
 * (Q <= 0.24; one unit lost to the shift, one to the complement) or Q itself for x < 0; then times |x|.
 */
export function geluFast(sign: number, m: number, E: number, small: boolean): void {
  const c = clz32(m);
  if (small) {
    zeta(m, E, 65);
    S[P] = SG32[8]!;
    horner32(SG32, 7, 4, SG_SH, 0, true);
    S[P + 1] = 0;
    horner64Fast(SG32, 2, 2, SG_SH, 4, true);
    // G = (M·P/2^32)·2^(E−c−33) with M = m·2^c; G·2^64 = (M·P/2^32) >> (c − E − 31).
    S[M] = m << c;
    prod32x64(Q, M, P);
    const sh = c - E - 31;
    const qh = S[Q]!;
    const ql = S[Q + 1]!;
    let gh = 0;
    let gl = 0;
    if (sh < 32) {
      gl = (ql >>> sh) | (qh << (32 - sh));
      gh = qh >>> sh;
    } else if (sh < 64) {
      gl = qh >>> (sh - 32);
    }
    if (sign === 0) {
      S[P] = gh | 0x80000000;
      S[P + 1] = gl;
    } else {
      S[P + 1] = -gl;
      S[P] = (0x80000000 - gh - (gl !== 0 ? 1 : 0)) | 0;
    }
  } else {
    reduceV(m, E, -1);
    const o = (st.i << 4) - st.i;
    S[P] = V32[o + 14]!;
    horner32(V32, o + 13, 4, V_SH, 0, false);
    S[P + 1] = 0;
    horner64Fast(V32, o + 8, 5, V_SH, 4, false);
    const e = V_EXP[st.i]! + 1;
    if (sign !== 0) {
      // |x|·Q = (M·P/2^32)·2^(E−c−32−e).
      S[M] = m << c;
      prod32x64(Q, M, P);
      toFloat(Q, E - c - 32 - e, 0);
      return;
    }
    // 1 − Q = ~(P >> e) at scale 2^-64 (1 <= e < 32 here: Q >= Q(5.5) > 2^-26).
    const ph = S[P]!;
    S[P + 1] = ~((S[P + 1]! >>> e) | (ph << (32 - e)));
    S[P] = ~(ph >>> e);
  }
  // |x|·Φ = (M·Φ64/2^32)·2^(E−c−32).
  S[M] = m << c;
  prod32x64(Q, M, P);
  toFloat(Q, E - c - 32, 0);
}

/** Accurate: the float register = erf(t) for t = m·2^E < 1/2. */
export function erfSmallAccurate(m: number, E: number): void {
  zeta(m, E, 66);
  S[P] = S64[24]!;
  S[P + 1] = S64[25]!;
  horner64(S64, 22, 12, S64_SH, 0, true);
  timesArgument(m, E, 4);
}

/** Q = floor(sig/2^sh) for the float register's significand sig (zero once sh >= 64). */
function shiftedValue(sh: number): void {
  const hi = R[FX]!;
  const lo = R[FX + 1]!;
  if (sh === 0) {
    S[Q] = hi;
    S[Q + 1] = lo;
  } else if (sh < 32) {
    S[Q + 1] = (lo >>> sh) | (hi << (32 - sh));
    S[Q] = hi >>> sh;
  } else if (sh < 64) {
    S[Q + 1] = hi >>> (sh - 32);
    S[Q] = 0;
  } else {
    S[Q + 1] = 0;
    S[Q] = 0;
  }
}

/** The float register V (< 1) becomes 1 − V, formed at scale 2^-64 (one unit lost to V's shift, one to the ~). */
export function oneMinus(): void {
  const sh = -fx.e - 1;
  shiftedValue(sh);
  S[Q] = ~S[Q]!;
  S[Q + 1] = ~S[Q + 1]!;
  toFloat(Q, -64, (fx.err >>> sh) + 3);
}

/** The float register V (< 1) becomes 2 − V (in (1, 2)), at scale 2^-63. */
export function twoMinus(): void {
  const sh = -fx.e;
  shiftedValue(sh);
  S[Q] = ~S[Q]!;
  S[Q + 1] = ~S[Q + 1]!;
  toFloat(Q, -63, (fx.err >>> sh) + 3);
}

/** The float register V (< 1) becomes 1 + V (in [1, 2)), at scale 2^-63. */
export function onePlus(): void {
  const sh = -fx.e;
  shiftedValue(sh);
  S[Q] = S[Q]! | 0x80000000;
  toFloat(Q, -63, (fx.err >>> sh) + 2);
}

/** The float register V becomes V·m·2^E (0 < m < 2^24). */
export function timesX(m: number, E: number): void {
  S[P] = R[FX]!;
  S[P + 1] = R[FX + 1]!;
  const c = clz32(m);
  S[M] = m << c;
  prod32x64(Q, M, P);
  toFloat(Q, E - c + fx.e - 31, fx.err + 1);
}

/**
 * binary32 of ± the fast result, or -1 when it lies within ERR32 units of a rounding boundary (then the caller
 * recomputes with the accurate kernel). Same test as kernels/round.ts finishF32, with the wider bound.
 */
export function finishFastF32(sign: number): number {
  const hi = R[FX]!;
  const lo = R[FX + 1]!;
  const lowHi = hi & 0x7f;
  const near = (lowHi === 0 && lo <= ERR32) || (lowHi === 0x7f && ~lo >>> 0 < ERR32);
  if (near || zivStats.force || erfFastPath.accurateOnly) return -1;
  return roundPackToF32(sign, fx.e + 126, (hi >>> 1) | 1);
}

/** binary16 of ± the fast result, or -1 when it lies within ERR32 units of a rounding boundary. */
export function finishFastF16(sign: number): number {
  const hi = R[FX]!;
  const lo = R[FX + 1]!;
  const lowHi = hi & 0xfffff;
  const near = (lowHi === 0 && lo <= ERR32) || (lowHi === 0xfffff && ~lo >>> 0 < ERR32);
  if (near || zivStats.force || erfFastPath.accurateOnly) return -1;
  return roundPackToF16(sign, fx.e + 14, (hi >>> 17) | 1);
}

/** bfloat16 of ± the fast result, or -1 when it lies within ERR32 units of a rounding boundary. */
export function finishFastBF16(sign: number): number {
  const hi = R[FX]!;
  const lo = R[FX + 1]!;
  const lowHi = hi & 0x7fffff;
  const near = (lowHi === 0 && lo <= ERR32) || (lowHi === 0x7fffff && ~lo >>> 0 < ERR32);
  if (near || zivStats.force || erfFastPath.accurateOnly) return -1;
  return roundPackToBF16(sign, fx.e + 126, (hi >>> 17) | 1);
}

/** binary32 of ± the accurate result when even it is undecided: rounded as it stands (within 2^-55 relative). */
export function roundAnywayF32(sign: number): number {
  return roundPackToF32(sign, fx.e + 126, (R[FX]! >>> 1) | 1);
}

/* Tables, generated with mpmath (80 to 110 digits) by the generator described in the report of this kernel. */

/** Horner shifts g_(k+1) − g_k from the top level down, for each table. */
const V_SH = new Uint8Array([2, 3, 3, 2, 3, 2, 2, 1, 0]);
const S32_SH = new Uint8Array([5, 5, 4, 4, 4, 4]);
const SG_SH = new Uint8Array([5, 4, 5, 4, 4, 3]);
const R64_SH = new Uint8Array([1, 4, 3, 4, 3, 3, 3, 4, 3, 3, 4, 3, 3]);
const S64_SH = new Uint8Array([6, 5, 6, 5, 5, 5, 5, 5, 4, 4, 4, 4]);

/**
 * The fast erfc(√v) table: per interval B_0 … B_4 (two words each) and B_5 … B_9 (one word), at scales 2^-(W+g_k), g =
 * 0, 0, 1, 3, 5, 8, 10, 13, 16, 18.
 */
const V32 = new Int32Array([
  0xe811002b, 0x59d26cee, 0x0cd9394a, 0x7378a038, 0x011d85dc, 0xaf35a106, 0x003c1e51, 0x9fe88722,
  0x000fef3c, 0xef1c47fe, 0x0009b5bd, 0x0003331f, 0x00024198, 0x00016187, 0x0000f6eb, 0xdbbf7c85,
  0xf9f49700, 0x0bd06d13, 0xf232129b, 0x00f5bc10, 0x053a1312, 0x002ec8ba, 0x32e41d1d, 0x000b1c38,
  0x3bdeca59, 0x0006135b, 0x0001cccd, 0x000122c9, 0x0000a679, 0x00006005, 0xd064679c, 0x2823994c,
  0x0aeaf4a9, 0x50fa97db, 0x00d662c4, 0x428e1893, 0x00255334, 0xebb68c3e, 0x00080675, 0x8b805db6,
  0x0003fa58, 0x000111ef, 0x00009c89, 0x0000539a, 0x00002910, 0xc5e03667, 0xb005a7f3, 0x0a21a2b2,
  0x25765fa7, 0x00bd1e87, 0xa80e7611, 0x001e64e8, 0x16deff21, 0x0005f7f6, 0x9e5e9c5c, 0x0002b431,
  0x0000aa72, 0x00005907, 0x00002c62, 0x000012fb, 0xbc19838f, 0xe91390c9, 0x096f3799, 0xded4ec3b,
  0x00a85e56, 0x6b38eed2, 0x00192d57, 0xc9c7a387, 0x00048c9b, 0xdf4ac7d3, 0x0001e58b, 0x00006e33,
  0x00003503, 0x000018b7, 0x0000095c, 0xb2fb780f, 0x9c36e38f, 0x08cfc192, 0x08a3a3c5, 0x00970e1a,
  0xec015687, 0x001528e2, 0x3f6d83c3, 0x00038a66, 0x28a9796c, 0x00015dd8, 0x0000499d, 0x000020d2,
  0x00000e59, 0x000004e0, 0xaa74b375, 0x8bf2a0e0, 0x084037ec, 0xabea8adf, 0x00886a03, 0x04b3b460,
  0x00120154, 0x7e42b2c0, 0x0002ce40, 0x85ec2694, 0x000101f8, 0x00003294, 0x00001503, 0x000008a3,
  0x000002a9, 0xa27685db, 0xe590596c, 0x07be3963, 0x8cc5ce5d, 0x007be396, 0x38cc3bc6, 0x000f7c72,
  0xc72025ae, 0x00024226, 0x11b371ba, 0x0000c218, 0x0000239e, 0x00000dda, 0x0000055e, 0x00000183,
  0x93e368a6, 0x2f1a082d, 0x0db742c8, 0xfb38006c, 0x019e861b, 0x481cc65a, 0x005e25fd, 0x093a0047,
  0x00185c37, 0x75552a22, 0x000e74aa, 0x0004b1cd, 0x00034879, 0x0002007c, 0x000163e0, 0x86f059ad,
  0x6b98e2da, 0x0c394144, 0x2e9e8ae3, 0x01600a8a, 0xdec53712, 0x0049aaf9, 0xfe4421b1, 0x00112762,
  0xe389cb98, 0x00091c97, 0x0002a774, 0x0001a8b3, 0x0000f1fd, 0x00008aba, 0x7b5e690b, 0xc8949b1f,
  0x0af2dbd1, 0xd38cc597, 0x012e94d2, 0x49b7cabb, 0x003aff01, 0xcf8bb1b1, 0x000c82ca, 0x476f1b6a,
  0x000602e8, 0x00019605, 0x0000e581, 0x000079e0, 0x00003b79, 0xe1f7ac6a, 0x702677f1, 0x13b1e444,
  0x33ddfe71, 0x020d3271, 0xc560d718, 0x0060493f, 0x87930a8a, 0x0012c878, 0x6313fd4a, 0x00083c95,
  0x0001fc03, 0x00010614, 0x000081c9, 0x0000371e, 0xcf40e6b5, 0xc738a283, 0x11c69aa4, 0xc9f1dfe7,
  0x01cb6f9c, 0xf1ea7a71, 0x004fcc5a, 0x52e98d6f, 0x000e7168, 0xa3207b97, 0x0005d30e, 0x00014a50,
  0x00009cb1, 0x00004880, 0x00001b3f, 0xbe56785a, 0x65270f83, 0x101764cc, 0x32993206, 0x01949554,
  0x0e1b5f5c, 0x0042fe21, 0x0943308d, 0x000b5563, 0xe33a697a, 0x00043b32, 0x0000ddf4, 0x0000616c,
  0x00002a3a, 0x00000e3a, 0xaf015518, 0xa6735eeb, 0x0e9a9806, 0xf8ce3165, 0x0166482b, 0x55b52f71,
  0x0038db97, 0x92c06a73, 0x00090c8b, 0x20e7e4d0, 0x00032563, 0x00009970, 0x00003ea5, 0x00001981,
  0x000007c9, 0xa1130b17, 0xdeeea724, 0x0d488f84, 0xb7de1456, 0x013ecd74, 0x713c711f, 0x0030b4b8,
  0xe6b575dc, 0x00075564, 0x8f5246a9, 0x0002630a, 0x00006cbb, 0x0000297b, 0x00000fe8, 0x00000470,
  0x88d236c4, 0xb23f71db, 0x161ab5c9, 0x182b1a04, 0x03fdb627, 0xdca16ef3, 0x01248a95, 0x623f2bd0,
  0x004ffce9, 0x3b7a1ca0, 0x002e443e, 0x000e8636, 0x0009ec37, 0x0005fc3a, 0x000418bc, 0x74941fba,
  0xd649e7ab, 0x12818772, 0x7744fd63, 0x033d114d, 0xa17400c4, 0x00e1085a, 0x99c372ef, 0x0038c06b,
  0x0c1cbaa4, 0x001da13b, 0x0008539c, 0x000510e1, 0x0002d8bc, 0x00019b32, 0xc72d546c, 0x4b24d7bf,
  0x1f2493c2, 0x84951b56, 0x054ef646, 0xf9564420, 0x0160c7f2, 0xe94c2316, 0x0053182e, 0xa62a5294,
  0x0027ade9, 0x000a1881, 0x0005890f, 0x0002e3ca, 0x000162b9, 0xaa86963f, 0xe5c7055a, 0x1a503dcc,
  0x210e6dce, 0x0462b4f7, 0x5ac505e8, 0x0118ad3d, 0xda6e73b8, 0x003e5f62, 0xb30cba81, 0x001b8c4e,
  0x000668b4, 0x00033286, 0x00018d36, 0x0000a56c, 0x92467638, 0xef8538f1, 0x164f7ea5, 0x01241297,
  0x03a59c16, 0x0c75ef02, 0x00e20274, 0x8c42908f, 0x002fc69f, 0x518f3189, 0x0013b455, 0x00043a7b,
  0x0001ef5d, 0x0000dfe3, 0x00005254, 0x7daef0d1, 0x2e2ba19a, 0x12f90739, 0x49bf9c8f, 0x030c9804,
  0xa2b1790c, 0x00b7ca65, 0x53d6f473, 0x00253540, 0x16aabdd2, 0x000e72b7, 0x0002e1da, 0x000137e7,
  0x000083a3, 0x00002b4c, 0xd84cb068, 0x3ee484dc, 0x2059f13a, 0x6b794220, 0x051f4eba, 0x50fff9bc,
  0x012d5ee4, 0xc2a195f5, 0x003ac275, 0xf5f369f0, 0x0015a252, 0x00040a41, 0x00019662, 0x0000a09f,
  0x00002fbf, 0xba5e7c16, 0x4ec2fcc3, 0x1ba4b436, 0xe83add5c, 0x0451bc28, 0x9446e49b, 0x00f8ca55,
  0xee9f7c66, 0x002eefa7, 0x46af0e5a, 0x00107c3a, 0x0002e668, 0x000110ae, 0x0000653c, 0x00001b6e,
  0x8ad55476, 0x4290140c, 0x28984988, 0xf5950ca1, 0x0c676bcd, 0x63a65e15, 0x0563392b, 0x6e22d24f,
  0x01ecb4ec, 0x951c6e9a, 0x013fc4bb, 0x006567e4, 0x0042e7a6, 0x00273877, 0x0019a2c5, 0x67d2970c,
  0x2d1f42ab, 0x1dfe3049, 0x3b571168, 0x08ff74e2, 0xc3a1fd1f, 0x03cc9210, 0x5fcaf344, 0x014cb8ad,
  0xa7171a06, 0x00cab515, 0x003b139e, 0x00230bb5, 0x0013163c, 0x000a3cda, 0x9bc86f90, 0x3fb321ce,
  0x2c8afde1, 0x9e37785b, 0x0d2910d4, 0x1c33ee88, 0x056e08bb, 0xfbc01abb, 0x01cb3d4e, 0xefe0db58,
  0x0109da5b, 0x00484214, 0x00272fde, 0x0013d74b, 0x000902a4, 0x75319a00, 0xa9c11193, 0x21369563,
  0x8c0b811e, 0x09afeb92, 0x5db51e12, 0x03ebc6f8, 0x4a4dcc17, 0x01424a8a, 0xc1b95bd8, 0x00b2f143,
  0x002de6a4, 0x001712aa, 0x000ae7c4, 0x00044b05, 0xb0bdd770, 0x636e33bd, 0x31b41346, 0x47440683,
  0x0e566805, 0x806c8de9, 0x05b5e369, 0xfe08d476, 0x01ca60e2, 0x72d5fcd1, 0x00f5dd3e, 0x003c1859,
  0x001c52f6, 0x000c9158, 0x00045ed7, 0x858ba71b, 0x2e990842, 0x254d0d5d, 0xf30a6373, 0x0aa84cf6,
  0x45389211, 0x042fd517, 0xa66c0521, 0x01497009, 0x742c6e68, 0x00abade6, 0x00284bfe, 0x0011fb31,
  0x00078946, 0x00025a0e, 0x65166ef3, 0x4950a8cd, 0x1c10a3f1, 0x212f5810, 0x07f3a5ea, 0xb838893d,
  0x03164f79, 0x445f30f9, 0x00eed2a0, 0x626e6a76, 0x0079770d, 0x001b8d3e, 0x000bbbd8, 0x0004ac74,
  0x00015396, 0x9947af61, 0xa87333cc, 0x2a5373d1, 0x9f34b948, 0x0be77892, 0xf4a68b44, 0x049304d9,
  0xadf3e280, 0x015cbf9c, 0x511679ec, 0x00adbc39, 0x00264751, 0x000faa22, 0x0005f6b9, 0x00018ec1,
  0x587787e6, 0x16d64886, 0x306858aa, 0x3f67d05b, 0x1ae4a309, 0x080f2caa, 0x1451b9cd, 0xb36ea28f,
  0x0bd1d608, 0xc176e718, 0x0b646b24, 0x04c9d014, 0x03b9688a, 0x02587f41, 0x017f96b9, 0x66971780,
  0xd212a7a2, 0x37b53fa7, 0xfc4494f8, 0x1ea3afcf, 0x6e2fde20, 0x16d71cb0, 0xe273867d, 0x0d0b817e,
  0xa365bb75, 0x0c428553, 0x04fa62da, 0x03ade755, 0x023d80ce, 0x013b4825, 0x776c138f, 0x6ef54cb7,
  0x406eaec2, 0x3d4e182f, 0x23251981, 0x16bdf911, 0x19ea399e, 0xe3084194, 0x0e9654a9, 0xa96cde0b,
  0x0d71316b, 0x055095e6, 0x03c7a989, 0x023bd205, 0x01190209, 0x8b7648fb, 0xc40ac6aa, 0x4ad537c7,
  0x1325b5ab, 0x2888d38b, 0xb6f0de33, 0x1d9f10c4, 0xc01e0ee7, 0x107a5add, 0xb2c9cf60, 0x0ef2b587,
  0x05c9a6a1, 0x03fef31f, 0x024d5cb7, 0x010a03f8, 0x51a7ce3b, 0x9cb6e373, 0x2b9b98cb, 0x543af977,
  0x177b2ae3, 0x9560be52, 0x1107bf78, 0x12193ad7, 0x0961c181, 0xf2caf9cb, 0x08672a2f, 0x033307d1,
  0x02286930, 0x01379a30, 0x0083bd0f, 0x5fd86d85, 0x282d65b0, 0x32f98546, 0x9bddddf3, 0x1b4ed08a,
  0x57e8e669, 0x13add33e, 0xa807a86d, 0x0ac0bb32, 0xea760637, 0x0987af0c, 0x03943f1c, 0x025e8433,
  0x015025b5, 0x00870ae2, 0x70bbcfce, 0xe12426bd, 0x3bbd1b27, 0x263ea0f3, 0x1fdc52bf, 0x7dc1de3c,
  0x16d55d72, 0x77231e4e, 0x0c63e702, 0x3ffae938, 0x0ae27972, 0x040ab157, 0x02a28e73, 0x01706562,
  0x008e2339, 0x84d6bcaa, 0x57ff73ad, 0x462a638b, 0x030b98ec, 0x254684e1, 0xcae1fc9a, 0x1a960fba,
  0x967333dc, 0x0e574447, 0x911e7780, 0x0c811541, 0x04996721, 0x02f5fb89, 0x0198df26, 0x0098b8e3,
  0x2e53beca, 0x0614a23e, 0x30ac26f4, 0xb5131e29, 0x336061eb, 0x847c4419, 0x48b554c6, 0xf5ec2ffc,
  0x4dae3a0b, 0x582ca467, 0x85e6c7ef, 0x608f4cf1, 0x7f0cd8ba, 0x6761474b, 0x7ca5a254, 0x40f69401,
  0xc87bfeca, 0x43f26d24, 0x46439df4, 0x475825b0, 0xe34a65fd, 0x6455ca69, 0x194007a9, 0x6a643a45,
  0x49272fc9, 0xb5b6590e, 0x81a36c08, 0xa7969dce, 0x8931c6ee, 0x9bbe17a4, 0x2dbe3f92, 0x97708716,
  0x2faa8358, 0x9c003a0b, 0x31d52c28, 0x4eda75b1, 0x45b9f870, 0x56e296d6, 0x497dc607, 0x55d5f5bd,
  0x7c9dc61e, 0x582a5c6e, 0x707e5e74, 0x5c56511f, 0x647dcc99, 0x40a658ee, 0x49275a7e, 0x4327c44a,
  0x74c8e991, 0x45f4170c, 0x43fd4836, 0x6177f4e1, 0xd3a588ff, 0x663a3cbb, 0xac2329a4, 0xac5682bf,
  0x791ea79d, 0x98ff7161, 0x7db6ae62, 0x84aa1cea, 0x2dd302d6, 0x860d9949, 0x2f78c2ea, 0xc2429b9a,
  0x314c2cd1, 0x189aeb9a, 0x44720a4c, 0xdc200731, 0x477e996d, 0xac65b7e3, 0x77f40b0c, 0x53d935f5,
  0x6914cb33, 0x565c6ccd, 0x59099874, 0x412177f6, 0x5ccfd1ab, 0x43507e7e, 0x51d5fe24, 0x45b7f0a5,
  0x7e87018b, 0x6081c8fa, 0xfa69fbb7, 0x647581e2, 0x11f3996f, 0xa7e10ebd, 0x74d302f5, 0x917945b8,
  0x7788ede8, 0x79069346, 0x2e63ff98, 0xb0e3417b, 0x2fd90a27, 0x5ded5db4, 0x3171573d, 0x0f01ffa6,
  0x44434e9e, 0xfeb890ac, 0x46d96152, 0x54d33077, 0x75ff92bf, 0x51cde55f, 0x65549e83, 0x533ad77d,
  0x530f3af4, 0x4237744e, 0xf47aea1d, 0x442c5223, 0x032a1de9, 0x464db4a1, 0x32c36230, 0x60d84f0d,
  0x9cf24793, 0x6442194c, 0xdb0006b5, 0xa67efb39, 0x730e72c6, 0x8de4b154, 0x747d66d1, 0x72e4f24c,
  0x2f5745dd, 0xa502d1a7, 0x30a94f12, 0xbbf9810c, 0x3217b33a, 0xe5dccafe, 0x44dde766, 0x49d6517d,
  0x4722b4a2, 0x6c338eb8, 0x75d63f8f, 0x5134c5d0, 0x63c6233a, 0x51de40eb, 0x4ff76c76, 0x43cc3bc0,
  0x245bb322, 0x4596ad4a, 0x71eae414, 0x4785875d, 0xd3657ff9, 0x6227817b, 0x77181490, 0x653089a5,
  0x05981743, 0xa741230b, 0x72fc39aa, 0x8cd30cc1, 0x737d8ab7, 0x6fe45cec, 0x309d86f0, 0x08bd246e,
  0x31d5b731, 0x4f8c64eb, 0x332571db, 0xbb1b07f1, 0x4614ea5b, 0x8ec1f322, 0x481f9f41, 0x89a6b397,
  0x76fb35c3, 0x51a03e60, 0x63b0ee17, 0x51b6f862, 0x4e9f4494, 0x45cf0c25, 0xce063528, 0x4779db62,
  0x1cd4fd58, 0x49434d99, 0x017c9495, 0x643ec215, 0xc34461a3, 0x6701866e, 0xe56f1b01, 0xa9a2d0b5,
  0x74291dfb, 0x8d862f99, 0x73f275a4, 0x6ee58797, 0x322d9773, 0x390ca3fb, 0x33525ba8, 0x0396bb53,
  0x348b2d06, 0xf617f86d, 0x47cdcb48, 0x23ea0d74, 0x49adc16b, 0x54b03c6a, 0x7926ef9e, 0x52d2bda2,
  0x64b0f704, 0x52748818, 0x4e74fbcc, 0x4835eaf4, 0x47903036, 0x49c8d2d2, 0x49c93e60, 0x4b761d5c,
  0x671596b4, 0x6700ea5a, 0x4aa459cb, 0x698f6c5e, 0xe524fb67, 0xad5618fc, 0x76527954, 0x8f9321e0,
  0x7585378d, 0x6f512093, 0x34021a55, 0x9b85375f, 0x351823e3, 0x5fbf6695, 0x363f9f0d, 0xacade908,
  0x49f881ec, 0x668d0944, 0x4bb866e5, 0x740fa502, 0x7c2eaa7f, 0x54a7d5d0, 0x668c4eef, 0x53e7775f,
  0x4f288eb7, 0x4afb3459, 0x9342aa2f, 0x4c7bf40b, 0xc51bc258, 0x4e13de64, 0x92a70483, 0x6a5c62ed,
  0x146a5ac5, 0x6cc36dc7, 0xb2dec023, 0xb22bdb87, 0x7950356f, 0x92ba85e9, 0x78018b95, 0x70d13cf1,
  0x361834eb, 0x3eaf299a, 0x37230fcd, 0xfcef4b66, 0x383d5cde, 0xccd866b7, 0x4c8b7ac6, 0x7468bd89,
  0x4e330ae9, 0xb80e198d, 0x7ff86ad7, 0x57096533, 0x69201377, 0x55f2d60e, 0x508b4b8d, 0x4e1c3608,
  0x132a4d57, 0x4f8f36b9, 0xf7f9dc3f, 0x5116e403, 0xb9e9b4b6, 0x6e46e691, 0xf5f9fb2a, 0x708fe9c6,
  0x626fa18d, 0xb8078d44, 0x7d09e36f, 0x96d5d129, 0x7b474f88, 0x7332a1fd, 0x386ecc7d, 0x1d3fe800,
  0x39713bcc, 0x43c86090, 0x3a818d72, 0x45156dc7, 0x4f815828, 0xd5c8060e, 0x51166080, 0xbfadc81b,
  0x8474a7f8, 0x59e9feab, 0x6c56fae4, 0x5884ce79, 0x5280e988, 0x51985968, 0x93912c53, 0x530116a1,
  0x76c1b75d, 0x547c893f, 0x2c2def4a, 0x72bb18dc, 0x757fa09f, 0x74ed4436, 0x3663d43d, 0xbed88e7f,
  0x8170e7f1, 0x9bcd99cf, 0x7f42cccc, 0x7655f873, 0x3b060fb8, 0xc4337b25, 0x3c02491a, 0xab9d9209,
  0x3d0b2700, 0x57384c43, 0x52d7a2ef, 0x1fb0a194, 0x545e9f44, 0x86ae44ea, 0x899abd94, 0x5d41d4a8,
  0x702445b9, 0x5b929567, 0x54f80ace, 0x55709f25, 0x77f057ca, 0x56d1eb19, 0xb20650b5, 0x5844599b,
  0xffa90a51, 0x77b71636, 0xcc74f043, 0x79d80b8b, 0x2baaf76a, 0xc696530f, 0x867d2d5c, 0xa1943ce0,
  0x83e862ec, 0x7a2813ff, 0x3ddf2c42, 0xa5c6981f, 0x3ed6ff7f, 0xc147a6f0, 0x3fda772d, 0xa21de3bd,
  0x568dfec4, 0x512f4c0f, 0x580a7e8d, 0xe35112b7, 0x8f66d273, 0x610ceea8, 0x7480e051, 0x5f161362,
  0x57e63200, 0x59a74b24, 0x34f483a6, 0x5b037ce8, 0x7235b0e6, 0x5c6f8ac7, 0xf1d36694, 0x7d3b9091,
  0x454fc4de, 0x7f4fd765, 0x01869202, 0xcf3e11ce, 0x8c2b2d9c, 0xa822c194, 0x8931fa97, 0x7e9da931,
  0x40fc1f22, 0xba9a5eb1, 0x41f1114e, 0x9bd5113f, 0x42f0d754, 0xb11048d2, 0x5aa5aa80, 0x86c18f1c,
  0x5c1a93af, 0x584cba0b, 0x95d88f00, 0x654a138f, 0x7969ae46, 0x630c7d39, 0x5b457415, 0x2f1fd748,
  0xf05a23cf, 0x2fcc6120, 0x91d868e9, 0x30805374, 0xb630a9d4, 0x41a59fa8, 0x5fb68fae, 0x42ab494d,
  0x89dbe81d, 0x6c68a9dd, 0x493d5e51, 0x57bb7b39, 0x478ebb3e, 0x41d865f8, 0x445f9631, 0x98f2ce08,
  0x4552f4d0, 0x9bd3fa5f, 0x46507be9, 0x1321eae5, 0x5f212e8a, 0x7eb810f3, 0x6090eb20, 0x93c73309,
  0x9cf24d8a, 0x69fa1c00, 0x7ede7d50, 0x677574c5, 0x5f131826, 0x319f02aa, 0xfa0c05cf, 0x324ad981,
  0xb83a3aa7, 0x32fdaab5, 0x12f144cd, 0x44f5414e, 0x61e66365, 0x45f8034b, 0xe8588aad, 0x71aa8465,
  0x4cb72240, 0x5bc9219e, 0x4ad5dc00, 0x44afb4a9, 0x480cdcb0, 0x07a13ca2, 0x48ffcb8a, 0xecce9c52,
  0x49fc5526, 0x93db30c8, 0x6404282b, 0xcf9143a4, 0x6570c633, 0x32f253db, 0xa4b894bf, 0x6f1f835e,
  0x84e15abc, 0x6c527aba, 0x634ebda0, 0x3453b03e, 0x3c0e570d, 0x34ff967a, 0x775a232a, 0x35b21bc8,
  0x47530928, 0x488f93cc, 0x62a9323b, 0x4990c7fa, 0xe84b97b1, 0x77687808, 0x50852394, 0x603c73ce,
  0x4e6ffed7, 0x47d52971, 0x4c07cf76, 0xa426b47e, 0x4cfb52cf, 0x3f96e5dd, 0x4df7fb31, 0x08c277ad,
  0x695327c6, 0xa95a0dee, 0x6abe7047, 0xab206822, 0xad31c147, 0x74be1fee, 0x8b762591, 0x71a69292,
  0x67f9d200, 0x3740cccc, 0x93a8c3e0, 0x37ed7170, 0xf934f09a, 0x38a06936, 0x78c15c03, 0x4c78213a,
  0xd4882db7, 0x4d78f70f, 0x07d5b5f8, 0x7da79ace, 0x54aa8656, 0x6518befe, 0x525fbd0a, 0x4b4a50cf,
  0x5054d67e, 0x637c3f86, 0x5149dabf, 0xd307782f, 0x5247a208, 0x52d0d48e, 0x6f139bca, 0x115da8c6,
  0x707f23a7, 0xce6dbf62, 0xb665ce49, 0x7adaf45e, 0x92a2473c, 0x77760692, 0x6d173772, 0x3a69a64c,
  0x52ba3cc8, 0x3b17a9b8, 0xa9ed7e76, 0x3bcbc106, 0xbdfa683e, 0x50b30bc1, 0x09687a4b, 0x51b49297,
  0x7bbf698e, 0x846e1a1d, 0x592b3757, 0x6a625543, 0x56a887b7, 0x4f11a807, 0x54f8e24f, 0xd88bbdd4,
  0x55f041f6, 0x2e881d3d, 0x56f01307, 0xaa99f0ba, 0x754bc48b, 0xc0e3f812, 0x76b8f927, 0x27ed0ded,
  0xc05e32f5, 0x817c125b, 0x9a6c85c8, 0x7dc640ff, 0x72ab0aaa, 0x3dd1eb2c, 0x8c816b54, 0x3e81e2cd,
  0x1a95636d, 0x3f37b9b0, 0xd6c6fb2f, 0x55450770, 0x62e16395, 0x56483658, 0x4d69a0b7, 0x8bc32806,
  0x5e0bdbe7, 0x701e73de, 0x5b4e91fe, 0x532e7c05, 0x59f96c66, 0xf2e9f8b6, 0x5af3f49e, 0x29011218,
  0x5bf6aa76, 0x18955083, 0x7c02ae8f, 0xcae7edbd, 0x7d72df6f, 0x3c8d8d0e, 0xcb25ced0, 0x88a888e2,
  0xa2dce767, 0x849db3db, 0x78ba7d5d, 0x417dab79, 0xc449c141, 0x423024b0, 0x64870eaf, 0x42e8518e,
  0x3675b42b, 0x5a33580a, 0x11a868d1, 0x5b3913c7, 0xadd12f0e, 0x93aef166, 0x6351c896, 0x765333cb,
  0x6056c3c1, 0x57a4d43e, 0x2fae3cf5, 0x55f32bc2, 0x302d771e, 0xca5141cb, 0x30b0ac17, 0xcbdd30be,
  0x41a018d0, 0x883df1d4, 0x425a4bfa, 0x0c8bf3c1, 0x6b647059, 0x48342d89, 0x55fe511d, 0x4601e56b,
  0x3fa5df62, 0x45715b7e, 0x5f72d4df, 0x4626ddf9, 0xef9e344d, 0x46e1f03b, 0x48735f76, 0x5f83d1c2,
  0x0b39ed05, 0x608cf186, 0xe0883208, 0x9c3a9a90, 0x6902fd0a, 0x7d0781af, 0x65c6b28a, 0x5c7965df,
  0x32945026, 0xdf1a6b17, 0x3315ded1, 0xd4ec1a31, 0x339b5160, 0xe24f6b02, 0x458679d4, 0x7c9fbe2a,
  0x46435c1e, 0x8c59ba12, 0x71aa82eb, 0x4c623e9b, 0x5aeb0a82, 0x4a00725b, 0x4332f6fe, 0x49b1d7a1,
  0x3e78ae5e, 0x4a6ae748, 0xe40dbd95, 0x4b296989, 0x933f62b0, 0x653cdc61, 0x4ba90d59, 0x664a2d92,
  0xa24a73d2, 0xa5704106, 0x6f2623c3, 0x84431b31, 0x6ba49efb, 0x61b18ce5, 0x35b285c8, 0xc9bfe5f7,
  0x3636c553, 0xde3fc88d, 0x36bed646, 0xfb9b64b8, 0x49b93747, 0xf9b62b86, 0x4a79574f, 0xa9fd8a87,
  0x786c9f9f, 0x50e36b57, 0x603a6345, 0x4e4f292b, 0x470889d0, 0x4e446959, 0xf7cbade3, 0x4f0187e7,
  0x6ea19e87, 0x4fc401c3, 0x382cfbdb, 0x6b65785d, 0xf94f9625, 0x6c77c1a8, 0x13338ec7, 0xaf5b0124,
  0x75c294d2, 0x8c0e908c, 0x71f775c2, 0x675349a4, 0x390cc2fe, 0xb2721c94, 0x39940ebe, 0x888619aa,
  0x3a1f1d53, 0xe21e4e92, 0x4e3d7c56, 0x91d4615e, 0x4f0164e9, 0x2e5c9193, 0x7fb2fe1a, 0x55bd23d1,
  0x65f2b52a, 0x52f32d0b, 0x4b2b1065, 0x532ecd20, 0xe0914790, 0x53f07b7d, 0xd5b6e89c, 0x54b77316,
  0x104466a6, 0x720545a3, 0x85505b04, 0x731d4986, 0xd5fa3a82, 0xba06ff2d, 0x7ce05b20, 0x94734973,
  0x78c6d355, 0x6d6541a1, 0x3ca74096, 0x86365e53, 0x3d31f3bb, 0x663d9598, 0x3dc05ea0, 0x45aabf77,
  0x5318e7ba, 0xadaed736, 0x53e1217d, 0x7417970a, 0x8786948e, 0x5af558fb, 0x6c1af4cb, 0x57f21f67,
  0x4f9f7926, 0x5877394b, 0x8ded6ebb, 0x593df8c0, 0xf8f4f7e9, 0x5a09f40b, 0xde946e3a, 0x79248bdd,
  0x7d9ebf96, 0x7a430ad7, 0x087f2e62, 0xc581732c, 0x84883bbb, 0x9d7b8cc2, 0x801b09fb, 0x73eec32e,
  0x40869033, 0xd8476cfb, 0x41150693, 0x0e03548e, 0x41a72cc1, 0x70e127ad, 0x5851921b, 0x517f4fc8,
  0x591ea4f5, 0x366f0017, 0x8ff1211a, 0x60928281, 0x72bab7f1, 0x5d5224eb, 0x546b2bb3, 0x2f1232e7,
  0x16407f47, 0x2f785c88, 0x7d2adc25, 0x2fe11f7f, 0xfcfe4cc2, 0x40662214, 0x9cac06b9, 0x40f8ff47,
  0x6115d344, 0x68ec5bb6, 0x4661df86, 0x5399454f, 0x43fe94ef, 0x3d7be594, 0x44afa21b, 0xf02e1925,
  0x454238e3, 0xe8bb31eb, 0x45d87a66, 0xee2e0530, 0x5dee1561, 0x5176f94e, 0x5ec089b5, 0xf03eeca8,
  0x98fd34db, 0x669ba5e7, 0x79da3d81, 0x6319ebdd, 0x59940daf, 0x321eca6f, 0xee8e6ae0, 0x32880081,
  0xd0403c14, 0x32f3cd45, 0x6d1b4213, 0x4483120f, 0x9e6400ab, 0x4519ede0, 0xf43d6550, 0x6f8e2caf,
  0x4ace9ddd, 0x58d2345b, 0x483b856e, 0x4144865d, 0x4927cba2, 0xfa039637, 0x49bee1ff, 0x8e8a7ead,
  0x4a59a0a5, 0x0c371d04, 0x63f594fc, 0xd98835c7, 0x64cdf4c4, 0x0dd84cbd, 0xa2b640b1, 0x6d185ecc,
  0x818276df, 0x6950b3a3, 0x5f2088d3, 0x35654e42, 0x6815f418, 0x35d1d4ed, 0xa08f6002, 0x3640f171,
  0x06743998, 0x48ee5517, 0x5acada39, 0x498991e9, 0x2df86538, 0x76ae9661, 0x4f8ff195, 0x5e6f2849,
  0x4cc9ac07, 0x4555fd65, 0x4df4ce3d, 0xa2883397, 0x4e90c5f0, 0xd260575f, 0x4f3065ec, 0xfe8455af,
  0x6a6fc71a, 0x0f9f5496, 0x6b4e9edd, 0x162481bb, 0xad28a39c, 0x7410e857, 0x89bd12c5, 0x6ffe5580,
  0x6517922d, 0x38e9f882, 0x42c323ca, 0x395a15f7, 0x973351a2, 0x39ccca17, 0xef77d99a, 0x4dad95a6,
  0x641c2f91, 0x4e4d97ff, 0x83351aa0, 0x7e56b090, 0x54abe7cb, 0x64773feb, 0x51aece6f, 0x49b5697f,
  0x531cdf3c, 0xc70d8262, 0x53be1d2f, 0x471ee832, 0x546305b6, 0x5f28c839, 0x7164fec8, 0x36da8e2c,
  0x724ade8b, 0x42b71f10, 0xb861baba, 0x7b8e27b3, 0x92948965, 0x772b4e63, 0x6b80b27e, 0x3cb1582a,
  0xd5fb7519, 0x3d255507, 0x0aadc028, 0x3d9beaf4, 0xf3c28fc3, 0x52c6f0ff, 0xa351c9e8, 0x536c202b,
  0x848fdbbf, 0x86904cc5, 0x5a2909d7, 0x6af22d34, 0x56f129dd, 0x4e68552d, 0x58a6b03a, 0xe84e4e3d,
  0x594d9d07, 0x4882e854, 0x59f838e0, 0x58292cc5, 0x78de371a, 0x7d4b51e2, 0x79cbb338, 0x41f97039,
  0xc46ff2e0, 0x8399b7b2, 0x9c1429f8, 0x7ee0c9d4, 0x72640fa5, 0x40c05745, 0xe66eb8d9, 0x41387ef2,
  0xd78db063, 0x41b34398, 0x7443bdd2, 0x5840ff67, 0xa2f32490, 0x58ebc60d, 0xe08017a7, 0x8f660355,
  0x600e65f0, 0x71e83f49, 0x5c977b26, 0x5374bda6, 0x2f4cbc22, 0x6e835804, 0x2fa3405f, 0xc45c6404,
  0x2ffb9f69, 0x7190d86b, 0x40728fa6, 0x65ae8a07, 0x40ed68a4, 0x34a28ab3, 0x68b16df4, 0x461efaca,
  0x532414d1, 0x43945703, 0x3ce53b8f, 0x451c41aa, 0xb0562183, 0x4598e2be, 0xe4f8e0b1, 0x46182623,
  0xaa872c52, 0x5e22dd1a, 0x1ca5492b, 0x5ed3a9d0, 0x7caeb7d7, 0x98e341a8, 0x66639898, 0x79626d87,
  0x62a907b1, 0x58e11aa7, 0x327e7ee4, 0x75736012, 0x32d849c3, 0x75f26219, 0x3333f3b5, 0x3d1c8bb6,
  0x44c213fc, 0xdb078e90, 0x454157a5, 0x558534e0, 0x6fa59ee1, 0x4ac3077b, 0x589ed9e5, 0x4806d489,
  0x40deb4cb, 0x49cacc4d, 0x993ff474, 0x4a4c38eb, 0x8ee70ff7, 0x4ad04e97, 0x3544d536, 0x64743405,
  0xfc732a76, 0x652b79df, 0x5b9c1ef7, 0xa31459c0, 0x6d30d6ed, 0x816a639a, 0x692da73b, 0x5eb46705,
  0x35ecd0ac, 0x810ac068, 0x364a1d9b, 0x93bae854, 0x36a94edd, 0x2e8cb3ca, 0x496348b8, 0x9fb7a63b,
  0x49e74a26, 0x30f6ad88, 0x771d97ac, 0x4fbf0885, 0x5e817df7, 0x4ccd9faf, 0x452393ce, 0x4ed21d2a,
  0x177a5e26, 0x4f58ab60, 0x58f64a98, 0x4fe1eabe, 0x1e14e835, 0x6b3d465b, 0xc9400bac, 0x6bfb7d75,
  0xdf1c7f31, 0xae069318, 0x747ef9dc, 0x8a0a8e9d, 0x702dce7d, 0x64f62a0d, 0x399c34a7, 0x3261d833,
  0x39fd41fd, 0x1cedba8a, 0x3a6039d9, 0x9ff30c76, 0x4e5c3da1, 0x3a9fb7bb, 0x4ee553b1, 0x4610eb62,
  0x7f2317b2, 0x55197c8c, 0x64d3a87f, 0x51eeedae, 0x49b95fbe, 0x5438d3d1, 0x75b2e45d, 0x54c4ddfc,
  0x70123d6d, 0x5553a2bf, 0xb8220212, 0x7286f9fc, 0x0af53d87, 0x734ca00d, 0xb89ac762, 0xb9c83cf0,
  0x7c578a49, 0x934e2b66, 0x77b29abc, 0x6bae81c0, 0x3d91872f, 0x4939ee08, 0x3df69671, 0x35651605,
  0x3e5d975e, 0xf2b55566, 0x53b37a86, 0x27ec9188, 0x5442003e, 0x409887e4, 0x87c09fb4, 0x5ad96331,
  0x6b9d9936, 0x57716f45, 0x4ea60e28, 0x5a0612aa, 0x353741f9, 0x5a97f7d8, 0xa55d379d, 0x5b2ca263,
  0xe5a6ebf5, 0x7a5ae4d4, 0xe8c252fe, 0x7b287dbe, 0x8b977bda, 0xc668c21e, 0x84c4ce3c, 0x9d4155ff,
  0x7fc5de56, 0x72e62dea, 0x41d20499, 0x72781770, 0x423b5ac3, 0x12806ace, 0x42a6aaad, 0x69544dd7,
  0x59700856, 0x4112bfa1, 0x5a045d4b, 0x48897e31, 0x91018065, 0x610646c5, 0x72e8337a, 0x5d5c59f6,
  0x53f00b2f, 0x3020c476, 0x7a8f6b24, 0x306cd6a3, 0xdb98915b, 0x30ba518b, 0x420212f6, 0x4161ad1f,
  0xeec38b2b, 0x41ccb84f, 0x7c2380da, 0x69fc5f3c, 0x46e8eb91, 0x53f88d36, 0x4439172e, 0x3d534e19,
  0x4663508a, 0xf8b93c8c, 0x46d13659, 0x53a5b3cc, 0x47411eed, 0x001d3682, 0x5f997af2, 0xa14d41db,
  0x603403b2, 0xb1d9e194, 0x9af1ea2d, 0x67a846c2, 0x7abd0a9e, 0x63b77207, 0x599e4266, 0x3379beb6,
  0x7a389281, 0x33c92551, 0x7907aa95, 0x3419fb5b, 0xfc9bb120, 0x45e5bcb9, 0x06da5b3f, 0x46554f9c,
  0xbe0a85f3, 0x71450b00, 0x4bc5489a, 0x59b5c366, 0x48e178a0, 0x417cfa90, 0x4b4b7de5, 0xbc3a85b1,
  0x4bbe4025, 0x2483bc6b, 0x4c330f1f, 0x9a0ce2b6, 0x6637fbca, 0xbf210732, 0x66d9224a, 0xb339a075,
  0xa59efe2d, 0x6ec8231f, 0x83266f46, 0x6a8b1550, 0x5fb8286f, 0x37126d1d, 0xc246cba2, 0x37655ff9,
  0x3b5af3a1, 0x37b9c9a5, 0x12d4bc18, 0x4abf9e89, 0xc36b3bcf, 0x4b340614, 0xad92235d, 0x791806f7,
  0x50fdea12, 0x5fdfdf78, 0x4de2375d, 0x45f5951e, 0x50911754, 0xbf4a93ae, 0x51090732, 0x71dcf851,
  0x51830eb4, 0xc4dcd839, 0x6d545550, 0xb4f96d9c, 0x6dfc895e, 0x117c7c53, 0xb116e0a4, 0x766f4890,
  0x8c2f7dcc, 0x71e046e8, 0x6645c552, 0x3aef9c9b, 0x8963576c, 0x3b4656c0, 0xe3d62970, 0x3b9e8fc5,
  0x2b235d53, 0x4ff5c609, 0xc16daea8, 0x506f537a, 0xcf45eec0, 0x817fb3d4, 0x5699ba89, 0x667f08c6,
  0x5341f07a, 0x4ac302a8, 0x563b2885, 0x8a8f7006, 0x56b89be5, 0x71eebf07, 0x573832cb, 0x51fdf947,
  0x74f7ff56, 0x051d202c, 0x75a7b70e, 0x03d31c06, 0xbd68ccc7, 0x7ea7ddba, 0x95e42dcb, 0x79c0bbc0,
  0x6d4fbfbc, 0x3f1678cb, 0xeb9c5272, 0x3f7138b9, 0x55449833, 0x3fcd8045, 0x1ffe39c4, 0x558f25e8,
  0xda78bcd9, 0x560e2f21, 0x12251fac, 0x8a873efb, 0x5ca02cfc, 0x6d9c0788, 0x5907c389, 0x4feb9c71,
  0x5c51481b, 0xb2a74dd5, 0x5cd499f2, 0xc99d6797, 0x5d5a1c2e, 0x0c6d2d9c, 0x7d2d2c62, 0x8b3b62f1,
  0x7de4e4ae, 0xfe7f5c92, 0xcaa52a2c, 0x877cd175, 0xa05162f1, 0x8236e845, 0x74df6913, 0x438c9346,
  0xdb1861c0, 0x43eb9b30, 0xf575f4d6, 0x444c342d, 0xc911acdf, 0x5b9339db, 0x57da93c1, 0x5c1819b8,
  0x6630b882, 0x943ab23a, 0x63194752, 0x7540512d, 0x5f3b5c9a, 0x557638fd, 0x316dd136, 0x70800de2,
  0x31b29990, 0x58bd328a, 0x31f8810c, 0xf77fa0de, 0x42ff6c0c, 0x6559ef24, 0x435f8a99, 0xc8c19659,
  0x6c6ed1f3, 0x487cf519, 0x55c27f8d, 0x45a70788, 0x3e7f6546, 0x4857eb82, 0x3de4612c, 0x48bb8199,
  0x94c5fcc5, 0x4920b2f1, 0xa60bae19, 0x620a112b, 0xd06e1ac7, 0x629527e7, 0x7f656c84, 0x9ea704c4,
  0x6a0dada4, 0x7d7615a6, 0x65e4ff06, 0x5b6a35b0, 0x34f1828a, 0x7716c0a8, 0x35399d70, 0x55c49e2b,
  0x3582deee, 0xb70c731e, 0x47bc6b5e, 0x2fb8eeb7, 0x4821125d, 0x11005d1f, 0x7412a0bc, 0x4d95eb4c,
  0x5bc6faf1, 0x4a892861, 0x42dc59a4, 0x4d7ef752, 0xa8bcb04e, 0x4de7660d, 0x4ddd3270, 0x4e517af5,
  0xdf2045d2, 0x68fc5a21, 0xf8c28699, 0x698e0db7, 0x0e1d2f40, 0xa9da2d82, 0x7186ae76, 0x86484dca,
  0x6d0d9117, 0x61cf8124, 0x38b875b9, 0x6f453ef8, 0x39041969, 0x4f364355, 0x3950ebb0, 0xd673afaa,
  0x4cd3f2f8, 0x85573940, 0x4d3d6ca9, 0xfd54b1cf, 0x7c4840dc, 0x53101fb3, 0x623e30df, 0x4fc85e91,
  0x478c63c6, 0x5308ac17, 0x131f94f9, 0x5376427e, 0xbd1beebf, 0x53e58ac6, 0xfd946ebe, 0x70736e4e,
  0xec0b675d, 0x710c2ae3, 0xf6283c02, 0xb5e336d3, 0x798e4fd9, 0x8fc2cad0, 0x74bea895, 0x68aea660,
  0x3cc7c610, 0x765502ae, 0x3d172c21, 0xc33f0cc0, 0x3d67c957, 0xe9a17cd2, 0x524cdf65, 0x54121e09,
  0x52bb7a8f, 0x025ecd43, 0x851abbeb, 0x58f2ed6a, 0x6930cd5f, 0x556bb2c8, 0x4c95c894, 0x58fc889c,
  0xdf401e5f, 0x596f9aa1, 0xee31f575, 0x59e46b06, 0xbe83be45, 0x78795fd0, 0xcab5f5d7, 0x79199829,
  0x659f0ed8, 0xc2d253da, 0x822f5da0, 0x99f2470c, 0x7d029859, 0x7010d8e2, 0x4124f3bd, 0xa1180bfe,
  0x4178595d, 0xb1be415e, 0x41ccff43, 0x18576f5a, 0x582e94a4, 0x2721dd28, 0x58a2a4e2, 0xb971d931,
  0x8e95f553, 0x5f4640ac, 0x70a8278e, 0x5b7ab877, 0x51ff489d, 0x2fb14fe5, 0x511784fe, 0x2fedc34e,
  0x386f7dfe, 0x302b1c90, 0xbaabb076, 0x408c83d0, 0x7dcff1ab, 0x40e09acb, 0x0edf1ff7, 0x685c7bbe,
  0x45babc56, 0x52723bf8, 0x42f23f74, 0x3c0000d2, 0x45d5eba5, 0x48b8ad78, 0x462d91d7, 0xce20a705,
  0x46868209, 0x366377b2, 0x5e8108ab, 0x7bfce949, 0x5efae6ca, 0x625eaf7a, 0x98c6bb30, 0x6612a21a,
  0x78ae4edd, 0x61fd988d, 0x57d029a2, 0x3321d210, 0x9fb7a081, 0x33615f46, 0x16b717c6, 0x33a1d96d,
  0x4ddcdcec, 0x452f0a80, 0xf48a8f80, 0x45875d00, 0xe6b1a92b, 0x6fd4f695, 0x4ab693b9, 0x585410c3,
  0x47b82b1e, 0x40436692, 0x4ae10fd4, 0xb98e720f, 0x4b3d3bb8, 0x61eb9084, 0x4b9abbf3, 0xdc2d1051,
  0x654ccebd, 0x2dfbd20d, 0x65ccd913, 0xe885328b, 0xa3bad884, 0x6d6142d5, 0x814e1957, 0x68fd1d0c,
  0x5e1040e4, 0x36d47a12, 0x147b8a78, 0x3717537a, 0xe7fe56cd, 0x375b2160, 0xb6050e25, 0x4a2a8f11,
  0x5eaf4b2f, 0x4a8761dc, 0x843b6437, 0x77dcb9cd, 0x5011f3e0, 0x5ea695b2, 0x4cd98260, 0x44d85d45,
]);

/** e_i of the fast table: erfc(√v)·2^(e_i) in its polynomials. */
const V_EXP = new Uint8Array([
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4,
  4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 9, 10, 10, 11, 12, 13, 13, 15, 16, 18, 19, 21, 22, 24,
  25, 27, 28, 30, 31, 33, 34, 36, 37, 39, 40, 42, 43, 45, 46, 48, 49, 50, 52, 53, 55, 56, 58, 59,
  61, 62, 64, 65, 67, 68, 69, 71, 72, 74, 75, 77, 78, 80, 81, 83, 84, 85, 87, 88, 90, 91, 93, 94,
  96, 97, 99, 100, 101, 103, 104, 106, 107, 109, 110, 112, 113, 115, 116, 117, 119, 120, 122, 123, 125, 126, 128, 129,
  131, 132, 133, 135, 136, 138, 139, 141, 142, 144, 145, 146, 148, 149, 151, 152,
]);

/**
 * (erf(y)/y)/(2√2) for Φ near 0, in ζ = 4y²: C_0 (two words, 2^-65), C_1 (two words, 2^-68), |C_2| … |C_6|
 * (2^-(32+g_k), g = 8, 12, 17, 21, 26); signs alternate.
 */
const SG32 = new Int32Array([
  0xcc42299e, 0xa19e6944, 0x882c1bbe, 0xd8df688a, 0xa368210e, 0x9ba00883, 0xf20d32e0, 0x9daf439a,
  0xa07df7ee,
]);

/**
 * The accurate R table: per interval B_0 … B_13, two words each, at scales 2^-(64+g_k), g = 0, 3, 6, 10, 13, 16, 20,
 * 23, 26, 29, 33, 36, 40, 41.
 */
const R64 = new Int32Array([
  0x77734d67, 0x2f8c8a92, 0x40c0286a, 0x9774eb9e, 0x1bd6d216, 0x77277b48, 0x146c6f62, 0x982ffebc,
  0x06a402c8, 0x13691ecc, 0x01f597e7, 0x5bc6b24e, 0x0110e2a1, 0xdbfc7851, 0x0045383f, 0x9b3f1f01,
  0x001083b9, 0x9c95b614, 0x0003bb19, 0x75ec96bf, 0x00019ad3, 0x6cace9ef, 0x0000548b, 0x81e3e556,
  0x000020e8, 0xe21972bf, 0x000001dc, 0xc9d75b6b, 0xdf8b7782, 0xc7d675f1, 0x747d4b91, 0xbbe099cf,
  0x309b0927, 0x963793df, 0x22c78317, 0xf21b919d, 0x0b108631, 0x25fd085b, 0x033389c1, 0x2a760bfd,
  0x01b5f0a0, 0x248e9d62, 0x006d41ab, 0x058e63ba, 0x0019aa03, 0x53668ea3, 0x0005b69e, 0xf046cf1d,
  0x00026c6c, 0xaa8ca710, 0x00007dfd, 0x5ea644d3, 0x00003070, 0x8275f7eb, 0x000002b3, 0xb26c9689,
  0xd1b5ddbf, 0x9b43663a, 0x691ca0ee, 0x27bec563, 0x2a92c859, 0x9316f70d, 0x1db731ee, 0xdadcb83f,
  0x09401bbf, 0x32836515, 0x029fea5a, 0x50cac18a, 0x0160b0a4, 0xe35d9ef9, 0x00568a76, 0x3344d275,
  0x001403cb, 0x86ff050d, 0x0004640e, 0xe1097c3e, 0x0001d638, 0x1d210f24, 0x00005e39, 0xbeadf35d,
  0x000023c8, 0x21aef001, 0x000001f7, 0xa10ae876, 0xc5356e6d, 0x17548f26, 0x5f215ee6, 0xcf0644c4,
  0x25692fbe, 0x6bf45b31, 0x197997ad, 0x330407b9, 0x07c2b274, 0xc7ccd648, 0x0228d30b, 0x7b1c91c2,
  0x011d0c27, 0xd709bf40, 0x0044cb6d, 0xee8da14e, 0x000faa67, 0x0c8820c5, 0x00036303, 0x52a94251,
  0x000165af, 0x09469c4f, 0x000046ba, 0x9645e141, 0x00001a87, 0x6716f772, 0x00000170, 0x0fb376c3,
  0xb9e0c4e7, 0x576d6c07, 0x56587cf9, 0xc98936cb, 0x20fa5db2, 0xce5dea72, 0x15e95623, 0x582f816c,
  0x06885cb1, 0xf0b3c47a, 0x01c86938, 0x69c6522f, 0x00e72f27, 0xc7c37a50, 0x0036e17f, 0x6d1a8c5f,
  0x000c4e23, 0x812b847e, 0x00029f25, 0xe72aad49, 0x00011110, 0x17b95a55, 0x00003548, 0xb4ff06bf,
  0x000013bd, 0x7f1894af, 0x0000010d, 0xf9a59fa0, 0xaf9456f1, 0xe5255f6b, 0x4e9719e7, 0x5eed64c5,
  0x1d28c0e1, 0x177cd4f6, 0x12e82dbf, 0x846fec5a, 0x05846bee, 0x5174b711, 0x017a1614, 0x7a55a49d,
  0x00bc248f, 0xd39db907, 0x002beee8, 0xef52656e, 0x0009b316, 0x113dd597, 0x0002095d, 0xd71bfaba,
  0x0000d133, 0xfa0dde50, 0x00002849, 0x10fa7ed6, 0x00000ebd, 0xcba074de, 0x000000c6, 0xbf591107,
  0xa6318761, 0xc3eaa791, 0x47b90f47, 0x4f24bf3e, 0x19dbe680, 0xd7aaa00f, 0x105d8c87, 0x86252666,
  0x04acbe41, 0x633e97cd, 0x013a3d67, 0xd4bb0a91, 0x0099a16b, 0xc1843a3c, 0x00234a1c, 0xab777ffc,
  0x0007ac09, 0x2a2885bf, 0x0001966b, 0xd80dc76a, 0x0000a0d6, 0xe6ed3ae0, 0x00001e90, 0xb344f055,
  0x00000b0c, 0x1ed7ca9f, 0x00000092, 0xd613fd27, 0x9d9de1e4, 0xc5879656, 0x419fc98f, 0xb2179d63,
  0x16ff8615, 0x44dbfe3d, 0x0e356bd3, 0x79be8a62, 0x03f9340a, 0xe1ff2e41, 0x01060594, 0x0f2cbd01,
  0x007ddd13, 0xcdcd8c8e, 0x001c7101, 0x737d1454, 0x000616c1, 0x253c1c54, 0x00013de7, 0x266c9e6e,
  0x00007c15, 0x60475f81, 0x00001745, 0x603d0f59, 0x0000084e, 0xd0f90db9, 0x0000006c, 0xde1ed98d,
  0x95c2783b, 0x70a7db72, 0x3c3156e0, 0xa57cfd1e, 0x1482bd9f, 0xad9ecfac, 0x0c5f6b2f, 0x00b8c67f,
  0x03634455, 0x4f4db7ff, 0x00db2ca1, 0x80c022c9, 0x00677305, 0x45137420, 0x0016ff6b, 0x38494306,
  0x0004d93a, 0xca0eed7a, 0x0000f980, 0x854e456b, 0x0000600d, 0x8252c43c, 0x000011c7, 0x39674964,
  0x00000644, 0xec1d8526, 0x00000050, 0xffaff734, 0x8e8b5ac0, 0x4f57b209, 0x3757a1c9, 0xe3449948,
  0x12577420, 0xfcd07c9c, 0x0ace1ae0, 0x37bfff2d, 0x02e5a8d5, 0x367e1f47, 0x00b7e72e, 0xf85d0921,
  0x00554bf9, 0xc00188bc, 0x0012a7f4, 0xfb7dc803, 0x0003dfa0, 0x78215c78, 0x0000c477, 0xcfcb8a9e,
  0x00004a9a, 0x70dc13fa, 0x00000da0, 0xb82c9e41, 0x000004bf, 0x347eec7b, 0x0000003c, 0x78c1344a,
  0x87e7274b, 0x6eb0c747, 0x32ffcf7e, 0x38c1df8d, 0x1071da7f, 0x78298cf9, 0x09766baf, 0xa682e9e7,
  0x027c1c1d, 0xad6be30a, 0x009ac6e7, 0x159b0ecf, 0x00468c6f, 0xfd490970, 0x000f2e9f, 0x27eed94b,
  0x00031ac5, 0x523be946, 0x00009b36, 0x38dd4fba, 0x00003a22, 0x81b2ee55, 0x00000a7b, 0x29fceeed,
  0x0000039b, 0x33788ccd, 0x0000002d, 0x4cda602f, 0x81c6aa75, 0x1ec19c28, 0x2f19baaa, 0x3dca3370,
  0x0ec8049d, 0x708493c0, 0x084f3bea, 0x07011c9b, 0x022325eb, 0x7ad0ef92, 0x0082a6b4, 0x14ad924d,
  0x003a874f, 0x8f4cb4bd, 0x000c64be, 0xea76c038, 0x00027f03, 0x12da5ec1, 0x00007b03, 0x3ee96d74,
  0x00002d72, 0xe4f0645a, 0x00000816, 0x6208b333, 0x000002bf, 0xad90ce19, 0x00000022, 0x0c83a008,
  0x7c1c8ffd, 0x6b37e3a1, 0x2b978584, 0x2dbdff9b, 0x0d5195c1, 0xa838c912, 0x0750fb63, 0x2975e84a,
  0x01d7f260, 0x45a23f15, 0x006e9b5a, 0x45a16d1c, 0x0030b3a7, 0x98bf4767, 0x000a25e9, 0x715d7b3c,
  0x00020360, 0xc3f12426, 0x000061cd, 0x2086e7d9, 0x000023a5, 0x0ca24d6f, 0x00000642, 0xb645ab9d,
  0x0000021a, 0x1971577d, 0x00000019, 0xad41dd88, 0xedba3f72, 0x04d62555, 0x50da7d80, 0x657b7071,
  0x180ef8f4, 0x54cf8824, 0x0ceac346, 0xf05ac0bb, 0x03306385, 0x90a007df, 0x00bbcee9, 0x51ed1218,
  0x00514992, 0x358acbbe, 0x0010ab38, 0x32bb7235, 0x000341de, 0xfda94d14, 0x00009bff, 0x3a401c26,
  0x00003816, 0x4b2d6985, 0x000009b9, 0x436e76d9, 0x00000339, 0x9aaf4a8d, 0x00000026, 0xda5b9fd7,
  0xe3fc09c1, 0x390f77f6, 0x4b212bdf, 0x043850a4, 0x15c775df, 0xc4497831, 0x0b6e64f3, 0xd164da6e,
  0x02c3fdce, 0xcbfebada, 0x009fe41b, 0x35171fc2, 0x00440859, 0xf6bdd8ff, 0x000dbae5, 0x8d66a539,
  0x0002a49e, 0xb8bfadc5, 0x00007cca, 0x72757ee5, 0x00002c43, 0x686af5e9, 0x00000793, 0x2bd711c0,
  0x0000027b, 0x5d1c25e2, 0x0000001d, 0x7d6cd933, 0xdaec3c07, 0xcab590c1, 0x45f138fc, 0x5f01405a,
  0x13c27283, 0xc32cc403, 0x0a241bfc, 0x4837e81c, 0x026795a1, 0xdebd36fa, 0x00887e78, 0xdaac8c54,
  0x00391972, 0xb190a686, 0x000b5793, 0x2a72b52a, 0x000226a4, 0xc5b70491, 0x00006420, 0x89e3f71f,
  0x00002309, 0xe3e1bb26, 0x000005eb, 0x4ee297df, 0x000001ea, 0x7bbee7c2, 0x00000016, 0x7451a0b4,
  0xca98f04d, 0x8a4da72b, 0x79e2cd59, 0xdc3eea15, 0x4179c948, 0x7286dfd3, 0x404d0e8b, 0x24899338,
  0x1d4e711a, 0x2df96a84, 0x0c8852eb, 0xe0583366, 0x0a23628b, 0x34e7d441, 0x03e718da, 0x342abc67,
  0x016fd9a2, 0x4678cace, 0x00820f48, 0x5fd6c706, 0x005899c3, 0x26382305, 0x001d40cf, 0x7bbe2d6c,
  0x0011e1b7, 0xefba57e4, 0x0001e0a7, 0xb8f8d89a, 0xbc534909, 0xc3b3d005, 0x6aeab36f, 0xea2c1a29,
  0x36ade8bd, 0xdefcaf52, 0x336c6b58, 0xc495a973, 0x168a25a6, 0x641f1abd, 0x094cb1b6, 0xb62ef8ad,
  0x0746da56, 0xaa123218, 0x02b71792, 0xb10b21cb, 0x00f87f36, 0x0134a031, 0x00557038, 0xad4d96cf,
  0x0038ac1f, 0x22f0d3b7, 0x00123c43, 0x445ae0f2, 0x000ae682, 0x8e78ce7e, 0x00011bdb, 0x92a5a6e8,
  0xafc47a97, 0x9e3b5648, 0x5e5e98e7, 0x604a74f0, 0x2e026859, 0x79d4f57f, 0x2979b73b, 0x21078491,
  0x117eba60, 0xd31fc41f, 0x06f7c92f, 0x32b316aa, 0x0546ae7f, 0xf31b936c, 0x01e8ae68, 0xc24fa9ac,
  0x00a9afaa, 0xea053156, 0x0038bf5c, 0x39d7ef2b, 0x0024a8bd, 0x21750928, 0x000b7f80, 0x886dee99,
  0x0006b8ad, 0x4ece6551, 0x0000a9a4, 0xeea9fe0d, 0xa4a6d7fd, 0x156b4274, 0x53c66211, 0x132bdadb,
  0x26fd44e3, 0x78a97a2a, 0x21b8a3a5, 0x283cda2e, 0x0db2ca27, 0x9a7bd2d9, 0x0544fb5d, 0x80355d3c,
  0x03dce0bc, 0xe67c2c6c, 0x015b0abf, 0xeebecdd1, 0x00751426, 0x9f804ace, 0x00261826, 0x56b269b3,
  0x0017f8ee, 0xe4224ad8, 0x000754a9, 0x369c7280, 0x000430e0, 0xcde5a045, 0x00006690, 0xdc04a705,
  0x9ac1fb32, 0x2193d4ee, 0x4ac479a5, 0x664d2e30, 0x2142b585, 0x5b5669e1, 0x1ba018e6, 0x428102de,
  0x0ad0a14a, 0x454d9558, 0x04053ab8, 0xa0c1b93d, 0x02dac13e, 0xd534a2ef, 0x00f8da1e, 0xa2614f7a,
  0x005197b2, 0xe36c6ab7, 0x0019d627, 0xc3d792f8, 0x000fd77f, 0x8a16274b, 0x0004b965, 0xb99b0a19,
  0x0002a43a, 0x8fd039df, 0x00003eb6, 0x2c8865c6, 0x91e7e178, 0xee3f013b, 0x430f54e1, 0x11911de7,
  0x1c8d0cef, 0x0f810ce7, 0x16cb52fe, 0x48945f1d, 0x089b2450, 0x8fff3859, 0x0317ee2d, 0x51d5d36b,
  0x0220d7ab, 0x806ab290, 0x00b41c44, 0x2864ac23, 0x0039698c, 0xd4838bad, 0x0011b294, 0x5a7fc3c7,
  0x000a9362, 0x87fec3fc, 0x00031387, 0x88be462a, 0x0001aeb6, 0xc9e57d49, 0x000026c3, 0xb54c4165,
  0x89f2ba1d, 0xb0240394, 0x3c6cb018, 0xfee694ca, 0x18a6efee, 0xd233ac9a, 0x12ef92f6, 0xf10796e4,
  0x06e65627, 0x503c8e53, 0x026646f8, 0x7dd5d238, 0x0199b60e, 0x42cc6930, 0x00838706, 0x5ccc67d3,
  0x0028c638, 0x71d8e0b7, 0x000c3d32, 0xe3a6c43e, 0x0007213f, 0xc6ac135b, 0x00020601, 0xd0da4526,
  0x00011523, 0xe716e2ba, 0x00001837, 0x9772480a, 0x82c338da, 0x963baf62, 0x36ae069d, 0xfa7ee4ad,
  0x15672b9e, 0xa13de609, 0x0fd4e9d6, 0x4aaecb7b, 0x059241c8, 0x568f1a0d, 0x01e028e8, 0xa56d2954,
  0x01369ffa, 0x07c38eb2, 0x0060e088, 0x5b374967, 0x001d37ba, 0x3e86eef5, 0x00088ae9, 0x21b16c8b,
  0x0004da46, 0xb4f79daf, 0x0001580f, 0xbe43af88, 0x0000b417, 0x43f89127, 0x00000f49, 0x18aa2c17,
  0x765111b5, 0x89e4c72c, 0x5a9c34ae, 0xcdd043e0, 0x418559c3, 0x8969eb28, 0x5a20fe64, 0x66860c76,
  0x3b4b2aac, 0x3eea9722, 0x257a4a37, 0x69d11a0f, 0x2daee879, 0x30ed68c9, 0x1aed7ee0, 0x29f1bd95,
  0x0f63b732, 0x5b75c2ad, 0x088bf822, 0x2ac5050b, 0x093ab90b, 0x0a14f644, 0x04f0d019, 0x071d1b0a,
  0x046d8e9e, 0x8768203d, 0x00fa882d, 0xae581a73, 0xd7dd9f9d, 0xb9a1d661, 0x98436bf8, 0x0d642910,
  0x6625629e, 0xa3928c22, 0x831903b4, 0x04effdb1, 0x50d70138, 0x81e5b584, 0x30139d15, 0x6d98b22b,
  0x37514cf8, 0xf03bf22d, 0x1edd4256, 0x625cf3c4, 0x10bcb801, 0x2970192d, 0x08d6a660, 0x4827ebcb,
  0x0918436e, 0x845bf50b, 0x04a2de34, 0xb779d41a, 0x04076d19, 0x630d9397, 0x00d38446, 0xeeaecc72,
  0xc64f5b47, 0xf93eb489, 0x8182bc09, 0x9804c6f0, 0x50ee62eb, 0x20e08bf6, 0x613a6acc, 0x39aad9f5,
  0x3858e5fa, 0xe4e71b1b, 0x1f99e41e, 0xcc60504d, 0x2263762b, 0xb5e69d64, 0x12312b31, 0xb2ef6033,
  0x095fd9ec, 0xaf1b4c03, 0x04b6993f, 0x65233a09, 0x04a06b38, 0x953905f2, 0x023fbf52, 0x35c302a6,
  0x01e4b5c7, 0x66b7ffe7, 0x005c8ee5, 0xfac9a7f0, 0xb74c13e9, 0x14e96670, 0x6f5ab934, 0x52c5bb9d,
  0x410ff86a, 0x6303340f, 0x4964186e, 0xa15a4da2, 0x2813985d, 0xa7fba172, 0x153dec9d, 0x092a9f9d,
  0x15e73930, 0x18220954, 0x0b012887, 0x25a5e32d, 0x05657c06, 0xdd7bc1aa, 0x02962e40, 0xa4df20e3,
  0x026cc934, 0x73e58e54, 0x01202493, 0x7f6966e1, 0x00eadac7, 0xd16727fb, 0x0029e591, 0xf7753c19,
  0xaa53d046, 0xa5da27d3, 0x60aa148a, 0xe1a28324, 0x34fdbb93, 0xdcc84ae3, 0x38496938, 0x8f458a31,
  0x1d085857, 0xa17e25a4, 0x0e92f5dd, 0x0e679d4f, 0x0e441781, 0x0663d02d, 0x06d1740b, 0xdcc54b21,
  0x032fbac3, 0x8e9616bb, 0x01753f22, 0x8c9f31ff, 0x014e9167, 0x6d5ca541, 0x009479dd, 0x1caf74ac,
  0x00751e21, 0xe5145aa6, 0x001393fe, 0x0b6489ea, 0x9f054cd0, 0x77489f9c, 0x54a174ba, 0xc7bdce50,
  0x2bab0226, 0x66f1da41, 0x2bcbafd3, 0x13230319, 0x15632136, 0xd8cc65a5, 0x0a3055eb, 0x594c9de3,
  0x097c1cf2, 0x97f0516d, 0x0451af11, 0x3323b09b, 0x01ed2a81, 0x1285ba70, 0x00d7afd7, 0x30d8bd71,
  0x00b911e8, 0x1dd19b15, 0x004ea026, 0xe70ce462, 0x003c02a8, 0x60afa5e0, 0x00096d44, 0xbd6c1455,
  0x951578ce, 0x0a497c0c, 0x4aa9940e, 0xb3684424, 0x245e0cc9, 0xe797f124, 0x228695c0, 0xb0e755e1,
  0x0fff8195, 0x06fc0930, 0x073f37a8, 0x6c8c26d1, 0x066d4343, 0x44ba6c10, 0x02caef15, 0xe07b5d4c,
  0x0130c2f1, 0x0c1ca4b8, 0x007f9018, 0x616da9d6, 0x0068e545, 0xeef5da94, 0x002ab6e6, 0x278e905c,
  0x001f8b6d, 0xd797fd90, 0x0004ab30, 0xcaefef07, 0x8c4995f8, 0x470aa213, 0x4252489c, 0xdd0c67a7,
  0x1e9412fa, 0x33c74b15, 0x1b8b6382, 0x729f0838, 0x0c22bddf, 0x04a0ef6d, 0x053ca607, 0x0f025b8c,
  0x046e84d7, 0xba19d85a, 0x01d72747, 0xd9ca00b8, 0x00c03643, 0x8b93e877, 0x004d1803, 0x3073dc39,
  0x003cd28b, 0x061c2734, 0x0017c489, 0x36b9ac78, 0x0010fc43, 0xcba12b51, 0x00025fd5, 0x57418bad,
  0x7d6ca812, 0x73d31604, 0x6a8fadaa, 0x51bdf92b, 0x58b04b2d, 0x7dd5d77d, 0x90c76c98, 0x5923b52f,
  0x7401e17c, 0xb8c1fd88, 0x5b552c4d, 0x995d5724, 0x8d6b5162, 0x3836068b, 0x6bbe4053, 0x05b83eda,
  0x50d4cf37, 0xcd163e3f, 0x3bc7189e, 0xdfa6295d, 0x56a8a362, 0x061d3b8e, 0x417288ee, 0xeeeeeaa5,
  0x4174ab5b, 0xb0952854, 0x1d039a20, 0x99384c4e, 0xe2b91cf4, 0xa1e8cef2, 0xaec21a4b, 0xea79cd9e,
  0x8467c15b, 0xcd08dcb5, 0xc55e0cc3, 0x83e80572, 0x90cf9619, 0xa8321dbd, 0x68aa0749, 0x8d6fa8fd,
  0x95208a79, 0xc2ab68de, 0x68c65271, 0x9094129e, 0x48a25ffe, 0x1f4a9ce3, 0x31b8c5f7, 0x92c10b5d,
  0x42f2fb62, 0xbb84eb79, 0x2e74de80, 0x072cbaf7, 0x2e1a6314, 0x602bfe6e, 0x1144c130, 0xeb3bb076,
  0xcec54791, 0x42795d4a, 0x91c6538d, 0xc9fe1aa6, 0x65494ae4, 0xcbbf89c5, 0x8acbb6ee, 0xd1e610cf,
  0x5dd3d209, 0xb6b2a3c9, 0x3e9c8da3, 0x0f5afb06, 0x5285f85e, 0x1c7457a6, 0x35baf68b, 0xe19adfdb,
  0x22938819, 0xbfddb108, 0x160102b2, 0xf3e2d3a1, 0x1b9d868a, 0x8789113c, 0x11b9135b, 0xc6fef7a8,
  0x113e198a, 0x379aee81, 0x059321db, 0xb098d0c1, 0xbe01a424, 0x4eb90b95, 0x7b5fd9b6, 0x7427f762,
  0x4f1dd92a, 0x07d187f7, 0x6441a9f3, 0x5e7943f0, 0x3ec99b38, 0x0f4945ef, 0x26e1a0c8, 0x37eb56f0,
  0x2fa1c07a, 0xcf4da594, 0x1cde4d3d, 0xe2680a39, 0x11512e42, 0x6dba792e, 0x0a49317b, 0xfa66c374,
  0x0c12c1ef, 0x5c055ca6, 0x0734c46d, 0xea7636d2, 0x06d1fbe3, 0xde2ce50b, 0x01ef65a1, 0x89c885d7,
  0xafbae217, 0x4b8b84bc, 0x69b8b3c9, 0xde832d24, 0x3eebdef4, 0x1f65b60d, 0x4a1e1fc3, 0x9fd33794,
  0x2b365252, 0xd8967d93, 0x18f23fec, 0xce97d56f, 0x1c871a14, 0xe7abce02, 0x1028f480, 0xc594e212,
  0x091231a4, 0x154f11b9, 0x050c1e2e, 0xd58e6d51, 0x058f133a, 0x6d7fc505, 0x0319b2e0, 0x50738b7a,
  0x02d7357c, 0xf5a6c613, 0x00b78033, 0x1e52bbd7, 0xa36e35fc, 0x807b3e64, 0x5b92d149, 0x1be47d8a,
  0x32d47bc8, 0xfab62b2b, 0x37ea0e1d, 0xc32434be, 0x1e7af6ee, 0xff63c0c1, 0x1078bfe3, 0x4f19ca99,
  0x11a6f6b7, 0x400126f6, 0x09616dd9, 0x6eeba8f4, 0x04f1d969, 0x9029fad7, 0x02960ab1, 0x8858e319,
  0x02ae406c, 0x6d64cf96, 0x01672185, 0xc0a2fe34, 0x013d9282, 0x0acab0ea, 0x00480c7c, 0x191021ad,
  0x98ba17a6, 0xc6a69608, 0x5011156e, 0xa7cef987, 0x29a0f774, 0xc02822b1, 0x2af0744f, 0xf5a4b8e3,
  0x15f8a69c, 0x9dd9c2cb, 0x0b27e5db, 0x8b14b98c, 0x0b3e515f, 0x999d0a06, 0x059fc538, 0xf4008a58,
  0x02cafe22, 0x8a003750, 0x016092ea, 0xb028fcf6, 0x0158f4b0, 0xf35b4014, 0x00aa0010, 0xfeabb263,
  0x0090d3e8, 0x23257378, 0x001dd00f, 0x9b102f24, 0x8f546200, 0x4da2c9e5, 0x46962071, 0xce27aa1e,
  0x228211cb, 0x15375a93, 0x217fbcf8, 0x4f69c0e1, 0x10254d2c, 0x5cd8f70b, 0x07ba7730, 0x8b2553a1,
  0x07594878, 0x3a6f999a, 0x03788696, 0x4e2e8f7b, 0x01a0ed1b, 0x3c0268fd, 0x00c265b5, 0xf1663326,
  0x00b40078, 0xaa5b632a, 0x0053ce8f, 0xafc5c7b6, 0x0044b8ab, 0x870073e1, 0x000cef5d, 0x555189e1,
  0x7f9b3128, 0x3e54e1c9, 0x70119a67, 0x5df5457f, 0x61d8dcfd, 0x283cd4ed, 0xa9e098da, 0xe5b59a79,
  0x92a1c081, 0xb8b51541, 0x7ddcd41a, 0x6d709907, 0xd6e2fae3, 0x441ae5e3, 0xb6734fd1, 0x3e2e4a99,
  0x9a13f9bd, 0x7345239e, 0x8192eae8, 0xb3ae9689, 0xd6195563, 0x5158a16b, 0xc2a38034, 0x8a6d4d6d,
  0xb1a6dc44, 0x69297eac, 0x81094cdd, 0x3ab48d15, 0xe5f418fc, 0xcb891e13, 0xb62ae415, 0xa5b5c1e7,
  0x8f9ef86f, 0x197ae4e7, 0xe1648397, 0x496bbb16, 0xb0098c22, 0xe23741d0, 0x88dba45e, 0xfd771b2e,
  0xd3d51c87, 0x3a50b7e4, 0xa334f161, 0x9eb36417, 0x7d2efc91, 0x2398b6e6, 0x5fa8bd16, 0xe2fbcae9,
  0x9065cf8c, 0x6ce5be97, 0x748b0b0d, 0xf18dd667, 0x710d6bd4, 0x0c57501d, 0x3d5b94e2, 0xd57dfb58,
  0xd139e2bf, 0x23b66d26, 0x96ee9eac, 0x4dfd8356, 0x6c72248e, 0x1e762204, 0x9b39784c, 0x09095c5a,
  0x6ea87676, 0x0f114f0d, 0x4e95575e, 0xfe58a6ec, 0x6f2fb88a, 0x7a5430d7, 0x4e5ca4d0, 0x84b47a92,
  0x37056922, 0xd8c0f472, 0x26813ece, 0xf1ed5dcf, 0x356898a4, 0x04727d2e, 0x26e0eb13, 0x98ca0de2,
  0x26465f25, 0xae5277d0, 0x108b0151, 0x2496cb56,
]);
/** e_i: R(t)·2^(e_i) in the polynomials. */
const R_EXP = new Int8Array([
  -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4,
]);
/**
 * erf(t)/t for the fast path: C_0 (two words, 2^-63), C_1 (two words, 2^-67), |C_2| … |C_6| (2^-(32+g_k), g = 7, 11,
 * 15, 20, 25); signs alternate.
 */
const S32 = new Int32Array([
  0x906eba82, 0x14cd30f9, 0xc093a357, 0xc4b473fa, 0xe7179079, 0xdc1650bb, 0xab280321, 0xdeffeeac,
  0xe2f85577,
]);
/**
 * erf(t)/t for the accurate path: |C_0| … |C_12|, two words each, at 2^-(64+g_k), g = −1, 3, 7, 11, 15, 20, 25, 30,
 * 35, 40, 46, 51, 57.
 */
const S64 = new Int32Array([
  0x906eba82, 0x14db688d, 0xc093a358, 0x1bcf3612, 0xe71790d0, 0x215f0daf, 0xdc167189, 0x445a86c6,
  0xab2de687, 0x3529d910, 0xe016da00, 0x20428d3b, 0xfcd1937c, 0xce4f22d0, 0xfa692e19, 0xe695b5f1,
  0xdcf363a5, 0x738b2ed8, 0xafb9dec3, 0x9108186f, 0xfe558887, 0x33944da5, 0xa7ece062, 0x441f97a2,
  0xb89cfc20, 0xdc7f4411,
]);


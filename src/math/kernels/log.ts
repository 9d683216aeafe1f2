/**
 * The logarithm core: ln, log2 and log10 of x = y·2^k (y a 64-bit significand in [1, 2)) to about 2^-60, with full
 * relative accuracy next to x = 1, and ln(1 + r) of a small r given directly (for log1p and softplus).
 *
 * Reduction: y's top 9 fraction bits pick one of 512 intervals of width 2^-9, and a table (LOG_TABLE) gives
 * c_j = C_j/2^17 close to 1/y there, so that r = y·c_j − 1 is exact (a 64x17-bit product) and |r| < 2^-9 (the
 * generator checks the bound). Then ln x = K·ln 2 + T'_j + ln(1 + r) with T'_j = −ln c_j − [j >= 256]·ln 2 and
 * K = k + [j >= 256]; halving y in the upper half of [1, 2) puts x just below 1 in the interval with c = 1/2 and
 * T' = 0, as x just above 1 is in the interval with c = 1 and T' = 0, so that near 1, where ln x is small, the result
 * is ln(1 + r) alone with r exact and no cancellation.
 *
 * ln(1 + r) = r·q_0, q_0 = 1 − r/2 + r²/3 − … + r⁶/7 (the next term is below 2^-70·|r|), by Horner's rule on |r| with
 * the sign of r choosing add or subtract, every partial sum positive: q_5 … q_3 in one word (they reach the result
 * through r^3 and beyond, so their relative error of 2^-31 stays below 2^-62), q_2 from a 32x32 product, q_1, q_0
 * and r·q_0 from 64x64 products at scales 2^-65, 2^-64, 2^-63 and 2^-(72+s), |r| being carried as
 * U = |r|·2^(73+s) (s > 0 only when the result is ln(1 + r) alone, to keep small r at full precision). Error: the
 * constants' rounding and the floors of the shifted products (each under a unit of 2^-63 or 2^-64 of q_1, q_0) and
 * mulHi64's 2 units give |ln(1 + r)·2^(72+s) − L| < 4 + 2^-60·L, bounded here by 8 units after normalization.
 *
 * Assembly at scale 2^-64 (2^-63 for log2): K·ln 2 from a 96-bit ln 2 (under a unit), T'_j within half a unit,
 * ln(1 + r) within 1.1 units, and for log2 and log10 one more 64x64 product by log2 e or log10 e (2 units), all
 * summed exactly in three words: within 6 units of the fixed-point result, whose magnitude is at least 2^-9 when
 * K ≠ 0 or T' ≠ 0 (so relative error below 2^-52.4 in the worst interval, 2^-61 once |result| >= 1/2).
 */
import { clz32, umulHi } from '../../primitives/integer.js';
import { R, mul32x32, mulHi64, shr64 } from './fixed.js';
import { setFloat } from './float.js';
import {
  LN2_96_0,
  LN2_96_1,
  LN2_96_2,
  LOG10E_64_HI,
  LOG10E_64_LO,
  LOG10_2_96_0,
  LOG10_2_96_1,
  LOG10_2_96_2,
  LOG2E_63_HI,
  LOG2E_63_LO,
  LOG_Q3_HI,
  LOG_Q3_LO,
  LOG_Q5,
  LOG_Q6,
  LOG_Q7,
  LOG_TABLE,
} from './tables.js';

const TABLE = new Uint32Array(LOG_TABLE);

/* Registers (fixed.ts): Y = input significand, U = |r| scaled, X and S scratch, L = ln(1 + r), T = |T'_j|,
 * Z = a three-word sum, C = a constant. */
export const LOG_Y = 36;
const U = 38;
const X = 40;
const S = 42;
const L = 44;
const T = 46;
const Z = 48;
const C = 26;

const st = {
  /** K = k + [j >= 256]. */
  k: 0,
  /** 1 if r < 0. */
  rNeg: 0,
  /** 1 if T'_j < 0. */
  tNeg: 0,
  /** 1 if T'_j = 0 (the two intervals next to 1). */
  tZero: 0,
  /** U = |r|·2^(73+s). */
  s: 0,
};

/** (R[a]:R[a+1]) <<= sh for sh in 0 … 63. */
function shl64(a: number, sh: number): void {
  const hi = R[a]!;
  const lo = R[a + 1]!;
  if (sh === 0) return;
  if (sh < 32) {
    R[a] = (hi << sh) | (lo >>> (32 - sh));
    R[a + 1] = lo << sh;
  } else {
    R[a] = lo << (sh - 32);
    R[a + 1] = 0;
  }
}

function clz64(a: number): number {
  const hi = R[a]!;
  return hi !== 0 ? clz32(hi) : 32 + clz32(R[a + 1]!);
}

/**
 * Reduce x = y·2^k, y = R[LOG_Y]:R[LOG_Y+1] · 2^-63 in [1, 2) (top bit set). Leaves r, T'_j and K for the value
 * functions below.
 */
export function logReduce(k: number): void {
  const hi = R[LOG_Y]!;
  const lo = R[LOG_Y + 1]!;
  const j = (hi >>> 22) & 0x1ff;
  const entry = TABLE[(j << 1) + j]!;
  const c = entry & 0x3ffff;
  st.tNeg = entry >>> 31;
  R[T] = TABLE[(j << 1) + j + 1]!;
  R[T + 1] = TABLE[(j << 1) + j + 2]!;
  const kk = k + (j >= 256 ? 1 : 0);
  st.k = kk;
  st.s = 0;
  if (j === 0 || j === 511) {
    st.tZero = 1;
    if (j === 0) {
      // r = y − 1 = (Y − 2^63)·2^-63, U = (Y − 2^63)·2^(10+s).
      st.rNeg = 0;
      R[U] = hi - 0x80000000;
      R[U + 1] = lo;
    } else {
      // r = y/2 − 1 = −(2^64 − Y)·2^-64, U = (2^64 − Y)·2^(9+s).
      st.rNeg = 1;
      R[U + 1] = -lo;
      R[U] = ~hi + (lo === 0 ? 1 : 0);
    }
    let s = 0;
    if (kk === 0 && (R[U]! | R[U + 1]!) !== 0) {
      s = clz64(U) - (j === 0 ? 10 : 9);
      if (s > 21) s = 21;
    }
    st.s = s;
    shl64(U, (j === 0 ? 10 : 9) + s);
    return;
  }
  st.tZero = 0;
  // y·c·2^80 = Y·C (81 bits), r·2^80 = Y·C − 2^80, |r|·2^80 < 2^71.
  const p0 = Math.imul(lo, c) >>> 0;
  const loHi = umulHi(lo, c);
  const mid = (Math.imul(hi, c) >>> 0) + loHi;
  const p1 = mid >>> 0;
  let p2 = umulHi(hi, c) + (mid >= 0x100000000 ? 1 : 0) - 0x10000;
  let q1 = p1;
  let q0 = p0;
  if (p2 < 0) {
    st.rNeg = 1;
    // Negate the three-word value (p2 a small negative integer).
    q0 = -p0 >>> 0;
    const m1 = -p1 - (p0 !== 0 ? 1 : 0);
    q1 = m1 >>> 0;
    p2 = -p2 - (m1 < 0 ? 1 : 0);
  } else {
    st.rNeg = 0;
  }
  // U = |r|·2^73 = (|r|·2^80) >> 7.
  R[U] = (p2 << 25) | (q1 >>> 7);
  R[U + 1] = (q1 << 25) | (q0 >>> 7);
}

/** Load a small r directly: U = R[a]:R[a+1] = |r|·2^(73+s), |r| < 2^-9, sign rNeg; the result is ln(1 + r) alone. */
export function logSmall(a: number, s: number, rNeg: number): void {
  R[U] = R[a]!;
  R[U + 1] = R[a + 1]!;
  st.s = s;
  st.rNeg = rNeg;
  st.k = 0;
  st.tZero = 1;
  st.tNeg = 0;
  R[T] = 0;
  R[T + 1] = 0;
}

/** X = (hi:lo) ± X, staying in [0, 2^64). */
function addConst(hi: number, lo: number, neg: number): void {
  const dHi = R[X]!;
  const dLo = R[X + 1]!;
  if (neg === 0) {
    const l = lo + dLo;
    R[X] = hi + dHi + (l >= 0x100000000 ? 1 : 0);
    R[X + 1] = l;
  } else {
    const l = lo - dLo;
    R[X] = hi - dHi - (l < 0 ? 1 : 0);
    R[X + 1] = l;
  }
}

/** L = |ln(1 + r)|·2^(72+s) (its sign is rNeg). */
function logPoly(): void {
  const s = st.s;
  // Horner with the sign of r: q_k = 1/(k+1) − r·q_(k+1); subtract for r > 0, add for r < 0.
  const sub = st.rNeg === 0 ? 1 : 0;
  const uHi = R[U]!;
  let d = umulHi(uHi, LOG_Q7) >>> (9 + s);
  const q5 = sub !== 0 ? LOG_Q6 - d : LOG_Q6 + d;
  d = umulHi(uHi, q5) >>> (9 + s);
  const q4 = sub !== 0 ? LOG_Q5 - d : LOG_Q5 + d;
  d = umulHi(uHi, q4) >>> (10 + s);
  // q3 at scale 2^-33 (1/4 = 2^31).
  R[S] = sub !== 0 ? 0x80000000 - d : 0x80000000 + d;
  // q2 = 1/3 ∓ u·q3 at scale 2^-65.
  R[C] = uHi;
  mul32x32(X, C, S);
  shr64(X, 9 + s);
  addConst(LOG_Q3_HI, LOG_Q3_LO, sub);
  // q1 = 1/2 ∓ u·q2 at scale 2^-64.
  mulHi64(X, U, X);
  shr64(X, 10 + s);
  addConst(0x80000000, 0, sub);
  // q0 = 1 ∓ u·q1 at scale 2^-63.
  mulHi64(X, U, X);
  shr64(X, 10 + s);
  addConst(0x80000000, 0, sub);
  // L = u·q0 at scale 2^-(72+s).
  mulHi64(L, U, X);
}

/** Z (three words, two's complement) = ±(top:R[r]:R[r+1]) + Z. */
function accumulate(neg: number, top: number, hi: number, lo: number): void {
  if (neg !== 0) {
    // Two's complement of (top:hi:lo).
    const m = -hi - (lo !== 0 ? 1 : 0);
    top = -top - (m < 0 ? 1 : 0);
    hi = m >>> 0;
    lo = -lo >>> 0;
  }
  const l = R[Z + 2]! + lo;
  const h = R[Z + 1]! + hi + (l >= 0x100000000 ? 1 : 0);
  R[Z + 2] = l;
  R[Z + 1] = h;
  R[Z] = R[Z]! + top + (h >= 0x100000000 ? 1 : 0);
}

/** Z = |K|·(c2:c1:c0)·2^-32 (a 96-bit constant at 2^-96 brought to 2^-64), with K's sign. */
function loadMultiple(c2: number, c1: number, c0: number): void {
  const k = st.k;
  const a = k < 0 ? -k : k;
  // a < 2^9: a·c0 only reaches the dropped word by its high half.
  const w0 = umulHi(a, c0);
  const m1 = (Math.imul(a, c1) >>> 0) + w0;
  const m2 = (Math.imul(a, c2) >>> 0) + umulHi(a, c1) + (m1 >= 0x100000000 ? 1 : 0);
  R[Z] = 0;
  R[Z + 1] = 0;
  R[Z + 2] = 0;
  accumulate(k < 0 ? 1 : 0, umulHi(a, c2) + (m2 >= 0x100000000 ? 1 : 0), m2 >>> 0, m1 >>> 0);
}

/** Take the magnitude of Z into the float register at scale 2^q; returns the sign. */
function finishZ(q: number, err: number): number {
  let top = R[Z]! | 0;
  let neg = 0;
  if (top < 0) {
    neg = 1;
    const lo = R[Z + 2]!;
    const m = -R[Z + 1]! - (lo !== 0 ? 1 : 0);
    top = -top - (m < 0 ? 1 : 0);
    R[Z + 1] = m;
    R[Z + 2] = -lo;
  }
  R[Z] = R[Z + 1]!;
  R[Z + 1] = R[Z + 2]!;
  setFloat(top, Z, q, err);
  return neg;
}

/** F = ±|T'| ± L/2^8 at scale 2^-64 into Z (two's complement, three words). */
function loadF(): void {
  R[Z] = 0;
  R[Z + 1] = 0;
  R[Z + 2] = 0;
  accumulate(st.tNeg, 0, R[T]!, R[T + 1]!);
  shr64(L, 8);
  accumulate(st.rNeg, 0, R[L]!, R[L + 1]!);
}

/** Magnitude of the two's complement Z into (R[S]:R[S+1]) (it fits 64 bits); returns its sign. */
function magnitudeOfF(): number {
  const neg = (R[Z]! | 0) < 0 ? 1 : 0;
  let hi = R[Z + 1]!;
  let lo = R[Z + 2]!;
  if (neg !== 0) {
    hi = (-hi - (lo !== 0 ? 1 : 0)) >>> 0;
    lo = -lo >>> 0;
  }
  R[S] = hi;
  R[S + 1] = lo;
  return neg;
}

/** The float register = |ln x| after logReduce / logSmall; returns 1 if ln x < 0. */
export function lnValue(): number {
  logPoly();
  if (st.k === 0 && st.tZero !== 0) {
    setFloat(0, L, -(72 + st.s), 8);
    return st.rNeg;
  }
  shr64(L, 8);
  loadMultiple(LN2_96_2, LN2_96_1, LN2_96_0);
  accumulate(st.tNeg, 0, R[T]!, R[T + 1]!);
  accumulate(st.rNeg, 0, R[L]!, R[L + 1]!);
  return finishZ(-64, 6);
}

/** The float register = |log2 x|; returns 1 if log2 x < 0. */
export function log2Value(): number {
  logPoly();
  R[C] = LOG2E_63_HI;
  R[C + 1] = LOG2E_63_LO;
  if (st.k === 0 && st.tZero !== 0) {
    mulHi64(L, L, C);
    setFloat(0, L, -(71 + st.s), 12);
    return st.rNeg;
  }
  loadF();
  const neg = magnitudeOfF();
  mulHi64(S, S, C);
  // K + ±G at scale 2^-63.
  const k = st.k;
  const a = k < 0 ? -k : k;
  R[Z] = 0;
  R[Z + 1] = 0;
  R[Z + 2] = 0;
  accumulate(k < 0 ? 1 : 0, a >>> 1, (a << 31) >>> 0, 0);
  accumulate(neg, 0, R[S]!, R[S + 1]!);
  return finishZ(-63, 6);
}

/** The float register = |log10 x|; returns 1 if log10 x < 0. */
export function log10Value(): number {
  logPoly();
  R[C] = LOG10E_64_HI;
  R[C + 1] = LOG10E_64_LO;
  if (st.k === 0 && st.tZero !== 0) {
    mulHi64(L, L, C);
    setFloat(0, L, -(72 + st.s), 12);
    return st.rNeg;
  }
  loadF();
  const neg = magnitudeOfF();
  mulHi64(S, S, C);
  loadMultiple(LOG10_2_96_2, LOG10_2_96_1, LOG10_2_96_0);
  accumulate(neg, 0, R[S]!, R[S + 1]!);
  return finishZ(-64, 6);
}

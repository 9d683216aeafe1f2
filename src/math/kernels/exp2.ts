/**
 * The exponential core: 2^t for t = x·c, x a float and c one of log2(e), log2(10), 1 (exp, exp10, exp2), to about
 * 2^-62 relative, and 2^t − 1 with the same relative accuracy however small t is.
 *
 * Argument: x = m·2^E (m an integer of up to 32 bits) and c as a 96-bit constant C·2^-94. The 128-bit product m·C is
 * exact; shifted, it gives T = floor(|t|·2^73) (the error, below 2^-73 plus |t|·2^-95 from rounding c, moves 2^t by
 * less than 2^-72.4 relative). With K = round(t·256), t = K/256 + r, |r| <= 2^-9, and
 *   2^t = 2^n · 2^(j/256) · 2^r,   n = floor(K/256), j = K mod 256.
 * 2^(j/256) comes from a table of 64-bit fractions F_j = (2^(j/256) − 1)·2^64 (EXP2_FRAC, each within half a unit).
 * 2^r − 1 = Σ c_k r^k, c_k = ln2^k/k!, is the Taylor polynomial of degree 6: the remainder is below
 * c_7·2^-63·(1 + 2^-9) < 2^-79.3, 2^-16.6 times the last unit of p(r) at its scale. It is evaluated by Horner's rule
 * on |r| with every partial sum s_k = c_k ± |r|·s_(k+1) positive (|r|·s_(k+1) < 2^-9·c_k), each step in the
 * precision its term needs: s_5 and s_4 in one word with r cut to 32 bits (they reach p through r^4 and r^5, so their
 * relative error of 2^-31 becomes below 2^-70 of p), s_3 from a 32x64 product, s_2, s_1 and p = r·s_1 from 64x64
 * products (fixed.ts), at scales 2^-41, 2^-38, 2^-68, 2^-66, 2^-64 and 2^-(73+s). The bound on p, in units of its
 * own scale: C1's rounding (1/2 unit of 2^-64 of c_1) and the floor of the shifted r·s_2 (1 unit of 2^-64) give at
 * most 1.5·U/2^64 <= 1.5; mulHi64 drops less than 3; the floor in T moves p by at most c_1 < 0.7; the contributions
 * of s_2 … s_5 add less than 0.01. So |P − p·2^(73+s)| < 5.2 units.
 *
 * Assembly: W = 2^64 + F_j + (P + F_j·P/2^64)/2^9 = 2^64·2^(j/256 + r) at scale 2^-64, within 1/2 (F_j) + 1 (the
 * floor of the /2^9) + 8.2/512 units: < 1.52 units. For 2^t the result is W·2^n; for 2^t − 1 with K = 0 it is P
 * itself (relative error < 5.2/2^62, small t handled by the shift s that keeps |r|·2^(73+s) >= 2^63), and otherwise
 * W·2^n − 2^64 formed exactly at W's scale, its error bound carried through the normalization (float.ts).
 */
import { clz32 } from '../../primitives/integer.js';
import { R, add64, carry, mul32x64Hi, mulHi64, mulhi, sub64 } from './fixed.js';
import { ERR_HUGE, setFloat } from './float.js';
import {
  EXP2_C1_HI,
  EXP2_C1_LO,
  EXP2_C2_HI,
  EXP2_C2_LO,
  EXP2_C3_HI,
  EXP2_C3_LO,
  EXP2_C4,
  EXP2_C5,
  EXP2_C6,
  EXP2_FRAC,
  LOG2E_94_0,
  LOG2E_94_1,
  LOG2E_94_2,
  LOG2_10_94_0,
  LOG2_10_94_1,
  LOG2_10_94_2,
  ONE_94_0,
  ONE_94_1,
  ONE_94_2,
} from './tables.js';

/** The multipliers of the argument, selected by expReduce's `which`: log2(e), 1, log2(10), each C·2^-94. */
export const BY_LOG2E = 0;
export const BY_ONE = 1;
export const BY_LOG2_10 = 2;
const MULTIPLIERS = new Uint32Array([
  LOG2E_94_2, LOG2E_94_1, LOG2E_94_0, ONE_94_2, ONE_94_1, ONE_94_0, LOG2_10_94_2, LOG2_10_94_1, LOG2_10_94_0,
]);
const FRAC = new Uint32Array(EXP2_FRAC);

/* Registers of this kernel (fixed.ts): U = |r| scaled, S and X scratch, P = p, F = table entry, W = 2^f (three
 * words), M = m·C (four words), T = shifted M (three words), D = a difference (three words). */
const U = 2;
const S = 4;
const X = 6;
const P = 8;
const F = 10;
const W = 12;
const M = 16;
const T = 20;
const D = 23;

/** Scalar state (small integers, so V8 keeps them unboxed in the object). */
const st = {
  /** K = round(t·256). */
  k: 0,
  /** 1 if r < 0. */
  rNeg: 0,
  /** Extra scaling s of |r| (U = |r|·2^(73+s)), used only when K = 0 and the caller wants 2^t − 1. */
  uShift: 0,
};

/** T = M >> sh (sh in 0 … 127, result below 2^96). */
function shiftProduct(sh: number): void {
  let a0 = R[M + 3]!;
  let a1 = R[M + 2]!;
  let a2 = R[M + 1]!;
  let a3 = R[M]!;
  while (sh >= 32) {
    a0 = a1;
    a1 = a2;
    a2 = a3;
    a3 = 0;
    sh -= 32;
  }
  if (sh === 0) {
    R[T + 2] = a0;
    R[T + 1] = a1;
    R[T] = a2;
  } else {
    R[T + 2] = (a0 >>> sh) | (a1 << (32 - sh));
    R[T + 1] = (a1 >>> sh) | (a2 << (32 - sh));
    R[T] = (a2 >>> sh) | (a3 << (32 - sh));
  }
}

/**
 * Reduce t = (−1)^negative · m·2^E · c (c selected by `which`, m < 2^25); requires |t| < 2^23 and E <= 21. With
 * `small`, an argument with K = 0 is kept with extra precision for 2^t − 1.
 */
export function expReduce(negative: number, m: number, E: number, which: number, small: boolean): void {
  const c = (which << 1) + which;
  const c0 = MULTIPLIERS[c + 2]!;
  const c1 = MULTIPLIERS[c + 1]!;
  const c2 = MULTIPLIERS[c]!;
  // M = m·C, exact (four words).
  const h0 = mulhi(m, c0);
  const l1 = (Math.imul(m, c1) + h0) | 0;
  const h1 = (mulhi(m, c1) + carry(l1, h0)) | 0;
  const l2 = (Math.imul(m, c2) + h1) | 0;
  R[M + 3] = Math.imul(m, c0);
  R[M + 2] = l1;
  R[M + 1] = l2;
  R[M] = (mulhi(m, c2) + carry(l2, h1)) | 0;
  // |t|·2^73 = m·C·2^(E-21).
  const sh = 21 - E;
  shiftProduct(sh);
  st.uShift = 0;
  const t2 = R[T]!;
  if (t2 === 0) {
    // |t| < 2^-9: K = 0 and r = t.
    st.k = 0;
    st.rNeg = negative;
    const t1 = R[T + 1]!;
    if (small && t1 < 0x80000000) {
      let s = t1 !== 0 ? clz32(t1) : 32 + clz32(R[T + 2]!);
      if (s > 19) s = 19;
      if (s > sh) s = sh;
      st.uShift = s;
      shiftProduct(sh - s);
    }
    R[U] = R[T + 1]!;
    R[U + 1] = R[T + 2]!;
    return;
  }
  const k = (t2 + 1) >>> 1;
  const t1 = R[T + 1]!;
  const t0 = R[T + 2]!;
  if ((t2 & 1) === 0) {
    st.rNeg = negative;
    R[U] = t1;
    R[U + 1] = t0;
  } else {
    // r = (t1:t0) − 2^64 <= 0.
    st.rNeg = negative ^ 1;
    R[U + 1] = -t0 | 0;
    R[U] = (~t1 + (t0 === 0 ? 1 : 0)) | 0;
    if ((R[U]! | R[U + 1]!) === 0) {
      // |r| = 2^-9 exactly; one unit less keeps it in 64 bits.
      R[U] = 0xffffffff;
      R[U + 1] = 0xffffffff;
    }
  }
  st.k = negative !== 0 ? -k : k;
}

/** X = C ± (X >> sh), the polynomial's partial sums never leaving [0, 2^64). */
function stepConst(cHi: number, cLo: number, sh: number, neg: number): void {
  const xHi = R[X]!;
  const lo = (R[X + 1]! >>> sh) | (xHi << (32 - sh));
  const hi = xHi >>> sh;
  if (neg === 0) {
    const l = (cLo + lo) | 0;
    R[X] = (cHi + hi + carry(l, lo)) | 0;
    R[X + 1] = l;
  } else {
    R[X] = (cHi - hi - (cLo < lo >>> 0 ? 1 : 0)) | 0;
    R[X + 1] = (cLo - lo) | 0;
  }
}

/**
 * P = 2^r − 1 from the reduced argument (|p|·2^(73+s), sign st.rNeg). Each product is a call on registers so that V8
 * compiles it with its 32x32 multiplies inline and no 32-bit word crosses a call boundary.
 */
function exp2Poly(): void {
  const s = st.uShift;
  const neg = st.rNeg;
  const sh = 11 + s;
  const uHi = R[U]!;
  let d = mulhi(uHi, EXP2_C6) >>> (12 + s);
  const s5 = (neg !== 0 ? EXP2_C5 - d : EXP2_C5 + d) | 0;
  d = mulhi(uHi, s5) >>> (12 + s);
  R[S] = neg !== 0 ? EXP2_C4 - d : EXP2_C4 + d;
  mul32x64Hi(X, S, U);
  stepConst(EXP2_C3_HI, EXP2_C3_LO, sh, neg);
  mulHi64(X, U, X);
  stepConst(EXP2_C2_HI, EXP2_C2_LO, sh, neg);
  mulHi64(X, U, X);
  stepConst(EXP2_C1_HI, EXP2_C1_LO, sh, neg);
  mulHi64(P, U, X);
}

/** W = 2^64·2^(j/256 + r) (three words) from P and the table. */
function exp2Assemble(): void {
  const j = st.k & 255;
  R[F] = FRAC[j << 1]!;
  R[F + 1] = FRAC[(j << 1) | 1]!;
  // D = (P + F_j·P/2^64) / 2^9: the 65-bit sum shifted back into one 64-bit pair (in S).
  mulHi64(S, F, P);
  const top = add64(S, S, P);
  const sHi = R[S]!;
  R[S + 1] = (R[S + 1]! >>> 9) | (sHi << 23);
  R[S] = (sHi >>> 9) | (top << 23);
  if (st.rNeg === 0) R[W] = 1 + add64(W + 1, F, S);
  else R[W] = 1 - sub64(W + 1, F, S);
}

/** The error bound of W in units of 2^-64, rounded up. */
const W_ERR = 2;
/** The error bound of P in units of its scale, rounded up. */
const P_ERR = 6;

/** fx = 2^t after expReduce. */
export function exp2Value(): void {
  exp2Poly();
  exp2Assemble();
  setFloat(R[W]!, W + 1, (st.k >> 8) - 64, W_ERR);
}

/** D = (top:R[r]:R[r+1]) − (sTop:sHi:sLo), the first not smaller. */
function sub96(top: number, r: number, sTop: number, sHi: number, sLo: number): void {
  const lo = R[r + 1]! - sLo;
  const mid = R[r]! - sHi - (lo < 0 ? 1 : 0);
  R[D + 2] = lo;
  R[D + 1] = mid;
  R[D] = top - sTop - (mid < 0 ? 1 : 0);
}

/** fx = |2^t − 1| after expReduce (with `small` set); returns 1 if 2^t − 1 < 0. */
export function exp2m1Value(): number {
  exp2Poly();
  const k = st.k;
  if (k === 0) {
    if ((R[P]! | R[P + 1]!) === 0) {
      // Only for t so small that it is below every format's resolution next to 1; the callers never get here.
      R[P + 1] = 1;
      setFloat(0, P, -92, ERR_HUGE);
      return st.rNeg;
    }
    setFloat(0, P, -(73 + st.uShift), P_ERR);
    return st.rNeg;
  }
  exp2Assemble();
  const n = k >> 8;
  const wTop = R[W]!;
  if (n >= 64) {
    // 2^t − 1 differs from 2^t by less than one unit of W·2^n's scale.
    setFloat(wTop, W + 1, n - 64, W_ERR + 1);
    return 0;
  }
  if (n >= 0) {
    // 2^t − 1 = (W − 2^(64-n))·2^(n-64), exactly at W's scale; K >= 1 makes it positive.
    if (n === 0) sub96(wTop, W + 1, 1, 0, 0);
    else if (n <= 32) sub96(wTop, W + 1, 0, (1 << (32 - n)) >>> 0, 0);
    else sub96(wTop, W + 1, 0, 0, (1 << (64 - n)) >>> 0);
    setFloat(R[D]!, D + 1, n - 64, W_ERR);
    return 0;
  }
  if (n === -1) {
    // 1 − 2^t = (2^65 − W)·2^-65 (K = -1 … -256 keeps W below 2^65 and the difference positive).
    R[S] = 0;
    R[S + 1] = 0;
    sub96(2, S, wTop, R[W + 1]!, R[W + 2]!);
    setFloat(R[D]!, D + 1, -65, W_ERR);
    return 1;
  }
  // n <= -2: 2^t < 1/2, so 1 − 2^t > 1/2 and nothing cancels: subtract W·2^n, cut to scale 2^-64 (one more unit).
  const sh = -n;
  const wHi = R[W + 1]!;
  const wLo = R[W + 2]!;
  let hi = 0;
  let lo = 0;
  if (sh < 32) {
    lo = (wLo >>> sh) | (wHi << (32 - sh));
    hi = (wHi >>> sh) | (wTop << (32 - sh));
  } else if (sh === 32) {
    lo = wHi;
    hi = wTop;
  } else if (sh < 64) {
    lo = (wHi >>> (sh - 32)) | (wTop << (64 - sh));
  } else if (sh === 64) {
    lo = wTop;
  }
  R[S] = 0;
  R[S + 1] = 0;
  sub96(1, S, 0, hi >>> 0, lo >>> 0);
  setFloat(R[D]!, D + 1, -64, W_ERR + 1);
  return 1;
}

/**
 * The internals of pow (src/math/pow.ts): the exact cases, and |x|^y = e^(y·ln|x|) to about 2^-60 relative.
 *
 * Exact cases. Write x = m·2^e with m odd and y = n·2^-k with n odd. x^y is a dyadic number (the only kind that can
 * be a representable number or a rounding boundary) only when
 *   - y is an integer (k <= 0): x^y = m^y·2^(e·y), dyadic for y > 0, and for y < 0 only when m = 1;
 *   - y = n/2^k, k >= 1: if x^y = M·2^f (M odd), raising to the power 2^k gives M^(2^k)·2^(f·2^k) = m^n·2^(e·n).
 *     With n < 0 this forces M = m = 1; with n > 0, since n is odd, every prime exponent of m must be a multiple of
 *     2^k (m = u^(2^k)) and so must e, and then x^y = u^n·2^(e·n/2^k).
 * So x^y is dyadic exactly when x = 2^e and e·y is an integer (x^y = 2^(e·y)), or y > 0 and x = w^(2^k) for a
 * dyadic w (y integer: k = 0), x^y = w^n. For m > 1, u >= 3 and m < 2^24 give 3^(2^k) < 2^24, so k <= 3, and a
 * result of at most 31 bits needs n <= 19 (3^20 > 2^31). {@link powExact} finds all of these whose odd part has
 * fewer than `vBits` bits (31 for binary32, 15 for the 16-bit formats, more than p + 1 in each case): every result
 * that is representable or a midpoint of the format (p + 1 bits) is among them, and the callers round them exactly
 * with roundPack. Every other x^y is not a rounding boundary, which is what kernels/round.ts needs.
 *
 * Approximation ({@link powValue}): |x|^y = e^t, t = y·ln|x|. L = |ln x| from the logarithm core (kernels/log.ts),
 * a 64-bit significand with an error bound errL in its units (taken one unit larger than the register says, see
 * below). t̃ = y·L is formed exactly: the product P of y's significand (below 2^24) and L's 64-bit one, at most 88
 * bits. Its top 25 bits give t1 = m1·2^E1 (m1 in [2^24, 2^25)) and the rest t2 = t̃ − t1 in [0, 2^E1),
 * V0 = t2·2^(64−E1) < 2^64, exactly. When |t̃| >= 2^big the result overflows or underflows in every mode (big = 7:
 * e^±128 = 2^±184.7 is beyond binary32 and bfloat16; big = 5: e^±32 = 2^±46.2 beyond binary16); when
 * |t̃| < 2^(tiny+1), tiny = −(p+3), |e^t − 1| < 1.01·2^(tiny+1) = 1.01·2^-(p+2) is below the distance 2^-(p+1) from 1
 * to its neighbouring rounding boundaries, and the callers round 1 nudged toward t's side (the sign of t is exact).
 * Otherwise:
 *   e^t1 comes from the exponential core (kernels/exp2.ts: expReduce with the multiplier log2 e, m1 < 2^25,
 *   |t1·log2 e| < 2^7.6), within errS units of its 64-bit significand S (2 to 4);
 *   e^t2 = 1 ± |q| (the sign of t): with t2 < 2^E1 <= 2^-18, |q| = t2 ± t2²/2 + t2³/6 within t2⁴/24 < 2^-76.6, formed at
 *   scale 2^80 from A = t2·2^80 (V0 shifted; within a unit): the truncations (A, t2²/2 within 1.01 units, t2³/6 within
 *   1.2) and the omitted term (< 11 units) leave Q within 15 units of 2^-80;
 *   S' = S ± floor(S·Q/2^80) (mulHi-truncated) is within errS·(1 + 2^-17.9) + 1.001 units of e^t̃ at S's scale,
 *   |q| < 2^-17.9 keeps S' within a factor 2 of 2^63 … 2^64, and normalizing it by one bit either way leaves at most
 *   2·errS + 3 units.
 * Error of t̃ itself: |t̃ − t| = |y|·|L − ln|x||, Δt <= my·errL·2^(ey+eL−63) for y = my·2^ey and L = sig·2^(eL−63); it
 * moves e^t by a relative e^Δt − 1 <= Δt + Δt², at most ceil(Δt·2^64) + 1 units of a significand in [2^63, 2^64)
 * (Δt < 2^-36 whenever the bound is usable). The bound given to the finisher is 2·errS + 5 + that.
 * The extra unit of errL: setFloat (float.ts) normalizes a register right by sh bits with the bound (err >> sh) + 1,
 * while the truncation can leave up to err/2^sh + 1, a fraction of a unit more (lnValue's sum of 6 units of 2^-64
 * shifted by 4 for |ln x| >= 8, for instance).
 * Size: errL is a few units of 2^-64 absolute, relatively at worst 2^-52.5 (ln x near ±2^-9) and 2^-58 next to x = 1;
 * with |t| < 2^7 the result is within 2^-45 relative in the worst case and usually far better (checked against
 * BigInt values in test/math/pow.test.ts, which also checks the bound is never exceeded on its samples).
 *
 * Registers: the log and exponential kernels' own (R), read back from the float register FX between the two; this
 * file keeps its words in a private array. The last ln|x| is kept there with its argument, so that a run of powers
 * of one base (a vector of exponents) computes it once.
 */
import { clz32, umulHi } from '../../primitives/integer.js';
import { BY_LOG2E, exp2Value, expReduce } from './exp2.js';
import { R, carry, mulhi } from './fixed.js';
import { ERR_HUGE, FX, fx } from './float.js';
import { LOG_Y, lnValue, logReduce } from './log.js';

/** Private 64-bit registers (two words each, high first). */
const W = new Uint32Array(14);
const V = 0;
const A = 2;
const B = 4;
const C = 6;
const Q = 8;
const S = 10;
const L = 12;

/**
 * The last |ln x| computed (significand in W[L]), for x = mx·2^ex: a sequence of powers of one base (pow(x, y) over
 * a vector of exponents) needs it once. mx = 0 matches no argument.
 */
const lnOf = { mx: 0, ex: 0, neg: 0, e: 0, err: 0 };

/** W[d] = top 64 bits of W[a]·W[b] (128-bit product), less 0 … 2 units (as fixed.ts mulHi64). */
function mulHi(d: number, a: number, b: number): void {
  const aHi = W[a]!;
  const aLo = W[a + 1]!;
  const bHi = W[b]!;
  const bLo = W[b + 1]!;
  const m1 = mulhi(aHi, bLo);
  const m2 = mulhi(aLo, bHi);
  const s1 = (Math.imul(aHi, bHi) + m1) | 0;
  const c1 = carry(s1, m1);
  const s2 = (s1 + m2) | 0;
  const c2 = carry(s2, m2);
  W[d] = (mulhi(aHi, bHi) + c1 + c2) | 0;
  W[d + 1] = s2;
}

/** W[d] = W[a] >> sh, sh in 0 … 63. */
function shr(d: number, a: number, sh: number): void {
  const hi = W[a]!;
  const lo = W[a + 1]!;
  if (sh === 0) {
    W[d] = hi;
    W[d + 1] = lo;
  } else if (sh < 32) {
    W[d + 1] = (lo >>> sh) | (hi << (32 - sh));
    W[d] = hi >>> sh;
  } else {
    W[d + 1] = hi >>> (sh - 32);
    W[d] = 0;
  }
}

/** W[d] = W[a] ± W[b] (neg = 1: minus), modulo 2^64; returns the carry or borrow out. */
function addSub(d: number, a: number, b: number, neg: number): number {
  const aHi = W[a]!;
  const aLo = W[a + 1]!;
  const bHi = W[b]!;
  const bLo = W[b + 1]!;
  if (neg === 0) {
    const lo = (aLo + bLo) | 0;
    const c0 = carry(lo, bLo);
    const hi0 = (aHi + bHi) | 0;
    const c1 = carry(hi0, bHi);
    const hi = (hi0 + c0) | 0;
    W[d] = hi;
    W[d + 1] = lo;
    return c1 | (c0 & (hi === 0 ? 1 : 0));
  }
  const b0 = aLo >>> 0 < bLo >>> 0 ? 1 : 0;
  const b1 = aHi >>> 0 < bHi >>> 0 || (aHi === bHi && b0 !== 0) ? 1 : 0;
  W[d] = (aHi - bHi - b0) | 0;
  W[d + 1] = (aLo - bLo) | 0;
  return b1;
}

function ctz(v: number): number {
  return 31 - clz32(v & -v);
}

/** floor(sqrt(u)) for u < 2^24, bit by bit. */
function isqrt24(u: number): number {
  let r = 0;
  for (let bit = 0x800; bit !== 0; bit >>>= 1) {
    const c = r | bit;
    if (Math.imul(c, c) <= u) r = c;
  }
  return r;
}

/** The exact result of the last successful {@link powExact}: |x|^y = v·2^f. */
export const powExactResult = { v: 0, f: 0 };

/** Exponents beyond every format's range (|f| saturates here). */
const FAR = 0x100000;

/**
 * Is |x|^y exactly v·2^f with v odd below 2^vBits? x = mx·2^ex (mx > 0, |x| ≠ 1), y = (−1)^yNeg·my·2^ey (my > 0).
 * On success the result is left in {@link powExactResult} (f saturated at ±2^20, far outside every range).
 */
export function powExact(mx: number, ex: number, yNeg: number, my: number, ey: number, vBits: number): boolean {
  const tzx = ctz(mx);
  const m = mx >>> tzx;
  const e = ex + tzx;
  const tzy = ctz(my);
  const n = my >>> tzy;
  const k = -(ey + tzy);
  if (m === 1) {
    // x = 2^e (e ≠ 0, |e| < 2^8): exact when e·y is an integer.
    const ae = e < 0 ? -e : e;
    let f: number;
    if (k > 0) {
      if (k >= 9 || (ae & ((1 << k) - 1)) !== 0) return false;
      const q = ae >>> k;
      f = 64 - clz32(q) - clz32(n) > 30 ? FAR : Math.imul(q, n);
    } else {
      f = 64 - clz32(ae) - clz32(n) - k > 30 ? FAR : Math.imul(ae, n) << -k;
    }
    if (f > FAR) f = FAR;
    powExactResult.v = 1;
    powExactResult.f = (e < 0) !== (yNeg !== 0) ? -f : f;
    return true;
  }
  if (yNeg !== 0) return false;
  let u = m;
  let N: number;
  let f0: number;
  if (k <= 0) {
    if (k < -4) return false;
    N = n << -k;
    f0 = e;
  } else {
    if (k > 3 || (e & ((1 << k) - 1)) !== 0) return false;
    for (let i = 0; i < k; i++) {
      const r = isqrt24(u);
      if (Math.imul(r, r) !== u) return false;
      u = r;
    }
    N = n;
    f0 = e >> k;
  }
  if (N > 19 || u >>> vBits !== 0) return false;
  let v = u;
  for (let i = 1; i < N; i++) {
    const lo = Math.imul(v, u) >>> 0;
    if (umulHi(v, u) !== 0 || lo >>> vBits !== 0) return false;
    v = lo;
  }
  powExactResult.v = v;
  powExactResult.f = Math.imul(f0, N);
  return true;
}

/** {@link powValue} outcomes besides 0 (the float register holds |x|^y). */
export const POW_OVERFLOW = 1;
export const POW_UNDERFLOW = -1;
/** |t| so small that |x|^y rounds as 1 nudged up (or down). */
export const POW_NEAR_ONE_ABOVE = 2;
export const POW_NEAR_ONE_BELOW = -2;

/** The top 25 bits of t̃ (the rest are in W[V]). */
const tParts = { m1: 0 };

/** |ln x| into W[L] and lnOf, for x = mx·2^ex. */
function lnOfX(mx: number, ex: number): void {
  const sh = clz32(mx);
  R[LOG_Y] = mx << sh;
  R[LOG_Y + 1] = 0;
  logReduce(ex + 31 - sh);
  lnOf.neg = lnValue();
  W[L] = R[FX]!;
  W[L + 1] = R[FX + 1]!;
  lnOf.e = fx.e;
  // One unit more than the register's bound: normalizing right by sh bits (float.ts) leaves an error below
  // err/2^sh + 1, which (err >> sh) + 1 can understate by a fraction of a unit.
  lnOf.err = fx.err + 1;
  lnOf.mx = mx;
  lnOf.ex = ex;
}

/** t̃ = y·L for y = my·2^ey: its top 25 bits into tParts.m1, the next 64 into W[V]; returns msb (t̃ in [2^msb, 2^(msb+1))). */
function multiplyLn(my: number, ey: number): number {
  const lHi = W[L]!;
  const lLo = W[L + 1]!;
  // P = my·L, exact in three words (below 2^88, at least 2^63).
  const lo1 = mulhi(my, lLo);
  const p0 = Math.imul(my, lLo);
  const p1 = (Math.imul(my, lHi) + lo1) | 0;
  const p2 = (mulhi(my, lHi) + carry(p1, lo1)) | 0;
  const bits = p2 !== 0 ? 96 - clz32(p2) : 64;
  // P with its top bit at 2^95 (its low 8 bits are then zero): t1 = the top 25 bits, V0 = the next 64.
  const n = 96 - bits;
  let n2: number;
  let n1: number;
  let n0: number;
  if (n === 32) {
    n2 = p1;
    n1 = p0;
    n0 = 0;
  } else {
    n2 = (p2 << n) | (p1 >>> (32 - n));
    n1 = (p1 << n) | (p0 >>> (32 - n));
    n0 = p0 << n;
  }
  tParts.m1 = n2 >>> 7;
  W[V] = (n2 << 25) | (n1 >>> 7);
  W[V + 1] = (n1 << 25) | (n0 >>> 7);
  return bits + ey + lnOf.e - 64;
}

/** The error of t̃ in units of 2^-64: my·errL·2^(ey+eL+1), rounded up (and one more for e^Δt − 1 − Δt). */
function errorOfT(my: number, ey: number): number {
  const errL = lnOf.err;
  const errLo = Math.imul(my, errL) >>> 0;
  const errHi = umulHi(my, errL);
  const s = ey + lnOf.e + 1;
  if (s >= 0) return errHi !== 0 || s >= 30 || errLo >= ERR_HUGE >>> s ? ERR_HUGE : (errLo << s) + 1;
  const r = -s;
  let hi = errHi;
  let lo = errLo;
  if (r < 32) {
    lo = (lo >>> r) | (hi << (32 - r));
    hi >>>= r;
  } else {
    lo = r < 64 ? hi >>> (r - 32) : 0;
    hi = 0;
  }
  return hi !== 0 || lo >>> 0 >= ERR_HUGE ? ERR_HUGE : (lo >>> 0) + 2;
}

/** W[Q] = |e^(±t2) − 1|·2^80 = t2 ± t2²/2 + t2³/6 from W[V] = t2·2^(64−e1). */
function expLow(tNeg: number, e1: number): void {
  shr(A, V, -16 - e1);
  mulHi(B, A, A);
  mulHi(C, B, A);
  shr(B, B, 17);
  addSub(Q, A, B, tNeg);
  // C = t2³·2^112, so its high word is t2³·2^80 and 0x2AAAAAAB/2^32 is 1/6 (+2^-33.4).
  W[C + 1] = mulhi(W[C]!, 0x2aaaaaab);
  W[C] = 0;
  addSub(Q, Q, C, 0);
}

/** The float register (e^t1) times 1 ± W[Q]·2^-80, normalized. */
function scaleByLow(tNeg: number): void {
  W[S] = R[FX]!;
  W[S + 1] = R[FX + 1]!;
  mulHi(C, S, Q);
  shr(C, C, 16);
  const out = addSub(S, S, C, tNeg);
  let hi = W[S]!;
  let lo = W[S + 1]!;
  if (tNeg === 0) {
    if (out !== 0) {
      lo = (lo >>> 1) | (hi << 31);
      hi = (hi >>> 1) | 0x80000000;
      fx.e++;
    }
  } else if (hi < 0x80000000) {
    hi = (hi << 1) | (lo >>> 31);
    lo <<= 1;
    fx.e--;
  }
  R[FX] = hi;
  R[FX + 1] = lo;
}

/**
 * The float register = |x|^y for x = mx·2^ex (mx > 0, |x| ≠ 1) and y = (−1)^yNeg·my·2^ey (0 < my < 2^24), when
 * 2^(tiny+1) <= |y·ln|x|| < 2^big; otherwise one of the outcomes above. Returns 0 when the register is set. (The
 * work is split in small functions so that V8 inlines their word arithmetic instead of boxing words >= 2^30 across
 * calls.)
 */
export function powValue(mx: number, ex: number, yNeg: number, my: number, ey: number, tiny: number, big: number): number {
  if (mx !== lnOf.mx || ex !== lnOf.ex) lnOfX(mx, ex);
  const tNeg = lnOf.neg ^ yNeg;
  const msb = multiplyLn(my, ey);
  if (msb >= big) return tNeg !== 0 ? POW_UNDERFLOW : POW_OVERFLOW;
  if (msb <= tiny) return tNeg !== 0 ? POW_NEAR_ONE_BELOW : POW_NEAR_ONE_ABOVE;
  const errT = errorOfT(my, ey);
  const e1 = msb - 24;
  expReduce(tNeg, tParts.m1, e1, BY_LOG2E, false);
  exp2Value();
  const errS = fx.err;
  expLow(tNeg, e1);
  scaleByLow(tNeg);
  const err = (errS << 1) + 5 + errT;
  fx.err = errS >= ERR_HUGE >>> 2 || errT >= ERR_HUGE || err >= ERR_HUGE ? ERR_HUGE : err;
  return 0;
}

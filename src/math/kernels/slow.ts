/**
 * The slow path: deciding on which side of a rounding boundary an exact result lies, when the 64-bit kernels were
 * too close to it to tell (round.ts records the boundary b in `hard`).
 *
 * Each function's question is turned into a comparison that needs only exponentials of exactly known arguments and
 * exact dyadic numbers: e^x against b; log x < b exactly when x < e^b; tanh x against b through (e^2x − 1) against
 * b·(e^2x + 1); and so on (the deciders below and in the function files). The exponentials are computed in
 * 192-bit fixed point ("mp" numbers: six 32-bit words, the first the integer part, value = words·2^-160):
 *   t = x·c exactly enough (c = log2 e, log2 10 or 1 to 2^-160, x an integer times a power of two, so the product is
 *   within 2^-150 for |t| < 2^10), t = n + f with 0 <= f < 1, and 2^f = e^(f·ln2) from y = f·ln2/2^8 (so y < 2^-8.5),
 *   the Taylor polynomial of e^y of degree 16 (remainder below 2^-190) by Horner's rule, then 8 squarings.
 * Each truncation costs at most a unit of 2^-160; the squarings multiply the relative error by 2^8, so 2^f is
 * within 2^-140 relative. The comparisons are therefore right whenever the exact result is more than 2^-138
 * (relative) away from the boundary. No binary32 argument comes anywhere near that: a result that close to a
 * boundary would need some 110 identical bits after the rounding bit, where the probabilistic estimate for the
 * hardest of the 2^32 cases is about 2^-(24+32+10); exact results (e^0, 2^n, log2 2^n, 10^n, …) never get here,
 * each function treats them first.
 *
 * Speed is not a concern: this runs for about one binary32 argument in 2^30 (none of the 16-bit ones).
 */
import { clz32, umDivMod, umul, wide } from '../../primitives/integer.js';
import { hard } from './round.js';
import { MP_LN2, MP_LOG2_10, MP_LOG2E, MP_ONE } from './tables.js';

const N = 6;

/** Scratch numbers (no allocation per call). */
const T = [0, 0, 0, 0, 0, 0];
const Y = [0, 0, 0, 0, 0, 0];
const P = [0, 0, 0, 0, 0, 0];
const Q = [0, 0, 0, 0, 0, 0];
export const MP_F = [0, 0, 0, 0, 0, 0];
export const MP_A = [0, 0, 0, 0, 0, 0];
export const MP_B = [0, 0, 0, 0, 0, 0];
/** The product buffer of mpMul (12 words, most significant first). */
const PROD = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

export function mpCopy(dst: number[], a: readonly number[]): void {
  for (let i = 0; i < N; i++) dst[i] = a[i]!;
}

export function mpZero(dst: number[]): void {
  for (let i = 0; i < N; i++) dst[i] = 0;
}

/** dst = a + b (the sum must stay below 2^32). */
export function mpAdd(dst: number[], a: readonly number[], b: readonly number[]): void {
  let carry = 0;
  for (let i = N - 1; i >= 0; i--) {
    const s = a[i]! + b[i]! + carry;
    dst[i] = s >>> 0;
    carry = s >= 0x100000000 ? 1 : 0;
  }
}

/** dst = a − b for a >= b. */
export function mpSub(dst: number[], a: readonly number[], b: readonly number[]): void {
  let borrow = 0;
  for (let i = N - 1; i >= 0; i--) {
    const s = a[i]! - b[i]! - borrow;
    dst[i] = s >>> 0;
    borrow = s < 0 ? 1 : 0;
  }
}

/** Sign of a − b. */
export function mpCmp(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < N; i++) {
    if (a[i] !== b[i]) return a[i]! > b[i]! ? 1 : -1;
  }
  return 0;
}

/** dst = a·b, truncated (the product must stay below 2^32). dst may be a or b. */
export function mpMul(dst: number[], a: readonly number[], b: readonly number[]): void {
  for (let i = 0; i < PROD.length; i++) PROD[i] = 0;
  // Word i of a number weighs 2^(32·(5-i)); the product of words i and j lands in PROD[i + j + 1] (low) and
  // PROD[i + j] (high), PROD[k] weighing 2^(32·(11-k)) before the 2^-320 rescaling.
  for (let i = 0; i < N; i++) {
    const ai = a[i]!;
    if (ai === 0) continue;
    for (let j = 0; j < N; j++) {
      const lo = umul(ai, b[j]!);
      const hi = wide.hi;
      let k = i + j + 1;
      let s = PROD[k]! + lo;
      PROD[k] = s >>> 0;
      let carry = (s >= 0x100000000 ? 1 : 0) + hi;
      while (carry !== 0 && k > 0) {
        k--;
        s = PROD[k]! + carry;
        PROD[k] = s >>> 0;
        carry = s >= 0x100000000 ? 1 : 0;
      }
    }
  }
  // Value = PROD·2^-320: words 1 … 6 of it are the result at 2^-160 (word 0 is zero for products below 2^32).
  for (let i = 0; i < N; i++) dst[i] = PROD[i + 1]!;
}

/** dst = a·k for an integer k < 2^32 (the product must stay below 2^32). */
export function mpMulSmall(dst: number[], a: readonly number[], k: number): void {
  let carry = 0;
  for (let i = N - 1; i >= 0; i--) {
    const lo = umul(a[i]!, k);
    const s = lo + carry;
    dst[i] = s >>> 0;
    carry = wide.hi + (s >= 0x100000000 ? 1 : 0);
  }
}

/** dst = a / k, truncated, for an integer 0 < k < 2^32. */
export function mpDivSmall(dst: number[], a: readonly number[], k: number): void {
  let rem = 0;
  for (let i = 0; i < N; i++) {
    dst[i] = umDivMod(rem, a[i]!, k);
    rem = wide.rem;
  }
}

/** dst = a·2^-s (s >= 0), truncated. */
export function mpShr(dst: number[], a: readonly number[], s: number): void {
  const words = s >>> 5;
  const bits = s & 31;
  for (let i = N - 1; i >= 0; i--) {
    const src = i - words;
    const w = src >= 0 ? a[src]! : 0;
    const above = src - 1 >= 0 ? a[src - 1]! : 0;
    dst[i] = bits === 0 ? w : ((w >>> bits) | (above << (32 - bits))) >>> 0;
  }
}

/** dst = a·2^s (s >= 0; the result must stay below 2^32). */
export function mpShl(dst: number[], a: readonly number[], s: number): void {
  const words = s >>> 5;
  const bits = s & 31;
  for (let i = 0; i < N; i++) {
    const src = i + words;
    const w = src < N ? a[src]! : 0;
    const below = src + 1 < N ? a[src + 1]! : 0;
    dst[i] = bits === 0 ? w : ((w << bits) | (below >>> (32 - bits))) >>> 0;
  }
}

/** dst = B·2^e for an integer B < 2^32, truncated below 2^-160 (B·2^e must stay below 2^32). */
export function mpSetDyadic(dst: number[], b: number, e: number): void {
  mpZero(dst);
  dst[0] = b >>> 0;
  if (e >= 0) mpShl(dst, dst, e);
  else mpShr(dst, dst, -e);
}

/** The integer part n of the last exponent argument (t = n + f, 0 <= f < 1). */
export let mpExpN = 0;

/**
 * MP_F = 2^f and mpExpN = n for t = (−1)^negative·m·2^E·c, c one of the MP_ constants (|t| < 2^10; m < 2^32 with
 * m·c < 2^32 before scaling, which holds for m < 2^25 and c < 4).
 */
export function mpExp2(negative: number, m: number, E: number, c: readonly number[]): void {
  mpMulSmall(T, c, m);
  if (E >= 0) mpShl(T, T, E);
  else mpShr(T, T, -E);
  let n = T[0]!;
  T[0] = 0;
  if (negative !== 0) {
    n = -n;
    let nonzero = 0;
    for (let i = 1; i < N; i++) nonzero |= T[i]!;
    if (nonzero !== 0) {
      n -= 1;
      mpSub(T, MP_ONE, T);
    }
  }
  mpExpN = n;
  mpExp2Frac(MP_F, T);
}

/** dst = 2^f for 0 <= f < 1. */
function mpExp2Frac(dst: number[], f: readonly number[]): void {
  mpMul(Y, f, MP_LN2);
  mpShr(Y, Y, 8);
  // Horner: P = 1 + y/k·P for k = 16 … 1.
  mpCopy(P, MP_ONE);
  for (let k = 16; k >= 1; k--) {
    mpMul(Q, Y, P);
    mpDivSmall(Q, Q, k);
    mpAdd(P, MP_ONE, Q);
  }
  for (let i = 0; i < 8; i++) mpMul(P, P, P);
  mpCopy(dst, P);
}

/** The precision p of the recorded boundary (hard.b has p + 1 bits). */
export function hardPrecision(): number {
  return 31 - clz32(hard.b);
}

/** Which constant multiplies the argument: 0 for log2(e), 1 for 1, 2 for log2(10). */
export function mpConstant(which: number): readonly number[] {
  return which === 0 ? MP_LOG2E : which === 1 ? MP_ONE : MP_LOG2_10;
}

/**
 * Sign of 2^t − |boundary| for t = (−1)^negative·m·2^E·c: decides e^x, 2^x and 10^x.
 */
export function slowExpCmp(negative: number, m: number, E: number, which: number): number {
  mpExp2(negative, m, E, mpConstant(which));
  // 2^t = 2^n·F against b = B·2^(e-p): compare F with B·2^(e-p-n).
  mpSetDyadic(MP_A, hard.b, hard.e - hardPrecision() - mpExpN);
  const c = mpCmp(MP_F, MP_A);
  return c === 0 ? 1 : c;
}

const XV = [0, 0, 0, 0, 0, 0];

/**
 * For the logarithms: sign of |log_c(x')| − |b| for the recorded boundary b, where x' = x or 1 + x and
 * x = (−1)^xNeg·mx·2^Ex, the result being negative when resultNeg. log x' > b exactly when x' > base^b, so this
 * compares x' (exact) with base^(±|b|) = 2^(±|b|·c) (c = log2 e, 1, log2 10 by `which`).
 */
export function slowLogCmp(resultNeg: number, mx: number, Ex: number, xNeg: number, plusOne: boolean, which: number): number {
  mpExp2(resultNeg, hard.b, hard.e - hardPrecision(), mpConstant(which));
  const n = mpExpN;
  // XV = x'·2^-n.
  mpSetDyadic(XV, mx, Ex - n);
  if (plusOne) {
    mpSetDyadic(MP_A, 1, -n);
    if (xNeg !== 0) mpSub(XV, MP_A, XV);
    else mpAdd(XV, MP_A, XV);
  }
  const c = resultNeg !== 0 ? mpCmp(MP_F, XV) : mpCmp(XV, MP_F);
  return c === 0 ? 1 : c;
}

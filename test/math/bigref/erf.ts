/**
 * erf, erfc and the normal distribution function Φ for the BigInt references, in fixed point with P = 1200 bits of
 * fraction (a value v held as floor-ish v·2^P).
 *
 * Method: for y >= 0,
 *   erf(y) = (2/√π)·y·e^(-y²)·G(2y²),   G(z) = Σ_{n>=0} z^n / (1·3·5 ⋯ (2n+1)),
 * a series of positive terms (no cancellation, whatever y). The callers pass y² exactly (for erf(x): x², for
 * Φ(x) = (1 + erf(x/√2))/2: x²/2, with 2y² = x² exact too), so only the constant 2/√π (or √(2/π)) is irrational.
 *
 * Error (each floor costs at most one unit of 2^-P):
 *   - G by Horner's rule from the top, S_k = 1 + z·S_(k+1)/(2k+3): an error e in S_(k+1) reaches S_k as
 *     e·z/(2k+3), so the errors of all steps sum to at most 2·(t_0 + t_1 + ⋯) = 2·G units: relative 2^(1-P). The
 *     series is cut at N with 2N+3 > 2z and t_N < 2^-(P+16); the tail is below t_N (ratios below 1/2).
 *   - e^(y²) = (e^(y²/2^k))^(2^k) with y²/2^k < 1/2: Taylor by Horner (positive terms, relative error 2^(2-P)), then
 *     k <= 8 squarings of values >= 1, each doubling the relative error and adding 2^-P: below 2^(11-P).
 *   - G/e^(y²) one more unit; 2/√π from π (Machin's formula at P + 64 bits) and an integer square root: 2^(2-P).
 *   So erf(y) has relative error below 2^(14-P) = 2^-1186, hence absolute error below that too (erf <= 1).
 * erfc(y) = 1 − erf(y) and 1 − Φ are formed in the same fixed point, so their absolute error stays below 2^-1186; the
 * callers use them only where erfc(y) >= 2^-170 (y <= 10.6), i.e. relative error below 2^-1016. Every value is
 * returned as a BF (m·2^e) whose relative error is far below the 2^-560 that bigref.ts's `settle` requires.
 */
import { bf, bitLength, isqrt, type BF } from '../bigref.js';

const P = 1200;
const PB = BigInt(P);
const FONE = 1n << PB;

function atanInv(k: bigint, q: bigint): bigint {
  const kk = k * k;
  let term = (1n << q) / k;
  let sum = 0n;
  for (let i = 1n; term !== 0n; i += 2n) {
    sum += (i & 2n) === 0n ? term / i : -(term / i);
    term /= kk;
  }
  return sum;
}

const Q = PB + 64n;
/** π·2^Q, within a few hundred units. */
const PI_Q = 4n * (4n * atanInv(5n, Q) - atanInv(239n, Q));
/** √π·2^Q. */
const SQRT_PI_Q = isqrt(PI_Q << Q);
/** 2/√π·2^P. */
const TWO_OVER_SQRT_PI = (2n << (PB + Q)) / SQRT_PI_Q;
/** √(2/π)·2^P. */
const SQRT_2_OVER_PI = isqrt((2n << (2n * PB + Q)) / PI_Q);

/** v·2^P for a non-negative BF v that is an exact multiple of 2^-P (asserted). */
function toFixedExact(v: BF): bigint {
  const sh = v.e + P;
  if (sh >= 0) return v.m << BigInt(sh);
  const r = v.m >> BigInt(-sh);
  if (r << BigInt(-sh) !== v.m) throw new Error('bigref/erf: argument not exact in fixed point');
  return r;
}

/** G(z)·2^P for z = Z·2^-P >= 0. */
function seriesG(Z: bigint): bigint {
  // log2 z from the top bits (z may be far below 2^-60).
  const L = bitLength(Z);
  const sh = Math.max(0, L - 60);
  const log2z = L === 0 ? -Infinity : Math.log2(Number(Z >> BigInt(sh))) + sh - P;
  const z = 2 ** log2z;
  // Smallest N with 2N+3 > 2z and t_N < 2^-(P+16), t_n = z^n/(2n+1)!! (in log2; the tail is then below t_N).
  let N = 0;
  let log2t = 0;
  for (let n = 1; ; n++) {
    log2t += log2z - Math.log2(2 * n + 1);
    if (2 * n + 3 > 2 * z && log2t < -(P + 16)) {
      N = n;
      break;
    }
  }
  let S = FONE;
  for (let k = N - 1; k >= 0; k--) S = FONE + (Z * S) / FONE / BigInt(2 * k + 3);
  return S;
}

/** e^(s)·2^P for s = S·2^-P >= 0 (s < 2^8). */
function expFixed(S: bigint): bigint {
  let k = 0;
  while (S >> BigInt(k) >= FONE >> 1n) k++;
  const u = S >> BigInt(k);
  if (u << BigInt(k) !== S) throw new Error('bigref/erf: exponent argument loses bits');
  // e^u = 1 + u(1 + u/2(1 + u/3(…))), u < 1/2: 2^-P·… after 200 terms the remainder is far below 2^-P.
  let E = FONE;
  for (let i = 200; i >= 1; i--) E = FONE + (u * E) / FONE / BigInt(i);
  for (let i = 0; i < k; i++) E = (E * E) >> PB;
  return E;
}

/**
 * erf(y)·2^P for y >= 0 given as y = a·c with a an exact BF (a >= 0), c = 1 (erf) or 1/√2 (Φ), y² = a²c² exact:
 * erf(y) = K·a·e^(-y²)·G(2y²) with K = 2/√π (c = 1) or √(2/π) (c = 1/√2, where 2y² = a² and K·a = (2/√π)·y).
 */
function erfFixed(a: BF, halfSquare: boolean): bigint {
  if (a.m === 0n) return 0n;
  const a2: BF = { m: a.m * a.m, e: 2 * a.e };
  const y2 = toFixedExact(halfSquare ? { m: a2.m, e: a2.e - 1 } : a2);
  const z = halfSquare ? toFixedExact(a2) : y2 << 1n;
  const G = seriesG(z);
  const E = expFixed(y2);
  const H = (G << PB) / E;
  const K = halfSquare ? SQRT_2_OVER_PI : TWO_OVER_SQRT_PI;
  const A = toFixedExact(a);
  return (((K * H) >> PB) * A) >> PB;
}

function abs(x: BF): BF {
  return { m: x.m < 0n ? -x.m : x.m, e: x.e };
}

/** erf(x) as a BF (for |x| <= 10.6, where the callers do not already know it rounds like ±(1 − tiny)). */
export function erf(x: BF): BF {
  const v = erfFixed(abs(x), false);
  return bf(x.m < 0n ? -v : v, -P);
}

/** erfc(x) as a BF (for x <= 10.6). */
export function erfc(x: BF): BF {
  const v = erfFixed(abs(x), false);
  return bf(x.m < 0n ? FONE + v : FONE - v, -P);
}

/** gelu(x) = x·Φ(x) = x·(1 + erf(x/√2))/2 as a BF (for x >= −14.9). */
export function gelu(x: BF): BF {
  if (x.m === 0n) return x;
  const v = erfFixed(abs(x), true);
  const phi2 = x.m < 0n ? FONE - v : FONE + v;
  return bf(x.m * phi2, x.e - P - 1);
}

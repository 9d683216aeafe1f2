/**
 * A fast exponential for binary32 arguments: e^x to about 2^-39 relative with 32-bit words and 21 Math.imul, loaded
 * into the float register (float.ts) for kernels/round.ts's tryFinishF32. It is a first attempt only: when the finisher
 * cannot decide, the caller falls back to kernels/exp2.ts (2^-62) and its slow path.
 *
 * Argument: x = (−1)^neg · m·2^E with m < 2^24 and −72 <= E <= −16 (so |x| < 256). e^(c·x) for c = ±2^k is the
 * same call with neg flipped for c < 0 and E + k: e^(−2|x|) for tanh is expF32(1, m, E + 1), e^(−x) for the
 * sigmoid expF32(sign ^ 1, m, E).
 *
 * Reduction: t = x·log2(e). With L = log2(e)·2^63 rounded to 64 bits (LOG2E_63_HI:LO in tables.ts, 0xb8aa3b29:
 * 0x5c17f0bc; L − log2(e)·2^63 = 0.256), the 88-bit product m·L is formed only down to its 2^32 digit,
 * floor(m·L/2^32) = m·L_hi + floor(m·L_lo/2^32), which is exact since m·L_hi·2^32 is a multiple of 2^32. Shifting it
 * right by s = −9 − E (7 … 63) gives T = floor(|x|·L·2^-23) exactly (a floor of a floor), and |x|·L·2^-23 exceeds
 * |t|·2^40 by m·0.256·2^(E−23) < 0.0005; so T lies within 1.0005 units of |t|·2^40. For x < 0 T is negated as a
 * 64-bit two's complement number. Its high word is K and its low word R = ρ·2^40, 0 <= ρ < 2^-8, where
 * t_u = K/256 + ρ is the t used: |t − t_u| < 1.0005·2^-40. Then
 *   2^t_u = 2^n · 2^(j/256) · 2^ρ,   n = K >> 8, j = K & 255.
 *
 * Polynomial: 2^ρ − 1 ≈ q(ρ) = ρ·(γ1 + ρ·(γ2 + ρ·γ3)) with γ1 = 0xb17217f9·2^-32 (ln2 rounded up by 1.18 units),
 * γ2 = 0xf5fdeffc·2^-34 (ln2²/2 rounded) and γ3 = 0xe37c·2^-20 (ln2³/6 + 0.9·(ln2⁴/24)·2^-8 rounded); the two
 * offsets balance the error terms below. Horner on 32-bit words, with R = R1·2^16 + R0 and u = ρ·2^8 = R/2^32 < 1:
 *   S2 = γ2·2^34 + floor(R1·0xe37c/2^10), below (γ2 + ργ3)·2^34 by less than 1 + 0xe37c/2^10 = 57.9 units;
 *   S1 = γ1·2^32 + floor(B/2^10), B = R·S2/2^32 without R0·S2_lo and two carries (less than 3 units), so S1 is
 *        below (γ1 + ρ·s2)·2^32 by less than 1 + 3/2^10 + u·57.9/2^10 units (s2 = S2·2^-34 as computed);
 *   P  = floor(R·S1/2^32) exactly, below q(ρ)·2^40 by less than 1 + u·(1 + 3/2^10) + u²·57.9/2^10 units.
 * In units of 2^-40, with the Taylor series of 2^ρ − 1,
 *   q(ρ) − (2^ρ − 1) = 1.18043u − 0.00008u² + 2.23273u³ − 2.46224u⁴ − δ,   0 <= δ < 0.0014u⁵,
 * whose largest value on [0, 1] is 1.0893 (u = 0.847), while the same less the evaluation's deficit has its least,
 * −1.1100, at u = 1. So |P·2^-40 − (2^ρ − 1)| < 1.11·2^-40.
 *
 * Assembly: W = G + floor(Gr·P/2^8) at scale 2^-63, with G = floor((2^64 + F_j)/2) from EXP2_FRAC (F_j =
 * (2^(j/256) − 1)·2^64 within 1/2 unit, so G is 2^(j/256)·2^63 within 0.75) and Gr = round(G/2^32), within
 * 0.4936·2^-31 of 2^(j/256)·2^31 (over all j, checked in the test). Let V = 2^(t−n)·2^63, the exact value at W's
 * scale, and V_u = 2^(t_u−n)·2^63 = 2^(j/256)·2^ρ·2^63 < 2^64. In units of 2^-63:
 *   G's rounding                               < 0.75
 *   (Gr·2^-31 − 2^(j/256))·P·2^23             < 0.4936·2^-31·0.0027113·2^63 = 0.3426·2^24  (P·2^-40 < 0.0027113)
 *   2^(j/256)·2^63·(P·2^-40 − (2^ρ − 1))      < 2·1.11·2^23 = 1.11·2^24
 *   the floor of Gr·P/2^8                      < 1
 *   V − V_u = V_u·(2^(t−t_u) − 1)               < 2^64·ln2·1.0005·2^-40·(1 + 2^-39) = 0.6936·2^24
 * in all |W − V| < 2.1462·2^24 + 2 < EXPF32_ERR = 2.15625·2^24. W >= G >= 2^63; and W < 2^64: every step is
 * nondecreasing in R, so for each j the largest W is at R = 2^32 − 1, which the test evaluates for j = 255 (for
 * j < 255, V_u < 2^64·2^(-1/256) leaves a margin far above the bound).
 *
 * The float register then holds e^x = W·2^(n−63) within EXPF32_ERR: fx.e = n. Results that overflow or are
 * subnormal are rounded by finishF32 → roundPackToF32 from the same register: for subnormal results the rounding
 * boundaries are a subset of the 24-bit grid that finishF32 tests, so a result decided there is decided correctly.
 *
 * Speed notes: the constants are literals in the code (V8 does not fold module-level bindings into the multiplies)
 * and the 32x32-bit products are written out in 16-bit halves, as fixed.ts's mulhi, so that no call returns a word.
 * Registers: the kernel writes only the float register R[FX], R[FX+1] and fx of the shared file; its intermediate
 * words are in the private scratch EXPF32 ([0] = R, [1] = P) and K in expF32State.k.
 */
import { R } from './fixed.js';
import { FX, fx } from './float.js';
import { EXP2_FRAC } from './tables.js';

/** The error bound of the float register after {@link expF32}, in units of its significand's last bit. */
export const EXPF32_ERR = 0x2280000;

/** Private scratch words: [0] = R = ρ·2^40 after the reduction, [1] = P = (2^ρ − 1)·2^40 after the polynomial. */
export const EXPF32 = new Uint32Array(2);

/** K = floor(t_u·256) after the reduction (a small integer, so V8 keeps it unboxed). */
export const expF32State = { k: 0 };

/** For j = 0 … 255 at 4j: G_hi, G_lo = 2^(j/256)·2^63 (floor of (2^64 + F_j)/2), and Gr = round(G/2^32). */
const G = new Uint32Array(1024);
for (let j = 0; j < 256; j++) {
  const fHi = EXP2_FRAC[j << 1]!;
  const fLo = EXP2_FRAC[(j << 1) | 1]!;
  const gHi = (0x80000000 | (fHi >>> 1)) >>> 0;
  const gLo = ((fLo >>> 1) | (fHi << 31)) >>> 0;
  G[j << 2] = gHi;
  G[(j << 2) | 1] = gLo;
  // 2^(j/256) < 2^(255/256) keeps the rounded-up high word below 2^32.
  G[(j << 2) | 2] = gHi + (gLo >>> 31);
}

/** Reduce t = (−1)^neg·m·2^E·log2(e) (m < 2^24, −72 <= E <= −16): expF32State.k = K, EXPF32[0] = R. */
export function expF32Reduce(neg: number, m: number, E: number): void {
  const m0 = m & 0xffff;
  const m1 = m >>> 16;
  // c = floor(m·L_lo/2^32), L_lo = 0x5c17f0bc.
  let x = Math.imul(m0, 0x5c17);
  let y = Math.imul(m1, 0xf0bc);
  let mid = (Math.imul(m0, 0xf0bc) >>> 16) + (x & 0xffff) + (y & 0xffff);
  const c = (Math.imul(m1, 0x5c17) + (x >>> 16) + (y >>> 16) + (mid >>> 16)) | 0;
  // hi:lo = m·L_hi + c = floor(m·L/2^32), L_hi = 0xb8aa3b29.
  x = Math.imul(m0, 0xb8aa);
  y = Math.imul(m1, 0x3b29);
  mid = (Math.imul(m0, 0x3b29) >>> 16) + (x & 0xffff) + (y & 0xffff);
  const lo = (Math.imul(m, 0xb8aa3b29) + c) | 0;
  const hi = (Math.imul(m1, 0xb8aa) + (x >>> 16) + (y >>> 16) + (mid >>> 16) + (lo >>> 0 < c ? 1 : 0)) | 0;
  const s = -9 - E;
  let tHi: number;
  let tLo: number;
  if (s < 32) {
    tHi = hi >>> s;
    tLo = (lo >>> s) | (hi << (32 - s));
  } else {
    tHi = 0;
    tLo = hi >>> (s - 32);
  }
  if (neg === 0) {
    expF32State.k = tHi;
    EXPF32[0] = tLo;
  } else {
    expF32State.k = (tLo === 0 ? 0 : -1) - tHi;
    EXPF32[0] = -tLo;
  }
}

/** EXPF32[1] = P ≈ (2^ρ − 1)·2^40 from EXPF32[0] = R = ρ·2^40 (any R < 2^32), within 1.11 units. */
export function expF32Poly(): void {
  const r = EXPF32[0]!;
  const r0 = r & 0xffff;
  const r1 = r >>> 16;
  // S2 = γ2·2^34 + floor(R1·γ3·2^20/2^10); R1·0xe37c < 2^32.
  const s2 = (0xf5fdeffc + (Math.imul(r1, 0xe37c) >>> 10)) | 0;
  // S1 = γ1·2^32 + floor(B/2^10), B = R·S2/2^32 without the low·low partial product and two carries.
  const b = (Math.imul(r1, s2 >>> 16) + (Math.imul(r1, s2 & 0xffff) >>> 16) + (Math.imul(r0, s2 >>> 16) >>> 16)) | 0;
  const s1 = (0xb17217f9 + (b >>> 10)) | 0;
  // P = mulhi(R, S1), exactly.
  const s10 = s1 & 0xffff;
  const s11 = s1 >>> 16;
  const x = Math.imul(r0, s11);
  const y = Math.imul(r1, s10);
  const mid = (Math.imul(r0, s10) >>> 16) + (x & 0xffff) + (y & 0xffff);
  EXPF32[1] = (Math.imul(r1, s11) + (x >>> 16) + (y >>> 16) + (mid >>> 16)) | 0;
}

/** The float register = 2^(K/256)·(1 + P·2^-40) from expF32State.k and EXPF32[1]. */
export function expF32Assemble(): void {
  const k = expF32State.k;
  const g = (k & 255) << 2;
  const p = EXPF32[1]!;
  const gr = G[g | 2]!;
  // Q = Gr·P (64 bits); add = floor(Q/2^8).
  const p0 = p & 0xffff;
  const p1 = p >>> 16;
  const g0 = gr & 0xffff;
  const g1 = gr >>> 16;
  const x = Math.imul(g0, p1);
  const y = Math.imul(g1, p0);
  const mid = (Math.imul(g0, p0) >>> 16) + (x & 0xffff) + (y & 0xffff);
  const qHi = (Math.imul(g1, p1) + (x >>> 16) + (y >>> 16) + (mid >>> 16)) | 0;
  const add = (Math.imul(gr, p) >>> 8) | (qHi << 24);
  const lo = (G[g | 1]! + add) | 0;
  R[FX] = G[g]! + (qHi >>> 8) + (lo >>> 0 < add >>> 0 ? 1 : 0);
  R[FX + 1] = lo;
  fx.e = k >> 8;
  fx.err = 0x2280000;
}

/** The float register = e^x for x = (−1)^neg·m·2^E (m < 2^24, −72 <= E <= −16), within EXPF32_ERR units. */
export function expF32(neg: number, m: number, E: number): void {
  expF32Reduce(neg, m, E);
  expF32Poly();
  expF32Assemble();
}

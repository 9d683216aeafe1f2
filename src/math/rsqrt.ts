/**
 * Reciprocal square root 1/√x, correctly rounded in every rounding mode, for binary32, binary16 and bfloat16.
 *
 * Method: x = M·2^(2k) with M in [1, 4). y0 = Y0·2^-31 from approxRecipSqrt32 (src/primitives, within 2^-28 of
 * 1/√M); with e = 1 − M·y0² (|e| < 2^-26.9), one second-order Newton step y1 = y0·(1 + e/2 + 3e²/8) leaves
 * (5/16)·|e|³ < 2^-82. In fixed point: y0² exactly (32x32), M·y0² to 2 units of 2^-60 (64x64), e cut to 2^-58, the
 * correction to 2^-58 and y0·q to 2^-63: |y1 − 1/√M| < 2^-57.4 relative, bounded here by 128 units of the result's
 * 64-bit significand. kernels/round.ts rounds unless a boundary b lies within the bound; then the result is decided
 * exactly in integers: 1/√x > b exactly when b²·x < 1, and b²·x is an integer of at most 74 bits times a power of
 * two.
 *
 * binary32 first tries kernels/rsqrtF32.ts: a table seed and one third-order Newton step in 32-bit words, within
 * 2^-42.9 relative, rounded by the Ziv test of tryFinishF32 (done in place); the few results it cannot decide (about
 * one in 80,000) take the path above, which is kept in rsqrtF32Full so that f32_rsqrt itself stays small.
 *
 * Exact results: 1/√x is a dyadic rational only for x = 4^n, returned exactly as 2^-n. Special cases: rsqrt(±0) =
 * ±∞ with divide-by-zero, rsqrt(x < 0) and rsqrt(−∞) invalid (default NaN), rsqrt(+∞) = +0, NaN propagated.
 */
import { env, flag_infinite, flag_invalid } from '../env/environment.js';
import { packBF16, subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { packF16, subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { packF32, subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import {
  invalidNaNBF16,
  invalidNaNF16,
  invalidNaNF32,
  propagateNaNBF16,
  propagateNaNF16,
  propagateNaNF32,
} from '../formats/specialize.js';
import { approxRecipSqrt32, clz32, umulHi } from '../primitives/integer.js';
import { R, mulHi64 } from './kernels/fixed.js';
import { setFloat } from './kernels/float.js';
import { finishBF16, finishF16, finishF32, hard, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './kernels/round.js';
import { hardPrecision } from './kernels/slow.js';
import { rsqrtF32Fast } from './kernels/rsqrtF32.js';

/* Registers (kernels/fixed.ts). */
const MR = 52;
const SQ = 54;
const ZR = 56;
const YR = 58;

/**
 * The float register = 1/√x for x = m·2^(ue − bits + 1), m with its leading bit at 2^(bits−1) and M·2^62 placed in
 * R[MR] (high word; the low word is zero for these formats).
 */
function rsqrtCore(mHi: number, k: number): void {
  R[MR] = mHi;
  R[MR + 1] = 0;
  const y0 = approxRecipSqrt32(mHi);
  R[SQ] = umulHi(y0, y0);
  R[SQ + 1] = Math.imul(y0, y0);
  // Z = M·y0²·2^60.
  mulHi64(ZR, MR, SQ);
  // e·2^60 = 2^60 − Z, then |e|·2^58 in one word.
  const zHi = R[ZR]!;
  const zLo = R[ZR + 1]!;
  let eNeg = 0;
  let dHi = 0x10000000 - zHi - (zLo !== 0 ? 1 : 0);
  let dLo = -zLo >>> 0;
  if (dHi < 0) {
    eNeg = 1;
    dHi = -dHi - (dLo !== 0 ? 1 : 0);
    dLo = -dLo >>> 0;
  }
  const e58 = ((dHi << 30) | (dLo >>> 2)) >>> 0;
  // q·2^58 = ±e/2 + 3e²/8 (e² = e58²/2^58).
  const e2 = umulHi(e58, e58) >>> 26;
  const half = e58 >>> 1;
  const sq = (e2 + (e2 << 1)) >>> 3;
  let q = eNeg !== 0 ? sq - half : half + sq;
  let qNeg = 0;
  if (q < 0) {
    qNeg = 1;
    q = -q;
  }
  // y1 = y0 + y0·q at scale 2^-63: y0·q at 2^-89, shifted by 26.
  const pLo = Math.imul(y0, q) >>> 0;
  const pHi = umulHi(y0, q);
  const cLo = ((pLo >>> 26) | (pHi << 6)) >>> 0;
  const cHi = pHi >>> 26;
  if (qNeg === 0) {
    const lo = cLo;
    R[YR] = y0 + cHi;
    R[YR + 1] = lo;
  } else {
    R[YR] = y0 - cHi - (cLo !== 0 ? 1 : 0);
    R[YR + 1] = -cLo;
  }
  setFloat(0, YR, -63 - k, 128);
}

/** Sign of 1 − b²·x for the recorded boundary b and x = m·2^(ue − bits + 1): of 1/√x − b. */
function rsqrtSlow(m: number, ue: number, bits: number): number {
  const p = hardPrecision();
  const b = hard.b;
  const b0 = Math.imul(b, b) >>> 0;
  const b1 = umulHi(b, b);
  // N = b²·m in three words.
  const n0 = Math.imul(b0, m) >>> 0;
  const mid = umulHi(b0, m) + (Math.imul(b1, m) >>> 0);
  const n1 = mid >>> 0;
  const n2 = umulHi(b1, m) + (mid >= 0x100000000 ? 1 : 0);
  // b²·x = N·2^S; compare N with 2^T, T = −S.
  const T = -(((hard.e - p) << 1) + ue - bits + 1);
  const len = n2 !== 0 ? 96 - clz32(n2) : n1 !== 0 ? 64 - clz32(n1) : 32 - clz32(n0);
  if (len < T + 1) return 1;
  if (len > T + 1) return -1;
  // Same length: N = 2^T only if it is its leading bit alone.
  const lead = len - 1;
  const rest =
    lead >= 64 ? (n2 ^ (1 << (lead - 64))) | n1 | n0 : lead >= 32 ? (n1 ^ (1 << (lead - 32))) | n0 : n0 ^ (1 << lead);
  return rest === 0 ? 0 : -1;
}

export function f32_rsqrt(a: number): number {
  // Positive normal operands other than powers of two (which include the exact results) try the fast kernel first;
  // the rest is a separate function so that this one stays small enough for V8 to inline.
  if ((a - 0x00800000) >>> 0 < 0x7f000000 && (a & 0x007fffff) !== 0) {
    const fast = rsqrtF32Fast((a & 0x007fffff) | 0x00800000, (a >>> 23) - 127);
    if (fast >= 0) return fast;
  }
  return rsqrtF32Full(a);
}

/** f32_rsqrt for every operand: specials, subnormals, powers of two, and what the fast kernel left undecided. */
function rsqrtF32Full(a: number): number {
  const sign = a >>> 31;
  let expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNF32(a, 0);
    if (sign === 0) return 0;
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  if (expA === 0) {
    if (sigA === 0) {
      env.flags |= flag_infinite;
      return (a | 0x7f800000) >>> 0;
    }
    expA = subnormalExpF32(sigA);
    sigA = subnormalSigF32(sigA);
  }
  if (sign !== 0) {
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  const ue = expA - 127;
  const k = ue >> 1;
  if ((sigA & 0x007fffff) === 0 && (ue & 1) === 0) return packF32(0, 127 - k, 0);
  const m = sigA | 0x00800000;
  if (a >>> 23 === 0 || (a & 0x007fffff) === 0) {
    // Not tried above: subnormal operands and odd powers of two.
    const fast = rsqrtF32Fast(m, ue);
    if (fast >= 0) return fast;
  }
  rsqrtCore((m << (7 + (ue & 1))) >>> 0, k);
  const z = finishF32(0);
  if (z >= 0) return z;
  return packBoundaryF32(rsqrtSlow(m, ue, 24));
}

export function f16_rsqrt(a: number): number {
  const sign = a >>> 15;
  let expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  if (expA === 0x1f) {
    if (sigA !== 0) return propagateNaNF16(a, 0);
    if (sign === 0) return 0;
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  if (expA === 0) {
    if (sigA === 0) {
      env.flags |= flag_infinite;
      return a | 0x7c00;
    }
    expA = subnormalExpF16(sigA);
    sigA = subnormalSigF16(sigA);
  }
  if (sign !== 0) {
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  const ue = expA - 15;
  const k = ue >> 1;
  if ((sigA & 0x03ff) === 0 && (ue & 1) === 0) return packF16(0, 15 - k, 0);
  const m = sigA | 0x0400;
  rsqrtCore((m << (20 + (ue & 1))) >>> 0, k);
  const z = finishF16(0);
  if (z >= 0) return z;
  return packBoundaryF16(rsqrtSlow(m, ue, 11));
}

export function bf16_rsqrt(a: number): number {
  const sign = a >>> 15;
  let expA = (a >>> 7) & 0xff;
  let sigA = a & 0x007f;
  if (expA === 0xff) {
    if (sigA !== 0) return propagateNaNBF16(a, 0);
    if (sign === 0) return 0;
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  if (expA === 0) {
    if (sigA === 0) {
      env.flags |= flag_infinite;
      return a | 0x7f80;
    }
    expA = subnormalExpBF16(sigA);
    sigA = subnormalSigBF16(sigA);
  }
  if (sign !== 0) {
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  const ue = expA - 127;
  const k = ue >> 1;
  if ((sigA & 0x007f) === 0 && (ue & 1) === 0) return packBF16(0, 127 - k, 0);
  const m = sigA | 0x0080;
  rsqrtCore((m << (23 + (ue & 1))) >>> 0, k);
  const z = finishBF16(0);
  if (z >= 0) return z;
  return packBoundaryBF16(rsqrtSlow(m, ue, 8));
}

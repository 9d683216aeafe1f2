/**
 * hypot(x, y) = sqrt(x² + y²), correctly rounded in every rounding mode, for binary32, binary16 and bfloat16.
 *
 * Method: exact integer arithmetic, so the result is correctly rounded by construction (error bound 0: the rounding
 * is the only one). Order the operands so that |x| >= |y| and write them with 24-bit significands (the 16-bit
 * formats shifted up to that width), x = A·2^(ex−23), y = B·2^(ey−23), A and B in [2^23, 2^24), d = ex − ey >= 0.
 * Then x² + y² = N·2^(2ex−60) with
 *   N = A²·2^14 + B²·2^(14−2d),   A²·2^14 in [2^60, 2^62),
 * a number below 2^63. Only its integer part F = floor(N) is formed (A²·2^14 exactly, B² shifted with the bits that
 * fall below the units noted as `lost`); if F >= 2^62 it is divided by 4 (the two low bits joining `lost`) so that
 * its root lies in [2^30, 2^31). Since every square of an integer is an integer, floor(sqrt(N)) = floor(sqrt(F)),
 * and sqrt(N) is an integer only when N = F is a perfect square; so r = floor(sqrt(F)) with the sticky bit
 * (F − r² ≠ 0 or lost) set in bit 0 is the root truncated to 31 bits with an exact indication of what follows, which
 * roundPack rounds correctly in every mode, with overflow, underflow (subnormal results only arise from subnormal
 * operands) and inexact exactly as IEEE 754 requires; hypot(3, 4) = 5 raises nothing. The binary16 and bfloat16
 * results jam the 31-bit root to their 15-bit intermediate width, which keeps that information.
 * The integer square root starts from approxRecipSqrt32 (within 2^-28, so within a few units of the root) and is
 * corrected by the exact 64-bit remainder.
 *
 * Special cases (IEEE 754-2019 §9.2.1, C Annex F.10.4.3): hypot(±∞, y) = hypot(y, ±∞) = +∞ for every y, a quiet NaN
 * included; a signaling NaN operand, however, makes the operation invalid even next to an infinity (IEEE 754-2019
 * §6.2, as glibc does): hypot(±∞, sNaN) returns the quieted NaN with the invalid flag. Otherwise a NaN operand is
 * propagated (specialize.ts). hypot(x, ±0) = |x| and hypot(±0, y) = |y| exactly (so hypot(±0, ±0) = +0), no flags.
 */
import { roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from '../formats/bf16/roundPack.js';
import { roundPackToF16, subnormalExpF16, subnormalSigF16 } from '../formats/f16/roundPack.js';
import { roundPackToF32, subnormalExpF32, subnormalSigF32 } from '../formats/f32/roundPack.js';
import {
  isSignalingNaNBF16,
  isSignalingNaNF16,
  isSignalingNaNF32,
  propagateNaNBF16,
  propagateNaNF16,
  propagateNaNF32,
} from '../formats/specialize.js';
import { approxRecipSqrt32, umulHi } from '../primitives/integer.js';

/** 1 if the last root was taken of N/4 (F >= 2^62): the exponent goes up by one. */
const st = { up: 0 };
/** The last root with its sticky bit (a word of 2^30 or more, kept out of call boundaries where V8 would box it). */
const ROOT = new Uint32Array(1);

/**
 * ROOT[0] = the root of A²·2^14 + B²·2^(14−2d) (A, B in [2^23, 2^24), d >= 0, A >= B when d = 0) truncated to an
 * integer in [2^30, 2^31) with a sticky bit; `st.up` tells whether it was taken of N/4.
 */
function hypotSig(a: number, b: number, d: number): void {
  // A²·2^14 (below 2^62).
  const aLo = Math.imul(a, a) >>> 0;
  const aHi = umulHi(a, a);
  let nHi = ((aHi << 14) | (aLo >>> 18)) >>> 0;
  let nLo = (aLo << 14) >>> 0;
  // B²·2^(14−2d): shifted left for d <= 7, else right with the lost bits noted.
  const bLo = Math.imul(b, b) >>> 0;
  const bHi = umulHi(b, b);
  let lost = 0;
  let sHi: number;
  let sLo: number;
  const sh = 14 - (d << 1);
  if (sh >= 0) {
    sHi = sh === 0 ? bHi : ((bHi << sh) | (bLo >>> (32 - sh))) >>> 0;
    sLo = (bLo << sh) >>> 0;
  } else {
    const r = -sh;
    if (r < 32) {
      lost = (bLo << (32 - r)) !== 0 ? 1 : 0;
      sLo = ((bLo >>> r) | (bHi << (32 - r))) >>> 0;
      sHi = bHi >>> r;
    } else if (r < 64) {
      lost = (r === 32 ? 0 : bHi << (64 - r)) !== 0 || bLo !== 0 ? 1 : 0;
      sLo = r === 32 ? bHi : bHi >>> (r - 32);
      sHi = 0;
    } else {
      lost = 1;
      sLo = 0;
      sHi = 0;
    }
  }
  const lo = (nLo + sLo) >>> 0;
  nHi = (nHi + sHi + (lo < sLo ? 1 : 0)) >>> 0;
  nLo = lo;
  st.up = 0;
  if (nHi >= 0x40000000) {
    lost |= nLo & 3;
    nLo = ((nLo >>> 2) | (nHi << 30)) >>> 0;
    nHi >>>= 2;
    st.up = 1;
  }
  // N in [2^60, 2^62): M = N >> 30 is m·2^30 with m = N/2^60 in [1, 4), and 2·(M·Y >> 32) estimates sqrt(N).
  const m = ((nHi << 2) | (nLo >>> 30)) >>> 0;
  let r = (umulHi(m, approxRecipSqrt32(m)) << 1) >>> 0;
  // Remainder N − r², kept as a signed two-word value (it is small).
  let rLo = nLo - (Math.imul(r, r) >>> 0);
  let rHi = nHi - umulHi(r, r) - (rLo < 0 ? 1 : 0);
  rLo >>>= 0;
  // (r − 1)² = r² − (2r − 1): step down while the remainder is negative.
  while (rHi < 0) {
    const step = ((r << 1) - 1) >>> 0;
    const s = rLo + step;
    rLo = s >>> 0;
    rHi += s >= 0x100000000 ? 1 : 0;
    r--;
  }
  // (r + 1)² = r² + 2r + 1: step up while that still fits under N.
  for (;;) {
    const step = ((r << 1) | 1) >>> 0;
    if (rHi === 0 && rLo < step) break;
    const s = rLo - step;
    rLo = s >>> 0;
    rHi -= s < 0 ? 1 : 0;
    r++;
  }
  ROOT[0] = r | ((rHi | rLo | lost) !== 0 ? 1 : 0);
}

export function f32_hypot(a: number, b: number): number {
  let magA = (a & 0x7fffffff) >>> 0;
  let magB = (b & 0x7fffffff) >>> 0;
  if (magA >= 0x7f800000 || magB >= 0x7f800000) {
    if (magA === 0x7f800000 || magB === 0x7f800000) {
      if (!isSignalingNaNF32(a) && !isSignalingNaNF32(b)) return 0x7f800000;
    }
    return propagateNaNF32(a, b);
  }
  if (magA < magB) {
    const t = magA;
    magA = magB;
    magB = t;
  }
  if (magB === 0) return magA;
  let expA = magA >>> 23;
  let sigA = magA & 0x007fffff;
  let expB = magB >>> 23;
  let sigB = magB & 0x007fffff;
  if (expA === 0) {
    expA = subnormalExpF32(sigA);
    sigA = subnormalSigF32(sigA);
  }
  if (expB === 0) {
    expB = subnormalExpF32(sigB);
    sigB = subnormalSigF32(sigB);
  }
  hypotSig(sigA | 0x00800000, sigB | 0x00800000, expA - expB);
  return roundPackToF32(0, expA - 1 + st.up, ROOT[0]!);
}

export function f16_hypot(a: number, b: number): number {
  let magA = a & 0x7fff;
  let magB = b & 0x7fff;
  if (magA >= 0x7c00 || magB >= 0x7c00) {
    if (magA === 0x7c00 || magB === 0x7c00) {
      if (!isSignalingNaNF16(a) && !isSignalingNaNF16(b)) return 0x7c00;
    }
    return propagateNaNF16(a, b);
  }
  if (magA < magB) {
    const t = magA;
    magA = magB;
    magB = t;
  }
  if (magB === 0) return magA;
  let expA = magA >>> 10;
  let sigA = magA & 0x03ff;
  let expB = magB >>> 10;
  let sigB = magB & 0x03ff;
  if (expA === 0) {
    expA = subnormalExpF16(sigA);
    sigA = subnormalSigF16(sigA);
  }
  if (expB === 0) {
    expB = subnormalExpF16(sigB);
    sigB = subnormalSigF16(sigB);
  }
  hypotSig((sigA | 0x0400) << 13, (sigB | 0x0400) << 13, expA - expB);
  const sig = ROOT[0]!;
  return roundPackToF16(0, expA - 1 + st.up, (sig >>> 16) | ((sig & 0xffff) !== 0 ? 1 : 0));
}

export function bf16_hypot(a: number, b: number): number {
  let magA = a & 0x7fff;
  let magB = b & 0x7fff;
  if (magA >= 0x7f80 || magB >= 0x7f80) {
    if (magA === 0x7f80 || magB === 0x7f80) {
      if (!isSignalingNaNBF16(a) && !isSignalingNaNBF16(b)) return 0x7f80;
    }
    return propagateNaNBF16(a, b);
  }
  if (magA < magB) {
    const t = magA;
    magA = magB;
    magB = t;
  }
  if (magB === 0) return magA;
  let expA = magA >>> 7;
  let sigA = magA & 0x007f;
  let expB = magB >>> 7;
  let sigB = magB & 0x007f;
  if (expA === 0) {
    expA = subnormalExpBF16(sigA);
    sigA = subnormalSigBF16(sigA);
  }
  if (expB === 0) {
    expB = subnormalExpBF16(sigB);
    sigB = subnormalSigBF16(sigB);
  }
  hypotSig((sigA | 0x0080) << 16, (sigB | 0x0080) << 16, expA - expB);
  const sig = ROOT[0]!;
  return roundPackToBF16(0, expA - 1 + st.up, (sig >>> 16) | ((sig & 0xffff) !== 0 ? 1 : 0));
}

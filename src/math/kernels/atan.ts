/**
 * The arctangent core of asin, acos, atan and atan2: K·π/4 ± 2^h·atan(t) for 0 < t <= 1 (K = 0 … 4, h = 0 or 1), to
 * 2^-55 relative or better, with full relative accuracy for small t; what feeds it t: truncated exact quotients
 * (atan of |x| > 1, atan2) and |x|/√(1 − x²), (1 − |x|)/√(1 − x²) (asin, acos); and a one-word fast path of the same
 * method for the 16-bit formats (to 2^-23, at the end of this file).
 *
 * t is held as a normalized 64-bit significand T (t = T·2^(e−63)) with an error bound of `terr` units of T.
 *
 * Small t (t < 2^-7, e <= −8): atan t = t·(1 − z/3 + z²/5 − z³/7 + z⁴/9) with z = t² <= 2^-14 (the next term,
 * z⁵/11, is below 2^-73 relative), by Horner's rule with every partial sum positive: q3 = 1/7 − z/9 in one word
 * (2^-32), q2 = 1/5 − z·q3, q1 = 1/3 − z·q2 at 2^-64, P = 1 − z·q1 at 2^-63, from Zw = ⌊z·2^78⌋. The errors of q3
 * (1.6·2^-32), q2 and q1 (1.5·2^-64 each) reach P multiplied by z, z², z³, so P is within 1.01 units of 2^-63;
 * the product T·P (mulHi64, 3 units) then gives atan t = Rr·2^(e−62) with |Rr − exact| < 4.01 units, plus terr
 * units from the input (atan's relative condition number t/((1 + t²)·atan t) is at most 1).
 *
 * Larger t (2^-7 <= t <= 1): with c = j/128 nearest to t (1 <= j <= 128, |t − c| <= 2^-8),
 *   atan t = atan c + atan r,   r = (t − c)/(1 + t·c),   |r| < 2^-8,
 * atan c from a table rounded to 2^-64 (ATAN_TABLE, half a unit), t − c exact at T's scale, 1 + t·c to 2^-63
 * (truncated, relative error below 2^-63), its reciprocal by recip64 below (the method of kernels/recip.ts, 5 units
 * of 2^-63) and r normalized from the product (3 units): r is within 12·2^-63 relative, so atan r (from the small-t
 * evaluation above, 4.01 units of 2^-71 or finer) lies within 0.13 units of 2^-64 of the exact atan r, and shifting
 * it to 2^-64 loses under one more. The sum A = atan t·2^64 is within 1.63 units plus the input's terr·2^(e+1)
 * units, and atan t >= 2^-7.01.
 *
 * Assembly: for K = 0 the result is 2^h·atan t from Rr (relative error below (5 + terr)·2^-62) or A (below
 * (2^-e + terr)·2^-62.6, as atan t >= t·π/4); for K > 0 it is formed at 2^-62 from K·π/4 (rounded, half a unit)
 * and A shifted (one unit more), and is at least π/6 in every use (π/2 − atan t, π/2 − 2·atan t with t < 0.578,
 * π − atan t, π/2 + atan t, π − 2·atan t), so its relative error is below 2^-59 plus the input's share. t computed
 * a little above 1 (it never exceeds 1 exactly) is clamped to 1, which only moves it toward the exact value.
 *
 * Inputs: quotients m/n of 32-bit significands are long divisions to 64 bits (two quotient words from one
 * approxRecip32, each stepped up to the exact digit; terr = 1, and `st.exact` says whether the remainder was zero).
 * 1/√u for u = 1 − x² ∈ (0, 1] (exact for |x| >= 1/2, where it is (1 − |x|)(1 + |x|), otherwise above it by less
 * than 2^-63): u = M·2^(2n) with M in [1, 4), y0 from approxRecipSqrt32 (2^-28 relative, so |e| < 2^-26.99 for
 * e = 1 − M·y0²), e computed exactly from the 128-bit product M·y0² and cut to 2^-89, then y1 = y0·(1 + e/2 + 3e²/8)
 * (the dropped 5e³/16 is below 2^-82) cut to 2^-63: within 1 unit of 2^-63, plus 0.67 from the inexact u, so Y1
 * (y1 in (1/2, 1]) is within 1.7 units. Its product with the normalized |x| or 1 − |x| is within 3.7 units of a
 * result above 2^61, so terr <= 16 after normalizing.
 */
import { approxRecip32, approxRecipSqrt32, clz32 } from '../../primitives/integer.js';
import { R, carry, mulhi } from './fixed.js';
import { FX, setFloat } from './float.js';
import { roundPackToBF16 } from '../../formats/bf16/roundPack.js';
import { roundPackToF16 } from '../../formats/f16/roundPack.js';
import { finishBF16, finishF16, finishF32, hard, packBoundaryBF16, packBoundaryF16, packBoundaryF32 } from './round.js';

/*
 * Registers of this kernel, private (the shared R of fixed.ts is only written at the float register FX). An Int32Array:
 * its words reach the calls below as small integers, never as boxed numbers.
 */
const A = new Int32Array(24);
/** t's significand. */
const ATAN_T = 0;
const RN = 2;
const ZW = 4;
const Q = 6;
const RR = 8;
const AR = 10;
const Y = 12;
const W = 14;
const REM = 16;
/** The fast path's quotient and value (one word each). */
const FQ = 17;
const FV = 18;
const FY = 19;

/** Scalars (small integers). */
export const st = {
  /** t = T·2^(te−63). */
  te: 0,
  /** Error bound of T, in its units. */
  terr: 0,
  /** 1 if the last quotient was exact (zero remainder). */
  exact: 0,
  /** 1/√u = Y1·2^(ye−63) after rsqrtOneMinusSquare. */
  ye: 0,
  /** The fast path's value V·2^(fe−31) (V = A[FV], normalized) and its error bound in units of V. */
  fe: 0,
  ferr: 0,
};

/** atan(j/128)·2^64 for j = 0 … 128, rounded to nearest, as (hi, lo) pairs. */
const ATAN_TABLE = new Uint32Array([
  0x00000000, 0x00000000, 0x01fffd55, 0x5bbba973, 0x03ffeaab, 0x776e5357, 0x05ffb806, 0x12970d6c,
  0x07ff556e, 0xea5d892a, 0x09feb2f8, 0xb4e4ec8c, 0x0bfdc0c2, 0x186d14fd, 0x0dfc6ef8, 0x9ce221cf,
  0x0ffaaddb, 0x967ef4e3, 0x11f86dbf, 0x082d58df, 0x13f59f0e, 0x7c559d6b, 0x15f2324f, 0xd2d7b263,
  0x17ee1826, 0x02f10e8c, 0x19e94153, 0xcfdcf169, 0x1be39ebe, 0x6f07c37e, 0x1ddd2170, 0x1eba6e65,
  0x1fd5ba9a, 0xac2f6dc6, 0x21cd5b99, 0xe8110314, 0x23c3f5f6, 0x086e4dc9, 0x25b97b65, 0xf743fe64,
  0x27adddd1, 0x8cc4d8b1, 0x29a10f53, 0xb49e2e90, 0x2b93023c, 0x7d84d3bf, 0x2d83a913, 0x1267b1b6,
  0x2f72f697, 0x9cb6044d, 0x3160ddc5, 0x0f385177, 0x334d51d2, 0xd90c4c3a, 0x35384636, 0x8064f287,
  0x3721aea5, 0x24c14409, 0x39097f14, 0xe85cdb9b, 0x3aefabbe, 0x40ae6ce3, 0x3cd4291d, 0x2dd89ac3,
  0x3eb6ebf2, 0x5901bac5, 0x4097e944, 0x1996d699, 0x4277165f, 0x618d8963, 0x445468d8, 0x90c726b2,
  0x462fd68c, 0x2fc5e098, 0x4809559f, 0x91f25774, 0x49e0dc81, 0x5fbd16f9, 0x4bb661ea, 0x08f3f8dd,
  0x4d89dcdc, 0x1faf2f35, 0x4f5b44a4, 0x9c44d113, 0x512a90db, 0x0abc26a3, 0x52f7b961, 0xa2439b0e,
  0x54c2b665, 0x4735276d, 0x568b805d, 0x783d3914, 0x5852100c, 0x273f8659, 0x5a165e7d, 0x7e9bf7db,
  0x5bd86507, 0x937bc23a, 0x5d981d4a, 0x05d407c4, 0x5f55812d, 0x8ecfdd6a, 0x61108ae3, 0x7e575dd7,
  0x62c934e5, 0x286c95b7, 0x647f79f3, 0x43198910, 0x66335515, 0x35ac619e, 0x67e4c198, 0x5a000638,
  0x6993bb0f, 0x308ff2db, 0x6b403d50, 0x88162dfc, 0x6cea4476, 0x9971b1ae, 0x6e91ccde, 0x18929552,
  0x7036d325, 0x3b27be34, 0x71d9542a, 0xb5c7e28b, 0x73794d0c, 0xb04d425d, 0x7516bb27, 0xb218acc5,
  0x76b19c15, 0x86ed3da3, 0x7849edac, 0x1d12bfb5, 0x79dfadfc, 0x5d68d10e, 0x7b72db50, 0xfe10d381,
  0x7d03742d, 0x50505f2e, 0x7e91774c, 0x0a496236, 0x801ce39e, 0x0d205c9a, 0x81a5b849, 0x28244190,
  0x832bf4a6, 0xd9867e2a, 0x84af9843, 0x0d2c7eee, 0x8630a2da, 0xda1ed066, 0x87af145b, 0x3f14a801,
  0x892aecdf, 0xde9547b5, 0x8aa42cb1, 0xbb234d69, 0x8c1ad445, 0xf3e09b8c, 0x8d8ee43c, 0x8214276f,
  0x8f005d5e, 0xf7f59f9b, 0x906f409f, 0x411d8d0e, 0x91db8f16, 0x64f350e2, 0x93454a03, 0x4b6d3074,
  0x94ac72c9, 0x847186f6, 0x96110af0, 0x12232fd7, 0x97731420, 0x365e538c, 0x98d29024, 0x43a5f282,
  0x9a2f80e6, 0x71bdda20, 0x9b89e86f, 0xb6281fac, 0x9ce1c8e6, 0xa0b8cdba, 0x9e37248e, 0x3c6e243d,
  0x9f89fdc4, 0xf4b7a1ed, 0xa0da5703, 0x7f52089f, 0xa22832db, 0xcadaae09, 0xa37393f7, 0xf238af63,
  0xa4bc7d19, 0x34f70924, 0xa602f116, 0xf4a7247f, 0xa746f2dd, 0xb7602294, 0xa888856e, 0x2f6c0924,
  0xa9c7abdc, 0x4830f5c9, 0xab04694e, 0x3861a332, 0xac3ec0fb, 0x997dd6a2, 0xad76b62c, 0x84a8bae6,
  0xaeac4c38, 0xb4d8c080, 0xafdf8686, 0xae624f93, 0xb110688a, 0xebdc6f6a, 0xb23ef5c7, 0x105c7f85,
  0xb36b31c9, 0x1f043691, 0xb495202a, 0xb7db53b3, 0xb5bcc490, 0x59ecc4b0, 0xb6e222a8, 0xaa9d7790,
  0xb8053e2b, 0xc2319e74, 0xb9261ada, 0x7d73d865, 0xba44bc7d, 0xd470782f, 0xbb6126e6, 0x36360233,
  0xbc7b5dea, 0xe98af281, 0xbd936569, 0x7287ec63, 0xbea94144, 0xfd049aac, 0xbfbcf565, 0xcbc4c3fb,
  0xc0ce85b8, 0xac526641, 0xc1ddf62e, 0x6f711099, 0xc2eb4abb, 0x661628b6, 0xc3f68756, 0xe2d1510b,
  0xc4ffaffa, 0xbf8fbd55, 0xc606c8a2, 0xe7a4eb7d, 0xc70bd54c, 0xe602ee14, 0xc80ed9f7, 0x778c3ad1,
  0xc90fdaa2, 0x2168c235,
]);

/** K·π/4·2^62 for K = 0 … 4, rounded to nearest, as (hi, lo) pairs. */
const PI_QUARTERS = new Uint32Array([
  0x00000000, 0x00000000, 0x3243f6a8, 0x885a308d, 0x6487ed51, 0x10b4611a, 0x96cbe3f9, 0x990e91a8,
  0xc90fdaa2, 0x2168c235,
]);

/* The series' coefficients: 1/3 and 1/5 at 2^-64, 1/7 and 1/9 at 2^-32, rounded to nearest. */
const C3_HI = 0x55555555;
const C3_LO = 0x55555555;
const C5_HI = 0x33333333;
const C5_LO = 0x33333333;
const C7 = 0x24924925;
const C9 = 0x1c71c71c;

/** A[d], A[d+1] = the top 64 bits of (A[a]:A[a+1])·(A[b]:A[b+1]), less 0 … 2 units (as fixed.ts's mulHi64). */
function mul64(d: number, a: number, b: number): void {
  const aHi = A[a]!;
  const aLo = A[a + 1]!;
  const bHi = A[b]!;
  const bLo = A[b + 1]!;
  const m1 = mulhi(aHi, bLo);
  const m2 = mulhi(aLo, bHi);
  const s1 = (Math.imul(aHi, bHi) + m1) | 0;
  const c1 = carry(s1, m1);
  const s2 = (s1 + m2) | 0;
  const c2 = carry(s2, m2);
  A[d] = (mulhi(aHi, bHi) + c1 + c2) | 0;
  A[d + 1] = s2;
}

/** A[d], A[d+1] = ⌊x·(A[b]:A[b+1])/2^32⌋ less 0 … 1 unit. */
function mul32x64(d: number, x: number, b: number): void {
  const bHi = A[b]!;
  const m = mulhi(x, A[b + 1]!);
  const s = (Math.imul(x, bHi) + m) | 0;
  A[d] = (mulhi(x, bHi) + carry(s, m)) | 0;
  A[d + 1] = s;
}

/** (A[r]:A[r+1]) >>= sh for any sh >= 0. */
function shr(r: number, sh: number): void {
  if (sh === 0) return;
  const hi = A[r]!;
  if (sh >= 64) {
    A[r] = 0;
    A[r + 1] = 0;
  } else if (sh >= 32) {
    A[r + 1] = sh === 32 ? hi : hi >>> (sh - 32);
    A[r] = 0;
  } else {
    A[r + 1] = (A[r + 1]! >>> sh) | (hi << (32 - sh));
    A[r] = hi >>> sh;
  }
}

/** (A[r]:A[r+1]) = (hi:lo) − (A[r]:A[r+1]), for a result in [0, 2^64). */
function subFrom(r: number, hi: number, lo: number): void {
  const bLo = A[r + 1]!;
  A[r] = (hi - A[r]! - (lo >>> 0 < bLo >>> 0 ? 1 : 0)) | 0;
  A[r + 1] = (lo - bLo) | 0;
}

/** Leading zeros of the 64-bit (A[r]:A[r+1]) (64 if zero). */
function clz64(r: number): number {
  const hi = A[r]!;
  return hi !== 0 ? clz32(hi) : 32 + clz32(A[r + 1]!);
}

/** (A[r]:A[r+1]) <<= sh for sh in 0 … 63. */
function shl(r: number, sh: number): void {
  if (sh === 0) return;
  const hi = A[r]!;
  const lo = A[r + 1]!;
  if (sh < 32) {
    A[r] = (hi << sh) | (lo >>> (32 - sh));
    A[r + 1] = lo << sh;
  } else {
    A[r] = lo << (sh - 32);
    A[r + 1] = 0;
  }
}

/** The error bound b·2^s (any integer s), rounded up. */
function scaled(b: number, s: number): number {
  if (s >= 0) return s >= 16 ? 0x3fffffff : b << s;
  return s <= -31 ? 1 : (b >>> -s) + 1;
}

/**
 * A[RR] = atan(t)·2^(62−e), within 4.01 units, for t = (A[s]:A[s+1])·2^(e−63) < 2^-7 (e <= −8) with A[s]'s top
 * bit set.
 */
function atanSmall(s: number, e: number): void {
  // Zw = ⌊z·2^78⌋ from T²/2^64 = z·2^(62−2e).
  mul64(ZW, s, s);
  shr(ZW, -(e + e) - 16);
  const q3 = (C7 - (mulhi(A[ZW]!, C9) >>> 14)) >>> 0;
  mul32x64(Q, q3, ZW);
  shr(Q, 14);
  subFrom(Q, C5_HI, C5_LO);
  mul64(Q, ZW, Q);
  shr(Q, 14);
  subFrom(Q, C3_HI, C3_LO);
  mul64(Q, ZW, Q);
  shr(Q, 15);
  subFrom(Q, 0x80000000, 0);
  mul64(RR, s, Q);
}

/**
 * A[Y] = Y ≈ 2^127/D for D = (dHi:dLo) in [2^63, 2^64), within 5 units (Y >= 2^63; D = 2^63 gives 2^64 − 1): the
 * method and bound of kernels/recip.ts (a 32-bit estimate, then one second-order Newton step), restated here on
 * this file's registers so that no word is boxed on the way.
 */
function recip64(dHi: number, dLo: number): void {
  const x = approxRecip32(dHi) | 0;
  // Z = D·y0·2^63 = D·X/2^32.
  const zMid = (Math.imul(x, dHi) >>> 0) + (mulhi(x, dLo) >>> 0);
  const zLo = zMid | 0;
  const zHi = (mulhi(x, dHi) + (zMid >= 0x100000000 ? 1 : 0)) | 0;
  // e·2^63 = 2^63 − Z, |e|·2^63 < 2^35.
  let eHi = (0x80000000 - (zHi >>> 0) - (zLo !== 0 ? 1 : 0)) | 0;
  let eLo = -zLo | 0;
  const eNeg = eHi < 0 ? 1 : 0;
  if (eNeg !== 0) {
    eLo = -eLo | 0;
    eHi = (~eHi + (eLo === 0 ? 1 : 0)) | 0;
  }
  // e²·2^63 from |e| cut to 32 bits at 2^-59.
  const e32 = (eLo >>> 4) | (eHi << 28);
  const e2 = (mulhi(e32, e32) >>> 23) | 0;
  // q = e + e² in sign-magnitude (for e < 0, |e| >= e²).
  let qLo: number;
  let qHi: number;
  if (eNeg === 0) {
    qLo = (eLo + e2) | 0;
    qHi = (eHi + carry(qLo, e2)) | 0;
  } else {
    qLo = (eLo - e2) | 0;
    qHi = (eHi - (eLo >>> 0 < e2 >>> 0 ? 1 : 0)) | 0;
  }
  // y0·q·2^63 = X·q/2^31 (q < 2^36).
  const aLo = Math.imul(x, qLo);
  const bLo = Math.imul(x, qHi);
  const w1 = (mulhi(x, qLo) + bLo) | 0;
  const w2 = (mulhi(x, qHi) + carry(w1, bLo)) | 0;
  const cLo = (aLo >>> 31) | (w1 << 1);
  const cHi = (w1 >>> 31) | (w2 << 1);
  if (eNeg === 0) {
    const sum = (x + cHi) | 0;
    if (carry(sum, cHi) !== 0) {
      A[Y] = -1;
      A[Y + 1] = -1;
      return;
    }
    A[Y] = sum;
    A[Y + 1] = cLo;
    return;
  }
  A[Y] = (x - cHi - (cLo !== 0 ? 1 : 0)) | 0;
  A[Y + 1] = -cLo | 0;
}

/** A[AR] = atan(t)·2^64 for t = T·2^(e−63) in [2^-7, 1] (−7 <= e <= 0), within 1.63 units. */
function atanTable(e: number): void {
  const hi = A[ATAN_T]!;
  const lo = A[ATAN_T + 1]!;
  // 128·t = T·2^-s.
  const s = 56 - e;
  const j = (hi >>> (s - 32)) + ((hi >>> (s - 33)) & 1);
  A[AR] = ATAN_TABLE[j + j]!;
  A[AR + 1] = ATAN_TABLE[j + j + 1]!;
  // d = T − j·2^s modulo 2^64; |d| <= 2^(s−1), so the wrapped difference read as signed is d.
  let dHi = (hi - (j << (s - 32))) | 0;
  let dLo = lo;
  if ((dHi | dLo) === 0) return;
  const dNeg = dHi < 0 ? 1 : 0;
  if (dNeg !== 0) {
    dLo = -dLo | 0;
    dHi = (~dHi + (dLo === 0 ? 1 : 0)) | 0;
  }
  // (1 + t·c)·2^63 = 2^63 + ⌊T·j·2^(e−7)⌋, below 2^64 as t·c < 1 here.
  const p0 = Math.imul(lo, j) >>> 0;
  const m = (Math.imul(hi, j) >>> 0) + mulhi(lo, j);
  const p1 = m >>> 0;
  const p2 = mulhi(hi, j) + (m >= 0x100000000 ? 1 : 0);
  const k = 7 - e;
  recip64(((p1 >>> k) | (p2 << (32 - k)) | 0x80000000) | 0, (p0 >>> k) | (p1 << (32 - k)));
  // r = |d|/(1 + t·c) = (Dn·Y/2^64)·2^(e−63−c0), Dn = |d|·2^c0 normalized.
  A[W] = dHi;
  A[W + 1] = dLo;
  const c0 = clz64(W);
  shl(W, c0);
  mul64(RN, W, Y);
  let er = e - c0;
  if (A[RN]! >>> 31 === 0) {
    shl(RN, 1);
    er--;
  }
  atanSmall(RN, er);
  // atan|r|·2^64 = Rr·2^(er+2).
  shr(RR, -er - 2);
  const rLo = A[RR + 1]!;
  const tLo = A[AR + 1]!;
  if (dNeg === 0) {
    const l = (tLo + rLo) | 0;
    A[AR] = A[AR]! + A[RR]! + carry(l, rLo);
    A[AR + 1] = l;
  } else {
    A[AR] = A[AR]! - A[RR]! - (tLo >>> 0 < rLo >>> 0 ? 1 : 0);
    A[AR + 1] = tLo - rLo;
  }
}

/**
 * The float register (kernels/float.ts) = K·π/4 + (−1)^neg·2^h·atan t for the t loaded by one of the functions
 * below (K = 0 only with neg = 0).
 */
export function atanValue(K: number, h: number, neg: number): void {
  let e = st.te;
  const terr = st.terr;
  if (e > 0 || (e === 0 && (A[ATAN_T]! !== (0x80000000 | 0) || A[ATAN_T + 1]! !== 0))) {
    A[ATAN_T] = 0x80000000;
    A[ATAN_T + 1] = 0;
    e = 0;
  }
  let errA: number;
  if (e <= -8) {
    atanSmall(ATAN_T, e);
    const err = 5 + terr;
    if (K === 0) {
      R[FX] = A[RR]!;
      R[FX + 1] = A[RR + 1]!;
      setFloat(0, FX, e - 62 + h, err);
      return;
    }
    A[AR] = A[RR]!;
    A[AR + 1] = A[RR + 1]!;
    shr(AR, -e - 2);
    errA = 1 + scaled(err, e + 2);
  } else {
    atanTable(e);
    errA = 2 + scaled(terr, e + 1);
  }
  if (K === 0) {
    R[FX] = A[AR]!;
    R[FX + 1] = A[AR + 1]!;
    setFloat(0, FX, h - 64, errA);
    return;
  }
  shr(AR, 2 - h);
  const cHi = PI_QUARTERS[K + K]!;
  const cLo = PI_QUARTERS[K + K + 1]!;
  const aLo = A[AR + 1]!;
  if (neg === 0) {
    const l = (cLo + aLo) | 0;
    R[FX] = cHi + A[AR]! + carry(l, aLo);
    R[FX + 1] = l;
  } else {
    R[FX] = cHi - A[AR]! - (cLo >>> 0 < aLo >>> 0 ? 1 : 0);
    R[FX + 1] = cLo - aLo;
  }
  setFloat(0, FX, -62, scaled(errA, h - 2) + 3);
}

/** The float register = K·π/4 (K = 1 … 4). */
export function atanConstant(K: number): void {
  R[FX] = PI_QUARTERS[K + K]!;
  R[FX + 1] = PI_QUARTERS[K + K + 1]!;
  setFloat(0, FX, -62, 1);
}

/** Load t = x = M·2^(ex−31) exactly (M normalized: top bit set). */
export function loadT(M: number, ex: number): void {
  A[ATAN_T] = M;
  A[ATAN_T + 1] = 0;
  st.te = ex;
  st.terr = 0;
}

/**
 * A[q] = ⌊(hi:lo)/d⌋ and A[REM] the remainder, for hi < d, d normalized and x = approxRecip32(d) (at most 2^-31
 * above 2^63/d, so the estimate less 2 never exceeds the quotient; the loop steps it up to it).
 */
function divDigit(q: number, hi: number, lo: number, d: number, x: number): void {
  let est = (mulhi(hi, x) << 1) >>> 0;
  est = est >= 2 ? est - 2 : 0;
  const pLo = Math.imul(est, d);
  let rLo = (lo - pLo) | 0;
  let rHi = (hi - mulhi(est, d) - (lo >>> 0 < pLo >>> 0 ? 1 : 0)) | 0;
  while (rHi !== 0 || rLo >>> 0 >= d >>> 0) {
    rHi = (rHi - (rLo >>> 0 < d >>> 0 ? 1 : 0)) | 0;
    rLo = (rLo - d) | 0;
    est++;
  }
  A[q] = est;
  A[REM] = rLo;
}

/**
 * Load t = (n/d)·2^s for normalized 32-bit n and d (top bits set), as the truncated 64-bit quotient: terr = 1,
 * st.exact = 1 if no remainder.
 */
export function loadQuotient(n: number, d: number, s: number): void {
  const x = approxRecip32(d);
  if (n >>> 0 < d >>> 0) {
    divDigit(ATAN_T, n, 0, d, x);
    st.te = s - 1;
  } else {
    divDigit(ATAN_T, n >>> 1, n << 31, d, x);
    st.te = s;
  }
  divDigit(ATAN_T + 1, A[REM]!, 0, d, x);
  st.exact = A[REM] === 0 ? 1 : 0;
  st.terr = 1;
}

/** The quotient's words, for a caller that rounds it directly. */
export function quotientHi(): number {
  return A[ATAN_T]!;
}
export function quotientLo(): number {
  return A[ATAN_T + 1]!;
}

/**
 * A[Y] = Y1 with 1/√(1 − x²) = Y1·2^(st.ye − 63) (within 1.7 units, Y1 close to (2^62, 2^63]) for
 * |x| = M·2^(ex−31) < 1, M normalized.
 */
export function rsqrtOneMinusSquare(M: number, ex: number): void {
  const mLo = Math.imul(M, M) >>> 0;
  const mHi = mulhi(M, M);
  // u = V·2^-q.
  let q: number;
  if (ex === -1) {
    // x² = M²·2^-64 and u = (1 − |x|)(1 + |x|) = 2^64 − M² at 2^-64, exactly.
    A[W] = -mHi - (mLo !== 0 ? 1 : 0);
    A[W + 1] = -mLo;
    q = 64;
  } else {
    // x²·2^63 = M²·2^(2ex+1), cut; u = 2^63 − that at 2^-63, within a unit.
    A[W] = mHi;
    A[W + 1] = mLo;
    shr(W, -(ex + ex) - 1);
    subFrom(W, 0x80000000, 0);
    q = 63;
  }
  const k = clz64(W);
  shl(W, k);
  // u = (V'/2^64)·2^T with T = 64 − q − k; M62 = M'·2^62 with M' in [1, 4) and u = M'·2^(2n).
  const T = 64 - q - k;
  let twoN = T - 2;
  if ((T & 1) !== 0) {
    shr(W, 1);
    twoN = T - 1;
  }
  st.ye = -(twoN >> 1);
  const mh = A[W]!;
  const ml = A[W + 1]!;
  const y0 = approxRecipSqrt32(mh);
  // S = y0²·2^62 (two words); P = M62·S exactly modulo 2^128 (it is below 2^126).
  const sLo = Math.imul(y0, y0) >>> 0;
  const sHi = mulhi(y0, y0);
  const a1 = mulhi(ml, sLo);
  const b0 = Math.imul(ml, sHi) | 0;
  const c0 = Math.imul(mh, sLo) | 0;
  const p0 = Math.imul(ml, sLo) | 0;
  let p1 = (a1 + b0) | 0;
  let k1 = carry(p1, b0);
  p1 = (p1 + c0) | 0;
  k1 += carry(p1, c0);
  const c1 = mulhi(mh, sLo);
  const d0 = Math.imul(mh, sHi) | 0;
  let p2 = (mulhi(ml, sHi) + c1) | 0;
  let k2 = carry(p2, c1);
  p2 = (p2 + d0) | 0;
  k2 += carry(p2, d0);
  p2 = (p2 + k1) | 0;
  k2 += carry(p2, k1);
  const p3 = (mulhi(mh, sHi) + k2) | 0;
  // D = 2^124 − P = e·2^124, |D| < 2^97.2; E = ⌊D/2^35⌋ = ⌊e·2^89⌋ (bit 98 of D is its sign).
  let br = p0 !== 0 ? 1 : 0;
  const dd1 = (-p1 - br) | 0;
  br = p1 !== 0 || br !== 0 ? 1 : 0;
  const dd2 = (-p2 - br) | 0;
  br = p2 !== 0 || br !== 0 ? 1 : 0;
  const dd3 = (0x10000000 - p3 - br) | 0;
  const eHi = (dd3 << 29) | (dd2 >>> 3);
  const eLo = (dd2 << 29) | (dd1 >>> 3);
  // 3e²/8·2^90 = 3E²·2^-91, from eh = ⌊|E|/2^31⌋ (|E| < 2^62.1).
  let gHi = eHi;
  let gLo = eLo;
  if (eHi < 0) {
    gLo = -eLo | 0;
    gHi = (~eHi + (gLo === 0 ? 1 : 0)) | 0;
  }
  const eh = (gHi << 1) | (gLo >>> 31);
  const qLo = Math.imul(eh, eh) >>> 0;
  const qHi = mulhi(eh, eh);
  const aHi = qHi >>> 29;
  const aLo = (qLo >>> 29) | (qHi << 3);
  const twoLo = aLo << 1;
  const tLo = (aLo + twoLo) | 0;
  const tHi = (aHi + ((aHi << 1) | (aLo >>> 31)) + carry(tLo, twoLo)) | 0;
  // C = c·2^90 = E + 3E²·2^-91, two's complement.
  let cLo = (eLo + tLo) | 0;
  let cHi = (eHi + tHi + carry(cLo, tLo)) | 0;
  const cNeg = cHi < 0 ? 1 : 0;
  if (cNeg !== 0) {
    cLo = -cLo | 0;
    cHi = (~cHi + (cLo === 0 ? 1 : 0)) | 0;
  }
  // |y0·c|·2^63 = Y0·|C|·2^-58 (three-word product, shifted).
  const u1 = mulhi(y0, cLo);
  const v0 = Math.imul(y0, cHi) | 0;
  const w1 = (u1 + v0) | 0;
  const w2 = (mulhi(y0, cHi) + carry(w1, v0)) | 0;
  const fHi = w2 >>> 26;
  const fLo = (w2 << 6) | (w1 >>> 26);
  // Y1 = Y0·2^32 ± that.
  if (cNeg === 0) {
    A[Y + 1] = fLo;
    A[Y] = y0 + fHi;
  } else {
    A[Y + 1] = -fLo;
    A[Y] = y0 - fHi - (fLo !== 0 ? 1 : 0);
  }
}

/** Load t = N·2^(en−31)·Y1·2^(st.ye−63) (N normalized) after rsqrtOneMinusSquare: terr <= 16. */
export function loadTimesRsqrt(N: number, en: number): void {
  mul32x64(ATAN_T, N, Y);
  const c = clz64(ATAN_T);
  shl(ATAN_T, c);
  st.te = en + st.ye + 1 - c;
  st.terr = 4 << c;
}

/** Which side of the recorded boundary the approximation itself lies on (precision p): 1 above (or on), −1 below. */
function approximateSide(p: number): number {
  return R[FX]! >>> (31 - p) === hard.b ? 1 : -1;
}

/*
 * Finishers: the float register rounded by kernels/round.ts; in the rare case it cannot decide (never for binary16
 * and bfloat16 arguments, as the exhaustive tests check), the approximation is rounded as it stands, which for
 * binary32 is within 2^-30 ulp of correct rounding.
 */
export function atanFinishF32(sign: number): number {
  const z = finishF32(sign);
  return z >= 0 ? z : packBoundaryF32(approximateSide(24));
}

export function atanFinishF16(sign: number): number {
  const z = finishF16(sign);
  return z >= 0 ? z : packBoundaryF16(approximateSide(11));
}

export function atanFinishBF16(sign: number): number {
  const z = finishBF16(sign);
  return z >= 0 ? z : packBoundaryBF16(approximateSide(8));
}

/** Load t = (1 − |x|)·Y1·2^(st.ye−63) for |x| = M·2^-32 in [1/2, 1) after rsqrtOneMinusSquare (1 − |x| exact). */
export function loadOneMinusTimesRsqrt(M: number): void {
  const w = -M >>> 0;
  const c = clz32(w);
  loadTimesRsqrt((w << c) >>> 0, -1 - c);
}

/*
 * The fast path of the 16-bit formats: the same method in single words, good to about 2^-23 relative, with its own
 * error bound; the Ziv test below sends the undecided roundings (a few in 10^4) to the 64-bit path above.
 *
 * t = T·2^(te−31) with T a normalized word, terr units of T. Small t (te <= −8): atan t = t·(1 − z/3 + z²/5) with
 * z = t² (the dropped z³/7 is below 2^-44.8 relative): Zs = ⌊z·2^46⌋, q1 = 1/3 − z/5 and P = 1 − z·q1 at 2^-32 and
 * 2^-31 (P within 1.01 units), R = ⌊T·P/2^32⌋, so atan t = R·2^(te−30) within 2.01 + terr/2 units. Larger t: the
 * table entry rounded to 2^-32 (half a unit) and r = (t − c)/(1 + t·c) from approxRecip32 of 1 + t·c (2^-29
 * relative, the divisor cut to 2^-31), atan r = r·(1 − r²/3) (the dropped r⁴/5 is below 2^-34.3 relative): r is
 * within 2^-28.1 and atan r within 2^-27.6 relative, below 0.08 units of 2^-32 as |r| < 2^-8, plus a unit for the
 * shift: atan t·2^32 within 2 + terr·2^(te+1) units. Assembly as in atanValue, at 2^-32 for K = 0 and at 2^-30 from
 * K·π/4 rounded otherwise (3 more units).
 */

/** The fast value register = v·2^(e−31) (v a nonzero word) within err units of v, normalized. */
function setFast(v: number, e: number, err: number): void {
  const c = clz32(v);
  A[FV] = v << c;
  st.fe = e - c;
  st.ferr = err << c;
}

/** Load the fast quotient t = (n/d)·2^s (n, d normalized words): ⌊·⌋ to a word, st.exact if no remainder. */
export function fastQuotient(n: number, d: number, s: number): void {
  const x = approxRecip32(d);
  if (n >>> 0 < d >>> 0) {
    divDigit(FQ, n, 0, d, x);
    st.te = s - 1;
  } else {
    divDigit(FQ, n >>> 1, n << 31, d, x);
    st.te = s;
  }
  st.exact = A[REM] === 0 ? 1 : 0;
}

/** The fast quotient's word. */
export function fastQuotientWord(): number {
  return A[FQ]!;
}

/** The fast value's word (V, with st.fe and st.ferr), for the tests of its error bound. */
export function fastValueWord(): number {
  return A[FV]!;
}

/** The fast value = K·π/4 + (−1)^neg·2^h·atan t for t = T·2^(te−31) within terr units of T (0 < t <= 1). */
export function atanFast(T: number, te: number, terr: number, K: number, h: number, neg: number): void {
  if (te > 0 || (te === 0 && T !== (0x80000000 | 0))) {
    T = 0x80000000 | 0;
    te = 0;
  }
  let a: number;
  let aErr: number;
  if (te <= -8) {
    const sh = -(te + te) - 16;
    const zs = sh >= 32 ? 0 : mulhi(T, T) >>> sh;
    const q1 = (0x55555555 - (mulhi(zs, 0x33333333) >>> 14)) | 0;
    const p = (0x80000000 - (mulhi(zs, q1) >>> 15)) | 0;
    const r = mulhi(T, p);
    const rErr = 3 + (terr >>> 1);
    if (K === 0) {
      setFast(r, te + 1 + h, rErr);
      return;
    }
    const s2 = -te - 2;
    a = s2 >= 32 ? 0 : r >>> s2;
    aErr = 2 + (s2 >= 31 ? 0 : rErr >>> s2);
  } else {
    const s = 24 - te;
    const j = (T >>> s) + ((T >>> (s - 1)) & 1);
    a = (ATAN_TABLE[j + j]! + (ATAN_TABLE[j + j + 1]! >>> 31)) | 0;
    aErr = 2 + scaled(terr, te + 1);
    const d = (T - (j << s)) | 0;
    if (d !== 0) {
      // (1 + t·c)·2^31 = 2^31 + ⌊T·j·2^(te−7)⌋ (below 2^32 as t·c < 1 here).
      const k = 7 - te;
      const den = (mulhi(T, j) << (32 - k)) | (Math.imul(T, j) >>> k) | 0x80000000;
      const x = approxRecip32(den) | 0;
      const ad = d < 0 ? -d : d;
      const c0 = clz32(ad);
      // r = ⌊|d|·2^c0·X/2^32⌋·2^(te−31−c0) (X ≈ 2^32/(1 + t·c)), normalized.
      let rq = mulhi(ad << c0, x);
      let er = te - c0;
      if (rq >>> 31 === 0) {
        rq <<= 1;
        er--;
      }
      const sz = -(er + er) - 16;
      const z46 = sz >= 32 ? 0 : mulhi(rq, rq) >>> sz;
      const p = (0x80000000 - (mulhi(z46, 0x55555555) >>> 15)) | 0;
      // atan|r| = ⌊Rn·P/2^32⌋·2^(er−30), shifted to 2^-32.
      const s3 = -er - 2;
      const add = s3 >= 32 ? 0 : mulhi(rq, p) >>> s3;
      a = d > 0 ? (a + add) | 0 : (a - add) | 0;
    }
  }
  if (K === 0) {
    setFast(a, h - 1, aErr);
    return;
  }
  const c = (PI_QUARTERS[K + K]! + (PI_QUARTERS[K + K + 1]! >>> 31)) | 0;
  const b = a >>> (2 - h);
  setFast(neg !== 0 ? (c - b) | 0 : (c + b) | 0, 1, (aErr >>> (2 - h)) + 3);
}

/**
 * The fast path's y0 ≈ 1/√(1 − x²) = Y0·2^(st.ye − 31) for |x| = M·2^(ex−31) < 1 (M normalized, from a 16-bit format):
 * u = 1 − x² is exact for |x| >= 1/2 (M² has its low 42 bits zero) and above it by less than 2^-31 otherwise, and
 * approxRecipSqrt32 is within 2^-28 relative (the bit it may drop, 2^-31 of u, adds 2^-32): y0 within 1.15·2^-28.
 */
export function fastRsqrtOneMinusSquare(M: number, ex: number): void {
  const mHi = mulhi(M, M);
  let u: number;
  let q: number;
  if (ex === -1) {
    u = -mHi | 0;
    q = 32;
  } else {
    const sh = -(ex + ex) - 1;
    u = (0x80000000 - (sh >= 32 ? 0 : mHi >>> sh)) | 0;
    q = 31;
  }
  // u = U·2^-q = (Un/2^32)·2^T; M'·2^30 with M' in [1, 4) and u = M'·2^(2n).
  const k = clz32(u);
  const un = u << k;
  const T = 32 - q - k;
  if ((T & 1) === 0) {
    A[FY] = approxRecipSqrt32(un) | 0;
    st.ye = -((T - 2) >> 1);
  } else {
    A[FY] = approxRecipSqrt32(un >>> 1) | 0;
    st.ye = -((T - 1) >> 1);
  }
}

/**
 * The fast value = K·π/4 + (−1)^neg·2^h·atan t for t = N·2^(en−31)·y0 (N normalized) after
 * fastRsqrtOneMinusSquare: the product cut to a word (2^-29) makes t within 1.65·2^-28 relative, 28 units.
 */
export function atanFastTimesRsqrt(N: number, en: number, K: number, h: number, neg: number): void {
  const w = mulhi(N, A[FY]!);
  const c = clz32(w);
  atanFast(w << c, en + st.ye + 1 - c, 28, K, h, neg);
}

/** The same with t = (1 − |x|)·y0 for |x| = M·2^-32 in [1/2, 1) (1 − |x| exact). */
export function atanFastOneMinusTimesRsqrt(M: number, K: number, h: number, neg: number): void {
  const w = -M >>> 0;
  const c = clz32(w);
  atanFastTimesRsqrt(w << c, -1 - c, K, h, neg);
}

/** binary16 of ± the fast value, or -1 if its error bound reaches a rounding boundary (p = 11: multiples of 2^20). */
export function fastFinishF16(sign: number): number {
  const v = A[FV]!;
  const err = st.ferr;
  const low = v & 0xfffff;
  if (low <= err || low >= 0x100000 - err) return -1;
  return roundPackToF16(sign, st.fe + 14, (v >>> 17) | 1);
}

/** bfloat16 of ± the fast value, or -1 (p = 8: multiples of 2^23). */
export function fastFinishBF16(sign: number): number {
  const v = A[FV]!;
  const err = st.ferr;
  const low = v & 0x7fffff;
  if (low <= err || low >= 0x800000 - err) return -1;
  return roundPackToBF16(sign, st.fe + 126, (v >>> 17) | 1);
}

/**
 * The binary32 fast paths of log2 and log10: |ln x| from the fast natural-log kernel (logF32.ts, within 2^-39.8
 * relative, proven there) times log2 e or log10 e in one short truncated 64x48-bit product, then Ziv's test
 * (round.ts tryFinishF32). Undecided results go back to the full-precision path (kernels/log.ts via logFamily.ts).
 *
 * The kernel leaves sig S in [2^63, 2^64) at exponent e with |S − L'| < err, L' = |ln x|·2^(63−e), err < 2^24 (the
 * normalized bound of logF32.ts: at most 36·2^18 or 0x220000·2^2). With c the exact constant at scale 2^64 (c = log2 e
 * ·2^63 in [2^63, 2^64); c = log10 e·2^64 in [2^62, 2^63)) the product V = L'·c/2^64 is the result, |log2 x| =
 * V·2^(e−62) and |log10 x| = V·2^(e−63). The computed P~ uses C' = cH·2^32 + cL·2^16, c's top 48 bits rounded
 * (|c − C'| < 0x38cb < 2^14 for both constants, checked by the test), S = sH·2^32 + sL, and
 *   P~ = sH·cH + floor(sH·cL/2^16) + floor(floor(sL/2^16)·cH/2^16)
 * (sH·cH exact in two words; the two cross terms exact floors of 2^32-bounded products, from 16-bit pieces). Then
 *   V − P~ = (L' − S)·c/2^64 + S·(c − C')/2^64 + (S·C'/2^64 − P~),
 * where |first| < err·c/2^64 <= E = floor(((floor(err/2^8) + 1)·(floor(c/2^48) + 1))/2^8) + 1 (the factors round
 * err and c up; one integer product since err < 2^24); |second| < 2^14 (S < 2^64); and the third lies in [0, 2^16 + 3):
 * the dropped (sL mod 2^16)·cH/2^32 < 2^16, sL·cL/2^48 < 1, and the two floors, less than 1 each. So
 *   |V − P~| < E + ERR_MUL,   ERR_MUL = 2^16 + 2^14 + 3 = 0x14003.
 * P~ <= S·C'/2^64 < 2^64 never overflows, and P~ >= 2^61 (S >= 2^63, C' >= 2^62 less the error): normalizing shifts
 * left by n <= 2 bits (log2: n <= 1), which multiplies the bound exactly by 2^n. Relative to the result the bound is
 * at most err/S·(1 + 2^-15) (E rounds err up by < 2^8 units and c by < 2^-15 relative, against P >= S·C'/2^64 less
 * a few units) plus 2^16.33/P < 2^-45.4 (P >= 0.43·2^63): below 2^-39.8 + 2^-45.4 < 2^-39.7 with the kernel's
 * 2^-39.8, and fx.err < 2^25 units.
 *
 * Exact cases: log2 of a power of two and log10 of a power of ten are integers, i.e. rounding boundaries; since the
 * bound is strict, Ziv's test can never decide them (the register is within err of a boundary), so they reach the
 * full path and its exact-case handling. f32_log2 nevertheless sends the normal powers of two there directly (one
 * mask test); the subnormal ones take the fast path and come back undecided (the test checks every power).
 *
 * Registers: only the float register (R[FX], R[FX+1], fx); words stay in locals.
 */
import { clz32 } from '../../primitives/integer.js';
import { R } from './fixed.js';
import { FX, fx } from './float.js';
import { logF32Value } from './logF32.js';
import { tryFinishF32 } from './round.js';

/**
 * log2 (ten = 0) or log10 (ten = 1) of the binary32 word a, 0 < a < +∞, a ≠ 1.0, correctly rounded, or -1 when the
 * fast bound cannot decide it: the float register from logF32Value times C'/2^64 with the bound of the header.
 */
function logBaseF32Fast(a: number, ten: number): number {
  const sign = logF32Value(a);
  const cH = ten === 0 ? 0xb8aa3b29 : 0x6f2dec54;
  const cL = ten === 0 ? 0x5c18 : 0x9b94;
  const sH = R[FX]!;
  const sL = R[FX + 1]!;
  // sH·cH in two words.
  const a0 = sH & 0xffff;
  const a1 = sH >>> 16;
  const b0 = cH & 0xffff;
  const b1 = cH >>> 16;
  const p01 = Math.imul(a0, b1);
  const p10 = Math.imul(a1, b0);
  const mid = (Math.imul(a0, b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  let hi = (Math.imul(a1, b1) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
  let lo = Math.imul(sH, cH);
  // floor(sH·cL/2^16) and floor(floor(sL/2^16)·cH/2^16), each below 2^32.
  const x1 = ((Math.imul(a1, cL) >>> 0) + (Math.imul(a0, cL) >>> 16)) | 0;
  const s16 = sL >>> 16;
  const x2 = ((Math.imul(s16, b1) >>> 0) + (Math.imul(s16, b0) >>> 16)) | 0;
  let s = (lo + x1) | 0;
  hi = (hi + ((s >>> 0) < (x1 >>> 0) ? 1 : 0)) | 0;
  lo = (s + x2) | 0;
  hi = (hi + ((lo >>> 0) < (x2 >>> 0) ? 1 : 0)) | 0;
  s = lo;
  const n = clz32(hi);
  R[FX] = n === 0 ? hi : (hi << n) | (s >>> (32 - n));
  R[FX + 1] = s << n;
  const err = fx.err;
  const E = (Math.imul((err >>> 8) + 1, ten === 0 ? 0xb8ab : 0x6f2e) >>> 8) + 1;
  fx.err = (E + 0x14003) << n;
  fx.e = fx.e + 1 - ten - n;
  return tryFinishF32(sign);
}

/** log2 of the binary32 word a, 0 < a < +∞, a ≠ 1.0, correctly rounded, or -1 when the fast bound cannot decide it. */
export function log2F32Fast(a: number): number {
  return logBaseF32Fast(a, 0);
}

/** log10 of the binary32 word a, 0 < a < +∞, a ≠ 1.0, correctly rounded, or -1 when the fast bound cannot decide it. */
export function log10F32Fast(a: number): number {
  return logBaseF32Fast(a, 1);
}

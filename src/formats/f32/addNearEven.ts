/**
 * The common case of binary32 addition (for f32_add, and f32_sub with b negated), the caller having checked for round
 * to nearest even: the operand of larger magnitude normal (the other may be zero or subnormal), and a normal result
 * that cannot overflow. Anything else returns SLOW_F32 (0xFFFFFFFF), and the caller falls back to addMagsF32 or
 * subMagsF32, which handle every case.
 *
 * It is written for V8: small enough to be inlined into callers' loops (under 460 bytes of bytecode), and without
 * data-dependent branches (V8 compiles every conditional, ternaries included, to a jump), so random operands cost no
 * mispredictions. Choices are made with sign masks instead.
 */
import { env } from '../../env/environment.js';

/**
 * What the fast paths return when they cannot decide: a NaN word no fast path produces. Hot code writes it as the
 * literal 0xFFFFFFFF: V8 loads a module constant from its context as a boxed number, which would box the results too.
 */
export const SLOW_F32 = 0xffffffff;

export function addNearEvenF32(a: number, b: number): number {
  // Swap whole words so that x has the larger magnitude; its sign and exponent are the result's (an exact
  // cancellation, where that sign is wrong, is left to the slow path).
  const ab = a ^ b;
  const t = ab & (((a & 0x7fffffff) - (b & 0x7fffffff)) >> 31);
  const x = a ^ t;
  const y = b ^ t;
  // x's exponent plus one, and 0 for an infinity or NaN, which then fails the range check below like a subnormal.
  const expX1 = ((x + 0x00800000) >>> 23) & 0xff;
  const expY = (y >>> 23) & 0xff;
  // Significands with the implicit bit at 2^29 and 6 guard bits. A zero or subnormal y has no implicit bit and counts
  // as exponent 1.
  const normalY = (expY + 0xff) >>> 8;
  const sigX = ((x & 0x007fffff) | 0x00800000) << 6;
  const sigY = ((y & 0x007fffff) | (normalY << 23)) << 6;
  // Align y, jamming what is shifted out into bit 0. A distance over 31 becomes -1, which JS shifts read as 31: the
  // shifted value is 0 and every bit of y is lost, as wanted.
  let dist = expX1 - expY + normalY - 2;
  dist |= (31 - dist) >> 31;
  const shifted = sigY >>> dist;
  const sticky = -((shifted << dist) ^ sigY) >>> 31;
  // Subtract through the two's complement when the signs differ. Once a jammed bit exists (dist >= 2) a difference
  // cancels at most one bit, so the jam stays below the guard bits.
  const sub = ab >> 31;
  let sigZ = (sigX + (((shifted | sticky) ^ sub) - sub)) | 0;
  const shift = Math.clz32(sigZ);
  // expX1 - shift is the result's biased exponent minus one; 1 … 252 keeps it normal and finite after rounding. An
  // exact zero difference (shift 32) takes the slow path for its sign.
  if ((expX1 - shift - 1) >>> 0 > 251 || sigZ === 0) return 0xffffffff;
  sigZ <<= shift - 1;
  // The inexact flag is read first so that, once it is raised, nothing is stored.
  if ((env.flags & 1) === 0 && (sigZ & 0x7f) !== 0) env.flags |= 1;
  // Round half to even: add just under half an ulp, plus the lsb. The implicit bit, added at 2^30 here, carries the
  // exponent field one up, which the subtraction of shift << 23 below accounts for.
  const sig = (sigZ + 0x4000003f + ((sigZ >>> 7) & 1)) >>> 7;
  return ((x & 0xff800000) - (shift << 23) + sig) >>> 0;
}

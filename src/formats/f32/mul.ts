/** binary32 multiplication, correctly rounded in the current mode. */
import { env, flag_invalid } from '../../env/environment.js';
import { umulHi } from '../../primitives/integer.js';
import { invalidNaNF32, propagateNaNF32 } from '../specialize.js';
import { packF32, roundPackToF32, subnormalExpF32, subnormalSigF32 } from './roundPack.js';

/**
 * The common case is kept in f32_mul itself, under V8's inlining limit (460 bytes of bytecode) so that callers' loops
 * take all of it in, and free of data-dependent branches so that random operands cost no mispredictions:
 * nearest-even (0, a literal so that V8 need not load and check the imported constant), finite operands whose product
 * is zero or normal and finite, with a normalized significand product (always so for normal operands).
 */
export function f32_mul(a: number, b: number): number {
  if (env.roundingMode === 0) {
    // Exponent fields plus one, with 0 for an infinity or NaN. Zeros and subnormals have no implicit bit and count as
    // exponent 1, which is what their fraction means.
    const expA1 = ((a >>> 23) + 1) & 0xff;
    const expB1 = ((b >>> 23) + 1) & 0xff;
    const normalA = (expA1 + 0xfe) >>> 8;
    const normalB = (expB1 + 0xfe) >>> 8;
    // The product of the significands P, its leading bit moved to 2^30 and all below jammed into bit 0. P >>> 16 is
    // formed from 16-bit halves, every partial product within a word: sigA = highA·2^16 + lowA with highA below 2^8,
    // so P/2^16 = highA·sigB + lowA·highB + lowA·lowB/2^16.
    const sigA = ((a << 9) >>> 9) | (normalA << 23);
    const sigB = ((b << 9) >>> 9) | (normalB << 23);
    const lowA = sigA & 0xffff;
    const lowProd = Math.imul(lowA, sigB & 0xffff);
    const p =
      (Math.imul(sigA >>> 16, sigB) + Math.imul(lowA, sigB >>> 16) + (lowProd >>> 16)) | (-(lowProd & 0xffff) >>> 31);
    const norm = p >>> 31;
    const sigZ = (p >>> norm) | (p & norm);
    // A zero product (a zero operand) is a signed zero: its exponent is neither checked nor kept.
    const nonzero = -sigZ >> 31;
    const exp = expA1 + expB1 - normalA - normalB + norm - 128;
    // exp is the biased exponent minus one (as in roundPackToF32): 0 … 252 stays normal and finite after rounding. A
    // nonzero product below 2^30 (from subnormal operands) would need normalizing.
    if (((exp & nonzero) | (((expA1 - 1) | (expB1 - 1)) >> 31)) >>> 0 <= 252 && (sigZ - 1) >>> 0 >= 0x3fffffff) {
      // The inexact flag is read first so that, once it is raised, nothing is stored.
      if ((env.flags & 1) === 0 && (sigZ & 0x7f) !== 0) env.flags |= 1;
      // Round half to even: add just under half an ulp, plus the lsb.
      return (((a ^ b) & 0x80000000) | (((exp << 23) + ((sigZ + 0x3f + ((sigZ >>> 7) & 1)) >>> 7)) & nonzero)) >>> 0;
    }
  }
  // The slow result as a word too, so that the fast one is never boxed (heap-allocated) where the two paths meet.
  return mulF32(a, b) >>> 0;
}

/** Every case: specials, subnormals, all rounding modes. */
function mulF32(a: number, b: number): number {
  let expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  let expB = (b >>> 23) & 0xff;
  let sigB = b & 0x007fffff;
  const signZ = (a ^ b) >>> 31;
  if (expA === 0xff || expB === 0xff) {
    if ((expA === 0xff && sigA !== 0) || (expB === 0xff && sigB !== 0)) return propagateNaNF32(a, b);
    // Infinity times zero has no meaningful value.
    if ((expA | sigA) === 0 || (expB | sigB) === 0) {
      env.flags |= flag_invalid;
      return invalidNaNF32();
    }
    return packF32(signZ, 0xff, 0);
  }
  if (expA === 0) {
    if (sigA === 0) return packF32(signZ, 0, 0);
    expA = subnormalExpF32(sigA);
    sigA = subnormalSigF32(sigA);
  }
  if (expB === 0) {
    if (sigB === 0) return packF32(signZ, 0, 0);
    expB = subnormalExpF32(sigB);
    sigB = subnormalSigF32(sigB);
  }
  let expZ = expA + expB - 0x7f;
  // 24-bit significands placed at 2^30 and 2^31: the high word of their product holds the leading bit at 2^29 or
  // 2^30, and the low word only matters as a sticky bit.
  sigA = (sigA | 0x00800000) << 7;
  sigB = ((sigB | 0x00800000) << 8) >>> 0;
  let sigZ = umulHi(sigA, sigB) | (Math.imul(sigA, sigB) !== 0 ? 1 : 0);
  if (sigZ < 0x40000000) {
    expZ--;
    sigZ <<= 1;
  }
  return roundPackToF32(signZ, expZ, sigZ);
}

/**
 * Deliberately incomplete binary32 add and mul, for measuring how fast any correct one could be in V8: they round to
 * nearest-even only, assume normal operands and a normal result, and have no fallback. `node bench/ops.mjs --floor`
 * runs them on the 'normal' mix (where they give the right words) beside the library's f32_add and f32_mul and the
 * native baseline. A correct word must do at least this much work (and more: the other modes, zeros, subnormals,
 * infinities, NaNs, overflow, underflow), so their ratio to native is a floor for the library's.
 *
 *   …Bare:  the arithmetic alone (alignment with a sticky bit, normalization, round half to even); no flags.
 *   …Flag:  plus what every correct word also pays on this path: the rounding-mode check and the inexact flag.
 */
import { env } from '../../src/env/environment.js';

export function addBare(a: number, b: number): number {
  const ab = a ^ b;
  const t = ab & (((a & 0x7fffffff) - (b & 0x7fffffff)) >> 31);
  const x = a ^ t;
  const y = b ^ t;
  const sigX = ((x & 0x007fffff) | 0x00800000) << 6;
  const sigY = ((y & 0x007fffff) | 0x00800000) << 6;
  let dist = ((x >>> 23) & 0xff) - ((y >>> 23) & 0xff);
  dist |= (31 - dist) >> 31;
  const shifted = sigY >>> dist;
  const sticky = -((shifted << dist) ^ sigY) >>> 31;
  const sub = ab >> 31;
  let sigZ = (sigX + (((shifted | sticky) ^ sub) - sub)) | 0;
  const shift = Math.clz32(sigZ);
  sigZ <<= shift - 1;
  const sig = (sigZ + 0x4000003f + ((sigZ >>> 7) & 1)) >>> 7;
  return ((x & 0xff800000) - (shift << 23) + sig) >>> 0;
}

export function addFlag(a: number, b: number): number {
  if (env.roundingMode !== 0) return 0;
  const ab = a ^ b;
  const t = ab & (((a & 0x7fffffff) - (b & 0x7fffffff)) >> 31);
  const x = a ^ t;
  const y = b ^ t;
  const sigX = ((x & 0x007fffff) | 0x00800000) << 6;
  const sigY = ((y & 0x007fffff) | 0x00800000) << 6;
  let dist = ((x >>> 23) & 0xff) - ((y >>> 23) & 0xff);
  dist |= (31 - dist) >> 31;
  const shifted = sigY >>> dist;
  const sticky = -((shifted << dist) ^ sigY) >>> 31;
  const sub = ab >> 31;
  let sigZ = (sigX + (((shifted | sticky) ^ sub) - sub)) | 0;
  const shift = Math.clz32(sigZ);
  sigZ <<= shift - 1;
  if ((env.flags & 1) === 0 && (sigZ & 0x7f) !== 0) env.flags |= 1;
  const sig = (sigZ + 0x4000003f + ((sigZ >>> 7) & 1)) >>> 7;
  return ((x & 0xff800000) - (shift << 23) + sig) >>> 0;
}

export function mulBare(a: number, b: number): number {
  const sigA = ((a << 9) >>> 9) | 0x00800000;
  const sigB = ((b << 9) >>> 9) | 0x00800000;
  // The 48-bit product's top 32 bits from three 16-bit partial products (sigA's high half is below 2^8), the rest jammed.
  const lowA = sigA & 0xffff;
  const lowProd = Math.imul(lowA, sigB & 0xffff);
  const p =
    (Math.imul(sigA >>> 16, sigB) + Math.imul(lowA, sigB >>> 16) + (lowProd >>> 16)) | (-(lowProd & 0xffff) >>> 31);
  const norm = p >>> 31;
  const sigZ = (p >>> norm) | (p & norm);
  const exp = ((a >>> 23) & 0xff) + ((b >>> 23) & 0xff) + norm - 128;
  return (((a ^ b) & 0x80000000) | ((exp << 23) + ((sigZ + 0x3f + ((sigZ >>> 7) & 1)) >>> 7))) >>> 0;
}

export function mulFlag(a: number, b: number): number {
  if (env.roundingMode !== 0) return 0;
  const sigA = ((a << 9) >>> 9) | 0x00800000;
  const sigB = ((b << 9) >>> 9) | 0x00800000;
  const lowA = sigA & 0xffff;
  const lowProd = Math.imul(lowA, sigB & 0xffff);
  const p =
    (Math.imul(sigA >>> 16, sigB) + Math.imul(lowA, sigB >>> 16) + (lowProd >>> 16)) | (-(lowProd & 0xffff) >>> 31);
  const norm = p >>> 31;
  const sigZ = (p >>> norm) | (p & norm);
  const exp = ((a >>> 23) & 0xff) + ((b >>> 23) & 0xff) + norm - 128;
  if ((env.flags & 1) === 0 && (sigZ & 0x7f) !== 0) env.flags |= 1;
  return (((a ^ b) & 0x80000000) | ((exp << 23) + ((sigZ + 0x3f + ((sigZ >>> 7) & 1)) >>> 7))) >>> 0;
}

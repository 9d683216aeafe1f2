/**
 * The common case of binary32 addition, kept small enough for V8 to inline into callers' loops: round to nearest
 * even, both operands normal (the caller checks), and a normal result that cannot overflow. Anything else returns -1
 * and is left to addMagsF32/subMagsF32, which handle every case.
 */
import { env } from '../../env/environment.js';
import { clz32 } from '../../primitives/integer.js';
import { packF32 } from './roundPack.js';

export function addNearEvenF32(a: number, b: number): number {
  // Order by magnitude so that x >= y; the result takes x's sign, flipped if x came from -b in a subtraction.
  let x = a & 0x7fffffff;
  let y = b & 0x7fffffff;
  const subtract = (a ^ b) >>> 31;
  let signZ = a >>> 31;
  if (x < y) {
    const t = x;
    x = y;
    y = t;
    signZ ^= subtract;
  }
  const expX = x >>> 23;
  const expDiff = expX - (y >>> 23);
  // Significands with the implicit bit at 2^29: 6 guard bits, and y's shifted-out bits jammed into bit 0.
  const sigX = ((x & 0x007fffff) | 0x00800000) << 6;
  let sigY = ((y & 0x007fffff) | 0x00800000) << 6;
  if (expDiff !== 0) sigY = expDiff < 31 ? (sigY >>> expDiff) | ((sigY << (32 - expDiff)) !== 0 ? 1 : 0) : 1;
  let sigZ: number;
  let expZ: number;
  if (subtract === 0) {
    sigZ = sigX + sigY;
    expZ = expX;
    if (sigZ < 0x40000000) {
      sigZ <<= 1;
      expZ--;
    }
  } else {
    sigZ = sigX - sigY;
    // Exact cancellation is +0 in round-to-nearest.
    if (sigZ === 0) return 0;
    // A jammed bit only exists when expDiff >= 2, and then at most two places are lost, so it stays below the
    // rounding position.
    const shiftDist = clz32(sigZ) - 1;
    sigZ <<= shiftDist;
    expZ = expX - shiftDist;
  }
  // expZ counts as in roundPackToF32 (biased exponent minus one): 1 … 0xFB keeps the rounded result normal and finite.
  if (expZ - 1 >>> 0 >= 0xfc) return -1;
  const roundBits = sigZ & 0x7f;
  env.flags |= -roundBits >>> 31;
  return packF32(signZ, expZ, ((sigZ + 0x40) >>> 7) & ~(((roundBits ^ 0x40) - 1) >>> 31));
}

/** Exponent field 1 … 0xFE: a normal number (the fast path's precondition). */
export function isNormalF32(a: number): boolean {
  return (((a >>> 23) & 0xff) - 1) >>> 0 < 0xfe;
}

/** Sum of two bfloat16 values of the same sign: |a| + |b| with a's sign. */
import { shiftRightJam32 } from '../../primitives/integer.js';
import { propagateNaNBF16 } from '../specialize.js';
import { packBF16, roundPackToBF16 } from './roundPack.js';

export function addMagsBF16(a: number, b: number): number {
  const expA = (a >>> 7) & 0xff;
  let sigA = a & 0x7f;
  const expB = (b >>> 7) & 0xff;
  let sigB = b & 0x7f;
  const expDiff = expA - expB;
  const signZ = a >>> 15;
  let expZ: number;
  let sigZ: number;
  if (expDiff === 0) {
    // Two subnormals (or zeros) add exactly; a carry into the exponent field makes the right normal number.
    if (expA === 0) return a + sigB;
    if (expA === 0xff) return (sigA | sigB) !== 0 ? propagateNaNBF16(a, b) : a;
    expZ = expA;
    sigZ = 0x100 + sigA + sigB;
    // An even sum of two 8-bit significands fits the format one binade up without rounding.
    if ((sigZ & 1) === 0 && expZ < 0xfe) return packBF16(signZ, expZ, sigZ >>> 1);
    sigZ <<= 6;
  } else {
    // Implicit bit at 2^13: a carry out of the sum still fits below 2^15, and 6 bits below the lsb plus the jammed
    // bit 0 hold what the alignment shifted out.
    sigA <<= 6;
    sigB <<= 6;
    if (expDiff < 0) {
      if (expB === 0xff) return sigB !== 0 ? propagateNaNBF16(a, b) : packBF16(signZ, 0xff, 0);
      expZ = expB;
      // A subnormal's exponent field 0 stands for 1: doubling it aligns it with the normal scale.
      sigA += expA !== 0 ? 0x2000 : sigA;
      sigA = shiftRightJam32(sigA, -expDiff);
    } else {
      if (expA === 0xff) return sigA !== 0 ? propagateNaNBF16(a, b) : a;
      expZ = expA;
      sigB += expB !== 0 ? 0x2000 : sigB;
      sigB = shiftRightJam32(sigB, expDiff);
    }
    sigZ = 0x2000 + sigA + sigB;
    if (sigZ < 0x4000) {
      expZ--;
      sigZ <<= 1;
    }
  }
  return roundPackToBF16(signZ, expZ, sigZ);
}

/** Sum of two binary16 values of the same sign: |a| + |b| with a's sign. */
import { shiftRightJam32 } from '../../primitives/integer.js';
import { propagateNaNF16 } from '../specialize.js';
import { packF16, roundPackToF16 } from './roundPack.js';

export function addMagsF16(a: number, b: number): number {
  const expA = (a >>> 10) & 0x1f;
  let sigA = a & 0x03ff;
  const expB = (b >>> 10) & 0x1f;
  let sigB = b & 0x03ff;
  const expDiff = expA - expB;
  const signZ = (a >>> 15) & 1;
  let expZ: number;
  let sigZ: number;
  if (expDiff === 0) {
    // Two subnormals (or zeros) add exactly; a carry into the exponent field makes the right normal number.
    if (expA === 0) return (a + sigB) & 0xffff;
    if (expA === 0x1f) return (sigA | sigB) !== 0 ? propagateNaNF16(a, b) : a;
    expZ = expA;
    sigZ = 0x0800 + sigA + sigB;
    if ((sigZ & 1) === 0 && expZ < 0x1e) return packF16(signZ, expZ, sigZ >>> 1);
    sigZ <<= 3;
  } else {
    // Three guard bits below the fraction and the jammed sticky bit are enough to round the sum exactly.
    sigA <<= 3;
    sigB <<= 3;
    if (expDiff < 0) {
      if (expB === 0x1f) return sigB !== 0 ? propagateNaNF16(a, b) : packF16(signZ, 0x1f, 0);
      expZ = expB;
      sigA += expA !== 0 ? 0x2000 : sigA;
      sigA = shiftRightJam32(sigA, -expDiff);
    } else {
      if (expA === 0x1f) return sigA !== 0 ? propagateNaNF16(a, b) : a;
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
  return roundPackToF16(signZ, expZ, sigZ);
}

/** Sum of two binary32 values of the same sign: |a| + |b| with a's sign. */
import { packF32, roundPackToF32 } from './roundPack.js';
import { propagateNaNF32 } from '../specialize.js';
import { shiftRightJam32 } from '../../primitives/integer.js';

export function addMagsF32(a: number, b: number): number {
  const expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  const expB = (b >>> 23) & 0xff;
  let sigB = b & 0x007fffff;
  const expDiff = expA - expB;
  const signZ = a >>> 31;
  let expZ: number;
  let sigZ: number;
  if (expDiff === 0) {
    // Two subnormals (or zeros) add exactly; a carry into the exponent field makes the right normal number.
    if (expA === 0) return (a + sigB) >>> 0;
    if (expA === 0xff) return (sigA | sigB) !== 0 ? propagateNaNF32(a, b) : a;
    expZ = expA;
    sigZ = 0x01000000 + sigA + sigB;
    if ((sigZ & 1) === 0 && expZ < 0xfe) return packF32(signZ, expZ, sigZ >>> 1);
    sigZ <<= 6;
  } else {
    sigA <<= 6;
    sigB <<= 6;
    if (expDiff < 0) {
      if (expB === 0xff) return sigB !== 0 ? propagateNaNF32(a, b) : packF32(signZ, 0xff, 0);
      expZ = expB;
      sigA += expA !== 0 ? 0x20000000 : sigA;
      sigA = shiftRightJam32(sigA, -expDiff);
    } else {
      if (expA === 0xff) return sigA !== 0 ? propagateNaNF32(a, b) : a;
      expZ = expA;
      sigB += expB !== 0 ? 0x20000000 : sigB;
      sigB = shiftRightJam32(sigB, expDiff);
    }
    sigZ = 0x20000000 + sigA + sigB;
    if (sigZ < 0x40000000) {
      expZ--;
      sigZ <<= 1;
    }
  }
  return roundPackToF32(signZ, expZ, sigZ);
}

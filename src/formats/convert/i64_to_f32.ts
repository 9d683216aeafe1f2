/** int64 (hi, lo: the high and low words of its two's complement) to binary32, rounded in the current mode. */
import { clz32, shiftRightJam64, sub64, wide } from '../../primitives/integer.js';
import { normRoundPackToF32, roundPackToF32 } from '../f32/roundPack.js';

export function i64_to_f32(hi: number, lo: number): number {
  const sign = hi >>> 31;
  let absHi = hi >>> 0;
  let absLo = lo >>> 0;
  if (sign !== 0) {
    // -2^63 negates to itself, which read unsigned is its magnitude.
    absLo = sub64(0, 0, absHi, absLo);
    absHi = wide.hi;
  }
  if (absHi === 0) {
    if (absLo >= 0x80000000) return roundPackToF32(sign, 0x9d, (absLo >>> 1) | (absLo & 1));
    return normRoundPackToF32(sign, 0x9c, absLo);
  }
  // The 33 … 64 significant bits narrow to a 31-bit significand, the rest jammed into its lowest bit.
  const width = 64 - clz32(absHi);
  return roundPackToF32(sign, 0x7d + width, shiftRightJam64(absHi, absLo, width - 31));
}

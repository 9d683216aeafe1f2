/** uint64 (hi, lo: its high and low words) to binary32, rounded in the current mode. */
import { clz32, shiftRightJam64 } from '../../primitives/integer.js';
import { normRoundPackToF32, roundPackToF32 } from '../f32/roundPack.js';

export function ui64_to_f32(hi: number, lo: number): number {
  hi >>>= 0;
  lo >>>= 0;
  if (hi === 0) {
    if (lo >= 0x80000000) return roundPackToF32(0, 0x9d, (lo >>> 1) | (lo & 1));
    return normRoundPackToF32(0, 0x9c, lo);
  }
  // The 33 … 64 significant bits narrow to a 31-bit significand, the rest jammed into its lowest bit.
  const width = 64 - clz32(hi);
  return roundPackToF32(0, 0x7d + width, shiftRightJam64(hi, lo, width - 31));
}

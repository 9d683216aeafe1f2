/** uint64 (hi, lo: its high and low words) to binary16, rounded in the current mode. */
import { clz32, shiftRightJam32, shiftRightJam64 } from '../../primitives/integer.js';
import { normRoundPackToF16, roundPackToF16 } from '../f16/roundPack.js';

export function ui64_to_f16(hi: number, lo: number): number {
  hi >>>= 0;
  lo >>>= 0;
  if (hi === 0) {
    if (lo < 0x8000) return normRoundPackToF16(0, 0x1c, lo);
    const width = 32 - clz32(lo);
    return roundPackToF16(0, 0x0d + width, shiftRightJam32(lo, width - 15));
  }
  // The 33 … 64 significant bits narrow to a 15-bit significand, the rest jammed into its lowest bit.
  const width = 64 - clz32(hi);
  return roundPackToF16(0, 0x0d + width, shiftRightJam64(hi, lo, width - 15));
}

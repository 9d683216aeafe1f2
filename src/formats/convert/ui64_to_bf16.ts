/** uint64 (hi, lo: its high and low words) to bfloat16, rounded in the current mode. */
import { clz32, shiftRightJam32, shiftRightJam64 } from '../../primitives/integer.js';
import { normRoundPackToBF16, roundPackToBF16 } from '../bf16/roundPack.js';

export function ui64_to_bf16(hi: number, lo: number): number {
  hi >>>= 0;
  lo >>>= 0;
  if (hi === 0) {
    if (lo < 0x8000) return normRoundPackToBF16(0, 0x8c, lo);
    const width = 32 - clz32(lo);
    return roundPackToBF16(0, 0x7d + width, shiftRightJam32(lo, width - 15));
  }
  // The 33 … 64 significant bits narrow to a 15-bit significand, the rest jammed into its lowest bit.
  const width = 64 - clz32(hi);
  return roundPackToBF16(0, 0x7d + width, shiftRightJam64(hi, lo, width - 15));
}

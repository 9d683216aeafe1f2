/** uint32 to bfloat16, rounded in the current mode. */
import { clz32, shiftRightJam32 } from '../../primitives/integer.js';
import { normRoundPackToBF16, roundPackToBF16 } from '../bf16/roundPack.js';

export function ui32_to_bf16(a: number): number {
  a >>>= 0;
  if (a < 0x8000) return normRoundPackToBF16(0, 0x8c, a);
  // The 16 … 32 significant bits narrow to a 15-bit significand, the rest jammed into its lowest bit.
  const width = 32 - clz32(a);
  return roundPackToBF16(0, 0x7d + width, shiftRightJam32(a, width - 15));
}

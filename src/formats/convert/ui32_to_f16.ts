/** uint32 to binary16, rounded in the current mode. */
import { clz32, shiftRightJam32 } from '../../primitives/integer.js';
import { normRoundPackToF16, roundPackToF16 } from '../f16/roundPack.js';

export function ui32_to_f16(a: number): number {
  a >>>= 0;
  if (a < 0x8000) return normRoundPackToF16(0, 0x1c, a);
  // The 16 … 32 significant bits narrow to a 15-bit significand, the rest jammed into its lowest bit.
  const width = 32 - clz32(a);
  return roundPackToF16(0, 0x0d + width, shiftRightJam32(a, width - 15));
}

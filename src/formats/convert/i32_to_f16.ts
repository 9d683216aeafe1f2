/** int32 to binary16, rounded in the current mode. */
import { clz32, shiftRightJam32 } from '../../primitives/integer.js';
import { normRoundPackToF16, roundPackToF16 } from '../f16/roundPack.js';

export function i32_to_f16(a: number): number {
  const sign = a >>> 31;
  // -2^31 becomes 0x80000000, its magnitude read unsigned.
  const absA = sign !== 0 ? -a >>> 0 : a >>> 0;
  if (absA < 0x8000) return normRoundPackToF16(sign, 0x1c, absA);
  // The 16 … 32 significant bits narrow to a 15-bit significand, the rest jammed into its lowest bit.
  const width = 32 - clz32(absA);
  return roundPackToF16(sign, 0x0d + width, shiftRightJam32(absA, width - 15));
}

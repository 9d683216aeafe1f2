/** int64 (hi, lo: the high and low words of its two's complement) to bfloat16, rounded in the current mode. */
import { clz32, shiftRightJam32, shiftRightJam64, sub64, wide } from '../../primitives/integer.js';
import { normRoundPackToBF16, roundPackToBF16 } from '../bf16/roundPack.js';

export function i64_to_bf16(hi: number, lo: number): number {
  const sign = hi >>> 31;
  let absHi = hi >>> 0;
  let absLo = lo >>> 0;
  if (sign !== 0) {
    // -2^63 negates to itself, which read unsigned is its magnitude.
    absLo = sub64(0, 0, absHi, absLo);
    absHi = wide.hi;
  }
  if (absHi === 0) {
    if (absLo < 0x8000) return normRoundPackToBF16(sign, 0x8c, absLo);
    const width = 32 - clz32(absLo);
    return roundPackToBF16(sign, 0x7d + width, shiftRightJam32(absLo, width - 15));
  }
  // The 33 … 64 significant bits narrow to a 15-bit significand, the rest jammed into its lowest bit.
  const width = 64 - clz32(absHi);
  return roundPackToBF16(sign, 0x7d + width, shiftRightJam64(absHi, absLo, width - 15));
}

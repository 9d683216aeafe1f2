/** int64 (hi, lo: the high and low words of its two's complement) to binary16, rounded in the current mode. */
import { clz32, shiftRightJam32, shiftRightJam64, sub64, wide } from '../../primitives/integer.js';
import { normRoundPackToF16, roundPackToF16 } from '../f16/roundPack.js';

export function i64_to_f16(hi: number, lo: number): number {
  const sign = hi >>> 31;
  let absHi = hi >>> 0;
  let absLo = lo >>> 0;
  if (sign !== 0) {
    // -2^63 negates to itself, which read unsigned is its magnitude.
    absLo = sub64(0, 0, absHi, absLo);
    absHi = wide.hi;
  }
  if (absHi === 0) {
    if (absLo < 0x8000) return normRoundPackToF16(sign, 0x1c, absLo);
    const width = 32 - clz32(absLo);
    return roundPackToF16(sign, 0x0d + width, shiftRightJam32(absLo, width - 15));
  }
  // The 33 … 64 significant bits narrow to a 15-bit significand, the rest jammed into its lowest bit.
  const width = 64 - clz32(absHi);
  return roundPackToF16(sign, 0x0d + width, shiftRightJam64(absHi, absLo, width - 15));
}

/** binary16 to binary32, exact. */
import { nanF32FromPayload, nanPayloadF16 } from '../specialize.js';
import { subnormalExpF16, subnormalSigF16 } from '../f16/roundPack.js';
import { packF32 } from '../f32/roundPack.js';

export function f16_to_f32(a: number): number {
  const sign = (a >>> 15) & 1;
  let exp = (a >>> 10) & 0x1f;
  let frac = a & 0x03ff;
  if (exp === 0x1f) {
    if (frac !== 0) return nanF32FromPayload(sign, nanPayloadF16(a));
    return packF32(sign, 0xff, 0);
  }
  if (exp === 0) {
    if (frac === 0) return packF32(sign, 0, 0);
    // Every binary16 subnormal is a binary32 normal.
    exp = subnormalExpF16(frac);
    frac = subnormalSigF16(frac) & 0x03ff;
  }
  return packF32(sign, exp + 0x70, frac << 13);
}

/** binary32 to bfloat16, rounded in the current mode. */
import { nanBF16FromPayload, nanPayloadF32 } from '../specialize.js';
import { normRoundPackToBF16, packBF16, roundPackToBF16 } from '../bf16/roundPack.js';

export function f32_to_bf16(a: number): number {
  const sign = a >>> 31;
  const exp = (a >>> 23) & 0xff;
  const frac = a & 0x007fffff;
  if (exp === 0xff) {
    if (frac !== 0) return nanBF16FromPayload(sign, nanPayloadF32(a));
    return packBF16(sign, 0xff, 0);
  }
  // The 23 fraction bits become bfloat16's 7 plus 7 rounding bits, the other 9 jammed into the lowest.
  const sig = (frac >>> 9) | ((frac & 0x01ff) !== 0 ? 1 : 0);
  if (exp !== 0) return roundPackToBF16(sign, exp - 1, sig | 0x4000);
  // Both formats have the same exponent range, so a binary32 subnormal is (after rounding) a bfloat16 subnormal;
  // normalizing it first lets the rounding see it as tiny.
  if (sig === 0) return packBF16(sign, 0, 0);
  return normRoundPackToBF16(sign, 0, sig);
}

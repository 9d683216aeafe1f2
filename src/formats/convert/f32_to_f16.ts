/** binary32 to binary16, rounded in the current mode. */
import { nanF16FromPayload, nanPayloadF32 } from '../specialize.js';
import { packF16, roundPackToF16 } from '../f16/roundPack.js';

export function f32_to_f16(a: number): number {
  const sign = a >>> 31;
  const exp = (a >>> 23) & 0xff;
  const frac = a & 0x007fffff;
  if (exp === 0xff) {
    if (frac !== 0) return nanF16FromPayload(sign, nanPayloadF32(a));
    return packF16(sign, 0x1f, 0);
  }
  // The 23 fraction bits become binary16's 10 plus 4 rounding bits, the other 9 jammed into the lowest.
  const sig = (frac >>> 9) | ((frac & 0x01ff) !== 0 ? 1 : 0);
  if ((exp | sig) === 0) return packF16(sign, 0, 0);
  // A binary32 subnormal (exp 0) is given an implicit bit it does not have: it and the true value are both far
  // below half the least binary16 subnormal, so they round to the same result with the same flags.
  return roundPackToF16(sign, exp - 0x71, sig | 0x4000);
}

/**
 * bfloat16 to binary16, rounded in the current mode. Every bfloat16 significand fits binary16's, so only the
 * exponent range matters: large values overflow, small ones round to binary16 subnormals or zero.
 */
import { nanF16FromPayload, nanPayloadBF16 } from '../specialize.js';
import { packF16, roundPackToF16 } from '../f16/roundPack.js';

export function bf16_to_f16(a: number): number {
  const sign = (a >>> 15) & 1;
  const exp = (a >>> 7) & 0xff;
  const frac = a & 0x007f;
  if (exp === 0xff) {
    if (frac !== 0) return nanF16FromPayload(sign, nanPayloadBF16(a));
    return packF16(sign, 0x1f, 0);
  }
  if ((exp | frac) === 0) return packF16(sign, 0, 0);
  // A bfloat16 subnormal (exp 0) is given an implicit bit it does not have: it and the true value are both far
  // below half the least binary16 subnormal, so they round to the same result with the same flags.
  return roundPackToF16(sign, exp - 0x71, (frac | 0x80) << 7);
}

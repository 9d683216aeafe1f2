/**
 * binary16 to bfloat16, rounded in the current mode. bfloat16's exponent range covers binary16's, so only the
 * significand is rounded (11 bits to 8): the result may be inexact but never overflows or underflows.
 */
import { nanBF16FromPayload, nanPayloadF16 } from '../specialize.js';
import { packBF16, roundPackToBF16 } from '../bf16/roundPack.js';
import { subnormalExpF16, subnormalSigF16 } from '../f16/roundPack.js';

export function f16_to_bf16(a: number): number {
  const sign = (a >>> 15) & 1;
  let exp = (a >>> 10) & 0x1f;
  let sig = a & 0x03ff;
  if (exp === 0x1f) {
    if (sig !== 0) return nanBF16FromPayload(sign, nanPayloadF16(a));
    return packBF16(sign, 0xff, 0);
  }
  if (exp === 0) {
    if (sig === 0) return packBF16(sign, 0, 0);
    exp = subnormalExpF16(sig);
    sig = subnormalSigF16(sig);
  } else {
    sig |= 0x0400;
  }
  // The 11-bit significand moves up to 2^14: bfloat16's 8 bits and 3 of the 7 rounding bits.
  return roundPackToBF16(sign, exp + 0x6f, sig << 4);
}

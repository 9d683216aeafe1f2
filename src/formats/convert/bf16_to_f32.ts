/** bfloat16 to binary32, exact: the bfloat16 word is the top half of the binary32 word, except that NaNs are quieted. */
import { isNaNBF16, nanF32FromPayload, nanPayloadBF16 } from '../specialize.js';

export function bf16_to_f32(a: number): number {
  if (isNaNBF16(a)) return nanF32FromPayload((a >>> 15) & 1, nanPayloadBF16(a));
  return (a << 16) >>> 0;
}

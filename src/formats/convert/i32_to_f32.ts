/** int32 to binary32, rounded in the current mode. */
import { normRoundPackToF32, packF32 } from '../f32/roundPack.js';

export function i32_to_f32(a: number): number {
  const sign = a >>> 31;
  const absA = sign !== 0 ? -a >>> 0 : a >>> 0;
  // -2^31 is the one magnitude too wide for normRoundPackToF32, and it is exact.
  if (absA === 0x80000000) return packF32(1, 0x9e, 0);
  return normRoundPackToF32(sign, 0x9c, absA);
}

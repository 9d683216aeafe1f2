/** uint32 to binary32, rounded in the current mode. */
import { normRoundPackToF32, roundPackToF32 } from '../f32/roundPack.js';

export function ui32_to_f32(a: number): number {
  a >>>= 0;
  // roundPackToF32 takes 31-bit significands: a 32-bit one loses its lowest bit into the sticky bit.
  if (a >= 0x80000000) return roundPackToF32(0, 0x9d, (a >>> 1) | (a & 1));
  return normRoundPackToF32(0, 0x9c, a);
}

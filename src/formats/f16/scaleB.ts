/** binary16 scaleB(a, n) = a·2^n for any int32 n (IEEE 754-2019 5.3.3), rounded once in the current mode. */
import { propagateNaNF16 } from '../specialize.js';
import { roundPackToF16, subnormalExpF16, subnormalSigF16 } from './roundPack.js';

export function f16_scaleB(a: number, n: number): number {
  let exp = (a >>> 10) & 0x1f;
  let sig = a & 0x03ff;
  if (exp === 0x1f) return sig !== 0 ? propagateNaNF16(a, 0) : a;
  if (exp === 0) {
    if (sig === 0) return a;
    exp = subnormalExpF16(sig);
    sig = subnormalSigF16(sig);
  }
  // The nonzero finite values span less than 2^41, so beyond ±64 every n overflows or underflows alike; clamping
  // keeps the exponent arithmetic small.
  if (n > 64) n = 64;
  else if (n < -64) n = -64;
  return roundPackToF16((a >>> 15) & 1, exp - 1 + n, (sig | 0x0400) << 4);
}

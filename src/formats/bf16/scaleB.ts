/** bfloat16 scaleB(a, n) = a·2^n for any int32 n, rounded once in the current mode (IEEE 754-2019 5.3.3). */
import { propagateNaNBF16 } from '../specialize.js';
import { roundPackToBF16, subnormalExpBF16, subnormalSigBF16 } from './roundPack.js';

export function bf16_scaleB(a: number, n: number): number {
  const sign = a >>> 15;
  let exp = (a >>> 7) & 0xff;
  let sig = a & 0x7f;
  if (exp === 0xff) return sig !== 0 ? propagateNaNBF16(a, 0) : a;
  if (exp === 0) {
    if (sig === 0) return a;
    exp = subnormalExpBF16(sig);
    sig = subnormalSigBF16(sig);
  }
  // Normalized exponents lie in -6 … 254, so a shift beyond ±512 overflows or underflows as surely as any larger
  // one; clamping keeps the exponent arithmetic small.
  if (n > 0x200) n = 0x200;
  else if (n < -0x200) n = -0x200;
  return roundPackToBF16(sign, exp + n - 1, (sig | 0x80) << 7);
}

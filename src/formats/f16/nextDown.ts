/**
 * binary16 nextDown (IEEE 754-2019 5.3.1): the greatest value less than a, i.e. -nextUp(-a). nextDown(-inf) = -inf
 * and nextDown(±0) is the negative subnormal nearest zero. A NaN propagates (a signaling one quieted with invalid);
 * nothing else raises a flag.
 */
import { propagateNaNF16 } from '../specialize.js';

export function f16_nextDown(a: number): number {
  const mag = a & 0x7fff;
  if (mag > 0x7c00) return propagateNaNF16(a, 0);
  if (mag === 0) return 0x8001;
  // Adjacent values have adjacent encodings within one sign, so a step of the magnitude is a step of the value.
  if ((a & 0x8000) !== 0) return mag === 0x7c00 ? a : a + 1;
  return a - 1;
}

/**
 * binary32 totalOrder(a, b) (IEEE 754-2019 5.10): true when a orders at or below b in the total order
 * -NaN < -inf < … < -0 < +0 < … < +inf < +NaN, where NaNs of one sign order by payload, signaling ones nearer the
 * infinities. Raises no flags.
 */
import { orderKeyF32 } from './order.js';

export function f32_totalOrder(a: number, b: number): boolean {
  return orderKeyF32(a) <= orderKeyF32(b);
}

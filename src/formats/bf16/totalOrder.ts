/**
 * bfloat16 totalOrder(a, b) (IEEE 754-2019 5.10): true when a precedes or equals b in the order -NaN < -inf < … <
 * -0 < +0 < … < +inf < +NaN, NaNs by payload with signaling ones nearer the infinities. Quiet, no flags.
 */
import { orderKey16 } from '../order16.js';

export function bf16_totalOrder(a: number, b: number): boolean {
  return orderKey16(a) <= orderKey16(b);
}

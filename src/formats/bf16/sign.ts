/** bfloat16 sign operations (IEEE 754-2019 5.5.1): bit operations on the sign only, no flags, NaNs untouched. */

export function bf16_negate(a: number): number {
  return a ^ 0x8000;
}

export function bf16_abs(a: number): number {
  return a & 0x7fff;
}

/** a's magnitude with b's sign. */
export function bf16_copySign(a: number, b: number): number {
  return (a & 0x7fff) | (b & 0x8000);
}

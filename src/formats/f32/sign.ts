/** binary32 sign-bit operations (IEEE 754-2019 5.5.1): quiet, no flags, NaNs kept as they are apart from the sign. */

export function f32_negate(a: number): number {
  return (a ^ 0x80000000) >>> 0;
}

export function f32_abs(a: number): number {
  return (a & 0x7fffffff) >>> 0;
}

/** a's magnitude with b's sign. */
export function f32_copySign(a: number, b: number): number {
  return ((a & 0x7fffffff) | (b & 0x80000000)) >>> 0;
}

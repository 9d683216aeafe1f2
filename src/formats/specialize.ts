/**
 * NaN conventions, the one place that decides what a NaN result looks like (SoftFloat's "specialization").
 *
 * Default mode, as SoftFloat 3e built with SPECIALIZE_TYPE=8086-SSE (x86 SSE hardware):
 * - the default NaN has the sign bit set, the quiet bit set and a zero payload;
 * - an operation on NaNs returns its first NaN operand (a before b) with the quiet bit set, sign and payload kept,
 *   and raises invalid if any operand is a signaling NaN;
 * - converting a NaN between formats keeps the sign and the top payload bits (narrowing drops low bits, widening
 *   appends zeros) and sets the quiet bit.
 * Default-NaN mode (env.nanMode = nan_default, as RISC-V and ARM's default-NaN mode): every NaN result is the
 * canonical NaN of those machines (sign clear, quiet bit set, zero payload: 0x7FC00000, 0x7E00, 0x7FC0); invalid is
 * raised exactly as above.
 */
import { env, flag_invalid, nan_default } from '../env/environment.js';

/** SoftFloat's 8086-SSE default NaNs: what an invalid operation returns in the default NaN mode. */
export const defaultNaNF32 = 0xffc00000;
export const defaultNaNF16 = 0xfe00;
export const defaultNaNBF16 = 0xffc0;

/** The canonical NaNs of default-NaN mode. */
export const canonicalNaNF32 = 0x7fc00000;
export const canonicalNaNF16 = 0x7e00;
export const canonicalNaNBF16 = 0x7fc0;

/** The NaN an invalid operation (inf - inf, 0/0, sqrt(-1), …) returns in the current NaN mode. */
export function invalidNaNF32(): number {
  return env.nanMode === nan_default ? canonicalNaNF32 : defaultNaNF32;
}

export function invalidNaNF16(): number {
  return env.nanMode === nan_default ? canonicalNaNF16 : defaultNaNF16;
}

export function invalidNaNBF16(): number {
  return env.nanMode === nan_default ? canonicalNaNBF16 : defaultNaNBF16;
}

export function isNaNF32(a: number): boolean {
  return (a & 0x7f800000) === 0x7f800000 && (a & 0x007fffff) !== 0;
}

export function isSignalingNaNF32(a: number): boolean {
  return (a & 0x7fc00000) === 0x7f800000 && (a & 0x003fffff) !== 0;
}

export function isNaNF16(a: number): boolean {
  return (a & 0x7c00) === 0x7c00 && (a & 0x03ff) !== 0;
}

export function isSignalingNaNF16(a: number): boolean {
  return (a & 0x7e00) === 0x7c00 && (a & 0x01ff) !== 0;
}

export function isNaNBF16(a: number): boolean {
  return (a & 0x7f80) === 0x7f80 && (a & 0x007f) !== 0;
}

export function isSignalingNaNBF16(a: number): boolean {
  return (a & 0x7fc0) === 0x7f80 && (a & 0x003f) !== 0;
}

/** Result of an operation with a NaN among its operands a, b (pass b = 0 for one-operand operations). */
export function propagateNaNF32(a: number, b: number): number {
  if (isSignalingNaNF32(a) || isSignalingNaNF32(b)) env.flags |= flag_invalid;
  if (env.nanMode === nan_default) return canonicalNaNF32;
  return ((isNaNF32(a) ? a : b) | 0x00400000) >>> 0;
}

export function propagateNaNF16(a: number, b: number): number {
  if (isSignalingNaNF16(a) || isSignalingNaNF16(b)) env.flags |= flag_invalid;
  if (env.nanMode === nan_default) return canonicalNaNF16;
  return (isNaNF16(a) ? a : b) | 0x0200;
}

export function propagateNaNBF16(a: number, b: number): number {
  if (isSignalingNaNBF16(a) || isSignalingNaNBF16(b)) env.flags |= flag_invalid;
  if (env.nanMode === nan_default) return canonicalNaNBF16;
  return (isNaNBF16(a) ? a : b) | 0x0040;
}

/**
 * A NaN converted between formats. The payload travels as the fraction below the quiet bit, left-aligned in a
 * 32-bit word (`payloadF32` etc. extract it, `nanF32FromPayload` etc. rebuild a quiet NaN), so narrowing keeps the
 * top payload bits and widening appends zeros.
 */
export function nanPayloadF32(a: number): number {
  if (isSignalingNaNF32(a)) env.flags |= flag_invalid;
  return (a << 10) >>> 0;
}

export function nanPayloadF16(a: number): number {
  if (isSignalingNaNF16(a)) env.flags |= flag_invalid;
  return (a << 23) >>> 0;
}

export function nanPayloadBF16(a: number): number {
  if (isSignalingNaNBF16(a)) env.flags |= flag_invalid;
  return (a << 26) >>> 0;
}

export function nanF32FromPayload(sign: number, payload: number): number {
  if (env.nanMode === nan_default) return canonicalNaNF32;
  return ((sign << 31) | 0x7fc00000 | (payload >>> 10)) >>> 0;
}

export function nanF16FromPayload(sign: number, payload: number): number {
  if (env.nanMode === nan_default) return canonicalNaNF16;
  return (sign << 15) | 0x7e00 | (payload >>> 23);
}

export function nanBF16FromPayload(sign: number, payload: number): number {
  if (env.nanMode === nan_default) return canonicalNaNBF16;
  return (sign << 15) | 0x7fc0 | (payload >>> 26);
}

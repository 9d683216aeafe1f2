/** binary16 classification predicates (IEEE 754-2019 5.7.2). They read the encoding only and raise no flags. */
import { isNaNF16, isSignalingNaNF16 } from '../specialize.js';

export function f16_isZero(a: number): boolean {
  return (a & 0x7fff) === 0;
}

export function f16_isSubnormal(a: number): boolean {
  return (a & 0x7c00) === 0 && (a & 0x03ff) !== 0;
}

export function f16_isNormal(a: number): boolean {
  const exp = a & 0x7c00;
  return exp !== 0 && exp !== 0x7c00;
}

export function f16_isInfinite(a: number): boolean {
  return (a & 0x7fff) === 0x7c00;
}

export function f16_isNaN(a: number): boolean {
  return isNaNF16(a);
}

export function f16_isSignalingNaN(a: number): boolean {
  return isSignalingNaNF16(a);
}

export function f16_isFinite(a: number): boolean {
  return (a & 0x7c00) !== 0x7c00;
}

/** The sign bit, NaNs and zeros included. */
export function f16_isSignMinus(a: number): boolean {
  return (a & 0x8000) !== 0;
}

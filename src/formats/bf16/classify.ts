/** bfloat16 classification predicates (IEEE 754-2019 5.7.2). They read bits only and never raise flags. */
import { isNaNBF16, isSignalingNaNBF16 } from '../specialize.js';

export function bf16_isZero(a: number): boolean {
  return (a & 0x7fff) === 0;
}

export function bf16_isSubnormal(a: number): boolean {
  return (a & 0x7f80) === 0 && (a & 0x007f) !== 0;
}

export function bf16_isNormal(a: number): boolean {
  const exp = (a >>> 7) & 0xff;
  return exp !== 0 && exp !== 0xff;
}

export function bf16_isInfinite(a: number): boolean {
  return (a & 0x7fff) === 0x7f80;
}

export function bf16_isNaN(a: number): boolean {
  return isNaNBF16(a);
}

export function bf16_isSignalingNaN(a: number): boolean {
  return isSignalingNaNBF16(a);
}

export function bf16_isFinite(a: number): boolean {
  return (a & 0x7f80) !== 0x7f80;
}

export function bf16_isSignMinus(a: number): boolean {
  return (a & 0x8000) !== 0;
}

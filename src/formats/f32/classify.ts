/** binary32 classification predicates (IEEE 754-2019 5.7.2). None raises a flag, not even for a signaling NaN. */
import { isNaNF32, isSignalingNaNF32 } from '../specialize.js';

export function f32_isZero(a: number): boolean {
  return (a & 0x7fffffff) === 0;
}

export function f32_isSubnormal(a: number): boolean {
  return (a & 0x7f800000) === 0 && (a & 0x007fffff) !== 0;
}

export function f32_isNormal(a: number): boolean {
  const exp = (a >>> 23) & 0xff;
  return exp !== 0 && exp !== 0xff;
}

export function f32_isInfinite(a: number): boolean {
  return (a & 0x7fffffff) === 0x7f800000;
}

export function f32_isNaN(a: number): boolean {
  return isNaNF32(a);
}

export function f32_isSignalingNaN(a: number): boolean {
  return isSignalingNaNF32(a);
}

export function f32_isFinite(a: number): boolean {
  return (a & 0x7f800000) !== 0x7f800000;
}

export function f32_isSignMinus(a: number): boolean {
  return (a & 0x80000000) !== 0;
}

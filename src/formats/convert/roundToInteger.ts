/**
 * The rounding step shared by every conversion from a floating-point format to an integer format (SoftFloat's
 * softfloat_roundToI32 / roundToUI32 / roundToI64 / roundToUI64), and the results an invalid conversion gives.
 *
 * Callers split the operand's magnitude into an integer part `whole` (one word, or two for the 64-bit results) and a
 * fraction `frac`: a 32-bit word with the binary point above its top bit, anything below it already jammed into its
 * lowest bit. That is enough to round exactly in every mode: frac = 0x80000000 is exactly one half, any other
 * nonzero frac says on which side of one half the discarded part lies. Callers handle magnitudes of 2^32 (2^64) or
 * more themselves, as those are invalid for every result format.
 */
import {
  env,
  flag_inexact,
  flag_invalid,
  round_max,
  round_min,
  round_near_even,
  round_near_maxMag,
  round_odd,
} from '../../env/environment.js';
import { wide } from '../../primitives/integer.js';

/**
 * What SoftFloat's 8086-SSE specialization returns from an invalid conversion (a NaN, a result out of range): the
 * x86 "integer indefinite" value, the most negative integer, for the signed formats; all ones for the unsigned ones.
 * It is the same for NaNs and for both overflow directions.
 */
export const i32Invalid = -0x80000000;
export const i64InvalidHi = 0x80000000;
export const i64InvalidLo = 0;
export const ui32Invalid = 0xffffffff;
export const ui64InvalidHi = 0xffffffff;
export const ui64InvalidLo = 0xffffffff;

export function invalidI32(): number {
  env.flags |= flag_invalid;
  return i32Invalid;
}

export function invalidUI32(): number {
  env.flags |= flag_invalid;
  return ui32Invalid;
}

/** Raises invalid; returns the low word of the invalid int64 and leaves its high word in `wide.hi`. */
export function invalidI64(): number {
  env.flags |= flag_invalid;
  wide.hi = i64InvalidHi;
  return i64InvalidLo;
}

/** Raises invalid; returns the low word of the invalid uint64 and leaves its high word in `wide.hi`. */
export function invalidUI64(): number {
  env.flags |= flag_invalid;
  wide.hi = ui64InvalidHi;
  return ui64InvalidLo;
}

/**
 * Whether rounding moves the magnitude up by one, given the discarded fraction (nonzero) and the parity of the
 * integer part. Round-to-odd never increments: it ORs the lsb in instead, which picks the odd neighbour on either
 * side of zero (for a negative value that is the magnitude's odd neighbour too).
 */
function roundsUp(sign: number, odd: number, frac: number, roundingMode: number): boolean {
  if (roundingMode === round_near_even) return frac > 0x80000000 || (frac === 0x80000000 && odd !== 0);
  if (roundingMode === round_near_maxMag) return frac >= 0x80000000;
  if (roundingMode === round_min) return sign !== 0;
  if (roundingMode === round_max) return sign === 0;
  return false;
}

/**
 * Rounds sign·(whole + frac·2^-32) to an int32 (returned as a JS int32). Out of range raises invalid and gives the
 * most negative int32; a value that rounds to a different integer raises inexact only when `exact` is true.
 */
export function roundToI32(sign: number, whole: number, frac: number, roundingMode: number, exact: boolean): number {
  let z = whole >>> 0;
  if (frac !== 0) {
    if (roundingMode === round_odd) z = (z | 1) >>> 0;
    else if (roundsUp(sign, z & 1, frac, roundingMode)) z += 1;
  }
  // z may be 2^32 here (0xFFFFFFFF rounded up), which both limits below reject.
  if (sign !== 0 ? z > 0x80000000 : z > 0x7fffffff) return invalidI32();
  if (frac !== 0 && exact) env.flags |= flag_inexact;
  return sign !== 0 ? -z | 0 : z | 0;
}

/**
 * Rounds sign·(whole + frac·2^-32) to a uint32. Out of range raises invalid and gives all ones; that includes every
 * negative value that does not round to zero (so in round_min and round_odd every negative nonzero value), while
 * negative values that round to zero give 0, inexact only when `exact` is true.
 */
export function roundToUI32(sign: number, whole: number, frac: number, roundingMode: number, exact: boolean): number {
  let z = whole >>> 0;
  if (frac !== 0) {
    if (roundingMode === round_odd) z = (z | 1) >>> 0;
    else if (roundsUp(sign, z & 1, frac, roundingMode)) z += 1;
  }
  if (z > 0xffffffff || (sign !== 0 && z !== 0)) return invalidUI32();
  if (frac !== 0 && exact) env.flags |= flag_inexact;
  return z;
}

/**
 * Rounds sign·(wholeHi·2^32 + wholeLo + frac·2^-32) to an int64. Returns the low word (uint32) and leaves the high
 * word in `wide.hi`; out of range raises invalid and gives 0x80000000:00000000.
 */
export function roundToI64(
  sign: number,
  wholeHi: number,
  wholeLo: number,
  frac: number,
  roundingMode: number,
  exact: boolean,
): number {
  let hi = wholeHi >>> 0;
  let lo = wholeLo >>> 0;
  if (frac !== 0) {
    if (roundingMode === round_odd) {
      lo = (lo | 1) >>> 0;
    } else if (roundsUp(sign, lo & 1, frac, roundingMode)) {
      lo = (lo + 1) >>> 0;
      // A carry out of the high word (2^64) leaves hi = 2^32, beyond both limits below.
      if (lo === 0) hi += 1;
    }
  }
  if (sign !== 0 ? hi > 0x80000000 || (hi === 0x80000000 && lo !== 0) : hi > 0x7fffffff) return invalidI64();
  if (frac !== 0 && exact) env.flags |= flag_inexact;
  if (sign !== 0) {
    wide.hi = (~hi + (lo === 0 ? 1 : 0)) >>> 0;
    return -lo >>> 0;
  }
  wide.hi = hi;
  return lo;
}

/**
 * Rounds sign·(wholeHi·2^32 + wholeLo + frac·2^-32) to a uint64 (low word returned, high word in `wide.hi`), with
 * the same treatment of negative values as {@link roundToUI32}.
 */
export function roundToUI64(
  sign: number,
  wholeHi: number,
  wholeLo: number,
  frac: number,
  roundingMode: number,
  exact: boolean,
): number {
  let hi = wholeHi >>> 0;
  let lo = wholeLo >>> 0;
  if (frac !== 0) {
    if (roundingMode === round_odd) {
      lo = (lo | 1) >>> 0;
    } else if (roundsUp(sign, lo & 1, frac, roundingMode)) {
      lo = (lo + 1) >>> 0;
      if (lo === 0) hi += 1;
    }
  }
  if (hi > 0xffffffff || (sign !== 0 && (hi | lo) !== 0)) return invalidUI64();
  if (frac !== 0 && exact) env.flags |= flag_inexact;
  wide.hi = hi;
  return lo;
}

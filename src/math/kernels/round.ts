/**
 * Rounding an approximation to a format, correctly or not at all (Ziv's test).
 *
 * The kernels leave |result| ≈ sig·2^(e-63) in `fx` with |sig − exact| < err (float.ts). For a format of precision p,
 * every value at which some rounding mode changes its decision (the representable numbers and the midpoints between
 * them, also at the overflow threshold and, more sparsely, among the subnormals) is a multiple of 2^(63-p) in sig's
 * units. If the low 63-p bits of sig are farther than err from both neighbouring multiples, the exact value lies
 * strictly between the same two of them as sig does, and it is not itself one of them; then sig truncated to p + 1
 * bits with a sticky bit set rounds exactly as the exact value would, in every mode, with the right flags (a
 * transcendental result of a nonzero argument is never exactly a boundary, and the callers treat the exact cases
 * before reaching here). The format's roundPack does the rest: overflow, subnormals, underflow and inexact.
 *
 * Otherwise the finisher returns -1 and records the boundary it could not decide against (`hard`); the caller then
 * compares its exact result with that boundary by a slower, more precise method (slow.ts) and packs the answer with
 * the packBoundary functions.
 */
import { roundPackToBF16 } from '../../formats/bf16/roundPack.js';
import { roundPackToF16 } from '../../formats/f16/roundPack.js';
import { roundPackToF32 } from '../../formats/f32/roundPack.js';
import { R } from './fixed.js';
import { FX, fx } from './float.js';

/**
 * The boundary of the last undecided rounding: sign, and B·2^(e-p) with B a (p+1)-bit integer (2^p <= B < 2^(p+1)),
 * i.e. B counts half-units in the last place of the format's significand at exponent e.
 */
export const hard = { sign: 0, e: 0, b: 0 };

/**
 * Counts of undecided roundings, for tests and the sweep (a test can check that a path was or was not taken).
 * `force` sends every rounding through the slow path, to test it.
 */
export const zivStats = { hard: 0, force: false };

/** Record the boundary nearest to the float register for precision p, and count the event. */
function recordHard(sign: number, p: number): void {
  const hi = R[FX]!;
  let b = (hi >>> (31 - p)) + ((hi >>> (30 - p)) & 1);
  let e = fx.e;
  if (b >>> (p + 1) !== 0) {
    b >>>= 1;
    e++;
  }
  hard.sign = sign;
  hard.e = e;
  hard.b = b;
  zivStats.hard++;
}

/**
 * binary32 of ± the float register, or -1 if undecided, with nothing recorded: for the binary32 fast paths, whose
 * undecided results go on to the full-precision kernel (which then records and counts its own).
 */
export function tryFinishF32(sign: number): number {
  const hi = R[FX]!;
  const lo = R[FX + 1]!;
  const err = fx.err;
  // Within err of a multiple of 2^(63-p)? (The low 63-p bits are (hi & mask : lo).)
  const lowHi = hi & 0x7f;
  if (
    err >= 0x40000000 ||
    zivStats.force ||
    (lowHi === 0 && lo <= err) ||
    (lowHi === 0x7f && (~lo >>> 0) < err)
  ) {
    return -1;
  }
  return roundPackToF32(sign, fx.e + 126, (hi >>> 1) | 1);
}

/** binary32 of ± the float register, or -1 if undecided (the boundary recorded in `hard` for the slow path). */
export function finishF32(sign: number): number {
  const z = tryFinishF32(sign);
  if (z < 0) recordHard(sign, 24);
  return z;
}

export function finishF16(sign: number): number {
  const hi = R[FX]!;
  const lo = R[FX + 1]!;
  const err = fx.err;
  // Within err of a multiple of 2^(63-p)? (The low 63-p bits are (hi & mask : lo).)
  const lowHi = hi & 0xfffff;
  if (
    err >= 0x40000000 ||
    zivStats.force ||
    (lowHi === 0 && lo <= err) ||
    (lowHi === 0xfffff && (~lo >>> 0) < err)
  ) {
    recordHard(sign, 11);
    return -1;
  }
  return roundPackToF16(sign, fx.e + 14, (hi >>> 17) | 1);
}

export function finishBF16(sign: number): number {
  const hi = R[FX]!;
  const lo = R[FX + 1]!;
  const err = fx.err;
  // Within err of a multiple of 2^(63-p)? (The low 63-p bits are (hi & mask : lo).)
  const lowHi = hi & 0x7fffff;
  if (
    err >= 0x40000000 ||
    zivStats.force ||
    (lowHi === 0 && lo <= err) ||
    (lowHi === 0x7fffff && (~lo >>> 0) < err)
  ) {
    recordHard(sign, 8);
    return -1;
  }
  return roundPackToBF16(sign, fx.e + 126, (hi >>> 17) | 1);
}

/**
 * Pack the result once the slow path has compared the exact |result| with the recorded boundary: cmp > 0 above it,
 * cmp < 0 below it, 0 equal (exact). Just above or below is encoded as the boundary plus or minus a sticky unit, which
 * rounds like any value strictly between the boundary and its neighbours. Just below a power of two the significand
 * would lose its leading bit, so it is written as 2·(2^30 − 1) one exponent lower, normalized, which keeps roundPack's
 * tininess test right when the boundary is the least normal number.
 */
export function packBoundaryF32(cmp: number): number {
  if (cmp < 0 && hard.b === 0x1000000) return roundPackToF32(hard.sign, hard.e + 125, 0x7ffffffe);
  return roundPackToF32(hard.sign, hard.e + 126, ((hard.b << 6) + (cmp > 0 ? 1 : cmp < 0 ? -1 : 0)) >>> 0);
}

export function packBoundaryF16(cmp: number): number {
  if (cmp < 0 && hard.b === 0x800) return roundPackToF16(hard.sign, hard.e + 13, 0x7ffe);
  return roundPackToF16(hard.sign, hard.e + 14, (hard.b << 3) + (cmp > 0 ? 1 : cmp < 0 ? -1 : 0));
}

export function packBoundaryBF16(cmp: number): number {
  if (cmp < 0 && hard.b === 0x100) return roundPackToBF16(hard.sign, hard.e + 125, 0x7ffe);
  return roundPackToBF16(hard.sign, hard.e + 126, (hard.b << 6) + (cmp > 0 ? 1 : cmp < 0 ? -1 : 0));
}

/**
 * Helpers for the conversion tests: reading the integer results of F_to_i32 … F_to_ui64 (an int32, a uint32, or a
 * low word with the high word in `wide.hi`) as BigInts, and the reference for conversions to integers in the
 * representation the library uses.
 */
import { wide } from '../../src/primitives/integer.js';
import type { IntKind } from '../reference/exact.js';

/** Marker for a result that is not a well-formed value of its integer kind (wrong range or type). */
export const MALFORMED = -(1n << 100n);

/**
 * The value an integer conversion returned, as a BigInt; MALFORMED if the word(s) are not in the documented
 * ranges: i32 in −2^31 … 2^31−1, ui32 in 0 … 2^32−1, and for the 64-bit kinds a low word and `wide.hi` in
 * 0 … 2^32−1 (two's complement for i64).
 */
export function readInt(kind: IntKind, ret: number): bigint {
  const isU32 = (x: number) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff;
  switch (kind) {
    case 'i32':
      return Number.isInteger(ret) && ret >= -0x80000000 && ret <= 0x7fffffff ? BigInt(ret) : MALFORMED;
    case 'ui32':
      return isU32(ret) ? BigInt(ret) : MALFORMED;
    case 'i64':
    case 'ui64': {
      const hi = wide.hi;
      if (!isU32(ret) || !isU32(hi)) return MALFORMED;
      const u = (BigInt(hi) << 32n) | BigInt(ret);
      return kind === 'i64' ? BigInt.asIntN(64, u) : u;
    }
  }
}

export function showInt(v: bigint): string {
  return v === MALFORMED ? 'malformed (out of the documented range, or wide.hi not a uint32)' : v.toString();
}

/** The two words i64_to_F / ui64_to_F take for a 64-bit integer: [hi, lo], both uint32. */
export function split64(n: bigint): [number, number] {
  const u = BigInt.asUintN(64, n);
  return [Number(u >> 32n), Number(u & 0xffffffffn)];
}

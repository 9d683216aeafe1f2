/**
 * Multiword unsigned integers for the text conversions: a number is an array of 32-bit limbs, least significant
 * first, plus a length (the count of limbs in use, with no zero limb on top; 0 is the empty number). Every word takes
 * the array and its length and returns the new length, so a C port passes `uint32_t *a, int n` and a Forth port an
 * address and a count.
 *
 * The arrays are allocated once, at module load, with {@link LIMBS} limbs: enough for the largest number any text
 * conversion of binary32, binary16 or bfloat16 builds (spec/text.md derives the bound). Nothing here allocates.
 */
import { approxRecip32, clz32, sub64, umDivMod, umul, umulHi, wide } from '../primitives/integer.js';

/** Limbs per working array: 16 × 32 = 512 bits, above the 450 bits the parser's long division can reach. */
export const LIMBS = 16;

/** A fresh working array (module load only). */
export function newLimbs(): Uint32Array {
  return new Uint32Array(LIMBS);
}

/** 5^0 … 5^13 (5^13 is the largest power of five below 2^31). */
export const POW5 = [
  1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125, 9765625, 48828125, 244140625, 1220703125,
];

/** 10^0 … 10^9. */
export const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000];

/** a ← v (v a cell). */
export function setSmall(a: Uint32Array, v: number): number {
  a[0] = v;
  return v !== 0 ? 1 : 0;
}

/** dst ← src. */
export function copy(dst: Uint32Array, src: Uint32Array, n: number): number {
  for (let i = 0; i < n; i++) dst[i] = src[i]!;
  return n;
}

/** a ← a·f + addend, for cells f and addend. */
export function mulSmallAdd(a: Uint32Array, n: number, f: number, addend: number): number {
  let carry = addend >>> 0;
  for (let i = 0; i < n; i++) {
    const lo = umul(a[i]!, f);
    const sum = (lo + carry) >>> 0;
    carry = (wide.hi + (sum < lo ? 1 : 0)) >>> 0;
    a[i] = sum;
  }
  if (carry !== 0) {
    a[n] = carry;
    return n + 1;
  }
  // Only a zero factor can leave a zero on top.
  while (n > 0 && a[n - 1] === 0) n--;
  return n;
}

/** dst ← src·f (dst and src distinct; f a cell). */
export function mulSmallInto(dst: Uint32Array, src: Uint32Array, n: number, f: number): number {
  let carry = 0;
  for (let i = 0; i < n; i++) {
    const lo = umul(src[i]!, f);
    const sum = (lo + carry) >>> 0;
    carry = (wide.hi + (sum < lo ? 1 : 0)) >>> 0;
    dst[i] = sum;
  }
  if (carry !== 0) dst[n++] = carry;
  return f !== 0 ? n : 0;
}

/** a ← a·10^k, k >= 0. */
export function mulPow10(a: Uint32Array, n: number, k: number): number {
  while (k >= 9) {
    n = mulSmallAdd(a, n, 1000000000, 0);
    k -= 9;
  }
  return k !== 0 ? mulSmallAdd(a, n, POW10[k]!, 0) : n;
}

/** a ← a·5^k, k >= 0. */
export function mulPow5(a: Uint32Array, n: number, k: number): number {
  while (k >= 13) {
    n = mulSmallAdd(a, n, 1220703125, 0);
    k -= 13;
  }
  return k !== 0 ? mulSmallAdd(a, n, POW5[k]!, 0) : n;
}

/**
 * a ← ⌊a / d⌋ for a nonzero cell d; returns the new length and leaves the remainder in `wide.rem` (the same
 * register umDivMod uses, so read it before the next division).
 */
export function divSmall(a: Uint32Array, n: number, d: number): number {
  let rem = 0;
  for (let i = n - 1; i >= 0; i--) {
    a[i] = umDivMod(rem, a[i]!, d);
    rem = wide.rem;
  }
  while (n > 0 && a[n - 1] === 0) n--;
  wide.rem = rem;
  return n;
}

/* 10^9 shifted to the top of a cell (2 places), and its reciprocal, computed once for divBillion. */
const BILLION_SHIFTED = 0xee6b2800;
const BILLION_RECIP = approxRecip32(BILLION_SHIFTED);

/**
 * a ← ⌊a / 10^9⌋, remainder in `wide.rem`: {@link divSmall} by 10^9 with umDivMod's method inlined, so that the
 * divisor's reciprocal is computed once instead of for every limb (the decimal expansion divides about 80 limbs).
 */
export function divBillion(a: Uint32Array, n: number): number {
  let rem = 0;
  for (let i = n - 1; i >= 0; i--) {
    const limb = a[i]!;
    // (rem:limb)·4 with rem < 10^9 < 2^30: the high cell stays below the shifted divisor.
    const hi = ((rem << 2) | (limb >>> 30)) >>> 0;
    const lo = (limb << 2) >>> 0;
    let q = (umulHi(hi, BILLION_RECIP) << 1) >>> 0;
    q = q >= 2 ? q - 2 : 0;
    let remLo = sub64(hi, lo, umulHi(q, BILLION_SHIFTED), Math.imul(q, BILLION_SHIFTED) >>> 0);
    let remHi = wide.hi;
    while (remHi !== 0 || remLo >= BILLION_SHIFTED) {
      remLo = sub64(remHi, remLo, 0, BILLION_SHIFTED);
      remHi = wide.hi;
      q = (q + 1) >>> 0;
    }
    a[i] = q;
    rem = remLo >>> 2;
  }
  while (n > 0 && a[n - 1] === 0) n--;
  wide.rem = rem;
  return n;
}

/** Number of significant bits (0 for the empty number). */
export function bitLength(a: Uint32Array, n: number): number {
  return n === 0 ? 0 : ((n - 1) << 5) + 32 - clz32(a[n - 1]!);
}

/** dst ← src·2^bits (dst and src distinct, bits >= 0). */
export function shiftLeftInto(dst: Uint32Array, src: Uint32Array, n: number, bits: number): number {
  if (n === 0) return 0;
  const limbShift = bits >>> 5;
  const bitShift = bits & 31;
  for (let i = 0; i < limbShift; i++) dst[i] = 0;
  if (bitShift === 0) {
    for (let i = 0; i < n; i++) dst[i + limbShift] = src[i]!;
    return n + limbShift;
  }
  let carry = 0;
  for (let i = 0; i < n; i++) {
    const limb = src[i]!;
    dst[i + limbShift] = (limb << bitShift) | carry;
    carry = limb >>> (32 - bitShift);
  }
  if (carry !== 0) {
    dst[n + limbShift] = carry;
    return n + limbShift + 1;
  }
  return n + limbShift;
}

/** Sign of a − b: −1, 0 or 1. */
export function compare(a: Uint32Array, na: number, b: Uint32Array, nb: number): number {
  if (na !== nb) return na < nb ? -1 : 1;
  for (let i = na - 1; i >= 0; i--) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** a ← a − b, requires a >= b. */
export function sub(a: Uint32Array, na: number, b: Uint32Array, nb: number): number {
  let borrow = 0;
  for (let i = 0; i < na; i++) {
    const x = a[i]!;
    const y = i < nb ? b[i]! : 0;
    const d = x - y - borrow;
    borrow = d < 0 ? 1 : 0;
    a[i] = d;
  }
  while (na > 0 && a[na - 1] === 0) na--;
  return na;
}

/** dst ← a + b (dst may be a). */
export function addInto(dst: Uint32Array, a: Uint32Array, na: number, b: Uint32Array, nb: number): number {
  const n = na > nb ? na : nb;
  let carry = 0;
  for (let i = 0; i < n; i++) {
    const s = (i < na ? a[i]! : 0) + (i < nb ? b[i]! : 0) + carry;
    carry = s >= 0x100000000 ? 1 : 0;
    dst[i] = s;
  }
  if (carry !== 0) {
    dst[n] = 1;
    return n + 1;
  }
  return n;
}

/** Whether any of the lowest `bits` bits of a is set. */
export function lowBitsNonzero(a: Uint32Array, n: number, bits: number): boolean {
  const whole = bits >>> 5;
  for (let i = 0; i < whole && i < n; i++) if (a[i] !== 0) return true;
  const part = bits & 31;
  return part !== 0 && whole < n && (a[whole]! << (32 - part)) !== 0;
}

/**
 * The 31 bits below and including the leading one of a nonzero number with `bl` = bitLength bits, as a cell in
 * [2^30, 2^31), with bit 0 OR-ed with every lower bit ("jammed"); for bl < 31 the number is shifted up instead.
 */
export function top31Jam(a: Uint32Array, n: number, bl: number): number {
  if (bl <= 31) return (a[0]! << (31 - bl)) >>> 0;
  const shift = bl - 31;
  const li = shift >>> 5;
  const bo = shift & 31;
  let top = a[li]! >>> bo;
  if (bo !== 0 && li + 1 < n) top |= a[li + 1]! << (32 - bo);
  return (top | (lowBitsNonzero(a, n, shift) ? 1 : 0)) >>> 0;
}

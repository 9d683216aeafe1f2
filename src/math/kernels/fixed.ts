/**
 * The register file of the elementary-function kernels and the 64-bit fixed-point products on it.
 *
 * Kernels keep their 32-bit words in one Uint32Array, `R`, and pass register numbers (small integers) between
 * functions instead of the words themselves: a word of 2^30 or more that crosses a call boundary as a JS value must
 * be boxed (allocated) by V8, while loads and stores of a typed array stay raw machine words. A 64-bit value occupies
 * two consecutive registers, high word first. Stores wrap modulo 2^32, as a C uint32_t would.
 *
 * The arithmetic is written so that V8 keeps it in 32-bit machine words: sums wrap with `| 0` and carries are found
 * by unsigned comparison, instead of forming 33-bit sums as doubles (which it would have to truncate on every store).
 * `mulhi` is the same UM* high word as umulHi in src/primitives/integer.ts, in that style.
 *
 * The products are truncated: they drop the partial products that fall wholly below the 64 bits kept and the carries
 * those could have sent up, so each result lies below the exact truncated product by less than the number of units
 * stated, never above it.
 */

export const R = new Uint32Array(64);

/** High word of the unsigned 32x32-bit product a·b (a, b as uint32 or their int32 bit patterns), as an int32. */
export function mulhi(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p01 = Math.imul(a0, b1);
  const p10 = Math.imul(a1, b0);
  const mid = (Math.imul(a0, b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (Math.imul(a1, b1) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
}

/** 1 if the 32-bit sum s = x + y (mod 2^32) carried out, else 0. */
export function carry(s: number, y: number): number {
  return s >>> 0 < y >>> 0 ? 1 : 0;
}

/**
 * R[d], R[d+1] = top 64 bits of the 128-bit product (R[a]:R[a+1])·(R[b]:R[b+1]), i.e. floor(a·b / 2^64) less 0 … 2
 * units: the dropped low·low product and the low halves of the two cross products each hold less than one unit.
 */
export function mulHi64(d: number, a: number, b: number): void {
  const aHi = R[a]!;
  const aLo = R[a + 1]!;
  const bHi = R[b]!;
  const bLo = R[b + 1]!;
  const m1 = mulhi(aHi, bLo);
  const m2 = mulhi(aLo, bHi);
  const s1 = (Math.imul(aHi, bHi) + m1) | 0;
  const c1 = carry(s1, m1);
  const s2 = (s1 + m2) | 0;
  const c2 = carry(s2, m2);
  R[d] = (mulhi(aHi, bHi) + c1 + c2) | 0;
  R[d + 1] = s2;
}

/** R[d], R[d+1] = top 64 bits of the 96-bit product R[a]·(R[b]:R[b+1]), floor(a·b / 2^32) less 0 … 1 unit. */
export function mul32x64Hi(d: number, a: number, b: number): void {
  const x = R[a]!;
  const bHi = R[b]!;
  const m = mulhi(x, R[b + 1]!);
  const s = (Math.imul(x, bHi) + m) | 0;
  R[d] = (mulhi(x, bHi) + carry(s, m)) | 0;
  R[d + 1] = s;
}

/** R[d], R[d+1] = R[a]·R[b], the full 64-bit product. */
export function mul32x32(d: number, a: number, b: number): void {
  const x = R[a]!;
  const y = R[b]!;
  R[d] = mulhi(x, y);
  R[d + 1] = Math.imul(x, y);
}

/** (R[a]:R[a+1]) >>= sh for sh in 0 … 31. */
export function shr64(a: number, sh: number): void {
  if (sh === 0) return;
  const hi = R[a]!;
  R[a + 1] = (R[a + 1]! >>> sh) | (hi << (32 - sh));
  R[a] = hi >>> sh;
}

/** (R[d]:R[d+1]) = (R[a]:R[a+1]) + (R[b]:R[b+1]) modulo 2^64; returns the carry out. */
export function add64(d: number, a: number, b: number): number {
  const bLo = R[b + 1]!;
  const bHi = R[b]!;
  const lo = (R[a + 1]! + bLo) | 0;
  const c0 = carry(lo, bLo);
  const hi0 = (R[a]! + bHi) | 0;
  const c1 = carry(hi0, bHi);
  const hi = (hi0 + c0) | 0;
  R[d] = hi;
  R[d + 1] = lo;
  return c1 | (c0 & (hi === 0 ? 1 : 0));
}

/** (R[d]:R[d+1]) = (R[a]:R[a+1]) − (R[b]:R[b+1]) modulo 2^64; returns the borrow out. */
export function sub64(d: number, a: number, b: number): number {
  const aLo = R[a + 1]!;
  const aHi = R[a]!;
  const bLo = R[b + 1]!;
  const bHi = R[b]!;
  const b0 = aLo >>> 0 < bLo >>> 0 ? 1 : 0;
  const b1 = aHi >>> 0 < bHi >>> 0 || (aHi === bHi && b0 !== 0) ? 1 : 0;
  R[d] = (aHi - bHi - b0) | 0;
  R[d + 1] = (aLo - bLo) | 0;
  return b1;
}

/**
 * The integer vocabulary (src/primitives/integer.ts) against BigInt arithmetic, and the documented error bounds of
 * approxRecip32 (within 2^-29 relative of 2^63/d) and approxRecipSqrt32 (within 2^-28 relative of 2^31/sqrt(m),
 * m = M/2^30) on both sides of every seed-table interval edge and on 200,000 random inputs each.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add64,
  approxRecip32,
  approxRecipSqrt32,
  clz32,
  lt64,
  shiftLeft64,
  shiftRight64,
  shiftRightJam32,
  shiftRightJam64,
  sub64,
  umDivMod,
  umul,
  umulHi,
  wide,
} from '../../src/primitives/integer.js';

const MASK64 = (1n << 64n) - 1n;
const u32 = fc.oneof(
  fc.integer({ min: 0, max: 0xffffffff }),
  fc.constantFrom(0, 1, 2, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 0xffff, 0x10000),
);
const dist64 = fc.integer({ min: 0, max: 70 });

function big(hi: number, lo: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

function isU32(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= 0xffffffff;
}

/**
 * The value a two-cell word returned: low word from the call, high word from wide.hi; both must be uint32 (else -1n,
 * which never equals an expected value).
 */
function result64(lo: number): bigint {
  return isU32(lo) && isU32(wide.hi) ? big(wide.hi, lo) : -1n;
}

const RUNS = { numRuns: 10000, seed: 7 };

/** A cheap assertion for hot loops (vitest's expect is comparatively slow). */
function same<T>(got: T, expected: T): void {
  if (got !== expected) throw new Error(`got ${String(got)}, expected ${String(expected)}`);
}

describe('32x32 multiplication', () => {
  it('umul and umulHi give the 64-bit product', () => {
    fc.assert(
      fc.property(u32, u32, (a, b) => {
        const p = BigInt(a) * BigInt(b);
        same(umulHi(a, b), Number(p >> 32n));
        same(result64(umul(a, b)), p);
      }),
      RUNS,
    );
  });
});

describe('shifts with jamming', () => {
  it('shiftRightJam32: shifted value with every lost bit ORed into bit 0', () => {
    fc.assert(
      fc.property(u32, fc.integer({ min: 0, max: 40 }), (a, d) => {
        const x = BigInt(a);
        const shifted = x >> BigInt(d);
        const lost = x - (shifted << BigInt(d)) !== 0n;
        same(shiftRightJam32(a, d), Number(shifted | (lost ? 1n : 0n)));
      }),
      RUNS,
    );
    for (let d = 0; d <= 40; d++) {
      for (const a of [0, 1, 0x80000000, 0xffffffff]) {
        const x = BigInt(a);
        const shifted = x >> BigInt(d);
        same(shiftRightJam32(a, d), Number(shifted | (x !== shifted << BigInt(d) ? 1n : 0n)));
      }
    }
  });

  it('shiftRightJam64: 64-bit shift with jamming, any distance', () => {
    fc.assert(
      fc.property(u32, u32, dist64, (hi, lo, d) => {
        const x = big(hi, lo);
        const shifted = x >> BigInt(d);
        const lost = x !== shifted << BigInt(d);
        same(result64(shiftRightJam64(hi, lo, d)), shifted | (lost ? 1n : 0n));
      }),
      RUNS,
    );
    for (let d = 0; d <= 70; d++) {
      for (const [hi, lo] of [
        [0, 1],
        [1, 0],
        [0x80000000, 0],
        [0, 0x80000000],
        [0xffffffff, 0xffffffff],
        [0, 0],
      ] as const) {
        const x = big(hi, lo);
        const shifted = x >> BigInt(d);
        same(result64(shiftRightJam64(hi, lo, d)), shifted | (x !== shifted << BigInt(d) ? 1n : 0n));
      }
    }
  });
});

describe('64-bit words', () => {
  it('add64 and sub64 wrap modulo 2^64', () => {
    fc.assert(
      fc.property(u32, u32, u32, u32, (ah, al, bh, bl) => {
        const a = big(ah, al);
        const b = big(bh, bl);
        same(result64(add64(ah, al, bh, bl)), (a + b) & MASK64);
        same(result64(sub64(ah, al, bh, bl)), (a - b) & MASK64);
      }),
      RUNS,
    );
  });

  it('shiftLeft64 (0 … 63) and shiftRight64 (any distance)', () => {
    fc.assert(
      fc.property(u32, u32, dist64, (hi, lo, d) => {
        const x = big(hi, lo);
        if (d < 64) same(result64(shiftLeft64(hi, lo, d)), (x << BigInt(d)) & MASK64);
        same(result64(shiftRight64(hi, lo, d)), x >> BigInt(d));
      }),
      RUNS,
    );
    for (let d = 0; d <= 70; d++) {
      const x = big(0xdeadbeef, 0x12345679);
      if (d < 64) same(result64(shiftLeft64(0xdeadbeef, 0x12345679, d)), (x << BigInt(d)) & MASK64);
      same(result64(shiftRight64(0xdeadbeef, 0x12345679, d)), x >> BigInt(d));
    }
  });

  it('lt64 compares unsigned', () => {
    fc.assert(
      fc.property(u32, u32, u32, u32, (ah, al, bh, bl) => {
        same(lt64(ah, al, bh, bl), big(ah, al) < big(bh, bl));
        same(lt64(ah, al, ah, al), false);
        same(lt64(ah, al, ah, bl), BigInt(al) < BigInt(bl));
      }),
      RUNS,
    );
  });

  it('clz32 counts leading zeros', () => {
    same(clz32(0), 32);
    for (let k = 0; k < 32; k++) {
      same(clz32(2 ** k), 31 - k);
      same(clz32(2 ** (k + 1) - 1), 31 - k);
    }
  });
});

describe('umDivMod', () => {
  it('quotient and remainder of a 64-bit dividend by a 32-bit divisor (hi < d)', () => {
    const divisor = fc.oneof(
      fc.integer({ min: 1, max: 0xffffffff }),
      fc.integer({ min: 1, max: 0xffff }),
      fc.constantFrom(1, 2, 3, 0x7fffffff, 0x80000000, 0x80000001, 0xffffffff, 0x10000, 0xffff),
    );
    fc.assert(
      fc.property(divisor, u32, u32, (d, h, lo) => {
        const hi = h % d; // the quotient must fit 32 bits
        const n = big(hi, lo);
        const q = umDivMod(hi, lo, d);
        const rem = wide.rem;
        same(q, Number(n / BigInt(d)));
        same(rem, Number(n % BigInt(d)));
      }),
      { numRuns: 20000, seed: 11 },
    );
    // the largest quotients: hi = d - 1, lo = all ones
    for (const d of [1, 2, 3, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 12345, 0x10001]) {
      const hi = d - 1;
      const n = big(hi, 0xffffffff);
      same(umDivMod(hi, 0xffffffff, d), Number(n / BigInt(d)));
      same(wide.rem, Number(n % BigInt(d)));
    }
  });
});

/** Deterministic 32-bit random numbers (xorshift32) for the 200,000-input runs. */
function* random32(seed: number, count: number): Generator<number> {
  let x = seed >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    yield x;
  }
}

/** Inputs on and next to each interval edge: the edge, a few units either side, and units of the ignored low bits. */
function aroundEdges(edges: number[], lo: number, hi: number): number[] {
  const offsets = [-65536, -257, -256, -255, -2, -1, 0, 1, 2, 255, 256, 257, 65535, 65536];
  const out = new Set<number>();
  for (const e of edges) {
    for (const o of offsets) {
      const v = e + o;
      if (v >= lo && v <= hi) out.add(v);
    }
  }
  return [...out];
}

describe('approxRecip32', () => {
  // |X·d - 2^63| <= 2^63 · 2^-29 = 2^34
  const bound = 1n << 34n;
  const check = (d: number): bigint => {
    const x = approxRecip32(d);
    if (!isU32(x)) return 1n << 100n;
    const err = BigInt(x) * BigInt(d) - (1n << 63n);
    return err < 0n ? -err : err;
  };

  it('is within 2^-29 of 2^63/d next to every edge of its 128 table intervals', () => {
    const edges = Array.from({ length: 129 }, (_, i) => (128 + i) * 2 ** 24);
    let worst = 0n;
    for (const d of aroundEdges(edges, 0x80000000, 0xffffffff)) {
      const e = check(d);
      if (e > worst) worst = e;
    }
    expect(worst <= bound, `worst |X·d - 2^63| = ${worst} > 2^34`).toBe(true);
  });

  it('is within 2^-29 of 2^63/d on 200,000 random divisors', () => {
    let worst = 0n;
    let worstD = 0;
    for (const r of random32(0x9e3779b9, 200000)) {
      const d = (r | 0x80000000) >>> 0;
      const e = check(d);
      if (e > worst) {
        worst = e;
        worstD = d;
      }
    }
    expect(worst <= bound, `worst |X·d - 2^63| = ${worst} at d = ${worstD}`).toBe(true);
  });
});

describe('approxRecipSqrt32', () => {
  // Y ≈ 2^31/sqrt(M/2^30) = 2^46/sqrt(M); relative error e means Y²·M = 2^92·(1+e)², so |e| <= 2^-28 iff
  // 2^92·(1 - 2^-28)² <= Y²·M <= 2^92·(1 + 2^-28)², i.e. within 2^92 ± 2^65 + 2^36.
  const lower = (1n << 92n) - (1n << 65n) + (1n << 36n);
  const upper = (1n << 92n) + (1n << 65n) + (1n << 36n);
  const check = (m: number): string | undefined => {
    const y = approxRecipSqrt32(m);
    if (!isU32(y)) return `approxRecipSqrt32(${m}) = ${y} is not a uint32`;
    const v = BigInt(y) * BigInt(y) * BigInt(m);
    if (v < lower || v > upper) return `approxRecipSqrt32(${m}) = ${y}: Y²·M = ${v} outside 2^92·(1 ± 2^-28)²`;
    return undefined;
  };

  it('is within 2^-28 of 2^31/sqrt(m) next to every edge of its 128 table intervals', () => {
    // [1, 2): 64 intervals of width 1/64 (2^24 in M); [2, 4): 64 intervals of width 1/32 (2^25 in M)
    const edges = [
      ...Array.from({ length: 65 }, (_, k) => 2 ** 30 + k * 2 ** 24),
      ...Array.from({ length: 65 }, (_, k) => 2 ** 31 + k * 2 ** 25),
    ];
    const bad = aroundEdges(edges, 0x40000000, 0xffffffff).map(check).filter((x) => x !== undefined);
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('is within 2^-28 of 2^31/sqrt(m) on 200,000 random inputs', () => {
    const bad: string[] = [];
    for (const r of random32(0x2545f491, 200000)) {
      // M uniform in [2^30, 2^32)
      const m = (r >>> 0) < 0x40000000 ? (r | 0x40000000) >>> 0 : r >>> 0;
      const e = check(m);
      if (e !== undefined && bad.length < 5) bad.push(e);
    }
    expect(bad).toEqual([]);
  });
});


/**
 * src/text/limbs.ts: the multiword words against BigInt arithmetic on random numbers of up to 14 limbs, with limbs
 * biased to 0, 1 and all ones so that carries and borrows run through whole numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addInto,
  bitLength,
  compare,
  divBillion,
  divSmall,
  LIMBS,
  lowBitsNonzero,
  mulPow10,
  mulPow5,
  mulSmallAdd,
  mulSmallInto,
  shiftLeftInto,
  sub,
  top31Jam,
} from '../../src/text/limbs.js';
import { wide } from '../../src/primitives/integer.js';
import { property } from '../support/suites.js';

function load(x: bigint): [Uint32Array, number] {
  const a = new Uint32Array(LIMBS + 4);
  let n = 0;
  while (x > 0n) {
    a[n++] = Number(x & 0xffffffffn);
    x >>= 32n;
  }
  return [a, n];
}

function value(a: Uint32Array, n: number): bigint {
  let x = 0n;
  for (let i = n - 1; i >= 0; i--) x = (x << 32n) | BigInt(a[i]!);
  return x;
}

/** The length is exact: no zero limb on top. */
function normalized(a: Uint32Array, n: number): boolean {
  return n === 0 || a[n - 1] !== 0;
}

const limb = fc.oneof(
  fc.constantFrom(0, 1, 0xffffffff, 0x80000000),
  fc.integer({ min: 0, max: 0xffffffff }),
);
const big = (maxLimbs: number) =>
  fc.array(limb, { minLength: 0, maxLength: maxLimbs }).map((ls) => ls.reduce((x, l) => (x << 32n) | BigInt(l), 0n));
const cell = fc.oneof(fc.constantFrom(0, 1, 10, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff }));

describe('limbs', () => {
  it('mulSmallAdd and mulSmallInto', () => {
    property(
      fc.tuple(big(13), cell, cell),
      ([x, f, add]) => {
        const [a, n] = load(x);
        const m = mulSmallAdd(a, n, f, add);
        expect(value(a, m)).toBe(x * BigInt(f) + BigInt(add));
        expect(normalized(a, m)).toBe(true);
        const [b, nb] = load(x);
        const dst = new Uint32Array(LIMBS + 4);
        const k = mulSmallInto(dst, b, nb, f);
        expect(value(dst, k)).toBe(x * BigInt(f));
        expect(normalized(dst, k)).toBe(true);
      },
      3000,
    );
  });

  it('mulPow5 and mulPow10', () => {
    property(
      fc.tuple(big(3), fc.integer({ min: 0, max: 170 })),
      ([x, k]) => {
        const [a, n] = load(x);
        expect(value(a, mulPow5(a, n, k))).toBe(x * 5n ** BigInt(k));
        const [b, nb] = load(x);
        if (k <= 120) expect(value(b, mulPow10(b, nb, k))).toBe(x * 10n ** BigInt(k));
      },
      2000,
    );
  });

  it('divSmall and divBillion', () => {
    property(
      fc.tuple(big(14), cell.filter((d) => d !== 0)),
      ([x, d]) => {
        const [a, n] = load(x);
        const m = divSmall(a, n, d);
        expect(value(a, m)).toBe(x / BigInt(d));
        expect(wide.rem).toBe(Number(x % BigInt(d)));
        expect(normalized(a, m)).toBe(true);
        const [b, nb] = load(x);
        const k = divBillion(b, nb);
        expect(value(b, k)).toBe(x / 1000000000n);
        expect(wide.rem).toBe(Number(x % 1000000000n));
        expect(normalized(b, k)).toBe(true);
      },
      3000,
    );
  });

  it('shiftLeftInto, bitLength, lowBitsNonzero and top31Jam', () => {
    property(
      fc.tuple(big(8), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 300 })),
      ([x, bits, low]) => {
        const [a, n] = load(x);
        const dst = new Uint32Array(LIMBS + 4);
        const m = shiftLeftInto(dst, a, n, bits);
        const shifted = x << BigInt(bits);
        expect(value(dst, m)).toBe(shifted);
        expect(normalized(dst, m)).toBe(true);
        const bl = shifted === 0n ? 0 : shifted.toString(2).length;
        expect(bitLength(dst, m)).toBe(bl);
        expect(lowBitsNonzero(dst, m, low)).toBe((shifted & ((1n << BigInt(low)) - 1n)) !== 0n);
        if (shifted !== 0n) {
          const expected =
            bl <= 31
              ? shifted << BigInt(31 - bl)
              : (shifted >> BigInt(bl - 31)) | ((shifted & ((1n << BigInt(bl - 31)) - 1n)) !== 0n ? 1n : 0n);
          expect(BigInt(top31Jam(dst, m, bl))).toBe(expected);
        }
      },
      3000,
    );
  });

  it('compare, sub and addInto', () => {
    property(
      fc.tuple(big(12), big(12)),
      ([x, y]) => {
        const [a, na] = load(x);
        const [b, nb] = load(y);
        expect(compare(a, na, b, nb)).toBe(x < y ? -1 : x > y ? 1 : 0);
        const dst = new Uint32Array(LIMBS + 4);
        const ns = addInto(dst, a, na, b, nb);
        expect(value(dst, ns)).toBe(x + y);
        expect(normalized(dst, ns)).toBe(true);
        const [hi, nhi] = load(x > y ? x : y);
        const [lo, nlo] = load(x > y ? y : x);
        const nd = sub(hi, nhi, lo, nlo);
        expect(value(hi, nd)).toBe(x > y ? x - y : y - x);
        expect(normalized(hi, nd)).toBe(true);
      },
      3000,
    );
  });
});

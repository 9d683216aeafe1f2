/**
 * src/codec/number.ts: JS numbers to binary32 / binary16 / bfloat16 words (correctly rounded in every mode, flags
 * with both tininess settings, NaNs with their sign and payload), words back to numbers (exact, no flags), the BigInt
 * helpers for 64-bit integers, and the checked errors of the boundary.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bf16FromNumber,
  bf16ToNumber,
  f16FromNumber,
  f16ToNumber,
  f32FromNumber,
  f32ToNumber,
  splitBigInt64,
  toBigInt64,
  toBigUint64,
} from '../../src/codec/number.js';
import { f32_to_i64 } from '../../src/formats/convert/f32_to_i64.js';
import { f32_to_ui64 } from '../../src/formats/convert/f32_to_ui64.js';
import { getFlags, setFlags } from '../../src/env/environment.js';
import * as R from '../reference/exact.js';
import { BF16, F16, F32, MODES, type Format } from '../reference/exact.js';
import { floatArb, specialWords } from '../support/arbitraries.js';
import { checkFloat, checkValue, hex, resetEnv, setEnv } from '../support/harness.js';
import { property } from '../support/suites.js';

const CODECS: [Format, (x: number) => number, (w: number) => number][] = [
  [F32, f32FromNumber, f32ToNumber],
  [F16, f16FromNumber, f16ToNumber],
  [BF16, bf16FromNumber, bf16ToNumber],
];

const view = new DataView(new ArrayBuffer(8));
function doubleBits(x: number): bigint {
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}
function doubleFromBits(b: bigint): number {
  view.setBigUint64(0, b);
  return view.getFloat64(0);
}
function showDouble(x: number): string {
  return `${Object.is(x, -0) ? '-0' : String(x)} (0x${doubleBits(x).toString(16).padStart(16, '0')})`;
}

/** Half a unit in the last place of the format at the value of word w (finite, nonzero magnitude or zero). */
function halfUlp(fmt: Format, w: number): number {
  const x = R.decode(fmt, w);
  const L = x.kind === 'finite' ? R.bitLength(x.m) - 1 + x.e : fmt.emin;
  return 2 ** (Math.max(L - fmt.p + 1, fmt.emin - fmt.p + 1) - 1);
}

/**
 * Doubles on and around the format's grid: exact values of words, midpoints between neighbours (exact ties), and
 * midpoints or words moved by a few units of the double (near ties); beyond the overflow threshold; far below the
 * smallest subnormal; double subnormals; arbitrary doubles.
 */
function doubleArb(fmt: Format): fc.Arbitrary<number> {
  const nearGrid = fc
    .tuple(floatArb(fmt), fc.integer({ min: -2, max: 2 }), fc.integer({ min: -3, max: 3 }))
    .filter(([w]) => !R.isNaNBits(fmt, w) && w % fmt.signBit !== fmt.posInf)
    .map(([w, halves, units]) => {
      const v = R.toNumber(fmt, w);
      let x = v + halves * halfUlp(fmt, w);
      // move by whole units of the double (toward ±inf through the bit pattern)
      if (units !== 0 && x !== 0 && Number.isFinite(x)) {
        const b = doubleBits(x) + BigInt(units);
        const y = doubleFromBits(b);
        if (Number.isFinite(y) && Math.sign(y) === Math.sign(x)) x = y;
      }
      return x;
    });
  return fc.oneof(
    { weight: 4, arbitrary: nearGrid },
    { weight: 2, arbitrary: fc.double({ noNaN: true }) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, min: -1e-300, max: 1e-300 }) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, min: -(2 ** (fmt.emax + 3)), max: 2 ** (fmt.emax + 3) }) },
  );
}

for (const [fmt, fromNumber, toNumber] of CODECS) {
  const f = fmt.name;
  describe(`${f}FromNumber / ${f}ToNumber`, () => {
    const checkFrom = (x: number) =>
      checkFloat(fmt, `${f}FromNumber[${showDouble(x)}]`, [], () => fromNumber(x), (m) => R.fromNumber(fmt, x, m));

    it('rounds correctly in every mode, with the flags of both tininess settings', () => {
      for (const x of [0, -0, Infinity, -Infinity, 1, -1, 0.1, 1 / 3, 65504, 65520, 2 ** -149, 2 ** -150, 2 ** -1074, 3.4e38, 3.5e38]) {
        checkFrom(x);
      }
      property(doubleArb(fmt), checkFrom, 4000);
    });

    it('is exact on the values of its own words (and widening raises no flag)', () => {
      const words = fmt.width === 16 ? Array.from({ length: 0x10000 }, (_, i) => i) : fc.sample(floatArb(F32), { numRuns: 20000, seed: 3 });
      const bad: string[] = [];
      for (const w of words) {
        for (const mode of MODES) {
          setEnv({ mode, tininess: 1, nanMode: 0 });
          const x = toNumber(w);
          const wideFlags = getFlags();
          if (R.isNaNBits(fmt, w)) {
            if (!Number.isNaN(x) || wideFlags !== 0) bad.push(`${f}ToNumber(${hex(fmt, w)}) = ${x}, flags ${wideFlags}`);
            continue;
          }
          const expected = R.toNumber(fmt, w);
          if (!Object.is(x, expected) || wideFlags !== 0) bad.push(`${f}ToNumber(${hex(fmt, w)}) = ${showDouble(x)}, expected ${showDouble(expected)}`);
          const back = fromNumber(x);
          if (back !== w || getFlags() !== 0) bad.push(`${f}FromNumber(${showDouble(x)}) = ${hex(fmt, back)} flags ${getFlags()}, expected ${hex(fmt, w)} with no flags`);
          if (mode !== 0) break; // one mode is enough for the widening itself
        }
        if (bad.length > 10) break;
      }
      resetEnv();
      expect(bad).toEqual([]);
    });

    it('converts NaNs: quiet, sign and top payload bits kept, invalid for a signaling NaN; default NaN in default-NaN mode', () => {
      const fbits = fmt.p - 1;
      for (const sign of [0n, 1n]) {
        for (const payload of [0n, 1n, 0x4_0000_0000_0000n, 0x7_ffff_ffff_ffffn, 0x5_5555_5555_5555n, 0x0_0000_0000_0001n, 0x2_0000_0000_0000n]) {
          for (const quiet of [true, false]) {
            if (!quiet && payload === 0n) continue; // that would be an infinity
            const bits = (sign << 63n) | (0x7ffn << 52n) | (quiet ? 1n << 51n : 0n) | payload;
            const x = doubleFromBits(bits);
            // JavaScript engines may quiet or canonicalize NaNs in transit; check only what survived
            const seen = doubleBits(x);
            const seenSign = Number(seen >> 63n);
            const seenQuiet = ((seen >> 51n) & 1n) === 1n;
            const top = Number((seen & ((1n << 51n) - 1n)) >> BigInt(51 - (fbits - 1)));
            const expected = (seenSign ? fmt.signBit : 0) + fmt.expMask + fmt.quietBit + top;
            checkFloat(fmt, `${f}FromNumber[NaN 0x${seen.toString(16)}]`, [], () => fromNumber(x), () => ({
              bits: expected,
              flags: seenQuiet ? [0, 0] : [0x10, 0x10],
            }));
          }
        }
      }
    });

    it('checks its arguments', () => {
      for (const bad of ['1', 1n, undefined, null, {}, [1], true] as unknown[]) {
        expect(() => fromNumber(bad as number)).toThrow(TypeError);
        expect(() => toNumber(bad as number)).toThrow(TypeError);
      }
      const max = fmt.width === 32 ? 0xffffffff : 0xffff;
      for (const bad of [-1, max + 1, 0.5, NaN, Infinity, -Infinity, 2 ** 53]) {
        expect(() => toNumber(bad)).toThrow(RangeError);
      }
      expect(() => toNumber(max)).not.toThrow();
      expect(() => toNumber(0)).not.toThrow();
    });

    it('keeps flags sticky', () => {
      for (const x of [1.5, 1e-300, 1e300, NaN]) {
        setEnv({ mode: 0, tininess: 1, nanMode: 0 });
        setFlags(0x1f);
        fromNumber(x);
        expect(getFlags()).toBe(0x1f);
      }
      resetEnv();
    });
  });
}

describe('64-bit integer helpers', () => {
  it('splitBigInt64 gives the two words of any int64 or uint64, two’s complement for negatives', () => {
    property(
      fc.oneof(fc.bigInt({ min: -(1n << 63n), max: (1n << 64n) - 1n }), fc.constantFrom(0n, -1n, -(1n << 63n), (1n << 64n) - 1n, 1n << 32n)),
      (n) => {
        const { hi, lo } = splitBigInt64(n);
        const u = BigInt.asUintN(64, n);
        if (hi !== Number(u >> 32n) || lo !== Number(u & 0xffffffffn)) {
          throw new Error(`splitBigInt64(${n}) = ${hi}:${lo}`);
        }
      },
      2000,
    );
    expect(() => splitBigInt64(1n << 64n)).toThrow(RangeError);
    expect(() => splitBigInt64(-(1n << 63n) - 1n)).toThrow(RangeError);
    expect(() => splitBigInt64(5 as unknown as bigint)).toThrow(TypeError);
  });

  it('toBigInt64 / toBigUint64 read the result of a 64-bit conversion (low word + wide.hi)', () => {
    property(
      floatArb(F32),
      (a) => {
        for (const mode of MODES) {
          const ri = R.toInt(F32, a, 'i64', mode, true);
          setEnv({ mode: 0, tininess: 1, nanMode: 0 });
          const gi = toBigInt64(f32_to_i64(a, mode, true));
          if (gi !== ri.value) throw new Error(`toBigInt64(f32_to_i64(${hex(F32, a)})) = ${gi}, expected ${ri.value}`);
          const ru = R.toInt(F32, a, 'ui64', mode, true);
          const gu = toBigUint64(f32_to_ui64(a, mode, true));
          if (gu !== ru.value) throw new Error(`toBigUint64(f32_to_ui64(${hex(F32, a)})) = ${gu}, expected ${ru.value}`);
        }
        resetEnv();
      },
      1000,
    );
    for (const bad of [-1, 2 ** 32, 0.5, NaN]) {
      expect(() => toBigInt64(bad)).toThrow(RangeError);
      expect(() => toBigUint64(bad)).toThrow(RangeError);
    }
    expect(() => toBigInt64('1' as unknown as number)).toThrow(TypeError);
  });

  it('round trips: words of special values through the number boundary keep their flags at zero', () => {
    for (const [fmt, fromNumber, toNumber] of CODECS) {
      for (const w of specialWords(fmt)) {
        if (R.isNaNBits(fmt, w)) continue;
        checkValue(`${fmt.name} round trip`, hex(fmt, w), () => fromNumber(toNumber(w)), { value: w, flags: 0 }, (v) => hex(fmt, v));
      }
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import './specs/erfc.js';
import { env, type RoundingMode } from '../../src/env/environment.js';
import { bf16_erfc, f16_erfc, f32_erfc } from '../../src/math/erfc.js';
import { erfFastPath } from '../../src/math/kernels/erf.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { restore } from '../support/exhaustive.js';
import { flagNames, hex, modeName } from '../support/harness.js';
import * as E from './bigref/erf.js';
import { BF16, F16, F32, makeReference } from './reference.js';
import { erfcD } from './specs/erf.js';
import { MODES, biasedF32, checkF32, exhaustive16, f32Bits, f32Value, rng } from './support.js';

const REGIONS = [
  [-(2 ** -6), 2 ** -6],
  [-0.5, 0.5],
  [0.4, 4],
  [-4, -0.4],
  [4, 9],
  [9, 10.1],
  [-(2 ** -20), 2 ** -20],
] as const;

/** Every mode, both tininess settings, against the reference; returns the failures. */
function allModes(call: (a: number) => number, words: ArrayLike<number>): string[] {
  const ref = makeReference(F32, 'erfc');
  const fails: string[] = [];
  for (const mode of MODES) {
    for (let i = 0; i < words.length; i++) {
      const a = words[i]!;
      const r = ref(a, mode);
      for (const tininess of [0, 1] as const) {
        env.roundingMode = mode as RoundingMode;
        env.tininess = tininess;
        env.flags = 0;
        const got = call(a);
        const want = tininess ? r.flagsAfter : r.flagsBefore;
        if ((got !== r.bits || env.flags !== want) && fails.length < 20) {
          fails.push(
            `erfc(${hex(F32, a)}) ${modeName(mode)} tininess=${tininess}: ` +
              `got ${hex(F32, got)} ${flagNames(env.flags)}, expected ${hex(F32, r.bits)} ${flagNames(want)}`,
          );
        }
      }
    }
  }
  restore();
  return fails;
}

/** A finite binary32 word as m·2^e. */
function f32ToBF(a: number): { m: bigint; e: number } {
  const exp = (a >>> 23) & 0xff;
  const m = BigInt((a & 0x7fffff) | (exp !== 0 ? 0x800000 : 0));
  return { m: a >>> 31 ? -m : m, e: Math.max(exp, 1) - 150 };
}

function bfToNumber(v: { m: bigint; e: number }): number {
  const L = v.m.toString(2).length;
  const sh = Math.max(0, L - 60);
  return Number(v.m >> BigInt(sh)) * 2 ** (v.e + sh);
}

describe('erfc', () => {
  afterEach(() => {
    zivStats.force = false;
    erfFastPath.accurateOnly = false;
  });

  it('f16: every word, every rounding mode, correctly rounded with exact flags, never undecided', () => {
    zivStats.hard = 0;
    exhaustive16(F16, 'erfc', f16_erfc);
    expect(zivStats.hard).toBe(0);
  });

  it('bf16: every word, every rounding mode, correctly rounded with exact flags, never undecided', () => {
    zivStats.hard = 0;
    exhaustive16(BF16, 'erfc', bf16_erfc);
    expect(zivStats.hard).toBe(0);
  });

  it('f16 and bf16: the accurate kernel alone (every fast result sent back to it) decides every word correctly', () => {
    erfFastPath.accurateOnly = true;
    zivStats.hard = 0;
    exhaustive16(F16, 'erfc', f16_erfc, [0, 2]);
    exhaustive16(BF16, 'erfc', bf16_erfc, [0, 2]);
    expect(zivStats.hard).toBe(0);
  });

  it('f32: a million words biased to the hard regions, correctly rounded in every mode', () => {
    const words = biasedF32(1_000_000, REGIONS);
    words.set(biasedF32(4000, [[-(2 ** -20), 2 ** -20]], 7), 0);
    const nearest = checkF32('erfc', f32_erfc, words, [0], true, 0.501);
    const directed = checkF32('erfc', f32_erfc, words.subarray(0, 100_000), MODES.slice(1), true, Infinity);
    expect(nearest.wrong + directed.wrong).toBe(0);
  });

  it('f32: special values, tiny arguments and results through the subnormals, every mode and tininess', () => {
    const cases: [number, number, number][] = [
      [0x00000000, 0x3f800000, 0],
      [0x80000000, 0x3f800000, 0],
      [0x7f800000, 0x00000000, 0],
      [0xff800000, 0x40000000, 0],
      [0x7fc01234, 0x7fc01234, 0],
      [0x7f800001, 0x7fc00001, 0x10],
    ];
    for (const [a, want, flags] of cases) {
      env.roundingMode = 0;
      env.flags = 0;
      expect(hex(F32, f32_erfc(a))).toBe(hex(F32, want));
      expect(env.flags).toBe(flags);
    }
    restore();
    // Around the tiny threshold (2^-26), the series' end (1/2), −4, and erfc falling through the subnormals to the
    // saturation threshold 10.0625 (underflow flags in both tininess modes).
    const words: number[] = [];
    for (let i = 0; i < 2000; i++) {
      words.push(0x32800000 - 1000 + i, 0xb2800000 - 1000 + i, 0x3effff00 + i, 0xbeffff00 + i, 0xc07ff000 + i);
      words.push(f32Bits(9.1) + i * 89, 0x41210000 - 1000 + i);
    }
    expect(allModes(f32_erfc, words)).toEqual([]);
    expect(f32_erfc(0x41210000)).toBe(0);
    expect(hex(F32, f32_erfc(0xc0800000))).toBe(hex(F32, 0x40000000));
  });

  it('f32: the accurate kernel alone (every fast decision forced back to it) is correct too', () => {
    zivStats.force = true;
    const words = biasedF32(20_000, REGIONS, 99);
    expect(allModes(f32_erfc, words)).toEqual([]);
  });

  it('the double approximation used by the reference is within 2^-44 of the BigInt value', () => {
    const next = rng(5);
    let worst = 0;
    for (let i = 0; i < 150; i++) {
      // Words of [−4, 10.5].
      const a = i % 3 === 0 ? (0x80000000 + (next() % 0x40800000)) >>> 0 : next() % 0x41280000;
      if ((a & 0x7fffffff) === 0) continue;
      const exact = bfToNumber(E.erfc(f32ToBF(a)));
      worst = Math.max(worst, Math.abs(erfcD(f32Value(a)) - exact) / exact);
    }
    expect(Math.log2(worst)).toBeLessThan(-44);
  });
});

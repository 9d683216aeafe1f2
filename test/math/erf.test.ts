import { afterEach, describe, expect, it } from 'vitest';
import './specs/erf.js';
import { env, type RoundingMode } from '../../src/env/environment.js';
import { bf16_erf, f16_erf, f32_erf } from '../../src/math/erf.js';
import { erfFastPath } from '../../src/math/kernels/erf.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { restore } from '../support/exhaustive.js';
import { flagNames, hex, modeName } from '../support/harness.js';
import * as E from './bigref/erf.js';
import { BF16, F16, F32, makeReference } from './reference.js';
import { erfD } from './specs/erf.js';
import { MODES, biasedF32, checkF32, exhaustive16, f32Bits, f32Value, rng } from './support.js';

const REGIONS = [
  [-(2 ** -6), 2 ** -6],
  [-0.5, 0.5],
  [0.5, 4],
  [-4, -0.5],
  [3.5, 4],
  [-1e-38, 1e-38],
] as const;

/** Every mode, both tininess settings, against the reference; returns the failures. */
function allModes(call: (a: number) => number, words: ArrayLike<number>): string[] {
  const ref = makeReference(F32, 'erf');
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
            `erf(${hex(F32, a)}) ${modeName(mode)} tininess=${tininess}: ` +
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

describe('erf', () => {
  afterEach(() => {
    zivStats.force = false;
    erfFastPath.accurateOnly = false;
  });

  it('f16: every word, every rounding mode, correctly rounded with exact flags, never undecided', () => {
    zivStats.hard = 0;
    exhaustive16(F16, 'erf', f16_erf);
    expect(zivStats.hard).toBe(0);
  });

  it('bf16: every word, every rounding mode, correctly rounded with exact flags, never undecided', () => {
    zivStats.hard = 0;
    exhaustive16(BF16, 'erf', bf16_erf);
    expect(zivStats.hard).toBe(0);
  });

  it('f16 and bf16: the accurate kernel alone (every fast result sent back to it) decides every word correctly', () => {
    erfFastPath.accurateOnly = true;
    zivStats.hard = 0;
    exhaustive16(F16, 'erf', f16_erf, [0, 2]);
    exhaustive16(BF16, 'erf', bf16_erf, [0, 2]);
    expect(zivStats.hard).toBe(0);
  });

  it('f32: a million words biased to the hard regions, correctly rounded in every mode', () => {
    const words = biasedF32(1_000_000, REGIONS);
    words.set(biasedF32(4000, [[-(2 ** -20), 2 ** -20]], 7), 0);
    const nearest = checkF32('erf', f32_erf, words, [0], true, 0.501);
    const directed = checkF32('erf', f32_erf, words.subarray(0, 100_000), MODES.slice(1), true, Infinity);
    expect(nearest.wrong + directed.wrong).toBe(0);
  });

  it('f32: special values and tiny arguments, every mode and tininess', () => {
    const cases: [number, number][] = [
      [0x00000000, 0x00000000],
      [0x80000000, 0x80000000],
      [0x7f800000, 0x3f800000],
      [0xff800000, 0xbf800000],
      [0x7fc01234, 0x7fc01234],
    ];
    for (const [a, want] of cases) {
      env.roundingMode = 0;
      env.flags = 0;
      expect(hex(F32, f32_erf(a))).toBe(hex(F32, want));
      expect(env.flags).toBe(0);
    }
    env.flags = 0;
    expect(hex(F32, f32_erf(0x7f800001))).toBe(hex(F32, 0x7fc00001));
    expect(env.flags).toBe(0x10);
    restore();
    // erf x ≈ (2/√π)·x, not x: the subnormals and the smallest normals, and words around the series' end (1/2) and
    // the saturation threshold (4).
    const words: number[] = [];
    for (let i = 1; i < 3000; i++) {
      words.push(i, 0x80000000 + i * 2791, 0x00800000 + i * 977, 0x3effff00 + i, 0x407ff000 + i);
    }
    expect(allModes(f32_erf, words)).toEqual([]);
    expect(hex(F32, f32_erf(f32Bits(4)))).toBe(hex(F32, 0x3f800000));
    expect(f32Value(f32_erf(1))).toBe(2 ** -149);
  });

  it('f32: the accurate kernel alone (every fast decision forced back to it) is correct too', () => {
    zivStats.force = true;
    const words = biasedF32(20_000, REGIONS, 99);
    expect(allModes(f32_erf, words)).toEqual([]);
  });

  it('the double approximation used by the reference is within 2^-44 of the BigInt value', () => {
    const next = rng(5);
    let worst = 0;
    for (let i = 0; i < 150; i++) {
      const a = next() % 0x40900000;
      if (a === 0) continue;
      const exact = bfToNumber(E.erf(f32ToBF(a)));
      worst = Math.max(worst, Math.abs(erfD(f32Value(a)) - exact) / exact);
    }
    expect(Math.log2(worst)).toBeLessThan(-44);
  });
});

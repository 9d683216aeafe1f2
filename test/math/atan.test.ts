import { describe, expect, it } from 'vitest';
import { env, type RoundingMode } from '../../src/env/environment.js';
import { bf16_atan, f16_atan, f32_atan } from '../../src/math/atan.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { restore } from '../support/exhaustive.js';
import { BF16, F16, MODES } from '../reference/exact.js';
import './specs/atan.js';
import { biasedF32, checkF32, exhaustive16, f32Bits } from './support.js';

describe('atan', () => {
  it('f16: every word, every rounding mode, correctly rounded with exact flags, never undecided', () => {
    const before = zivStats.hard;
    exhaustive16(F16, 'atan', f16_atan);
    expect(zivStats.hard - before).toBe(0);
  });

  it('bf16: every word, every rounding mode, correctly rounded with exact flags, never undecided', () => {
    const before = zivStats.hard;
    exhaustive16(BF16, 'atan', bf16_atan);
    expect(zivStats.hard - before).toBe(0);
  });

  it('f32: a million words biased to the hard regions, correctly rounded in all modes (within 0.5 ulp)', () => {
    const regions = [
      [-1, 1],
      [-(2 ** -6), 2 ** -6],
      [2 ** -12, 2 ** -6],
      [-(2 ** -6), -(2 ** -12)],
      [-64, 64],
      [1, 2 ** 30],
      [-(2 ** 30), -1],
    ] as const;
    const words = biasedF32(1_000_000, regions);
    words.set(biasedF32(4000, [[-(2 ** -11), 2 ** -11]], 7), 0);
    const nearest = checkF32('atan', f32_atan, words, [0], false, 0.5000001);
    const directed = checkF32('atan', f32_atan, words.subarray(0, 100_000), MODES.slice(1), false, Infinity);
    expect(nearest.wrong + directed.wrong).toBe(0);
  });

  it('special values and flags', () => {
    const cases: [number, number, number][] = [
      [0x00000000, 0x00000000, 0],
      [0x80000000, 0x80000000, 0],
      [0x7f800000, 0x3fc90fdb, 1], // π/2 rounded up to nearest
      [0xff800000, 0xbfc90fdb, 1],
      [0x00000001, 0x00000001, 3], // inexact, underflow
      [0x3f800000, 0x3f490fdb, 1], // π/4
    ];
    for (const [a, want, flags] of cases) {
      env.flags = 0;
      expect(f32_atan(a) >>> 0).toBe(want);
      expect(env.flags).toBe(flags);
    }
    // π/2 toward zero and down: 0x3fc90fda; atan(+tiny) toward zero: the next word down.
    for (const mode of [1, 2] as const) {
      env.roundingMode = mode as RoundingMode;
      expect(f32_atan(0x7f800000)).toBe(0x3fc90fda);
      expect(f32_atan(f32Bits(2 ** -20))).toBe(f32Bits(2 ** -20) - 1);
    }
    restore();
  });
});

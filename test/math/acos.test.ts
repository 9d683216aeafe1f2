import { describe, expect, it } from 'vitest';
import { env } from '../../src/env/environment.js';
import { bf16_acos, f16_acos, f32_acos } from '../../src/math/acos.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { restore } from '../support/exhaustive.js';
import { BF16, F16, MODES } from '../reference/exact.js';
import './specs/acos.js';
import { biasedF32, checkF32, exhaustive16 } from './support.js';

describe('acos', () => {
  it('f16: every word, every rounding mode, correctly rounded with exact flags, never undecided', () => {
    const before = zivStats.hard;
    exhaustive16(F16, 'acos', f16_acos);
    expect(zivStats.hard - before).toBe(0);
  });

  it('bf16: every word, every rounding mode, correctly rounded with exact flags, never undecided', () => {
    const before = zivStats.hard;
    exhaustive16(BF16, 'acos', bf16_acos);
    expect(zivStats.hard - before).toBe(0);
  });

  it('f32: a million words biased to the hard regions, correctly rounded in all modes (within 0.5 ulp)', () => {
    const regions = [
      [-1, 1],
      [-(2 ** -6), 2 ** -6],
      [0.45, 0.55],
      [-0.55, -0.45],
      [0.999, 1],
      [-1, -0.999],
    ] as const;
    const words = biasedF32(1_000_000, regions);
    words.set(biasedF32(4000, [[1 - 2 ** -12, 1]], 7), 0);
    const nearest = checkF32('acos', f32_acos, words, [0], false, 0.5000001);
    const directed = checkF32('acos', f32_acos, words.subarray(0, 100_000), MODES.slice(1), false, Infinity);
    expect(nearest.wrong + directed.wrong).toBe(0);
  });

  it('special values and flags', () => {
    const cases: [number, number, number][] = [
      [0x3f800000, 0x00000000, 0], // acos(1) = +0 exactly
      [0xbf800000, 0x40490fdb, 1], // π
      [0x00000000, 0x3fc90fdb, 1], // π/2
      [0x80000000, 0x3fc90fdb, 1],
      [0x00000001, 0x3fc90fdb, 1],
      [0x3f7fffff, 0x39b504f3, 1], // acos(1 − 2^-24) ≈ 2^-11.5
      [0x3f800001, 0xffc00000, 0x10],
      [0xff800000, 0xffc00000, 0x10],
      [0xffc00001, 0xffc00001, 0],
    ];
    for (const [a, want, flags] of cases) {
      env.flags = 0;
      expect(f32_acos(a) >>> 0).toBe(want);
      expect(env.flags).toBe(flags);
    }
    restore();
  });
});

import { describe, expect, it } from 'vitest';
import { env, type RoundingMode } from '../../src/env/environment.js';
import { bf16_asin, f16_asin, f32_asin } from '../../src/math/asin.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { restore } from '../support/exhaustive.js';
import { BF16, F16, MODES } from '../reference/exact.js';
import './specs/asin.js';
import { biasedF32, checkF32, exhaustive16, f32Bits } from './support.js';

describe('asin', () => {
  it('f16: every word, every rounding mode, correctly rounded with exact flags, never undecided', () => {
    const before = zivStats.hard;
    exhaustive16(F16, 'asin', f16_asin);
    expect(zivStats.hard - before).toBe(0);
  });

  it('bf16: every word, every rounding mode, correctly rounded with exact flags, never undecided', () => {
    const before = zivStats.hard;
    exhaustive16(BF16, 'asin', bf16_asin);
    expect(zivStats.hard - before).toBe(0);
  });

  it('f32: a million words biased to the hard regions, correctly rounded in all modes (within 0.5 ulp)', () => {
    const regions = [
      [-1, 1],
      [-(2 ** -6), 2 ** -6],
      [2 ** -12, 2 ** -6],
      [0.45, 0.55],
      [-0.55, -0.45],
      [0.99, 1],
      [-1, -0.99],
    ] as const;
    const words = biasedF32(1_000_000, regions);
    words.set(biasedF32(4000, [[-(2 ** -11), 2 ** -11]], 7), 0);
    const nearest = checkF32('asin', f32_asin, words, [0], false, 0.5000001);
    const directed = checkF32('asin', f32_asin, words.subarray(0, 100_000), MODES.slice(1), false, Infinity);
    expect(nearest.wrong + directed.wrong).toBe(0);
  });

  it('special values and flags', () => {
    const cases: [number, number, number][] = [
      [0x00000000, 0x00000000, 0],
      [0x80000000, 0x80000000, 0],
      [0x3f800000, 0x3fc90fdb, 1],
      [0xbf800000, 0xbfc90fdb, 1],
      [0x3f800001, 0xffc00000, 0x10],
      [0x7f800000, 0xffc00000, 0x10],
      [0xff800000, 0xffc00000, 0x10],
      [0x7fa00000, 0x7fe00000, 0x10], // signaling NaN quieted
      [0x00000001, 0x00000001, 3],
    ];
    for (const [a, want, flags] of cases) {
      env.flags = 0;
      expect(f32_asin(a) >>> 0).toBe(want);
      expect(env.flags).toBe(flags);
    }
    // Away from zero: tiny x rounds up in magnitude under round-to-odd, up for positive x toward +∞.
    env.roundingMode = 3 as RoundingMode;
    expect(f32_asin(f32Bits(2 ** -20))).toBe(f32Bits(2 ** -20) + 1);
    expect(f32_asin(1)).toBe(2);
    restore();
  });
});

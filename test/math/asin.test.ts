import { describe, expect, it } from 'vitest';
import { env, type RoundingMode } from '../../src/env/environment.js';
import { bf16_asin, f16_asin, f32_asin } from '../../src/math/asin.js';
import { restore } from '../support/exhaustive.js';
import './specs/asin.js';
import { biasedMillionF32, exhaustive16DecidedTests, expectF32Specials, f32Bits } from './support.js';

const REGIONS = [
  [-1, 1],
  [-(2 ** -6), 2 ** -6],
  [2 ** -12, 2 ** -6],
  [0.45, 0.55],
  [-0.55, -0.45],
  [0.99, 1],
  [-1, -0.99],
] as const;

describe('asin', () => {
  exhaustive16DecidedTests('asin', { f16: f16_asin, bf16: bf16_asin });

  it('f32: a million words biased to the hard regions, correctly rounded in all modes (within 0.5 ulp)', () => {
    expect(biasedMillionF32('asin', f32_asin, REGIONS, [-(2 ** -11), 2 ** -11], false, 0.5000001)).toBe(0);
  });

  it('special values and flags', () => {
    expectF32Specials(f32_asin, [
      [0x00000000, 0x00000000, 0],
      [0x80000000, 0x80000000, 0],
      [0x3f800000, 0x3fc90fdb, 1],
      [0xbf800000, 0xbfc90fdb, 1],
      [0x3f800001, 0xffc00000, 0x10],
      [0x7f800000, 0xffc00000, 0x10],
      [0xff800000, 0xffc00000, 0x10],
      [0x7fa00000, 0x7fe00000, 0x10], // signaling NaN quieted
      [0x00000001, 0x00000001, 3],
    ]);
    // Away from zero: tiny x rounds up in magnitude under round-to-odd, up for positive x toward +∞.
    env.roundingMode = 3 as RoundingMode;
    expect(f32_asin(f32Bits(2 ** -20))).toBe(f32Bits(2 ** -20) + 1);
    expect(f32_asin(1)).toBe(2);
    restore();
  });
});

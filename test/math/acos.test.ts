import { describe, expect, it } from 'vitest';
import { bf16_acos, f16_acos, f32_acos } from '../../src/math/acos.js';
import { restore } from '../support/exhaustive.js';
import './specs/acos.js';
import { biasedMillionF32, exhaustive16DecidedTests, expectF32Specials } from './support.js';

const REGIONS = [
  [-1, 1],
  [-(2 ** -6), 2 ** -6],
  [0.45, 0.55],
  [-0.55, -0.45],
  [0.999, 1],
  [-1, -0.999],
] as const;

describe('acos', () => {
  exhaustive16DecidedTests('acos', { f16: f16_acos, bf16: bf16_acos });

  it('f32: a million words biased to the hard regions, correctly rounded in all modes (within 0.5 ulp)', () => {
    // The first 4,000 words just below 1, where acos is smallest.
    expect(biasedMillionF32('acos', f32_acos, REGIONS, [1 - 2 ** -12, 1], false, 0.5000001)).toBe(0);
  });

  it('special values and flags', () => {
    expectF32Specials(f32_acos, [
      [0x3f800000, 0x00000000, 0], // acos(1) = +0 exactly
      [0xbf800000, 0x40490fdb, 1], // π
      [0x00000000, 0x3fc90fdb, 1], // π/2
      [0x80000000, 0x3fc90fdb, 1],
      [0x00000001, 0x3fc90fdb, 1],
      [0x3f7fffff, 0x39b504f3, 1], // acos(1 − 2^-24) ≈ 2^-11.5
      [0x3f800001, 0xffc00000, 0x10],
      [0xff800000, 0xffc00000, 0x10],
      [0xffc00001, 0xffc00001, 0],
    ]);
    restore();
  });
});

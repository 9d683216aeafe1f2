import { describe, expect, it } from 'vitest';
import { env, type RoundingMode } from '../../src/env/environment.js';
import { bf16_atan, f16_atan, f32_atan } from '../../src/math/atan.js';
import { restore } from '../support/exhaustive.js';
import './specs/atan.js';
import { biasedMillionF32, exhaustive16DecidedTests, expectF32Specials, f32Bits } from './support.js';

const REGIONS = [
  [-1, 1],
  [-(2 ** -6), 2 ** -6],
  [2 ** -12, 2 ** -6],
  [-(2 ** -6), -(2 ** -12)],
  [-64, 64],
  [1, 2 ** 30],
  [-(2 ** 30), -1],
] as const;

describe('atan', () => {
  exhaustive16DecidedTests('atan', { f16: f16_atan, bf16: bf16_atan });

  it('f32: a million words biased to the hard regions, correctly rounded in all modes (within 0.5 ulp)', () => {
    expect(biasedMillionF32('atan', f32_atan, REGIONS, [-(2 ** -11), 2 ** -11], false, 0.5000001)).toBe(0);
  });

  it('special values and flags', () => {
    expectF32Specials(f32_atan, [
      [0x00000000, 0x00000000, 0],
      [0x80000000, 0x80000000, 0],
      [0x7f800000, 0x3fc90fdb, 1], // π/2 rounded up to nearest
      [0xff800000, 0xbfc90fdb, 1],
      [0x00000001, 0x00000001, 3], // inexact, underflow
      [0x3f800000, 0x3f490fdb, 1], // π/4
    ]);
    // π/2 toward zero and down: 0x3fc90fda; atan(+tiny) toward zero: the next word down.
    for (const mode of [1, 2] as const) {
      env.roundingMode = mode as RoundingMode;
      expect(f32_atan(0x7f800000)).toBe(0x3fc90fda);
      expect(f32_atan(f32Bits(2 ** -20))).toBe(f32Bits(2 ** -20) - 1);
    }
    restore();
  });
});

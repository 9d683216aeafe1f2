import { describe, expect, it } from 'vitest';
import { bf16_exp, f16_exp, f32_exp } from '../../src/math/exp.js';
import { BF16, F16 } from './reference.js';
import { MODES, biasedF32, checkF32, exhaustive16 } from './support.js';

describe('exp', () => {
  it('f16: every word, every rounding mode, correctly rounded with exact flags', () => {
    exhaustive16(F16, 'exp', f16_exp);
  });

  it('bf16: every word, every rounding mode, correctly rounded with exact flags', () => {
    exhaustive16(BF16, 'exp', bf16_exp);
  });

  it('f32: a million words biased to the hard regions, correctly rounded in every mode', () => {
    const regions = [
      [2 ** -32, 2 ** -8],
      [-(2 ** -32), -(2 ** -8)],
      [-1, 1],
      [-16, 16],
      [80, 89],
      [-104, -85],
    ] as const;
    const words = biasedF32(1_000_000, regions);
    // A few thousand words where e^x is 1 nudged (|x| < 2^-26) and subnormal arguments.
    words.set(biasedF32(4000, [[0, 2 ** -20], [-0, -(2 ** -20)]], 7), 0);
    const nearest = checkF32('exp', f32_exp, words, [0], true, 0.5);
    const directed = checkF32('exp', f32_exp, words.subarray(0, 100_000), MODES.slice(1), true, Infinity);
    expect(nearest.wrong + directed.wrong).toBe(0);
  });
});

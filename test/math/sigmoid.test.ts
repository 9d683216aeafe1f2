import { describe, expect, it } from 'vitest';
import { bf16_sigmoid, f16_sigmoid, f32_sigmoid } from '../../src/math/sigmoid.js';
import { BF16, F16 } from './reference.js';
import { MODES, biasedF32, checkF32, exhaustive16 } from './support.js';

describe('sigmoid', () => {
  it('f16: every word, every rounding mode, correctly rounded with exact flags', () => {
    exhaustive16(F16, 'sigmoid', f16_sigmoid);
  });

  it('bf16: every word, every rounding mode, correctly rounded with exact flags', () => {
    exhaustive16(BF16, 'sigmoid', bf16_sigmoid);
  });

  it('f32: a million words biased to the hard regions, correctly rounded in every mode', () => {
    const regions = [
      [-(2 ** -6), 2 ** -6],
      [-1, 1],
      [-8, 8],
      [10, 18],
      [-104, -80],
      [-30, -8],
    ] as const;
    const words = biasedF32(1_000_000, regions);
    words.set(biasedF32(4000, [[-(2 ** -24), 2 ** -24]], 7), 0);
    const nearest = checkF32('sigmoid', f32_sigmoid, words, [0], true, 0.5);
    const directed = checkF32('sigmoid', f32_sigmoid, words.subarray(0, 100_000), MODES.slice(1), true, Infinity);
    expect(nearest.wrong + directed.wrong).toBe(0);
  });
});

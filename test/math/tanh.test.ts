import { describe, expect, it } from 'vitest';
import { bf16_tanh, f16_tanh, f32_tanh } from '../../src/math/tanh.js';
import { BF16, F16 } from './reference.js';
import { MODES, biasedF32, checkF32, exhaustive16 } from './support.js';

describe('tanh', () => {
  it('f16: every word, every rounding mode, correctly rounded with exact flags', () => {
    exhaustive16(F16, 'tanh', f16_tanh);
  });

  it('bf16: every word, every rounding mode, correctly rounded with exact flags', () => {
    exhaustive16(BF16, 'tanh', bf16_tanh);
  });

  it('f32: a million words biased to the hard regions, correctly rounded in every mode', () => {
    const regions = [
      [-(2 ** -6), 2 ** -6],
      [2 ** -14, 2 ** -9],
      [-1, 1],
      [-8, 8],
      [7, 17],
      [-17, -7],
    ] as const;
    const words = biasedF32(1_000_000, regions);
    words.set(biasedF32(4000, [[-(2 ** -12), 2 ** -12]], 7), 0);
    const nearest = checkF32('tanh', f32_tanh, words, [0], true, 0.5);
    const directed = checkF32('tanh', f32_tanh, words.subarray(0, 100_000), MODES.slice(1), true, Infinity);
    expect(nearest.wrong + directed.wrong).toBe(0);
  });
});

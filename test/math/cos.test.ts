import { expect, it } from 'vitest';
import { env } from '../../src/env/environment.js';
import { bf16_cos, f16_cos, f32_cos } from '../../src/math/cos.js';
import { restore } from '../support/exhaustive.js';
import './specs/cos.js';
import { trigSuite } from './support/trig.js';

trigSuite('cos', { f32: f32_cos, f16: f16_cos, bf16: bf16_cos }, 'even', () => {
  it('a binary16 result below the normal range: cos(177.5) ≈ −1.507e-5 is subnormal', () => {
    env.flags = 0;
    // −1.507e-5 = −253/2^24 rounded: 0x80fd, inexact and underflow.
    expect(f16_cos(0x598c)).toBe(0x80fd);
    expect(env.flags).toBe(0x03);
    restore();
  });
});

import { expect, it } from 'vitest';
import { env } from '../../src/env/environment.js';
import { bf16_tan, f16_tan, f32_tan } from '../../src/math/tan.js';
import { restore } from '../support/exhaustive.js';
import './specs/tan.js';
import { trigSuite } from './support/trig.js';

trigSuite('tan', { f32: f32_tan, f16: f16_tan, bf16: bf16_tan }, 'odd', () => {
  it('near a pole: binary16 tan(177.5) ≈ −66347 overflows, bfloat16 stays finite', () => {
    env.flags = 0;
    expect(f16_tan(0x598c)).toBe(0xfc00);
    expect(env.flags).toBe(0x05);
    env.roundingMode = 1;
    env.flags = 0;
    expect(f16_tan(0x598c)).toBe(0xfbff);
    expect(env.flags).toBe(0x05);
    restore();
    // tan(425590164786511900) ≈ 6211.05, the largest bfloat16 |tan|: 6208 = 0x45c2, inexact only.
    expect(bf16_tan(0x5cbd)).toBe(0x45c2);
    expect(env.flags).toBe(0x01);
    restore();
  });
});

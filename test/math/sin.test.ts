import { describe, expect, it } from 'vitest';
import { env } from '../../src/env/environment.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { bf16_sin, f16_sin, f32_sin } from '../../src/math/sin.js';
import { restore } from '../support/exhaustive.js';
import './specs/sin.js';
import { MODES, biasedF32, checkF32, mathSuite, rng } from './support.js';

/** Binary32 arguments nearest a multiple of π/32 (|x·32/π − j| from 2^-29.86 up), the reductions' hardest cases. */
const HARD = [
  0x6d79be45, 0x4ea3e87f, 0x6df9be45, 0x4f23e87f, 0x417ce5f1, 0x6e79be45, 0x681976f1, 0x51b146a6, 0x63898498,
  0x4fa3e87f, 0x41fce5f1, 0x75584625, 0x4a2332e9, 0x3e96cbe4, 0x6a55da58, 0x6ef9be45,
];

const regions = [
  [-(2 ** -5), 2 ** -5],
  [-1, 1],
  [-8, 8],
  [-1e4, 1e4],
  [-1e12, 1e12],
  [1e20, 3.4e38],
  [-3.4e38, -1e30],
] as const;

mathSuite('sin', { f32: f32_sin, f16: f16_sin, bf16: bf16_sin }, regions, [-(2 ** -11), 2 ** -11], false, 1);

describe('sin: special values, hard reductions, the undecided path', () => {
  it('signed zeros exactly, infinities invalid, NaNs propagated', () => {
    for (const [op, z, inf, dnan, qnan, snan] of [
      [f32_sin, 0x80000000, 0x7f800000, 0xffc00000, 0x7fc01234, 0x7f801234],
      [f16_sin, 0x8000, 0x7c00, 0xfe00, 0x7e12, 0x7c12],
      [bf16_sin, 0x8000, 0x7f80, 0xffc0, 0x7fc1, 0x7f81],
    ] as const) {
      env.flags = 0;
      expect(op(0)).toBe(0);
      expect(op(z)).toBe(z);
      expect(env.flags).toBe(0);
      expect(op(inf)).toBe(dnan);
      expect(env.flags).toBe(0x10);
      env.flags = 0;
      expect(op((inf | z) >>> 0)).toBe(dnan);
      expect(env.flags).toBe(0x10);
      env.flags = 0;
      expect(op(qnan)).toBe(qnan);
      expect(env.flags).toBe(0);
      expect(op(snan)).toBe(qnan);
      expect(env.flags).toBe(0x10);
    }
    restore();
  });

  it('odd: sin(−x) = −sin(x) in round to nearest', () => {
    const next = rng(5);
    for (let i = 0; i < 20000; i++) {
      const a = next() & 0x7fffffff;
      if (a >= 0x7f800000) continue;
      expect(f32_sin((a | 0x80000000) >>> 0)).toBe((f32_sin(a) ^ 0x80000000) >>> 0);
    }
  });

  it('f32: the arguments nearest multiples of π/32, every mode', () => {
    const words = new Uint32Array(HARD.length * 2);
    HARD.forEach((w, i) => {
      words[2 * i] = w;
      words[2 * i + 1] = (w | 0x80000000) >>> 0;
    });
    const s = checkF32('sin', f32_sin, words, MODES, true, 0.5);
    expect(s.wrong).toBe(0);
  });

  it('binary16 and bfloat16 never leave the fast rounding; binary32 rarely', () => {
    zivStats.hard = 0;
    for (let a = 0; a < 0x10000; a++) {
      f16_sin(a);
      bf16_sin(a);
    }
    expect(zivStats.hard).toBe(0);
    const words = biasedF32(1_000_000, regions, 31);
    for (let i = 0; i < words.length; i++) f32_sin(words[i]!);
    console.log(`f32_sin: ${zivStats.hard} undecided roundings in 10^6 biased words`);
    expect(zivStats.hard).toBeLessThan(3);
    restore();
  });
});

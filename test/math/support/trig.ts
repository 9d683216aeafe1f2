/**
 * The suite sin, cos and tan share. The three reduce their argument the same way (by multiples of π/32,
 * src/math/kernels/trig.ts), so they are sampled in the same regions, checked on the same hardest reductions and held
 * to the same budget of undecided roundings; they differ in parity and in their value at zero.
 */
import { describe, expect, it } from 'vitest';
import { env } from '../../../src/env/environment.js';
import { zivStats } from '../../../src/math/kernels/round.js';
import { restore } from '../../support/exhaustive.js';
import { MODES, biasedF32, checkF32, mathSuite, rng, type MathOps } from '../support.js';

/** Binary32 arguments nearest a multiple of π/32 (|x·32/π − j| from 2^-29.86 up), the reductions' hardest cases. */
const HARD = [
  0x6d79be45, 0x4ea3e87f, 0x6df9be45, 0x4f23e87f, 0x417ce5f1, 0x6e79be45, 0x681976f1, 0x51b146a6, 0x63898498,
  0x4fa3e87f, 0x41fce5f1, 0x75584625, 0x4a2332e9, 0x3e96cbe4, 0x6a55da58, 0x6ef9be45,
];

const REGIONS = [
  [-(2 ** -5), 2 ** -5],
  [-1, 1],
  [-8, 8],
  [-1e4, 1e4],
  [-1e12, 1e12],
  [1e20, 3.4e38],
  [-3.4e38, -1e30],
] as const;

/** Per format: −0, +∞, the default NaN, a quiet NaN, the signaling NaN that quiets to it, and 1. */
const SPECIAL_WORDS = {
  f32: [0x80000000, 0x7f800000, 0xffc00000, 0x7fc01234, 0x7f801234, 0x3f800000],
  f16: [0x8000, 0x7c00, 0xfe00, 0x7e12, 0x7c12, 0x3c00],
  bf16: [0x8000, 0x7f80, 0xffc0, 0x7fc1, 0x7f81, 0x3f80],
} as const;

/**
 * mathSuite (binary32 within 1 ulp) and the checks of the reduction. `parity` says what f(±0) is (±0 for the odd
 * functions, 1 for cos) and which symmetry binary32 results keep; `moreTests` adds the function's own tests to the
 * second block.
 */
export function trigSuite(fn: 'sin' | 'cos' | 'tan', ops: MathOps, parity: 'odd' | 'even', moreTests: () => void = () => {}): void {
  const odd = parity === 'odd';
  mathSuite(fn, ops, REGIONS, [-(2 ** -11), 2 ** -11], false, 1);

  describe(`${fn}: special values, hard reductions, the undecided path`, () => {
    const zeros = odd ? 'signed zeros exactly' : `${fn}(±0) = 1 exactly`;
    it(`${zeros}, infinities invalid, NaNs propagated`, () => {
      for (const [op, [z, inf, dnan, qnan, snan, one]] of [
        [ops.f32, SPECIAL_WORDS.f32],
        [ops.f16, SPECIAL_WORDS.f16],
        [ops.bf16, SPECIAL_WORDS.bf16],
      ] as const) {
        env.flags = 0;
        expect(op(0)).toBe(odd ? 0 : one);
        expect(op(z)).toBe(odd ? z : one);
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

    const symmetry = odd ? `odd: ${fn}(−x) = −${fn}(x)` : `even: ${fn}(−x) = ${fn}(x)`;
    it(`${symmetry} in round to nearest`, () => {
      const next = rng(5);
      for (let i = 0; i < 20000; i++) {
        const a = next() & 0x7fffffff;
        if (a >= 0x7f800000) continue;
        const ofNegated = ops.f32((a | 0x80000000) >>> 0);
        expect(ofNegated).toBe(odd ? (ops.f32(a) ^ 0x80000000) >>> 0 : ops.f32(a));
      }
    });

    moreTests();

    it('f32: the arguments nearest multiples of π/32, every mode', () => {
      const words = new Uint32Array(HARD.length * 2);
      HARD.forEach((w, i) => {
        words[2 * i] = w;
        words[2 * i + 1] = (w | 0x80000000) >>> 0;
      });
      const s = checkF32(fn, ops.f32, words, MODES, true, 0.5);
      expect(s.wrong).toBe(0);
    });

    it('binary16 and bfloat16 never leave the fast rounding; binary32 rarely', () => {
      zivStats.hard = 0;
      for (let a = 0; a < 0x10000; a++) {
        ops.f16(a);
        ops.bf16(a);
      }
      expect(zivStats.hard).toBe(0);
      const words = biasedF32(1_000_000, REGIONS, 31);
      for (let i = 0; i < words.length; i++) ops.f32(words[i]!);
      console.log(`f32_${fn}: ${zivStats.hard} undecided roundings in 10^6 biased words`);
      expect(zivStats.hard).toBeLessThan(3);
      restore();
    });
  });
}

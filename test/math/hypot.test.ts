/**
 * hypot(x, y): binary16 and bfloat16 on every pair (h, w) and (w, h), h from a hard set and w any word, in every
 * rounding mode with exact flags; binary32 on a biased sample of pairs, correctly rounded in every mode; the IEEE
 * 754-2019 special values. The reference (specs/hypot.ts) is exact integer arithmetic.
 *
 * FPULESS_RUNS=2 (or more) adds the extended hard set.
 */
import { describe, expect, it } from 'vitest';
import { env } from '../../src/env/environment.js';
import { bf16_hypot, f16_hypot, f32_hypot } from '../../src/math/hypot.js';
import { restore } from '../support/exhaustive.js';
import { runs } from '../support/harness.js';
import { BF16, F16, F32, MODES, type Format } from '../reference/exact.js';
import { rng } from './support.js';
import { HYPOT } from './specs/hypot.js';
import { checkPairsF32, edgeWords, exhaustivePairs16, f32Value, f32Word, wordsOf } from './specs/pow.js';

const extended = runs(1) > 1;
/** The extended hard sets take many minutes on a busy machine. */
const timeout = extended ? 3_600_000 : undefined;

/**
 * Edges, Pythagorean legs (3, 4, 5, 12, 13 …, so that exact results occur against every word), values next to the
 * overflow threshold (max/√2) and to 1, and random words.
 */
function hardSet(fmt: Format): number[] {
  const maxValue = 2 ** fmt.emax * (2 - 2 ** (1 - fmt.p));
  const values = [3, 4, 5, 12, 13, 1.5, 0.75, 1 / 3, maxValue / Math.SQRT2, maxValue / 2, 2 ** fmt.emin];
  const words = [...edgeWords(fmt), ...wordsOf(fmt, values, false)];
  const next = rng(fmt.name === 'f16' ? 5 : 6);
  for (let i = 0; i < 4; i++) words.push(next() & 0xffff);
  if (extended) {
    const more = [8, 15, 17, 20, 21, 29, 0.6, 0.8, 2 ** (fmt.emin - 5), 7, 24, 25, 1e-3, 100, 1000];
    words.push(...wordsOf(fmt, [...values, ...more], true));
    for (let i = 0; i < 60; i++) words.push(next() & 0xffff);
  }
  return [...new Set(words)];
}

describe('hypot', () => {
  it('f16: hard set × every word, both positions, every rounding mode', () => {
    exhaustivePairs16(F16, 'hypot', f16_hypot, HYPOT, hardSet(F16));
  }, timeout);

  it('bf16: hard set × every word, both positions, every rounding mode', () => {
    exhaustivePairs16(BF16, 'hypot', bf16_hypot, HYPOT, hardSet(BF16));
  }, timeout);

  it('f32: 300,000 biased pairs, correctly rounded in every mode', () => {
    const next = rng(31);
    const u = () => next() / 2 ** 32;
    const n = 300_000;
    const words = new Uint32Array(2 * n);
    for (let i = 0; i < n; i++) {
      let a: number;
      let b: number;
      switch (i % 6) {
        case 0: // anything
          a = next();
          b = next();
          break;
        case 1: // close exponents
          a = next();
          b = ((a & 0xff800000) + (next() & 0x01ffffff) - 0x00800000) >>> 0;
          break;
        case 2: // Pythagorean-like integers: exact results and midpoints
          a = f32Word((next() % 5000) * 2 ** ((next() % 40) - 20));
          b = f32Word((next() % 5000) * 2 ** ((next() % 40) - 20));
          break;
        case 3: // near the overflow threshold
          a = f32Word(2 ** 127 * (1 + u()));
          b = f32Word(2 ** (127 - (next() % 30)) * (1 + u()));
          break;
        case 4: // subnormal and tiny
          a = next() % 0x01800000;
          b = next() % 0x01800000;
          break;
        default: {
          // short significands (x² + y² often a perfect square or a midpoint)
          const k = (next() % 30) - 15;
          a = f32Word((next() & 0xfff) * 2 ** k);
          b = f32Word((next() & 0xfff) * 2 ** (k + (next() % 5) - 2));
        }
      }
      words[2 * i] = a >>> 0;
      words[2 * i + 1] = b >>> 0;
    }
    const nearest = checkPairsF32(F32, 'hypot', f32_hypot, HYPOT, words, [0]);
    const directed = checkPairsF32(F32, 'hypot', f32_hypot, HYPOT, words.subarray(0, 100_000), MODES.slice(1));
    expect([...nearest.lines, ...directed.lines]).toEqual([]);
    expect(nearest.maxUlp, `worst at ${nearest.worst}`).toBeLessThanOrEqual(0.5);
  });

  it('special values (IEEE 754-2019 §9.2.1), exact results and flags', () => {
    const cases: [number, number, number, number][] = [
      [0x7f800000, 0x7fc00000, 0x7f800000, 0], // hypot(+∞, qNaN) = +∞
      [0xffc00001, 0xff800000, 0x7f800000, 0], // hypot(−qNaN, −∞) = +∞
      [0xff800000, 0x7f800001, 0x7fc00001, 0x10], // hypot(−∞, sNaN): invalid, the quieted NaN
      [0x7fa00000, 0x3f800000, 0x7fe00000, 0x10], // hypot(sNaN, 1)
      [0x7fc00000, 0x3f800000, 0x7fc00000, 0], // hypot(qNaN, 1)
      [0x3f800000, 0xffc00002, 0xffc00002, 0], // hypot(1, −qNaN)
      [0x80000000, 0x80000000, 0x00000000, 0], // hypot(−0, −0) = +0
      [0x80000000, 0xc0400000, 0x40400000, 0], // hypot(−0, −3) = 3
      [0x80000001, 0x00000000, 0x00000001, 0], // hypot(−least subnormal, 0), exact, no underflow
      [0x40400000, 0xc0800000, 0x40a00000, 0], // hypot(3, −4) = 5
      [0x00000003, 0x00000004, 0x00000005, 0], // subnormal 3-4-5, exact
      [0x00000001, 0x00000001, 0x00000001, 0x03], // sqrt(2)·2^-149: tiny and inexact
      [0x7f7fffff, 0x7f7fffff, 0x7f800000, 0x05], // overflow
      [0x3f800000, 0x33800000, 0x3f800000, 0x01], // hypot(1, 2^-24): just above 1
    ];
    for (const [a, b, z, flags] of cases) {
      env.flags = 0;
      const got = f32_hypot(a, b);
      expect([got.toString(16), env.flags], `hypot(${a.toString(16)}, ${b.toString(16)})`).toEqual([z.toString(16), flags]);
      env.flags = 0;
      expect(f32_hypot(b, a), 'symmetric').toBe(z);
    }
    env.roundingMode = 3;
    env.flags = 0;
    expect(f32_hypot(0x3f800000, 0x33800000)).toBe(0x3f800001);
    expect(f32Value(f32_hypot(f32Word(5), f32Word(12)))).toBe(13);
    env.nanMode = 1;
    expect(f16_hypot(0x7c01, 0x3c00)).toBe(0x7e00);
    expect(bf16_hypot(0xffc0, 0x3f80)).toBe(0x7fc0);
    expect(f16_hypot(0x7c00, 0x7e00)).toBe(0x7c00);
    restore();
  });
});

/**
 * pow(x, y): binary16 and bfloat16 on every pair (h, w) and (w, h), h from a hard set and w any word, in every
 * rounding mode with exact flags, with the undecided (Ziv) path never taken; binary32 on a biased sample of pairs
 * against the correctly rounded result, within 0.5 ulp in round to nearest; the IEEE 754-2019 special values, exact
 * powers and midpoints; and the error bound of the approximation against BigInt values.
 *
 * FPULESS_RUNS=2 (or more) adds the extended hard set (about three times as many values; minutes rather than seconds).
 */
import { describe, expect, it } from 'vitest';
import { env } from '../../src/env/environment.js';
import { powValue } from '../../src/math/kernels/pow.js';
import { R } from '../../src/math/kernels/fixed.js';
import { FX, fx } from '../../src/math/kernels/float.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { bf16_pow, f16_pow, f32_pow } from '../../src/math/pow.js';
import { restore } from '../support/exhaustive.js';
import { runs } from '../support/harness.js';
import { BF16, F16, F32, MODES, type Format } from '../reference/exact.js';
import * as B from './bigref.js';
import { rng } from './support.js';
import { POW, checkPairsF32, edgeWords, exhaustivePairs16, f32Value, f32Word, wordsOf } from './specs/pow.js';

const extended = runs(1) > 1;
/** The extended hard sets take many minutes on a busy machine. */
const timeout = extended ? 3_600_000 : undefined;

/**
 * The hard set of a 16-bit format: zeros, infinities, NaNs, the subnormal and normal extremes, 1 and its
 * neighbours, −1, and bases / exponents with exact powers (2, 0.5, 3, 1.5, 10 …); the extended set adds more of
 * each kind and random words.
 */
function hardSet(fmt: Format): number[] {
  const s = fmt.signBit;
  const ONE = fmt.bias * 2 ** (fmt.p - 1);
  const minNormal = 2 ** (fmt.p - 1);
  const words = [0, s, 1, minNormal, fmt.maxFinite, fmt.posInf, s + fmt.posInf, ONE - 1, ONE + 1, s + ONE];
  words.push(s + fmt.posInf + fmt.quietBit + 5, fmt.posInf + 1);
  const core = [2, -2, 0.5, 3, 1.5, 1 / 3, 10, -0.5];
  words.push(...wordsOf(fmt, core, false));
  if (extended) {
    const more = [
      0.25, 9, 4, 5, 7, 8, 15, 16, 17, 19, 20, 27, 81, 625, 2.25, 5.0625, 0.75, 1.25, 2.5, 0.125, 0.375,
      1.0625, 0.9375, 100, 1000, 1e-3, 0.1, Math.E, 2047, 2048, 4095, 1 + 2 ** -10, 1 - 2 ** -11, 1 + 2 ** -7,
      1 - 2 ** -8, 6.5, 12.25,
    ];
    words.push(...edgeWords(fmt), s + minNormal - 1, s + fmt.maxFinite);
    words.push(...wordsOf(fmt, more, true), ...wordsOf(fmt, core, true));
    const next = rng(fmt.name === 'f16' ? 16 : 8);
    for (let i = 0; i < 30; i++) words.push(next() & 0xffff);
  }
  return [...new Set(words)];
}

describe('pow', () => {
  it('f16: hard set × every word, both positions, every rounding mode, never undecided', () => {
    const hard0 = zivStats.hard;
    const slow = exhaustivePairs16(F16, 'pow', f16_pow, POW, hardSet(F16));
    expect(zivStats.hard - hard0).toBe(0);
    expect(slow).toBeGreaterThan(0);
  }, timeout);

  it('bf16: hard set × every word, both positions, every rounding mode, never undecided', () => {
    const hard0 = zivStats.hard;
    exhaustivePairs16(BF16, 'pow', bf16_pow, POW, hardSet(BF16));
    expect(zivStats.hard - hard0).toBe(0);
  }, timeout);

  it('f32: 300,000 biased pairs in round to nearest (30,000 in the other modes), correctly rounded', () => {
    const next = rng(2024);
    const u = () => next() / 2 ** 32;
    const n = 300_000;
    const words = new Uint32Array(2 * n);
    for (let i = 0; i < n; i++) {
      let x: number;
      let y: number;
      switch (i % 10) {
        case 0: // anything
          x = f32Value(next());
          y = f32Value(next());
          break;
        case 1: // positive x, moderate y
          x = f32Value(next() & 0x7fffffff);
          y = (u() - 0.5) * 16;
          break;
        case 2: // x next to 1, large y
          x = 1 + (u() - 0.5) * 2 ** -(next() % 24);
          y = (u() - 0.5) * 2 ** (next() % 30);
          break;
        case 3: // integer y, any sign of x
          x = (u() - 0.5) * 2 ** ((next() % 40) - 20);
          y = (next() % 61) - 30;
          break;
        case 4: // y = n/2^k with x a perfect power: exact results and midpoints
          x = (((next() % 300) + 1) ** (1 << (next() % 4))) * 2 ** ((next() % 16) * 8 - 64);
          y = ((next() % 41) - 20) / (1 << (next() % 4));
          break;
        case 5: // short significands: x^n exact or a midpoint of binary32
          x = ((next() & 0x1fff) | 1) * 2 ** ((next() % 40) - 30);
          y = (next() % 5) + 1;
          break;
        case 6: // results near the overflow and underflow thresholds
          x = 1 + u() * 15;
          y = ((u() < 0.5 ? 128 : -149) + (u() - 0.5) * 4) / Math.log2(x);
          break;
        case 7: // subnormal and tiny x
          x = f32Value(next() % 0x01000000);
          y = (u() - 0.5) * 4;
          break;
        case 8: // tiny y
          x = f32Value(next() & 0x7fffffff);
          y = (u() - 0.5) * 2 ** -(next() % 40);
          break;
        default: // negative x with integer y
          x = -(1 + u() * 3);
          y = (next() % 200) - 100;
      }
      words[2 * i] = f32Word(x);
      words[2 * i + 1] = f32Word(y);
    }
    const hard0 = zivStats.hard;
    const nearest = checkPairsF32(F32, 'pow', f32_pow, POW, words, [0]);
    const directed = checkPairsF32(F32, 'pow', f32_pow, POW, words.subarray(0, 60_000), MODES.slice(1));
    expect([...nearest.lines, ...directed.lines]).toEqual([]);
    expect(nearest.maxUlp, `worst at ${nearest.worst}`).toBeLessThanOrEqual(0.5);
    console.log(
      `f32_pow: ${nearest.checked + directed.checked} results, max ${nearest.maxUlp.toFixed(4)} ulp, ` +
        `${zivStats.hard - hard0} undecided, ${nearest.slow + directed.slow} BigInt references`,
    );
  });

  it('special values (IEEE 754-2019 §9.2.1) and flags, every format', () => {
    const cases: [number, number, number, number][] = [
      // x, y, result, flags (binary32 words)
      [0x7fc00000, 0x00000000, 0x3f800000, 0], // pow(qNaN, 0) = 1
      [0xffc00001, 0x80000000, 0x3f800000, 0], // pow(−qNaN, −0) = 1
      [0x7f800001, 0x00000000, 0x7fc00001, 0x10], // pow(sNaN, 0): invalid, quieted
      [0x3f800000, 0x7fc00000, 0x3f800000, 0], // pow(1, qNaN) = 1
      [0x3f800000, 0x7f800001, 0x7fc00001, 0x10], // pow(1, sNaN): invalid
      [0x3f800000, 0xff800000, 0x3f800000, 0], // pow(1, −∞) = 1
      [0xbf800000, 0x7f800000, 0x3f800000, 0], // pow(−1, +∞) = 1
      [0xbf800000, 0xff800000, 0x3f800000, 0], // pow(−1, −∞) = 1
      [0x7fc00000, 0x3f800000, 0x7fc00000, 0], // pow(qNaN, 1)
      [0x40000000, 0x7fc00000, 0x7fc00000, 0], // pow(2, qNaN)
      [0x00000000, 0xbf800000, 0x7f800000, 0x08], // pow(+0, −1) = +∞, divide by zero
      [0x80000000, 0xbf800000, 0xff800000, 0x08], // pow(−0, −1) = −∞
      [0x80000000, 0xc0000000, 0x7f800000, 0x08], // pow(−0, −2) = +∞
      [0x80000000, 0xbf000000, 0x7f800000, 0x08], // pow(−0, −0.5) = +∞
      [0x80000000, 0xff800000, 0x7f800000, 0], // pow(−0, −∞) = +∞, no exception
      [0x80000000, 0x40400000, 0x80000000, 0], // pow(−0, 3) = −0
      [0x80000000, 0x40000000, 0x00000000, 0], // pow(−0, 2) = +0
      [0x80000000, 0x3f000000, 0x00000000, 0], // pow(−0, 0.5) = +0
      [0x00000000, 0x7f800000, 0x00000000, 0], // pow(+0, +∞) = +0
      [0x3f000000, 0x7f800000, 0x00000000, 0], // pow(0.5, +∞) = +0
      [0xbf000000, 0xff800000, 0x7f800000, 0], // pow(−0.5, −∞) = +∞
      [0x40000000, 0x7f800000, 0x7f800000, 0], // pow(2, +∞) = +∞
      [0xc0000000, 0xff800000, 0x00000000, 0], // pow(−2, −∞) = +0
      [0xff800000, 0x40400000, 0xff800000, 0], // pow(−∞, 3) = −∞
      [0xff800000, 0x40000000, 0x7f800000, 0], // pow(−∞, 2) = +∞
      [0xff800000, 0xc0400000, 0x80000000, 0], // pow(−∞, −3) = −0
      [0xff800000, 0xbf000000, 0x00000000, 0], // pow(−∞, −0.5) = +0
      [0x7f800000, 0x3f000000, 0x7f800000, 0], // pow(+∞, 0.5) = +∞
      [0x7f800000, 0xbf800000, 0x00000000, 0], // pow(+∞, −1) = +0
      [0xc0000000, 0x3f000000, 0xffc00000, 0x10], // pow(−2, 0.5): invalid
      [0xbf800000, 0x4b000001, 0xbf800000, 0], // pow(−1, 2^23 + 1) = −1
      [0xbf800000, 0x4b800000, 0x3f800000, 0], // pow(−1, 2^24) = 1
      [0xc0000000, 0x40400000, 0xc1000000, 0], // pow(−2, 3) = −8
      [0xc0400000, 0x40000000, 0x41100000, 0], // pow(−3, 2) = 9
      [0x41100000, 0x3fc00000, 0x41d80000, 0], // pow(9, 1.5) = 27
      [0x3e800000, 0xbf000000, 0x40000000, 0], // pow(0.25, −0.5) = 2
      [0x40000000, 0xc3150000, 0x00000001, 0], // pow(2, −149) = least subnormal, exact
      [0x40000000, 0xc3160000, 0x00000000, 0x03], // pow(2, −150): halfway to 0, ties to even
      [0x40000000, 0x43000000, 0x7f800000, 0x05], // pow(2, 128): overflow
      [0x41200000, 0x41200000, 0x501502f9, 0], // pow(10, 10) = 10^10 exactly (10^10 = 2^10 · 5^10, 5^10 < 2^24)
    ];
    for (const [a, b, z, flags] of cases) {
      env.flags = 0;
      const got = f32_pow(a, b);
      expect([got.toString(16), env.flags], `pow(${a.toString(16)}, ${b.toString(16)})`).toEqual([z.toString(16), flags]);
    }
    env.nanMode = 1;
    env.flags = 0;
    expect(f32_pow(0xc0000000, 0x3f000000)).toBe(0x7fc00000);
    expect(f16_pow(0xc000, 0x3800)).toBe(0x7e00);
    expect(bf16_pow(0x7f81, 0)).toBe(0x7fc0);
    expect(env.flags).toBe(0x10);
    restore();
  });

  it('midpoints round by the tie rule: (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24 in binary32', () => {
    const x = f32Word(1 + 2 ** -12);
    const expected: Record<number, number> = { 0: 0x3f801000, 1: 0x3f801000, 2: 0x3f801000, 3: 0x3f801001, 4: 0x3f801001, 6: 0x3f801001 };
    for (const mode of MODES) {
      env.roundingMode = mode;
      env.flags = 0;
      expect(f32_pow(x, 0x40000000), `mode ${mode}`).toBe(expected[mode]);
      expect(env.flags).toBe(0x01);
    }
    restore();
  });

  it('the error bound of the approximation holds against BigInt values', () => {
    const next = rng(77);
    let worst = 0;
    let count = 0;
    for (let i = 0; i < 1500; i++) {
      const mx = (next() & 0x7fffff) | 0x800000;
      const ex = i % 3 === 0 ? -23 : i % 3 === 1 ? -24 : (next() % 60) - 53;
      const my = (next() & 0x7fffff) | 0x800000;
      const ey = -23 - (next() % 40) + (i % 3 === 2 ? 10 : 0);
      const yNeg = next() & 1;
      if (powValue(mx, ex, yNeg, my, ey, -27, 7) !== 0) continue;
      count++;
      const sig = (BigInt(R[FX]!) << 32n) | BigInt(R[FX + 1]!);
      const z = B.exp(B.mul({ m: BigInt(yNeg ? -my : my), e: ey }, B.log({ m: BigInt(mx), e: ex })));
      const sh = z.e - fx.e + 63;
      const exact = sh >= 0 ? z.m << BigInt(sh) : z.m >> BigInt(-sh);
      const d = sig > exact ? sig - exact : exact - sig;
      expect(d, `x = ${mx}·2^${ex}, y = ${yNeg ? '-' : ''}${my}·2^${ey}`).toBeLessThan(BigInt(fx.err));
      worst = Math.max(worst, Number(d) / fx.err);
    }
    expect(count).toBeGreaterThan(1000);
    expect(worst).toBeGreaterThan(0.05);
  });
});

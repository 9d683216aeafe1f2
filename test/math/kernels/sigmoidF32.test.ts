/**
 * The binary32 fast sigmoid (src/math/kernels/sigmoidF32.ts) against BigInt: the float register within the stated
 * bound on ~100k words biased to the hard places (the domain's ends, the steps of e^-x's exponent n, the carry of
 * 1 + e^-x into a new binade, the reciprocal's table edges, d = 1 + e^-x near 1 and 2, the word boundaries of the
 * 1 added for x < 0), every decided result equal to the reference in all six modes and both tininess settings (and
 * to the forced full path on a sample), and the undecided rate.
 */
import { describe, expect, it } from 'vitest';
import { fx } from '../../../src/math/kernels/float.js';
import { tryFinishF32, zivStats } from '../../../src/math/kernels/round.js';
import { sigmoidF32 } from '../../../src/math/kernels/sigmoidF32.js';
import { f32_sigmoid } from '../../../src/math/sigmoid.js';
import type { BF } from '../bigref.js';
import { exactExp, expectDecidedCorrect, expectDecidedEqualsForcedFull, undecidedCounts } from './support.js';
import { boundHolds, f32Bits, f32Value, rng } from '../support.js';

/** σ(x) = 1/(1 + e^-x) as m·2^e with m of about 200 bits. */
function exactSigmoid(sign: number, m: number, E: number): BF {
  const v = exactExp(sign ^ 1, m, E);
  // v.e < 0 throughout the domain (e^-x < 2^185).
  const d = (1n << BigInt(-v.e)) + v.m;
  const L = d.toString(2).length + 200;
  return { m: (1n << BigInt(L)) / d, e: -L - v.e };
}

/** The words f32_sigmoid hands to the fast path: 2^-25 <= |x|, x < 18, x > −128. */
function inDomain(a: number): boolean {
  const expA = (a >>> 23) & 0xff;
  if (expA < 0x7f - 25) return false;
  return a >>> 31 === 0 ? a < 0x41900000 : expA < 0x86;
}

function split(a: number): [number, number, number] {
  return [a >>> 31, (a & 0x7fffff) | 0x800000, ((a >>> 23) & 0xff) - 150];
}

/** The fast attempt as f32_sigmoid makes it, or -1. */
function fastSigmoid(a: number): number {
  if (!inDomain(a)) return -1;
  const [s, m, E] = split(a);
  sigmoidF32(s, m, E);
  return tryFinishF32(0);
}

/** Words biased to the hard places of the header. */
function hardWords(): number[] {
  const words: number[] = [];
  const near = (x: number, k: number) => {
    const w = f32Bits(x);
    for (let d = -k; d <= k; d++) words.push((w + d) >>> 0);
  };
  // The domain's ends.
  for (const x of [2 ** -25, -(2 ** -25), 2 ** -24, 17.999998, -127.99999]) near(x, 400);
  // e^-x's exponent steps: x = ±k·ln 2.
  for (let k = 1; k <= 26; k++) near(k * Math.LN2, 100);
  for (let k = 1; k <= 184; k++) near(-k * Math.LN2, 60);
  // x < 0: 1 + v reaches 2^(n+1) (the carry) at v = 2^(n+1) − 1, and the 1 crosses from the high word to the low
  // word (n = 32) and below V (n = 64).
  for (let n = 1; n <= 60; n++) near(-Math.log(2 ** (n + 1) - 1), 60);
  for (const x of [-22.18, -22.1807, -44.36, -44.3614, -45.05]) near(x, 200);
  // The reciprocal's table edges: d = 1 + v or (1 + v)/2^q at 1 + j/1024.
  for (let j = 1; j < 1024; j += 1) {
    near(-Math.log(j / 1024), 3);
    near(-Math.log(2 * (1 + j / 1024) - 1), 3);
    near(-Math.log(8 * (1 + j / 1024) - 1), 2);
  }
  const next = rng(21);
  const f = (lo: number, hi: number) => f32Bits(lo + ((next() >>> 8) / 2 ** 24) * (hi - lo));
  // d near 1 (x large), d near 2 (x near 0+), and everywhere.
  for (let i = 0; i < 10_000; i++) words.push(f(10, 18), f(0, 2 ** -8), f(-(2 ** -8), 0), f(-128, 18));
  for (let i = 0; i < 10_000; i++) words.push(next());
  return words.filter(inDomain);
}

describe('sigmoidF32 kernel', () => {
  const words = hardWords();

  it(`holds the stated bound on ${words.length} words biased to the hard places`, () => {
    const bad: string[] = [];
    let worstPos = 0;
    let worstNeg = 0;
    for (const a of words) {
      const [s, m, E] = split(a);
      sigmoidF32(s, m, E);
      const [u, err] = boundHolds(exactSigmoid(s, m, E));
      if (!(u < err)) bad.push(`${a.toString(16)}: ${u} units >= ${err}`);
      if (s === 0) worstPos = Math.max(worstPos, u / err);
      else worstNeg = Math.max(worstNeg, u / err);
      expect(fx.err).toBe(s === 0 ? 0x1900000 : 0x4800000);
    }
    console.log(
      `sigmoidF32 bound: worst |error|/bound ${worstPos.toFixed(3)} for x > 0, ${worstNeg.toFixed(3)} for x < 0`,
    );
    expect(bad.slice(0, 10)).toEqual([]);
    expect(words.length).toBeGreaterThan(90_000);
  });

  it('every decided result is the reference result in all six modes and both tininess settings', () => {
    expectDecidedCorrect('sigmoid', fastSigmoid, f32_sigmoid, words);
  });

  it('every decided result equals the forced full path (slow path) on a sample, all six modes', () => {
    expectDecidedEqualsForcedFull(fastSigmoid, f32_sigmoid, words);
  });

  it('undecided: fewer than 1 in 2,000 of a million random words and of a million values uniform in [-15, 15]', () => {
    const { words, missWords, missUniform } = undecidedCounts(fastSigmoid, inDomain, 15);
    console.log(`sigmoidF32 undecided: ${missWords} of ${words} random words; ${missUniform} of 1,000,000 values in [-15, 15]`);
    expect(missWords).toBeLessThan(words / 2000);
    expect(missUniform).toBeLessThan(500);
  });

  it('zivStats.force sends the fast attempt to the full path', () => {
    zivStats.force = true;
    try {
      expect(fastSigmoid(f32Bits(1.5))).toBe(-1);
    } finally {
      zivStats.force = false;
    }
    expect(f32Value(f32_sigmoid(f32Bits(0)))).toBe(0.5);
  });
});

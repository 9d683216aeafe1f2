/**
 * The binary32 fast tanh (src/math/kernels/tanhF32.ts) against BigInt: the float register within the stated bound on
 * ~100k words biased to the hard places (the domain's ends, both sides of the switch at |x| = 1/16 where the
 * cancellation in 2y − 1 is largest, every binade of the series path and its largest s, the steps of e^(−2|x|)'s
 * exponent, the reciprocal's table edges, and the saturation threshold 9.5), every decided result equal to the reference
 * in all six modes and both tininess settings (and to the forced full path on a sample), and the undecided rate.
 */
import { describe, expect, it } from 'vitest';
import { fx } from '../../../src/math/kernels/float.js';
import { tryFinishF32, zivStats } from '../../../src/math/kernels/round.js';
import { tanhF32Exp, tanhF32Poly } from '../../../src/math/kernels/tanhF32.js';
import { f32_tanh } from '../../../src/math/tanh.js';
import type { BF } from '../bigref.js';
import { expectDecidedCorrect, expectDecidedEqualsForcedFull, exactExp } from './support.js';
import { boundHolds, f32Bits, rng } from '../support.js';

/** tanh|x| = (1 − w)/(1 + w), w = e^(−2|x|), as m·2^e with m of about 200 bits. */
function exactTanh(m: number, E: number): BF {
  const w = exactExp(1, m, E + 1);
  const one = 1n << BigInt(-w.e);
  return { m: ((one - w.m) << 200n) / (one + w.m), e: -200 };
}

/** The words f32_tanh hands to the fast path: 2^-13 <= |x| < 9.5. */
function inDomain(a: number): boolean {
  const expA = (a >>> 23) & 0xff;
  return expA >= 0x7f - 13 && (a & 0x7fffffff) < 0x41180000;
}

function split(a: number): [number, number, number] {
  return [a >>> 31, (a & 0x7fffff) | 0x800000, ((a >>> 23) & 0xff) - 150];
}

function kernel(m: number, E: number): void {
  if (E < 0x7b - 150) tanhF32Poly(m, E);
  else tanhF32Exp(m, E);
}

/** The fast attempt as f32_tanh makes it, or -1. */
function fastTanh(a: number): number {
  if (!inDomain(a)) return -1;
  const [s, m, E] = split(a);
  kernel(m, E);
  return tryFinishF32(s);
}

/** Words biased to the hard places of the header (both signs). */
function hardWords(): number[] {
  const words: number[] = [];
  const near = (x: number, k: number) => {
    const w = f32Bits(x);
    for (let d = -k; d <= k; d++) words.push((w + d) >>> 0, ((w + d) ^ 0x80000000) >>> 0);
  };
  // The domain's ends and the switch at 1/16.
  for (const x of [2 ** -13, 9.5]) near(x, 300);
  near(1 / 16, 3000);
  // Every binade of the series path: its ends (the largest s at the top of each).
  for (let k = 5; k <= 13; k++) {
    near(2 ** -k, 200);
    near(2 ** -(k - 1) * (1 - 2 ** -24), 200);
  }
  // e^(−2|x|)'s exponent steps: 2|x|·log2 e = k.
  for (let k = 1; k <= 28; k++) near((k * Math.LN2) / 2, 100);
  // The reciprocal's table edges: w = j/1024.
  for (let j = 1; j < 1024; j++) if (-Math.log(j / 1024) / 2 >= 1 / 16) near(-Math.log(j / 1024) / 2, 4);
  const next = rng(31);
  const f = (lo: number, hi: number) => f32Bits(lo + ((next() >>> 8) / 2 ** 24) * (hi - lo));
  for (let i = 0; i < 6500; i++) {
    words.push(f(1 / 16, 1 / 8), f(1 / 8, 1), f(1, 9.5), f(2 ** -13, 1 / 16), f(-4, 4));
    words.push(((next() & 0x807fffff) | ((0x72 + (next() % 9)) << 23)) >>> 0);
    words.push(next());
  }
  return words.filter(inDomain);
}

describe('tanhF32 kernel', () => {
  const words = hardWords();

  it(`holds the stated bound on ${words.length} words biased to the hard places`, () => {
    const bad: string[] = [];
    let worstPoly = 0;
    let worstExp = 0;
    let maxErr = 0;
    for (const a of words) {
      const [, m, E] = split(a);
      kernel(m, E);
      const [u, err] = boundHolds(exactTanh(m, E));
      if (!(u < err)) bad.push(`${a.toString(16)}: ${u} units >= ${err}`);
      if (E < 0x7b - 150) worstPoly = Math.max(worstPoly, u / err);
      else worstExp = Math.max(worstExp, u / err);
      maxErr = Math.max(maxErr, err);
    }
    console.log(
      `tanhF32 bound: worst |error|/bound ${worstPoly.toFixed(3)} (series), ${worstExp.toFixed(3)} (exp); ` +
        `largest bound 2^${Math.log2(maxErr).toFixed(2)} units`,
    );
    expect(bad.slice(0, 10)).toEqual([]);
    expect(words.length).toBeGreaterThan(90_000);
    expect(maxErr).toBeLessThan(2 ** 30);
  });

  it('every decided result is the reference result in all six modes and both tininess settings', () => {
    expectDecidedCorrect('tanh', fastTanh, f32_tanh, words);
  });

  it('every decided result equals the forced full path (slow path) on a sample, all six modes', () => {
    expectDecidedEqualsForcedFull(fastTanh, f32_tanh, words);
  });

  it('undecided: few of a million random words, of a million values uniform in [-4, 4] and of a million N(0, 2)', () => {
    const next = rng(78);
    let words = 0;
    let missWords = 0;
    let missUniform = 0;
    let missNormal = 0;
    const u = () => ((next() >>> 8) + 0.5) / 2 ** 24;
    for (let i = 0; i < 1_000_000; i++) {
      const a = next();
      if (inDomain(a)) {
        words++;
        if (fastTanh(a) < 0) missWords++;
      }
      const b = f32Bits((u() - 0.5) * 8);
      if (inDomain(b) && fastTanh(b) < 0) missUniform++;
      const c = f32Bits(2 * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
      if (inDomain(c) && fastTanh(c) < 0) missNormal++;
    }
    console.log(
      `tanhF32 undecided: ${missWords} of ${words} random words; ${missUniform} of 1,000,000 values in [-4, 4]; ` +
        `${missNormal} of 1,000,000 N(0, 2)`,
    );
    expect(missWords).toBeLessThan(words / 2000);
    expect(missUniform).toBeLessThan(500);
    expect(missNormal).toBeLessThan(500);
  });

  it('zivStats.force sends the fast attempt to the full path; fx.e and fx.err stay small integers', () => {
    zivStats.force = true;
    try {
      expect(fastTanh(f32Bits(0.5))).toBe(-1);
      expect(fastTanh(f32Bits(0.01))).toBe(-1);
    } finally {
      zivStats.force = false;
    }
    for (const x of [0.01, 0.0624, 1 / 16, 0.5, 9.49]) {
      const [, m, E] = split(f32Bits(x));
      kernel(m, E);
      expect(Object.is(fx.e, -0)).toBe(false);
      expect(Number.isInteger(fx.err) && fx.err < 2 ** 30).toBe(true);
    }
  });
});

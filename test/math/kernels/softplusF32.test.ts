/**
 * The binary32 fast softplus (src/math/kernels/softplusF32.ts) against BigInt: the float register within the stated
 * bound on ~100k words biased to the hard places (the domain's ends, the steps of e^-|x|'s exponent n and the switch
 * between the table and series branches, the log table's interval edges of y = 1 + e^-|x|, y near 1 and 2), every
 * decided result equal to the reference in all six modes and both tininess settings (and to the forced full path on
 * a sample), the range of r·2^40 the header relies on, and the undecided rate.
 */
import { describe, expect, it } from 'vitest';
import { fx } from '../../../src/math/kernels/float.js';
import { TAB } from '../../../src/math/kernels/logF32.js';
import { tryFinishF32, zivStats } from '../../../src/math/kernels/round.js';
import { softplusF32 } from '../../../src/math/kernels/softplusF32.js';
import { f32_softplus } from '../../../src/math/softplus.js';
import { add, bf, log1p, type BF } from '../bigref.js';
import { exactExp, expectDecidedCorrect, expectDecidedEqualsForcedFull, undecidedCounts } from './support.js';
import { boundHolds, f32Bits, f32Value, rng } from '../support.js';

/** softplus(x) = max(x, 0) + ln(1 + e^-|x|). */
function exactSoftplus(sign: number, m: number, E: number): BF {
  const w = exactExp(1, m, E);
  const l = log1p(bf(w.m, w.e));
  return sign === 0 ? add(bf(BigInt(m), E), l) : l;
}

/** The words f32_softplus hands to the fast path: 2^-31 <= |x|, x < 16, x > −128. */
function inDomain(a: number): boolean {
  const expA = (a >>> 23) & 0xff;
  if (expA < 0x60) return false;
  return a >>> 31 === 0 ? expA < 0x83 : expA < 0x86;
}

function split(a: number): [number, number, number] {
  return [a >>> 31, (a & 0x7fffff) | 0x800000, ((a >>> 23) & 0xff) - 150];
}

/** The fast attempt as f32_softplus makes it, or -1. */
function fastSoftplus(a: number): number {
  if (!inDomain(a)) return -1;
  const [s, m, E] = split(a);
  softplusF32(s, m, E);
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
  for (const x of [2 ** -31, -(2 ** -31), 2 ** -30, -(2 ** -30), 15.999999, -127.99999, 64, -64]) near(x, 400);
  // e^-|x|'s exponent steps (the branch switch at n = −10/−11 among them): |x| = k·ln 2.
  for (let k = 1; k <= 23; k++) {
    near(k * Math.LN2, 150);
    near(-k * Math.LN2, 150);
  }
  for (let k = 24; k <= 184; k++) near(-k * Math.LN2, 40);
  // The log table's interval edges: y = 1 + w = 1 + i/512, w = e^-|x|.
  for (let i = 1; i < 512; i++) {
    const x = -Math.log(i / 512);
    near(x, 8);
    near(-x, 8);
  }
  const next = rng(31);
  const f = (lo: number, hi: number) => f32Bits(lo + ((next() >>> 8) / 2 ** 24) * (hi - lo));
  // y near 2 (|x| small), w near 2^-10, and everywhere.
  for (let i = 0; i < 7_000; i++) {
    words.push(f(0, 2 ** -8), f(-(2 ** -8), 0), f(6.5, 7.5), f(-7.5, -6.5), f(-128, 16), f(-15, 15));
  }
  for (let i = 0; i < 10_000; i++) words.push(next());
  return words.filter(inDomain);
}

describe('softplusF32 kernel', () => {
  const words = hardWords();

  it('r·2^40 of the table branch lies in [−2^30, 2^31) over every interval (the header relies on it)', () => {
    let lo = 0n;
    let hi = 0n;
    for (let j = 0; j < 512; j++) {
      const C = BigInt(TAB[3 * j]!);
      expect(C <= 1n << 17n).toBe(true);
      // y over [1 + j/512, 1 + (j + 1)/512): r·2^40 = (y·C/2^17 − 1)·2^40, increasing in y.
      const a = ((BigInt(512 + j) * C) << 40n) / (512n << 17n) - (1n << 40n);
      const b = ((BigInt(513 + j) * C) << 40n) - ((1n << 40n) * (512n << 17n));
      if (a < lo) lo = a;
      // The supremum b/(512·2^17) is not reached; it may equal 2^31.
      const sup = b / (512n << 17n);
      if (sup > hi) hi = sup;
    }
    expect(lo >= -(1n << 30n)).toBe(true);
    expect(hi <= 1n << 31n).toBe(true);
  });

  it(`holds the stated bound on ${words.length} words biased to the hard places`, () => {
    const bad: string[] = [];
    let worstPos = 0;
    let worstNeg = 0;
    let maxErr = 0;
    for (const a of words) {
      const [s, m, E] = split(a);
      softplusF32(s, m, E);
      const [u, err] = boundHolds(exactSoftplus(s, m, E));
      if (!(u < err)) bad.push(`${a.toString(16)}: ${u} units >= ${err}`);
      if (s === 0) worstPos = Math.max(worstPos, u / err);
      else worstNeg = Math.max(worstNeg, u / err);
      maxErr = Math.max(maxErr, fx.err);
    }
    console.log(
      `softplusF32 bound: worst |error|/bound ${worstPos.toFixed(3)} for x > 0, ${worstNeg.toFixed(3)} for x < 0; ` +
        `largest bound 2^${Math.log2(maxErr).toFixed(2)} units`,
    );
    expect(bad.slice(0, 10)).toEqual([]);
    expect(maxErr).toBeLessThan(2 ** 26.8);
    expect(words.length).toBeGreaterThan(90_000);
  });

  it('every decided result is the reference result in all six modes and both tininess settings', () => {
    expectDecidedCorrect('softplus', fastSoftplus, f32_softplus, words);
  });

  it('every decided result equals the forced full path (slow path) on a sample, all six modes', () => {
    expectDecidedEqualsForcedFull(fastSoftplus, f32_softplus, words);
  });

  it('undecided: fewer than 1 in 2,000 of a million random words and of a million values uniform in [-15, 15]', () => {
    const { words, missWords, missUniform } = undecidedCounts(fastSoftplus, inDomain, 15);
    console.log(`softplusF32 undecided: ${missWords} of ${words} random words; ${missUniform} of 1,000,000 values in [-15, 15]`);
    expect(missWords).toBeLessThan(words / 2000);
    expect(missUniform).toBeLessThan(500);
  });

  it('zivStats.force sends the fast attempt to the full path', () => {
    zivStats.force = true;
    try {
      expect(fastSoftplus(f32Bits(1.5))).toBe(-1);
    } finally {
      zivStats.force = false;
    }
    expect(f32Value(f32_softplus(f32Bits(0)))).toBe(Math.fround(Math.LN2));
  });
});

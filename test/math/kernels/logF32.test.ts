/**
 * The binary32 fast logarithm (kernels/logF32.ts) against BigInt: its reduction facts (|ρ| < 2^31 in every interval,
 * the derived T' table, the split ln 2), the float register within the stated bound fx.err on ~100k words biased to
 * the hard places (every word next to 1, the interval edges, the intervals beside 1, subnormals, the largest words,
 * powers of two), agreement of every decided result with the full-precision path in all six modes with flags, and
 * the undecided rate.
 */
import { describe, expect, it } from 'vitest';
import { env } from '../../../src/env/environment.js';
import { BY_LOG2E } from '../../../src/math/kernels/exp2.js';
import { fx } from '../../../src/math/kernels/float.js';
import { lnValue } from '../../../src/math/kernels/log.js';
import { f32_log } from '../../../src/math/log.js';
import { logFamilyF32 } from '../../../src/math/kernels/logFamily.js';
import { TAB, logF32Fast, logF32Value } from '../../../src/math/kernels/logF32.js';
import { zivStats } from '../../../src/math/kernels/round.js';
import { LOG_TABLE } from '../../../src/math/kernels/tables.js';
import { log as bigLog } from '../bigref.js';
import { boundHolds, rng } from '../support.js';
import { LN2_W, TX, W, decidedDisagreements, exactLn, toFixedW } from './support.js';

/** The split ln 2·2^70 = H·2^46 + M·2^23 + N written as literals in logF32.ts. */
const LN2_H = 0xb17217;
const LN2_M = 0x7be8e7;
const LN2_N = 0x5e6af2;

/** The words of the bound check. */
function boundWords(): number[] {
  const next = rng(2024);
  const out: number[] = [];
  // Every word with K = 0 and j ∈ {0, 511}: [1 − 2^-10, 1 + 2^-9).
  for (let a = 0x3f7fc000; a < 0x3f804000; a++) if (a !== 0x3f800000) out.push(a);
  // The K = 0 intervals beside them: [1 − 2^-9, 1 − 2^-10) and [1 + 2^-9, 1 + 2^-8), and [0.75, 1.5).
  for (let i = 0; i < 8000; i++) out.push(0x3f7f8000 + (next() % 0x4000), 0x3f804000 + (next() % 0x4000));
  for (let i = 0; i < 8000; i++) out.push(0x3f400000 + (next() % 0x400000));
  // Interval edges: m = 2^23 + j·2^14 + δ for every j, a few exponents.
  for (let j = 0; j < 512; j++) {
    for (const d of [-2, -1, 0, 1, 2]) {
      const f = (j << 14) + d;
      if (f < 0 || f > 0x7fffff) continue;
      for (const be of [0x7e, 0x7f, 0x80, 1 + (next() % 0xfd)]) out.push((be << 23) | f);
    }
  }
  // Subnormals (the smallest and random), the largest words, powers of two (ρ = 0).
  for (let a = 1; a <= 1000; a++) out.push(a);
  for (let i = 0; i < 5000; i++) out.push(1 + (next() % 0x7fffff));
  for (let a = 0x7f7fffff; a > 0x7f7fffff - 1000; a--) out.push(a);
  for (let e = 0; e < 0xff; e++) out.push(e === 0 ? 1 : e << 23);
  for (let b = 0; b < 23; b++) out.push(1 << b);
  // Random positive words.
  while (out.length < 100_000) {
    const a = next() & 0x7fffffff;
    if (a !== 0 && a < 0x7f800000 && a !== 0x3f800000) out.push(a);
  }
  return out.filter((a) => a !== 0x3f800000);
}

describe('logF32: the reduction', () => {
  it('ρ = m·C_j − 2^40 fits an int32 in every interval, so Math.imul(m, C_j) is ρ', () => {
    let max = 0;
    for (let j = 0; j < 512; j++) {
      const C = LOG_TABLE[3 * j]! & 0x3ffff;
      expect(TAB[3 * j]).toBe(C);
      for (const m of [0x800000 + j * 0x4000, 0x800000 + (j + 1) * 0x4000 - 1]) {
        const rho = Number(BigInt(m) * BigInt(C) - (1n << 40n));
        max = Math.max(max, Math.abs(rho));
        expect(Math.imul(m, C)).toBe(rho);
      }
    }
    expect(max).toBe(2147352576);
    expect(max).toBeLessThan(2 ** 31);
  });

  it("the derived T' table is within 0.502 units of 2^-56, the split ln 2 within 0.48 units of 2^-70", () => {
    let worst = 0;
    for (let j = 0; j < 512; j++) {
      const v = (BigInt(TAB[3 * j + 1]!) << 32n) | BigInt(TAB[3 * j + 2]! >>> 0);
      const diff = (v << (W - 56n)) - TX[j]!;
      worst = Math.max(worst, Math.abs(Number(diff >> (W - 80n)) / 2 ** 24));
    }
    expect(worst).toBeLessThan(0.502);
    const ln2 = (BigInt(LN2_H) << 46n) + (BigInt(LN2_M) << 23n) + BigInt(LN2_N);
    expect(LN2_M < 2 ** 23 && LN2_N < 2 ** 23 && LN2_H < 2 ** 24).toBe(true);
    expect(Math.abs(Number((ln2 << (W - 70n)) - LN2_W) / 2 ** Number(W - 70n))).toBeLessThan(0.48);
  });

  it('K·ln 2 alone (x = 2^k: ρ = 0, T\' = 0) is within 0.51 units of 2^-56', () => {
    for (let k = -149; k <= 127; k++) {
      if (k === 0) continue;
      const a = k >= -126 ? (k + 127) << 23 : 1 << (k + 149);
      logF32Value(a);
      const [u, err] = boundHolds({ m: BigInt(k) * LN2_W, e: -Number(W) });
      // err = 36·2^n after a normalizing shift n; u is in the same units.
      expect((u + 1) / (err / 36), `2^${k}`).toBeLessThan(0.51);
    }
  });

  it('the BigInt reduction of this test agrees with bigref log on 500 words', () => {
    const next = rng(11);
    for (let i = 0; i < 500; i++) {
      let a = next() & 0x7fffffff;
      if (a === 0 || a >= 0x7f800000 || a === 0x3f800000) a = 0x3f800001 + i;
      const e = a >>> 23;
      const m = e === 0 ? a & 0x7fffff : (a & 0x7fffff) | 0x800000;
      const ref = toFixedW(bigLog({ m: BigInt(m), e: e === 0 ? -149 : e - 150 }));
      const d = exactLn(a) - ref;
      expect(d < 0n ? -d : d).toBeLessThan(1024n);
    }
  });
});

describe('logF32: the float register', () => {
  const words = boundWords();

  it(`holds the stated bound on ${words.length} words (all next to 1, interval edges, ends of the range)`, () => {
    const bad: string[] = [];
    let worst = 0;
    let worstWord = 0;
    let worstFar = 0;
    let worstFarWord = 0;
    let maxErr = 0;
    for (const a of words) {
      const sign = logF32Value(a);
      const v = exactLn(a);
      if (sign !== (v < 0n ? 1 : 0)) bad.push(`${a.toString(16)}: sign ${sign}`);
      const [u, err] = boundHolds({ m: v, e: -Number(W) });
      if (!(u < err)) bad.push(`${a.toString(16)}: ${u} units >= ${err}`);
      if (u / err > worst) {
        worst = u / err;
        worstWord = a;
      }
      if ((a < 0x3f7fc000 || a >= 0x3f804000) && u / err > worstFar) {
        worstFar = u / err;
        worstFarWord = a;
      }
      maxErr = Math.max(maxErr, fx.err);
    }
    console.log(
      `logF32 bound: worst |error|/bound ${worst.toFixed(3)} at 0x${worstWord.toString(16)} (away from 1: ` +
        `${worstFar.toFixed(3)} at 0x${worstFarWord.toString(16)}); largest bound ` +
        `2^${Math.log2(maxErr).toFixed(2)} units`,
    );
    expect(bad.slice(0, 10)).toEqual([]);
    expect(maxErr).toBeLessThan(2 ** 24);
  });

  it('every decided result equals the full-precision path in all six modes, flags included', () => {
    const full = (a: number): number => logFamilyF32(a, () => -1, lnValue, BY_LOG2E);
    const { bad, decided } = decidedDisagreements(logF32Fast, full, words, { stride: (mode) => (mode === 0 ? 1 : 3) });
    expect(bad.slice(0, 10)).toEqual([]);
    expect(decided).toBeGreaterThan(250_000);
  });
});

describe('logF32: wiring into f32_log', () => {
  it('special operands and 1 behave exactly as before; zivStats.force bypasses the fast path', () => {
    const specials = [0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0xffc00001, 0x3f800000, 0xbf800000];
    specials.push(0x80000001, 0x807fffff, 0xff7fffff, 0x7fffffff, 0xffffffff);
    const exactOne = (a: number): number => (a === 0x3f800000 ? 0 : -1);
    for (const a of specials) {
      env.flags = 0;
      const got = f32_log(a);
      const gotFlags = env.flags;
      env.flags = 0;
      expect([got, gotFlags], a.toString(16)).toEqual([logFamilyF32(a, exactOne, lnValue, BY_LOG2E), env.flags]);
    }
    zivStats.force = true;
    try {
      expect(logF32Fast(0x40000000)).toBe(-1);
    } finally {
      zivStats.force = false;
    }
    env.flags = 0;
  });
});

describe('logF32: undecided rate', () => {
  it('is small on a million random positive words, and on the words next to 1', () => {
    const next = rng(77);
    const hard0 = zivStats.hard;
    let n = 0;
    let undecided = 0;
    while (n < 1_000_000) {
      const a = next() & 0x7fffffff;
      if (a === 0 || a >= 0x7f800000 || a === 0x3f800000) continue;
      n++;
      if (logF32Fast(a) < 0) undecided++;
    }
    let nearN = 0;
    let nearU = 0;
    for (let a = 0x3f7fc000; a < 0x3f804000; a++) {
      if (a === 0x3f800000) continue;
      nearN++;
      if (logF32Fast(a) < 0) nearU++;
    }
    let midN = 0;
    let midU = 0;
    for (let a = 0x3f000000; a < 0x40000000; a += 7) {
      midN++;
      if (a !== 0x3f800000 && logF32Fast(a) < 0) midU++;
    }
    console.log(
      `logF32 undecided: ${undecided} of ${n} random positive words; ` +
        `${nearU} of ${nearN} words in [1 − 2^-10, 1 + 2^-9); ` +
        `${midU} of ${midN} words in [0.5, 2)`,
    );
    // The fast path's own undecided results are not counted as slow-path events.
    expect(zivStats.hard).toBe(hard0);
    expect(undecided).toBeLessThan(100);
    expect(nearU / nearN).toBeLessThan(2 ** -10);
  });
});

/**
 * The binary32 fast log2 and log10 (kernels/logBaseF32.ts) against BigInt: the 48-bit constants, the float register
 * within the stated bound fx.err on ~50k words biased to the hard places (next to 1, powers of two and ten, interval
 * edges, subnormals, the largest words), every decided result correct in all six modes (reference and the old path,
 * flags included), the exact cases never decided by the fast path, and the undecided rate.
 */
import { describe, expect, it } from 'vitest';
import { env, type RoundingMode } from '../../../src/env/environment.js';
import { i32_to_f32 } from '../../../src/formats/convert/i32_to_f32.js';
import { BY_LOG2_10, BY_ONE } from '../../../src/math/kernels/exp2.js';
import { fx } from '../../../src/math/kernels/float.js';
import { log10Value, log2Value } from '../../../src/math/kernels/log.js';
import { log10F32Fast, log2F32Fast } from '../../../src/math/kernels/logBaseF32.js';
import { logFamilyF32 } from '../../../src/math/kernels/logFamily.js';
import { zivStats } from '../../../src/math/kernels/round.js';
import { LOG10E_64_HI, LOG10E_64_LO, LOG2E_63_HI, LOG2E_63_LO } from '../../../src/math/kernels/tables.js';
import { f32_log10 } from '../../../src/math/log10.js';
import { f32_log2 } from '../../../src/math/log2.js';
import { MODES } from '../../reference/exact.js';
import { LN10_FIXED, PREC } from '../bigref.js';
import { boundHolds, rng } from '../support.js';
import { LN2_W, W, decidedDisagreements, exactLn, expectDecidedCorrect, expectDecidedEqualsForcedFull } from './support.js';

const LN10_W = LN10_FIXED >> (PREC - W);
/** log2 e and log10 e at 2^-256. */
const LOG2E_W = (1n << (2n * W)) / LN2_W;
const LOG10E_W = (1n << (2n * W)) / LN10_W;

const POW10 = [
  0x41200000, 0x42c80000, 0x447a0000, 0x461c4000, 0x47c35000, 0x49742400, 0x4b189680, 0x4cbebc20, 0x4e6e6b28,
  0x501502f9,
];

/** Positive finite words ≠ 1, biased to the hard places. */
function boundWords(): number[] {
  const next = rng(4242);
  const out: number[] = [];
  // Next to 1: every word in [1 − 2^-13, 1 + 2^-12), and random ones in [1 − 2^-10, 1 + 2^-9) and [0.75, 1.5).
  for (let a = 0x3f7ff800; a < 0x3f800800; a++) out.push(a);
  for (let i = 0; i < 6000; i++) out.push(0x3f7fc000 + (next() % 0x8000));
  for (let i = 0; i < 4000; i++) out.push(0x3f400000 + (next() % 0x400000));
  // Powers of two and of ten, and their neighbours.
  for (let e = 1; e < 0xff; e++) for (let d = -3; d <= 3; d++) out.push((e << 23) + d);
  for (let b = 0; b < 23; b++) for (let d = -1; d <= 1; d++) out.push((1 << b) + d);
  for (const p of POW10) for (let d = -20; d <= 20; d++) out.push(p + d);
  // Interval edges of the kernel's table.
  for (let j = 0; j < 512; j++) {
    for (const d of [-1, 0, 1]) {
      const f = (j << 14) + d;
      if (f < 0 || f > 0x7fffff) continue;
      for (const be of [0x7e, 0x7f, 0x80, 1 + (next() % 0xfd)]) out.push((be << 23) | f);
    }
  }
  // Subnormals and the largest words.
  for (let a = 1; a <= 500; a++) out.push(a);
  for (let i = 0; i < 2000; i++) out.push(1 + (next() % 0x7fffff));
  for (let a = 0x7f7fffff; a > 0x7f7fffff - 500; a--) out.push(a);
  while (out.length < 50_000) out.push(1 + (next() % 0x7f7fffff));
  return out.filter((a) => a > 0 && a < 0x7f800000 && a !== 0x3f800000);
}

const words = boundWords();

const inDomain = (a: number): boolean => (a - 1) >>> 0 < 0x7f7fffff && a !== 0x3f800000;
const fast2 = (a: number): number => (inDomain(a) ? log2F32Fast(a) : -1);
const fast10 = (a: number): number => (inDomain(a) ? log10F32Fast(a) : -1);
const old2 = (a: number): number => logFamilyF32(a, () => -1, log2Value, BY_ONE);
const old10 = (a: number): number => logFamilyF32(a, () => -1, log10Value, BY_LOG2_10);

const CASES = [
  { name: 'log2', fast: log2F32Fast, fastD: fast2, full: f32_log2, old: old2, scale: LOG2E_W },
  { name: 'log10', fast: log10F32Fast, fastD: fast10, full: f32_log10, old: old10, scale: LOG10E_W },
] as const;

describe('logBaseF32: the constants', () => {
  it('the tables and the 48-bit literals are within the stated distances of log2 e·2^63 and log10 e·2^64', () => {
    const c2 = LOG2E_W >> (W - 63n);
    const c10 = LOG10E_W >> (W - 64n);
    const t2 = (BigInt(LOG2E_63_HI) << 32n) | BigInt(LOG2E_63_LO);
    const t10 = (BigInt(LOG10E_64_HI) << 32n) | BigInt(LOG10E_64_LO);
    expect(t2 - c2 >= -1n && t2 - c2 <= 1n).toBe(true);
    expect(t10 - c10 >= -1n && t10 - c10 <= 1n).toBe(true);
    const l2 = (0xb8aa3b29n << 32n) | (0x5c18n << 16n);
    const l10 = (0x6f2dec54n << 32n) | (0x9b94n << 16n);
    // |c − C'| < 2^14 (one more unit for the floor of c).
    for (const d of [l2 - c2, l10 - c10]) expect((d < 0n ? -d : d) + 1n).toBeLessThan(1n << 14n);
    // cUp = floor(c/2^48) + 1.
    expect(Number(c2 >> 48n) + 1).toBe(0xb8ab);
    expect(Number(c10 >> 48n) + 1).toBe(0x6f2e);
  });
});

for (const c of CASES) {
  describe(`logBaseF32: ${c.name}`, () => {
    it(`holds the stated bound on ${words.length} words (next to 1, powers of 2 and 10, edges, range ends)`, () => {
      const bad: string[] = [];
      let worst = 0;
      let worstWord = 0;
      let maxErr = 0;
      for (const a of words) {
        c.fast(a);
        const v = (exactLn(a) * c.scale) >> W;
        const [u, err] = boundHolds({ m: v, e: -Number(W) });
        if (!(u < err)) bad.push(`${a.toString(16)}: ${u} units >= ${err}`);
        if (u / err > worst) {
          worst = u / err;
          worstWord = a;
        }
        maxErr = Math.max(maxErr, fx.err);
      }
      console.log(
        `${c.name}F32 bound: worst |error|/bound ${worst.toFixed(3)} at 0x${worstWord.toString(16)}; ` +
          `largest bound 2^${Math.log2(maxErr).toFixed(2)} units`,
      );
      expect(bad.slice(0, 10)).toEqual([]);
      expect(maxErr).toBeLessThan(2 ** 27);
    });

    it('every decided result equals the old path in all six modes, flags included', () => {
      const { bad, decided } = decidedDisagreements(c.fast, c.old, words);
      expect(bad.slice(0, 10)).toEqual([]);
      expect(decided).toBeGreaterThan(words.length * 5.9);
    });

    it('every decided result is the reference result in all six modes and both tininess settings (sample)', () => {
      const sample = words.filter((_, i) => i % 10 === 0);
      expectDecidedCorrect(c.name, c.fastD, c.full, sample);
    });

    it('every decided result equals the forced full path (slow path) on a sample, all six modes', () => {
      expectDecidedEqualsForcedFull(c.fastD, c.full, words);
    });
  });
}

describe('logBaseF32: exact cases', () => {
  it('the fast path never decides log2(2^n) or log10(10^n); f32_log2 and f32_log10 return n exactly', () => {
    const saved = [env.roundingMode, env.flags] as const;
    for (const mode of MODES) {
      env.roundingMode = mode as RoundingMode;
      for (let n = -149; n <= 127; n++) {
        if (n === 0) continue;
        const a = n >= -126 ? (n + 127) << 23 : 1 << (n + 149);
        expect(log2F32Fast(a), `2^${n}`).toBe(-1);
        env.flags = 0;
        expect([f32_log2(a), env.flags], `2^${n}`).toEqual([i32_to_f32(n), 0]);
      }
      for (let n = 1; n <= 10; n++) {
        const a = POW10[n - 1]!;
        expect(log10F32Fast(a), `10^${n}`).toBe(-1);
        env.flags = 0;
        expect([f32_log10(a), env.flags], `10^${n}`).toEqual([i32_to_f32(n), 0]);
      }
      env.flags = 0;
      expect([f32_log2(0x3f800000), f32_log10(0x3f800000), env.flags]).toEqual([0, 0, 0]);
    }
    [env.roundingMode, env.flags] = saved;
  });

  it('special operands behave exactly as the old path; zivStats.force bypasses the fast path', () => {
    const specials = [0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0xffc00001, 0xbf800000];
    specials.push(0x80000001, 0x807fffff, 0xff7fffff, 0x7fffffff, 0xffffffff, 0xc1200000);
    for (const c of CASES) {
      for (const a of specials) {
        env.flags = 0;
        const got = c.full(a);
        const gotFlags = env.flags;
        env.flags = 0;
        expect([got, gotFlags], `${c.name} ${a.toString(16)}`).toEqual([c.old(a), env.flags]);
      }
      zivStats.force = true;
      try {
        expect(c.fast(0x40400000)).toBe(-1);
      } finally {
        zivStats.force = false;
      }
    }
    env.flags = 0;
  });
});

describe('logBaseF32: undecided rate', () => {
  it('is small on a million random positive words and next to 1', () => {
    const hard0 = zivStats.hard;
    const lines: string[] = [];
    for (const c of CASES) {
      const next = rng(77);
      let n = 0;
      let undecided = 0;
      while (n < 1_000_000) {
        const a = next() & 0x7fffffff;
        if (!inDomain(a)) continue;
        n++;
        if (c.fast(a) < 0) undecided++;
      }
      let nearN = 0;
      let nearU = 0;
      for (let a = 0x3f7fc000; a < 0x3f804000; a++) {
        if (a === 0x3f800000) continue;
        nearN++;
        if (c.fast(a) < 0) nearU++;
      }
      let midN = 0;
      let midU = 0;
      for (let a = 0x3f000000; a < 0x40000000; a += 7) {
        if (a === 0x3f800000) continue;
        midN++;
        if (c.fast(a) < 0) midU++;
      }
      lines.push(
        `${c.name}F32 undecided: ${undecided} of ${n} random positive words; ${nearU} of ${nearN} words in ` +
          `[1 − 2^-10, 1 + 2^-9); ${midU} of ${midN} words in [0.5, 2)`,
      );
      expect(undecided).toBeLessThan(200);
      expect(nearU / nearN).toBeLessThan(2 ** -9);
    }
    console.log(lines.join('\n'));
    expect(zivStats.hard).toBe(hard0);
  });
});

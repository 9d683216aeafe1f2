/**
 * The suite erf, erfc and gelu share. The three run on one kernel (src/math/kernels/erf.ts) whose fast path hands
 * the roundings it cannot decide to an accurate one, so each is checked as shipped and again with the accurate kernel
 * alone, in both tininess settings; and the doubles their specs trust are checked against the BigInt values.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { erfFastPath } from '../../../src/math/kernels/erf.js';
import { zivStats } from '../../../src/math/kernels/round.js';
import type { BF } from '../bigref.js';
import { BF16, F16, F32, type MathName } from '../reference.js';
import {
  MODES,
  biasedF32,
  biasedMillionF32,
  bfToDouble,
  exhaustive16,
  exhaustive16DecidedTests,
  f32Value,
  f32WordToBF,
  mismatches,
  rng,
  type MathOps,
} from '../support.js';

/**
 * The binary32 words among `words` where `call` differs from the reference, every mode and both tininess settings
 * (the underflow flag of these functions depends on it); the first 20, as messages.
 */
export function f32MismatchesBothTininess(fn: MathName, call: (a: number) => number, words: ArrayLike<number>): string[] {
  return mismatches(F32, fn, call, words, MODES, [0, 1], 20);
}

export interface ErfFamilyMember {
  fn: MathName;
  ops: MathOps;
  /** Where the binary32 samples are drawn: the function's hard regions. */
  regions: readonly (readonly [number, number])[];
  /** The function's own special values and edge words, a test of its own. */
  special: { title: string; run: () => void };
  /** The i-th word of the doubles-against-BigInt sample, drawn with `next` from where the spec uses doubles. */
  sampleWord: (next: () => number, i: number) => number;
  /** The double the spec computes, and the BigInt value it approximates. */
  double: (x: number) => number;
  exact: (x: BF) => BF;
}

export function erfFamilySuite(f: ErfFamilyMember): void {
  const { fn, ops, regions } = f;
  describe(fn, () => {
    afterEach(() => {
      zivStats.force = false;
      erfFastPath.accurateOnly = false;
    });

    exhaustive16DecidedTests(fn, ops);

    it('f16 and bf16: the accurate kernel alone (every fast result sent back to it) decides every word correctly', () => {
      erfFastPath.accurateOnly = true;
      const before = zivStats.hard;
      exhaustive16(F16, fn, ops.f16, [0, 2]);
      exhaustive16(BF16, fn, ops.bf16, [0, 2]);
      expect(zivStats.hard - before).toBe(0);
    });

    it('f32: a million words biased to the hard regions, correctly rounded in every mode', () => {
      expect(biasedMillionF32(fn, ops.f32, regions, [-(2 ** -20), 2 ** -20], true, 0.501)).toBe(0);
    });

    it(f.special.title, f.special.run);

    it('f32: the accurate kernel alone (every fast decision forced back to it) is correct too', () => {
      zivStats.force = true;
      expect(f32MismatchesBothTininess(fn, ops.f32, biasedF32(20_000, regions, 99))).toEqual([]);
    });

    it('the double approximation used by the reference is within 2^-44 of the BigInt value', () => {
      const next = rng(5);
      let worst = 0;
      for (let i = 0; i < 150; i++) {
        const a = f.sampleWord(next, i);
        if ((a & 0x7fffffff) === 0) continue;
        const exact = bfToDouble(f.exact(f32WordToBF(a)));
        worst = Math.max(worst, Math.abs(f.double(f32Value(a)) - exact) / Math.abs(exact));
      }
      expect(Math.log2(worst)).toBeLessThan(-44);
    });
  });
}

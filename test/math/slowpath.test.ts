/**
 * The slow path (kernels/slow.ts and each function's decider) is taken for about one binary32 argument in 2^30, so
 * the ordinary tests hardly reach it. Here every rounding is forced through it (zivStats.force) and checked against
 * the reference on a sample of each format; and the 16-bit formats are checked never to need it at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { env } from '../../src/env/environment.js';
import * as M from '../../src/math/index.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { restore } from '../support/exhaustive.js';
import { BF16, F16, F32, type Format } from '../reference/exact.js';
import type { MathName } from './reference.js';
import { biasedF32, mismatches, rng } from './support.js';

const FNS: readonly MathName[] = [
  'exp',
  'tanh',
  'sigmoid',
  'exp2',
  'expm1',
  'log',
  'log2',
  'log1p',
  'log10',
  'exp10',
  'rsqrt',
  'softplus',
];
const OPS = M as unknown as Record<string, (a: number) => number>;

/** Regions where each function computes (not its special-case shortcuts). */
const REGIONS: Record<MathName, [number, number][]> = {
  exp: [[-104, 89], [-1, 1]],
  exp2: [[-150, 128], [-1, 1]],
  exp10: [[-45, 38.5], [-1, 1]],
  expm1: [[-20, 89], [-1, 1]],
  tanh: [[-16, 16], [-1, 1]],
  sigmoid: [[-104, 18], [-1, 1]],
  log: [[1e-40, 3e38], [0.9, 1.1]],
  log2: [[1e-40, 3e38], [0.9, 1.1]],
  log10: [[1e-40, 3e38], [0.9, 1.1]],
  log1p: [[-0.99, 3e38], [-0.01, 0.01]],
  rsqrt: [[1e-40, 3e38], [0.25, 4]],
  softplus: [[-104, 16], [-1, 1]],
};

function check(fmt: Format, fn: MathName, words: ArrayLike<number>, modes: readonly number[]): string[] {
  return mismatches(fmt, fn, OPS[`${fmt.name}_${fn}`]!, words, modes);
}

afterEach(() => {
  zivStats.force = false;
  restore();
});

describe('slow path, forced for every rounding', () => {
  for (const fn of FNS) {
    it(`${fn}: 1,500 binary32 words in three modes, 3,000 binary16 and bfloat16 words each`, () => {
      zivStats.force = true;
      const hard0 = zivStats.hard;
      const fails = check(F32, fn, biasedF32(1500, REGIONS[fn], 99), [0, 2, 3]);
      const next = rng(7);
      const words16 = Array.from({ length: 3000 }, () => next() & 0xffff);
      fails.push(...check(F16, fn, words16, [0, 1, 6]), ...check(BF16, fn, words16, [0, 2, 4]));
      expect(fails.slice(0, 10), `${fails.length} mismatches`).toEqual([]);
      expect(zivStats.hard - hard0).toBeGreaterThan(1000);
    });
  }
});

describe('the 16-bit formats never need the slow path', () => {
  it('all 65,536 words of binary16 and bfloat16, every function, round to nearest and toward −∞', () => {
    const hard0 = zivStats.hard;
    for (const fn of FNS) {
      for (const fmt of ['f16', 'bf16']) {
        const call = OPS[`${fmt}_${fn}`]!;
        for (const mode of [0, 2] as const) {
          env.roundingMode = mode;
          for (let a = 0; a < 0x10000; a++) call(a);
        }
      }
    }
    expect(zivStats.hard - hard0).toBe(0);
  });
});

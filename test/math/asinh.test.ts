import { afterEach, describe, expect, it } from 'vitest';
import { env } from '../../src/env/environment.js';
import { bf16_asinh, f16_asinh, f32_asinh } from '../../src/math/asinh.js';
import { R } from '../../src/math/kernels/fixed.js';
import { asinhCore, lnTwiceCore, sqrtFloat } from '../../src/math/kernels/hyperbolic.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { F32 } from '../reference/exact.js';
import { restore } from '../support/exhaustive.js';
import { hex } from '../support/harness.js';
import * as H from './bigref/hyperbolic.js';
import './specs/asinh.js';
import {
  biasedF32,
  boundHolds,
  expectF32Cases,
  kernelBoundFailures,
  mathSuite,
  referenceSelfCheckSuite,
  rng,
  slowPathSuite,
} from './support.js';

const OPS = { f32: f32_asinh, f16: f16_asinh, bf16: bf16_asinh };
const REGIONS = [
  [-(2 ** -6), 2 ** -6],
  [2 ** -12, 2 ** -8],
  [-1, 1],
  [-8, 8],
  [1, 2 ** 33],
  [-(2 ** 40), -1],
] as const;

mathSuite('asinh', OPS, REGIONS, [-(2 ** -10), 2 ** -10], true, 0.5);

afterEach(() => {
  zivStats.force = false;
  restore();
});

describe('asinh: special values and flags', () => {
  it('binary32', () => {
    expectF32Cases(f32_asinh, [
      // [mode, a, result, flags]
      [0, 0x00000000, 0x00000000, 0],
      [0, 0x80000000, 0x80000000, 0],
      [0, 0x7f800000, 0x7f800000, 0],
      [0, 0xff800000, 0xff800000, 0],
      [0, 0x7fa00000, 0x7fe00000, 0x10],
      // Tiny: x nudged toward zero; subnormals underflow.
      [0, 0x00000001, 0x00000001, 0x03],
      [1, 0x00000001, 0x00000000, 0x03],
      [3, 0x80000001, 0x80000000, 0x03],
      [2, 0x80000001, 0x80000001, 0x03],
      [1, 0x39000000, 0x38ffffff, 0x01],
      [0, 0x00800000, 0x00800000, 0x01],
      [1, 0x00800000, 0x007fffff, 0x03],
    ]);
  });
  it('the largest binary32 number', () => {
    env.flags = 0;
    // asinh(2^128(1 − 2^-24)) ≈ 89.41598623, binary32 0x42b2d4fc.
    expect([hex(F32, f32_asinh(0x7f7fffff)), env.flags]).toEqual([hex(F32, 0x42b2d4fc), 0x01]);
  });
});

slowPathSuite('asinh', OPS, [[-3e38, 3e38], [-1, 1], [2 ** -12, 2 ** -9]]);

describe('asinh: the kernel error bounds', () => {
  it('the 64-bit square root: 20,000 random radicands', () => {
    const next = rng(11);
    const bad: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const hi = (next() | 0x80000000) >>> 0;
      const lo = next();
      const q = (next() % 256) - 128;
      R[40] = hi;
      R[41] = lo;
      sqrtFloat(40, q, 0);
      const [u, err] = boundHolds(H.sqrt({ m: (BigInt(hi) << 32n) | BigInt(lo), e: q }));
      if (u > err) bad.push(`sqrt(${hi.toString(16)}:${lo.toString(16)}·2^${q}): ${u} units > ${err}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('hold against the BigInt value on 3,000 binary32 arguments', () => {
    // |x| from 2^-12 (below it, x itself nudged), finite; from 2^32 up ln(2x), the rest the full formula.
    const words = biasedF32(3000, [[2 ** -12, 1], [1, 2 ** 40], [2 ** -12, 2 ** -8], [2 ** -10, 2 ** -4]], 3);
    const inDomain = (x: number) => x >>> 23 >= 0x7f - 12 && x >>> 23 !== 0xff;
    const kernel = (m: number, E: number, x: number) => (x >>> 23 >= 0x7f + 32 ? lnTwiceCore(m, E, 24) : asinhCore(m, E, 24));
    expect(kernelBoundFailures(words, inDomain, kernel, H.asinh)).toEqual([]);
  });
});

referenceSelfCheckSuite('asinh', [[-3e38, 3e38], [-1, 1]]);

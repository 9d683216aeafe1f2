import { afterEach, describe, expect, it } from 'vitest';
import { env } from '../../src/env/environment.js';
import { bf16_atanh, f16_atanh, f32_atanh } from '../../src/math/atanh.js';
import { atanhCore } from '../../src/math/kernels/hyperbolic.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { restore } from '../support/exhaustive.js';
import * as H from './bigref/hyperbolic.js';
import './specs/atanh.js';
import { biasedF32, expectF32Cases, kernelBoundFailures, mathSuite, referenceSelfCheckSuite, slowPathSuite } from './support.js';

const OPS = { f32: f32_atanh, f16: f16_atanh, bf16: bf16_atanh };
const REGIONS = [
  [-(2 ** -6), 2 ** -6],
  [2 ** -12, 2 ** -8],
  [-1, 1],
  [0.99, 1],
  [-1, -0.999],
  [-2, 2],
] as const;

mathSuite('atanh', OPS, REGIONS, [-(2 ** -10), 2 ** -10], true, 0.5);

afterEach(() => {
  zivStats.force = false;
  restore();
});

describe('atanh: special values and flags', () => {
  it('binary32', () => {
    expectF32Cases(f32_atanh, [
      // [mode, a, result, flags]
      [0, 0x00000000, 0x00000000, 0],
      [0, 0x80000000, 0x80000000, 0],
      [0, 0x3f800000, 0x7f800000, 0x08],
      [1, 0xbf800000, 0xff800000, 0x08],
      [0, 0x3f800001, 0xffc00000, 0x10],
      [0, 0x7f800000, 0xffc00000, 0x10],
      [0, 0xff800000, 0xffc00000, 0x10],
      [0, 0x7fa00000, 0x7fe00000, 0x10],
      // Tiny: x nudged away from zero; subnormals underflow.
      [0, 0x00000001, 0x00000001, 0x03],
      [3, 0x00000001, 0x00000002, 0x03],
      [2, 0x80000001, 0x80000002, 0x03],
      [3, 0x39000000, 0x39000001, 0x01],
      // atanh(1 − 2^-24) = ln(2^25 − 1)/2 ≈ 8.6643397.
      [0, 0x3f7fffff, 0x410aa123, 0x01],
    ]);
  });
  it('the 16-bit formats: poles and domain', () => {
    env.flags = 0;
    expect([f16_atanh(0x3c00), bf16_atanh(0xbf80), env.flags]).toEqual([0x7c00, 0xff80, 0x08]);
    env.flags = 0;
    expect([f16_atanh(0x3c01), bf16_atanh(0xff80), env.flags]).toEqual([0xfe00, 0xffc0, 0x10]);
  });
});

slowPathSuite('atanh', OPS, [[-1, 1], [0.99, 1], [2 ** -12, 2 ** -9]]);

describe('atanh: the kernel error bounds', () => {
  it('hold against the BigInt value on 3,000 binary32 arguments', () => {
    // |x| from 2^-12 (below it, x itself nudged) to below 1.
    const words = biasedF32(3000, [[2 ** -12, 1], [0.99, 1], [2 ** -12, 2 ** -8], [2 ** -10, 2 ** -4]], 3);
    const inDomain = (x: number) => x >>> 23 >= 0x7f - 12 && x >>> 23 < 0x7f;
    expect(kernelBoundFailures(words, inDomain, (m, E) => atanhCore(m, E, 24), H.atanh)).toEqual([]);
  });
});

referenceSelfCheckSuite('atanh', [[-1, 1], [0.99, 1]]);

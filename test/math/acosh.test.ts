import { afterEach, describe, expect, it } from 'vitest';
import { env } from '../../src/env/environment.js';
import { bf16_acosh, f16_acosh, f32_acosh } from '../../src/math/acosh.js';
import { acoshCore, lnTwiceCore } from '../../src/math/kernels/hyperbolic.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { restore } from '../support/exhaustive.js';
import * as H from './bigref/hyperbolic.js';
import './specs/acosh.js';
import { biasedF32, expectF32Cases, kernelBoundFailures, mathSuite, referenceSelfCheckSuite, slowPathSuite } from './support.js';

const OPS = { f32: f32_acosh, f16: f16_acosh, bf16: bf16_acosh };
const REGIONS = [
  [1, 1.001],
  [1, 1.1],
  [1, 8],
  [1, 2 ** 33],
  [2 ** 30, 3e38],
  [-1, 1],
] as const;

mathSuite('acosh', OPS, REGIONS, [1, 1 + 2 ** -12], true, 0.5);

afterEach(() => {
  zivStats.force = false;
  restore();
});

describe('acosh: special values and flags', () => {
  it('binary32', () => {
    expectF32Cases(f32_acosh, [
      // [mode, a, result, flags]
      [0, 0x3f800000, 0x00000000, 0],
      [2, 0x3f800000, 0x00000000, 0],
      [0, 0x7f800000, 0x7f800000, 0],
      [0, 0xff800000, 0xffc00000, 0x10],
      [0, 0x00000000, 0xffc00000, 0x10],
      [0, 0x80000000, 0xffc00000, 0x10],
      [0, 0x3f7fffff, 0xffc00000, 0x10],
      [0, 0xbf800000, 0xffc00000, 0x10],
      [0, 0x7fa00000, 0x7fe00000, 0x10],
      [0, 0xffc00001, 0xffc00001, 0],
      // acosh(1 + 2^-23) = 2^-11·(1 − 2^-23/12 + …), just below 2^-11.
      [0, 0x3f800001, 0x3a000000, 0x01],
      [1, 0x3f800001, 0x39ffffff, 0x01],
    ]);
  });
  it('the 16-bit formats: 1, +∞, below 1', () => {
    env.flags = 0;
    expect([f16_acosh(0x3c00), bf16_acosh(0x3f80), f16_acosh(0x7c00), bf16_acosh(0x7f80), env.flags]).toEqual([0, 0, 0x7c00, 0x7f80, 0]);
    expect([f16_acosh(0x3bff), bf16_acosh(0x8000), env.flags]).toEqual([0xfe00, 0xffc0, 0x10]);
  });
});

slowPathSuite('acosh', OPS, [[1, 3e38], [1, 2], [1, 1.01]]);

describe('acosh: the kernel error bounds', () => {
  it('hold against the BigInt value on 3,000 binary32 arguments', () => {
    // x above 1 (the sign dropped), finite; from 2^32 up ln(2x), the rest the full formula.
    const words = biasedF32(3000, [[1, 1.01], [1, 2 ** 40], [1, 2], [1, 3e38]], 3);
    const inDomain = (x: number) => x > 0x3f800000 && x >>> 23 !== 0xff;
    const kernel = (m: number, E: number, x: number) => (x >>> 23 >= 0x7f + 32 ? lnTwiceCore(m, E, 24) : acoshCore(m, E));
    expect(kernelBoundFailures(words, inDomain, kernel, H.acosh)).toEqual([]);
  });
});

referenceSelfCheckSuite('acosh', [[1, 3e38], [1, 2]]);

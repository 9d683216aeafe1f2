import { afterEach, describe, expect, it } from 'vitest';
import { env } from '../../src/env/environment.js';
import { bf16_cosh, f16_cosh, f32_cosh } from '../../src/math/cosh.js';
import { coshSinhCore } from '../../src/math/kernels/hyperbolic.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { restore } from '../support/exhaustive.js';
import * as H from './bigref/hyperbolic.js';
import './specs/cosh.js';
import { SINH_COSH } from './support/hyperbolic.js';
import { expectF32Cases, kernelBoundFailures, mathSuite, referenceSelfCheckSuite, slowPathSuite } from './support.js';

const OPS = { f32: f32_cosh, f16: f16_cosh, bf16: bf16_cosh };

mathSuite('cosh', OPS, SINH_COSH.regions, SINH_COSH.tinyRegion, true, 0.5);

afterEach(() => {
  zivStats.force = false;
  restore();
});

describe('cosh: special values and flags', () => {
  it('binary32', () => {
    expectF32Cases(f32_cosh, [
      // [mode, a, result, flags]
      [0, 0x00000000, 0x3f800000, 0],
      [2, 0x80000000, 0x3f800000, 0],
      [0, 0x7f800000, 0x7f800000, 0],
      [0, 0xff800000, 0x7f800000, 0],
      [0, 0xff800001, 0xffc00001, 0x10],
      [0, 0x42b30000, 0x7f800000, 0x05],
      [1, 0xc2b30000, 0x7f7fffff, 0x05],
      [2, 0x42b30000, 0x7f7fffff, 0x05],
      [0, 0xff7fffff, 0x7f800000, 0x05],
      // Tiny: 1 nudged up, inexact only.
      [0, 0x00000001, 0x3f800000, 0x01],
      [3, 0x80000001, 0x3f800001, 0x01],
      [6, 0x39000000, 0x3f800001, 0x01],
      [1, 0x39000000, 0x3f800000, 0x01],
    ]);
  });
  it('the 16-bit formats: zeros exactly 1, infinities, overflow', () => {
    env.flags = 0;
    expect([f16_cosh(0x8000), bf16_cosh(0x0000), f16_cosh(0xfc00), bf16_cosh(0xff80), env.flags]).toEqual([0x3c00, 0x3f80, 0x7c00, 0x7f80, 0]);
    expect([f16_cosh(0xca00), env.flags]).toEqual([0x7c00, 0x05]);
  });
});

slowPathSuite('cosh', OPS, SINH_COSH.slowPathRegions);

describe('cosh: the kernel error bound', () => {
  it('holds against the BigInt value on 3,000 binary32 arguments', () => {
    const kernel = (m: number, E: number) => coshSinhCore(m, E, false);
    expect(kernelBoundFailures(SINH_COSH.kernelSample(), SINH_COSH.kernelDomain, kernel, H.cosh)).toEqual([]);
  });
});

referenceSelfCheckSuite('cosh', SINH_COSH.referenceRegions);

import { afterEach, describe, expect, it } from 'vitest';
import { env } from '../../src/env/environment.js';
import { coshSinhCore, sinhSmallCore } from '../../src/math/kernels/hyperbolic.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { bf16_sinh, f16_sinh, f32_sinh } from '../../src/math/sinh.js';
import { restore } from '../support/exhaustive.js';
import * as H from './bigref/hyperbolic.js';
import './specs/sinh.js';
import { SINH_COSH } from './support/hyperbolic.js';
import { expectF32Cases, kernelBoundFailures, mathSuite, referenceSelfCheckSuite, slowPathSuite } from './support.js';

const OPS = { f32: f32_sinh, f16: f16_sinh, bf16: bf16_sinh };

mathSuite('sinh', OPS, SINH_COSH.regions, SINH_COSH.tinyRegion, true, 0.5);

afterEach(() => {
  zivStats.force = false;
  restore();
});

describe('sinh: special values and flags', () => {
  it('binary32', () => {
    expectF32Cases(f32_sinh, [
      // [mode, a, result, flags]
      [0, 0x00000000, 0x00000000, 0],
      [0, 0x80000000, 0x80000000, 0],
      [0, 0x7f800000, 0x7f800000, 0],
      [0, 0xff800000, 0xff800000, 0],
      [0, 0x7f800001, 0x7fc00001, 0x10],
      [0, 0x42b30000, 0x7f800000, 0x05],
      [1, 0x42b30000, 0x7f7fffff, 0x05],
      [2, 0xc2b30000, 0xff800000, 0x05],
      [3, 0xc2b30000, 0xff7fffff, 0x05],
      [0, 0x7f7fffff, 0x7f800000, 0x05],
      // Tiny: x nudged away from zero; subnormals underflow.
      [0, 0x00000001, 0x00000001, 0x03],
      [3, 0x00000001, 0x00000002, 0x03],
      [2, 0x80000001, 0x80000002, 0x03],
      [1, 0x80000001, 0x80000001, 0x03],
      [3, 0x39000000, 0x39000001, 0x01],
    ]);
  });
  it('the 16-bit formats: zeros, infinities, overflow', () => {
    env.flags = 0;
    expect([f16_sinh(0x8000), bf16_sinh(0x8000), f16_sinh(0x7c00), bf16_sinh(0xff80), env.flags]).toEqual([0x8000, 0x8000, 0x7c00, 0xff80, 0]);
    expect([f16_sinh(0x4a00), env.flags]).toEqual([0x7c00, 0x05]);
  });
});

slowPathSuite('sinh', OPS, SINH_COSH.slowPathRegions);

describe('sinh: the kernel error bounds', () => {
  it('hold against the BigInt value on 3,000 binary32 arguments', () => {
    // Below 1 sinhSmallCore (from e^x − 1, no cancellation), from 1 up (v − 1/v)/2 with v = e^x.
    const kernel = (m: number, E: number, x: number) => (x < 0x3f800000 ? sinhSmallCore(m, E) : coshSinhCore(m, E, true));
    expect(kernelBoundFailures(SINH_COSH.kernelSample(), SINH_COSH.kernelDomain, kernel, H.sinh)).toEqual([]);
  });
});

referenceSelfCheckSuite('sinh', SINH_COSH.referenceRegions);
